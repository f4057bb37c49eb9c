import type { EventBase } from './EventBase';

/** Spark: `onReceiverStarted`. */
export interface ReceiverStartedEvent extends EventBase {
  type: 'receiverStarted';
  contextId: number;
  streamId: number;
  name: string;
  /** The receiver's class (Spark names the receiver `<class>-<streamId>` in ReceiverInfo). */
  receiverClass: string;
}

/** The receiver asked to restart (`message` is Spark's), or reported an error (Spark: `onReceiverError`). */
export interface ReceiverErrorEvent extends EventBase {
  type: 'receiverError';
  contextId: number;
  streamId: number;
  name: string;
  message: string;
  /** The error's string form (e.g. `java.net.ConnectException: …`), if any. */
  error: string | undefined;
  /** How long until it starts again (`spark.streaming.receiverRestartDelay`); absent for a `reportError` (no restart). */
  restartDelayMs?: number;
}

/** Spark: `onReceiverStopped`. */
export interface ReceiverStoppedEvent extends EventBase {
  type: 'receiverStopped';
  contextId: number;
  streamId: number;
  name: string;
  message: string;
}

/** Backpressure set the receiver's rate limit (Spark: `ReceiverSupervisor.updateRate`), records/s. */
export interface ReceiverRateUpdatedEvent extends EventBase {
  type: 'receiverRateUpdated';
  contextId: number;
  streamId: number;
  name: string;
  rate: number;
}
