import type { SparkConf } from '../conf/SparkConf';
import type { Flavor } from '../conf/Flavor';
import type { SparkContext } from '../core/SparkContext';
import {
  defaultFileFilter,
  FileInputDStream,
  fixedLengthRecords,
  MappedDStream,
  QueueInputDStream,
  PluggableInputDStream,
  textLines,
  SocketInputDStream,
  TransformedDStream,
  UnionDStream,
  type DStream,
  type ForEachDStream,
  type InputDStream,
  type QueueItem,
} from '../dstream/internal';
import { currentJvm, type Jvm } from '../env/Jvm';
import { runUntil } from '../env/runUntil';
import { CheckpointReadError, EndOfFileError, IllegalArgumentError, requireThat, SimulationError, SparkError, ValueError, type DStreamSimError } from '../errors';
import type { InspectionDefaults } from '../events/InspectionDefaults';
import type { CostModel } from '../env/CostModel';
import { timeStringAsMs } from '../util/timeString';
import type { LifecycleRule } from '../events/LifecycleRules';
import type { SimEvent, SimEventInput, StreamInputInfo } from '../events/SimEvent';
import type { SimNetwork } from '../net/SimNetwork';
import type { RDD } from '../rdd/RDD';
import type { ReceivedBlock } from '../receiver/BlockGenerator';
import { bytesToLines, type StreamConverter } from '../receiver/SocketReceiver';
import { JobScheduler } from '../scheduler/JobScheduler';
import type { StreamingListener } from '../scheduler/StreamingListener';
import { StreamingListenerBus } from '../scheduler/StreamingListenerBus';
import { rateControllers } from './rateControllers';
import type { Receiver as UserReceiver } from '../receiver/UserReceiver';
import { passTimeUntil } from '../env/runUntil';
import { toDuration, type Seconds } from '../time/convert';
import type { Duration } from '../time/Duration';
import type { Time } from '../time/Time';
import type { Clock } from '../util/Clock';
import { ContextLifecycle } from './ContextLifecycle';
import { ContextWaiter } from './ContextWaiter';
import { describeGraph } from './describeGraph';
import { DStreamGraph } from './DStreamGraph';
import { Inspection } from './Inspection';
import { ContextCheckpoint } from './ContextCheckpoint';
import { readCheckpoint, type CheckpointReadResult } from './CheckpointReader';
import { resolveCheckpointDir } from './ContextCheckpoint';
import type { RecoveredCheckpoint, RestartPlan } from '../scheduler/SchedulerRuntime';
import type { StreamingContextState } from './StreamingContextState';
import type { DirectoryCalls } from '../util/directoryCalls';

declare module '../util/facades' {
  interface Facades {
    /** `dstream.context()` is a StreamingContext (see util/facades.ts). */
    streamingContext: StreamingContext;
  }
}

/** Options of `new StreamingContext(sc, batchDuration, options)`. */
export interface StreamingContextOptions {
  /** Overrides the SparkContext's flavor for this context (`pyspark` or `scala`). */
  flavor?: Flavor;
}

/** What the event log records for one context (see docs/inspection.md): the JVM's defaults, and streams by name. */
export interface InspectionOptions extends Omit<InspectionDefaults, 'streams'> {
  /** Record every generated RDD of these streams, or of all streams (`'all'`). Default none. */
  streams?: 'all' | 'none' | readonly DStream<unknown>[];
}

/**
 * The main entry point of Spark Streaming. Spark: `StreamingContext`
 * (PySpark: `pyspark.streaming.StreamingContext`). Durations are in **seconds**.
 *
 * Lifecycle (Spark's rules, with Spark's messages): a context is INITIALIZED when made, ACTIVE
 * after `start()`, STOPPED after `stop()`; it starts at most once and can never be restarted;
 * nothing can be added to it after `start()`; only one context per (simulated) JVM may be active.
 *
 * The public methods are Spark's; the members marked internal are the narrow ports the engine's
 * layers use (`StreamingRuntime` for DStreams and receivers, `SchedulerRuntime` for the scheduler;
 * checked where the context hands itself to them, and kept out of the published types).
 */
