/**
 * The one source of time for the engine. Spark: `org.apache.spark.util.Clock`. No engine code
 * reads the wall clock; everything asks the Clock it was given.
 */
export interface Clock {
  /** Current time in milliseconds. */
  now(): number;
  /** Run `callback` when the clock reaches `atMs` (immediately on the next advance if already past). */
  schedule(atMs: number, callback: () => void): TimerHandle;
  /** Cancel a callback scheduled with `schedule`. */
  cancel(handle: TimerHandle): void;
  /** The time of the earliest scheduled callback, or `undefined` if none is pending. */
  nextScheduledTime(): number | undefined;
}

/** An opaque handle returned by `Clock.schedule`. */
export interface TimerHandle {
  readonly id: number;
}
