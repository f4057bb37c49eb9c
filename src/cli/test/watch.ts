import * as fs from 'node:fs';
// Real time is right here: a debounce of file-system events in a terminal tool, never a result.
import { clearTimeout, setTimeout } from 'node:timers';

/** Options of {@link watchDirs}. */
export interface WatchOptions {
  /** Stop watching when this aborts (the command line never aborts it: Ctrl-C ends the process). */
  signal?: AbortSignal;
  /** Quiet time after the last change before the rerun (ms). */
  debounceMs?: number;
}

/** Editor droppings that change nothing a scenario reads: hidden files and `name~` backups. */
const ignored = (file: string | null): boolean => file !== null && (file.startsWith('.') || file.endsWith('~'));

/**
 * Watch directories (not recursively). Once changes have been quiet for `debounceMs`, call
 * `rerun` with the directories that changed (sorted, each once); changes during a rerun are
 * gathered for the next one. Resolves when `signal` aborts and any rerun in progress has ended;
 * rejects if a rerun throws.
 */
export function watchDirs(dirs: readonly string[], rerun: (changed: string[]) => Promise<void>, opts: WatchOptions = {}): Promise<void> {
  const debounceMs = opts.debounceMs ?? 100;
  return new Promise((resolve, reject) => {
    const pending = new Set<string>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let running: Promise<void> | undefined;
    let stopped = false;
    const schedule = (): void => {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(flush, debounceMs);
    };
    const flush = (): void => {
      timer = undefined;
      if (stopped || running !== undefined || pending.size === 0) return;
      const changed = [...pending].sort();
      pending.clear();
      running = rerun(changed).then(
        () => {
          running = undefined;
          if (stopped) resolve();
          else if (pending.size > 0) schedule();
        },
        (e: unknown) => {
          stop();
          reject(e);
        },
      );
    };
    const watchers = dirs.map((dir) => {
      const w = fs.watch(dir, (_event, file) => {
        if (stopped || ignored(file)) return;
        pending.add(dir);
        schedule();
      });
      // A directory that was removed or renamed: stop watching it (its rerun reports the error).
      w.on('error', () => w.close());
      return w;
    });
    const stop = (): void => {
      if (stopped) return;
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      for (const w of watchers) w.close();
      if (running === undefined) resolve();
    };
    if (opts.signal?.aborted) stop();
    else opts.signal?.addEventListener('abort', stop, { once: true });
  });
}
