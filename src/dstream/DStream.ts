import type { Flavor } from '../conf/Flavor';
import { UnsupportedDStreamMethods } from './UnsupportedDStreamMethods';
import type { FacadeOf } from '../util/facades';
import { ArithmeticError, SparkError, UnsupportedOperationError, requireThat } from '../errors';
import type { Pair, PartitionSpec, RDD } from '../rdd/RDD';
import type { Partitioner } from '../rdd/Partitioner';
import type { StorageLevel } from '../rdd/StorageLevel';
import type { StreamingRuntime } from './StreamingRuntime';
import type { Duration } from '../time/Duration';
import { Interval } from '../time/Interval';
import type { Time } from '../time/Time';
import { toTime, toDuration, type Seconds, type TimeLike } from '../time/convert';
import {
  FilteredDStream,
  FlatMappedDStream,
  ForEachDStream,
  GlommedDStream,
  MapPartitionedDStream,
  MappedDStream,
  PairFunctions,
  SaveAsTextFiles,
  TransformedDStream,
  UnionDStream,
  WindowFunctions,
  Printer,
} from './internal';
import type { StateSpec } from '../streaming/StateSpec';
import type { MapWithStateDStream } from './internal';

/** A function on the RDD of one batch; PySpark style: `(rdd)` or `(time, rdd)`. */
export type RDDFunction<T, U> = ((rdd: RDD<T>) => U) | ((time: Time, rdd: RDD<T>) => U);

/**
 * A discretized stream: a sequence of RDDs, one per batch time. Spark: `DStream`
 * (PySpark: `pyspark.streaming.DStream`).
 *
 * Each kind of DStream (one file each under `src/dstream/`) implements three members, as in Spark:
 * `slideDuration`, `dependencies` and `compute(validTime)`. Everything else lives here. Durations
 * at this API are in **seconds**, as in PySpark.
 */
export abstract class DStream<T> extends UnsupportedDStreamMethods {
  // =============================================================================================
  // Methods that should be implemented by subclasses of DStream
  // =============================================================================================

  /** Time interval after which the DStream generates an RDD. */
  abstract get slideDuration(): Duration;

  /** The parent DStreams this one depends on. */
  abstract get dependencies(): readonly DStream<unknown>[];

  /** @internal Generate the RDD for a valid batch time, or `undefined` for "no RDD". */
  abstract compute(validTime: Time): RDD<T> | undefined;

  // =============================================================================================
  // Methods and fields available on all DStreams
  // =============================================================================================

  /** A per-context id, in creation order (names the stream in the event log). */
  readonly id: number;
  /** The operation that created this stream (`map`, `queueStream`, …). */
  readonly opName: string;
  /** @internal */ readonly ssc: StreamingRuntime;
  /** @internal */ zeroTime: Time | undefined;
  /** @internal */ rememberDuration: Duration | undefined;
  /** @internal */ checkpointDuration: Duration | undefined;
  /** @internal */ storageLevel: StorageLevel = 'NONE';
  /** @internal */ mustCheckpoint = false;
  /** @internal Batch time (ms) → generated RDD. */
  readonly generatedRDDs = new Map<number, RDD<T>>();
  /** @internal When true, every generated RDD is reported to the event log. */
  inspected = false;

  /**
   * @param lazyInPySpark PySpark builds these streams' JVM objects lazily, so adding them after
   *   `start()` is refused only when an output operation uses them (spark-semantics §1.3).
   */
  protected constructor(ssc: StreamingRuntime, opName: string, lazyInPySpark = false) {
    super();
    this.ssc = ssc;
    this.opName = opName;
    if (!(lazyInPySpark && ssc.flavor === 'pyspark')) ssc.validateAtInit(`DStream.${opName}()`);
    this.id = ssc.nextStreamId();
  }

  /** The Spark class this kind mirrors, e.g. `MappedDStream`. */
  get className(): string {
    return this.constructor.name;
  }

  /** A readable name for logs and inspection: `<opName> [<id>]`. */
  get name(): string {
    return `${this.opName} [${this.id}]`;
  }

  /** @internal The flavor of the owning context. */
  get flavor(): Flavor {
    return this.ssc.flavor;
  }

  /** @internal Spark: `parentRememberDuration` (windows add their length). */
  get parentRememberDuration(): Duration | undefined {
    return this.rememberDuration;
  }

