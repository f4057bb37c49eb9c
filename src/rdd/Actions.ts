import { ValueError } from '../errors';
import { cloneValue } from '../util/cloneValue';
import { compareValues } from '../util/compare';
import { structuralKey } from '../util/hashing';
import type { RDD } from './RDD';

/**
 * The bodies of the RDD actions that do more than one pass (Spark: `RDD.take`, `countByValue`,
 * `aggregate`, `fold`, `top`, `takeOrdered`, `max`, `min`, `toLocalIterator`).
 */
export const Actions = {
  /** Spark: `take(n)`: computes partitions in order only until `n` records are found. */
  take<T>(rdd: RDD<T>, n: number): T[] {
    const out: T[] = [];
    for (let i = 0; i < rdd.getNumPartitions() && out.length < n; i++) {
      for (const x of rdd.partition(i)) {
        if (out.length >= n) break;
        out.push(x);
      }
    }
    return out;
  },

  /** Spark: `countByValue`: each distinct value (compared structurally) and its count, first seen first. */
  countByValue<T>(records: readonly T[]): Map<T, number> {
    const counts = new Map<unknown, [T, number]>();
    for (const x of records) {
      const sk = structuralKey(x);
      const e = counts.get(sk);
      if (e === undefined) counts.set(sk, [x, 1]);
      else e[1]++;
    }
    return new Map([...counts.values()]);
  },

  /**
   * Spark: `aggregate(zero)(seqOp, combOp)`: each partition folded with `seqOp` from a fresh copy
   * of `zero`, then the partition results folded with `combOp` from another copy, in partition
   * order (PySpark: `mapPartitions(...).fold(zeroValue, combOp)`).
   */
  aggregate<T, U>(rdd: RDD<T>, zero: U, seqOp: (acc: U, x: T) => U, combOp: (a: U, b: U) => U): U {
    const perPartition = rdd.mapPartitions((it) => {
      let acc = cloneValue(zero);
      for (const x of it) acc = seqOp(acc, x);
      return [acc];
    });
    let result = cloneValue(zero);
    for (const v of perPartition.collect()) result = combOp(result, v);
    return result;
  },

  /** Spark: `fold(zero)(op)`: `aggregate(zero, op, op)`. */
  fold<T>(rdd: RDD<T>, zero: T, op: (a: T, b: T) => T): T {
    return Actions.aggregate(rdd, zero, op, op);
  },

  /**
   * PySpark: `takeOrdered(num, key)` / `top(num, key)` (`heapq.nsmallest` / `nlargest` per
   * partition, merged by `reduce`): the `num` smallest (largest) records by `key` (util/compare.ts
   * order), ties in record order. PySpark's `takeOrdered` refuses a negative `num` and returns `[]`
   * for 0 or no partitions; its `top` has no such checks (no partitions: `reduce`'s error). Scala:
   * `[]` for 0 or no partitions.
   */
  takeOrdered<T>(rdd: RDD<T>, num: number, key: (x: T) => unknown = (x) => x, descending = false): T[] {
    const pyspark = rdd.context.flavor === 'pyspark';
    if (!descending && pyspark && num < 0) throw new ValueError('top N cannot be negative.');
    if (!(descending && pyspark) && (num === 0 || rdd.getNumPartitions() === 0)) return [];
    const n = Math.max(0, num);
    const pick = (xs: T[]): T[] => {
      const keyed = xs.map((x) => [key(x), x] as const);
      keyed.sort((a, b) => (descending ? compareValues(b[0], a[0]) : compareValues(a[0], b[0])));
      return keyed.slice(0, n).map(([, x]) => x);
    };
    return rdd.mapPartitions((it) => [pick(Array.from(it))]).reduce((a, b) => pick(a.concat(b)));
  },

  /** PySpark: `max(key)` = `reduce(max)`: the first of equal maxima. Scala: `reduce(ord.max)`. */
  max<T>(rdd: RDD<T>, key: (x: T) => unknown = (x) => x): T {
    return rdd.reduce((a, b) => (compareValues(key(b), key(a)) > 0 ? b : a));
  },

  /** PySpark: `min(key)` = `reduce(min)`: the first of equal minima. */
  min<T>(rdd: RDD<T>, key: (x: T) => unknown = (x) => x): T {
    return rdd.reduce((a, b) => (compareValues(key(b), key(a)) < 0 ? b : a));
  },

  /** Spark: `toLocalIterator`: the records, one partition computed at a time. */
  *toLocalIterator<T>(rdd: RDD<T>): Generator<T, void, undefined> {
    for (let i = 0; i < rdd.getNumPartitions(); i++) {
      yield* rdd.partition(i);
    }
  },
};
