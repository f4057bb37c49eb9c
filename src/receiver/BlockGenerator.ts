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

  constructor(
    clock: Clock,
    private readonly streamId: number,
    private readonly blockIntervalMs: number,
    private readonly onBlock: (block: ReceivedBlock<T>) => void,
  ) {
    this.timer = new RecurringTimer(clock, blockIntervalMs, (t) => this.cut(t), TimerPriority.BLOCK);
  }

  start(): void {
    this.timer.start();
  }

  /** Spark: `stop()`: stop the timer; what is buffered becomes a last block. */
  stop(atMs: number): void {
    this.timer.stop();
    this.cut(atMs);
  }

  /** Spark: `addData`. */
  add(record: T): void {
    this.buffer.push(record);
  }

  private cut(tickMs: number): void {
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
