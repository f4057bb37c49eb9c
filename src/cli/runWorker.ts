/**
 * `dstream-sim run` in a worker thread (see isolatedRun.ts): runs the command, sends what it
 * prints to the main thread in order, and keeps the shared progress slots current.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runCommand, type RunCommandOptions } from './commands/run';

/** What the main thread hands the worker. */
export interface RunWorkerData {
  program: string;
  options: Omit<RunCommandOptions, 'out' | 'err' | 'progress'>;
  progress: SharedArrayBuffer;
}

/** What the worker sends back, in order. */
export type RunWorkerMessage =
  | { kind: 'out'; text: string }
  | { kind: 'err'; text: string }
  | { kind: 'outputs'; names: string[] }
  | { kind: 'exit'; code: number }
  | { kind: 'crash'; message: string };

const data = workerData as RunWorkerData;
const post = (m: RunWorkerMessage): void => parentPort!.postMessage(m);

runCommand(data.program, {
  ...data.options,
  out: (text) => post({ kind: 'out', text }),
  err: (text) => post({ kind: 'err', text }),
  progress: { buffer: new Float64Array(data.progress), onOutputs: (names) => post({ kind: 'outputs', names }) },
}).then(
  (code) => post({ kind: 'exit', code }),
  (e: unknown) => post({ kind: 'crash', message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) }),
);