export class StreamingContext {
  /** Spark: `ssc.sparkContext`. */
  readonly sparkContext: SparkContext;
  /** A per-JVM id, in creation order (names the context in the event log). */
  readonly id: number;
  /** Which Spark this context behaves like where PySpark and Scala differ. */
  readonly flavor: Flavor;
  /** The directory set by `checkpoint(dir)`, if any. */
  checkpointDir: string | undefined;
  /** @internal */ readonly graph: DStreamGraph;
  /** @internal */ readonly inspector: Inspection;
  private readonly jvm: Jvm;
  private readonly waiter = new ContextWaiter();
  private readonly scheduler: JobScheduler;
  private readonly lifecycle: ContextLifecycle;
  private readonly listenerBus: StreamingListenerBus;
  private inspectedStreams: InspectionOptions['streams'];
  private readonly checkpointing: ContextCheckpoint;

  /**
   * @param sparkContext the SparkContext to run on (it must not be stopped).
   * @param batchDuration the batch interval, in seconds (PySpark truncates to whole ms).
   */
  constructor(sparkContext: SparkContext, batchDuration: Seconds, options: StreamingContextOptions = {}) {
    if (sparkContext === undefined || sparkContext === null) {
      throw new IllegalArgumentError(
        'requirement failed: Spark Streaming cannot be initialized with both SparkContext and checkpoint as null',
      );
    }
    if (batchDuration === undefined || batchDuration === null) {
      throw new IllegalArgumentError('requirement failed: Batch duration for StreamingContext cannot be null');
    }
    sparkContext.assertNotStopped();
    this.sparkContext = sparkContext;
    this.jvm = sparkContext.jvm;
    this.flavor = options.flavor ?? sparkContext.flavor;
    this.id = this.jvm.nextId('StreamingContext');
    const batch = toDuration(batchDuration, 'StreamingContext', 'batchDuration');
    if (batch.milliseconds <= 0) {
      throw new SimulationError(
        `StreamingContext: batchDuration must be at least 1 ms (got ${batchDuration} s); Spark does not check this, but a non-positive batch never runs`,
      );
    }
    this.graph = new DStreamGraph(batch);
    this.lifecycle = new ContextLifecycle(this.jvm.log, this.id);
    this.inspector = new Inspection(this.jvm.log, this.id, this.jvm.inspect);
    this.listenerBus = new StreamingListenerBus(this.jvm.log, this.id, (m, error) => {
      const where = this.locateUserCode(error)?.where;
      this.warn(where === undefined ? m : `${m} (at ${where})`);
    });
    this.checkpointing = new ContextCheckpoint(this.jvm, this);
    this.scheduler = new JobScheduler(this);
    this.post({ type: 'contextCreated', contextId: this.id, batchDurationMs: batch.milliseconds, flavor: this.flavor });
    const master = sparkContext.master;
    if (master === 'local' || master === 'local[1]') {
      this.warn(
        'spark.master should be set as local[n], n > 1 in local mode if you have receivers to get data, otherwise Spark jobs will not get resources to process the received data.',
      );
    }
    const dir = sparkContext.conf.get('spark.streaming.checkpoint.directory');
    if (dir !== undefined) this.checkpoint(dir);
  }

  /** The batch interval. */
  get batchDuration(): Duration {
    return this.graph.batchDuration;
  }

  // ---------------------------------------------------------------------------------------------
  // Inputs
  // ---------------------------------------------------------------------------------------------

  /**
   * Spark: `queueStream(queue, oneAtATime = true, defaultRDD)`. Items may be RDDs or arrays
   * (parallelized when taken). Scala flavor: `rdds` is the live queue: items pushed onto it later
   * are seen by later batches. PySpark flavor: the list is copied when the stream is made (later
   * changes are not seen), an empty list with a default queues one empty RDD, and an empty list
   * without one raises `IndexError`, as PySpark does.
   */
  queueStream<T>(rdds: QueueItem<T>[], oneAtATime = true, defaultRDD?: RDD<T> | readonly T[] | null): QueueInputDStream<T> {
    return QueueInputDStream.create(this, rdds, oneAtATime, defaultRDD);
  }

