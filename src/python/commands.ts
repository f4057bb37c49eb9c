import { SparkConf } from '../conf/SparkConf';
import { SparkContext } from '../core/SparkContext';
import { PythonReducedWindowedDStream, PythonStateDStream, TransformedDStream, type DStream } from '../dstream/internal';
import { runUntil } from '../env/runUntil';
import { SimulationError } from '../errors';
import type { Pair } from '../rdd/RDD';
import { RDD } from '../rdd/RDD';
import type { StorageLevel } from '../rdd/StorageLevel';
import { StreamingContext } from '../streaming/StreamingContext';
import { Duration } from '../time/Duration';
import type { Time } from '../time/Time';
import type { Gateway } from './Gateway';
import { JavaStreamingListenerWrapper } from './JavaStreamingListenerWrapper';
import { fromWire, toWire, type WirePyObject } from './PyObject';

/** One primitive Python calls on the engine (PySpark: a Py4J call on a JVM object). */
export type Handler = (a: Record<string, unknown>) => unknown;

/** What the commands use of the gateway: its handle table and its callbacks into Python. */
export type GatewayTools = Pick<
  Gateway,
  'jvm' | 'ended' | 'size' | 'object' | 'get' | 'ref' | 'stream' | 'rdd' | 'rddOrNone' | 'transformCall' | 'pipe' | 'pipeKeyed' | 'own' | 'callback' | 'hold' | 'heldId'
>;

/**
 * The primitives Python calls (PySpark: what `context.py`, `rdd.py` and `dstream.py` call on
 * the JVM through Py4J): SparkContext, RDD, StreamingContext and DStream operations by handle.
 */
