import { SimulationError } from '../errors';
import { Duration } from './Duration';
import { Time } from './Time';

/** A duration or time at the public API: a number of **seconds** (PySpark's unit). */
export type Seconds = number;

/** A point in time at the public API: seconds since the virtual epoch, or a {@link Time}. */
export type TimeLike = Seconds | Time;

/**
 * The one place where public seconds become internal milliseconds: PySpark's
 * `Duration(int(seconds * 1000))`, which truncates. `call` and `param` name the API in errors.
 */
export function toDuration(seconds: Seconds | Duration, call: string, param: string): Duration {
  if (seconds instanceof Duration) return seconds;
  if (typeof seconds !== 'number' || !Number.isFinite(seconds)) {
    throw new SimulationError(`${call}: ${param} must be a finite number of seconds, got ${String(seconds)}`);
  }
  return Duration.fromSeconds(seconds);
}

/** Seconds (or a Time) to a {@link Time}, truncating to whole milliseconds. */
export function toTime(t: TimeLike, call: string, param: string): Time {
  if (t instanceof Time) return t;
  if (typeof t !== 'number' || !Number.isFinite(t)) {
    throw new SimulationError(`${call}: ${param} must be a finite number of seconds, got ${String(t)}`);
  }
  return new Time(Math.trunc(t * 1000));
}
