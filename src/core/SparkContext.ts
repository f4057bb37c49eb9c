import type { AdversarialOrder } from '../util/AdversarialOrder';
import { SparkConf } from '../conf/SparkConf';
import { IllegalArgumentError, IllegalStateError, SimulationError, ValueError } from '../errors';
import { currentJvm, type Jvm } from '../env/Jvm';
import type { Flavor } from '../conf/Flavor';
import { RDD } from '../rdd/RDD';
import { sliceForParallelize } from './slices';
import { listInputFiles, readSplitLines, textSplits } from './textFiles';
import * as fs from 'node:fs';

export type { Flavor };

declare module '../util/facades' {
  interface Facades {
    /** `rdd.context` is a SparkContext (see util/facades.ts). */
    sparkContext: SparkContext;
  }
}

/** Options of `new SparkContext(...)`, as PySpark's keyword arguments. */
export interface SparkContextOptions {
  /** `local`, `local[n]` or `local[*]` (default `local[*]`). */
  master?: string;
  /** The application name (default `dstream-sim`). */
  appName?: string;
  conf?: SparkConf;
  /**
   * `pyspark` (default) or `scala`: which Spark's behaviour to follow where the two differ (print
   * format, window and state rules; see docs/flavor.md). Also settable as conf `dstreamsim.flavor`.
   */
  flavor?: Flavor;
}

const MASTER_RE = /^local(?:\[(\*|\d+)(?:,\s*\d+)?\])?$/;

/**
 * The entry point to the RDD layer. Spark: `SparkContext` (PySpark: `pyspark.SparkContext`).
 * Everything runs in memory, synchronously, in the simulated JVM that was current when it was made.
 * It is the `RddContext` of its RDDs (the port is checked where it hands itself to them).
 */
export class SparkContext {
  readonly conf: SparkConf;
  readonly master: string;
  readonly appName: string;
  /** @internal */
  readonly jvm: Jvm;
  private stopped = false;
  private checkpointDir: string | undefined;
  private nextRddId = 0;
  /** @internal */
  nextStageId = 0;

  constructor(options: SparkContextOptions | SparkConf = {}) {
    const opts: SparkContextOptions = options instanceof SparkConf ? { conf: options } : options;
    this.conf = (opts.conf ?? new SparkConf()).clone();
    if (opts.master !== undefined) this.conf.setMaster(opts.master);
    if (opts.appName !== undefined) this.conf.setAppName(opts.appName);
    if (opts.flavor !== undefined) this.conf.set('dstreamsim.flavor', opts.flavor);
    this.master = this.conf.get('spark.master', 'local[*]');
    this.appName = this.conf.get('spark.app.name', 'dstream-sim');
    if (!MASTER_RE.test(this.master)) {
      throw new SimulationError(
        `SparkContext: master '${this.master}' is not supported by the simulator; use 'local', 'local[n]' or 'local[*]'`,
      );
    }
    const flavor = this.conf.get('dstreamsim.flavor', 'pyspark');
    if (flavor !== 'pyspark' && flavor !== 'scala') {
      throw new SimulationError(`SparkContext: flavor must be 'pyspark' or 'scala', got '${flavor}'`);
    }
    this.jvm = currentJvm();
  }

  /** `pyspark` or `scala` (see {@link SparkContextOptions.flavor}). */
  get flavor(): Flavor {
    return this.conf.get('dstreamsim.flavor', 'pyspark') as Flavor;
  }

  /**
   * Spark: `defaultParallelism`: `spark.default.parallelism` if set, else the `n` of `local[n]`
   * (1 for `local`). `local[*]` means the simulated machine's cores, `dstreamsim.cores` (default
   * 2), never the real machine's, so that results do not depend on the machine.
   */
  get defaultParallelism(): number {
    const explicit = this.conf.get('spark.default.parallelism');
    if (explicit !== undefined) return parseInt(explicit, 10);
    const m = MASTER_RE.exec(this.master);
    const n = m?.[1];
    if (n === undefined) return 1;
    if (n === '*') return this.conf.getInt('dstreamsim.cores', 2);
    return parseInt(n, 10);
  }

  /** @internal Whether `spark.default.parallelism` is set (see RddContext). */
  get defaultParallelismIsSet(): boolean {
    return this.conf.contains('spark.default.parallelism');
  }

  /** @internal The simulated JVM's working directory (see RddContext). */
  get cwd(): string {
    return this.jvm.cwd;
  }

  /** @internal Whether the run has a directory of its own (see RddContext). */
  get hasRunDir(): boolean {
    return this.jvm.hasRunDir;
  }

