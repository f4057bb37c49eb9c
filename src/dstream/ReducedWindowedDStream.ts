import { JavaException } from '../errors';
import type { Pair, RDD } from '../rdd/RDD';
import type { Partitioner } from '../rdd/Partitioner';
import { shuffleCogroup } from '../rdd/shuffle';
import { RDD as RDDClass } from '../rdd/RDD';
import type { StorageLevel } from '../rdd/StorageLevel';
import type { Duration } from '../time/Duration';
import { Interval } from '../time/Interval';
import type { Time } from '../time/Time';
import { DStream } from './internal';
import { requireAlignedWindow } from './windowAlignment';

/**
 * Spark (Scala): `ReducedWindowedDStream`, made by `reduceByKeyAndWindow` with an inverse
 * function. Each window is the previous window's value, minus (inverse-reduced) the batches
 * that left, plus the batches that entered, key by key. Keys whose value falls to "zero" stay
 * unless `filterFunc` removes them. Needs a checkpoint directory.
 */
export class ReducedWindowedDStream<K, V> extends DStream<Pair<K, V>> {
  private readonly reducedStream: DStream<Pair<K, V>>;

  constructor(
    private readonly parent: DStream<Pair<K, V>>,
    private readonly reduceFunc: (a: V, b: V) => V,
    private readonly invReduceFunc: (a: V, b: V) => V,
    private readonly filterFunc: ((kv: Pair<K, V>) => boolean) | undefined,
    readonly windowDuration: Duration,
    private readonly slide: Duration,
    private readonly partitioner: Partitioner,
  ) {
    super(parent.ssc, 'reduceByKeyAndWindow');
    requireAlignedWindow('ReducedWindowedDStream', windowDuration, slide, parent.slideDuration);
    this.reducedStream = parent.reduceByKey(reduceFunc, partitioner);
    this.storageLevel = 'MEMORY_ONLY_SER';
    this.reducedStream.storageLevel = 'MEMORY_ONLY_SER';
    this.mustCheckpoint = true;
  }

  get slideDuration(): Duration {
    return this.slide;
  }

  get dependencies(): readonly DStream<unknown>[] {
    return [this.reducedStream];
  }

  override get parentRememberDuration(): Duration | undefined {
    return this.rememberDuration?.plus(this.windowDuration);
  }

  override persist(level?: StorageLevel): this {
    super.persist(level);
    this.reducedStream.persist(level);
    return this;
  }

  compute(validTime: Time): RDD<Pair<K, V>> | undefined {
    const P = this.parent.slideDuration;
    const current = new Interval(validTime.minus(this.windowDuration).plus(P), validTime);
    const previous = current.minus(this.slide);
    const oldRDDs = this.reducedStream.slice(previous.beginTime, current.beginTime.minus(P));
    const newRDDs = this.reducedStream.slice(previous.endTime.plus(P), current.endTime);
    const sc = this.ssc.sparkContext;
    const previousRDD = this.getOrCompute(previous.endTime) ?? sc.makeRDD<Pair<K, V>>([]);
    let all: RDD<Pair<K, V>>[] | undefined = [previousRDD, ...oldRDDs, ...newRDDs];
    const numOld = oldRDDs.length;
    const numNew = newRDDs.length;
    const reduceF = this.reduceFunc;
    const invF = this.invReduceFunc;
    const partitioner = this.partitioner;
    let cogrouped: [K, unknown[][]][][] | undefined;
    const merged = new RDDClass<Pair<K, V>>(
      sc,
      partitioner.numPartitions,
      (i) => {
        if (cogrouped === undefined) {
          cogrouped = shuffleCogroup<K>(all!, partitioner);
          all = undefined; // the shuffle output replaces the inputs (bounded lineage)
        }
        return cogrouped[i]!.map(([k, groups]): Pair<K, V> => {
          const oldValues = groups.slice(1, 1 + numOld).filter((g) => g.length > 0).map((g) => g[0] as V);
          const newValues = groups.slice(1 + numOld, 1 + numOld + numNew).filter((g) => g.length > 0).map((g) => g[0] as V);
          if (groups[0]!.length === 0) {
            if (newValues.length === 0) {
              throw new JavaException(
                'Neither previous window has value for key, nor new values found. Are you sure your key class hashes consistently?',
                'EXCEPTION',
                { inTask: true }, // Spark: thrown by the merge function, inside a task
              );
            }
            return [k, newValues.reduce(reduceF)];
          }
          let temp = groups[0]![0] as V;
          if (oldValues.length > 0) temp = invF(temp, oldValues.reduce(reduceF));
          if (newValues.length > 0) temp = reduceF(temp, newValues.reduce(reduceF));
          return [k, temp];
        });
      },
      partitioner,
    );
    const result = this.filterFunc !== undefined ? merged.filter(this.filterFunc) : merged;
    this.ssc.inspector.window(this, validTime, this.windowDuration, current, this.reducedStream, result);
    return result;
  }
}
