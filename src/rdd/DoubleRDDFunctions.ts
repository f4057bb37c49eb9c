import { ValueError } from '../errors';
import { compareValues } from '../util/compare';
import type { RDD } from './RDD';
import { StatCounter } from './StatCounter';

/** PySpark `histogram`'s result: the bucket boundaries and the count of each bucket. */
export type Histogram<T> = [buckets: T[], counts: number[]];

/**
 * Spark: `DoubleRDDFunctions` (PySpark: the same methods on `RDD`): statistics of an RDD of
 * numbers. Each goes through {@link StatCounter} as both Sparks do, so the floats are Spark's.
 */
export const DoubleRDDFunctions = {
  /** Spark: `sum()`: each partition summed from 0, then the partition sums folded from 0. */
  sum(rdd: RDD<number>): number {
    return rdd.mapPartitions((it) => [sumOf(it)]).fold(0, (a, b) => a + b);
  },

  /**
   * Spark: `stats()`: one StatCounter per partition, merged in partition order. An RDD with no
   * partitions fails as `reduce` does.
   */
  stats(rdd: RDD<number>): StatCounter {
    const flavor = rdd.context.flavor;
    return rdd
      .mapPartitions((it) => [new StatCounter(it, flavor)])
      .reduce((a, b) => a.mergeStats(b));
  },

  /**
   * PySpark: `histogram(buckets)`. A count makes that many even buckets between the minimum and
   * maximum (integers kept when they divide evenly); a list gives the boundaries, which must be
   * sorted and distinct. Every bucket is `[lo, hi)` except the last, `[lo, hi]`. `null`,
   * `undefined` and NaN are ignored. Errors are PySpark's `ValueError`s (an empty RDD with a
   * count: `reduce`'s). Both flavors follow PySpark's rules and return `[buckets, counts]`.
   */
  histogram<T>(rdd: RDD<T>, buckets: number | readonly T[]): Histogram<T> {
    let bounds: T[];
    let even: boolean;
    let inc = 0;
    if (typeof buckets === 'number') {
      if (buckets < 1) throw new ValueError('number of buckets must be >= 1');
      const filtered = rdd.filter((x) => comparable(x)) as unknown as RDD<number>;
      const pairs = filtered.map((x): [number, number] => [x, x]);
      // PySpark maps only a TypeError to 'can not generate buckets from empty RDD'; reduce raises ValueError.
      const [minv, maxv] = pairs.reduce((a, b) => [pyMin(a[0], b[0]), pyMax(a[1], b[1])]);
      if (minv === maxv || buckets === 1) return [[minv, maxv] as T[], [filtered.count()]];
      inc = (maxv - minv) / buckets;
      if (!Number.isFinite(inc)) throw new ValueError('Can not generate buckets with infinite value');
      inc = Math.trunc(inc);
      if (inc * buckets !== maxv - minv) inc = (maxv - minv) / buckets;
      const b: number[] = [];
      for (let i = 0; i < buckets; i++) b.push(i * inc + minv);
      b.push(maxv);
      bounds = b as T[];
      even = true;
    } else if (Array.isArray(buckets)) {
      if (buckets.length < 2) throw new ValueError('buckets should have more than one value');
      if (buckets.some((x) => !comparable(x))) throw new ValueError('can not have None or NaN in buckets');
      const sorted = [...buckets].sort(compareValues);
      if (sorted.some((x, i) => x !== buckets[i])) throw new ValueError('buckets should be sorted');
      if (new Set(buckets).size !== buckets.length) throw new ValueError('buckets should not contain duplicated values');
      bounds = [...buckets];
      even = false;
      if (bounds.every((x) => typeof x === 'number')) {
        const nums = bounds as number[];
        const steps = nums.slice(1).map((x, i) => x - nums[i]!);
        if (Math.max(...steps) - Math.min(...steps) < 1e-10) {
          even = true;
          inc = (nums[nums.length - 1]! - nums[0]!) / (nums.length - 1);
        }
      }
    } else {
      throw new TypeError('buckets should be a list or tuple or number(int or long)');
    }
    const minv = bounds[0]!;
    const maxv = bounds[bounds.length - 1]!;
    const counts = rdd
      .mapPartitions((it) => {
        const counters = new Array<number>(bounds.length).fill(0);
        for (const x of it) {
          if (!comparable(x) || compareValues(x, maxv) > 0 || compareValues(x, minv) < 0) continue;
          const t = even ? Math.trunc(((x as number) - (minv as number)) / inc) : bisectRight(bounds, x) - 1;
          counters[t]! += 1;
        }
        const last = counters.pop()!;
        counters[counters.length - 1]! += last;
        return [counters];
      })
      .reduce((a, b) => a.map((x, i) => x + b[i]!));
    return [bounds, counts];
  },
};

function sumOf(it: Iterable<number>): number {
  let s = 0;
  for (const x of it) s += x;
  return s;
}

function comparable(x: unknown): boolean {
  return x !== null && x !== undefined && !(typeof x === 'number' && Number.isNaN(x));
}

/** Python's `min(a, b)`: `a` unless `b < a`. */
function pyMin(a: number, b: number): number {
  return b < a ? b : a;
}

/** Python's `max(a, b)`: `a` unless `b > a`. */
function pyMax(a: number, b: number): number {
  return b > a ? b : a;
}

/** Python's `bisect.bisect_right`. */
function bisectRight<T>(a: readonly T[], x: T): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareValues(x, a[mid]) < 0) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
