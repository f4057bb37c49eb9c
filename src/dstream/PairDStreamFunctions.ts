import { RDD } from '../rdd/RDD';
import { HashPartitioner, hashPartitioner } from '../rdd/Partitioner';
import type { Pair, PartitionSpec } from '../rdd/RDD';
import type { StateSpec } from '../streaming/StateSpec';
import {
  FlatMapValuedDStream,
  MapValuedDStream,
  MapWithStateDStream,
  PythonStateDStream,
  ShuffledDStream,
  StateDStream,
  TransformedDStream,
  type DStream,
  type TimedUpdateFunction,
  type UpdateFunction,
} from './internal';
import type { Partitioner } from '../rdd/Partitioner';

/**
 * Key/value operations on streams of `[key, value]` pairs. Spark: `PairDStreamFunctions`. The
 * methods on DStream delegate here; each builds the streams Spark builds for it.
 */
export const PairFunctions = {
  combineByKey<K, V, C>(
    ds: DStream<Pair<K, V>>,
    createCombiner: (v: V) => C,
    mergeValue: (c: C, v: V) => C,
    mergeCombiners: (a: C, b: C) => C,
    partitions: PartitionSpec | undefined,
    mapSideCombine: boolean,
    opName: string,
  ): DStream<Pair<K, C>> {
    const spec = PairFunctions.orDefault(ds, partitions);
    return new ShuffledDStream(ds, createCombiner, mergeValue, mergeCombiners, spec, mapSideCombine, opName);
  },

  groupByKey<K, V>(ds: DStream<Pair<K, V>>, partitions: PartitionSpec | undefined): DStream<Pair<K, V[]>> {
    return PairFunctions.combineByKey<K, V, V[]>(
      ds,
      (v) => [v],
      (c, v) => (c.push(v), c),
      (a, b) => a.concat(b),
      partitions,
      false,
      'groupByKey',
    );
  },

  mapValues<K, V, U>(ds: DStream<Pair<K, V>>, f: (v: V) => U): DStream<Pair<K, U>> {
    return new MapValuedDStream(ds, f);
  },

  flatMapValues<K, V, U>(ds: DStream<Pair<K, V>>, f: (v: V) => Iterable<U>): DStream<Pair<K, U>> {
    return new FlatMapValuedDStream(ds, f);
  },

  /**
   * The partitioning of a DStream shuffle: the one asked for, else (both Sparks) a hash
   * partitioner over `sc.defaultParallelism` partitions, the flavor's (PySpark passes
   * `numPartitions = self._sc.defaultParallelism`; Scala `defaultPartitioner()`).
   */
  orDefault(ds: DStream<unknown>, partitions: PartitionSpec | undefined): PartitionSpec {
    return partitions ?? hashPartitioner(ds.flavor, ds.ssc.sparkContext.defaultParallelism);
  },

  /** Joins and cogroup: `transformWith` of the RDD operation (flavor decides missing sides). */
  joinLike<K, V, W, R>(
    a: DStream<Pair<K, V>>,
    b: DStream<Pair<K, W>>,
    opName: string,
    op: (x: RDD<Pair<K, V>>, y: RDD<Pair<K, W>>) => RDD<R>,
  ): DStream<R> {
    return TransformedDStream.pair(a, b, (x: RDD<Pair<K, V>>, y: RDD<Pair<K, W>>) => op(x, y), opName);
  },

  updateStateByKey<K, V, S>(
    ds: DStream<Pair<K, V>>,
    updateFunc: UpdateFunction<V, S>,
    numPartitions: number | undefined,
    initialRDD: RDD<Pair<K, S>> | readonly Pair<K, S>[] | undefined,
  ): DStream<Pair<K, S>> {
    const sc = ds.ssc.sparkContext;
    const initial = initialRDD === undefined || initialRDD instanceof RDD ? initialRDD : sc.parallelize(initialRDD);
    const n = numPartitions ?? sc.defaultParallelism;
    if (ds.flavor === 'pyspark') return new PythonStateDStream(ds, updateFunc, n, initial);
    return new StateDStream<K, V, S>(ds, (_time, _key, values, state) => updateFunc(values, state), new HashPartitioner(n), true, initial);
  },

  /** Spark: `updateStateByKey((Time, K, Seq[V], Option[S]) => Option[S], partitioner, rememberPartitioner, initialRDD)`. */
  updateStateByKeyWithTime<K, V, S>(
    ds: DStream<Pair<K, V>>,
    updateFunc: TimedUpdateFunction<K, V, S>,
    partitioner: Partitioner,
    rememberPartitioner: boolean,
    initialRDD: RDD<Pair<K, S>> | undefined,
  ): DStream<Pair<K, S>> {
    return new StateDStream(ds, updateFunc, partitioner, rememberPartitioner, initialRDD);
  },

  mapWithState<K, V, S, M>(ds: DStream<Pair<K, V>>, spec: StateSpec<K, V, S, M>): MapWithStateDStream<K, V, S, M> {
    return new MapWithStateDStream(ds, spec);
  },
};
