import { DStreamSimError, IllegalStateError, SparkError, UnsupportedOperationError, ValueError } from '../errors';
import type { FacadeOf } from '../util/facades';
import { hashPartitioner, type Partitioner } from './Partitioner';
import type { PartitionSpec } from './RDD';
import type { RddContext } from './RddContext';
import type { StorageLevel } from './StorageLevel';
import { UnsupportedRDDMethods } from './UnsupportedRDDMethods';

/**
 * One narrow step, record by record (Spark: the function a `MapPartitionsRDD` applies to its
 * parent's iterator): given where its output goes, what to do with each input record.
 */
export type RecordStage<I, O> = (emit: (o: O) => void) => (x: I) => void;

/**
 * What every RDD is, below its public operations: the partitions and how they are computed,
 * persistence and checkpointing, the name, how an action runs (a failed task becomes Spark's
 * `SparkException`), and which partitioner a shuffle picks. Spark: the state and `final` methods
 * of `org.apache.spark.rdd.RDD`. `KeyValueMethods` and `RDD` build on it.
 */
export abstract class RDDBase<T> extends UnsupportedRDDMethods {
  /** Spark: `RDD.id`, unique within its SparkContext. */
  readonly id: number;
  /** The partitioner, for RDDs produced by a shuffle (Spark: `partitioner`). */
  readonly partitioner: Partitioner | undefined;
  /**
   * @internal Whether no key appears twice in one partition: set by a stream whose RDDs are so
   * by construction (`updateStateByKey`'s state); a cogroup reading it then indexes fewer keys.
   */
  uniqueKeys = false;
  private level: StorageLevel = 'NONE';
  private rddName: string | null = null;
  private cached: T[][] | undefined;
  /** Partitions computed for inspection, each handed to the next computation that needs it, once. */
  private observed: (T[] | undefined)[] | undefined;

  private checkpointState: 'none' | 'marked' | 'done' = 'none';
  private locallyCheckpointed = false;

  /** Spark: `RDD.context` (PySpark: `rdd.context`): the SparkContext this RDD belongs to. */
  readonly context: FacadeOf<'sparkContext', RddContext>;

  /**
   * A narrow, record-by-record step over `parent` (map, flatMap, filter, mapValues …), if this RDD
   * is one. Spark runs such steps as one pipelined iterator per task; so does {@link partition}:
   * a chain of them is run in one pass over the first ancestor whose records exist (persisted,
   * checkpointed, or not a step), with no array in between.
   */
  private parentStep: { parent: RDDBase<unknown>; stage: RecordStage<unknown, T> } | undefined;

  /** @internal Build an RDD from a partition count and a function computing one partition. */
  constructor(
    context: RddContext,
    protected readonly numParts: number,
    private computeFn: (split: number) => T[],
    partitioner?: Partitioner,
    parentStep?: { parent: RDDBase<unknown>; stage: RecordStage<unknown, T> },
  ) {
    super();
    this.context = context as FacadeOf<'sparkContext', RddContext>;
    this.id = context.newRddId();
    this.partitioner = partitioner;
    this.parentStep = parentStep;
  }

  // ---------------------------------------------------------------------------------------------
  // Partitions and persistence
  // ---------------------------------------------------------------------------------------------

  /** Spark: `getNumPartitions`. */
  getNumPartitions(): number {
    return this.numParts;
  }

  /** @internal Compute (or read the cached copy of) partition `split`. */
  partition(split: number): T[] {
    const seen = this.observed?.[split];
    if (seen !== undefined) {
      this.observed![split] = undefined;
      if (this.cached !== undefined) this.cached[split] = seen;
      return seen;
    }
    if (this.cached !== undefined) {
      let p = this.cached[split];
      if (p === undefined) {
        p = this.compute(split);
        this.cached[split] = p;
      }
      return p;
    }
    return this.compute(split);
  }

