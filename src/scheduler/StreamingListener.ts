import type {
  BatchCompletedEvent,
  BatchStartedEvent,
  BatchSubmittedEvent,
  ContextStartedEvent,
  OutputOperationCompletedEvent,
  OutputOperationStartedEvent,
  ReceiverErrorEvent,
  ReceiverStartedEvent,
  ReceiverStoppedEvent,
} from '../events/SimEvent';

/**
 * Spark: `StreamingListener` (PySpark: `pyspark.streaming.StreamingListener`). Implement any of
 * the methods and register with `ssc.addStreamingListener(listener)`. Each receives the event as
 * recorded in the event log.
 */
export interface StreamingListener {
  onStreamingStarted?(event: ContextStartedEvent): void;
  onReceiverStarted?(event: ReceiverStartedEvent): void;
  onReceiverError?(event: ReceiverErrorEvent): void;
  onReceiverStopped?(event: ReceiverStoppedEvent): void;
  onBatchSubmitted?(event: BatchSubmittedEvent): void;
  onBatchStarted?(event: BatchStartedEvent): void;
  onOutputOperationStarted?(event: OutputOperationStartedEvent): void;
  onOutputOperationCompleted?(event: OutputOperationCompletedEvent): void;
  onBatchCompleted?(event: BatchCompletedEvent): void;
}
