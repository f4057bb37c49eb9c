import { Duration } from './Duration';
import { IllegalArgumentError } from '../errors';

/**
 * An instant on the virtual clock in whole milliseconds. Spark: `org.apache.spark.streaming.Time`.
 * Every batch has a Time; it prints as Spark does: `1000 ms`.
 */
export class Time {
  /** Milliseconds since the virtual epoch (an integer). */
  readonly milliseconds: number;

  constructor(milliseconds: number) {
    if (!Number.isInteger(milliseconds)) {
      throw new IllegalArgumentError(`Time: ${milliseconds} is not a whole number of milliseconds`);
    }
    this.milliseconds = milliseconds;
  }

  plus(d: Duration): Time {
    return new Time(this.milliseconds + d.milliseconds);
  }

  /** `Time - Duration` gives a Time; `Time - Time` gives a Duration (Spark overloads `-`). */
  minus(d: Duration): Time;
  minus(t: Time): Duration;
  minus(x: Duration | Time): Time | Duration {
    if (x instanceof Time) return new Duration(this.milliseconds - x.milliseconds);
    return new Time(this.milliseconds - x.milliseconds);
  }

  lt(that: Time): boolean {
    return this.milliseconds < that.milliseconds;
  }

  lte(that: Time): boolean {
    return this.milliseconds <= that.milliseconds;
  }

  gt(that: Time): boolean {
    return this.milliseconds > that.milliseconds;
  }

  gte(that: Time): boolean {
    return this.milliseconds >= that.milliseconds;
  }

  equals(that: Time): boolean {
    return this.milliseconds === that.milliseconds;
  }

  min(that: Time): Time {
    return this.lte(that) ? this : that;
  }

  max(that: Time): Time {
    return this.gte(that) ? this : that;
  }

  /** Spark: `isMultipleOf(d)`. */
  isMultipleOf(d: Duration): boolean {
    return d.milliseconds !== 0 && this.milliseconds % d.milliseconds === 0;
  }

  /** Spark: `floor(d)` or `floor(d, zeroTime)`: the largest grid point ≤ this time. */
  floor(d: Duration, zeroTime?: Time): Time {
    const z = zeroTime?.milliseconds ?? 0;
    const k = Math.floor((this.milliseconds - z) / d.milliseconds);
    return new Time(z + k * d.milliseconds);
  }

  /** Spark: `until(end, interval)`: times from this one up to `end`, end exclusive. */
  until(end: Time, step: Duration): Time[] {
    const out: Time[] = [];
    for (let t = this.milliseconds; t < end.milliseconds; t += step.milliseconds) out.push(new Time(t));
    return out;
  }

  /** Spark: `to(end, interval)`: times from this one up to `end`, end inclusive. */
  to(end: Time, step: Duration): Time[] {
    const out: Time[] = [];
    for (let t = this.milliseconds; t <= end.milliseconds; t += step.milliseconds) out.push(new Time(t));
    return out;
  }

  /** Seconds since the virtual epoch (PySpark's unit). */
  toSeconds(): number {
    return this.milliseconds / 1000;
  }

  /** Spark's `Time.toString`: `<ms> ms`. */
  toString(): string {
    return `${this.milliseconds} ms`;
  }
}
