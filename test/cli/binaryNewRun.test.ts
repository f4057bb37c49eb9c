/** The installed command, end to end: `new` → `test --update` → `test`; `run --inspect`, `--events json`, `--start`. */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.join(__dirname, '..', '..');
const bin = path.join(root, 'bin', 'dstream-sim.js');

beforeAll(() => {
  // npm ci builds dist/ (prepare); build it here too when a developer has not.
  if (!fs.existsSync(path.join(root, 'dist', 'cli', 'main.js'))) {
    execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: root });
  }
}, 120_000);

const cli = (args: string[], cwd = root): { status: number | null; stdout: string; stderr: string } => {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env['CI'];
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};

test('dstream-sim new my-wc --from socket && dstream-sim test my-wc --update my-wc && dstream-sim test my-wc', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dstream-sim-bin-new-'));
  try {
    const made = cli(['new', 'my-wc', '--from', 'socket'], dir);
    expect(made.status).toBe(0);
    expect(made.stdout).toContain('created my-wc/');
    const update = cli(['test', 'my-wc', '--update', 'my-wc'], dir);
    expect(update.status).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'my-wc', 'expected.golden'), 'utf8')).toContain("('hello', 2)");
    const check = cli(['test', 'my-wc'], dir);
    expect(check.status).toBe(0);
    expect(check.stdout).toMatch(/my-wc\s+3\s+pass/);
    const again = cli(['new', 'my-wc'], dir);
    expect(again.status).toBe(2);
    expect(again.stdout).toContain("'my-wc' already exists");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('run --events json --start prints the event log, one JSON event a line', () => {
  const r = cli(['run', 'scenarios/notes-map/program.ts', '--until', '1', '--events', 'json', '--start', '2026-01-01T00:00:00Z']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const events = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { type: string; at: number; text?: string });
  expect(events[0]).toMatchObject({ type: 'contextCreated', at: 1767225600000 });
  expect(events.find((e) => e.type === 'outputWritten')?.text).toContain('Time: 2026-01-01 00:00:01\n');
});

test('run --inspect windows prints the windows between the output; a bad kind is refused by name', () => {
  const r = cli(['run', 'scenarios/notes-window/program.ts', '--until', '3', '--inspect', 'windows']);
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/^== batch 3000 ms ==\nwindow window \[1\] \(-6000 ms, 3000 ms\] = batches \[3000\]: \[1\]\n/);
  expect(r.stdout).toContain('Time: 1970-01-01 00:00:03');
  const bad = cli(['run', 'scenarios/notes-window/program.ts', '--until', '3', '--inspect', 'window']);
  expect(bad.status).toBe(1);
  expect(bad.stderr).toContain("error: option '--inspect <what>' argument 'window' is invalid. 'window' is not one of windows, state, inputs, streams");
});
