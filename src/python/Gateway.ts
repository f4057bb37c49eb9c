import type { DStream } from '../dstream/internal';
import { DriverCrash, type Jvm } from '../env/Jvm';
import { DStreamSimError, SimulationError } from '../errors';
import type { Pair } from '../rdd/RDD';
import type { RDD } from '../rdd/RDD';
import { StreamingContext } from '../streaming/StreamingContext';
import { fromWire, toWire, type WireBatch, type WirePyObject } from './PyObject';
import { PythonException, type PythonErrorInfo } from './PythonException';
import { engineCommands, rddCommands, waitingCommands, type Handler } from './commands';
import type { PythonProcess } from './PythonProcess';

/** How the program ended, as Python reports it. */
export interface ProgramEnd {
  /** The uncaught exception (or `SystemExit` with a non-zero code), if any. */
  failed?: PythonErrorInfo;
  /** A timeline crash killed the driver while the program waited. */
  crashed?: boolean;
}

type FromPython =
  | { t: 'call'; cmd: string; a: Record<string, unknown> }
  | { t: 'out'; text: string }
  | { t: 'ret'; v: unknown }
  | { t: 'err'; e: PythonErrorInfo }
  | { t: 'done'; failed?: PythonErrorInfo };


/**
 * The "JVM" end of the bridge (PySpark: the Py4J gateway server and `PythonRDD` /
 * `PythonDStream`'s callbacks). Python holds engine objects by handle (SparkContext,
 * StreamingContext, RDDs, DStreams) and calls a small set of primitives on them; the engine
 * calls back into Python with whole partitions (`pipe`, PySpark's `PythonRDD.compute`) and with
 * RDD handles (`TransformFunction`). Calls nest: a command may call back, the callback may
 * command again, all on one channel in one order.
 */
export class Gateway {
  private readonly objects = new Map<number, unknown>();
  private readonly ids = new Map<unknown, number>();
  /** How many Python wrappers hold each RDD handle (Python says when one dies). */
  private readonly holders = new Map<number, number>();
  /** Python functions whose engine RDD was garbage-collected: Python may forget them. */
  private readonly deadFunctions: number[] = [];
  private readonly functionOwners = new FinalizationRegistry<number>((f) => void this.deadFunctions.push(f));
  /** RDDs Python parallelized and still holds the records of (`_gateway._held`), by the number Python knows them by. */
  private readonly held = new WeakMap<RDD<unknown>, number>();
  /** Held RDDs the engine garbage-collected: Python may drop their records. */
  private readonly deadHeld: number[] = [];
  private readonly heldOwners = new FinalizationRegistry<number>((c) => void this.deadHeld.push(c));
  private nextHeld = 1;
  /** Python functions of RDDs made while batch `time` ran (in transform / foreachRDD / state functions), by batch time. */
  private readonly batchFunctions = new Map<number, number[]>();
  /** The batch times of the callbacks running now (innermost last). */
  private readonly runningBatches: number[] = [];
  private lastBatch = -Infinity;
  private nextId = 1;
  /** The program's top level ended: Python serves no more callbacks (its listeners hear nothing more). */
  /** @internal */ ended = false;
  private readonly handlers: Record<string, Handler>;
  private readonly waits: Record<string, (a: Record<string, unknown>) => Promise<unknown>>;

  constructor(
    private readonly proc: PythonProcess,
    /** @internal */ readonly jvm: Jvm,
    private readonly output: (text: string) => void,
  ) {
    this.handlers = { ...engineCommands(this), ...rddCommands(this) };
    this.waits = waitingCommands(this);
  }

  /** Serve the program's top level until it ends. */
  async serve(): Promise<ProgramEnd> {
    for (;;) {
      const m = (await this.proc.receive()) as FromPython;
      this.release((m as { rel?: unknown }).rel);
      if (m.t === 'out') this.output(m.text);
      else if (m.t === 'done') {
        this.ended = true;
        return m.failed !== undefined ? { failed: m.failed } : {};
      }
      else if (m.t === 'call') {
        let reply: unknown;
        try {
          const wait = this.waits[m.cmd];
          reply = { t: 'ret', v: wait !== undefined ? await wait(m.a) : this.run(m.cmd, m.a) };
        } catch (e) {
          // A timeline crash killed the driver: the Python process dies with it (the run restarts it).
          if (e instanceof DriverCrash || this.jvm.crashed !== undefined) return { crashed: true };
          reply = this.errorReply(e);
        }
        this.send(reply as Record<string, unknown>);
      } else throw new SimulationError(`internal: unexpected message from Python: ${JSON.stringify(m)}`);
    }
  }