  /**
   * @internal Hand partition `split`'s records to `sink`, in order: a chain of narrow steps runs
   * record by record into it without building the partition's array (a shuffle's map side).
   */
  eachRecord(split: number, sink: (x: T) => void): void {
    if (this.pipelined(split)) {
      this.runSteps(split, sink);
      return;
    }
    const p = this.partition(split);
    for (let i = 0; i < p.length; i++) sink(p[i]!);
  }

  private compute(split: number): T[] {
    if (!this.pipelined(split)) return this.computeFn(split);
    const out: T[] = [];
    this.runSteps(split, (x) => void out.push(x));
    return out;
  }

  /**
   * @internal Whether partition `split` would be computed afresh (not read from a cache, a
   * checkpoint or an inspection), so a reader may compute it another way with the same result.
   */
  computesAfresh(split: number): boolean {
    return this.cached === undefined && this.checkpointState === 'none' && this.observed?.[split] === undefined;
  }

  /** A narrow step whose records nobody keeps: computed on the way, never stored. */
  private pipelined(split: number): boolean {
    return this.parentStep !== undefined && this.cached === undefined && this.checkpointState === 'none' && this.observed?.[split] === undefined;
  }

  /** Run this step and the pipelined steps above it over the first ancestor whose records exist. */
  private runSteps(split: number, sink: (x: T) => void): void {
    let push = sink as (x: unknown) => void;
    let r: RDDBase<unknown> = this as RDDBase<unknown>;
    while (r.pipelined(split)) {
      const { parent, stage } = r.parentStep!;
      push = stage(push);
      r = parent;
    }
    const source = r.partition(split);
    for (let i = 0; i < source.length; i++) push(source[i]);
  }

  /** @internal All partitions, computed. */
  partitions(): T[][] {
    const out: T[][] = [];
    for (let i = 0; i < this.numParts; i++) out.push(this.partition(i));
    return out;
  }

  /** Spark: `persist(level)`: keep computed partitions in memory. */
  persist(level: StorageLevel = 'MEMORY_ONLY'): this {
    if (this.level !== 'NONE' && this.level !== level) {
      throw new UnsupportedOperationError(
        'Cannot change storage level of an RDD after it was already assigned a level',
      );
    }
    this.level = level;
    this.cached ??= [];
    return this;
  }

  /**
   * @internal Every partition, computed for inspection (no job, no stage). Each is handed to the
   * next computation of that partition instead of computing it again, so user functions run as
   * often as unobserved (the first time, earlier) and the log shows what the first job used. A
   * partition that throws is not kept: its job computes it again, and fails there.
   */
  observePartitions(): T[][] {
    if (this.cached !== undefined) return this.partitions();
    const parts: T[][] = [];
    this.observed = [];
    for (let i = 0; i < this.numParts; i++) {
      const p = this.compute(i);
      parts.push(p);
      this.observed[i] = p;
    }
    return parts;
  }

  /** Spark: `cache()` = `persist(MEMORY_ONLY)`. */
  cache(): this {
    return this.persist('MEMORY_ONLY');
  }

  /** Spark: `unpersist()`. */
  unpersist(): this {
    this.level = 'NONE';
    this.cached = undefined;
    return this;
  }

  /** Spark: `getStorageLevel`. */
  getStorageLevel(): StorageLevel {
    return this.level;
  }

  /**
   * Spark: `checkpoint()`: mark this RDD to be saved; the next {@link doCheckpoint} computes every
   * partition, keeps the data and forgets the lineage (the parents), as Spark does with
   * checkpoint files. The data stays in memory; nothing is written to disk.
   */
  checkpoint(): void {
    if (this.checkpointState === 'none') this.checkpointState = 'marked';
  }

  /**
   * Spark: `localCheckpoint()`: like {@link checkpoint} (the data is kept in memory either way),
   * without needing a checkpoint directory.
   */
  localCheckpoint(): void {
    this.locallyCheckpointed = true;
    this.checkpoint();
  }

  /** Spark: `isLocallyCheckpointed`. */
  isLocallyCheckpointed(): boolean {
    return this.locallyCheckpointed;
  }