export function engineCommands(g: GatewayTools): Record<string, Handler> {
  const num = (a: Record<string, unknown>, k: string): number => a[k] as number;
  const dur = (ms: number): Duration => new Duration(ms);
  return {
    'sc.new': (a) => {
      const conf = new SparkConf();
      for (const [k, v] of a['conf'] as [string, string][]) conf.set(k, v);
      const sc = new SparkContext({ conf });
      return { h: g.ref(sc), defaultParallelism: sc.defaultParallelism, appName: sc.appName, master: sc.master };
    },
    'sc.parallelizePartitions': (a) => {
      const sc = g.get<SparkContext>(a, 'sc');
      sc.assertNotStopped();
      const rdd = RDD.fromPartitions(sc, (a['parts'] as WirePyObject[][]).map((p) => p.map(fromWire)));
      const reply = g.rdd(rdd) as Record<string, unknown>;
      return a['hold'] === true ? { ...reply, c: g.hold(rdd) } : reply;
    },
    'sc.union': (a) => g.rdd(g.get<SparkContext>(a, 'sc').union((a['rdds'] as number[]).map((h) => g.object(h) as RDD<unknown>))),
    'sc.emptyRDD': (a) => g.rdd(g.get<SparkContext>(a, 'sc').emptyRDD()),
    // PySpark's textFile / wholeTextFiles: the JVM reads the files (relative to its working
    // directory), lines and contents come back as Java strings, i.e. Python str.
    'sc.textFile': (a) => g.rdd(g.get<SparkContext>(a, 'sc').textFile(a['path'] as string, num(a, 'minPartitions'))),
    'sc.wholeTextFiles': (a) => g.rdd(g.get<SparkContext>(a, 'sc').wholeTextFiles(a['path'] as string, num(a, 'minPartitions'))),
    'sc.stop': (a) => void g.get<SparkContext>(a, 'sc').stop(),
    'sc.setCheckpointDir': (a) => void g.get<SparkContext>(a, 'sc').setCheckpointDir(a['dir'] as string),
    'rdd.pipe': (a) => {
      const f = num(a, 'f');
      const parent = g.get<RDD<unknown>>(a, 'rdd');
      const src = g.heldId(parent);
      const piped = parent.mapPartitionsWithIndex((i, it) => g.pipe(f, i, it, src), Boolean(a['pp']));
      g.own(piped, f);
      return g.rdd(piped);
    },
    'rdd.shuffle': (a) => {
      // PySpark's partitionBy: Python buckets each map partition by portable_hash (add_shuffle_key),
      // the JVM moves the buckets by their partition number (PairwiseRDD + PythonPartitioner).
      const f = num(a, 'f');
      const parent = g.get<RDD<unknown>>(a, 'rdd');
      const src = g.heldId(parent);
      const keyed = parent.mapPartitionsWithIndex((i, it) => g.pipeKeyed(f, i, it, src), true);
      g.own(keyed, f);
      return g.rdd(keyed.partitionBy(num(a, 'n')).values());
    },
    'rdd.coalesce': (a) => g.rdd(g.get<RDD<unknown>>(a, 'rdd').coalesce(num(a, 'n'), Boolean(a['shuffle']))),
    'rdd.collect': (a) => g.get<RDD<unknown>>(a, 'rdd').collect().map(toWire),
    'rdd.take': (a) => g.get<RDD<unknown>>(a, 'rdd').take(num(a, 'n')).map(toWire),
    'rdd.persist': (a) => void g.get<RDD<unknown>>(a, 'rdd').persist(a['level'] as StorageLevel),
    'rdd.unpersist': (a) => void g.get<RDD<unknown>>(a, 'rdd').unpersist(),
    'rdd.checkpoint': (a) => void g.get<RDD<unknown>>(a, 'rdd').checkpoint(),
    'rdd.isCheckpointed': (a) => g.get<RDD<unknown>>(a, 'rdd').isCheckpointed(),
    'rdd.toString': (a) => String(g.get<RDD<unknown>>(a, 'rdd')),
    'ssc.new': (a) => {
      const ssc = new StreamingContext(g.get<SparkContext>(a, 'sc'), num(a, 'batch'));
      return { h: g.ref(ssc), batchMs: ssc.batchDuration.milliseconds };
    },
    'gateway.size': () => g.size,
    'ssc.start': (a) => void g.get<StreamingContext>(a, 'ssc').start(),
    'ssc.stop': (a) => void g.get<StreamingContext>(a, 'ssc').stop(a['stopSc'] as boolean, Boolean(a['graceful'])),
    'ssc.state': (a) => g.get<StreamingContext>(a, 'ssc').getState(),
    'ssc.getActive': () => {
      const active = StreamingContext.getActive();
      return active === undefined ? null : g.ref(active);
    },
    'ssc.checkpoint': (a) => void g.get<StreamingContext>(a, 'ssc').checkpoint(a['dir'] as string | null),
    // PySpark's getOrCreate: `isCheckpointPresent` of the checkpoint read (ignoreReadError = false).
    'ssc.checkpointPresent': (a) => StreamingContext.readCheckpoint(a['dir'] as string, false) !== undefined,
    // The setup code runs again to rebuild the functions; what it prints meanwhile is not shown.
    'ssc.rebuild': (a) => void (g.jvm.rebuilding += a['begin'] === true ? 1 : -1),
    'ssc.recover': (a) => {
      const dir = a['dir'] as string;
      const read = StreamingContext.readCheckpoint(dir, false);
      if (read !== undefined) g.get<StreamingContext>(a, 'ssc').runtime.recoverFrom(read, dir);
    },
    'ssc.remember': (a) => void g.get<StreamingContext>(a, 'ssc').remember(num(a, 'seconds')),
    'ssc.queueStream': (a) => {
      const ssc = g.get<StreamingContext>(a, 'ssc');
      const rdds = (a['rdds'] as number[]).map((h) => g.object(h) as RDD<unknown>);
      return g.stream(ssc.queueStream(rdds, Boolean(a['oneAtATime']), g.rddOrNone(a['default'])));
    },
    'ssc.socketTextStream': (a) => g.stream(g.get<StreamingContext>(a, 'ssc').socketTextStream(a['host'] as string, num(a, 'port'))),
    'ssc.textFileStream': (a) => g.stream(g.get<StreamingContext>(a, 'ssc').textFileStream(a['dir'] as string)),
    'ssc.binaryRecordsStream': (a) =>
      g.stream(g.get<StreamingContext>(a, 'ssc').binaryRecordsStream(a['dir'] as string, num(a, 'recordLength'))),
    'ssc.union': (a) =>
      g.stream(g.get<StreamingContext>(a, 'ssc').union((a['dstreams'] as number[]).map((h) => g.object(h) as DStream<unknown>))),
    'ds.transform': (a) => {
      const f = num(a, 'f');
      const parents = (a['parents'] as number[]).map((h) => g.object(h) as DStream<unknown>);
      return g.stream(TransformedDStream.python(parents, (rdds, time) => g.transformCall(f, rdds, time.milliseconds), a['name'] as string));
    },
    'ssc.transform': (a) => {
      const f = num(a, 'f');
      const parents = (a['dstreams'] as number[]).map((h) => g.object(h) as DStream<unknown>);
      return g.stream(TransformedDStream.many(parents, (time: Time, rdds: RDD<unknown>[]) => g.transformCall(f, rdds, time.milliseconds)));
    },
    'ds.foreachRDD': (a) => {
      const f = num(a, 'f');
      g.get<DStream<unknown>>(a, 'ds').foreachRDD((time: Time, rdd: RDD<unknown>) => void g.transformCall(f, [rdd], time.milliseconds));
    },
    'ssc.addStreamingListener': (a) => {
      const f = num(a, 'f');
      const call = (method: string, info: Record<string, unknown>): void => {
        if (!g.ended) g.callback({ k: 'listen', f, m: method, info });
      };
      g.get<StreamingContext>(a, 'ssc').addStreamingListener(new JavaStreamingListenerWrapper(call, a['methods'] as string[]));
    },
    'ds.pprint': (a) => void g.get<DStream<unknown>>(a, 'ds').pprint(num(a, 'num')),
    'ds.saveAsTextFiles': (a) =>
      void g.get<DStream<unknown>>(a, 'ds').saveAsTextFiles(a['prefix'] as string, (a['suffix'] as string | null) ?? undefined),
    'ds.window': (a) => {
      const s = a['s'] as number | null;
      return g.stream(g.get<DStream<unknown>>(a, 'ds').window(num(a, 'w'), s === null ? undefined : s));
    },
    'ds.union': (a) => g.stream(g.get<DStream<unknown>>(a, 'a').union(g.get<DStream<unknown>>(a, 'b'))),
    'ds.persist': (a) => void g.get<DStream<unknown>>(a, 'ds').persist(a['level'] as StorageLevel),
    'ds.checkpoint': (a) => void g.get<DStream<unknown>>(a, 'ds').checkpoint(num(a, 'seconds')),
    'ds.reducedWindowed': (a) => {
      const reduced = g.get<DStream<Pair<unknown, unknown>>>(a, 'ds');
      const f = num(a, 'f');
      const inv = num(a, 'inv');
      const reduceFunc = (x: RDD<Pair<unknown, unknown>> | undefined, y: RDD<Pair<unknown, unknown>>): RDD<Pair<unknown, unknown>> =>
        g.transformCall(f, [x, y], g.jvm.clock.now()) as RDD<Pair<unknown, unknown>>;
      const invFunc = (x: RDD<Pair<unknown, unknown>>, y: RDD<Pair<unknown, unknown>>): RDD<Pair<unknown, unknown>> =>
        g.transformCall(inv, [x, y], g.jvm.clock.now()) as RDD<Pair<unknown, unknown>>;
      return g.stream(new PythonReducedWindowedDStream(reduced, reduceFunc, invFunc, dur(num(a, 'wMs')), dur(num(a, 'sMs'))));
    },
    'ds.updateStateByKey': (a) => {
      const parent = g.get<DStream<Pair<unknown, unknown>>>(a, 'ds');
      const f = num(a, 'f');
      const initial = g.rddOrNone(a['initial']) as RDD<Pair<unknown, unknown>> | undefined;
      const noUpdate = (): never => {
        throw new SimulationError('internal: the Python state stream has no TypeScript update function');
      };
      const reduceFunc = (s: RDD<Pair<unknown, unknown>> | undefined, b: RDD<Pair<unknown, unknown>>, time: Time): RDD<Pair<unknown, unknown>> =>
        g.transformCall(f, [s, b], time.milliseconds) as RDD<Pair<unknown, unknown>>;
      return g.stream(new PythonStateDStream(parent, noUpdate, num(a, 'n'), initial, reduceFunc));
    },
  };
}

