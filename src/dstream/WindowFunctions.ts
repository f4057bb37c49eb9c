import { hashPartitioner } from '../rdd/Partitioner';
import type { Pair, RDD } from '../rdd/RDD';
import { toDuration, type Seconds } from '../time/convert';
import { Duration } from '../time/Duration';
import {
  PythonReducedWindowedDStream,
  ReducedWindowedDStream,
  WindowedDStream,
  type DStream,
} from './internal';
import { requireAlignedWindow } from './windowAlignment';

/**
 * The window family (Spark: `DStream.window`, `reduceByWindow`, `countByWindow`,
 * `PairDStreamFunctions.reduceByKeyAndWindow`, `countByValueAndWindow`, `groupByKeyAndWindow`).
 * Each builds the same streams Spark builds, per flavor (spark-semantics §4).
 */
export const WindowFunctions = {
  window<T>(ds: DStream<T>, windowDuration: Seconds, slideDuration?: Seconds): DStream<T> {
    if (ds.flavor === 'pyspark') validatePySparkWindow(ds, windowDuration, slideDuration);
    const w = toDuration(windowDuration, 'DStream.window', 'windowDuration');
    const s = slideDuration === undefined ? ds.slideDuration : toDuration(slideDuration, 'DStream.window', 'slideDuration');
    return new WindowedDStream(ds, w, s);
  },

  reduceByWindow<T>(
    ds: DStream<T>,
    reduceFunc: (a: T, b: T) => T,
    invReduceFunc: ((a: T, b: T) => T) | null | undefined,
    windowDuration: Seconds,
    slideDuration?: Seconds,
  ): DStream<T> {
    if (ds.flavor === 'pyspark' || invReduceFunc) {
      // PySpark always, Scala with an inverse: map((1, x)).reduceByKeyAndWindow(..., 1).map(_._2)
      return WindowFunctions.reduceByKeyAndWindow(
        ds.map((x): Pair<number, T> => [1, x]),
        reduceFunc,
        invReduceFunc,
        windowDuration,
        slideDuration,
        1,
        undefined,
      ).map(([, v]) => v);
    }
    return ds.reduce(reduceFunc).window(windowDuration, slideDuration).reduce(reduceFunc);
  },

  countByWindow<T>(ds: DStream<T>, windowDuration: Seconds, slideDuration?: Seconds): DStream<number> {
    return WindowFunctions.reduceByWindow(
      ds.map(() => 1),
      (a, b) => a + b,
      (a, b) => a - b,
      windowDuration,
      slideDuration,
    );
  },

  countByValueAndWindow<T>(
    ds: DStream<T>,
    windowDuration: Seconds,
    slideDuration?: Seconds,
    numPartitions?: number,
  ): DStream<Pair<T, number>> {
    const keyed = ds.map((x): Pair<T, number> => [x, 1]);
    if (ds.flavor === 'pyspark') {
      return WindowFunctions.reduceByKeyAndWindow(
        keyed,
        (a, b) => a + b,
        (a, b) => a - b,
        windowDuration,
        slideDuration,
        numPartitions,
        undefined,
      ).filter((kv) => kv[1] > 0);
    }
    return WindowFunctions.reduceByKeyAndWindow(
      keyed,
      (a, b) => a + b,
      (a, b) => a - b,
      windowDuration,
      slideDuration,
      numPartitions,
      (kv) => kv[1] !== 0,
    );
  },

  reduceByKeyAndWindow<K, V>(
    ds: DStream<Pair<K, V>>,
    func: (a: V, b: V) => V,
    invFunc: ((a: V, b: V) => V) | null | undefined,
    windowDuration: Seconds,
    slideDuration: Seconds | undefined,
    numPartitions: number | undefined,
    filterFunc: ((kv: Pair<K, V>) => boolean) | undefined,
  ): DStream<Pair<K, V>> {
    const pyspark = ds.flavor === 'pyspark';
    if (pyspark) validatePySparkWindow(ds, windowDuration, slideDuration);
    const call = 'DStream.reduceByKeyAndWindow';
    const w = toDuration(windowDuration, call, 'windowDuration');
    const s = slideDuration === undefined ? ds.slideDuration : toDuration(slideDuration, call, 'slideDuration');
    const partitioner = hashPartitioner(ds.flavor, numPartitions ?? ds.ssc.sparkContext.defaultParallelism);
    if (!invFunc) {
      // Both flavors: reduce each batch, window the reduced batches, reduce the window.
      return ds.reduceByKey(func, partitioner).window(windowDuration, slideDuration).reduceByKey(func, partitioner);
    }
    if (!pyspark) return new ReducedWindowedDStream(ds, func, invFunc, filterFunc, w, s, partitioner);
    const n = partitioner.numPartitions;
    const reduceFunc = (a: RDD<Pair<K, V>> | undefined, b: RDD<Pair<K, V>>): RDD<Pair<K, V>> => {
      const bReduced = b.reduceByKey(func, n);
      const r = a !== undefined ? a.union(bReduced).reduceByKey(func, n) : bReduced;
      return filterFunc ? r.filter(filterFunc) : r;
    };
    const invReduceFunc = (a: RDD<Pair<K, V>>, b: RDD<Pair<K, V>>): RDD<Pair<K, V>> =>
      a.leftOuterJoin(b.reduceByKey(func, n), n).mapValues(([prev, old]) => (old !== undefined ? invFunc(prev, old) : prev));
    return new PythonReducedWindowedDStream(ds.reduceByKey(func, n), reduceFunc, invReduceFunc, w, s);
  },

  groupByKeyAndWindow<K, V>(
    ds: DStream<Pair<K, V>>,
    windowDuration: Seconds,
    slideDuration?: Seconds,
    numPartitions?: number,
  ): DStream<Pair<K, V[]>> {
    if (ds.flavor === 'pyspark') {
      // PySpark: reduceByKeyAndWindow(a.extend(b) or a, a[len(b):]) over one-element lists;
      // concat instead of extend so that cached windows are never mutated (§11.13).
      return WindowFunctions.reduceByKeyAndWindow(
        ds.mapValues((x): V[] => [x]),
        (a, b) => a.concat(b),
        (a, b) => a.slice(b.length),
        windowDuration,
        slideDuration,
        numPartitions,
        undefined,
      );
    }
    const partitioner = hashPartitioner(ds.flavor, numPartitions ?? ds.ssc.sparkContext.defaultParallelism);
    return ds
      .groupByKey(partitioner)
      .window(windowDuration, slideDuration)
      .combineByKey<K, V[], V[]>(
        (v) => v.slice(),
        (buf, v) => buf.concat(v),
        (a, b) => a.concat(b),
        partitioner,
      );
  },
};

/** PySpark's `_validate_window_param` (durations as PySpark converts them: `int(x * 1000)` ms). */
function validatePySparkWindow(ds: DStream<unknown>, windowDuration: Seconds, slideDuration: Seconds | undefined): void {
  const ms = (x: Seconds): Duration => new Duration(Math.trunc(x * 1000));
  requireAlignedWindow('pyspark', ms(windowDuration), slideDuration ? ms(slideDuration) : undefined, ds.slideDuration);
}
