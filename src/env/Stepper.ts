import { DriverCrash, ManualDrive, type Jvm } from './Jvm';
import { runUntil } from './runUntil';

/**
 * Moves a program's virtual time from outside, batch by batch (what `dstream-sim step` does): the
 * program's own waits no longer move the clock; {@link advanceTo} does, and then waits until the
 * program waits again or ends. The next batch time is read from the event log, so the stepper
 * needs nothing of the engine but the JVM.
 */
export class Stepper {
  private readonly drive = new ManualDrive();
  private ended = false;
  private program: Promise<unknown> = new Promise(() => undefined);

  constructor(private readonly jvm: Jvm) {
    jvm.manual = this.drive;
  }

  /**
   * The program runs as `run` (started by the caller after this stepper was made); resolves when
   * it first waits on virtual time or ends.
   */
  async attach(run: Promise<unknown>): Promise<void> {
    this.program = run.then(
      () => void (this.ended = true),
      () => void (this.ended = true),
    );
    await this.untilIdle(0);
  }

  /** True once the program has ended. */
  get finished(): boolean {
    return this.ended;
  }

  /**
   * Fire every timer due up to `targetMs` (ms), wake the program, and wait until it waits again.
   * A timeline crash ends the step there: the dead program's wait ends, the run restarts it.
   */
  async advanceTo(targetMs: number): Promise<void> {
    try {
      await runUntil(this.jvm, targetMs, () => false, () => 'nothing left to run', true);
    } catch (e) {
      if (!(e instanceof DriverCrash)) throw e;
    }
    const waits = this.drive.waits;
    if (this.drive.wake()) await this.untilIdle(waits);
  }

  /** Hand time back to the program (after a stop from outside): wake it and wait for its end. */
  async release(): Promise<void> {
    this.jvm.manual = undefined;
    this.drive.wake();
    await this.program;
  }

  /**
   * The next batch time of the running context (from its `contextCreated`/`contextStarted`
   * events), else the next timer, else `undefined` when nothing is scheduled.
   */
  nextBatchTime(): number | undefined {
    let batchMs: number | undefined;
    let zeroMs: number | undefined;
    let running = false;
    const batches = new Map<number, number>();
    for (const e of this.jvm.log.events()) {
      if (e.type === 'contextCreated') batches.set(e.contextId, e.batchDurationMs);
      if (e.type === 'contextStarted') {
        running = true;
        zeroMs = e.zeroTimeMs;
        batchMs = batches.get(e.contextId);
      }
      if (e.type === 'contextStopped' && e.previousState === 'ACTIVE') running = false;
    }
    if (!running || batchMs === undefined || zeroMs === undefined) return this.jvm.clock.nextScheduledTime();
    return zeroMs + (Math.floor((this.jvm.clock.now() - zeroMs) / batchMs) + 1) * batchMs;
  }

  /** Until the program waits again (more than `waits` waits in all) or ends. */
  private untilIdle(waits: number): Promise<void> {
    return Promise.race([this.drive.waitAfter(waits), this.program]).then(() => undefined);
  }
}
