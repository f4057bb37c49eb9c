import type { Flavor } from '../conf/Flavor';
import { pythonRepr } from '../util/format';

/**
 * Spark: `org.apache.spark.util.StatCounter` (PySpark: `pyspark.statcounter.StatCounter`): count,
 * mean and the sum of squared deviations of a stream of numbers, merged with Welford's update and
 * Chan's parallel formula exactly as both implement them (same operations, same float results).
 */
export class StatCounter {
  private n = 0;
  private mu = 0;
  private m2 = 0;
  private maxValue = -Infinity;
  private minValue = Infinity;

  constructor(
    values: Iterable<number> = [],
    private readonly flavor: Flavor = 'pyspark',
  ) {
    for (const v of values) this.merge(v);
  }

  /** Add a value (Spark: `merge(value)`). */
  merge(value: number): this {
    const delta = value - this.mu;
    this.n += 1;
    this.mu += delta / this.n;
    this.m2 += delta * (value - this.mu);
    this.maxValue = Math.max(this.maxValue, value);
    this.minValue = Math.min(this.minValue, value);
    return this;
  }

  /** Merge another counter into this one (Spark: `merge(other: StatCounter)`). */
  mergeStats(other: StatCounter): this {
    if (other === this) return this.mergeStats(other.copy());
    if (this.n === 0) {
      this.mu = other.mu;
      this.m2 = other.m2;
      this.n = other.n;
      this.maxValue = other.maxValue;
      this.minValue = other.minValue;
    } else if (other.n !== 0) {
      const delta = other.mu - this.mu;
      if (other.n * 10 < this.n) this.mu = this.mu + (delta * other.n) / (this.n + other.n);
      else if (this.n * 10 < other.n) this.mu = other.mu - (delta * this.n) / (this.n + other.n);
      else this.mu = (this.mu * this.n + other.mu * other.n) / (this.n + other.n);
      this.maxValue = Math.max(this.maxValue, other.maxValue);
      this.minValue = Math.min(this.minValue, other.minValue);
      this.m2 += other.m2 + (delta * delta * this.n * other.n) / (this.n + other.n);
      this.n += other.n;
    }
    return this;
  }

  /** Spark: `copy()`. */
  copy(): StatCounter {
    const c = new StatCounter([], this.flavor);
    c.n = this.n;
    c.mu = this.mu;
    c.m2 = this.m2;
    c.maxValue = this.maxValue;
    c.minValue = this.minValue;
    return c;
  }

  count(): number {
    return this.n;
  }
  mean(): number {
    return this.mu;
  }
  sum(): number {
    return this.n * this.mu;
  }
  max(): number {
    return this.maxValue;
  }
  min(): number {
    return this.minValue;
  }
  /** The population variance (NaN when empty). */
  variance(): number {
    return this.n === 0 ? NaN : this.m2 / this.n;
  }
  /** The sample variance, `m2 / (n - 1)` (NaN when fewer than 2 values). */
  sampleVariance(): number {
    return this.n <= 1 ? NaN : this.m2 / (this.n - 1);
  }
  stdev(): number {
    return Math.sqrt(this.variance());
  }
  sampleStdev(): number {
    return Math.sqrt(this.sampleVariance());
  }

  /**
   * PySpark's `repr`: `(count: 3, mean: 2.0, stdev: 0.816496580927726, max: 3, min: 1)` (mean
   * and stdev are Python floats; max and min keep the records' type, and a whole JS number is
   * taken for a Python int); Scala's `toString`: `%f` with six decimals.
   */
  toString(): string {
    if (this.flavor === 'scala') {
      const f = (x: number): string => (Number.isNaN(x) ? 'NaN' : Number.isFinite(x) ? x.toFixed(6) : x > 0 ? 'Infinity' : '-Infinity');
      return `(count: ${this.n}, mean: ${f(this.mean())}, stdev: ${f(this.stdev())}, max: ${f(this.maxValue)}, min: ${f(this.minValue)})`;
    }
    return `(count: ${this.n}, mean: ${pyFloat(this.mean())}, stdev: ${pyFloat(this.stdev())}, max: ${pythonRepr(this.maxValue)}, min: ${pythonRepr(this.minValue)})`;
  }

  /** Printed by `pprint`/`print` as PySpark prints it. */
  toPythonString(): string {
    return this.toString();
  }
}

/** Python's `repr(float)`: shortest round-trip digits, `.0` on whole numbers, `e+NN` exponents. */
export function pyFloat(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const abs = Math.abs(x);
  if (abs !== 0 && (abs >= 1e16 || abs < 1e-4)) {
    const [m, e] = x.toExponential().split('e') as [string, string];
    const exp = Number(e);
    return `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  const s = Object.is(x, -0) ? '-0' : String(x);
  return s.includes('.') ? s : `${s}.0`;
}
