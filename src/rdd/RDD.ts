import { DStreamSimError, IllegalStateError, SparkError, UnsupportedOperationError, ValueError } from '../errors';
import type { FacadeOf } from '../util/facades';
import { Actions } from './Actions';
import { OrderedRDDFunctions } from './OrderedRDDFunctions';
import { PairRDDFunctions } from './PairRDDFunctions';
import { PartitionShapes } from './PartitionShapes';
import { hashPartitioner, type PartitionFunc, type Partitioner } from './Partitioner';
import type { RddContext } from './RddContext';
import type { StorageLevel } from './StorageLevel';
import { saveAsTextFile } from './saveAsTextFile';
import { DoubleRDDFunctions, type Histogram } from './DoubleRDDFunctions';
import { Sampling } from './Sampling';
import { SetOperations } from './SetOperations';
import type { StatCounter } from './StatCounter';
import { UnsupportedRDDMethods } from './UnsupportedRDDMethods';

/** A key/value record: a 2-element array (PySpark's tuple, Scala's `Tuple2`). */
export type Pair<K, V> = [K, V];

/** Accepts either a partition count or a partitioner (Spark overloads both). */
export type PartitionSpec = number | Partitioner;

/**
 * A Resilient Distributed Dataset, simulated: an immutable, partitioned collection computed
 * lazily, in memory and synchronously. Spark: `org.apache.spark.rdd.RDD` (PySpark: `pyspark.RDD`).
 *
 * Transformations return new RDDs and run nothing; actions (`collect`, `count`, `take` …) compute
 * the partitions they need. Element functions therefore run once per action unless the RDD is
 * `cache()`d, as in Spark. Shuffle outputs are computed once per RDD, like Spark's shuffle files.
 * Key/value operations work on RDDs of 2-element arrays.
 */
export class RDD<T> extends UnsupportedRDDMethods {
  /** Spark: `RDD.id`, unique within its SparkContext. */
  readonly id: number;
  /** The partitioner, for RDDs produced by a shuffle (Spark: `partitioner`). */
  readonly partitioner: Partitioner | undefined;
  private level: StorageLevel = 'NONE';
  private rddName: string | null = null;
  private cached: T[][] | undefined;

  /** @internal Build an RDD from a partition count and a function computing one partition. */
  private checkpointState: 'none' | 'marked' | 'done' = 'none';
  private locallyCheckpointed = false;

  /** Spark: `RDD.context` (PySpark: `rdd.context`): the SparkContext this RDD belongs to. */
  readonly context: FacadeOf<'sparkContext', RddContext>;

  constructor(
    context: RddContext,
    private readonly numParts: number,
    private computeFn: (split: number) => T[],
    partitioner?: Partitioner,
  ) {
    super();
    this.context = context as FacadeOf<'sparkContext', RddContext>;
    this.id = context.newRddId();
    this.partitioner = partitioner;
  }

  /** @internal An RDD over fixed partitions. */
  static fromPartitions<T>(sc: RddContext, partitions: readonly (readonly T[])[], partitioner?: Partitioner): RDD<T> {
    return new RDD<T>(sc, partitions.length, (i) => partitions[i]!.slice(), partitioner);
  }

  /** @internal `SparkContext.union` (see there). */
  static unionAll<T>(sc: RddContext, rdds: readonly RDD<T>[]): RDD<T> {
    const first = rdds[0]?.partitioner;
    const partitionerAware =
      rdds.length > 0 && first !== undefined && rdds.every((r) => first.equals(r.partitioner));
    if (partitionerAware) {
      return new RDD<T>(
        sc,
        first.numPartitions,
        (i) => rdds.flatMap((r) => r.partition(i)),
        first,
      );
    }
    return RDD.concat(sc, rdds);
  }