  /** Call back into Python and serve its nested commands until it answers. */
  /** @internal */ callback(message: Record<string, unknown>): unknown {
    this.send({ ...message, t: 'cb' });
    for (;;) {
      const m = this.proc.receiveSync() as FromPython;
      this.release((m as { rel?: unknown }).rel);
      if (m.t === 'out') this.output(m.text);
      else if (m.t === 'ret') return m.v;
      else if (m.t === 'err') throw new PythonException(m.e);
      else if (m.t === 'call') {
        let reply: unknown;
        try {
          if (this.waits[m.cmd] !== undefined) {
            throw new SimulationError(`${m.cmd.replace(/^\w+\./, '')}() cannot wait inside a batch (called from a function the engine runs)`);
          }
          reply = { t: 'ret', v: this.run(m.cmd, m.a) };
        } catch (e) {
          reply = this.errorReply(e);
        }
        this.send(reply as Record<string, unknown>);
      } else throw new SimulationError(`internal: unexpected message from Python inside a callback: ${JSON.stringify(m)}`);
    }
  }

  private run(cmd: string, a: Record<string, unknown>): unknown {
    const h = this.handlers[cmd];
    if (h === undefined) throw new SimulationError(`internal: unknown bridge command ${cmd}`);
    return h(a);
  }

  private errorReply(e: unknown): unknown {
    if (e instanceof SimulationError && (e.errorClass === 'PYTHON_EXITED' || e.errorClass === 'PYTHON_HUNG')) throw e;
    if (e instanceof PythonException) return { t: 'err', e: { name: 'PythonException', cls: e.sparkClass, message: e.message, py: e.info } };
    if (e instanceof DStreamSimError) return { t: 'err', e: { name: e.name, cls: e.sparkClass, message: e.message } };
    if (e instanceof Error) return { t: 'err', e: { name: e.name, cls: e.name, message: e.message } };
    return { t: 'err', e: { name: 'Error', cls: 'Error', message: String(e) } };
  }

  // --- handles --------------------------------------------------------------------------------

  /** @internal */ ref(obj: unknown): number {
    let id = this.ids.get(obj);
    if (id === undefined) {
      id = this.nextId++;
      this.ids.set(obj, id);
      this.objects.set(id, obj);
    }
    return id;
  }

  /** @internal */ get<T>(a: Record<string, unknown>, key: string): T {
    const obj = this.objects.get(a[key] as number);
    if (obj === undefined) throw new SimulationError(`internal: no object for handle ${key}=${String(a[key])}`);
    return obj as T;
  }

  /** @internal */ stream(ds: DStream<unknown>): unknown {
    return { h: this.ref(ds), slideMs: ds.slideDuration.milliseconds };
  }

  /** @internal */ rdd(rdd: RDD<unknown>): unknown {
    const h = this.ref(rdd);
    this.holders.set(h, (this.holders.get(h) ?? 0) + 1);
    return { h, n: rdd.getNumPartitions() };
  }

  /** Python let go of these RDD handles (its wrappers died): the engine keeps what it still needs itself. */
  private release(handles: unknown): void {
    if (!Array.isArray(handles)) return;
    for (const h of handles as number[]) {
      const left = (this.holders.get(h) ?? 0) - 1;
      if (left > 0) {
        this.holders.set(h, left);
        continue;
      }
      this.holders.delete(h);
      this.ids.delete(this.objects.get(h));
      this.objects.delete(h);
    }
  }

  /** Send to Python, with the functions it may forget. */
  private send(message: Record<string, unknown>): void {
    if (this.deadFunctions.length > 0) message['frel'] = this.deadFunctions.splice(0);
    if (this.deadHeld.length > 0) message['crel'] = this.deadHeld.splice(0);
    this.proc.send(message);
  }

  /** @internal The engine object behind a handle. */
  object(h: unknown): unknown {
    return this.objects.get(h as number);
  }

  /** How many engine objects Python holds handles to (a run's memory stays flat). */
  get size(): number {
    return this.objects.size;
  }

