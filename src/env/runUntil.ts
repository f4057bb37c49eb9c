import { SimulationError } from '../errors';
import { DriverCrash, type Jvm } from './Jvm';

/** How many timer firings an unbounded wait may take before it is judged endless. */
export const MAX_UNBOUNDED_STEPS = 100_000;

/**
 * Drive virtual time: fire the clock's timers in order until `done()` holds, the deadline (ms) is
 * reached, or the JVM's run horizon is reached (which stops the active context, as a shutdown
 * hook would). Before each firing, asynchronous inputs get the chance to deliver what is due
 * (`jvm.settleHooks`), so results never depend on real timing. With neither a deadline nor a
 * horizon the wait is refused once nothing is scheduled, or after {@link MAX_UNBOUNDED_STEPS}
 * firings, with `endlessMessage()`.
 */
export async function runUntil(
  jvm: Jvm,
  deadline: number | undefined,
  done: () => boolean,
  endlessMessage: () => string,
  asDriver = false,
): Promise<void> {
  const clock = jvm.clock;
  if (jvm.manual !== undefined && !asDriver) {
    // The stepper moves time; this wait ends when the condition or the deadline is reached.
    await jvm.manual.waitUntil(() => jvm.crashed !== undefined || done() || (deadline !== undefined && clock.now() >= deadline));
    if (jvm.crashed !== undefined) throw new DriverCrash(jvm.crashed.restartAtMs);
    return;
  }
  jvm.driving++;
  try {
    await drive(jvm, deadline, done, endlessMessage);
  } finally {
    jvm.driving--;
  }
}

async function drive(jvm: Jvm, deadline: number | undefined, done: () => boolean, endlessMessage: () => string): Promise<void> {
  try {
    await driveTimers(jvm, deadline, done, endlessMessage);
  } finally {
    // The program goes on: what the network held back is on its way, as if written when sent.
    jvm.network.releaseHeld();
  }
}

async function driveTimers(jvm: Jvm, deadline: number | undefined, done: () => boolean, endlessMessage: () => string): Promise<void> {
  const clock = jvm.clock;
  let steps = 0;
  const crashed = (): void => {
    if (jvm.crashed !== undefined) throw new DriverCrash(jvm.crashed.restartAtMs);
  };
  crashed();
  while (!done()) {
    const horizon = jvm.horizonMs;
    const limit =
      deadline === undefined ? horizon : horizon === undefined ? deadline : Math.min(deadline, horizon);
    const next = clock.nextScheduledTime();
    if (next === undefined || (limit !== undefined && next > limit)) {
      if (limit === undefined) throw new SimulationError(endlessMessage(), 'ENDLESS_WAIT');
      // What is in flight (bytes sent at an earlier instant) arrives before the wait ends.
      if (jvm.settleHooks.length > 0) await Promise.all(jvm.settleHooks.map((h) => h(limit)));
      if (clock.nextScheduledTime() !== next) continue; // a delivery scheduled something: fire it first
      if (limit > clock.now()) clock.setTime(limit);
      if (horizon !== undefined && limit === horizon) jvm.activeContext?.stopFromHorizon();
      return;
    }
    let id = clock.nextScheduledId();
    const hooks = jvm.settleHooks;
    if (hooks.length === 1) await hooks[0]!(next, id);
    else if (hooks.length > 0) await Promise.all(hooks.map((h) => h(next, id)));
    // Writes held back for the timer that was next must not wait for another one that came first.
    while (jvm.network.holding && clock.nextScheduledId() !== id) {
      id = clock.nextScheduledId();
      await Promise.all(jvm.settleHooks.map((h) => h(clock.nextScheduledTime() ?? next, id)));
    }
    clock.fireNext();
    crashed();
    if (limit === undefined && ++steps > MAX_UNBOUNDED_STEPS) {
      throw new SimulationError(
        `Aborting after ${MAX_UNBOUNDED_STEPS} timer firings, assuming an endless wait. ${endlessMessage()}`,
        'ENDLESS_WAIT',
      );
    }
  }
}

/**
 * Let virtual time pass synchronously, firing due timers in order (no network settling), until
 * `done()` or `deadlineMs` — how a graceful stop waits. Returns whether `done()` held; at the
 * deadline the clock stands there.
 */
export function passTimeUntil(jvm: Jvm, done: () => boolean, deadlineMs: number): boolean {
  const clock = jvm.clock;
  while (!done()) {
    const next = clock.nextScheduledTime();
    if (next === undefined || next > deadlineMs) {
      if (deadlineMs > clock.now()) clock.setTime(deadlineMs);
      return false;
    }
    clock.fireNext();
  }
  return true;
}