  /**
   * Spark: `socketTextStream(hostname, port)`: lines received over TCP, one record per line. In
   * the simulation the address is served by the run's timeline (a real server on loopback); an
   * address nothing serves is refused, and the receiver retries every 2 s of virtual time.
   */
  socketTextStream(hostname: string, port: number): SocketInputDStream<string> {
    return new SocketInputDStream<string>(this, hostname, port, bytesToLines);
  }

  /**
   * Spark: `socketStream(hostname, port, converter)`: records made by `converter` from the bytes
   * of each connection (see {@link StreamConverter}).
   */
  socketStream<T>(hostname: string, port: number, converter: StreamConverter<T>): SocketInputDStream<T> {
    return new SocketInputDStream<T>(this, hostname, port, converter);
  }
  /**
   * Spark: `receiverStream(receiver)`: the records a custom {@link Receiver} stores (Scala and
   * Java; PySpark has no custom receivers). Its `onStart` runs when the context starts.
   */
  receiverStream<T>(receiver: UserReceiver<T>): PluggableInputDStream<T> {
    return new PluggableInputDStream<T>(this, receiver);
  }


  /**
   * Spark: `textFileStream(directory)`: the lines of files that appear in the directory (new
   * files only; see FileInputDStream for the exact selection rule). Relative paths resolve
   * against the simulated JVM's working directory; the directory may be a Hadoop glob
   * (`logs/*\/`): every matching directory is watched.
   */
  textFileStream(directory: string): FileInputDStream {
    return new FileInputDStream(this, directory, defaultFileFilter, true, textLines);
  }

  /**
   * Spark: `fileStream(directory, filter, newFilesOnly)` (records are the files' lines).
   * `filter` gets each candidate's path relative to the run's directory; with
   * `newFilesOnly = false`, files already there when the stream is made are picked too if their
   * mtime is within the remember window (`> t − ceil(60 s / batch) × batch`).
   */
  fileStream(directory: string, filter: (path: string) => boolean = defaultFileFilter, newFilesOnly = true): FileInputDStream {
    return new FileInputDStream(this, directory, filter, newFilesOnly, textLines);
  }

