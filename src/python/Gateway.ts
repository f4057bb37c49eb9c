import { SparkConf } from '../conf/SparkConf';
import { SparkContext } from '../core/SparkContext';
import { PythonReducedWindowedDStream, PythonStateDStream, TransformedDStream, type DStream } from '../dstream/internal';
import { runUntil } from '../env/runUntil';
import type { Jvm } from '../env/Jvm';
import { DStreamSimError, SimulationError } from '../errors';
import type { Pair } from '../rdd/RDD';
import { RDD } from '../rdd/RDD';
import type { StorageLevel } from '../rdd/StorageLevel';
import { StreamingContext } from '../streaming/StreamingContext';
import { Duration } from '../time/Duration';
import type { Time } from '../time/Time';
import { JavaStreamingListenerWrapper } from './JavaStreamingListenerWrapper';
import { fromWire, toWire, type WireBatch, type WirePyObject } from './PyObject';
import { PythonException, type PythonErrorInfo } from './PythonException';
import type { PythonProcess } from './PythonProcess';

/** How the program ended, as Python reports it. */
export interface ProgramEnd {
  /** The uncaught exception (or `SystemExit` with a non-zero code), if any. */
  failed?: PythonErrorInfo;
}

type FromPython =
  | { t: 'call'; cmd: string; a: Record<string, unknown> }
  | { t: 'out'; text: string }
  | { t: 'ret'; v: unknown }
  | { t: 'err'; e: PythonErrorInfo }
  | { t: 'done'; failed?: PythonErrorInfo };

