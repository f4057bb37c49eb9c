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
  type QueueItem,
} from '../dstream/internal';
import { currentJvm } from '../env/Jvm';
import { EndOfFileError, IllegalArgumentError, requireThat, SimulationError, ValueError, type DStreamSimError } from '../errors';
import type { InspectionDefaults } from '../events/InspectionDefaults';
import type { SimEvent } from '../events/SimEvent';
import type { RDD } from '../rdd/RDD';
import { bytesToLines, type StreamConverter } from '../receiver/SocketReceiver';
import type { StreamingListener } from '../scheduler/StreamingListener';
import type { Receiver as UserReceiver } from '../receiver/UserReceiver';
import { toDuration, type Seconds } from '../time/convert';
import type { Duration } from '../time/Duration';
import type { Time } from '../time/Time';
import type { CheckpointReadResult } from './CheckpointReader';
import { readNewestCheckpoint } from './ContextCheckpoint';
import { ContextRuntime, type InspectedStreams } from './ContextRuntime';
import type { StreamingContextState } from './StreamingContextState';

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
  streams?: InspectedStreams;
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
  /** Which Spark this context behaves like where PySpark and Scala differ. */
  readonly flavor: Flavor;
  /** @internal The engine's side of this context: the ports its layers use, the lifecycle's bodies. */
  readonly runtime: ContextRuntime;

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
    this.flavor = options.flavor ?? sparkContext.flavor;
    const batch = toDuration(batchDuration, 'StreamingContext', 'batchDuration');
    if (batch.milliseconds <= 0) {
      throw new SimulationError(
        `StreamingContext: batchDuration must be at least 1 ms (got ${batchDuration} s); Spark does not check this, but a non-positive batch never runs`,
      );
    }
    this.runtime = new ContextRuntime(this, sparkContext, this.flavor, batch, sparkContext.jvm);
    this.runtime.post({ type: 'contextCreated', contextId: this.id, batchDurationMs: batch.milliseconds, flavor: this.flavor });
    const master = sparkContext.master;
    if (master === 'local' || master === 'local[1]') {
      this.runtime.warn(
        'spark.master should be set as local[n], n > 1 in local mode if you have receivers to get data, otherwise Spark jobs will not get resources to process the received data.',
      );
    }
    const dir = sparkContext.conf.get('spark.streaming.checkpoint.directory');
    if (dir !== undefined) this.checkpoint(dir);
  }

  /** A per-JVM id, in creation order (names the context in the event log). */
  get id(): number {
    return this.runtime.id;
  }

  /** The directory set by `checkpoint(dir)`, if any. */
  get checkpointDir(): string | undefined {
    return this.runtime.checkpointDir;
  }

  /** The batch interval. */
  get batchDuration(): Duration {
    return this.runtime.batchDuration;
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
    return QueueInputDStream.create(this.runtime, rdds, oneAtATime, defaultRDD);
  }

  /**
   * Spark: `socketTextStream(hostname, port)`: lines received over TCP, one record per line. In
   * the simulation the address is served by the run's timeline (a real server on loopback); an
   * address nothing serves is refused, and the receiver retries every 2 s of virtual time.
   */
  socketTextStream(hostname: string, port: number): SocketInputDStream<string> {
    return new SocketInputDStream<string>(this.runtime, hostname, port, bytesToLines);
  }

  /**
   * Spark: `socketStream(hostname, port, converter)`: records made by `converter` from the bytes
   * of each connection (see {@link StreamConverter}).
   */
  socketStream<T>(hostname: string, port: number, converter: StreamConverter<T>): SocketInputDStream<T> {
    return new SocketInputDStream<T>(this.runtime, hostname, port, converter);
  }
  /**
   * Spark: `receiverStream(receiver)`: the records a custom {@link Receiver} stores (Scala and
   * Java; PySpark has no custom receivers). Its `onStart` runs when the context starts.
   */
  receiverStream<T>(receiver: UserReceiver<T>): PluggableInputDStream<T> {
    return new PluggableInputDStream<T>(this.runtime, receiver);
  }


  /**
   * Spark: `textFileStream(directory)`: the lines of files that appear in the directory (new
   * files only; see FileInputDStream for the exact selection rule). Relative paths resolve
   * against the simulated JVM's working directory; the directory may be a Hadoop glob
   * (`logs/*\/`): every matching directory is watched.
   */
  textFileStream(directory: string): FileInputDStream {
    return new FileInputDStream(this.runtime, directory, defaultFileFilter, true, textLines);
  }

  /**
   * Spark: `fileStream(directory, filter, newFilesOnly)` (records are the files' lines).
   * `filter` gets each candidate's path relative to the run's directory; with
   * `newFilesOnly = false`, files already there when the stream is made are picked too if their
   * mtime is within the remember window (`> t − ceil(60 s / batch) × batch`).
   */
  fileStream(directory: string, filter: (path: string) => boolean = defaultFileFilter, newFilesOnly = true): FileInputDStream {
    return new FileInputDStream(this.runtime, directory, filter, newFilesOnly, textLines);
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
    const files = new FileInputDStream(this.runtime, directory, defaultFileFilter, true, fixedLengthRecords(recordLength), 'binaryRecordsStream');
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
    this.runtime.checkpoint(directory);
  }

  /** Spark: `remember(duration)`: every stream keeps its RDDs at least this long (seconds). */
  remember(duration: Seconds): void {
    try {
      this.runtime.graph.remember(toDuration(duration, 'StreamingContext.remember', 'duration'));
    } catch (e) {
      throw this.runtime.refuse('StreamingContext.remember()', 'remember-once', e as DStreamSimError);
    }
  }

  /** Spark: `addStreamingListener`. */
  addStreamingListener(listener: StreamingListener): void {
    this.runtime.listenerBus.addListener(listener);
  }

  /**
   * Choose what the event log records for this context (see {@link InspectionOptions}). Call
   * before `start()`.
   */
  inspect(options: InspectionOptions): this {
    const { streams, ...rest } = options;
    Object.assign(this.runtime.inspector.options, rest);
    if (streams !== undefined) this.runtime.inspectedStreams = streams;
    return this;
  }

  // ---------------------------------------------------------------------------------------------
  // Lifecycle
  // ---------------------------------------------------------------------------------------------

  /** Spark: `getState()` (PySpark has none; offered in both flavors). */
  getState(): StreamingContextState {
    return this.runtime.lifecycle.state;
  }

  /**
   * Spark: `start()`. Starting twice only warns; starting after stop fails; starting while another
   * context is active fails and leaves this one INITIALIZED; any other failure (no output
   * operation, a missing checkpoint directory …) leaves it STOPPED for good.
   */
  start(): void {
    this.runtime.start();
  }

  /**
   * Spark: `stop(stopSparkContext, stopGracefully)`. Stops the SparkContext too unless
   * `stopSparkContext` is false (PySpark's default is true; Scala reads
   * `spark.streaming.stopSparkContextByDefault`). Stopping before start or twice only warns.
   * Graceful and immediate stops are the same here: processing takes no virtual time.
   */
  stop(stopSparkContext?: boolean, stopGracefully = false): void {
    this.runtime.stop(stopSparkContext, stopGracefully);
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
    await this.runtime.waitFor(undefined);
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
    return this.runtime.waitFor(ms < 0 ? undefined : ms);
  }

  // ---------------------------------------------------------------------------------------------
  // Active context (Spark's companion object)
  // ---------------------------------------------------------------------------------------------

  /** Spark: `StreamingContext.getActive()`: the started, not yet stopped context, if any. */
  static getActive(): StreamingContext | undefined {
    const a = currentJvm().activeContext;
    return a instanceof ContextRuntime ? a.facade : undefined;
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
    ssc.runtime.recoverFrom(read, checkpointPath);
    return ssc;
  }

  /**
   * @internal Spark: `CheckpointReader.read(checkpointPath, …, ignoreReadError)`: the newest
   * readable checkpoint, if any (only a JVM with a run directory reads checkpoint files).
   */
  static readCheckpoint(checkpointPath: string, ignoreReadError: boolean): CheckpointReadResult | undefined {
    return readNewestCheckpoint(currentJvm(), checkpointPath, ignoreReadError);
  }

  // ---------------------------------------------------------------------------------------------
  // Event log
  // ---------------------------------------------------------------------------------------------

  /** This context's events, in order (see docs/event-log.md). */
  events(): SimEvent[] {
    return this.sparkContext.jvm.log.events().filter((e) => 'contextId' in e && e.contextId === this.id);
  }
}
