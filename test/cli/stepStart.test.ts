/** `dstream-sim step --start`: stepping a dated run counts seconds from its start, as the transcript does. */
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { stepCommand } from '../../src/cli/commands/step';

const dir = path.join(__dirname, '..', '..', 'scenarios', 'notes-update-state-by-key');

async function step(commands: string[], opts: { start?: string; prompt?: boolean } = {}): Promise<{ code: number; out: string }> {
  let out = '';
  const input = Readable.from(commands.map((c) => `${c}\n`));
  const code = await stepCommand(dir, { ...opts, input, out: (t) => void (out += t) });
  return { code, out };
}

test('until, the prompt and the views use seconds since the start; pprint prints the date', async () => {
  const r = await step(['until 3', 'state updateStateByKey', 'q'], { start: '2026-01-01T00:00:00Z', prompt: true });
  expect(r.code).toBe(0);
  const [beforeQuit] = r.out.split('[3000 ms] > updateStateByKey');
  expect(beforeQuit).toContain('[0 ms] > ');
  expect(beforeQuit).toContain('== batch 3000 ms ==');
  expect(beforeQuit).toContain('Time: 2026-01-01 00:00:03');
  expect(beforeQuit).not.toContain('== batch 6000 ms ==');
  expect(r.out).toContain('[3000 ms] > updateStateByKey [2] after 3000 ms (3 keys):');
});

test('a bad --start is refused with what to write', async () => {
  const r = await step(['q'], { start: 'tomorrow' });
  expect(r.code).toBe(2);
  expect(r.out).toBe("dstream-sim step --start: 'tomorrow' is not an ISO-8601 date-time (YYYY-MM-DDThh:mm:ss with Z or an offset); write e.g. 2026-01-01T00:00:00Z\n");
});
