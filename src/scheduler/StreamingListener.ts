import type {
  StreamingListenerBatchEvent,
  StreamingListenerOutputOperationEvent,
  StreamingListenerReceiverEvent,
  StreamingListenerStreamingStarted,
} from './BatchInfo';

/**
 * Spark: `StreamingListener` (PySpark: `pyspark.streaming.StreamingListener`). Implement any of
 * the methods and register with `ssc.addStreamingListener(listener)`. Each receives Spark's
 * listener event: a `BatchInfo`, `OutputOperationInfo` or `ReceiverInfo` in virtual milliseconds.
 */
export interface StreamingListener {
  onStreamingStarted?(streamingStarted: StreamingListenerStreamingStarted): void;
  onReceiverStarted?(receiverStarted: StreamingListenerReceiverEvent): void;
  onReceiverError?(receiverError: StreamingListenerReceiverEvent): void;
  onReceiverStopped?(receiverStopped: StreamingListenerReceiverEvent): void;
  onBatchSubmitted?(batchSubmitted: StreamingListenerBatchEvent): void;
  onBatchStarted?(batchStarted: StreamingListenerBatchEvent): void;
  onBatchCompleted?(batchCompleted: StreamingListenerBatchEvent): void;
  onOutputOperationStarted?(outputOperationStarted: StreamingListenerOutputOperationEvent): void;
  onOutputOperationCompleted?(outputOperationCompleted: StreamingListenerOutputOperationEvent): void;
}
