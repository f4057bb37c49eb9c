import type { Pair, RDD } from '../rdd/RDD';
import type { Duration } from '../time/Duration';
import type { Time } from '../time/Time';
import { DStream } from './internal';

/** Spark: `FlatMapValuedDStream`, made by `flatMapValues`. */
export class FlatMapValuedDStream<K, V, U> extends DStream<Pair<K, U>> {
  constructor(
    private readonly parent: DStream<Pair<K, V>>,
    private readonly flatMapValueFunc: (v: V) => Iterable<U>,
  ) {
    super(parent.ssc, 'flatMapValues', true);
  }

  get slideDuration(): Duration {
    return this.parent.slideDuration;
  }

  get dependencies(): readonly DStream<unknown>[] {
    return [this.parent];
  }

  compute(validTime: Time): RDD<Pair<K, U>> | undefined {
    return this.parent.getOrCompute(validTime)?.flatMapValues(this.flatMapValueFunc);
  }
}
