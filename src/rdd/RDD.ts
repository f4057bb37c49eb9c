import { Actions } from './Actions';
import { KeyValueMethods } from './KeyValueMethods';
import { OrderedRDDFunctions } from './OrderedRDDFunctions';
import { PartitionShapes } from './PartitionShapes';
import { hashPartitioner, type PartitionFunc, type Partitioner } from './Partitioner';
import type { RecordStage } from './RDDBase';
import type { RddContext } from './RddContext';
import { saveAsTextFile } from './saveAsTextFile';
import { Sampling } from './Sampling';
import { SetOperations } from './SetOperations';
import { recordsOutput, type ShuffleOutput } from './ShuffleOutput';

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
 * Key/value and number operations (on RDDs of 2-element arrays, of numbers) are in
 * {@link KeyValueMethods}; the state, persistence and job running in {@link RDDBase}.
 */
export class RDD<T> extends KeyValueMethods<T> {
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
  // Transformations
  // ---------------------------------------------------------------------------------------------

  /** Spark: `map`. */
  map<U>(f: (x: T) => U): RDD<U> {
    return this.recordStep((emit) => (x) => emit(f(x)));
  }

  /** Spark: `flatMap`: `f` returns any iterable (array, string, generator …). */
  flatMap<U>(f: (x: T) => Iterable<U>): RDD<U> {
    return this.recordStep((emit) => (x) => {
      const r = f(x);
      if (Array.isArray(r)) for (let i = 0; i < r.length; i++) emit(r[i] as U);
      else for (const y of r) emit(y);
    });
  }

  /** Spark: `filter`. */
  filter(f: (x: T) => boolean): RDD<T> {
    return this.recordStep((emit) => (x) => {
      if (f(x)) emit(x);
    }, true);
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

  // ---------------------------------------------------------------------------------------------
  // Actions
  // ---------------------------------------------------------------------------------------------

  /**
   * @internal `collect`, keeping the partitions apart (Spark: `glom().collect()` without the extra
   * RDD): one job, the same one `collect` runs.
   */
  collectPartitions(): T[][] {
    return this.runJob(() => this.partitions());
  }

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

  /** Spark: `toLocalIterator()`: the records, one partition computed at a time. */
  toLocalIterator(_prefetchPartitions = false): IterableIterator<T> {
    this.context.assertNotStopped();
    return Actions.toLocalIterator(this);
  }

  /** Spark: `countByValue`: a Map from each distinct value to its count, in first-seen order. */
  countByValue(): Map<T, number> {
    return this.runJob(() => Actions.countByValue(this.collect()));
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

  // ---------------------------------------------------------------------------------------------
  // Internals
  // ---------------------------------------------------------------------------------------------

  /** @internal A new RDD of this context (Spark: a new `RDD` subclass over this one). */
  derive<U>(numPartitions: number, compute: (split: number) => U[], partitioner?: Partitioner): RDD<U> {
    return new RDD<U>(this.context, numPartitions, compute, partitioner);
  }

  /**
   * @internal A narrow step, record by record (Spark: `MapPartitionsRDD` over an iterator): a
   * chain of them runs in one pass, with no array in between (see `RDDBase.partition`).
   */
  recordStep<U>(stage: RecordStage<T, U>, preservesPartitioning = false): RDD<U> {
    const compute = (i: number): U[] => {
      const out: U[] = [];
      const push = stage((u) => void out.push(u));
      const p = this.partition(i);
      for (let j = 0; j < p.length; j++) push(p[j]!);
      return out;
    };
    return new RDD<U>(this.context, this.numParts, compute, preservesPartitioning ? this.partitioner : undefined, {
      parent: this as RDD<unknown>,
      stage: stage as RecordStage<unknown, U>,
    });
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

  /**
   * @internal A shuffle: the whole output is computed once, on first use (Spark's shuffle files),
   * kept as records or packed (see ShuffleOutput). Under an adversarial order each reduce
   * partition's records are permuted (Spark promises no order there) unless `ordered` (a sort's
   * output).
   */
  shuffled<U>(numPartitions: number, compute: () => U[][] | ShuffleOutput<U>, partitioner?: Partitioner, ordered = false): RDD<U> {
    let output: ShuffleOutput<U> | undefined;
    let permutations: number[][] | undefined;
    // Once the shuffle output exists, the inputs are no longer needed: drop them (bounded memory).
    let run: (() => U[][] | ShuffleOutput<U>) | undefined = compute;
    // Not `this`: what the closures keep must not hold the map side (its lineage) once run.
    const context = this.context;
    const read = (): ShuffleOutput<U> => {
      if (output === undefined) {
        const made = run!();
        output = Array.isArray(made) ? recordsOutput(made) : made;
        run = undefined;
        const order = ordered ? undefined : context.adversarialOrder;
        if (order !== undefined) permutations = Array.from({ length: numPartitions }, (_, p) => order.permutation(output!.size(p)));
      }
      return output;
    };
    const rdd = new RDD<U>(this.context, numPartitions, (i) => read().records(i, permutations?.[i]), partitioner);
    rdd.shuffleOutput = (i) => (rdd.computesAfresh(i) ? [read(), permutations?.[i]] : undefined);
    return rdd;
  }

  /**
   * @internal For an RDD made by {@link shuffled}: its output and the order partition `i` is read
   * in, when the partition would be computed afresh (a reader may then read the output packed
   * instead of building its records); else undefined.
   */
  shuffleOutput: ((i: number) => [ShuffleOutput<T>, readonly number[] | undefined] | undefined) | undefined = undefined;

  /** Spark: `doCheckpoint()` (see RDDBase); a checkpointed RDD is read from its data, never packed. */
  override doCheckpoint(): void {
    super.doCheckpoint();
    if (this.isCheckpointed()) this.shuffleOutput = undefined;
  }
}
