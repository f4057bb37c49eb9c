/**
 * The temporary directories of runs in flight. A run makes one (its working directory) and removes
 * it when it ends; a process told to stop (SIGINT, SIGTERM — see src/cli/signals.ts) removes the
 * ones still registered here, so no temporary directory outlives a run.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SimulationError } from '../errors';

const live = new Set<string>();

/**
 * The directory every run of this process works under, whatever thread it runs on (worker threads
 * share the pid): removing it removes the runs of every thread.
 */
function processRoot(): string {
  return path.join(os.tmpdir(), `dstream-sim-run-${process.pid}`);
}

/** The two calls {@link makeRunDir} makes (a test replays a race through them). */
export interface RunDirCalls {
  mkdirSync(dir: string, options: { recursive: true }): unknown;
  mkdtempSync(prefix: string): string;
}

/** Make (and register) a new working directory for a run, under the process's directory. */
export function makeRunDir(calls: RunDirCalls = fs): string {
  for (;;) {
    try {
      calls.mkdirSync(processRoot(), { recursive: true });
      return trackTempDir(calls.mkdtempSync(path.join(processRoot(), 'run-')));
    } catch (e) {
      // Another thread's run just ended and removed the (then empty) process directory — between
      // the steps of the recursive mkdir (it saw the directory, then could not) or before the
      // mkdtemp: again.
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
}

/** Remove a run's directory when it ends (and the process's, once no run of any thread is left). */
export function releaseRunDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
  live.delete(path.resolve(dir));
  try {
    fs.rmdirSync(processRoot());
  } catch {
    // another run (maybe on another thread) still works there
  }
}

/**
 * A run's working directory, made (and registered, {@link makeRunDir}) on first use: a run that
 * never touches the file system — a program over queue streams — makes none. {@link release}
 * removes it, only if it was made; after that it is never made again.
 */
export class LazyRunDir {
  private dir: string | undefined;
  private released = false;

  /** The directory, made now if this is its first use. */
  get path(): string {
    if (this.released) {
      throw new SimulationError('the run has ended: its working directory is gone (nothing may use it after the run)', 'RUN_DIR_RELEASED');
    }
    this.dir ??= makeRunDir();
    return this.dir;
  }

  /** The directory if it was made, else undefined (never makes it). */
  get made(): string | undefined {
    return this.dir;
  }

  /** The run ended: remove the directory if it was made ({@link releaseRunDir}). */
  release(): void {
    this.released = true;
    if (this.dir !== undefined) releaseRunDir(this.dir);
  }
}

/** Forget directories that are gone (their run removed them). */
function prune(): void {
  for (const dir of live) if (!fs.existsSync(dir)) live.delete(dir);
}

/**
 * Register a temporary directory of a run in flight; returns it, so a run can write
 * `const cwd = trackTempDir(fs.mkdtempSync(…))`. The run still removes it itself when it ends
 * (registered directories that no longer exist are forgotten on the next call).
 */
export function trackTempDir(dir: string): string {
  prune();
  live.add(path.resolve(dir));
  return dir;
}

/** The registered directories that still exist. */
export function trackedTempDirs(): string[] {
  prune();
  return [...live];
}

/**
 * Remove every registered directory that still exists (synchronously, so a signal handler can
 * call it just before the process ends); returns those removed. One that cannot be removed is
 * skipped, not fatal.
 */
export function removeTrackedTempDirs(): string[] {
  const removed: string[] = [];
  for (const dir of live) {
    try {
      if (!fs.existsSync(dir)) continue;
      fs.rmSync(dir, { recursive: true, force: true });
      removed.push(dir);
    } catch {
      // left for the operating system's temp cleaner; the other directories still go
    }
  }
  live.clear();
  // Runs on other threads (worker threads share the process) work under the same directory.
  fs.rmSync(processRoot(), { recursive: true, force: true });
  return removed;
}
