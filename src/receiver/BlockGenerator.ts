import { TimerPriority, type Clock } from '../util/Clock';
import { RecurringTimer } from '../util/RecurringTimer';

/** A block of received records. Spark: `StreamBlockId(streamId, uniqueId)` + its data. */
export interface ReceivedBlock<T> {
  streamId: number;
  /** Spark's block id: `input-<streamId>-<tick − blockInterval>`. */
  blockId: string;
  /** The virtual time the block was cut. */
  timeMs: number;
  records: T[];
}

/**
 * Spark: `BlockGenerator`. Stored records collect in a buffer; every block interval (a recurring
 * timer on the virtual clock, at multiples of the interval) a non-empty buffer becomes a block,
 * handed to `onBlock` (Spark pushes it and reports it to the ReceivedBlockTracker).
 */
export class BlockGenerator<T> {
  private buffer: T[] = [];
  private readonly timer: RecurringTimer;
  /** Spark's `RateLimiter`: records/s (undefined: no limit); stored records over it wait here. */
  private rate: number | undefined;
  private readonly waiting: T[] = [];
  private permits = 0;
  private lastRefillMs: number;

  constructor(
    private readonly clock: Clock,
    private readonly streamId: number,
    private readonly blockIntervalMs: number,
    private readonly onBlock: (block: ReceivedBlock<T>) => void,
  ) {
    this.timer = new RecurringTimer(clock, blockIntervalMs, (t) => this.cut(t), TimerPriority.BLOCK);
    this.lastRefillMs = clock.now();
  }

  /**
   * Spark: `RateLimiter.updateRate` (a Guava rate limiter, bursts up to one second's worth):
   * at most `rate` records a second go into blocks; the rest wait in the receiver, as a receiver
   * thread blocked in `store` leaves data in the socket. `undefined` lifts the limit.
   */
  setRate(rate: number | undefined): void {
    this.refill(this.clock.now());
    this.rate = rate;
    if (rate === undefined) this.buffer.push(...this.waiting.splice(0));
  }

  /** Records stored but held back by the rate limit. */
  get waitingRecords(): number {
    return this.waiting.length;
  }

  start(): void {
    this.timer.start();
  }

  /** Spark: `stop()`: stop the timer; what is buffered becomes a last block. */
  stop(atMs: number): void {
    this.timer.stop();
    this.cut(atMs);
  }

  /** Spark: `addData` (after `waitToPush`, the rate limiter). */
  add(record: T): void {
    if (this.rate === undefined) this.buffer.push(record);
    else this.waiting.push(record);
  }

  private refill(nowMs: number): void {
    if (this.rate !== undefined) this.permits = Math.min(this.rate, this.permits + (this.rate * (nowMs - this.lastRefillMs)) / 1000);
    this.lastRefillMs = nowMs;
  }

  private cut(tickMs: number): void {
    // Records the limiter now lets through (none wait without a limit: `add` and `setRate` see to it).
    this.refill(tickMs);
    const n = Math.min(this.waiting.length, Math.floor(this.permits));
    this.permits -= n;
    for (const r of this.waiting.splice(0, n)) this.buffer.push(r);
    if (this.buffer.length === 0) return;
    const records = this.buffer;
    this.buffer = [];
    this.onBlock({
      streamId: this.streamId,
      blockId: `input-${this.streamId}-${tickMs - this.blockIntervalMs}`,
      timeMs: tickMs,
      records,
    });
  }
}
