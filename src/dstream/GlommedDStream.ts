import type { RDD } from '../rdd/RDD';
import type { Duration } from '../time/Duration';
import type { Time } from '../time/Time';
import { DStream } from './internal';

/** Spark: `GlommedDStream`, made by `glom`: one array per partition. */
export class GlommedDStream<T> extends DStream<T[]> {
  constructor(private readonly parent: DStream<T>) {
    super(parent.ssc, 'glom', true);
  }

  get slideDuration(): Duration {
    return this.parent.slideDuration;
  }

  get dependencies(): readonly DStream<unknown>[] {
    return [this.parent];
  }

  compute(validTime: Time): RDD<T[]> | undefined {
    return this.parent.getOrCompute(validTime)?.glom();
  }
}
