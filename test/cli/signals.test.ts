/**
 * No temporary directory outlives a run, even one ended by a signal: SIGTERM or SIGINT during
 * `dstream-sim test` removes the run's directory, then the process ends by that signal.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { bin, ensureBuilt, root } from '../__helpers__/builtCli';
import { until } from '../__helpers__/scenarioDirs';

beforeAll(ensureBuilt, 120_000);

let work: string;
beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'dstream-sim-signal-test-'));
});
afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

/**
 * A scenario whose program waits a minute of real time (as a program awaiting real I/O does, so
 * the process can take a signal mid-run) after saying it is running. (A program's own
 * `setTimeout` runs on the virtual clock; the real one is imported.) With `files`, its timeline
 * has a directory source, so the run makes its directory (a run that touches no file makes none).
 */
function slowScenario(files: boolean): string {
  const dir = path.join(work, 'scenarios', 'waits-a-minute');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'scenario.yaml'), `description: waits a minute of real time\nuntil: 1\n${files ? 'timeline: timeline.yaml\n' : ''}`);
  if (files) fs.writeFileSync(path.join(dir, 'timeline.yaml'), 'sources:\n  inbox: { directory: input }\nevents: []\n');
  fs.writeFileSync(
    path.join(dir, 'program.ts'),
    "import { setTimeout as realSleep } from 'node:timers/promises';\nprocess.stdout.write('program running\\n');\nawait realSleep(60_000);\n",
  );
  return path.dirname(dir);
}

test.each([
  ['SIGTERM', true],
  ['SIGINT', true],
  ['SIGINT', false],
] as const)('%s during a run (touching files: %s) removes the run directory, then the process ends by it', async (signal, files) => {
  const scenarios = slowScenario(files);
  // The command's own temporary folder, so only its run directories are looked at.
  const tmp = path.join(work, 'tmp');
  fs.mkdirSync(tmp);
  const runDirs = (): string[] => fs.readdirSync(tmp).filter((n) => n.startsWith('dstream-sim-run-'));
  const child = spawn(process.execPath, [bin, 'test', scenarios], {
    cwd: root,
    env: { ...process.env, TMPDIR: tmp, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    let out = '';
    child.stdout.on('data', (d: Buffer) => void (out += d.toString()));
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, sig) => resolve({ code, signal: sig })),
    );
    await until(() => out.includes('program running'), 'the program to start');
    // The run is in flight: its directory exists if its timeline has a directory (else none is made).
    expect(runDirs()).toHaveLength(files ? 1 : 0);
    child.kill(signal);
    expect(await ended).toEqual({ code: null, signal });
    expect(runDirs()).toEqual([]);
  } finally {
    child.kill('SIGKILL');
  }
}, 30_000);
