/** A .py run is deterministic: the same transcript every time, whatever the machine's TZ and LANG. */
import { runScenario } from 'dstream-sim';

jest.setTimeout(60_000);

const dir = `${__dirname}/../../scenarios/py-notes-socket-word-count`;

test('the same transcript twice, and with TZ and LANG changed', async () => {
  const first = await runScenario(dir);
  const saved = { TZ: process.env['TZ'], LANG: process.env['LANG'], LC_ALL: process.env['LC_ALL'] };
  process.env['TZ'] = 'Asia/Seoul';
  process.env['LANG'] = 'ko_KR.UTF-8';
  process.env['LC_ALL'] = 'de_DE.UTF-8';
  try {
    const second = await runScenario(dir);
    expect(second.transcript).toBe(first.transcript);
    expect(second.printed).toBe(first.printed);
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  expect(first.transcript).toContain("('spark', 2)");
});

test("the scenario's time zone, not the machine's, is Python's local time", async () => {
  const a = await runScenario(`${__dirname}/../../scenarios/py-notes-map`);
  process.env['TZ'] = 'America/New_York';
  try {
    const b = await runScenario(`${__dirname}/../../scenarios/py-notes-map`);
    expect(b.transcript).toBe(a.transcript);
  } finally {
    delete process.env['TZ'];
  }
});