  /** @internal Spark: `UnionRDD`: the partitions of every RDD, in order. */
  static concat<T>(sc: RddContext, rdds: readonly RDD<T>[]): RDD<T> {
    const index: [RDD<T>, number][] = [];
    for (const r of rdds) for (let i = 0; i < r.numParts; i++) index.push([r, i]);
    return new RDD<T>(sc, index.length, (i) => {
      const [r, p] = index[i]!;
      return r.partition(p);
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Partitions and persistence
  // ---------------------------------------------------------------------------------------------

  /** Spark: `getNumPartitions`. */
  getNumPartitions(): number {
    return this.numParts;
  }

  /** @internal Compute (or read the cached copy of) partition `split`. */
  partition(split: number): T[] {
    if (this.cached !== undefined) {
      let p = this.cached[split];
      if (p === undefined) {
        p = this.computeFn(split);
        this.cached[split] = p;
      }
      return p;
    }
    return this.computeFn(split);
  }

  /** @internal All partitions, computed. */
  partitions(): T[][] {
    const out: T[][] = [];
    for (let i = 0; i < this.numParts; i++) out.push(this.partition(i));
    return out;
  }

  /** Spark: `persist(level)`: keep computed partitions in memory. */
  persist(level: StorageLevel = 'MEMORY_ONLY'): this {
    if (this.level !== 'NONE' && this.level !== level) {
      throw new UnsupportedOperationError(
        'Cannot change storage level of an RDD after it was already assigned a level',
      );
    }
    this.level = level;
    this.cached ??= [];
    return this;
  }

  /** Spark: `cache()` = `persist(MEMORY_ONLY)`. */
  cache(): this {
    return this.persist('MEMORY_ONLY');
  }

  /** Spark: `unpersist()`. */
  unpersist(): this {
    this.level = 'NONE';
    this.cached = undefined;
    return this;
  }

  /** Spark: `getStorageLevel`. */
  getStorageLevel(): StorageLevel {
    return this.level;
  }

  /**
   * Spark: `checkpoint()`: mark this RDD to be saved; the next {@link doCheckpoint} computes every
   * partition, keeps the data and forgets the lineage (the parents), as Spark does with
   * checkpoint files. The data stays in memory; nothing is written to disk.
   */
  checkpoint(): void {
    if (this.checkpointState === 'none') this.checkpointState = 'marked';
  }

  /**
   * Spark: `localCheckpoint()`: like {@link checkpoint} (the data is kept in memory either way),
   * without needing a checkpoint directory.
   */
  localCheckpoint(): void {
    this.locallyCheckpointed = true;
    this.checkpoint();
  }

  /** Spark: `isLocallyCheckpointed`. */
  isLocallyCheckpointed(): boolean {
    return this.locallyCheckpointed;
  }

  /** Spark: `isCheckpointed`. */
  isCheckpointed(): boolean {
    return this.checkpointState === 'done';
  }

  /** @internal Spark: `doCheckpoint()`: materialize a marked RDD and cut its lineage. */
  doCheckpoint(): void {
    if (this.checkpointState !== 'marked') return;
    const data = this.partitions();
    this.computeFn = (i) => data[i]!.slice();
    if (this.cached !== undefined) this.cached = data;
    this.checkpointState = 'done';
  }

  // ---------------------------------------------------------------------------------------------
  // Transformations
  // ---------------------------------------------------------------------------------------------

  /** Spark: `map`. */
  map<U>(f: (x: T) => U): RDD<U> {
    return this.narrow((p) => {
      const out: U[] = new Array<U>(p.length);
      for (let i = 0; i < p.length; i++) out[i] = f(p[i]!);
      return out;
    });
  }

  /** Spark: `flatMap`: `f` returns any iterable (array, string, generator …). */
  flatMap<U>(f: (x: T) => Iterable<U>): RDD<U> {
    return this.narrow((p) => {
      const out: U[] = [];
      for (const x of p) {
        const r = f(x);
        if (Array.isArray(r)) for (const y of r as U[]) out.push(y);
        else for (const y of r) out.push(y);
      }
      return out;
    });
  }

  /** Spark: `filter`. */
  filter(f: (x: T) => boolean): RDD<T> {
    return this.narrow((p) => p.filter((x) => f(x)), true);
  }

  /** Spark: `mapPartitions`: `f` gets the partition's records and returns an iterable. */
  mapPartitions<U>(f: (it: Iterable<T>) => Iterable<U>, preservesPartitioning = false): RDD<U> {
    return this.narrow((p) => Array.from(f(p)), preservesPartitioning);
  }

  /** Spark: `mapPartitionsWithIndex`. */
  mapPartitionsWithIndex<U>(
    f: (index: number, it: Iterable<T>) => Iterable<U>,
    preservesPartitioning = false,
  ): RDD<U> {
    return this.derive(this.numParts, (i) => Array.from(f(i, this.partition(i))), preservesPartitioning ? this.partitioner : undefined);
  }

  /** Spark: `glom`: one array per partition. */
  glom(): RDD<T[]> {
    return this.narrow((p) => [p.slice()]);
  }

  /** Spark: `distinct(numPartitions)` = `map((_, null)).reduceByKey((x, _) => x).map(_._1)`. */
  distinct(numPartitions: number = this.defaultReducePartitions()): RDD<T> {
    return this.map((x): Pair<T, null> => [x, null])
      .reduceByKey((a) => a, numPartitions)
      .map(([k]) => k);
  }

  /** Spark: `union`. */
  union(other: RDD<T>): RDD<T> {
    this.context.assertNotStopped();
    return RDD.unionAll(this.context, [this, other]);
  }

  /** Spark: `cartesian`: partition `i·m + j` pairs partition i of this with j of `other`. */
  cartesian<U>(other: RDD<U>): RDD<Pair<T, U>> {
    return PartitionShapes.cartesian(this, other);
  }

  /** Spark: `keyBy`. */
  keyBy<K>(f: (x: T) => K): RDD<Pair<K, T>> {
    return this.map((x): Pair<K, T> => [f(x), x]);
  }

  /** Spark: `zipWithIndex`: indexes follow partition order. */
  zipWithIndex(): RDD<Pair<T, number>> {
    return PartitionShapes.zipWithIndex(this);
  }

  /**
   * Spark: `repartition(n)` = `coalesce(n, shuffle = true)`: each input partition deals its
   * records round-robin to the outputs, starting at a position drawn from
   * `new Random(byteswap32(index))`, exactly as Spark does.
   */
  repartition(numPartitions: number): RDD<T> {
    return PartitionShapes.repartition(this, numPartitions);
  }

  /** Spark: `coalesce(n, shuffle)`; without a shuffle, neighbouring partitions are merged. */
  coalesce(numPartitions: number, shuffle = false): RDD<T> {
    return shuffle ? this.repartition(numPartitions) : PartitionShapes.coalesce(this, numPartitions);
  }

  /** Spark: `sortBy(f, ascending, numPartitions)` (see OrderedRDDFunctions). */
  sortBy<K>(f: (x: T) => K, ascending = true, numPartitions: number = this.numParts): RDD<T> {
    return OrderedRDDFunctions.sortBy(this, f, ascending, numPartitions);
  }

  /** Spark: `subtract(other, numPartitions)`: records not in `other` (see SetOperations). */
  subtract(other: RDD<T>, numPartitions?: number): RDD<T> {
    return SetOperations.subtract(this, other, numPartitions);
  }

  /** Spark: `intersection(other)`: the distinct records in both (see SetOperations). */
  intersection(other: RDD<T>, numPartitions?: number): RDD<T> {
    return SetOperations.intersection(this, other, numPartitions);
  }

  /** Spark: `zip(other)`: same partition counts and sizes required (see PartitionShapes). */
  zip<U>(other: RDD<U>): RDD<Pair<T, U>> {
    return PartitionShapes.zip(this, other);
  }

  /** Spark: `zipWithUniqueId`: record k of partition p gets `k * numPartitions + p`. */
  zipWithUniqueId(): RDD<Pair<T, number>> {
    return PartitionShapes.zipWithUniqueId(this);
  }

  /** Spark: `groupBy(f, numPartitions)` = `map(x => (f(x), x)).groupByKey(numPartitions)`. */
  groupBy<K>(f: (x: T) => K, partitions?: PartitionSpec, partitionFunc?: (key: K) => number): RDD<Pair<K, T[]>> {
    const keyed = this.map((x): Pair<K, T> => [f(x), x]);
    if (partitionFunc === undefined || typeof partitions === 'object') return keyed.groupByKey(partitions);
    const n = partitions ?? keyed.defaultReducePartitions();
    return keyed.groupByKey(hashPartitioner(this.context.flavor, n, partitionFunc as PartitionFunc));
  }

  /** PySpark: `sample(withReplacement, fraction, seed)`: PySpark's sampler (see Sampling). */
  sample(withReplacement: boolean, fraction: number, seed?: number | bigint): RDD<T> {
    return Sampling.sample(this, withReplacement, fraction, seed);
  }

  /** PySpark: `randomSplit(weights, seed)`: disjoint RDDs of the given relative sizes. */
  randomSplit(weights: readonly number[], seed?: number | bigint): RDD<T>[] {
    return Sampling.randomSplit(this, weights, seed);
  }

  /** PySpark: `setName(name)`. */
  setName(name: string): this {
    this.rddName = name;
    return this;
  }

  /** PySpark: `name()`: the name set by `setName`, else `null` (Python `None`). */
  name(): string | null {
    return this.rddName;
  }

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
    return this.narrow((p) => p.map(([k, v]): Pair<K, U> => [k, f(v)]), true);
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

  // ---------------------------------------------------------------------------------------------
  // Actions
  // ---------------------------------------------------------------------------------------------

  /** Spark: `collect`: every record, partition by partition. */
  collect(): T[] {
    return this.runJob(() => {
      const out: T[] = [];
      for (let i = 0; i < this.numParts; i++) for (const x of this.partition(i)) out.push(x);
      return out;
    });
  }

  /** Spark: `count`. */
  count(): number {
    return this.runJob(() => {
      let n = 0;
      for (let i = 0; i < this.numParts; i++) n += this.partition(i).length;
      return n;
    });
  }

  /** Spark: `take(n)`: computes partitions in order only until `n` records are found. */
  take(n: number): T[] {
    return this.runJob(() => Actions.take(this, n));
  }

  /**
   * Spark: `first`. When empty, Scala throws `UnsupportedOperationError("empty collection")`,
   * PySpark raises `ValueError("RDD is empty")`.
   */
  first(): T {
    const t = this.take(1);
    if (t.length === 0) throw this.emptyError('RDD is empty');
    return t[0]!;
  }

  /** Spark: `isEmpty`. */
  isEmpty(): boolean {
    return this.numParts === 0 || this.take(1).length === 0;
  }

  /**
   * Spark: `reduce`: each partition reduced, then the partitions' results in partition order.
   * When empty, Scala throws `UnsupportedOperationError("empty collection")`, PySpark raises
   * `ValueError("Can not reduce() empty RDD")`.
   */
  reduce(f: (a: T, b: T) => T): T {
    const vals = this.runJob(() =>
      this.partitions()
        .filter((p) => p.length > 0)
        .map((p) => p.reduce((a, b) => f(a, b))),
    );
    if (vals.length === 0) throw this.emptyError('Can not reduce() empty RDD');
    return this.runJob(() => vals.reduce((a, b) => f(a, b)));
  }

  /** The error of an action that needs a record, on an empty RDD, as the flavor's Spark raises it. */
  private emptyError(pysparkMessage: string): DStreamSimError {
    return this.context.flavor === 'pyspark'
      ? new ValueError(pysparkMessage, 'EMPTY_COLLECTION')
      : new UnsupportedOperationError('empty collection', 'EMPTY_COLLECTION');
  }

  /** Spark: `fold(zero)(op)`: each partition folded from a copy of `zero`, then the results. */
  fold(zero: T, f: (a: T, b: T) => T): T {
    return Actions.fold(this, zero, f);
  }

  /** Spark: `aggregate(zero)(seqOp, combOp)` (PySpark: `aggregate(zero, seqOp, combOp)`). */
  aggregate<U>(zero: U, seqOp: (acc: U, x: T) => U, combOp: (a: U, b: U) => U): U {
    return Actions.aggregate(this, zero, seqOp, combOp);
  }

  /** PySpark: `treeAggregate` (same result as `aggregate` here: there is no tree of executors). */
  treeAggregate<U>(zero: U, seqOp: (acc: U, x: T) => U, combOp: (a: U, b: U) => U, _depth = 2): U {
    return Actions.aggregate(this, zero, seqOp, combOp);
  }

  /** PySpark: `treeReduce` (same result as `reduce` here). */
  treeReduce(f: (a: T, b: T) => T, _depth = 2): T {
    return this.reduce(f);
  }

  /** PySpark: `takeSample(withReplacement, num, seed)`: `num` records at random, shuffled. */
  takeSample(withReplacement: boolean, num: number, seed?: number | bigint): T[] {
    return Sampling.takeSample(this, withReplacement, num, seed);
  }

  /** Spark: `top(num)`; PySpark: `top(num, key)`: the largest `num`, largest first. */
  top(num: number, key?: (x: T) => unknown): T[] {
    return Actions.takeOrdered(this, num, key, true);
  }

  /** Spark: `takeOrdered(num)`; PySpark: `takeOrdered(num, key)`: the smallest `num`, in order. */
  takeOrdered(num: number, key?: (x: T) => unknown): T[] {
    return Actions.takeOrdered(this, num, key);
  }

  /** Spark: `max()`; PySpark: `max(key)`. Fails on an empty RDD as `reduce` does. */
  max(key?: (x: T) => unknown): T {
    return Actions.max(this, key);
  }

  /** Spark: `min()`; PySpark: `min(key)`. */
  min(key?: (x: T) => unknown): T {
    return Actions.min(this, key);
  }

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

  /** Spark: `toLocalIterator()`: the records, one partition computed at a time. */
  toLocalIterator(_prefetchPartitions = false): IterableIterator<T> {
    this.context.assertNotStopped();
    return Actions.toLocalIterator(this);
  }

  /** Spark: `countByValue`: a Map from each distinct value to its count, in first-seen order. */
  countByValue(): Map<T, number> {
    return this.runJob(() => Actions.countByValue(this.collect()));
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

  /** Spark: `foreach`. */
  foreach(f: (x: T) => void): void {
    this.runJob(() => {
      for (let i = 0; i < this.numParts; i++) for (const x of this.partition(i)) f(x);
    });
  }

  /** Spark: `foreachPartition`. */
  foreachPartition(f: (it: Iterable<T>) => void): void {
    this.runJob(() => {
      for (let i = 0; i < this.numParts; i++) f(this.partition(i));
    });
  }

  /** Spark: `saveAsTextFile(path)`: one `part-NNNNN` file per partition, then `_SUCCESS`. */
  saveAsTextFile(path: string): void {
    this.runJob(() => saveAsTextFile(this as RDD<unknown>, path));
  }

  override toString(): string {
    return `RDD[${this.id}] with ${this.numParts} partitions`;
  }

  // ---------------------------------------------------------------------------------------------
  // Internals
  // ---------------------------------------------------------------------------------------------

  /** @internal A new RDD of this context (Spark: a new `RDD` subclass over this one). */
  derive<U>(numPartitions: number, compute: (split: number) => U[], partitioner?: Partitioner): RDD<U> {
    return new RDD<U>(this.context, numPartitions, compute, partitioner);
  }

  /** @internal A narrow transformation: `f` maps each partition. */
  narrow<U>(f: (p: T[]) => U[], preservesPartitioning = false): RDD<U> {
    return new RDD<U>(
      this.context,
      this.numParts,
      (i) => f(this.partition(i)),
      preservesPartitioning ? this.partitioner : undefined,
    );
  }

  /** @internal A shuffle: the whole output is computed once, on first use (Spark's shuffle files). */
  shuffled<U>(numPartitions: number, compute: () => U[][], partitioner?: Partitioner): RDD<U> {
    let output: U[][] | undefined;
    // Once the shuffle output exists, the inputs are no longer needed: drop them (bounded memory).
    let run: (() => U[][]) | undefined = compute;
    return new RDD<U>(
      this.context,
      numPartitions,
      (i) => {
        if (output === undefined) {
          output = run!();
          run = undefined;
        }
        return output[i]!.slice();
      },
      partitioner,
    );
  }

  /**
   * @internal The partitioner a shuffle uses: the one asked for, else Spark's `defaultPartitioner`
   * (scala) or PySpark's `Partitioner(_defaultReducePartitions(), portable_hash)` (pyspark).
   */
  partitionerFor(spec: PartitionSpec | undefined, other?: RDD<unknown>): Partitioner {
    if (spec !== undefined) return typeof spec === 'number' ? hashPartitioner(this.context.flavor, spec) : spec;
    if (this.context.flavor === 'pyspark') return hashPartitioner('pyspark', this.defaultReducePartitions(other));
    // Spark's Partitioner.defaultPartitioner: reuse an existing partitioner, else defaultParallelism.
    const existing = this.partitioner ?? other?.partitioner;
    if (existing !== undefined) return existing;
    return hashPartitioner(this.context.flavor, this.context.defaultParallelism);
  }

  /**
   * @internal How many partitions a shuffle makes when none is asked for. Scala (`distinct`,
   * `sortByKey`): this RDD's. PySpark's `_defaultReducePartitions`: `spark.default.parallelism`
   * when it is set, else this RDD's partition count; a join or cogroup asks it of
   * `self.union(other)` (pyspark/join.py), which has the partitions of both unless they share a
   * partitioner.
   */
  defaultReducePartitions(other?: RDD<unknown>): number {
    if (this.context.flavor === 'pyspark' && this.context.defaultParallelismIsSet) return this.context.defaultParallelism;
    if (other === undefined) return this.numParts;
    const shared = this.partitioner !== undefined && this.partitioner.equals(other.partitioner);
    return shared ? this.numParts : this.numParts + other.numParts;
  }

  /**
   * Run an action. A failure inside a user function is reported as Spark reports a failed task:
   * `SparkError("Job aborted due to stage failure: …")` with the original error as `cause`.
   */
  private runJob<R>(body: () => R): R {
    if (this.context.isStopped) {
      throw new IllegalStateError('SparkContext has been shutdown', 'SPARK_CONTEXT_SHUTDOWN');
    }
    const stage = this.context.nextStageId++;
    try {
      return body();
    } catch (e) {
      if (e instanceof DStreamSimError) throw e;
      throw new SparkError(
        `Job aborted due to stage failure: Task 0 in stage ${stage}.0 failed 1 times, most recent failure: ` +
          `Lost task 0.0 in stage ${stage}.0 (TID ${stage}) (localhost executor driver): ${describe(e)}`,
        'TASK_FAILED',
        { cause: e },
      );
    }
  }
}

function describe(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return String(e);
}
