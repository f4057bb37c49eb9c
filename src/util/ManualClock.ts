import { createClock } from '@sinonjs/fake-timers';
import type { Clock, TimerHandle } from './Clock';
import { SimulationError } from '../errors';

type FakeClock = ReturnType<typeof createClock>;
type FakeTimerId = ReturnType<FakeClock['setTimeout']>;

/**
 * The virtual clock. Spark: `org.apache.spark.util.ManualClock` (`setTime`, `advance`).
 *
 * It is `@sinonjs/fake-timers`' `createClock()` behind the {@link Clock} interface: timers live on
 * a private fake clock, never on the process globals, and fire in fake-timers' total order
 * (time, then creation order) when the clock is advanced.
 */
export class ManualClock implements Clock {
  private readonly fake: FakeClock;
  private readonly handles = new Map<number, { at: number; fakeId: FakeTimerId }>();
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

  schedule(atMs: number, callback: () => void): TimerHandle {
    const id = this.nextId++;
    const delay = Math.max(0, atMs - this.fake.now);
    const fakeId = this.fake.setTimeout(() => {
      this.handles.delete(id);
      callback();
    }, delay);
    this.handles.set(id, { at: this.fake.now + delay, fakeId });
    return { id };
  }

  cancel(handle: TimerHandle): void {
    const h = this.handles.get(handle.id);
    if (h === undefined) return;
    this.fake.clearTimeout(h.fakeId);
    this.handles.delete(handle.id);
  }

  nextScheduledTime(): number | undefined {
    let min: number | undefined;
    for (const h of this.handles.values()) if (min === undefined || h.at < min) min = h.at;
    return min;
  }

  /** Spark: `ManualClock.advance(ms)`: move forward, firing every callback that falls due, in order. */
  advance(ms: number): void {
    if (!Number.isInteger(ms) || ms < 0) {
      throw new SimulationError(`ManualClock.advance: ${ms} is not a non-negative integer of ms`);
    }
    this.fake.tick(ms);
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
