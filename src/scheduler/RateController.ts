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
    const elements = batchInfo.streamIdToInputInfo.get(this.streamId)?.numRecords;
    const end = batchInfo.processingEndTime;
    const processing = batchInfo.processingDelay;
    const scheduling = batchInfo.schedulingDelay;
    if (elements === undefined || end === undefined || processing === undefined || scheduling === undefined) return;
    const rate = this.estimator.compute(end, elements, processing, scheduling);
    if (rate !== undefined) this.publish(rate);
  }
}