  /** Spark: `DStream.context` / PySpark `DStream.context()`: the owning StreamingContext. */
  context(): FacadeOf<'streamingContext', StreamingRuntime> {
    return this.ssc.facade;
  }

  /** @internal Spark: `isTimeValid`. */
  isTimeValid(time: Time): boolean {
    if (this.zeroTime === undefined) {
      throw new SparkError(`${this.name} has not been initialized`, 'DSTREAM_NOT_INITIALIZED');
    }
    if (time.lte(this.zeroTime)) return false;
    // (time - zeroTime).isMultipleOf(slideDuration), in ms: asked for every stream of every batch.
    const slide = this.slideDuration.milliseconds;
    if (slide === 0) throw new ArithmeticError('/ by zero');
    return (time.milliseconds - this.zeroTime.milliseconds) % slide === 0;
  }

  /**
   * @internal Spark: `getOrCompute`: the cached RDD for `time`, else compute it (at most once per
   * batch time), persist it if a storage level is set, and remember it.
   */
  getOrCompute(time: Time): RDD<T> | undefined {
    const cached = this.generatedRDDs.get(time.milliseconds);
    if (cached !== undefined) return cached;
    if (!this.isTimeValid(time)) return undefined;
    const rdd = this.compute(time);
    this.afterCompute(time, rdd);
    if (rdd === undefined) return undefined;
    // Spark persists every RDD of a persisted stream: one already at another level is refused.
    if (this.storageLevel !== 'NONE') rdd.persist(this.storageLevel);
    if (this.checkpointDuration !== undefined && time.minus(this.zeroTime!).isMultipleOf(this.checkpointDuration)) {
      rdd.checkpoint();
      this.ssc.markForCheckpoint(rdd);
    }
    this.generatedRDDs.set(time.milliseconds, rdd);
    if (this.inspected) this.ssc.inspector.generated(this, time, rdd);
    return rdd;
  }

  /** @internal A hook after `compute` (input streams report what they delivered). */
  protected afterCompute(_time: Time, _rdd: RDD<T> | undefined): void {}

  /** @internal Spark: `initialize(zeroTime)`: also sets default checkpoint and remember durations. */
  initialize(time: Time): void {
    if (this.zeroTime !== undefined && !this.zeroTime.equals(time)) {
      throw new SparkError(
        `ZeroTime is already initialized to ${this.zeroTime}, cannot initialize it again to ${time}`,
      );
    }
    this.zeroTime = time;
    if (this.mustCheckpoint && this.checkpointDuration === undefined) {
      this.checkpointDuration = this.defaultCheckpointDuration();
    }
    let minRemember = this.slideDuration;
    if (this.checkpointDuration !== undefined && minRemember.lte(this.checkpointDuration)) {
      minRemember = this.checkpointDuration.times(2);
    }
    if (this.rememberDuration === undefined || this.rememberDuration.lt(minRemember)) {
      this.rememberDuration = minRemember;
    }
    for (const d of this.dependencies) d.initialize(time);
  }

  /** @internal Spark's default checkpoint interval: the smallest multiple of the slide ≥ 10 s. */
  protected defaultCheckpointDuration(): Duration {
    const slide = this.slideDuration;
    return slide.times(Math.ceil(10_000 / slide.milliseconds));
  }

  /** @internal Spark: `remember(duration)`: keep at least this much history, and tell the parents. */
  remember(duration: Duration | undefined): void {
    if (duration !== undefined && (this.rememberDuration === undefined || duration.gt(this.rememberDuration))) {
      this.rememberDuration = duration;
    }
    for (const d of this.dependencies) d.remember(this.parentRememberDuration);
  }

