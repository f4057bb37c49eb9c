import { AdversarialOrder } from '../util/AdversarialOrder';
import { AsyncLocalStorage } from 'node:async_hooks';
import * as dns from 'node:dns';
import { ManualClock } from '../util/ManualClock';
import { EventLog } from '../events/EventLog';
import { SimNetwork } from '../net/SimNetwork';
import type { InspectionDefaults } from '../events/InspectionDefaults';
import { SimulationError } from '../errors';
import { parseStartDate } from '../util/startDate';
import type { CostModel } from './CostModel';
import { nodeDirectoryCalls, type DirectoryCalls } from '../util/directoryCalls';

/** Something that behaves like the JVM's one active StreamingContext slot. */
export interface ActiveContextSlot {
  /** Where `start()` was called (Spark's call site, deterministic here): quoted when a second context starts. */
  readonly startSite: string;
  stopFromHorizon(reason?: 'horizon' | 'exit'): void;
  /** The driver died (a timeline crash): stop at once, silently. */
  crash?(): void;
}

/** Options of a simulated JVM. */
export interface JvmOptions {
  /** Where `pprint` writes (default: `process.stdout`). */
  stdout?: (text: string) => void;
  /** Virtual time (ms) the clock starts at (default 0, like Spark's ManualClock). */
  clockStartMs?: number;
  /**
   * The run's virtual start date, an ISO-8601 date-time with an offset (`2026-01-01T00:00:00Z`):
   * the clock starts at that instant's epoch ms, so batch times are real dates (PySpark's pprint
   * prints `Time: 2026-01-01 00:00:03`). Default: the epoch (the clock starts at 0). Not together
   * with `clockStartMs`.
   */
  startDate?: string;
  /** IANA time zone for PySpark's local-time batch timestamps (default `UTC`). */
  timeZone?: string;
  /** How many events the log retains (default: all). */
  eventLogCapacity?: number;
  /** Virtual time (ms) at which the run ends: the active context is stopped there. */
  horizonMs?: number;
  /**
   * The directory relative file paths (textFileStream, timeline files) resolve against; a function
   * is asked on first use only (a run that never touches a file makes no directory).
   */
  cwd?: string | (() => string);
  /** What every StreamingContext made in this JVM records (see `StreamingContext.inspect`). */
  inspect?: InspectionDefaults;
  /** How long jobs take in virtual time (default: no time; see docs/processing-time.md). */
  cost?: CostModel;
  /** Permute where Spark promises no order, from this seed (`--adversarial-order`; default: off). */
  adversarialOrder?: number;
  /** How file streams list their directories (default: node's `fs`); a test may observe the calls here. */
  directoryCalls?: DirectoryCalls;
}

export type { InspectionDefaults };

/**
 * Manual driving: the program's waits (`awaitTermination*`) do not move virtual time; an outside
 * driver (the {@link Stepper}) does, and wakes them. It also tells the driver when the program is
 * waiting again, so the driver never polls.
 */
export class ManualDrive {
  private readonly waiters = new Set<() => boolean>();
  private idle: (() => void)[] = [];
  /** How many times the program has started waiting (a wait that was not over at once). */
  waits = 0;

  /** Wait until `ready()` holds; re-checked at every `wake()`. */
  waitUntil(ready: () => boolean): Promise<void> {
    if (ready()) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const check = (): boolean => {
        if (!ready()) return false;
        this.waiters.delete(check);
        resolve();
        return true;
      };
      this.waiters.add(check);
      this.waits++;
      const idle = this.idle;
      this.idle = [];
      for (const f of idle) f();
    });
  }

  /** Re-check every waiting program; true when one of them may go on. */
  wake(): boolean {
    let woke = false;
    for (const w of [...this.waiters]) woke = w() || woke;
    return woke;
  }

  /** Resolves once the program has started waiting more than `count` times in all. */
  waitAfter(count: number): Promise<void> {
    if (this.waits > count) return Promise.resolve();
    return new Promise<void>((resolve) => this.idle.push(() => (this.waits > count ? resolve() : this.idle.push(resolve))));
  }
}

