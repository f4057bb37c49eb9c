import { TimerPriority, type Clock, type TimerHandle } from './Clock';

/**
 * Calls `callback(time)` at every multiple of `periodMs`. Spark: `streaming.util.RecurringTimer`.
 * Every multiple fires, in order, even when the clock jumps several periods at once.
 */
export class RecurringTimer {
  private nextTime = -1;
  private handle: TimerHandle | undefined;
  private stopped = false;

  constructor(
    private readonly clock: Clock,
    private readonly periodMs: number,
    private readonly callback: (timeMs: number) => void,
    private readonly priority: number = TimerPriority.OTHER,
  ) {}

  /** Spark: `getStartTime()`: the next multiple of the period strictly after now. */
  getStartTime(): number {
    return (Math.floor(this.clock.now() / this.periodMs) + 1) * this.periodMs;
  }

  /** Start firing at `startTimeMs`. Returns the start time. */
  start(startTimeMs: number = this.getStartTime()): number {
    this.nextTime = startTimeMs;
    this.scheduleNext();
    return startTimeMs;
  }

  /** The time of the next tick (while running). */
  get nextTickMs(): number {
    return this.nextTime;
  }

  /** Stop firing; returns the last time that fired (Spark: `stop(interruptTimer)`). */
  stop(): number {
    this.stopped = true;
    if (this.handle !== undefined) this.clock.cancel(this.handle);
    this.handle = undefined;
    return this.nextTime - this.periodMs;
  }

  private scheduleNext(): void {
    if (this.stopped) return;
    const at = this.nextTime;
    this.handle = this.clock.schedule(
      at,
      () => {
      this.handle = undefined;
      if (this.stopped) return;
      this.nextTime = at + this.periodMs;
      // Schedule the next tick first so that a callback which stops the timer cancels it.
        this.scheduleNext();
        this.callback(at);
      },
      this.priority,
    );
  }
}