  /** Spark: `isCheckpointed`. */
  isCheckpointed(): boolean {
    return this.checkpointState === 'done';
  }

  /** @internal Spark: `doCheckpoint()`: materialize a marked RDD and cut its lineage. */
  doCheckpoint(): void {
    if (this.checkpointState !== 'marked') return;
    const data = this.partitions();
    this.computeFn = (i) => data[i]!.slice();
    this.parentStep = undefined; // its records exist now: the lineage is cut
    if (this.cached !== undefined) this.cached = data;
    this.checkpointState = 'done';
  }

  /** PySpark: `setName(name)`. */
  setName(name: string): this {
    this.rddName = name;
    return this;
  }

  /** PySpark: `name()`: the name set by `setName`, else `null` (Python `None`). */
  name(): string | null {
    return this.rddName;
  }

  /** The error of an action that needs a record, on an empty RDD, as the flavor's Spark raises it. */
  protected emptyError(pysparkMessage: string): DStreamSimError {
    return this.context.flavor === 'pyspark'
      ? new ValueError(pysparkMessage, 'EMPTY_COLLECTION')
      : new UnsupportedOperationError('empty collection', 'EMPTY_COLLECTION');
  }

  override toString(): string {
    return `RDD[${this.id}] with ${this.numParts} partitions`;
  }

  /**
   * @internal The partitioner a shuffle uses: the one asked for, else Spark's `defaultPartitioner`
   * (scala) or PySpark's `Partitioner(_defaultReducePartitions(), portable_hash)` (pyspark).
   */
  partitionerFor(spec: PartitionSpec | undefined, other?: RDDBase<unknown>): Partitioner {
    if (spec !== undefined) return typeof spec === 'number' ? hashPartitioner(this.context.flavor, spec) : spec;
    if (this.context.flavor === 'pyspark') return hashPartitioner('pyspark', this.defaultReducePartitions(other));
    // Spark's Partitioner.defaultPartitioner: reuse an existing partitioner, else defaultParallelism.
    const existing = this.partitioner ?? other?.partitioner;
    if (existing !== undefined) return existing;
    return hashPartitioner(this.context.flavor, this.context.defaultParallelism);
  }

  /**
   * @internal How many partitions a shuffle makes when none is asked for. Scala (`distinct`,
   * `sortByKey`): this RDD's. PySpark's `_defaultReducePartitions`: `spark.default.parallelism`
   * when it is set, else this RDD's partition count; a join or cogroup asks it of
   * `self.union(other)` (pyspark/join.py), which has the partitions of both unless they share a
   * partitioner.
   */
  defaultReducePartitions(other?: RDDBase<unknown>): number {
    if (this.context.flavor === 'pyspark' && this.context.defaultParallelismIsSet) return this.context.defaultParallelism;
    if (other === undefined) return this.numParts;
    const shared = this.partitioner !== undefined && this.partitioner.equals(other.partitioner);
    return shared ? this.numParts : this.numParts + other.numParts;
  }

  /**
   * Run an action. A failure inside a user function is reported as Spark reports a failed task:
   * `SparkError("Job aborted due to stage failure: …")` with the original error as `cause`.
   */
  protected runJob<R>(body: () => R): R {
    if (this.context.isStopped) {
      throw new IllegalStateError('SparkContext has been shutdown', 'SPARK_CONTEXT_SHUTDOWN');
    }
    const stage = this.context.nextStageId++;
    try {
      return body();
    } catch (e) {
      if (e instanceof DStreamSimError && !e.inTask) throw e;
      throw new SparkError(
        `Job aborted due to stage failure: Task 0 in stage ${stage}.0 failed 1 times, most recent failure: ` +
          `Lost task 0.0 in stage ${stage}.0 (TID ${stage}) (localhost executor driver): ${describe(e)}`,
        'TASK_FAILED',
        { cause: e },
      );
    }
  }
}

function describe(e: unknown): string {
  if (e instanceof DStreamSimError) return e.toString();
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return String(e);
}
