import { ArithmeticError, IllegalArgumentError } from '../errors';

/**
 * A span of virtual time in whole milliseconds. Spark: `org.apache.spark.streaming.Duration`.
 * Prints as Spark does: `1000 ms`.
 */
export class Duration {
  /** The length in milliseconds (an integer). */
  readonly milliseconds: number;

  constructor(milliseconds: number) {
    if (!Number.isInteger(milliseconds)) {
      throw new IllegalArgumentError(
        `Duration: ${milliseconds} is not a whole number of milliseconds; convert seconds with Duration.fromSeconds()`,
      );
    }
    this.milliseconds = milliseconds;
  }

  /** Spark: `Milliseconds(n)`. */
  static ms(n: number): Duration {
    return new Duration(n);
  }

  /**
   * PySpark's conversion of a duration argument: `Duration(int(seconds * 1000))`, which truncates
   * toward zero (so `0.1 + 0.2` seconds becomes 300 ms).
   */
  static fromSeconds(seconds: number): Duration {
    return new Duration(Math.trunc(seconds * 1000));
  }

  plus(that: Duration): Duration {
    return new Duration(this.milliseconds + that.milliseconds);
  }

  minus(that: Duration): Duration {
    return new Duration(this.milliseconds - that.milliseconds);
  }

  times(n: number): Duration {
    return new Duration(this.milliseconds * n);
  }

  /** Spark: `Duration./(Duration)`: a plain ratio, Infinity or NaN when `that` is zero. */
  div(that: Duration): number {
    return this.milliseconds / that.milliseconds;
  }

  /** Spark: `isMultipleOf`. Throws `ArithmeticException: / by zero` when `that` is zero. */
  isMultipleOf(that: Duration): boolean {
    if (that.milliseconds === 0) throw new ArithmeticError('/ by zero');
    return this.milliseconds % that.milliseconds === 0;
  }

  isZero(): boolean {
    return this.milliseconds === 0;
  }

  lt(that: Duration): boolean {
    return this.milliseconds < that.milliseconds;
  }

  lte(that: Duration): boolean {
    return this.milliseconds <= that.milliseconds;
  }

  gt(that: Duration): boolean {
    return this.milliseconds > that.milliseconds;
  }

  gte(that: Duration): boolean {
    return this.milliseconds >= that.milliseconds;
  }

  min(that: Duration): Duration {
    return this.lte(that) ? this : that;
  }

  max(that: Duration): Duration {
    return this.gte(that) ? this : that;
  }

  equals(that: Duration): boolean {
    return this.milliseconds === that.milliseconds;
  }

  /** The length in seconds (PySpark's unit). */
  toSeconds(): number {
    return this.milliseconds / 1000;
  }

  /** Spark: `prettyPrint`, e.g. `1.5 s`, `500 ms`, `2.0 m`. */
  prettyPrint(): string {
    const ms = this.milliseconds;
    if (Math.abs(ms) < 1000) return `${ms} ms`;
    if (Math.abs(ms) < 60_000) return `${(ms / 1000).toFixed(1)} s`;
    if (Math.abs(ms) < 3_600_000) return `${(ms / 60_000).toFixed(1)} m`;
    return `${(ms / 3_600_000).toFixed(1)} h`;
  }

  /** Spark's `Duration.toString`: `<ms> ms`. */
  toString(): string {
    return `${this.milliseconds} ms`;
  }
}
