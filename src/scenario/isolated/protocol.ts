/** The messages between a scenario worker and its pool (structured-clone safe data only). */

/** Run the scenario in `dir` (the pool's request). */
export interface RunRequest {
  kind: 'run';
  id: number;
  dir: string;
  until: number | undefined;
  batches: number | undefined;
}

/** What a worker sends back. */
export type WorkerMessage =
  | { kind: 'outputs'; id: number; names: string[] }
  | { kind: 'done'; id: number; transcript: string; batchTimes: number[] }
  | { kind: 'failed'; id: number; name: string; message: string };

/**
 * Where a run is, written by the worker into shared memory before each step (a worker stuck in a
 * user function can post nothing, but what it wrote before is still there):
 * `[phase, batchTime, outputOpId, clockMs]`.
 */
export const PROGRESS_SLOTS = 4;

/** The phase of a run, in the progress slots. */
export const Phase = {
  /** The program's own code (top level), or not started. */
  PROGRAM: 0,
  /** A batch's RDDs are being generated (transform functions, windows, state updates). */
  GENERATING: 1,
  /** An output operation's job is running (the functions of the stream it outputs). */
  JOB: 2,
} as const;
