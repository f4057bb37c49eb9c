import type { ReceiverRuntime } from './ReceiverRuntime';
import { TimerPriority, type TimerHandle } from '../util/Clock';
import { BlockGenerator } from './BlockGenerator';
import { timeStringAsMs } from '../util/timeString';
import { requireThat } from '../errors';

/**
 * Spark: `Receiver` together with its `ReceiverSupervisor`: a long-running input that stores
 * records (into a block generator) and can ask to be restarted. A restart stops the receiver,
 * waits `spark.streaming.receiverRestartDelay` (default 2000 ms) of virtual time and starts it
 * again; each restart is reported (`receiverError`).
 */
export abstract class Receiver<T> {
  private blocks: BlockGenerator<T> | undefined;
  private stopped = true;
  private restartTimer: TimerHandle | undefined;
  /** Stopped for good (by the driver, or by the receiver's own `stop`). */
  private terminated = false;

  protected constructor(
    protected readonly ssc: ReceiverRuntime,
    readonly streamId: number,
    readonly name: string,
  ) {}

  /** Start receiving (Spark: `onStart`); must not block. */
  protected abstract onStart(): void;

  /** Stop receiving and release resources (Spark: `onStop`). */
  protected abstract onStop(): void;

  /** The receiver's class as Spark names it in ReceiverInfo (`<class>-<streamId>`). */
  protected get receiverClass(): string {
    return this.constructor.name;
  }

  /**
   * Spark: `reportError(message, error)` (ReceiverSupervisor → ReceiverTracker): the driver hears
   * of an error (`receiverError` without a restart; a listener's `onReceiverError`).
   */
  reportError(message: string, error: unknown): void {
    this.postError(message, error, undefined);
  }

  /** A `receiverError` event: a restart (with its delay) or a reported error (without). */
  private postError(message: string, error: unknown, restartDelayMs: number | undefined): void {
    this.ssc.post({
      type: 'receiverError',
      contextId: this.ssc.contextId,
      streamId: this.streamId,
      name: this.name,
      message,
      error: error === undefined ? undefined : String(error),
      ...(restartDelayMs !== undefined ? { restartDelayMs } : {}),
    });
  }

  /** Spark: `isStopped()`. */
  isStopped(): boolean {
    return this.stopped;
  }

  /** Spark: `store(record)`. */
  store(record: T): void {
    this.blocks?.add(record);
  }

  /** @internal Start the supervisor: block generator, then `onStart`. */
  start(): void {
    const interval = this.ssc.conf.get('spark.streaming.blockInterval', '200ms');
    const ms = timeStringAsMs(interval, 'ms');
    requireThat(ms > 0, "'spark.streaming.blockInterval' should be a positive value");
    this.blocks = new BlockGenerator<T>(this.ssc.clock, this.streamId, ms, (b) =>
      this.ssc.addBlock(b),
    );
    this.blocks.start();
    this.blocks.setRate(this.initialRate());
    this.stopped = false;
    this.startReceiver();
  }

  /** Spark: `RateLimiter.maxRateLimit` (`spark.streaming.receiver.maxRate`; 0 or unset: none). */
  private maxRate(): number | undefined {
    return this.positiveRate('spark.streaming.receiver.maxRate');
  }

  /** A rate setting in records/s: a finite positive number, else (unset, 0, negative, not a number) none. */
  private positiveRate(key: string): number | undefined {
    const v = Number(this.ssc.conf.get(key));
    return Number.isFinite(v) && v > 0 ? v : undefined;
  }

  /** Spark: `RateLimiter.getInitialRateLimit`: `spark.streaming.backpressure.initialRate`, at most maxRate. */
  private initialRate(): number | undefined {
    const max = this.maxRate();
    const rate = this.positiveRate('spark.streaming.backpressure.initialRate');
    return rate === undefined ? max : max === undefined ? rate : Math.min(rate, max);
  }

  /**
   * @internal Spark: `ReceiverSupervisor.updateRate` (a backpressure rate update): the new limit,
   * at most `spark.streaming.receiver.maxRate`, recorded as a `receiverRateUpdated` event.
   */
  updateRate(newRate: number): void {
    if (!(newRate > 0) || this.blocks === undefined) return;
    const max = this.maxRate();
    const rate = max === undefined ? newRate : Math.min(newRate, max);
    this.blocks.setRate(rate);
    this.ssc.post({ type: 'receiverRateUpdated', contextId: this.ssc.contextId, streamId: this.streamId, name: this.name, rate });
  }

  /** Spark: `ReceiverSupervisor.startReceiver`: register with the tracker (`receiverStarted`), then `onStart`. */
  private startReceiver(): void {
    this.ssc.post({ type: 'receiverStarted', contextId: this.ssc.contextId, streamId: this.streamId, name: this.name, receiverClass: this.receiverClass });
    this.onStart();
  }

  /** @internal Stop for good (the context is stopping). */
  stop(message = 'Stopped by driver'): void {
    if (this.terminated) return;
    this.terminated = true;
    if (this.restartTimer !== undefined) this.ssc.clock.cancel(this.restartTimer);
    this.restartTimer = undefined;
    if (!this.stopped) {
      this.stopped = true;
      this.onStop();
    }
    this.blocks?.stop(this.ssc.clock.now());
    this.ssc.post({ type: 'receiverStopped', contextId: this.ssc.contextId, streamId: this.streamId, name: this.name, message });
  }

  /**
   * Spark: `restart(message, error)` (`ReceiverSupervisor.restartReceiver`): report
   * (`receiverError`), stop, and start again (`receiverStarted`) after the restart delay, in
   * virtual time.
   */
  restart(message: string, error?: unknown): void {
    if (this.stopped || this.restartTimer !== undefined) return;
    const delay = this.ssc.conf.getInt('spark.streaming.receiverRestartDelay', 2000);
    this.postError(message, error, delay);
    this.onStop();
    const clock = this.ssc.clock;
    this.restartTimer = clock.schedule(
      clock.now() + delay,
      () => {
        this.restartTimer = undefined;
        this.startReceiver(); // a stop cancels this timer
      },
      TimerPriority.INPUT,
    );
  }
}
