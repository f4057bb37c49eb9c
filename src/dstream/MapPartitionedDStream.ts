import type { RDD } from '../rdd/RDD';
import type { Duration } from '../time/Duration';
import type { Time } from '../time/Time';
import { DStream } from './internal';

/** Spark: `MapPartitionedDStream`, made by `mapPartitions` (and `mapPartitionsWithIndex`). */
export class MapPartitionedDStream<T, U> extends DStream<U> {
  constructor(
    private readonly parent: DStream<T>,
    private readonly mapPartFunc: (index: number, it: Iterable<T>) => Iterable<U>,
    private readonly preservePartitioning: boolean,
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

  compute(validTime: Time): RDD<U> | undefined {
    return this.parent
      .getOrCompute(validTime)
      ?.mapPartitionsWithIndex(this.mapPartFunc, this.preservePartitioning);
  }
}
