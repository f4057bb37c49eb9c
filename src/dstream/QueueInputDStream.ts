import { RDD } from '../rdd/RDD';
import type { StreamingContext } from '../streaming/StreamingContext';
import type { Time } from '../time/Time';
import { InputDStream } from './internal';

/** An element of a queue stream's queue: an RDD, or an array that is parallelized when taken. */
export type QueueItem<T> = RDD<T> | readonly T[];

/**
 * Spark: `QueueInputDStream`, made by `ssc.queueStream`. At each batch it takes one RDD from the
 * queue (`oneAtATime`), or drains the whole queue into a union; with nothing to take it returns
 * the default RDD (an empty one-partition RDD unless given). It always returns an RDD.
 */
export class QueueInputDStream<T> extends InputDStream<T> {
  constructor(
    ssc: StreamingContext,
    private readonly queue: QueueItem<T>[],
    private readonly oneAtATime: boolean,
    private readonly defaultRDD: RDD<T> | null,
  ) {
    super(ssc, 'queueStream');
  }

  compute(_validTime: Time): RDD<T> | undefined {
    const buffer: QueueItem<T>[] = [];
    if (this.oneAtATime && this.queue.length > 0) buffer.push(this.queue.shift()!);
    else buffer.push(...this.queue.splice(0, this.queue.length));
    const sc = this.ssc.sparkContext;
    const rdds = buffer.map((item) => (item instanceof RDD ? item : sc.parallelize(item)));
    if (rdds.length > 0) return this.oneAtATime ? rdds[0] : RDD.concat(sc, rdds);
    return this.defaultRDD ?? sc.emptyRDD<T>();
  }
}
