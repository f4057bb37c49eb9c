import { createClock } from '@sinonjs/fake-timers';
import type { Clock, TimerHandle } from './Clock';
import { TimerPriority } from './Clock';
import { SimulationError } from '../errors';

type FakeClock = ReturnType<typeof createClock>;

interface Entry {
  id: number;
  at: number;
  priority: number;
  callback: () => void;
}

/**
 * The virtual clock. Spark: `org.apache.spark.util.ManualClock` (`setTime`, `advance`).
 *
 * Time lives in `@sinonjs/fake-timers`' `createClock()` (never the process globals), which moves
 * only when a callback falls due or the clock is advanced. Callbacks wait in a queue ordered by
 * (time, priority, scheduling order) — a total order, like fake-timers' own `compareTimers`, so
 * the same program always runs the same way — and fire one at a time (`fireNext`), so that
 * asynchronous inputs can deliver between two callbacks of the same instant.
 */
export class ManualClock implements Clock {
  private readonly fake: FakeClock;
  private readonly queue: Entry[] = [];
  private nextId = 1;

  /** @param startMs the virtual time the clock starts at (Spark's ManualClock starts at 0). */
  constructor(startMs = 0) {
    if (!Number.isInteger(startMs) || startMs < 0) {
      throw new SimulationError(`ManualClock: start time must be a non-negative integer of ms, got ${startMs}`);
    }
    this.fake = createClock(startMs, 1_000_000);
  }

  now(): number {
    return this.fake.now;
  }

  schedule(atMs: number, callback: () => void, priority: number = TimerPriority.OTHER): TimerHandle {
    const entry: Entry = { id: this.nextId++, at: Math.max(atMs, this.fake.now), priority, callback };
    let i = this.queue.length;
    while (i > 0 && compare(this.queue[i - 1]!, entry) > 0) i--;
    this.queue.splice(i, 0, entry);
    return { id: entry.id };
  }

  cancel(handle: TimerHandle): void {
    const i = this.queue.findIndex((e) => e.id === handle.id);
    if (i >= 0) this.queue.splice(i, 1);
  }

  nextScheduledTime(): number | undefined {
    return this.queue[0]?.at;
  }

  /** Fire exactly one callback: the head of the queue, moving the time to it first. */
  fireNext(): void {
    const head = this.queue.shift();
    if (head === undefined) return;
    if (head.at > this.fake.now) this.fake.tick(head.at - this.fake.now);
    head.callback();
  }

  /** Spark: `ManualClock.advance(ms)`: move forward, firing every callback that falls due, in order. */
  advance(ms: number): void {
    if (!Number.isInteger(ms) || ms < 0) {
      throw new SimulationError(`ManualClock.advance: ${ms} is not a non-negative integer of ms`);
    }
    const target = this.fake.now + ms;
    while (this.queue[0] !== undefined && this.queue[0].at <= target) this.fireNext();
    this.fake.tick(target - this.fake.now);
  }

  /** Spark: `ManualClock.setTime(ms)`. Virtual time never goes backwards. */
  setTime(ms: number): void {
    if (ms < this.fake.now) {
      throw new SimulationError(
        `ManualClock.setTime: cannot travel back in time from ${this.fake.now} ms to ${ms} ms`,
      );
    }
    this.advance(ms - this.fake.now);
  }
}

function compare(a: Entry, b: Entry): number {
  return a.at - b.at || a.priority - b.priority || a.id - b.id;
}