  /** Spark: `isStopped`. */
  /** @internal The JVM's adversarial order, if the run asked for one (RddContext). */
  get adversarialOrder(): AdversarialOrder | undefined {
    return this.jvm.adversarialOrder;
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  /**
   * Spark: `parallelize(seq, numSlices)`: split `data` into `numSlices` contiguous slices
   * (default `defaultParallelism`) as the flavor's Spark does: Scala slices the items, PySpark
   * slices its serializer batches (see core/slices.ts).
   */
  parallelize<T>(data: Iterable<T>, numSlices: number = this.defaultParallelism): RDD<T> {
    this.assertNotStopped();
    const arr = Array.from(data);
    if (!Number.isInteger(numSlices) || numSlices < 1) {
      throw new IllegalStateError(`requirement failed: Positive number of partitions required`);
    }
    return RDD.fromPartitions(this, sliceForParallelize(this.flavor, arr, numSlices));
  }

  /** Spark: `makeRDD` (same as `parallelize`). */
  makeRDD<T>(data: Iterable<T>, numSlices: number = this.defaultParallelism): RDD<T> {
    return this.parallelize(data, numSlices);
  }

  /**
   * Spark: `range(start, end, step, numSlices)` (PySpark: `range(start, end=None, step=1,
   * numSlices=None)`; one argument is the end, from 0). Partition i holds the elements
   * `floor(i·size/numSlices)` up to `floor((i+1)·size/numSlices)`, as both Sparks slice a range.
   */
  range(start: number, end?: number, step = 1, numSlices: number = this.defaultParallelism): RDD<number> {
    this.assertNotStopped();
    const [from, to] = end === undefined ? [0, start] : [start, end];
    if (step === 0) {
      if (this.flavor === 'pyspark') throw new ValueError('range() arg 3 must not be zero');
      throw new IllegalArgumentError('requirement failed: step cannot be 0');
    }
    const size = Math.max(0, Math.ceil((to - from) / step));
    const bound = (i: number): number => Math.floor((i * size) / numSlices);
    return new RDD<number>(this, numSlices, (i) => {
      const out: number[] = [];
      for (let k = bound(i); k < bound(i + 1); k++) out.push(from + k * step);
      return out;
    });
  }

  /**
   * Spark: `textFile(path, minPartitions)`: the lines of a file, or of every file of a directory
   * (by name; `_` and `.` files hidden), relative to the simulated JVM's working directory. The
   * partitions are Hadoop's splits (`minPartitions` default `min(defaultParallelism, 2)`); a line
   * belongs to the split it starts in. Splits are computed here, the lines read by each action.
   */
  textFile(path: string, minPartitions: number = Math.min(this.defaultParallelism, 2)): RDD<string> {
    this.assertNotStopped();
    const splits = textSplits(listInputFiles(this.jvm.cwd, path), minPartitions);
    return new RDD<string>(this, splits.length, (i) => readSplitLines(splits[i]!));
  }

  /**
   * Spark: `wholeTextFiles(path, minPartitions)`: `[file:<absolute path>, content]` for each file.
   * Files are packed in name order into partitions of at least `ceil(total / minPartitions)`
   * bytes (Spark's CombineFileInputFormat on one host, approximately).
   */
  wholeTextFiles(path: string, minPartitions: number = Math.min(this.defaultParallelism, 2)): RDD<[string, string]> {
    this.assertNotStopped();
    const files = listInputFiles(this.jvm.cwd, path);
    const sizes = files.map((f) => fs.statSync(f).size);
    const max = Math.ceil(sizes.reduce((a, b) => a + b, 0) / Math.max(1, minPartitions));
    const groups: string[][] = [];
    let cur: string[] = [];
    let curSize = 0;
    files.forEach((f, i) => {
      cur.push(f);
      curSize += sizes[i]!;
      if (curSize >= max) {
        groups.push(cur);
        cur = [];
        curSize = 0;
      }
    });
    if (cur.length > 0) groups.push(cur);
    return new RDD<[string, string]>(this, groups.length, (i) =>
      groups[i]!.map((f): [string, string] => [`file:${f}`, fs.readFileSync(f, 'utf8')]),
    );
  }

  /** Spark: `emptyRDD`: an RDD with no partitions. */
  emptyRDD<T>(): RDD<T> {
    this.assertNotStopped();
    return RDD.fromPartitions<T>(this, []);
  }

  /**
   * Spark: `union(rdds)`. When every RDD has the same partitioner the result keeps it and its
   * partition i holds partition i of each input (PartitionerAwareUnionRDD); otherwise the
   * partitions are concatenated in order (UnionRDD).
   */
  union<T>(rdds: readonly RDD<T>[]): RDD<T> {
    this.assertNotStopped();
    return RDD.unionAll(this, rdds);
  }

  /** Spark: `setCheckpointDir`. The directory is recorded; it satisfies the checkpoint rules. */
  setCheckpointDir(directory: string): void {
    this.assertNotStopped();
    this.checkpointDir = directory;
  }

  /** Spark: `getCheckpointDir`. */
  getCheckpointDir(): string | undefined {
    return this.checkpointDir;
  }

  /** Spark: `stop()`. Every later call on this context fails. Stopping twice is harmless. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.jvm.log.emit({ type: 'sparkContextStopped', appName: this.appName });
  }

  /**
   * Spark's `assertNotStopped`: `Cannot call methods on a stopped SparkContext.` followed by
   * where it was created (here: the app name and master, which are deterministic).
   */
  assertNotStopped(): void {
    if (this.stopped) {
      throw new IllegalStateError(
        'Cannot call methods on a stopped SparkContext.\n' +
          'This stopped SparkContext was created at:\n\n' +
          `SparkContext(master=${this.master}, appName=${this.appName})\n\n` +
          'The currently active SparkContext was created at:\n\n(No active SparkContext.)\n',
        'SPARK_CONTEXT_STOPPED',
      );
    }
  }

  /** @internal A new RDD id (Spark: `newRddId`). */
  newRddId(): number {
    return this.nextRddId++;
  }

  toString(): string {
    return `<SparkContext master=${this.master} appName=${this.appName}>`;
  }
}
