/**
 * A run makes its working directory only when something needs it (a directory source, a
 * checkpoint, a Python driver's cwd) and removes it when it ends: a program over queue streams
 * never makes one. Observed through the run's JVM (`onJvm`, `Jvm.cwdInUse`) and the registry of
 * temporary directories, never by watching `fs`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runScenario, type Jvm } from '../../src/index';
import { trackedTempDirs } from '../../src/util/tempDirs';

const bundled = (name: string): string => path.join(__dirname, '..', '..', 'scenarios', name);

/** Run a bundled scenario; the run's directory as it was once the JVM was handed out, and after the run. */
async function run(name: string): Promise<{ atStart: string | undefined; existedAtStart: boolean; jvm: Jvm; printed: string }> {
  let jvm: Jvm | undefined;
  let atStart: string | undefined;
  let existedAtStart = false;
  const r = await runScenario(bundled(name), {
    onJvm: (j) => {
      jvm = j;
      atStart = j.cwdInUse;
      existedAtStart = atStart !== undefined && fs.existsSync(atStart);
    },
  });
  return { atStart, existedAtStart, jvm: jvm!, printed: r.printed };
}

afterEach(() => expect(trackedTempDirs()).toEqual([])); // no run leaves a directory registered

test('a TypeScript program over a queue stream runs without a directory: none is made', async () => {
  const r = await run('notes-queue-one-at-a-time');
  expect(r.printed).toContain('d\ne\n');
  expect(r.jvm.cwdInUse).toBeUndefined();
});

test('a directory source makes the run directory before the program starts, and the run removes it', async () => {
  const r = await run('notes-text-file-stream');
  expect(r.printed).toContain('line one');
  expect(r.existedAtStart).toBe(true);
  expect(r.jvm.cwdInUse).toBe(r.atStart);
  expect(fs.existsSync(r.atStart!)).toBe(false);
});

test('a checkpoint without any file source makes the directory when the program asks for it, and the run removes it', async () => {
  const r = await run('notes-update-state-by-key');
  expect(r.atStart).toBeUndefined(); // no timeline directory: nothing made before the program ran
  const dir = r.jvm.cwdInUse;
  expect(dir).toBeDefined();
  expect(fs.existsSync(dir!)).toBe(false);
});

test('a Python program gets a real directory to start in, and the run removes it', async () => {
  const r = await run('py-notes-queue-one-at-a-time');
  const dir = r.jvm.cwdInUse;
  expect(dir).toBeDefined();
  expect(fs.existsSync(dir!)).toBe(false);
}, 30_000);
