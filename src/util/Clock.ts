import { performance } from 'node:perf_hooks';

/**
 * The one source of time for the engine. Spark: `org.apache.spark.util.Clock`. No engine code
 * reads the wall clock; everything asks the Clock it was given.
 */
export interface Clock {
  /** Current time in milliseconds. */
  now(): number;
  /**
   * Run `callback` when the clock reaches `atMs`. Callbacks due at the same instant run by
   * `priority` (lower first, see {@link TimerPriority}), then in the order they were scheduled.
   */
  schedule(atMs: number, callback: () => void, priority?: number): TimerHandle;
  /** Cancel a callback scheduled with `schedule`. */
  cancel(handle: TimerHandle): void;
  /** The time of the earliest scheduled callback, or `undefined` if none is pending. */
  nextScheduledTime(): number | undefined;
}

/** An opaque handle returned by `Clock.schedule`. */
export interface TimerHandle {
  readonly id: number;
}

/**
 * The documented order of work at one virtual instant: inputs arrive (timeline events), then
 * receivers cut blocks, then jobs that take time (a declared cost) finish, then the batch is
 * generated and its jobs run, then anything else.
 */
export const TimerPriority = {
  INPUT: 0,
  BLOCK: 1,
  JOB_END: 2,
  BATCH: 3,
  OTHER: 4,
} as const;

/**
 * A stopwatch on *real* time: how long something took for a person to read (the `time` column of
 * `dstream-sim test`). The one reader of the wall clock besides the real-time watchdogs; nothing
 * it measures reaches a transcript, a golden or an engine decision.
 */
export function realStopwatch(): () => number {
  const start = performance.now();
  return () => performance.now() - start;
}
