import type { Jvm } from '../env/Jvm';
import type { TimerHandle } from '../util/Clock';

/**
 * The timers and clocks a scenario's program sees instead of the real ones (free variables of its
 * scope, so nothing global is patched): `setTimeout`, `setInterval`, `setImmediate` (and their
 * `clear…`) run on the virtual clock; `Date` and `performance.now()` read it. Time moves while the
 * program waits in `awaitTermination*`, as batches do. The first use of each kind is recorded as a
 * warning, so a run that relies on them says so.
 */
export class VirtualTime {
  /** The program's pending timers: id → when it is due (ms). */
  private readonly due = new Map<number, number>();
  /** The names the program sees instead of the real ones. */
  readonly scope: Record<string, unknown>;

  constructor(jvm: Jvm) {
    this.scope = virtualTimeScope(jvm, this.due);
  }

  /** The driver died: none of the dead program's timers fires any more. */
  cancelAll(): void {
    const s = this.scope as { clearTimeout(id: number): void; clearInterval(id: number): void };
    for (const id of [...this.due.keys()]) {
      s.clearTimeout(id);
      s.clearInterval(id);
    }
  }

  /** When the program's next timer is due (ms), if it has one pending. */
  nextDue(): number | undefined {
    let min: number | undefined;
    for (const at of this.due.values()) if (min === undefined || at < min) min = at;
    return min;
  }
}

function virtualTimeScope(jvm: Jvm, due: Map<number, number>): Record<string, unknown> {
  const clock = jvm.clock;
  const warned = new Set<string>();
  const note = (what: string, message: string): void => {
    if (warned.has(what)) return;
    warned.add(what);
    jvm.log.emit({ type: 'warning', contextId: undefined, message });
  };
  const timerNote = (name: string): void =>
    note(name, `the program calls ${name}: it runs on the virtual clock (time moves while the program waits in awaitTermination*)`);
  const clockNote = (name: string): void => note(name, `the program reads the clock (${name}): it reads the virtual clock, ${clock.now()} ms now`);
  const delay = (ms: unknown): number => Math.max(0, Math.trunc(Number(ms) || 0));
  const intervals = new Map<number, { current: TimerHandle }>();
  let nextId = 1;
  const handles = new Map<number, TimerHandle>();

  const setTimeout = (fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]): number => {
    timerNote('setTimeout');
    const id = nextId++;
    const at = clock.now() + delay(ms);
    due.set(id, at);
    handles.set(
      id,
      clock.schedule(at, () => {
        handles.delete(id);
        due.delete(id);
        fn(...args);
      }),
    );
    return id;
  };
  const clearTimeout = (id: number | undefined): void => {
    const h = id === undefined ? undefined : handles.get(id);
    if (h !== undefined) clock.cancel(h);
    if (id !== undefined) {
      handles.delete(id);
      due.delete(id);
    }
  };
  const setInterval = (fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]): number => {
    timerNote('setInterval');
    const id = nextId++;
    const period = Math.max(1, delay(ms));
    const slot = { current: undefined as unknown as TimerHandle };
    const tick = (at: number): void => {
      due.set(id, at);
      slot.current = clock.schedule(at, () => {
        tick(at + period);
        fn(...args);
      });
    };
    tick(clock.now() + period);
    intervals.set(id, slot);
    return id;
  };
  const clearInterval = (id: number | undefined): void => {
    const slot = id === undefined ? undefined : intervals.get(id);
    if (slot !== undefined) clock.cancel(slot.current);
    if (id !== undefined) {
      intervals.delete(id);
      due.delete(id);
    }
  };
  const setImmediate = (fn: (...args: unknown[]) => void, ...args: unknown[]): number => {
    timerNote('setImmediate');
    return setTimeout(fn, 0, ...args);
  };

  /** `Date` on the virtual clock: `new Date()` and `Date.now()` read it; other forms are the real ones. */
  class VirtualDate extends Date {
    constructor(...args: unknown[]) {
      if (args.length === 0) {
        clockNote('new Date()');
        super(clock.now());
      } else {
        super(...(args as [string]));
      }
    }
    static override now(): number {
      clockNote('Date.now()');
      return clock.now();
    }
  }
  const performance = {
    now: (): number => {
      clockNote('performance.now()');
      return clock.now();
    },
  };
  return { setTimeout, clearTimeout, setInterval, clearInterval, setImmediate, clearImmediate: clearTimeout, Date: VirtualDate, performance };
}
