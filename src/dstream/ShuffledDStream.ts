import type { Pair, PartitionSpec, RDD } from '../rdd/RDD';
import type { Duration } from '../time/Duration';
import type { Time } from '../time/Time';
import { DStream } from './internal';

/** Spark: `ShuffledDStream`: `combineByKey` per batch (reduceByKey, groupByKey, combineByKey). */
export class ShuffledDStream<K, V, C> extends DStream<Pair<K, C>> {
  constructor(
    private readonly parent: DStream<Pair<K, V>>,
    private readonly createCombiner: (v: V) => C,
    private readonly mergeValue: (c: C, v: V) => C,
    private readonly mergeCombiner: (a: C, b: C) => C,
    private readonly partitions: PartitionSpec,
    private readonly mapSideCombine: boolean,
    opName: string,
  ) {
    super(parent.ssc, opName, true);
  }

  get slideDuration(): Duration {
    return this.parent.slideDuration;
  }

  get dependencies(): readonly DStream<unknown>[] {
    return [this.parent];
  }

  compute(validTime: Time): RDD<Pair<K, C>> | undefined {
    return this.parent
      .getOrCompute(validTime)
      ?.combineByKey(this.createCombiner, this.mergeValue, this.mergeCombiner, this.partitions, this.mapSideCombine);
  }
}
