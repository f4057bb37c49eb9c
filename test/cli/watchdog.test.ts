/**
 * A user function stuck in an endless loop never hangs the command: a real-time watchdog stops
  * the run and names where it was. Runs the built command (the watchdog needs the compiled worker).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeScenario } from '../__helpers__/scenarioDir';

const root = path.join(__dirname, '..', '..');
beforeAll(() => {
  if (!fs.existsSync(path.join(root, 'dist', 'cli', 'runWorker.js'))) {
    execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: root });
  }
}, 120_000);

const run = (program: string): { status: number | null; stdout: string; stderr: string } => {
  const dir = makeScenario('loop', { program, yaml: 'until: 5\n' });
  return spawnSync(process.execPath, [path.join(root, 'bin', 'dstream-sim.js'), 'run', path.join(dir, 'program.ts'), '--until', '5', '--timeout', '3'], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
};

test('an endless loop in a map function is stopped and named by batch and output operation', () => {
  const r = run(`import { SparkContext, StreamingContext } from 'dstream-sim';
const ssc = new StreamingContext(new SparkContext({ master: 'local[2]' }), 1);
ssc.queueStream([[1], [2], [3]]).map((x: number) => { while (x === 2) { /* stuck */ } return x; }).pprint();
ssc.start();
await ssc.awaitTermination();
`);
  expect(r.status).toBe(1);
  expect(r.stdout).toContain('Time: 1970-01-01 00:00:01');
  expect(r.stderr).toContain(
    'stopped after 3 s of real time in batch 2000 ms, output operation 0 (pprint [2]): a user function did not return (an endless loop?)',
  );
}, 30_000);

test("an endless loop in the program's own code is named as such", () => {
  const r = run(`for (;;) { /* stuck before any batch */ }\n`);
  expect(r.status).toBe(1);
  expect(r.stderr).toContain("stopped after 3 s of real time in the program's own code (at 0 ms of virtual time)");
}, 30_000);
