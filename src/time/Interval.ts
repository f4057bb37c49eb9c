import type { Duration } from './Duration';
import type { Time } from './Time';
import { JavaException } from '../errors';

/** A closed interval of batch times `[begin, end]`. Spark: `Interval` (private in Spark). */
export class Interval {
  constructor(
    readonly beginTime: Time,
    readonly endTime: Time,
  ) {}

  duration(): Duration {
    return this.endTime.minus(this.beginTime);
  }

  plus(d: Duration): Interval {
    return new Interval(this.beginTime.plus(d), this.endTime.plus(d));
  }

  minus(d: Duration): Interval {
    return new Interval(this.beginTime.minus(d), this.endTime.minus(d));
  }

  /** Spark compares only intervals of equal length. */
  lt(that: Interval): boolean {
    if (!this.duration().equals(that.duration())) {
      throw new JavaException(`Comparing two intervals with different durations [${this}, ${that}]`);
    }
    return this.endTime.lt(that.endTime);
  }

  /** Spark: `[<b> ms, <e> ms]`. */
  toString(): string {
    return `[${this.beginTime}, ${this.endTime}]`;
  }
}
