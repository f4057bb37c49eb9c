import { RDD } from '../rdd/RDD';
import type { Receiver } from '../receiver/Receiver';
import type { StreamingRuntime } from './StreamingRuntime';
import type { Time } from '../time/Time';
import type { StreamInputInfo } from '../events/SimEvent';
import { InputDStream } from './internal';

/**
 * Spark: `ReceiverInputDStream`: the RDD of batch t holds the blocks allocated to t, one
 * partition per block in arrival order (no partitions when there are none). Its receiver runs
 * from `start()` to `stop()`. It reports its record counts.
 */
export abstract class ReceiverInputDStream<T> extends InputDStream<T> {
  private receiver: Receiver<T> | undefined;

  protected constructor(ssc: StreamingRuntime, opName: string) {
    super(ssc, opName);
  }

  /** Spark: `getReceiver()`. */
  protected abstract makeReceiver(): Receiver<T>;

  compute(validTime: Time): RDD<T> | undefined {
    const start = this.ssc.startTime;
    if (start === undefined || validTime.lt(start)) return RDD.fromPartitions<T>(this.ssc.sparkContext, []);
    const blocks = this.ssc.blocksOfBatch(validTime, this.inputId);
    return RDD.fromPartitions(this.ssc.sparkContext, blocks.map((b) => b.records as T[]));
  }

  protected override reportedInfo(_time: Time, rdd: RDD<T> | undefined): StreamInputInfo {
    return { inputStreamId: this.inputId, numRecords: rdd === undefined ? 0 : rdd.count(), metadata: {} };
  }

  override start(): void {
    this.receiver = this.makeReceiver();
    this.receiver.start();
  }

  /** @internal Spark: `ReceiverTracker.sendRateUpdate`: a backpressure rate for this input's receiver. */
  updateRate(rate: number): void {
    this.receiver?.updateRate(rate);
  }

  override stop(): void {
    this.receiver?.stop();
    this.receiver = undefined;
  }
}
