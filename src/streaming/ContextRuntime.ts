import type { SparkConf } from '../conf/SparkConf';
import type { Flavor } from '../conf/Flavor';
import type { SparkContext } from '../core/SparkContext';
import { QueueInputDStream, type DStream, type ForEachDStream, type InputDStream } from '../dstream/internal';
import type { StreamingRuntime } from '../dstream/StreamingRuntime';
import type { ActiveContextSlot, Jvm } from '../env/Jvm';
import { passTimeUntil, runUntil } from '../env/runUntil';
import type { CostModel } from '../env/CostModel';
import { SparkError, type DStreamSimError } from '../errors';
import type { LifecycleRule } from '../events/LifecycleRules';
import type { SimEventInput, StreamInputInfo } from '../events/SimEvent';
import type { SimNetwork } from '../net/SimNetwork';
import type { RDD } from '../rdd/RDD';
import type { ReceivedBlock } from '../receiver/BlockGenerator';
import { JobScheduler } from '../scheduler/JobScheduler';
import type { RecoveredCheckpoint, RestartPlan, SchedulerRuntime } from '../scheduler/SchedulerRuntime';
import { StreamingListenerBus } from '../scheduler/StreamingListenerBus';
import type { Duration } from '../time/Duration';
import type { Time } from '../time/Time';
import type { Clock } from '../util/Clock';
import type { DirectoryCalls } from '../util/directoryCalls';
import { timeStringAsMs } from '../util/timeString';
import type { CheckpointReadResult } from './CheckpointReader';
import { ContextCheckpoint } from './ContextCheckpoint';
import { ContextLifecycle } from './ContextLifecycle';
import { ContextWaiter } from './ContextWaiter';
import { describeGraph } from './describeGraph';
import { DStreamGraph } from './DStreamGraph';
import { Inspection } from './Inspection';
import { rateControllers } from './rateControllers';
import type { StreamingContext } from './StreamingContext';
import type { StreamingContextState } from './StreamingContextState';

/** What the event log records of a context's streams: all, none, or these (see docs/inspection.md). */
export type InspectedStreams = 'all' | 'none' | readonly DStream<unknown>[];

/**
 * The engine's side of one StreamingContext (Spark: the context's private members — graph,
 * scheduler, listener bus, state, checkpoint — and the bodies of its lifecycle methods). It is the
 * narrow port the layers below use (`StreamingRuntime` for DStreams and receivers,
 * `SchedulerRuntime` for the scheduler) and the JVM's active-context slot; the public
 * `StreamingContext` holds Spark's methods as delegations to it.
 */
export class ContextRuntime implements StreamingRuntime, SchedulerRuntime, ActiveContextSlot {
  /** A per-JVM id, in creation order (names the context in the event log). */
  readonly id: number;
  /** The directory set by `checkpoint(dir)`, if any. */
  checkpointDir: string | undefined;
  readonly graph: DStreamGraph;
  readonly inspector: Inspection;
  /** Set by `inspect({ streams })`; else the JVM's default. */
  inspectedStreams: InspectedStreams | undefined;
  readonly lifecycle: ContextLifecycle;
  readonly listenerBus: StreamingListenerBus;
  private readonly waiter = new ContextWaiter();
  private readonly scheduler: JobScheduler;
  private readonly checkpointing: ContextCheckpoint;

  constructor(
    readonly facade: StreamingContext,
    readonly sparkContext: SparkContext,
    readonly flavor: Flavor,
    batch: Duration,
    private readonly jvm: Jvm,
  ) {
    this.id = jvm.nextId('StreamingContext');
    this.graph = new DStreamGraph(batch);
    this.lifecycle = new ContextLifecycle(jvm.log, this.id);
    this.inspector = new Inspection(jvm.log, this.id, jvm.inspect);
    this.listenerBus = new StreamingListenerBus(jvm.log, this.id, (m, error) => {
      const where = this.locateUserCode(error)?.where;
      this.warn(where === undefined ? m : `${m} (at ${where})`);
    });
    this.checkpointing = new ContextCheckpoint(jvm, this);
    this.scheduler = new JobScheduler(this);
  }

  get batchDuration(): Duration {
    return this.graph.batchDuration;
  }

  // ---------------------------------------------------------------------------------------------
  // The lifecycle behind the facade's methods
  // ---------------------------------------------------------------------------------------------

  /** Spark: `checkpoint(directory)` (see the facade). */
  checkpoint(directory: string | null): void {
    if (directory === null) {
      // Spark: checkpointDir = null; nothing is written while it is unset (shouldCheckpoint).
      this.checkpointDir = undefined;
      return;
    }
    this.checkpointing.setDirectory(directory);
    this.sparkContext.setCheckpointDir(directory);
    this.checkpointDir = directory;
  }

  /** Where `start()` was called (ActiveContextSlot: quoted when another context starts). */
  get startSite(): string {
    return this.lifecycle.startSite;
  }