/**
 * The RDD methods PySpark runs on the JVM itself (`cartesian`, `zip`), one partition's job
 * (`SparkContext.runJob` on some partitions, `toLocalIterator`, `lookup`), names and local
 * checkpoints. A pair the engine makes goes to Python as a list of its two records' wire forms
 * (PySpark's `CartesianDeserializer` / `PairDeserializer`: Python builds the tuple).
 */
export function rddCommands(g: GatewayTools): Record<string, Handler> {
  const wirePair = ([x, y]: Pair<unknown, unknown>): unknown => [toWire(x), toWire(y)];
  const rdd = (a: Record<string, unknown>, key = 'rdd'): RDD<unknown> => g.get<RDD<unknown>>(a, key);
  return {
    'rdd.cartesian': (a) => g.rdd(rdd(a).cartesian(rdd(a, 'other')).map(wirePair)),
    'rdd.zip': (a) => g.rdd(rdd(a).zip(rdd(a, 'other')).map(wirePair)),
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

export function waitingCommands(g: GatewayTools): Record<string, (a: Record<string, unknown>) => Promise<unknown>> {
  return {
    'ssc.awaitTermination': async (a) => {
      const t = a['timeout'] as number | null;
      await g.get<StreamingContext>(a, 'ssc').awaitTermination(t === null ? undefined : t);
      return null;
    },
    'ssc.awaitTerminationOrTimeout': async (a) => g.get<StreamingContext>(a, 'ssc').awaitTerminationOrTimeout(a['timeout'] as number),
    // time.sleep in the driver: virtual time passes, batches fall due and run.
    sleep: async (a) => {
      const deadline = g.jvm.clock.now() + Math.max(0, Math.trunc((a['seconds'] as number) * 1000));
      // Under the stepper, time moves from outside; when it lets go (quit), the sleep goes on as usual.
      const manual = g.jvm.manual;
      await runUntil(g.jvm, deadline, () => manual !== undefined && g.jvm.manual !== manual, () => '');
      if (g.jvm.clock.now() < deadline) await runUntil(g.jvm, deadline, () => false, () => '');
      return null;
    },
  };
}