/** A place in the user's source: `program.ts:6:29` and the failing line with a caret. */
export interface UserCodeLocation {
  where: string;
  frame: string;
}

/**
 * Called before the clock fires a timer at `atMs` (its id `timerId`), or before a wait ends at
 * `atMs` (no `timerId`), so asynchronous inputs can deliver first.
 */
export type SettleHook = (atMs: number, timerId?: number) => Promise<void>;

/**
 * The simulated JVM: one virtual clock, one stdout, one event log and the "one active
 * StreamingContext per JVM" slot. Code run inside {@link withIsolatedJvm} gets a fresh one, so
 * that tests never share an active context; everything else shares the process-wide default.
 */
export class Jvm {
  readonly clock: ManualClock;
  /** The virtual time (ms) the clock started at: the run's origin (the start date, or 0). */
  readonly startMs: number;
  readonly log: EventLog;
  readonly stdout: (text: string) => void;
  readonly timeZone: string;
  /** The started, not yet stopped StreamingContext (Spark: `StreamingContext.activeContext`). */
  activeContext: ActiveContextSlot | undefined;
  /** A virtual time (ms) at which the run ends: `awaitTermination()` returns there. */
  horizonMs: number | undefined;
  /** Hooks awaited before each timer firing (the network registers here). */
  readonly settleHooks: SettleHook[] = [];
  /** The simulated network: addresses the timeline serves, deliveries in flight. */
  readonly network = new SimNetwork();
  private readonly cwdSource: string | (() => string) | undefined;
  private cwdValue: string | undefined;
  /** The directory relative file paths resolve against (default: the process's); asked of a lazy `cwd` on first use. */
  get cwd(): string {
    if (this.cwdValue === undefined) {
      const source = this.cwdSource;
      this.cwdValue = source === undefined ? process.cwd() : typeof source === 'string' ? source : source();
    }
    return this.cwdValue;
  }
  /** The working directory if anything has used it yet, else undefined (never asks a lazy `cwd`). */
  get cwdInUse(): string | undefined {
    return typeof this.cwdSource === 'function' ? this.cwdValue : this.cwd;
  }
  /** How file streams list directories and read modification times (see {@link JvmOptions.directoryCalls}). */
  readonly directoryCalls: DirectoryCalls;
  /** Named queues a timeline pushes to (`timelineQueue(name)`). */
  readonly queues = new Map<string, unknown[]>();
  /** Inspection defaults for new contexts. */
  readonly inspect: InspectionDefaults;
  /** How long jobs take (undefined: no time). */
  readonly cost: CostModel | undefined;
  /** The seeded adversarial order, when asked for (undefined: the engine's one deterministic order). */
  readonly adversarialOrder: AdversarialOrder | undefined;
  /**
   * Where in the user's program an error was thrown (`program.ts:6:29` and the code frame), when
   * a runner knows the program (scenario runs); errors reported by batches carry it.
   */
  locateUserCode: ((error: unknown) => UserCodeLocation | undefined) | undefined;
  /** How many waits are moving virtual time right now (`runUntil` calls in progress). */
  driving = 0;
  /** Set when an outside driver (the stepper) moves time instead of the program's waits. */
  manual: ManualDrive | undefined;
  private nextIds = new Map<string, number>();
  /** Whether the JVM was given a run directory (`cwd`): only then are checkpoint files written and read. */
  readonly hasRunDir: boolean;
  /**
   * Above 0 while a recovering `getOrCreate` re-runs the program's setup code to rebuild the
   * graph's functions: what the program prints then is not shown (Spark does not call it).
   */
  rebuilding = 0;
  /** Set when a timeline `crash` killed the driver: every wait of the dead program ends with {@link DriverCrash}. */
  crashed: { restartAtMs: number } | undefined;

