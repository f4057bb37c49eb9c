import { setImmediate as turn, setTimeout as pause } from 'node:timers/promises';
import type { Jvm } from '../env/Jvm';
import { runUntil } from '../env/runUntil';
import type { VirtualTime } from './virtualTime';

/**
 * Wait for a program to end, moving virtual time while it sleeps: a program that waits for one of
 * its own (virtual) timers — `await new Promise((r) => setTimeout(r, 5000))` after `ssc.start()`,
 * the TypeScript form of PySpark's `time.sleep(5)` — has nobody else to move the clock, so this
 * does, up to that timer, running the batches that fall due on the way. It acts only when the
 * program is idle (no wait of its own is moving time, and its continuation has run: a real event
 * loop turn has passed). The run ends at its horizon even if the program is still asleep.
 */
export async function driveWhileSleeping(jvm: Jvm, running: Promise<void>, time: VirtualTime): Promise<void> {
  let settled = false;
  let failure: { error: unknown } | undefined;
  running.then(
    () => void (settled = true),
    (error: unknown) => {
      settled = true;
      failure = { error };
    },
  );
  let idleTurns = 0;
  while (!settled) {
    // Real event-loop turns only decide when to look; what happens never depends on them.
    await (idleTurns < 16 ? turn() : pause(1));
    if (settled) break;
    if (jvm.driving > 0 || jvm.manual !== undefined) {
      idleTurns = 0;
      continue;
    }
    if (jvm.horizonMs !== undefined && jvm.clock.now() >= jvm.horizonMs) return;
    const due = time.nextDue();
    if (due === undefined) {
      idleTurns++;
      continue;
    }
    idleTurns = 0;
    await runUntil(jvm, due, () => false, () => 'a program timer is due', false);
  }
  if (failure !== undefined) throw failure.error;
}
