import type { RDD } from '../rdd/RDD';
import type { Duration } from '../time/Duration';
import type { Time } from '../time/Time';
import { DStream } from './internal';

/** Spark: `FilteredDStream`, made by `filter`. */
export class FilteredDStream<T> extends DStream<T> {
  constructor(
    private readonly parent: DStream<T>,
    private readonly filterFunc: (x: T) => boolean,
  ) {
    super(parent.ssc, 'filter', true);
  }

  get slideDuration(): Duration {
    return this.parent.slideDuration;
  }

  get dependencies(): readonly DStream<unknown>[] {
    return [this.parent];
  }

  compute(validTime: Time): RDD<T> | undefined {
    return this.parent.getOrCompute(validTime)?.filter(this.filterFunc);
  }
}
