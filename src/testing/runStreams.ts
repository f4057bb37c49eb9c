import { SparkConf } from '../conf/SparkConf';
import { SparkContext, type Flavor } from '../core/SparkContext';
import type { DStream } from '../dstream/DStream';
import { withIsolatedJvm } from '../env/Jvm';
import { SimulationError } from '../errors';
import type { SimEvent } from '../events/SimEvent';
import { StreamingContext, type InspectionOptions } from '../streaming/StreamingContext';
import { Duration } from '../time/Duration';
import { TestInputStream } from './TestInputStream';
import type { CostModel } from '../env/CostModel';
import type { BatchInfo } from '../scheduler/BatchInfo';
import { batchInfos } from '../scheduler/ListenerEvents';
import { collectOutput, type CollectedBatch } from './TestOutputStream';

/** Options of the TestSuiteBase-style harness. */
export interface RunOptions {
  /** Batch interval in seconds (default 1). */
  batchDuration?: number;
  /** Partitions of each input RDD (default 2). */
  numPartitions?: number;
  /** Set a checkpoint directory before starting (default false). */
  checkpoint?: boolean;
  /** `pyspark` (default) or `scala`. */
  flavor?: Flavor;
  /** What the event log records besides inputs (see `StreamingContext.inspect`). */
  inspect?: InspectionOptions;
  /** Where `pprint` output goes (default: only into the event log). */
  stdout?: (text: string) => void;
  /** Time zone of PySpark's printed batch times (default `UTC`). */
  timeZone?: string;
  /**
   * The virtual start date, an ISO-8601 date-time with an offset (`2026-01-01T00:00:00Z`): the
   * clock starts there, so batch times (and PySpark's pprint headers) are real dates. Default: the
   * epoch (the clock starts at 0).
   */
  startDate?: string;
  /** How long jobs take in virtual time (docs/processing-time.md); default: no time. */
  cost?: CostModel;
  /**
   * Keep the run's event log for the result (`events`, `batchInfos`). Default: true for
   * `runStreams`; `runOperation` and `testOperation` return only records and keep none unless
   * asked (a long run's memory stays flat, and a batch costs what the engine costs).
   */
  keepEvents?: boolean;
  /** Permute, from this seed, where Spark promises no order (after shuffles); default: off. */
  adversarialOrder?: number;
}

/** What a harness run produced. */
export interface RunResult<V> {
  /** One entry per generated output RDD: its batch time and records. */
  batches: CollectedBatch<V>[];
  /** The run's event log. */
  events: SimEvent[];
  /** Spark's `BatchInfo` of every batch (submitted, started or completed): times and delays. */
  batchInfos: BatchInfo[];
}

/**
 * The general form of the harness (Spark's `setupStreams` + `runStreams`): one test input
 * stream per input table, the operation, a collecting output, `start()`, the virtual clock
 * advanced by `numBatches` batches, then `stop()`. Runs in its own simulated JVM, so calls never
 * interfere. An error reported by a batch is rethrown (after the context is stopped).
 */
export async function runStreams<V>(
  inputs: readonly (readonly (readonly unknown[] | null)[])[],
  operation: (streams: DStream<unknown>[]) => DStream<V>,
  numBatches: number,
  opts: RunOptions = {},
): Promise<RunResult<V>> {
  if (!Number.isInteger(numBatches) || numBatches < 0) {
    throw new SimulationError(`runOperation: numBatches must be a non-negative integer, got ${numBatches}`);
  }
  const flavor = opts.flavor ?? 'pyspark';
  const keep = opts.keepEvents ?? true;
  const log = keep ? {} : { eventLogCapacity: 0 };
  return withIsolatedJvm({ stdout: opts.stdout ?? (() => undefined), timeZone: opts.timeZone, startDate: opts.startDate, cost: opts.cost, adversarialOrder: opts.adversarialOrder, ...log }, async (jvm) => {
    // TestSuiteBase runs on local[2]; PySpark's test case sets spark.default.parallelism = 1.
    const conf = new SparkConf().setMaster('local[2]').setAppName('dstream-sim-test');
    if (flavor === 'pyspark') conf.set('spark.default.parallelism', 1);
    const sc = new SparkContext({ conf, flavor });
    const batch = Duration.fromSeconds(opts.batchDuration ?? 1);
    const ssc = new StreamingContext(sc, batch.toSeconds());
    if (opts.inspect) ssc.inspect(opts.inspect);
    if (opts.checkpoint) ssc.checkpoint('dstream-sim-checkpoint');
    let batches: CollectedBatch<V>[];
    try {
      const streams = inputs.map((input) => new TestInputStream<unknown>(ssc, input, opts.numPartitions ?? 2));
      batches = collectOutput(operation(streams));
      ssc.start();
      await ssc.runtime.waitFor(numBatches * batch.milliseconds);
    } finally {
      ssc.stop(true);
    }
    const events = [...jvm.log.events()];
    return { batches, events, batchInfos: batchInfos(events) };
  });
}

/**
 * Spark's TestSuiteBase harness: run `operation` over a test input for `numBatches` batches and
 * return one array of records per generated output RDD. `input[i]` feeds batch i+1; `null`
 * means no RDD for that batch (not an empty one). Virtual clock from 0 (or `opts.startDate`); each
 * call isolated.
 */
export async function runOperation<U, V>(
  input: readonly (readonly U[] | null)[],
  operation: (ds: DStream<U>) => DStream<V>,
  numBatches: number,
  opts: RunOptions = {},
): Promise<V[][]> {
  const r = await runStreams<V>([input], (s) => operation(s[0] as DStream<U>), numBatches, { keepEvents: false, ...opts });
  return r.batches.map((b) => b.records);
}

/** {@link runOperation} with two inputs: `operation(a, b)`. */
export async function runOperation2<U, W, V>(
  input1: readonly (readonly U[] | null)[],
  input2: readonly (readonly W[] | null)[],
  operation: (a: DStream<U>, b: DStream<W>) => DStream<V>,
  numBatches: number,
  opts: RunOptions = {},
): Promise<V[][]> {
  const r = await runStreams<V>(
    [input1, input2],
    (s) => operation(s[0] as DStream<U>, s[1] as DStream<W>),
    numBatches,
    { keepEvents: false, ...opts },
  );
  return r.batches.map((b) => b.records);
}
