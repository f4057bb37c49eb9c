import { DoubleRDDFunctions, type Histogram } from './DoubleRDDFunctions';
import { OrderedRDDFunctions } from './OrderedRDDFunctions';
import { PairRDDFunctions } from './PairRDDFunctions';
import type { Pair, PartitionSpec, RDD } from './RDD';
import { RDDBase } from './RDDBase';
import type { StatCounter } from './StatCounter';

/**
 * The part of the RDD facade Spark keeps in `PairRDDFunctions`, `OrderedRDDFunctions` and
 * `DoubleRDDFunctions` (implicit conversions in Scala; plain methods of `RDD` in PySpark): each
 * method is typed for an RDD of pairs (or numbers) through its `this` parameter and delegates to
 * the file that implements it. `RDD` extends this.
 */
export abstract class KeyValueMethods<T> extends RDDBase<T> {
  // ---------------------------------------------------------------------------------------------
  // Key/value transformations (Spark: PairRDDFunctions, OrderedRDDFunctions; PySpark: the same
  // methods on RDD)
  // ---------------------------------------------------------------------------------------------

  /** Spark: `combineByKey` with map-side combining and a hash partitioner. */
  combineByKey<K, V, C>(
    this: RDD<Pair<K, V>>,
    createCombiner: (v: V) => C,
    mergeValue: (c: C, v: V) => C,
    mergeCombiners: (a: C, b: C) => C,
    partitions?: PartitionSpec,
    mapSideCombine = true,
  ): RDD<Pair<K, C>> {
    return PairRDDFunctions.combineByKey(this, createCombiner, mergeValue, mergeCombiners, partitions, mapSideCombine);
  }

  /** Spark: `reduceByKey(func, numPartitions | partitioner)`. */
  reduceByKey<K, V>(this: RDD<Pair<K, V>>, f: (a: V, b: V) => V, partitions?: PartitionSpec): RDD<Pair<K, V>> {
    return this.combineByKey<K, V, V>((v) => v, f, f, partitions);
  }

  /** Spark: `groupByKey`: each key with the array of its values (no map-side combine). */
  groupByKey<K, V>(this: RDD<Pair<K, V>>, partitions?: PartitionSpec): RDD<Pair<K, V[]>> {
    return PairRDDFunctions.groupByKey(this, partitions);
  }

  /** Spark: `partitionBy(partitioner)`; PySpark: `partitionBy(numPartitions, partitionFunc)`. */
  partitionBy<K, V>(
    this: RDD<Pair<K, V>>,
    partitions: PartitionSpec,
    partitionFunc?: (key: K) => number,
  ): RDD<Pair<K, V>> {
    return PairRDDFunctions.partitionBy(this, partitions, partitionFunc);
  }

  /** Spark: `mapValues` (keeps the partitioner). */
  mapValues<K, V, U>(this: RDD<Pair<K, V>>, f: (v: V) => U): RDD<Pair<K, U>> {
    return this.recordStep<Pair<K, U>>((emit) => (kv) => emit([kv[0], f(kv[1])]), true);
  }

  /** Spark: `flatMapValues` (keeps the partitioner). */
  flatMapValues<K, V, U>(this: RDD<Pair<K, V>>, f: (v: V) => Iterable<U>): RDD<Pair<K, U>> {
    return PairRDDFunctions.flatMapValues(this, f);
  }

  /** Spark: `keys`. */
  keys<K, V>(this: RDD<Pair<K, V>>): RDD<K> {
    return this.map(([k]) => k);
  }

  /** Spark: `values`. */
  values<K, V>(this: RDD<Pair<K, V>>): RDD<V> {
    return this.map(([, v]) => v);
  }

  /** Spark: `cogroup(other)`: each key with `[valuesHere, valuesThere]`. */
  cogroup<K, V, W>(this: RDD<Pair<K, V>>, other: RDD<Pair<K, W>>, partitions?: PartitionSpec): RDD<Pair<K, [V[], W[]]>> {
    return PairRDDFunctions.cogroup(this, other, partitions);
  }

  /** Spark: `join`: `[k, [v, w]]` for every pair of values of a key present in both. */
  join<K, V, W>(this: RDD<Pair<K, V>>, other: RDD<Pair<K, W>>, partitions?: PartitionSpec): RDD<Pair<K, [V, W]>> {
    return PairRDDFunctions.join(this, other, partitions);
  }

  /** Spark: `leftOuterJoin`: a missing right side is `undefined` (Scala `None`). */
  leftOuterJoin<K, V, W>(
    this: RDD<Pair<K, V>>,
    other: RDD<Pair<K, W>>,
    partitions?: PartitionSpec,
  ): RDD<Pair<K, [V, W | undefined]>> {
    return PairRDDFunctions.leftOuterJoin(this, other, partitions);
  }

  /** Spark: `rightOuterJoin`: a missing left side is `undefined`. */
  rightOuterJoin<K, V, W>(
    this: RDD<Pair<K, V>>,
    other: RDD<Pair<K, W>>,
    partitions?: PartitionSpec,
  ): RDD<Pair<K, [V | undefined, W]>> {
    return PairRDDFunctions.rightOuterJoin(this, other, partitions);
  }

  /** Spark: `fullOuterJoin`: either side may be `undefined`. */
  fullOuterJoin<K, V, W>(
    this: RDD<Pair<K, V>>,
    other: RDD<Pair<K, W>>,
    partitions?: PartitionSpec,
  ): RDD<Pair<K, [V | undefined, W | undefined]>> {
    return PairRDDFunctions.fullOuterJoin(this, other, partitions);
  }