type Handler = (a: Record<string, unknown>) => unknown;

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
  /** Python functions of RDDs made while batch `time` ran (in transform / foreachRDD / state functions), by batch time. */
  private readonly batchFunctions = new Map<number, number[]>();
  /** The batch times of the callbacks running now (innermost last). */
  private readonly runningBatches: number[] = [];
  private lastBatch = -Infinity;
  private nextId = 1;
  /** The program's top level ended: Python serves no more callbacks (its listeners hear nothing more). */
  private ended = false;
  private readonly handlers: Record<string, Handler>;
  private readonly waits: Record<string, (a: Record<string, unknown>) => Promise<unknown>>;

  constructor(
    private readonly proc: PythonProcess,
    private readonly jvm: Jvm,
    private readonly output: (text: string) => void,
  ) {
    this.handlers = { ...this.commands(), ...this.rddCommands() };
    this.waits = this.waitingCommands();
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
          reply = this.errorReply(e);
        }
        this.send(reply as Record<string, unknown>);
      } else throw new SimulationError(`internal: unexpected message from Python: ${JSON.stringify(m)}`);
    }
  }

  /** Call back into Python and serve its nested commands until it answers. */
  private callback(message: Record<string, unknown>): unknown {
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

  private ref(obj: unknown): number {
    let id = this.ids.get(obj);
    if (id === undefined) {
      id = this.nextId++;
      this.ids.set(obj, id);
      this.objects.set(id, obj);
    }
    return id;
  }

  private get<T>(a: Record<string, unknown>, key: string): T {
    const obj = this.objects.get(a[key] as number);
    if (obj === undefined) throw new SimulationError(`internal: no object for handle ${key}=${String(a[key])}`);
    return obj as T;
  }

  private stream(ds: DStream<unknown>): unknown {
    return { h: this.ref(ds), slideMs: ds.slideDuration.milliseconds };
  }

  private rdd(rdd: RDD<unknown>): unknown {
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
    this.proc.send(message);
  }

  /** How many engine objects Python holds handles to (a run's memory stays flat). */
  get size(): number {
    return this.objects.size;
  }

  private rddOrNone(v: unknown): RDD<unknown> | undefined {
    return v === null || v === undefined ? undefined : (this.objects.get(v as number) as RDD<unknown>);
  }

  /** PySpark's `TransformFunction.call(time, rdds…)`: Python gets RDD handles and the batch time. */
  private transformCall(f: number, rdds: (RDD<unknown> | undefined)[], timeMs: number): RDD<unknown> | undefined {
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
  private own(owner: RDD<unknown>, f: number): void {
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
      for (const ds of obj.graph.reachableStreams()) for (const t of ds.generatedRDDs.keys()) oldest = Math.min(oldest, t);
    }
    for (const [t, fs] of this.batchFunctions) {
      if (t >= oldest) continue;
      this.deadFunctions.push(...fs);
      this.batchFunctions.delete(t);
    }
  }

  private pipe(f: number, split: number, records: Iterable<unknown>): unknown[] {
    const out = this.callback(pipeMessage(f, split, records)) as WirePyObject[];
    return out.map(fromWire);
  }

  private pipeKeyed(f: number, split: number, records: Iterable<unknown>): Pair<number, unknown>[] {
    const out = this.callback(pipeMessage(f, split, records)) as [number, WireBatch][];
    return out.map(([pid, w]): Pair<number, unknown> => [pid, fromWire(w)]);
  }

  // --- the primitives Python calls --------------------------------------------------------------

  private commands(): Record<string, Handler> {
    const num = (a: Record<string, unknown>, k: string): number => a[k] as number;
    const dur = (ms: number): Duration => new Duration(ms);
    return {
      'sc.new': (a) => {
        const conf = new SparkConf();
        for (const [k, v] of a['conf'] as [string, string][]) conf.set(k, v);
        const sc = new SparkContext({ conf });
        return { h: this.ref(sc), defaultParallelism: sc.defaultParallelism, appName: sc.appName, master: sc.master };
      },
      'sc.parallelizePartitions': (a) => {
        const sc = this.get<SparkContext>(a, 'sc');
        sc.assertNotStopped();
        return this.rdd(RDD.fromPartitions(sc, (a['parts'] as WirePyObject[][]).map((p) => p.map(fromWire))));
      },
      'sc.union': (a) => this.rdd(this.get<SparkContext>(a, 'sc').union((a['rdds'] as number[]).map((h) => this.objects.get(h) as RDD<unknown>))),
      'sc.emptyRDD': (a) => this.rdd(this.get<SparkContext>(a, 'sc').emptyRDD()),
      // PySpark's textFile / wholeTextFiles: the JVM reads the files (relative to its working
      // directory), lines and contents come back as Java strings, i.e. Python str.
      'sc.textFile': (a) => this.rdd(this.get<SparkContext>(a, 'sc').textFile(a['path'] as string, num(a, 'minPartitions'))),
      'sc.wholeTextFiles': (a) => this.rdd(this.get<SparkContext>(a, 'sc').wholeTextFiles(a['path'] as string, num(a, 'minPartitions'))),
      'sc.stop': (a) => void this.get<SparkContext>(a, 'sc').stop(),
      'sc.setCheckpointDir': (a) => void this.get<SparkContext>(a, 'sc').setCheckpointDir(a['dir'] as string),
      'rdd.pipe': (a) => {
        const f = num(a, 'f');
        const piped = this.get<RDD<unknown>>(a, 'rdd').mapPartitionsWithIndex((i, it) => this.pipe(f, i, it), Boolean(a['pp']));
        this.own(piped, f);
        return this.rdd(piped);
      },
      'rdd.shuffle': (a) => {
        // PySpark's partitionBy: Python buckets each map partition by portable_hash (add_shuffle_key),
        // the JVM moves the buckets by their partition number (PairwiseRDD + PythonPartitioner).
        const f = num(a, 'f');
        const keyed = this.get<RDD<unknown>>(a, 'rdd').mapPartitionsWithIndex((i, it) => this.pipeKeyed(f, i, it), true);
        this.own(keyed, f);
        return this.rdd(keyed.partitionBy(num(a, 'n')).values());
      },
      'rdd.coalesce': (a) => this.rdd(this.get<RDD<unknown>>(a, 'rdd').coalesce(num(a, 'n'), Boolean(a['shuffle']))),
      'rdd.collect': (a) => this.get<RDD<unknown>>(a, 'rdd').collect().map(toWire),
      'rdd.take': (a) => this.get<RDD<unknown>>(a, 'rdd').take(num(a, 'n')).map(toWire),
      'rdd.persist': (a) => void this.get<RDD<unknown>>(a, 'rdd').persist(a['level'] as StorageLevel),
      'rdd.unpersist': (a) => void this.get<RDD<unknown>>(a, 'rdd').unpersist(),
      'rdd.checkpoint': (a) => void this.get<RDD<unknown>>(a, 'rdd').checkpoint(),
      'rdd.isCheckpointed': (a) => this.get<RDD<unknown>>(a, 'rdd').isCheckpointed(),
      'rdd.toString': (a) => String(this.get<RDD<unknown>>(a, 'rdd')),
      'ssc.new': (a) => {
        const ssc = new StreamingContext(this.get<SparkContext>(a, 'sc'), num(a, 'batch'));
        return { h: this.ref(ssc), batchMs: ssc.batchDuration.milliseconds };
      },
      'gateway.size': () => this.size,
      'ssc.start': (a) => void this.get<StreamingContext>(a, 'ssc').start(),
      'ssc.stop': (a) => void this.get<StreamingContext>(a, 'ssc').stop(a['stopSc'] as boolean, Boolean(a['graceful'])),
      'ssc.state': (a) => this.get<StreamingContext>(a, 'ssc').getState(),
      'ssc.getActive': () => {
        const active = StreamingContext.getActive();
        return active === undefined ? null : this.ref(active);
      },
      'ssc.checkpoint': (a) => void this.get<StreamingContext>(a, 'ssc').checkpoint(a['dir'] as string | null),
      'ssc.remember': (a) => void this.get<StreamingContext>(a, 'ssc').remember(num(a, 'seconds')),
      'ssc.queueStream': (a) => {
        const ssc = this.get<StreamingContext>(a, 'ssc');
        const rdds = (a['rdds'] as number[]).map((h) => this.objects.get(h) as RDD<unknown>);
        return this.stream(ssc.queueStream(rdds, Boolean(a['oneAtATime']), this.rddOrNone(a['default'])));
      },
      'ssc.socketTextStream': (a) => this.stream(this.get<StreamingContext>(a, 'ssc').socketTextStream(a['host'] as string, num(a, 'port'))),
      'ssc.textFileStream': (a) => this.stream(this.get<StreamingContext>(a, 'ssc').textFileStream(a['dir'] as string)),
      'ssc.binaryRecordsStream': (a) =>
        this.stream(this.get<StreamingContext>(a, 'ssc').binaryRecordsStream(a['dir'] as string, num(a, 'recordLength'))),
      'ssc.union': (a) =>
        this.stream(this.get<StreamingContext>(a, 'ssc').union((a['dstreams'] as number[]).map((h) => this.objects.get(h) as DStream<unknown>))),
      'ds.transform': (a) => {
        const f = num(a, 'f');
        const parents = (a['parents'] as number[]).map((h) => this.objects.get(h) as DStream<unknown>);
        return this.stream(TransformedDStream.python(parents, (rdds, time) => this.transformCall(f, rdds, time.milliseconds), a['name'] as string));
      },
      'ssc.transform': (a) => {
        const f = num(a, 'f');
        const parents = (a['dstreams'] as number[]).map((h) => this.objects.get(h) as DStream<unknown>);
        return this.stream(TransformedDStream.many(parents, (time: Time, rdds: RDD<unknown>[]) => this.transformCall(f, rdds, time.milliseconds)));
      },
      'ds.foreachRDD': (a) => {
        const f = num(a, 'f');
        this.get<DStream<unknown>>(a, 'ds').foreachRDD((time: Time, rdd: RDD<unknown>) => void this.transformCall(f, [rdd], time.milliseconds));
      },
      'ssc.addStreamingListener': (a) => {
        const f = num(a, 'f');
        const call = (method: string, info: Record<string, unknown>): void => {
          if (!this.ended) this.callback({ k: 'listen', f, m: method, info });
        };
        this.get<StreamingContext>(a, 'ssc').addStreamingListener(new JavaStreamingListenerWrapper(call, a['methods'] as string[]));
      },
      'ds.pprint': (a) => void this.get<DStream<unknown>>(a, 'ds').pprint(num(a, 'num')),
      'ds.saveAsTextFiles': (a) =>
        void this.get<DStream<unknown>>(a, 'ds').saveAsTextFiles(a['prefix'] as string, (a['suffix'] as string | null) ?? undefined),
      'ds.window': (a) => {
        const s = a['s'] as number | null;
        return this.stream(this.get<DStream<unknown>>(a, 'ds').window(num(a, 'w'), s === null ? undefined : s));
      },
      'ds.union': (a) => this.stream(this.get<DStream<unknown>>(a, 'a').union(this.get<DStream<unknown>>(a, 'b'))),
      'ds.persist': (a) => void this.get<DStream<unknown>>(a, 'ds').persist(a['level'] as StorageLevel),
      'ds.checkpoint': (a) => void this.get<DStream<unknown>>(a, 'ds').checkpoint(num(a, 'seconds')),
      'ds.reducedWindowed': (a) => {
        const reduced = this.get<DStream<Pair<unknown, unknown>>>(a, 'ds');
        const f = num(a, 'f');
        const inv = num(a, 'inv');
        const reduceFunc = (x: RDD<Pair<unknown, unknown>> | undefined, y: RDD<Pair<unknown, unknown>>): RDD<Pair<unknown, unknown>> =>
          this.transformCall(f, [x, y], this.jvm.clock.now()) as RDD<Pair<unknown, unknown>>;
        const invFunc = (x: RDD<Pair<unknown, unknown>>, y: RDD<Pair<unknown, unknown>>): RDD<Pair<unknown, unknown>> =>
          this.transformCall(inv, [x, y], this.jvm.clock.now()) as RDD<Pair<unknown, unknown>>;
        return this.stream(new PythonReducedWindowedDStream(reduced, reduceFunc, invFunc, dur(num(a, 'wMs')), dur(num(a, 'sMs'))));
      },
      'ds.updateStateByKey': (a) => {
        const parent = this.get<DStream<Pair<unknown, unknown>>>(a, 'ds');
        const f = num(a, 'f');
        const initial = this.rddOrNone(a['initial']) as RDD<Pair<unknown, unknown>> | undefined;
        const noUpdate = (): never => {
          throw new SimulationError('internal: the Python state stream has no TypeScript update function');
        };
        const reduceFunc = (s: RDD<Pair<unknown, unknown>> | undefined, b: RDD<Pair<unknown, unknown>>, time: Time): RDD<Pair<unknown, unknown>> =>
          this.transformCall(f, [s, b], time.milliseconds) as RDD<Pair<unknown, unknown>>;
        return this.stream(new PythonStateDStream(parent, noUpdate, num(a, 'n'), initial, reduceFunc));
      },
    };
  }

  /**
   * The RDD methods PySpark runs on the JVM itself (`cartesian`, `zip`), one partition's job
   * (`SparkContext.runJob` on some partitions, `toLocalIterator`, `lookup`), names and local
   * checkpoints. A pair the engine makes goes to Python as a list of its two records' wire forms
   * (PySpark's `CartesianDeserializer` / `PairDeserializer`: Python builds the tuple).
   */
  private rddCommands(): Record<string, Handler> {
    const wirePair = ([x, y]: Pair<unknown, unknown>): unknown => [toWire(x), toWire(y)];
    const rdd = (a: Record<string, unknown>, key = 'rdd'): RDD<unknown> => this.get<RDD<unknown>>(a, key);
    return {
      'rdd.cartesian': (a) => this.rdd(rdd(a).cartesian(rdd(a, 'other')).map(wirePair)),
      'rdd.zip': (a) => this.rdd(rdd(a).zip(rdd(a, 'other')).map(wirePair)),
      'rdd.collectPartitions': (a) => {
        const r = rdd(a);
        r.context.assertNotStopped();
        return (a['parts'] as number[]).map((p) => r.partition(p).map(toWire));
      },
      'rdd.setName': (a) => void rdd(a).setName(a['name'] as string),
      'rdd.name': (a) => rdd(a).name(),
      'rdd.localCheckpoint': (a) => void rdd(a).localCheckpoint(),
      'rdd.isLocallyCheckpointed': (a) => rdd(a).isLocallyCheckpointed(),
      'rdd.saveAsTextFile': (a) => void rdd(a).saveAsTextFile(a['path'] as string),
    };
  }

  private waitingCommands(): Record<string, (a: Record<string, unknown>) => Promise<unknown>> {
    return {
      'ssc.awaitTermination': async (a) => {
        const t = a['timeout'] as number | null;
        await this.get<StreamingContext>(a, 'ssc').awaitTermination(t === null ? undefined : t);
        return null;
      },
      'ssc.awaitTerminationOrTimeout': async (a) => this.get<StreamingContext>(a, 'ssc').awaitTerminationOrTimeout(a['timeout'] as number),
      // time.sleep in the driver: virtual time passes, batches fall due and run.
      sleep: async (a) => {
        const deadline = this.jvm.clock.now() + Math.max(0, Math.trunc((a['seconds'] as number) * 1000));
        // Under the stepper, time moves from outside; when it lets go (quit), the sleep goes on as usual.
        const manual = this.jvm.manual;
        await runUntil(this.jvm, deadline, () => manual !== undefined && this.jvm.manual !== manual, () => '');
        if (this.jvm.clock.now() < deadline) await runUntil(this.jvm, deadline, () => false, () => '');
        return null;
      },
    };
  }
}

/** A partition for Python (PySpark's `PythonRDD.compute`); `plain` when no record needs decoding (strings, numbers). */
function pipeMessage(f: number, split: number, records: Iterable<unknown>): Record<string, unknown> {
  let plain = true;
  const recs = Array.from(records, (r) => {
    const w = toWire(r);
    if (w !== null && typeof w === 'object') plain = false;
    return w;
  });
  return plain ? { k: 'pipe', f, split, recs, plain: true } : { k: 'pipe', f, split, recs };
}
