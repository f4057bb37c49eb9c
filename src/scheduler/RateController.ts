import type { StreamingListenerBatchEvent } from './BatchInfo';
import type { PIDRateEstimator } from './PIDRateEstimator';
import type { StreamingListener } from './StreamingListener';

/**
 * Spark: `ReceiverInputDStream.ReceiverRateController` (a `StreamingListener`): when a batch
 * completes, its records for this input, processing delay and scheduling delay go to the rate
 * estimator, and a new rate is published to the receiver (`ReceiverTracker.sendRateUpdate`).
 */
export class RateController implements StreamingListener {
  constructor(
    private readonly streamId: number,
    private readonly estimator: PIDRateEstimator,
    private readonly publish: (rate: number) => void,
  ) {}

  onBatchCompleted({ batchInfo }: StreamingListenerBatchEvent): void {
    // A batch without this input's records (or without processing time) gives the estimator nothing to go on.
    const elements = batchInfo.streamIdToInputInfo.get(this.streamId)?.numRecords ?? 0;
    const rate = this.estimator.compute(batchInfo.processingEndTime ?? -1, elements, batchInfo.processingDelay ?? 0, batchInfo.schedulingDelay ?? 0);
    if (rate !== undefined) this.publish(rate);
  }
}