  /**
   * Spark: `sortByKey(ascending, numPartitions)`; PySpark: `sortByKey(ascending, numPartitions,
   * keyfunc)`, which orders by `keyfunc(k)` (the records keep their keys).
   */
  sortByKey<K, V>(
    this: RDD<Pair<K, V>>,
    ascending = true,
    numPartitions?: number,
    keyfunc: (k: K) => unknown = (k) => k,
  ): RDD<Pair<K, V>> {
    return this.sortBy(([k]) => keyfunc(k), ascending, numPartitions ?? this.defaultReducePartitions());
  }

  /**
   * Spark: `repartitionAndSortWithinPartitions(partitioner)`; PySpark: `(numPartitions,
   * partitionFunc, ascending, keyfunc)`: `partitionBy`, then each partition sorted by key.
   */
  repartitionAndSortWithinPartitions<K, V>(
    this: RDD<Pair<K, V>>,
    partitions: PartitionSpec = this.defaultReducePartitions(),
    partitionFunc?: (key: K) => number,
    ascending = true,
    keyfunc: (k: K) => unknown = (k) => k,
  ): RDD<Pair<K, V>> {
    return OrderedRDDFunctions.repartitionAndSortWithinPartitions(this, partitions, partitionFunc, ascending, keyfunc);
  }

  /** Spark: `subtractByKey(other)`: the records whose key `other` lacks. */
  subtractByKey<K, V, W>(this: RDD<Pair<K, V>>, other: RDD<Pair<K, W>>, partitions?: PartitionSpec): RDD<Pair<K, V>> {
    return PairRDDFunctions.subtractByKey(this, other, partitions);
  }

  /** Spark: `aggregateByKey(zero)(seqOp, combOp)` (PySpark: `aggregateByKey(zero, seqFunc, combFunc)`). */
  aggregateByKey<K, V, U>(
    this: RDD<Pair<K, V>>,
    zero: U,
    seqOp: (acc: U, v: V) => U,
    combOp: (a: U, b: U) => U,
    partitions?: PartitionSpec,
  ): RDD<Pair<K, U>> {
    return PairRDDFunctions.aggregateByKey(this, zero, seqOp, combOp, partitions);
  }

  /** Spark: `foldByKey(zero)(func)`. */
  foldByKey<K, V>(this: RDD<Pair<K, V>>, zero: V, f: (a: V, b: V) => V, partitions?: PartitionSpec): RDD<Pair<K, V>> {
    return PairRDDFunctions.foldByKey(this, zero, f, partitions);
  }

  /** PySpark: `groupWith(other)` = `cogroup(other)` (one other RDD). */
  groupWith<K, V, W>(this: RDD<Pair<K, V>>, other: RDD<Pair<K, W>>): RDD<Pair<K, [V[], W[]]>> {
    return this.cogroup(other);
  }

  /** Spark: `countByKey`. */
  countByKey<K, V>(this: RDD<Pair<K, V>>): Map<K, number> {
    return this.keys().countByValue();
  }

  /** Spark: `reduceByKeyLocally(func)`: a Map of each key's reduced value. */
  reduceByKeyLocally<K, V>(this: RDD<Pair<K, V>>, f: (a: V, b: V) => V): Map<K, V> {
    return PairRDDFunctions.reduceByKeyLocally(this, f);
  }

  /** Spark: `lookup(key)`: the values of `key` (only its partition when there is a partitioner). */
  lookup<K, V>(this: RDD<Pair<K, V>>, key: K): V[] {
    return PairRDDFunctions.lookup(this, key);
  }

  /** Spark: `collectAsMap` (later values of a key win). */
  collectAsMap<K, V>(this: RDD<Pair<K, V>>): Map<K, V> {
    return new Map(this.collect());
  }

  // ---------------------------------------------------------------------------------------------
  // Numbers (Spark: DoubleRDDFunctions; PySpark: the same methods on RDD)
  // ---------------------------------------------------------------------------------------------

  /** Spark: `sum()` (DoubleRDDFunctions); 0 when empty. */
  sum(this: RDD<number>): number {
    return DoubleRDDFunctions.sum(this);
  }

  /** Spark: `stats()`: a StatCounter (count, mean, stdev, max, min) printed as the flavor prints it. */
  stats(this: RDD<number>): StatCounter {
    return DoubleRDDFunctions.stats(this);
  }

  /** Spark: `mean()` = `stats().mean`. */
  mean(this: RDD<number>): number {
    return this.stats().mean();
  }

  /** Spark: `variance()` (population). */
  variance(this: RDD<number>): number {
    return this.stats().variance();
  }

  /** Spark: `stdev()` (population). */
  stdev(this: RDD<number>): number {
    return this.stats().stdev();
  }

  /** Spark: `sampleVariance()` (divides by n - 1). */
  sampleVariance(this: RDD<number>): number {
    return this.stats().sampleVariance();
  }

  /** Spark: `sampleStdev()`. */
  sampleStdev(this: RDD<number>): number {
    return this.stats().sampleStdev();
  }

  /** PySpark: `histogram(buckets)`: a bucket count or sorted boundaries (see DoubleRDDFunctions). */
  histogram<B>(buckets: number | readonly B[]): Histogram<B> {
    return DoubleRDDFunctions.histogram(this as unknown as RDD<B>, buckets);
  }
}
