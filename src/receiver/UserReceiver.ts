import type { StorageLevel } from '../rdd/StorageLevel';

/** What a user's receiver reaches through its supervisor (Spark: `ReceiverSupervisor`). */
export interface ReceiverSupervisor<T> {
  store(record: T): void;
  restart(message: string, error?: unknown): void;
  reportError(message: string, error: unknown): void;
  stop(message: string): void;
  isStopped(): boolean;
  readonly streamId: number;
}

/**
 * Spark: `org.apache.spark.streaming.receiver.Receiver` — a custom input: extend it, implement
 * `onStart` (must not block: start what receives, e.g. a timer on the virtual clock) and `onStop`,
 * and pass an instance to `ssc.receiverStream(receiver)`. Inside, `store(record)` hands records
 * to Spark, `restart(message, error)` asks for a restart after `spark.streaming.receiverRestartDelay`,
 * `reportError(message, error)` reports an error to the driver (a listener's `onReceiverError`)
 * and `stop(message)` stops this receiver for good.
 */
export abstract class Receiver<T> {
  private supervisor: ReceiverSupervisor<T> | undefined;

  constructor(
    /** Spark: the storage level of the received blocks (kept for the API; blocks live in memory). */
    readonly storageLevel: StorageLevel = 'MEMORY_AND_DISK_2',
  ) {}

  /** Spark: `onStart()`: start receiving. */
  abstract onStart(): void;
  /** Spark: `onStop()`: release what `onStart` started. */
  abstract onStop(): void;

  /** Spark: `store(dataItem)`. */
  store(record: T): void {
    this.attached().store(record);
  }

  /** Spark: `restart(message, error)`. */
  restart(message: string, error?: unknown): void {
    this.attached().restart(message, error);
  }

  /** Spark: `reportError(message, throwable)`. */
  reportError(message: string, error: unknown): void {
    this.attached().reportError(message, error);
  }

  /** Spark: `stop(message)`: stop this receiver (not the context). */
  stop(message: string): void {
    this.attached().stop(message);
  }

  /** Spark: `isStopped()`. */
  isStopped(): boolean {
    return this.supervisor?.isStopped() ?? true;
  }

  /** Spark: `isStarted()`. */
  isStarted(): boolean {
    return !this.isStopped();
  }

  /** Spark: `streamId`: the id of the input stream this receiver feeds. */
  get streamId(): number {
    return this.attached().streamId;
  }

  /** @internal Spark: `attachSupervisor`. */
  attachSupervisor(supervisor: ReceiverSupervisor<T>): void {
    this.supervisor = supervisor;
  }

  private attached(): ReceiverSupervisor<T> {
    if (this.supervisor === undefined) throw new Error('A receiver can only be used after ssc.receiverStream(receiver) has started it');
    return this.supervisor;
  }
}
