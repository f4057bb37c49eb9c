import type { RDD } from '../rdd/RDD';
import type { StreamingContext } from '../streaming/StreamingContext';
import type { Time } from '../time/Time';
import type { StreamInputInfo } from '../events/SimEvent';
import { InputDStream } from '../dstream/internal';

/**
 * Spark's `TestInputStream` (TestSuiteBase): batch i (1-based) delivers `input[i - 1]` as an RDD
 * of `numPartitions` partitions; `null` means *no RDD* for that batch; batches past the end
 * deliver an empty RDD. It reports its record counts, as Spark's does.
 */
export class TestInputStream<T> extends InputDStream<T> {
  constructor(
    ssc: StreamingContext,
    private readonly input: readonly (readonly T[] | null)[],
    private readonly numPartitions: number,
  ) {
    super(ssc.runtime, 'testInputStream');
  }

  compute(validTime: Time): RDD<T> | undefined {
    const index = Math.round((validTime.milliseconds - this.zeroTime!.milliseconds) / this.slideDuration.milliseconds) - 1;
    const data = index < this.input.length ? this.input[index] : [];
    if (data === null || data === undefined) return undefined;
    return this.ssc.sparkContext.makeRDD(data, this.numPartitions);
  }

  protected override reportedInfo(_time: Time, rdd: RDD<T> | undefined): StreamInputInfo {
    return { inputStreamId: this.inputId, numRecords: rdd === undefined ? 0 : rdd.count(), metadata: {} };
  }
}
