/**
 * `dstream-sim test` in worker threads: --jobs gives the output of a run one after another,
 * --timeout stops a stuck scenario and names where it was, --shard splits the suite evenly.
 * Runs the built command (the workers are compiled files).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { makeScenario } from '../__helpers__/scenarioDir';

const root = path.join(__dirname, '..', '..');
beforeAll(() => {
  if (!fs.existsSync(path.join(root, 'dist', 'scenario', 'isolated', 'scenarioWorker.js'))) {
    execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: root });
  }
}, 120_000);

const cli = (args: string[], cwd = root): { status: number | null; stdout: string } => {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'dstream-sim.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout };
};
/** The table without its durations, which vary. */
const stable = (s: string): string => s.replace(/ +\d+ ms\n/g, '\n');

test('--jobs 2 (and the default, one per core) prints what --jobs 1 prints, row for row', () => {
  const one = cli(['test', 'scenarios', '-t', 'notes-*', '--jobs', '1']);
  const two = cli(['test', 'scenarios', '-t', 'notes-*', '--jobs', '2']);
  const byDefault = cli(['test', 'scenarios', '-t', 'notes-*']);
  expect(one.status).toBe(0);
  expect(stable(two.stdout)).toBe(stable(one.stdout));
  expect(stable(byDefault.stdout)).toBe(stable(one.stdout));
  expect(cli(['test', '--help']).stdout.replace(/\s+/g, ' ')).toContain(`(default: ${os.availableParallelism()})`);
}, 60_000);

test('a scenario stuck in a user function is stopped by the watchdog; the others still run', () => {
  const stuck = makeScenario('stuck', {
    program: `import { SparkContext, StreamingContext } from 'dstream-sim';
const ssc = new StreamingContext(new SparkContext({ master: 'local[2]' }), 1);
ssc.queueStream([[1], [2]]).filter((x: number) => { while (x === 2) { /* stuck */ } return true; }).pprint();
ssc.start();
await ssc.awaitTermination();
`,
    yaml: 'until: 3\n',
  });
  fs.cpSync(path.join(root, 'scenarios', 'notes-map'), path.join(path.dirname(stuck), 'notes-map'), { recursive: true });
  const r = cli(['test', path.dirname(stuck), '--timeout', '3']);
  expect(r.status).toBe(1);
  expect(r.stdout).toMatch(/notes-map\s+\d+\s+pass/);
  expect(r.stdout).toMatch(/stuck\s+0\s+ERROR/);
  expect(r.stdout).toContain(
    'SimulationError: stopped after 3 s of real time in batch 2000 ms, output operation 0 (pprint [2]): a user function did not return (an endless loop?)',
  );
}, 60_000);

test('--shard i/n: the shares are disjoint and together run every scenario once', () => {
  const names = (s: string): string[] => [...s.matchAll(/^(scenarios\/\S+)\s+\d+\s+pass/gm)].map((m) => m[1]!);
  const all = names(cli(['test', 'scenarios']).stdout);
  const shares = [1, 2, 3].map((i) => names(cli(['test', 'scenarios', '--shard', `${i}/3`]).stdout));
  expect(shares.flat().sort()).toEqual([...all].sort());
  for (const s of shares) expect(s.length).toBeGreaterThanOrEqual(Math.floor(all.length / 3));
  expect(cli(['test', 'scenarios', '--shard', '4/3']).status).toBe(1);
}, 60_000);
