/**
 * A program's console is its own (never the process's), two runs in one process never see each
 * other, and an error in the program shows the user's own file:line.
 */
import * as path from 'node:path';
import { findScenarios, runScenario } from 'dstream-sim';
import { makeScenario } from '../__helpers__/scenarioDir';

const bundled = findScenarios([path.join(__dirname, '..', '..', 'scenarios')]);

test('scenarios run in parallel give the transcripts they give one at a time, and the global console is untouched', async () => {
  const log = console.log;
  const spy = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  try {
    const sequential: string[] = [];
    for (const dir of bundled) sequential.push((await runScenario(dir)).transcript);
    const parallel = await Promise.all(bundled.map(async (dir) => (await runScenario(dir)).transcript));
    expect(parallel).toEqual(sequential);
    expect(spy).not.toHaveBeenCalled();
  } finally {
    spy.mockRestore();
  }
  expect(console.log).toBe(log);
}, 120_000);

test("console.log in the program becomes 'program:' lines, formatted as console.log formats", async () => {
  const dir = makeScenario('console', {
    program: `console.log('plain', 1, { a: [1, 2] });\nconsole.log('%s has %d', 'x', 2);\nconsole.error(new TypeError('bad'));\n`,
    yaml: 'until: 1\n',
  });
  const r = await runScenario(dir);
  expect(r.transcript).toContain('[0 ms] program: plain 1 { a: [ 1, 2 ] }');
  expect(r.transcript).toContain('[0 ms] program: x has 2');
  expect(r.transcript).toContain('[0 ms] program: TypeError: bad');
});

const failing = `import { SparkContext, StreamingContext } from 'dstream-sim';
const ssc = new StreamingContext(new SparkContext({ master: 'local[2]' }), 1);
ssc.queueStream([[1, 2]]).map((x: number) => {
  if (x === 2) throw new RangeError('two is too many');
  return x;
}).pprint();
ssc.start();
await ssc.awaitTermination();
`;

test('an error in a lambda shows where the user wrote it, with the line', async () => {
  const r = await runScenario(makeScenario('lambda-error', { program: failing, yaml: 'until: 1\n' }));
  const lines = r.transcript.split('\n');
  const i = lines.findIndex((l) => l.startsWith('[1000 ms] error (Error running job streaming job 1000 ms.0)'));
  expect(i).toBeGreaterThan(0);
  expect(lines[i + 1]).toBe('  at program.ts:4:22');
  expect(lines[i + 2]).toContain("if (x === 2) throw new RangeError('two is too many');");
  expect(lines[i + 3]).toMatch(/^ +\| +\^$/);
  expect(r.transcript).toContain('program failed: SparkError: Job aborted due to stage failure');
});

test('a compile error is reported with esbuild’s location and message', async () => {
  const r = await runScenario(makeScenario('syntax', { program: 'const x = ;\n', yaml: 'until: 1\n' }));
  expect(r.transcript).toMatch(/program failed: SimulationError: .*program\.ts:1:11/);
  expect(r.transcript).toContain('Unexpected ";"');
});