  /** @internal */ rddOrNone(v: unknown): RDD<unknown> | undefined {
    return v === null || v === undefined ? undefined : (this.objects.get(v as number) as RDD<unknown>);
  }

  /** PySpark's `TransformFunction.call(time, rdds…)`: Python gets RDD handles and the batch time. */
  /** @internal */ transformCall(f: number, rdds: (RDD<unknown> | undefined)[], timeMs: number): RDD<unknown> | undefined {
    if (timeMs > this.lastBatch) {
      this.lastBatch = timeMs;
      this.releaseClearedBatches(timeMs);
    }
    this.runningBatches.push(timeMs);
    try {
      const v = this.callback({ k: 'fn', f, time: timeMs, rdds: rdds.map((r) => (r === undefined ? null : this.rdd(r))) });
      return this.rddOrNone(v);
    } finally {
      this.runningBatches.pop();
    }
  }

  /**
   * The engine RDD `owner` calls Python function `f`. Made inside a batch, it lives as long as
   * the streams remember that batch (Spark's `clearMetadata`): {@link releaseClearedBatches}
   * lets Python forget `f` then, at the same point of every run. Made by the driver, it is
   * forgotten when the engine RDD is garbage-collected.
   */
  /** @internal */ own(owner: RDD<unknown>, f: number): void {
    const batch = this.runningBatches[this.runningBatches.length - 1];
    if (batch === undefined) {
      this.functionOwners.register(owner, f);
      return;
    }
    const fs = this.batchFunctions.get(batch);
    if (fs === undefined) this.batchFunctions.set(batch, [f]);
    else fs.push(f);
  }

  /**
   * A new batch (`now`) starts: the functions of batches older than every RDD a stream still
   * remembers are no longer needed by the engine (a checkpointed stream remembers past its last
   * checkpoint, so no remembered lineage reaches them); Python hears it with the next message.
   */
  private releaseClearedBatches(now: number): void {
    if (this.batchFunctions.size === 0) return;
    let oldest = now;
    for (const obj of this.objects.values()) {
      if (!(obj instanceof StreamingContext)) continue;
      for (const ds of obj.runtime.graph.reachableStreams()) for (const t of ds.generatedRDDs.keys()) oldest = Math.min(oldest, t);
    }
    for (const [t, fs] of this.batchFunctions) {
      if (t >= oldest) continue;
      this.deadFunctions.push(...fs);
      this.batchFunctions.delete(t);
    }
  }

  /**
   * Python keeps the records of this parallelized RDD (immutable ones, as it parallelized them):
   * the number it knows them by. While the RDD lives, a function piped over it reads them there.
   */
  /** @internal */ hold(rdd: RDD<unknown>): number {
    const c = this.nextHeld++;
    this.held.set(rdd, c);
    this.heldOwners.register(rdd, c);
    return c;
  }

  /** @internal The number Python holds `rdd`'s records by, if it does. */
  heldId(rdd: RDD<unknown>): number | undefined {
    return this.held.get(rdd);
  }

  /** @internal Python's function `f` over a partition: its records, or `src`, the held RDD they are (see {@link hold}). */
  pipe(f: number, split: number, records: Iterable<unknown>, src?: number): unknown[] {
    const out = this.callback(pipeMessage(f, split, records, src)) as WirePyObject[];
    return out.map(fromWire);
  }

  /** @internal {@link pipe} for a shuffle's map side: the records come back bucketed by partition. */
  pipeKeyed(f: number, split: number, records: Iterable<unknown>, src?: number): Pair<number, unknown>[] {
    const out = this.callback(pipeMessage(f, split, records, src)) as [number, WireBatch][];
    return out.map(([pid, w]): Pair<number, unknown> => [pid, fromWire(w)]);
  }

}

/**
 * A partition for Python (PySpark's `PythonRDD.compute`); `plain` when no record needs decoding
 * (strings, numbers); only its number when Python holds it (`src`).
 */
function pipeMessage(f: number, split: number, records: Iterable<unknown>, src: number | undefined): Record<string, unknown> {
  if (src !== undefined) return { k: 'pipe', f, split, src };
  let plain = true;
  const recs = Array.from(records, (r) => {
    const w = toWire(r);
    if (w !== null && typeof w === 'object') plain = false;
    return w;
  });
  return plain ? { k: 'pipe', f, split, recs, plain: true } : { k: 'pipe', f, split, recs };
}
