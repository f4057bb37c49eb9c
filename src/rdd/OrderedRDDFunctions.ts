import { compareValues } from '../util/compare';
import type { Pair, PartitionSpec, RDD } from './RDD';

/**
 * Spark: `OrderedRDDFunctions` and `RDD.sortBy`: records sorted by a key (see util/compare.ts for
 * the order), split into ranges so that equal keys share a partition (Spark's RangePartitioner).
 */
export const OrderedRDDFunctions = {
  /** Spark: `sortBy(f, ascending, numPartitions)`. */
  sortBy<T, K>(rdd: RDD<T>, f: (x: T) => K, ascending: boolean, numPartitions: number): RDD<T> {
    return rdd.shuffled(numPartitions, () => {
      const all = rdd.partitions().flat().map((x) => [f(x), x] as const);
      all.sort((a, b) => (ascending ? 1 : -1) * compareValues(a[0], b[0]));
      const out: T[][] = Array.from({ length: numPartitions }, () => []);
      let part = 0;
      all.forEach(([k, x], i) => {
        const target = Math.floor((i * numPartitions) / all.length);
        if (target > part && compareValues(k, all[i - 1]![0]) !== 0) part = target;
        out[part]!.push(x);
      });
      return out;
    }, undefined, true);
  },

  /**
   * Spark: `repartitionAndSortWithinPartitions`: `partitionBy`, then each partition sorted (stably)
   * by `keyfunc(key)`. PySpark's defaults: its default partition count, `portable_hash`.
   */
  repartitionAndSortWithinPartitions<K, V>(
    rdd: RDD<Pair<K, V>>,
    partitions: PartitionSpec,
    partitionFunc: ((key: K) => number) | undefined,
    ascending: boolean,
    keyfunc: (k: K) => unknown,
  ): RDD<Pair<K, V>> {
    const sign = ascending ? 1 : -1;
    return rdd
      .partitionBy(partitions, partitionFunc)
      .mapPartitions((it) => Array.from(it).sort((a, b) => sign * compareValues(keyfunc(a[0]), keyfunc(b[0]))), true);
  },
};
