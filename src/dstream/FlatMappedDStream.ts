import type { RDD } from '../rdd/RDD';
import type { Duration } from '../time/Duration';
import type { Time } from '../time/Time';
import { DStream } from './internal';

/** Spark: `FlatMappedDStream`, made by `flatMap`. */
export class FlatMappedDStream<T, U> extends DStream<U> {
  constructor(
    private readonly parent: DStream<T>,
    private readonly flatMapFunc: (x: T) => Iterable<U>,
  ) {
    super(parent.ssc, 'flatMap', true);
  }

  get slideDuration(): Duration {
    return this.parent.slideDuration;
  }

  get dependencies(): readonly DStream<unknown>[] {
    return [this.parent];
  }

  compute(validTime: Time): RDD<U> | undefined {
    return this.parent.getOrCompute(validTime)?.flatMap(this.flatMapFunc);
  }
}