  /** @internal Spark: `validateAtStart` (messages verbatim, double spaces included). */
  validateAtStart(): void {
    const c = this.className;
    const cp = this.checkpointDuration;
    const slide = this.slideDuration;
    // Three of Spark's checks cannot fail once initialize() and remember() have run (they set
    // what is checked first, here as in Spark), so they are not repeated: "Remember duration is
    // set to null", "The checkpoint interval for <C> has not been set", and "The remember
    // duration for <C> has been set to <d> which is not more than the checkpoint interval"
    // (initialize() makes it at least twice the interval).
    if (cp !== undefined) {
      requireThat(
        this.ssc.sparkContext.getCheckpointDir() !== undefined,
        'The checkpoint directory has not been set. Please set it by StreamingContext.checkpoint().',
        'CHECKPOINT_DIRECTORY_NOT_SET',
      );
      requireThat(
        cp.gte(slide),
        `The checkpoint interval for ${c} has been set to ${cp} which is lower than its slide time (${slide}). Please set it to at least ${slide}.`,
      );
      requireThat(
        cp.isMultipleOf(slide),
        `The checkpoint interval for ${c} has been set to  ${cp} which not a multiple of its slide time (${slide}). Please set it to a multiple of ${slide}.`,
      );
      requireThat(
        this.storageLevel !== 'NONE',
        `${c} has been marked for checkpointing but the storage level has not been set to enable persisting. Please use DStream.persist() to set the storage level to use memory for better checkpointing performance.`,
      );
    }
    for (const d of this.dependencies) d.validateAtStart();
  }

  /** @internal Spark: `clearMetadata(time)`: forget RDDs older than the remember duration. */
  clearMetadata(time: Time): void {
    const limit = time.milliseconds - this.rememberDuration!.milliseconds; // set at start
    for (const [t, rdd] of this.generatedRDDs) {
      if (t <= limit) {
        this.generatedRDDs.delete(t);
        rdd.unpersist();
      }
    }
    for (const d of this.dependencies) d.clearMetadata(time);
  }

  /** Spark: `persist(level)`. Refused after the context has started. */
  persist(level: StorageLevel = this.flavor === 'pyspark' ? 'MEMORY_ONLY' : 'MEMORY_ONLY_SER'): this {
    if (this.ssc.isActive()) {
      throw this.ssc.refuse(
        'DStream.persist()',
        'persist-after-start',
        new UnsupportedOperationError(
          'Cannot change storage level of a DStream after streaming context has started',
          'PERSIST_AFTER_START',
        ),
      );
    }
    this.storageLevel = level;
    return this;
  }

  /** Spark: `cache()` (Scala MEMORY_ONLY_SER, PySpark MEMORY_ONLY). */
  cache(): this {
    return this.persist();
  }

  /** Spark: `checkpoint(interval)`: mark for periodic RDD checkpointing (also persists). */
  checkpoint(intervalSeconds: Seconds): this {
    if (this.ssc.isActive()) {
      throw this.ssc.refuse(
        'DStream.checkpoint()',
        'checkpoint-after-start',
        new UnsupportedOperationError(
          'Cannot change checkpoint interval of a DStream after streaming context has started',
          'CHECKPOINT_AFTER_START',
        ),
      );
    }
    this.persist();
    this.checkpointDuration = toDuration(intervalSeconds, 'DStream.checkpoint', 'interval');
    return this;
  }

  // ---------------------------------------------------------------------------------------------
  // Transformations
  // ---------------------------------------------------------------------------------------------

  /** Spark: `map`: apply `f` to every record. */
  map<U>(f: (x: T) => U): DStream<U> {
    return new MappedDStream(this, f);
  }

  /** Spark: `flatMap`: `f` returns any iterable of records. */
  flatMap<U>(f: (x: T) => Iterable<U>): DStream<U> {
    return new FlatMappedDStream(this, f);
  }

  /** Spark: `filter`. */
  filter(f: (x: T) => boolean): DStream<T> {
    return new FilteredDStream(this, f);
  }

  /** Spark: `mapPartitions`. */
  mapPartitions<U>(f: (it: Iterable<T>) => Iterable<U>, preservesPartitioning = false): DStream<U> {
    return new MapPartitionedDStream(this, (_i, it) => f(it), preservesPartitioning, 'mapPartitions');
  }

  /** PySpark: `mapPartitionsWithIndex`. */
  mapPartitionsWithIndex<U>(
    f: (index: number, it: Iterable<T>) => Iterable<U>,
    preservesPartitioning = false,
  ): DStream<U> {
    return new MapPartitionedDStream(this, f, preservesPartitioning, 'mapPartitionsWithIndex');
  }

  /** Spark: `glom`: one array per partition. */
  glom(): DStream<T[]> {
    return new GlommedDStream(this);
  }

  /** Spark: `repartition(n)` = `transform(_.repartition(n))`. */
  repartition(numPartitions: number): DStream<T> {
    return TransformedDStream.single(this, (rdd: RDD<T>) => rdd.repartition(numPartitions), 'repartition');
  }

