import { IllegalArgumentError, SparkError, ValueError } from '../errors';
import { byteswap32, JavaRandom } from './JavaRandom';
import type { Pair, RDD } from './RDD';

/**
 * The transformations that reshape partitions. Spark: `CoalescedRDD`, `CartesianRDD`,
 * `ZippedWithIndexRDD`, `ZippedPartitionsRDD2` (`zip`), `zipWithUniqueId`, and `repartition`
 * (`coalesce(n, shuffle = true)`).
 */
export const PartitionShapes = {
  /** Spark: `cartesian`: partition `i·m + j` pairs partition i of `rdd` with j of `other`. */
  cartesian<T, U>(rdd: RDD<T>, other: RDD<U>): RDD<Pair<T, U>> {
    const m = other.getNumPartitions();
    return rdd.derive(rdd.getNumPartitions() * m, (idx) => {
      const left = rdd.partition(Math.floor(idx / m));
      const right = other.partition(idx % m);
      const out: Pair<T, U>[] = [];
      for (const x of left) for (const y of right) out.push([x, y]);
      return out;
    });
  },

  /** Spark: `zipWithIndex`: indexes follow partition order. */
  zipWithIndex<T>(rdd: RDD<T>): RDD<Pair<T, number>> {
    return rdd.derive(rdd.getNumPartitions(), (i) => {
      let start = 0;
      for (let j = 0; j < i; j++) start += rdd.partition(j).length;
      return rdd.partition(i).map((x, k): Pair<T, number> => [x, start + k]);
    });
  },

  /**
   * Spark: `repartition(n)` = `coalesce(n, shuffle = true)`: each input partition deals its
   * records round-robin to the outputs, starting at a position drawn from
   * `new Random(byteswap32(index))`, exactly as Spark does.
   */
  repartition<T>(rdd: RDD<T>, numPartitions: number): RDD<T> {
    return rdd.shuffled(numPartitions, () => {
      const out: T[][] = Array.from({ length: numPartitions }, () => []);
      for (let i = 0; i < rdd.getNumPartitions(); i++) {
        let position = new JavaRandom(byteswap32(i)).nextInt(numPartitions);
        for (const x of rdd.partition(i)) {
          position++;
          out[position % numPartitions]!.push(x);
        }
      }
      return out;
    });
  },

  /** Spark: `coalesce(n)` without a shuffle: neighbouring partitions are merged. */
  coalesce<T>(rdd: RDD<T>, numPartitions: number): RDD<T> {
    const parts = rdd.getNumPartitions();
    const n = Math.max(1, Math.min(numPartitions, parts));
    return rdd.derive(parts === 0 ? 0 : n, (i) => {
      const from = Math.floor((i * parts) / n);
      const to = Math.floor(((i + 1) * parts) / n);
      const out: T[] = [];
      for (let j = from; j < to; j++) out.push(...rdd.partition(j));
      return out;
    });
  },

  /**
   * Spark: `zip(other)`: record i of partition p paired with record i of partition p of `other`.
   * Unequal partition counts fail at once (PySpark: `ValueError`, Scala: `IllegalArgumentException`);
   * unequal partition sizes fail when computed (`SparkException`).
   */
  zip<T, U>(rdd: RDD<T>, other: RDD<U>): RDD<Pair<T, U>> {
    const n = rdd.getNumPartitions();
    const m = other.getNumPartitions();
    if (n !== m) {
      if (rdd.context.flavor === 'pyspark') {
        throw new ValueError('Can only zip with RDD which has the same number of partitions');
      }
      throw new IllegalArgumentError(`Can't zip RDDs with unequal numbers of partitions: List(${n}, ${m})`);
    }
    return rdd.derive(n, (i) => {
      const left = rdd.partition(i);
      const right = other.partition(i);
      if (left.length !== right.length) {
        throw new SparkError('Can only zip RDDs with same number of elements in each partition');
      }
      return left.map((x, k): Pair<T, U> => [x, right[k]!]);
    });
  },

  /** Spark: `zipWithUniqueId`: record k of partition p gets id `k * n + p` (n partitions). */
  zipWithUniqueId<T>(rdd: RDD<T>): RDD<Pair<T, number>> {
    const n = rdd.getNumPartitions();
    return rdd.mapPartitionsWithIndex((p, it) => Array.from(it, (x, k): Pair<T, number> => [x, k * n + p]));
  },
};
