/**
 * The installed command, end to end: `run` executes an unmodified TypeScript program; `step` is
 * driven through piped input; `test` takes its options from the command line.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bin, ensureBuilt, root } from '../__helpers__/builtCli';

beforeAll(ensureBuilt, 120_000);

const cli = (args: string[], input?: string, env: NodeJS.ProcessEnv = { NO_COLOR: '1' }): { status: number | null; stdout: string; stderr: string } => {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};

test('run executes an unmodified TypeScript program and prints what PySpark would', () => {
  const r = cli(['run', 'scenarios/notes-map/program.ts', '--until', '1']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.stdout).toBe(
    [
      '-------------------------------------------',
      'Time: 1970-01-01 00:00:01',
      '-------------------------------------------',
      "('a', 1)",
      "('b', 1)",
      "('c', 1)",
      "('c', 1)",
      "('c', 1)",
      '',
      '',
    ].join('\n'),
  );
});

test('run with a timeline serves the socket and prints the word counts', () => {
  const r = cli(['run', 'scenarios/notes-socket-word-count/program.ts', '--timeline', 'scenarios/notes-socket-word-count/timeline.yaml', '--until', '3']);
  expect(r.status).toBe(0);
  expect(r.stdout).toContain("('hello', 2)");
});

test('run without a length is refused with the fix', () => {
  const r = cli(['run', 'scenarios/notes-map/program.ts']);
  expect(r.status).toBe(2);
  expect(r.stdout).toContain('say how long to run: --until <seconds> or --batches <n>');
});

test('step is scripted through piped input', () => {
  const script = ['n', 'n', 'state updateStateByKey', 'rdd map', 'graph', 'why', 'until 12', 'n', 'q'].join('\n') + '\n';
  const r = cli(['step', 'scenarios/notes-update-state-by-key'], script);
  expect(r.status).toBe(0);
  const out = r.stdout;
  expect(out).toContain('stepping notes-update-state-by-key');
  expect(out).toContain('== batch 3000 ms ==');
  expect(out).toContain('== batch 6000 ms ==');
  expect(out.indexOf('== batch 6000 ms ==')).toBeLessThan(out.indexOf('updateStateByKey [2] after 6000 ms (3 keys):'));
  expect(out).toMatch(/updateStateByKey \[2\] after 6000 ms \(3 keys\):\n {2}'b' +2\n {2}'c' +2\n {2}'a' +1/);
  expect(out).toContain("map [1] at 6000 ms (2 partitions): [('b', 1), ('c', 1)]");
  expect(out).toMatch(/output 0:\n {2}pprint \[3\] {2}\(ForEachDStream, slide 3000 ms\)\n {4}└─ updateStateByKey \[2\] {2}\(PythonStateDStream, slide 3000 ms\)\n {7}└─ map \[1\]/);
  expect(out).toContain('no call has been refused');
  expect(out).toContain('== batch 12000 ms ==');
  expect(out).toContain('the program has ended');
  expect(out).toContain('StreamingContext 0 stopped');
});

test('step explains why a lifecycle call was refused', () => {
  const r = cli(['step', 'scenarios/lifecycle-restart-after-stop'], 'n\nwhy\nq\n');
  expect(r.status).toBe(0);
  expect(r.stdout).toContain('StreamingContext.start() was refused at 1000 ms.');
  expect(r.stdout).toContain('rule: start-after-stop — A StreamingContext starts once');
  expect(r.stdout).toContain('Spark says: IllegalStateError: StreamingContext has already been stopped');
});

test('--version prints the version from package.json', () => {
  const version = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
  const r = cli(['--version']);
  expect(r).toEqual({ status: 0, stdout: `${version}\n`, stderr: '' });
});

test('test -t runs the matching bundled scenarios; colour follows --color, --no-color, NO_COLOR and FORCE_COLOR', () => {
  const plain = cli(['test', 'scenarios', '-t', 'notes-w*']);
  expect(plain.status).toBe(0);
  expect(plain.stdout).toMatch(/^scenario +batches +result +time\nscenarios\/notes-window +5 +pass +\d+ ms\n\n1 passed, 0 failed\n$/);
  const green = '\u001b[32mpass';
  expect(cli(['test', 'scenarios', '-t', 'notes-w*', '--color']).stdout).toContain(green);
  expect(cli(['--color', 'test', 'scenarios', '-t', 'notes-w*'], undefined, { NO_COLOR: '1' }).stdout).toContain(green);
  expect(cli(['test', 'scenarios', '-t', 'notes-w*'], undefined, { FORCE_COLOR: '1' }).stdout).toContain(green);
  expect(cli(['test', 'scenarios', '-t', 'notes-w*', '--no-color'], undefined, { FORCE_COLOR: '1' }).stdout).not.toContain('\u001b[');
  expect(cli(['test', 'scenarios', '-t', 'notes-w*'], undefined, { FORCE_COLOR: '1', NO_COLOR: '1' }).stdout).not.toContain('\u001b[');
});

test('test --reporter accepts junit or json only', () => {
  const r = cli(['test', 'scenarios', '--reporter', 'tap']);
  expect(r.status).toBe(1);
  expect(r.stderr).toContain("error: option '--reporter <format>' argument 'tap' is invalid. Allowed choices are junit, json.");
});

test('a reader that stops early (run … | head -1) ends the command quietly, not with an unhandled EPIPE', () => {
  const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${bin}" run scenarios/notes-window/program.ts --until 300 | head -1`], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  expect(r.stdout).toBe('-------------------------------------------\n');
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
});