  /**
   * Spark / PySpark: `binaryRecordsStream(directory, recordLength)`: each new file (as
   * `textFileStream` picks them; globs too) cut into records of `recordLength` bytes, as
   * `Uint8Array`s. As in Spark it is a file stream mapped by a length check: a file whose length
   * is not a multiple of `recordLength` fails the batch's job with `java.io.EOFException` (what
   * Hadoop's `readFully` in Spark's `FixedLengthBinaryRecordReader` throws), wrapped as a failed
   * task (`Job aborted due to stage failure: … java.io.EOFException`). `recordLength` must be a
   * positive integer: Spark does not check it (its reader loops forever on 0 and fails every job
   * on a negative length), so the simulator refuses it here with
   * `IllegalArgumentError("requirement failed: recordLength must be positive, but got <n>")`.
   */
  binaryRecordsStream(directory: string, recordLength: number): DStream<Uint8Array> {
    requireThat(
      Number.isInteger(recordLength) && recordLength > 0,
      `recordLength must be positive, but got ${recordLength}`,
      'RECORD_LENGTH_NOT_POSITIVE',
    );
    const files = new FileInputDStream(this, directory, defaultFileFilter, true, fixedLengthRecords(recordLength), 'binaryRecordsStream');
    return new MappedDStream(files, (bytes: Uint8Array) => {
      if (bytes.length !== recordLength) throw new EndOfFileError();
      return bytes;
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Combining streams
  // ---------------------------------------------------------------------------------------------

  /**
   * Spark: `union(dstreams)` / PySpark `union(*dstreams)`: one stream with the records of all,
   * in argument order. Accepts streams as arguments or one array.
   */
  union<T>(...dstreams: (DStream<T> | readonly DStream<T>[])[]): DStream<T> {
    const list = dstreams.flatMap((d) => (Array.isArray(d) ? (d as readonly DStream<T>[]) : [d as DStream<T>]));
    if (this.flavor === 'pyspark') {
      if (list.length === 0) throw new ValueError('should have at least one DStream to union');
      if (list.length === 1) return list[0]!;
      const slide = list[0]!.slideDuration;
      if (list.some((d) => !d.slideDuration.equals(slide))) throw new ValueError('All DStreams should have same slide duration');
    }
    return new UnionDStream<T>(list);
  }

  /**
   * Spark: `transform(dstreams, transformFunc)`: `f(rdds)` or `f(time, rdds)` makes one RDD from
   * the RDDs of every stream at the batch (every stream must have one).
   */
  transform<U>(
    dstreams: readonly DStream<unknown>[],
    transformFunc:
      | ((rdds: RDD<unknown>[]) => RDD<U> | null | undefined)
      | ((time: Time, rdds: RDD<unknown>[]) => RDD<U> | null | undefined),
  ): DStream<U> {
    return TransformedDStream.many<U>(dstreams, transformFunc);
  }

  // ---------------------------------------------------------------------------------------------
  // Settings
  // ---------------------------------------------------------------------------------------------

  /**
   * Spark: `checkpoint(directory)`: set the checkpoint directory (also the SparkContext's), which
   * stateful and inverse-window operations require, and create it. Once started, the context
   * writes a metadata checkpoint there after every batch (`checkpoint-<ms>`, docs/checkpoints.md),
   * from which `getOrCreate` recovers. The directory must be inside the run's directory.
   */
  checkpoint(directory: string | null): void {
    if (directory === null) {
      this.checkpointDir = undefined;
      this.checkpointing.clear();
      return;
    }
    this.checkpointing.setDirectory(directory);
    this.sparkContext.setCheckpointDir(directory);
    this.checkpointDir = directory;
  }

  /** Spark: `remember(duration)`: every stream keeps its RDDs at least this long (seconds). */
  remember(duration: Seconds): void {
    try {
      this.graph.remember(toDuration(duration, 'StreamingContext.remember', 'duration'));
    } catch (e) {
      throw this.refuse('StreamingContext.remember()', 'remember-once', e as DStreamSimError);
    }
  }

  /** Spark: `addStreamingListener`. */
  addStreamingListener(listener: StreamingListener): void {
    this.listenerBus.addListener(listener);
  }

  /**
   * Choose what the event log records for this context (see {@link InspectionOptions}). Call
   * before `start()`.
   */
  inspect(options: InspectionOptions): this {
    const { streams, ...rest } = options;
    Object.assign(this.inspector.options, rest);
    if (streams !== undefined) this.inspectedStreams = streams;
    return this;
  }

  // ---------------------------------------------------------------------------------------------
  // Lifecycle
  // ---------------------------------------------------------------------------------------------

  /** Spark: `getState()` (PySpark has none; offered in both flavors). */
  getState(): StreamingContextState {
    return this.lifecycle.state;
  }

  /**
   * Spark: `start()`. Starting twice only warns; starting after stop fails; starting while another
   * context is active fails and leaves this one INITIALIZED; any other failure (no output
   * operation, a missing checkpoint directory …) leaves it STOPPED for good.
   */
  start(): void {
    const active = this.jvm.activeContext;
    if (!this.lifecycle.mayStart(active, active instanceof StreamingContext ? active.lifecycle.startSite : '')) return;
    let times;
    try {
      this.validate();
      for (const controller of rateControllers(this.graph.inputStreams, this.sparkContext.conf, this.batchDuration.milliseconds)) {
        this.listenerBus.addListener(controller);
      }
      times = this.scheduler.start();
      this.lifecycle.state = 'ACTIVE';
    } catch (e) {
      this.scheduler.stop();
      throw this.lifecycle.startFailed(e as DStreamSimError);
    }
    this.lifecycle.startSite = `\norg.apache.spark.streaming.StreamingContext.start(${this.sparkContext.appName}, context ${this.id}, virtual time ${this.jvm.clock.now()} ms)`;
    this.jvm.activeContext = this;
    this.post({
      type: 'contextStarted',
      contextId: this.id,
      zeroTimeMs: times.zeroTime.milliseconds,
      startTimeMs: times.startTime.milliseconds,
      graph: describeGraph(this.graph),
    });
    this.scheduler.jobGenerator.runRescheduled();
  }

  /**
   * Spark: `stop(stopSparkContext, stopGracefully)`. Stops the SparkContext too unless
   * `stopSparkContext` is false (PySpark's default is true; Scala reads
   * `spark.streaming.stopSparkContextByDefault`). Stopping before start or twice only warns.
   * Graceful and immediate stops are the same here: processing takes no virtual time.
   */
  stop(stopSparkContext?: boolean, stopGracefully = false): void {
    if (this.listenerBus.inListenerCallback) {
      throw this.lifecycle.refuse(
        'StreamingContext.stop()',
        'stop-in-listener',
        new SparkError('Cannot stop StreamingContext within listener bus thread.'),
      );
    }
    this.stopWith(stopSparkContext, stopGracefully, 'stop');
  }

  /** @internal The run horizon was reached (or the program ended): Spark's shutdown hook stops the context. */
  stopFromHorizon(reason: 'horizon' | 'exit' = 'horizon'): void {
    this.stopWith(false, this.sparkContext.conf.getBoolean('spark.streaming.stopGracefullyOnShutdown', false), reason);
  }

  private stopWith(stopSparkContext: boolean | undefined, graceful: boolean, reason: 'stop' | 'horizon' | 'exit'): void {
    const stopSc =
      stopSparkContext ??
      (this.flavor === 'pyspark' ? true : this.sparkContext.conf.getBoolean('spark.streaming.stopSparkContextByDefault', true));
    let log: string[] = [];
    if (this.lifecycle.state === 'ACTIVE') {
      let drain = graceful;
      if (graceful && this.scheduler.currentJob !== undefined) {
        // A job cannot wait for its own batch to finish (Spark would wait out gracefulStopTimeout).
        this.warn(`stop(stopGracefully = true) was called from ${this.scheduler.currentJob}; its batch cannot finish while it waits, so the context stops without waiting`);
        drain = false;
      }
      log = this.scheduler.stop(drain);
      // Stryker disable next-line ConditionalExpression: an ACTIVE context is always the JVM's active one
      if (this.jvm.activeContext === this) this.jvm.activeContext = undefined;
      this.waiter.notifyStop();
    }
    this.lifecycle.stop(graceful, stopSc, reason, log);
    if (stopSc) this.sparkContext.stop();
  }

  /**
   * Spark: `awaitTermination()` in virtual time: run batches until the context stops, and rethrow
   * any error reported by a batch (every later call rethrows it too). With a timeout (seconds) it
   * behaves like {@link awaitTerminationOrTimeout} but returns nothing, as PySpark does. Without a
   * timeout the run must end somehow: a stop from inside the program, or the run horizon
   * (`dstream-sim run --until`); otherwise a SimulationError explains what to do.
   */
  async awaitTermination(timeout?: Seconds): Promise<void> {
    if (timeout !== undefined && timeout !== null) {
      await this.awaitTerminationOrTimeout(timeout);
      return;
    }
    await this.waitFor(undefined);
  }

  /**
   * Spark: `awaitTerminationOrTimeout(timeout)`: advance virtual time by up to `timeout` seconds,
   * running the batches that fall due; `true` if the context stopped, `false` if the time ran
   * out. Rethrows a reported error at once. A negative timeout waits like `awaitTermination()`.
   * Without the argument the pyspark flavor raises Python's `TypeError` (a missing positional
   * argument), as PySpark does.
   */
  async awaitTerminationOrTimeout(timeout: Seconds): Promise<boolean> {
    if (timeout === undefined && this.flavor === 'pyspark') {
      throw new TypeError("awaitTerminationOrTimeout() missing 1 required positional argument: 'timeout'");
    }
    const ms = toDuration(timeout, 'StreamingContext.awaitTerminationOrTimeout', 'timeout').milliseconds;
    return this.waitFor(ms < 0 ? undefined : ms);
  }

  /** @internal Advance virtual time by `ms` (a harness step), stopping early on stop or error. */
  async advance(ms: number): Promise<boolean> {
    return this.waitFor(ms);
  }

  private async waitFor(timeoutMs: number | undefined): Promise<boolean> {
    this.waiter.throwIfError();
    // Stryker disable next-line ConditionalExpression: a shortcut; runUntil below returns at once on a stopped context
    if (this.waiter.isStopped()) return true;
    const deadline = timeoutMs === undefined ? undefined : this.jvm.clock.now() + timeoutMs;
    const state = (): StreamingContextState => this.lifecycle.state;
    await runUntil(this.jvm, deadline, () => this.waiter.isStopped() || this.waiter.hasError(), () =>
      state() === 'ACTIVE'
        ? 'awaitTermination() would run forever: nothing stops this context. Call awaitTerminationOrTimeout(seconds), call ssc.stop() from the program, or give the run a horizon (dstream-sim run --until <seconds>).'
        : `awaitTermination() on a context that is ${state()} would wait forever: nothing will stop it. Call start() first, or awaitTerminationOrTimeout(seconds).`,
    );
    this.waiter.throwIfError();
    return this.waiter.isStopped();
  }

  // ---------------------------------------------------------------------------------------------
  // Active context (Spark's companion object)
  // ---------------------------------------------------------------------------------------------

  /** Spark: `StreamingContext.getActive()`: the started, not yet stopped context, if any. */
  static getActive(): StreamingContext | undefined {
    const a = currentJvm().activeContext;
    return a instanceof StreamingContext ? a : undefined;
  }

  /**
   * Spark: `getActiveOrCreate([checkpointPath,] creatingFunc)`: the active context, else a new
   * one (not started). With a checkpoint path this is `getOrCreate(path, creatingFunc)`.
   */
  static getActiveOrCreate(creatingFunc: () => StreamingContext): StreamingContext;
  static getActiveOrCreate(checkpointPath: string | null, creatingFunc: () => StreamingContext, createOnError?: boolean): StreamingContext;
  static getActiveOrCreate(a: string | null | (() => StreamingContext), b?: () => StreamingContext, createOnError = false): StreamingContext {
    const path = typeof a === 'function' ? null : a;
    const fn = typeof a === 'function' ? a : b;
    if (typeof fn !== 'function') throw new TypeError('setupFunc should be callable.');
    const active = StreamingContext.getActive();
    if (active !== undefined) return active;
    return path !== null ? StreamingContext.getOrCreate(path, fn, createOnError) : fn();
  }

  /**
   * Spark: `getOrCreate(checkpointPath, creatingFunc, hadoopConf, createOnError)`: recover from
   * the newest readable checkpoint in the path (`CheckpointReader.read`), or create with
   * `creatingFunc()` when there is none (the PySpark flavor then calls `ssc.checkpoint(path)`,
   * as PySpark does). Files that all fail to read give Spark's {@link CheckpointReadError}
   * ("Failed to read checkpoint from directory …") unless `createOnError`.
   *
   * Recovering, Spark does not call `creatingFunc`: it deserializes the graph with its functions.
   * Functions cannot be serialized here, so `creatingFunc` runs in rebuild mode — what it prints
   * is not shown, nothing it builds runs until the checkpoint is restored — and the checkpoint's
   * streams, state and pending batches are put onto the graph it built (docs/checkpoints.md).
   */
  static getOrCreate(checkpointPath: string, creatingFunc: () => StreamingContext, createOnError = false): StreamingContext {
    const jvm = currentJvm();
    const read = StreamingContext.readCheckpoint(checkpointPath, createOnError);
    if (read === undefined) {
      const ssc = creatingFunc();
      if (ssc.flavor === 'pyspark') ssc.checkpoint(checkpointPath);
      return ssc;
    }
    let ssc: StreamingContext;
    jvm.rebuilding++;
    try {
      ssc = creatingFunc();
    } finally {
      jvm.rebuilding--;
    }
    ssc.recoverFrom(read, checkpointPath);
    return ssc;
  }

  /**
   * @internal Spark: `CheckpointReader.read(checkpointPath, …, ignoreReadError)`: the newest
   * readable checkpoint, if any (only a JVM with a run directory reads checkpoint files).
   */
  static readCheckpoint(checkpointPath: string, ignoreReadError: boolean): CheckpointReadResult | undefined {
    const jvm = currentJvm();
    if (!jvm.hasRunDir) return undefined;
    try {
      return readCheckpoint(resolveCheckpointDir(jvm, checkpointPath), checkpointPath, ignoreReadError);
    } catch (e) {
      if (e instanceof CheckpointReadError) {
        // Spark logs each file it could not read before it gives up.
        const warn = (message: string): void => void jvm.log.emit({ type: 'warning', contextId: undefined, message });
        for (const f of e.files) warn(`Error reading checkpoint from file ${checkpointPath}/${f.file}: ${f.reason}`);
        warn(
          `No checkpoint file in ${checkpointPath} could be read (the files are left as they are): repair or remove them to start afresh, or pass createOnError = true to getOrCreate to create a new context instead.`,
        );
      }
      throw e;
    }
  }

  /** @internal Make this (rebuilt, not started) context the one recovered from `read`. */
  recoverFrom(read: CheckpointReadResult, checkpointPath: string): void {
    this.checkpointing.recoverFrom(read, checkpointPath);
    this.checkpointDir = read.checkpoint.checkpointDir;
    this.sparkContext.setCheckpointDir(read.checkpoint.checkpointDir);
  }

  // ---------------------------------------------------------------------------------------------
  // Event log
  // ---------------------------------------------------------------------------------------------

  /** This context's events, in order (see docs/event-log.md). */
  events(): SimEvent[] {
    return this.jvm.log.events().filter((e) => 'contextId' in e && e.contextId === this.id);
  }

  // ---------------------------------------------------------------------------------------------
  // The engine's ports (StreamingRuntime, ReceiverRuntime, SchedulerRuntime): internal
  // ---------------------------------------------------------------------------------------------

  /** @internal */ get facade(): StreamingContext {
    return this;
  }
  /** @internal */ get contextId(): number {
    return this.id;
  }
  /** @internal */ get clock(): Clock {
    return this.jvm.clock;
  }
  /** @internal */ get conf(): SparkConf {
    return this.sparkContext.conf;
  }
  /** @internal */ get network(): SimNetwork {
    return this.jvm.network;
  }
  /** @internal */ get cwd(): string {
    return this.jvm.cwd;
  }
  /** @internal */ get directoryCalls(): DirectoryCalls {
    return this.jvm.directoryCalls;
  }
  /** @internal */ get timeZone(): string {
    return this.jvm.timeZone;
  }
  /** @internal */ get startTime(): Time | undefined {
    return this.graph.startTime;
  }
  /** @internal */ isActive(): boolean {
    return this.lifecycle.state === 'ACTIVE';
  }
  /** @internal */ validateAtInit(call: string): void {
    this.lifecycle.validateAtInit(call);
  }
  /** @internal */ refuse<E>(call: string, rule: LifecycleRule, error: E): E {
    return this.lifecycle.refuse(call, rule, error);
  }
  /** @internal */ warn(message: string): void {
    this.lifecycle.warn(message);
  }
  /** @internal */ post(event: SimEventInput): void {
    this.jvm.log.emit(event);
  }
  /** @internal */ notifyError(error: unknown): void {
    this.waiter.notifyError(error);
  }
  /** @internal */ get cost(): CostModel | undefined {
    return this.jvm.cost;
  }
  /** @internal */ get concurrentJobs(): number {
    return this.sparkContext.conf.getInt('spark.streaming.concurrentJobs', 1);
  }
  /** @internal */ get gracefulStopTimeoutMs(): number {
    const conf = this.sparkContext.conf.get('spark.streaming.gracefulStopTimeout', `${10 * this.batchDuration.milliseconds}ms`);
    return timeStringAsMs(conf, 'ms');
  }
  /** @internal */ passTimeUntil(done: () => boolean, deadlineMs: number): boolean {
    return passTimeUntil(this.jvm, done, deadlineMs);
  }
  /** @internal */ locateUserCode(error: unknown): { where: string; frame: string } | undefined {
    return this.jvm.locateUserCode?.(error);
  }
  /** @internal */ nextStreamId(): number {
    return this.graph.nextStreamId();
  }
  /** @internal */ addInputStream(stream: InputDStream<unknown>): number {
    return this.graph.addInputStream(stream);
  }
  /** @internal */ addOutputStream(stream: ForEachDStream<unknown>): void {
    this.graph.addOutputStream(stream);
  }
  /** @internal */ get shouldCheckpoint(): boolean {
    return this.checkpointDir !== undefined;
  }
  /** @internal */ get checkpointDurationMs(): number {
    return this.batchDuration.milliseconds;
  }
  /** @internal */ writeCheckpoint(time: Time, pendingTimesMs: readonly number[]): void {
    this.checkpointing.write(time, pendingTimesMs, this.checkpointDurationMs);
  }
  /** @internal */ get recovered(): RecoveredCheckpoint | undefined {
    return this.checkpointing.recovered;
  }
  /** @internal */ reportRestart(p: RestartPlan): void {
    this.post({
      type: 'batchesRescheduled',
      contextId: this.id,
      checkpointTime: p.checkpointTimeMs,
      restartTime: p.restartTimeMs,
      downTimes: p.downTimesMs,
      pendingTimes: p.pendingTimesMs,
      rescheduled: p.rescheduledMs,
    });
  }
  /** @internal The driver died (a timeline crash): stop at once, nothing written, no events of a stop. */
  crash(): void {
    this.listenerBus.close();
    if (this.lifecycle.state !== 'ACTIVE') return;
    this.scheduler.stop();
    if (this.jvm.activeContext === this) this.jvm.activeContext = undefined;
    this.lifecycle.state = 'STOPPED';
  }
  /** @internal */ markForCheckpoint(rdd: RDD<unknown>): void {
    this.scheduler.markedForCheckpoint.push(rdd);
  }
  /** @internal */ addBlock(block: ReceivedBlock<unknown>): void {
    this.scheduler.receivedBlockTracker.addBlock(block);
  }
  /** @internal */ blocksOfBatch(time: Time, inputId: number): readonly ReceivedBlock<unknown>[] {
    return this.scheduler.receivedBlockTracker.getBlocksOfBatch(time.milliseconds, inputId);
  }
  /** @internal */ reportInputInfo(time: Time, info: StreamInputInfo): void {
    this.scheduler.inputInfoTracker.reportInfo(time.milliseconds, info);
  }

  /** @internal Write output-operation text to stdout and the event log (the one output channel). */
  writeOutput(text: string, records: readonly unknown[], truncated: boolean): void {
    this.jvm.stdout(text);
    const job = this.scheduler.currentJob;
    this.post({
      type: 'outputWritten',
      contextId: this.id,
      // Output is written only by pprint's job body, so a job is always running here.
      // Stryker disable next-line LogicalOperator,OptionalChaining: see above
      batchTime: job?.time.milliseconds ?? this.jvm.clock.now(),
      // Stryker disable next-line LogicalOperator,OptionalChaining,UnaryOperator: see above
      outputOpId: job?.outputOpId ?? -1,
      text,
      records,
      truncated,
    });
  }

  private validate(): void {
    this.graph.validate();
    if (this.checkpointDir !== undefined && this.graph.inputStreams.some((s) => s instanceof QueueInputDStream)) {
      this.warn("queueStream doesn't support checkpointing");
    }
    const inspected = this.inspectedStreams ?? this.inspector.options.streams;
    for (const s of this.graph.reachableStreams()) {
      if (inspected === 'all' || (typeof inspected === 'object' && inspected.includes(s))) s.inspected = true;
    }
  }
}