  /**
   * Spark: `reduce(f)`: one record per batch, or none for an empty batch
   * (`map((null, _)).reduceByKey(f, 1).map(_._2)`).
   */
  reduce(f: (a: T, b: T) => T): DStream<T> {
    return this.map((x): Pair<null, T> => [null, x])
      .reduceByKey(f, 1)
      .map(([, v]) => v);
  }

  /**
   * Spark: `count()`. Scala emits exactly one number per batch (0 when empty); PySpark emits
   * nothing for a batch whose RDD has no partitions (flavor).
   */
  count(): DStream<number> {
    if (this.flavor === 'pyspark') {
      return this.mapPartitions((it) => {
        let n = 0;
        for (const _ of it) n++;
        return [n];
      }).reduce((a, b) => a + b);
    }
    return this.map((): Pair<null, number> => [null, 1])
      .transform((rdd: RDD<Pair<null, number>>) => rdd.union(rdd.context.makeRDD<Pair<null, number>>([[null, 0]], 1)))
      .reduceByKey((a, b) => a + b)
      .map(([, v]) => v);
  }

  /** Spark: `countByValue(numPartitions)`: `[value, count]` pairs per batch. */
  countByValue(numPartitions?: number): DStream<Pair<T, number>> {
    return this.map((x): Pair<T, number> => [x, 1]).reduceByKey((a, b) => a + b, numPartitions);
  }

  /**
   * Spark: `transform`: apply an RDD-to-RDD function to each batch. PySpark style: `f(rdd)` or
   * `f(time, rdd)` (chosen by the function's arity). Scala throws on a `null` result; PySpark
   * treats `None` as "no RDD" (flavor).
   */
  transform<U>(f: (rdd: RDD<T>) => RDD<U> | null | undefined): DStream<U>;
  transform<U>(f: (time: Time, rdd: RDD<T>) => RDD<U> | null | undefined): DStream<U>;
  transform<U>(f: RDDFunction<T, RDD<U> | null | undefined>): DStream<U> {
    return TransformedDStream.single(this, f, 'transform');
  }

  /**
   * Spark: `transformWith(other, f)` / PySpark `transformWith(func, other)`: combine this
   * stream's RDD with another's. `f(rdd, otherRdd)` or `f(time, rdd, otherRdd)`.
   */
  transformWith<U, V>(f: (a: RDD<T>, b: RDD<U>) => RDD<V> | null | undefined, other: DStream<U>): DStream<V>;
  transformWith<U, V>(f: (time: Time, a: RDD<T>, b: RDD<U>) => RDD<V> | null | undefined, other: DStream<U>): DStream<V>;
  transformWith<U, V>(
    f:
      | ((a: RDD<T>, b: RDD<U>) => RDD<V> | null | undefined)
      | ((time: Time, a: RDD<T>, b: RDD<U>) => RDD<V> | null | undefined),
    other: DStream<U>,
  ): DStream<V> {
    return TransformedDStream.pair(this, other, f, 'transformWith');
  }

  /** Spark: `union(other)`: this stream's partitions first, then the other's. */
  union(other: DStream<T>): DStream<T> {
    return UnionDStream.ofTwo(this, other);
  }

