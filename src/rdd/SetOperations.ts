import type { Pair, RDD } from './RDD';

/**
 * Spark: `RDD.subtract` and `RDD.intersection`, built on the pair functions as both Sparks build
 * them (PySpark's rdd.py, Spark's RDD.scala): the records become keys of a cogroup.
 */
export const SetOperations = {
  /**
   * Spark: `subtract(other, numPartitions)`: the records of `rdd` not in `other` (duplicates
   * kept), as `map((x, True)).subtractByKey(other.map((x, True))).keys()`.
   */
  subtract<T>(rdd: RDD<T>, other: RDD<T>, numPartitions?: number): RDD<T> {
    const mine = rdd.map((x): Pair<T, boolean> => [x, true]);
    const theirs = other.map((x): Pair<T, boolean> => [x, true]);
    const scalaDefault = rdd.context.flavor === 'scala' ? rdd.getNumPartitions() : undefined;
    return mine.subtractByKey(theirs, numPartitions ?? scalaDefault).keys();
  },

  /**
   * Spark: `intersection(other)`: the distinct records present in both, as
   * `map((v, None)).cogroup(other.map((v, None))).filter(both sides non-empty).keys()`.
   */
  intersection<T>(rdd: RDD<T>, other: RDD<T>, numPartitions?: number): RDD<T> {
    return rdd
      .map((x): Pair<T, null> => [x, null])
      .cogroup(other.map((x): Pair<T, null> => [x, null]), numPartitions)
      .filter(([, [a, b]]) => a.length > 0 && b.length > 0)
      .keys();
  },
};
