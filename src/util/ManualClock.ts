import { createClock } from '@sinonjs/fake-timers';
import { Heap } from 'heap-js';
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
  /** Pending callbacks, a binary heap in (time, priority, scheduling order): n·log n for n timers. */
  private readonly queue = new Heap<Entry>(compare);
  /** Scheduled, not yet fired nor cancelled. */
  private readonly pending = new Set<number>();
  /** Cancelled but still in the heap (dropped when they reach its head). */
  private readonly cancelled = new Set<number>();
  private nextId = 1;
  /**
   * Called with the id of each timer just before it fires (whatever fires it: a wait, `advance`,
   * a graceful stop): the network writes what it held back unless that timer lets it wait.
   */
  beforeFire: ((timerId: number) => void) | undefined;

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
    return this.enqueue(this.nextId++, atMs, callback, priority);
  }

  /**
   * Reserve `n` consecutive timer ids (returns the first): a callback scheduled later with one of
   * them ({@link scheduleReserved}) takes the place in the order it would have had if it had been
   * scheduled now — so a long series of callbacks can be put in the queue one at a time.
   */
  reserveIds(n: number): number {
    const first = this.nextId;
    this.nextId += n;
    return first;
  }

  /** Schedule with an id from {@link reserveIds} (at most once per id); `atMs` as of the reservation. */
  scheduleReserved(id: number, atMs: number, callback: () => void, priority: number = TimerPriority.OTHER): TimerHandle {
    return this.enqueue(id, atMs, callback, priority);
  }

  private enqueue(id: number, atMs: number, callback: () => void, priority: number): TimerHandle {
    const entry: Entry = { id, at: Math.max(atMs, this.fake.now), priority, callback };
    this.queue.push(entry);
    this.pending.add(id);
    return { id };
  }

  cancel(handle: TimerHandle): void {
    if (this.pending.delete(handle.id)) this.cancelled.add(handle.id);
  }

  nextScheduledTime(): number | undefined {
    return this.head()?.at;
  }

  /** The id (as in its {@link TimerHandle}) of the callback `fireNext` would fire, or `undefined`. */
  nextScheduledId(): number | undefined {
    return this.head()?.id;
  }

  /** Fire exactly one callback: the head of the queue, moving the time to it first. */
  fireNext(): void {
    if (this.head() === undefined) return;
    const head = this.queue.pop()!;
    this.pending.delete(head.id);
    if (head.at > this.fake.now) this.fake.tick(head.at - this.fake.now);
    this.beforeFire?.(head.id);
    head.callback();
  }

  /** Spark: `ManualClock.advance(ms)`: move forward, firing every callback that falls due, in order. */
  advance(ms: number): void {
    if (!Number.isInteger(ms) || ms < 0) {
      throw new SimulationError(`ManualClock.advance: ${ms} is not a non-negative integer of ms`);
    }
    const target = this.fake.now + ms;
    for (let h = this.head(); h !== undefined && h.at <= target; h = this.head()) this.fireNext();
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

  /** The earliest pending callback, dropping cancelled ones on the way. */
  private head(): Entry | undefined {
    for (let h = this.queue.peek(); h !== undefined; h = this.queue.peek()) {
      if (!this.cancelled.delete(h.id)) return h;
      this.queue.pop();
    }
    return undefined;
  }
}

function compare(a: Entry, b: Entry): number {
  return a.at - b.at || a.priority - b.priority || a.id - b.id;
}