  /** Spark: `start()` (see the facade). */
  start(): void {
    const active = this.jvm.activeContext;
    if (!this.lifecycle.mayStart(active)) return;
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

  /** Spark: `stop(stopSparkContext, stopGracefully)` (see the facade). */
  stop(stopSparkContext: boolean | undefined, stopGracefully: boolean): void {
    if (this.listenerBus.inListenerCallback) {
      throw this.lifecycle.refuse(
        'StreamingContext.stop()',
        'stop-in-listener',
        new SparkError('Cannot stop StreamingContext within listener bus thread.'),
      );
    }
    this.stopWith(stopSparkContext, stopGracefully, 'stop');
  }

  /** The run horizon was reached (or the program ended): Spark's shutdown hook stops the context. */
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
   * The driver died (a timeline crash): stop at once, nothing written, no events of a stop.
   * Called on the JVM's active context, which is always the ACTIVE one.
   */
  crash(): void {
    this.listenerBus.close();
    this.scheduler.stop();
    this.jvm.activeContext = undefined;
    this.lifecycle.state = 'STOPPED';
  }

  /**
   * Advance virtual time by up to `timeoutMs` (forever when undefined), running the batches that
   * fall due; `true` if the context stopped. Rethrows a reported error.
   */
  async waitFor(timeoutMs: number | undefined): Promise<boolean> {
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

  /** Make this (rebuilt, not started) context the one recovered from `read`. */
  recoverFrom(read: CheckpointReadResult, checkpointPath: string): void {
    this.checkpointing.recoverFrom(read, checkpointPath);
    this.checkpointDir = read.checkpoint.checkpointDir;
    this.sparkContext.setCheckpointDir(read.checkpoint.checkpointDir);
  }

  private validate(): void {
    this.graph.validate();
    if (this.checkpointDir !== undefined && this.graph.inputStreams.some((s) => s instanceof QueueInputDStream)) {
      this.warn("queueStream doesn't support checkpointing");
    }
    const inspected = this.inspectedStreams ?? this.inspector.options.streams;
    for (const s of this.graph.reachableStreams()) {
      if (typeof inspected === 'string' ? inspected === 'all' : inspected.includes(s)) s.inspected = true;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The ports (StreamingRuntime, ReceiverRuntime, SchedulerRuntime)
  // ---------------------------------------------------------------------------------------------

  get contextId(): number {
    return this.id;
  }
  get clock(): Clock {
    return this.jvm.clock;
  }
  get conf(): SparkConf {
    return this.sparkContext.conf;
  }
  get network(): SimNetwork {
    return this.jvm.network;
  }
  get cwd(): string {
    return this.jvm.cwd;
  }
  get directoryCalls(): DirectoryCalls {
    return this.jvm.directoryCalls;
  }
  get timeZone(): string {
    return this.jvm.timeZone;
  }
  get startTime(): Time | undefined {
    return this.graph.startTime;
  }
  isActive(): boolean {
    return this.lifecycle.state === 'ACTIVE';
  }
  validateAtInit(call: string): void {
    this.lifecycle.validateAtInit(call);
  }
  refuse<E>(call: string, rule: LifecycleRule, error: E): E {
    return this.lifecycle.refuse(call, rule, error);
  }
  warn(message: string): void {
    this.lifecycle.warn(message);
  }
  post(event: SimEventInput): void {
    this.jvm.log.emit(event);
  }
  notifyError(error: unknown): void {
    this.waiter.notifyError(error);
  }
  get cost(): CostModel | undefined {
    return this.jvm.cost;
  }
  get concurrentJobs(): number {
    return this.sparkContext.conf.getInt('spark.streaming.concurrentJobs', 1);
  }
  get gracefulStopTimeoutMs(): number {
    const conf = this.sparkContext.conf.get('spark.streaming.gracefulStopTimeout', `${10 * this.batchDuration.milliseconds}ms`);
    return timeStringAsMs(conf, 'ms');
  }
  passTimeUntil(done: () => boolean, deadlineMs: number): boolean {
    return passTimeUntil(this.jvm, done, deadlineMs);
  }
  locateUserCode(error: unknown): { where: string; frame: string } | undefined {
    return this.jvm.locateUserCode?.(error);
  }
  nextStreamId(): number {
    return this.graph.nextStreamId();
  }
  addInputStream(stream: InputDStream<unknown>): number {
    return this.graph.addInputStream(stream);
  }
  addOutputStream(stream: ForEachDStream<unknown>): void {
    this.graph.addOutputStream(stream);
  }
  get shouldCheckpoint(): boolean {
    return this.checkpointDir !== undefined;
  }
  get checkpointDurationMs(): number {
    return this.batchDuration.milliseconds;
  }
  writeCheckpoint(time: Time, pendingTimesMs: readonly number[]): void {
    this.checkpointing.write(time, pendingTimesMs, this.checkpointDurationMs);
  }
  get recovered(): RecoveredCheckpoint | undefined {
    return this.checkpointing.recovered;
  }
  reportRestart(p: RestartPlan): void {
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
  markForCheckpoint(rdd: RDD<unknown>): void {
    this.scheduler.markedForCheckpoint.push(rdd);
  }
  addBlock(block: ReceivedBlock<unknown>): void {
    this.scheduler.receivedBlockTracker.addBlock(block);
  }
  blocksOfBatch(time: Time, inputId: number): readonly ReceivedBlock<unknown>[] {
    return this.scheduler.receivedBlockTracker.getBlocksOfBatch(time.milliseconds, inputId);
  }
  reportInputInfo(time: Time, info: StreamInputInfo): void {
    this.scheduler.inputInfoTracker.reportInfo(time.milliseconds, info);
  }

  /** Write output-operation text to stdout and the event log (the one output channel). */
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
}
