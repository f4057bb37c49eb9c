/**
 * SIGINT and SIGTERM: before the process ends, remove the temporary directories of runs in flight
 * (src/util/tempDirs.ts), then end by the same signal, as if it had not been caught — so a shell
 * or CI runner sees "killed by SIGTERM" (exit status 143) or Ctrl-C (130) as usual.
 *
 * Node runs a signal handler only when the event loop turns: a run that computes without awaiting
 * real I/O takes the signal when it yields (`dstream-sim test` yields between scenarios).
 */
import { setImmediate } from 'node:timers';
import { removeTrackedTempDirs } from '../util/tempDirs';

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/** Install the handlers; returns the function that uninstalls them. */
export function removeTempDirsOnSignal(): () => void {
  const handler = (signal: NodeJS.Signals): void => {
    removeTrackedTempDirs();
    uninstall();
    process.kill(process.pid, signal);
  };
  const uninstall = (): void => {
    for (const s of SIGNALS) process.off(s, handler);
  };
  for (const s of SIGNALS) process.on(s, handler);
  return uninstall;
}

/**
 * Let the event loop turn once (a real-time pause of no length), so a pending signal is handled
 * and file-watch events arrive. Results never depend on it.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
