import { IndexError } from '../errors';
import { RDD } from '../rdd/RDD';
import type { Time } from '../time/Time';
import { InputDStream, LiveQueue } from './internal';
import type { StreamingRuntime } from './StreamingRuntime';

/** An element of a queue stream's queue: an RDD, or an array that is parallelized when taken. */
export type QueueItem<T> = RDD<T> | readonly T[];

/**
 * Spark: `QueueInputDStream`, made by `ssc.queueStream`. At each batch it takes one RDD from the
 * queue (`oneAtATime`), or drains the whole queue into a union; with nothing to take it returns
 * the default RDD (an empty one-partition RDD unless given). It always returns an RDD.
 */
export class QueueInputDStream<T> extends InputDStream<T> {
  constructor(
    ssc: StreamingRuntime,
    private readonly queue: QueueItem<T>[],
    private readonly oneAtATime: boolean,
    private readonly defaultRDD: RDD<T> | null,
  ) {
    super(ssc, 'queueStream');
  }

  /**
   * `ssc.queueStream(rdds, oneAtATime, default)`, per flavor. Scala: `rdds` is the live queue:
   * items pushed onto it later are seen by later batches. PySpark: the list is copied when the
   * stream is made (later changes are not seen; a {@link LiveQueue} is not copied), an empty list
   * with a default queues one empty RDD, and an empty list without one raises `IndexError`, as
   * PySpark does.
   */
  static create<T>(
    ssc: StreamingRuntime,
    rdds: QueueItem<T>[],
    oneAtATime: boolean,
    defaultRDD: RDD<T> | readonly T[] | null | undefined,
  ): QueueInputDStream<T> {
    const sc = ssc.sparkContext;
    const asRDD = (d: RDD<T> | readonly T[]): RDD<T> => (d instanceof RDD ? d : sc.parallelize(d));
    if (ssc.flavor === 'scala') {
      const def = defaultRDD === undefined ? sc.makeRDD<T>([], 1) : defaultRDD === null ? null : asRDD(defaultRDD);
      return new QueueInputDStream<T>(ssc, rdds, oneAtATime, def);
    }
    let def: RDD<T> | undefined;
    if (defaultRDD instanceof RDD) def = defaultRDD;
    else if (defaultRDD !== null && defaultRDD !== undefined && defaultRDD.length > 0) def = asRDD(defaultRDD);
    const fallback = def ?? sc.makeRDD<T>([], 1);
    if (rdds instanceof LiveQueue) return new QueueInputDStream<T>(ssc, rdds, oneAtATime, fallback);
    const items: QueueItem<T>[] = rdds.length === 0 && def !== undefined ? [[]] : [...rdds];
    if (items.length === 0) {
      throw ssc.refuse('StreamingContext.queueStream()', 'queue-stream-empty', new IndexError('list index out of range'));
    }
    return new QueueInputDStream<T>(ssc, items, oneAtATime, fallback);
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