  constructor(options: JvmOptions = {}) {
    this.startMs = clockStart(options);
    this.clock = new ManualClock(this.startMs);
    this.log = new EventLog(() => this.clock.now(), options.eventLogCapacity ?? Infinity);
    this.stdout = options.stdout ?? ((text) => void process.stdout.write(text));
    this.timeZone = options.timeZone ?? 'UTC';
    this.horizonMs = options.horizonMs;
    this.cwdSource = options.cwd;
    this.hasRunDir = options.cwd !== undefined;
    this.directoryCalls = options.directoryCalls ?? nodeDirectoryCalls;
    this.inspect = options.inspect ?? {};
    this.cost = options.cost;
    this.adversarialOrder = options.adversarialOrder !== undefined ? new AdversarialOrder(options.adversarialOrder) : undefined;
    this.settleHooks.push((_atMs, timerId) => this.network.settle(timerId));
    // Whatever fires a timer (a wait, a graceful stop's passing of time), held writes go first.
    this.clock.beforeFire = (timerId) => this.network.releaseHeld(timerId);
  }

  /**
   * The driver process starts again after a crash: nothing in memory survives (ids, the active
   * context, the named queues); the clock, the log, the network and the run's directory go on.
   */
  restartProcess(): void {
    this.nextIds = new Map();
    this.activeContext = undefined;
    this.queues.clear();
    this.crashed = undefined;
    this.rebuilding = 0;
  }

  /** A per-JVM counter (context ids, app ids …), deterministic within the JVM. */
  nextId(kind: string): number {
    const n = this.nextIds.get(kind) ?? 0;
    this.nextIds.set(kind, n + 1);
    return n;
  }
}

/** Where a JVM's clock starts: `startDate`'s epoch ms, else `clockStartMs`, else 0. */
function clockStart(options: JvmOptions): number {
  if (options.startDate === undefined) return options.clockStartMs ?? 0;
  if (options.clockStartMs !== undefined) {
    throw new SimulationError('JvmOptions: give startDate or clockStartMs, not both', 'START_DATE_INVALID');
  }
  const r = parseStartDate(options.startDate);
  if ('error' in r) throw new SimulationError(`JvmOptions.startDate: ${r.error}`, 'START_DATE_INVALID');
  return r.ms;
}

const storage = new AsyncLocalStorage<Jvm>();
// Node makes some process-wide objects on first need, inside whatever async context needs them,
// and they keep that context — a run's whole JVM — for good (see util/outsideAnyRun.ts): the DNS
// resolver (a receiver's first connect), process.stderr (node:net compares every socket it
// destroys with it) and process.stdout (where pprint writes by default). Make them now, outside
// any run. Nothing is written.
void dns.getServers();
void process.stderr;
void process.stdout;
let processJvm: Jvm | undefined;

/** The JVM the calling code runs in: the isolated one, if any, else the process-wide one. */
export function currentJvm(): Jvm {
  const scoped = storage.getStore();
  if (scoped !== undefined) return scoped;
  processJvm ??= new Jvm();
  return processJvm;
}

/**
 * Run `fn` in a fresh simulated JVM (its own clock, active-context slot, stdout and event log).
 * This is the supported way to isolate test cases: contexts made inside cannot collide with any
 * other test's, and jest's parallel workers are separate processes anyway.
 */
export function withIsolatedJvm<R>(options: JvmOptions, fn: (jvm: Jvm) => R): R {
  const jvm = new Jvm(options);
  return storage.run(jvm, () => fn(jvm));
}

/**
 * Thrown out of every wait of a program whose driver a timeline `crash` killed: the run starts the
 * program again at the restart time. Not an error of the program.
 */
export class DriverCrash extends Error {
  constructor(readonly restartAtMs: number) {
    super('the driver crashed (timeline crash event)');
    this.name = 'DriverCrash';
  }
}
