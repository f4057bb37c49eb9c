import type { Pair, RDD } from '../rdd/RDD';
import type { Duration } from '../time/Duration';
import { Interval } from '../time/Interval';
import type { Time } from '../time/Time';
import { DStream } from './internal';

/**
 * Spark: `PythonReducedWindowedDStream` (PySpark `reduceByKeyAndWindow` with an inverse function).
 * Incremental only when a previous window exists **and** the window is at least 5 × the slide;
 * otherwise it recomputes the window from the reduced batches (and gives no RDD when there are
 * none). Needs a checkpoint directory.
 */
export class PythonReducedWindowedDStream<K, V> extends DStream<Pair<K, V>> {
  constructor(
    private readonly reduced: DStream<Pair<K, V>>,
    private readonly reduceFunc: (previous: RDD<Pair<K, V>> | undefined, batch: RDD<Pair<K, V>>) => RDD<Pair<K, V>>,
    private readonly invReduceFunc: (previous: RDD<Pair<K, V>>, old: RDD<Pair<K, V>>) => RDD<Pair<K, V>>,
    readonly windowDuration: Duration,
    private readonly slide: Duration,
  ) {
    super(reduced.ssc, 'reduceByKeyAndWindow');
    this.storageLevel = 'MEMORY_ONLY';
    this.mustCheckpoint = true;
  }

  get slideDuration(): Duration {
    return this.slide;
  }

  get dependencies(): readonly DStream<unknown>[] {
    return [this.reduced];
  }

  override get parentRememberDuration(): Duration | undefined {
    return this.rememberDuration?.plus(this.windowDuration);
  }

  compute(validTime: Time): RDD<Pair<K, V>> | undefined {
    const P = this.reduced.slideDuration;
    const current = new Interval(validTime.minus(this.windowDuration), validTime);
    const previous = current.minus(this.slide);
    const previousRDD = this.getOrCompute(previous.endTime);
    const sc = this.ssc.sparkContext;
    let result: RDD<Pair<K, V>> | undefined;
    if (previousRDD !== undefined && this.windowDuration.gte(this.slide.times(5))) {
      const oldRDDs = this.reduced.slice(previous.beginTime.plus(P), current.beginTime);
      const subtracted = oldRDDs.length > 0 ? this.invReduceFunc(previousRDD, sc.union(oldRDDs)) : previousRDD;
      const newRDDs = this.reduced.slice(previous.endTime.plus(P), current.endTime);
      result = newRDDs.length > 0 ? this.reduceFunc(subtracted, sc.union(newRDDs)) : subtracted;
    } else {
      const currentRDDs = this.reduced.slice(current.beginTime.plus(P), current.endTime);
      result = currentRDDs.length > 0 ? this.reduceFunc(undefined, sc.union(currentRDDs)) : undefined;
    }
    const window = new Interval(current.beginTime.plus(P), current.endTime);
    if (result !== undefined) this.ssc.inspector.window(this, validTime, this.windowDuration, window, this.reduced, result);
    return result;
  }
}
