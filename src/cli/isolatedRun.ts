import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { watchdogMessage } from '../scenario/isolated/ScenarioPool';
import { PROGRESS_SLOTS } from '../scenario/isolated/protocol';
import type { RunCommandOptions } from './commands/run';
import type { RunWorkerData, RunWorkerMessage } from './runWorker';

const WORKER_FILE = path.join(__dirname, 'runWorker.js');

/**
 * `dstream-sim run` with a watchdog: the command runs in a worker thread; if it takes longer than
 * `timeoutMs` of real time (a user function in an endless loop never returns), it is stopped and
 * the error names the batch and operation that was running. From source (no compiled worker) it
 * runs in this thread, without a watchdog.
 */
export async function runWithWatchdog(
  program: string,
  options: Omit<RunCommandOptions, 'out' | 'err' | 'progress'>,
  timeoutMs: number,
  out: (text: string) => void,
  err: (text: string) => void,
): Promise<number> {
  if (!fs.existsSync(WORKER_FILE)) {
    const { runCommand } = await import('./commands/run');
    return runCommand(program, { ...options, out, err });
  }
  const shared = new SharedArrayBuffer(PROGRESS_SLOTS * Float64Array.BYTES_PER_ELEMENT);
  const progress = new Float64Array(shared);
  const data: RunWorkerData = { program, options, progress: shared };
  const worker = new Worker(WORKER_FILE, { workerData: data });
  let outputs: string[] = [];
  return new Promise<number>((resolve) => {
    // The watchdog runs on this thread's real timers; the run itself never reads them.
    // eslint-disable-next-line no-restricted-globals
    const timer = setTimeout(() => {
      void worker.terminate();
      err(`dstream-sim run: ${watchdogMessage(timeoutMs, progress, outputs)}\n`);
      resolve(1);
    }, timeoutMs);
    const done = (code: number): void => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(code);
    };
    worker.on('message', (m: RunWorkerMessage) => {
      if (m.kind === 'out') out(m.text);
      else if (m.kind === 'err') err(m.text);
      else if (m.kind === 'outputs') outputs = m.names;
      else if (m.kind === 'exit') done(m.code);
      else {
        err(`dstream-sim: ${m.message}\n`);
        done(1);
      }
    });
    worker.on('error', (e) => {
      err(`dstream-sim: ${e.message}\n`);
      done(1);
    });
  });
}