  /**
   * Spark: `slice(from, to)`: the RDDs of all slide-aligned times in `[from, to]` (both
   * inclusive; seconds or {@link Time}). Forgotten and future times are computed on demand.
   */
  slice(from: TimeLike | Interval, to?: TimeLike): RDD<T>[] {
    let fromTime: Time;
    let toTime: Time;
    if (from instanceof Interval) {
      fromTime = from.beginTime;
      toTime = from.endTime;
    } else {
      fromTime = toTime_(from, 'fromTime');
      toTime = toTime_(to ?? from, 'toTime');
    }
    if (this.zeroTime === undefined) {
      throw new SparkError(`${this.name} has not been initialized`, 'DSTREAM_NOT_INITIALIZED');
    }
    const slide = this.slideDuration;
    const zero = this.zeroTime;
    const align = (t: Time, what: string): Time => {
      if (!t.minus(zero).isMultipleOf(slide)) {
        this.ssc.warn(`${what} (${t}) is not a multiple of slideDuration (${slide})`);
        return t.floor(slide, zero);
      }
      return t;
    };
    const alignedFrom = align(fromTime, 'fromTime');
    const alignedTo = align(toTime, 'toTime');
    const out: RDD<T>[] = [];
    for (const t of alignedFrom.to(alignedTo, slide)) {
      const rdd = this.getOrCompute(t);
      if (rdd !== undefined) out.push(rdd);
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // Window operations (implemented in WindowFunctions.ts)
  // ---------------------------------------------------------------------------------------------

  /**
   * Spark: `window(windowDuration, slideDuration)`: each output holds the records of the batches
   * in `(t − window, t]`. Durations in seconds; the slide defaults to this stream's slide.
   */
  window(windowDuration: Seconds, slideDuration?: Seconds): DStream<T> {
    return WindowFunctions.window(this, windowDuration, slideDuration);
  }

  /** Spark: `reduceByWindow(f, [invF,] window, slide)`. Pass `invFunc` null for the plain path. */
  reduceByWindow(
    reduceFunc: (a: T, b: T) => T,
    invReduceFunc: ((a: T, b: T) => T) | null | undefined,
    windowDuration: Seconds,
    slideDuration?: Seconds,
  ): DStream<T> {
    return WindowFunctions.reduceByWindow(this, reduceFunc, invReduceFunc, windowDuration, slideDuration);
  }

  /** Spark: `countByWindow(window, slide)`: the number of records in each window. */
  countByWindow(windowDuration: Seconds, slideDuration?: Seconds): DStream<number> {
    return WindowFunctions.countByWindow(this, windowDuration, slideDuration);
  }

  /** Spark: `countByValueAndWindow(window, slide, numPartitions)`. */
  countByValueAndWindow(
    windowDuration: Seconds,
    slideDuration?: Seconds,
    numPartitions?: number,
  ): DStream<Pair<T, number>> {
    return WindowFunctions.countByValueAndWindow(this, windowDuration, slideDuration, numPartitions);
  }

  // ---------------------------------------------------------------------------------------------
  // Key/value operations (Spark: PairDStreamFunctions; implemented in PairDStreamFunctions.ts)
  // ---------------------------------------------------------------------------------------------

  /** Spark: `reduceByKey(func, numPartitions)`. */
  reduceByKey<K, V>(this: DStream<Pair<K, V>>, f: (a: V, b: V) => V, partitions?: PartitionSpec): DStream<Pair<K, V>> {
    return PairFunctions.combineByKey(this, (v: V) => v, f, f, partitions, true, 'reduceByKey');
  }

  /** Spark: `combineByKey(createCombiner, mergeValue, mergeCombiners, numPartitions)`. */
  combineByKey<K, V, C>(
    this: DStream<Pair<K, V>>,
    createCombiner: (v: V) => C,
    mergeValue: (c: C, v: V) => C,
    mergeCombiners: (a: C, b: C) => C,
    partitions?: PartitionSpec,
  ): DStream<Pair<K, C>> {
    return PairFunctions.combineByKey(this, createCombiner, mergeValue, mergeCombiners, partitions, true, 'combineByKey');
  }

  /** Spark: `groupByKey(numPartitions)`: each key with the array of its values in the batch. */
  groupByKey<K, V>(this: DStream<Pair<K, V>>, partitions?: PartitionSpec): DStream<Pair<K, V[]>> {
    return PairFunctions.groupByKey(this, partitions);
  }

  /** Spark: `mapValues`. */
  mapValues<K, V, U>(this: DStream<Pair<K, V>>, f: (v: V) => U): DStream<Pair<K, U>> {
    return PairFunctions.mapValues(this, f);
  }

  /** Spark: `flatMapValues`. */
  flatMapValues<K, V, U>(this: DStream<Pair<K, V>>, f: (v: V) => Iterable<U>): DStream<Pair<K, U>> {
    return PairFunctions.flatMapValues(this, f);
  }

  /** PySpark: `partitionBy(numPartitions, partitionFunc)`; Scala: a partitioner. */
  partitionBy<K, V>(
    this: DStream<Pair<K, V>>,
    partitions: PartitionSpec,
    partitionFunc?: (key: K) => number,
  ): DStream<Pair<K, V>> {
    return TransformedDStream.single(this, (rdd: RDD<Pair<K, V>>) => rdd.partitionBy(partitions, partitionFunc), 'partitionBy');
  }

  /** Spark: `cogroup(other, numPartitions)`: `[key, [valuesHere, valuesThere]]`. */
  cogroup<K, V, W>(
    this: DStream<Pair<K, V>>,
    other: DStream<Pair<K, W>>,
    partitions?: PartitionSpec,
  ): DStream<Pair<K, [V[], W[]]>> {
    return PairFunctions.joinLike(this, other, 'cogroup', (a, b) => a.cogroup(b, PairFunctions.orDefault(this, partitions)));
  }

  /** Spark: `join(other, numPartitions)`. */
  join<K, V, W>(this: DStream<Pair<K, V>>, other: DStream<Pair<K, W>>, partitions?: PartitionSpec): DStream<Pair<K, [V, W]>> {
    return PairFunctions.joinLike(this, other, 'join', (a, b) => a.join(b, PairFunctions.orDefault(this, partitions)));
  }

  /** Spark: `leftOuterJoin`: a missing right value is `undefined`. */
  leftOuterJoin<K, V, W>(
    this: DStream<Pair<K, V>>,
    other: DStream<Pair<K, W>>,
    partitions?: PartitionSpec,
  ): DStream<Pair<K, [V, W | undefined]>> {
    return PairFunctions.joinLike(this, other, 'leftOuterJoin', (a, b) => a.leftOuterJoin(b, PairFunctions.orDefault(this, partitions)));
  }

  /** Spark: `rightOuterJoin`: a missing left value is `undefined`. */
  rightOuterJoin<K, V, W>(
    this: DStream<Pair<K, V>>,
    other: DStream<Pair<K, W>>,
    partitions?: PartitionSpec,
  ): DStream<Pair<K, [V | undefined, W]>> {
    return PairFunctions.joinLike(this, other, 'rightOuterJoin', (a, b) => a.rightOuterJoin(b, PairFunctions.orDefault(this, partitions)));
  }

  /** Spark: `fullOuterJoin`. */
  fullOuterJoin<K, V, W>(
    this: DStream<Pair<K, V>>,
    other: DStream<Pair<K, W>>,
    partitions?: PartitionSpec,
  ): DStream<Pair<K, [V | undefined, W | undefined]>> {
    return PairFunctions.joinLike(this, other, 'fullOuterJoin', (a, b) => a.fullOuterJoin(b, PairFunctions.orDefault(this, partitions)));
  }

  /**
   * Spark: `reduceByKeyAndWindow(func, invFunc, window, slide, numPartitions, filterFunc)`.
   * With `invFunc` null the window is recomputed from its batches; with it, incrementally
   * (Scala: always; PySpark: when window ≥ 5 × slide — flavor). Needs a checkpoint directory
   * when `invFunc` is given.
   */
  reduceByKeyAndWindow<K, V>(
    this: DStream<Pair<K, V>>,
    func: (a: V, b: V) => V,
    invFunc: ((a: V, b: V) => V) | null | undefined,
    windowDuration: Seconds,
    slideDuration?: Seconds,
    numPartitions?: number,
    filterFunc?: ((kv: Pair<K, V>) => boolean) | null,
  ): DStream<Pair<K, V>> {
    return WindowFunctions.reduceByKeyAndWindow(
      this,
      func,
      invFunc,
      windowDuration,
      slideDuration,
      numPartitions,
      filterFunc ?? undefined,
    );
  }

  /** Spark: `groupByKeyAndWindow(window, slide, numPartitions)`. */
  groupByKeyAndWindow<K, V>(
    this: DStream<Pair<K, V>>,
    windowDuration: Seconds,
    slideDuration?: Seconds,
    numPartitions?: number,
  ): DStream<Pair<K, V[]>> {
    return WindowFunctions.groupByKeyAndWindow(this, windowDuration, slideDuration, numPartitions);
  }

  /**
   * Spark: `updateStateByKey(updateFunc, numPartitions, initialRDD)`. `updateFunc(newValues,
   * state)` gets `undefined` for a new key and returns the new state, or `undefined` to remove
   * the key. Needs a checkpoint directory.
   */
  updateStateByKey<K, V, S>(
    this: DStream<Pair<K, V>>,
    updateFunc: (values: V[], state: S | undefined) => S | undefined,
    numPartitions?: number,
    initialRDD?: RDD<Pair<K, S>> | readonly Pair<K, S>[],
  ): DStream<Pair<K, S>>;
  /**
   * Spark (Scala): `updateStateByKey(updateFunc: (Time, K, Seq[V], Option[S]) => Option[S],
   * partitioner, rememberPartitioner, initialRDD)`: the function also gets the batch time and the
   * key; the state RDDs keep `partitioner` only when `rememberPartitioner`. Scala's semantics in
   * both flavors (PySpark has no such overload), as `mapWithState`.
   */
  updateStateByKey<K, V, S>(
    this: DStream<Pair<K, V>>,
    updateFunc: (time: Time, key: K, values: V[], state: S | undefined) => S | undefined | null,
    partitioner: Partitioner,
    rememberPartitioner: boolean,
    initialRDD?: RDD<Pair<K, S>>,
  ): DStream<Pair<K, S>>;
  updateStateByKey<K, V, S>(
    this: DStream<Pair<K, V>>,
    updateFunc: ((values: V[], state: S | undefined) => S | undefined) | ((time: Time, key: K, values: V[], state: S | undefined) => S | undefined | null),
    numPartitionsOrPartitioner?: number | Partitioner,
    initialOrRemember?: RDD<Pair<K, S>> | readonly Pair<K, S>[] | boolean,
    initialRDD?: RDD<Pair<K, S>>,
  ): DStream<Pair<K, S>> {
    if (typeof numPartitionsOrPartitioner === 'object') {
      return PairFunctions.updateStateByKeyWithTime(
        this,
        updateFunc as (time: Time, key: K, values: V[], state: S | undefined) => S | undefined | null,
        numPartitionsOrPartitioner,
        initialOrRemember === true,
        initialRDD,
      );
    }
    return PairFunctions.updateStateByKey(
      this,
      updateFunc as (values: V[], state: S | undefined) => S | undefined,
      numPartitionsOrPartitioner,
      initialOrRemember as RDD<Pair<K, S>> | readonly Pair<K, S>[] | undefined,
    );
  }

  /** Spark: `mapWithState(spec)` (Scala/Java only in Spark; available in both flavors here). */
  mapWithState<K, V, S, M>(this: DStream<Pair<K, V>>, spec: StateSpec<K, V, S, M>): MapWithStateDStream<K, V, S, M> {
    return PairFunctions.mapWithState(this, spec);
  }

  // ---------------------------------------------------------------------------------------------
  // Output operations
  // ---------------------------------------------------------------------------------------------

  /**
   * Spark: `foreachRDD`: run `f` on each batch's RDD when the batch's jobs run. PySpark style:
   * `f(rdd)` or `f(time, rdd)`.
   */
  foreachRDD(f: (rdd: RDD<T>) => void): void;
  foreachRDD(f: (time: Time, rdd: RDD<T>) => void): void;
  foreachRDD(f: RDDFunction<T, void>): void {
    new ForEachDStream(this, adaptRDDFunction(f), 'foreachRDD').register();
  }

  /**
   * PySpark: `pprint(num = 10)` (Scala: `print`): print the first `num` records of every batch
   * under a `Time:` header, as Spark does (PySpark's datetime header, or Scala's `<ms> ms`).
   */
  pprint(num = 10): void {
    new ForEachDStream(this, Printer.printFunction<T>(this, num), 'pprint').register();
  }

  /** Scala Spark: `print(num = 10)`: the same as {@link DStream.pprint}. */
  print(num = 10): void {
    new ForEachDStream(this, Printer.printFunction<T>(this, num), 'print').register();
  }

  /**
   * Spark: `saveAsTextFiles(prefix, suffix)`: one directory per batch, `prefix-<ms>[.suffix]`,
   * with a `part-NNNNN` file per partition (one record per line).
   */
  saveAsTextFiles(prefix: string, suffix?: string): void {
    new ForEachDStream(this, SaveAsTextFiles.saveFunction<T>(this, prefix, suffix), 'saveAsTextFiles').register();
  }

  override toString(): string {
    return this.name;
  }
}

/** Call a PySpark-style `(rdd)` or `(time, rdd)` function with Spark's `(rdd, time)`. */
export function adaptRDDFunction<T, U>(f: RDDFunction<T, U>): (rdd: RDD<T>, time: Time) => U {
  if (f.length >= 2) {
    const g = f as (time: Time, rdd: RDD<T>) => U;
    return (rdd, time) => g(time, rdd);
  }
  const g = f as (rdd: RDD<T>) => U;
  return (rdd) => g(rdd);
}

function toTime_(t: TimeLike, what: string): Time {
  return toTime(t, `DStream.slice`, what);
}
