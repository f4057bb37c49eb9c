import type { InspectionDefaults } from '../events/InspectionDefaults';
import type { EventLog } from '../events/EventLog';
import type { Pair, RDD } from '../rdd/RDD';
import type { DStream, InputDStream, MapWithStateRecord } from '../dstream/internal';
import type { StreamInspector } from '../dstream/StreamingRuntime';
import type { Duration } from '../time/Duration';
import type { Interval } from '../time/Interval';
import type { Time } from '../time/Time';
import { structuralKey } from '../util/hashing';

/**
 * Turns what inputs, windows and stateful streams computed into `inputDelivered`,
 * `rddGenerated`, `windowComputed` and `stateChanged` events, as far as `ssc.inspect()` (and the
 * JVM's defaults) asked for them. Collecting here forces the (persisted) RDDs at generation time;
 * results are the same, since they are computed once.
 */
export class Inspection implements StreamInspector {
  /** What is recorded (mutable until start: `ssc.inspect()`). */
  readonly options: Required<InspectionDefaults> = { inputs: true, streams: 'none', windows: false, state: false, delays: false, checkpoints: false };

  constructor(
    private readonly log: EventLog,
    private readonly contextId: number,
    defaults: InspectionDefaults,
  ) {
    Object.assign(this.options, defaults);
  }

  input(stream: InputDStream<unknown>, time: Time, rdd: RDD<unknown> | undefined): void {
    if (!this.options.inputs || !this.log.isRecording('inputDelivered')) return;
    const parts = rdd?.collectPartitions();
    this.log.emit({
      type: 'inputDelivered',
      contextId: this.contextId,
      batchTime: time.milliseconds,
      streamId: stream.id,
      streamName: stream.name,
      records: parts?.flat(),
      numPartitions: rdd?.getNumPartitions() ?? 0,
      partitionSizes: parts?.map((p) => p.length) ?? [],
    });
  }

  generated(stream: DStream<unknown>, time: Time, rdd: RDD<unknown>): void {
    if (!this.log.isRecording('rddGenerated')) return;
    // Looking is not a Spark job: no stage is used up (error messages keep the run's stage ids);
    // what it computes is what the first job then uses (functions run as often as unobserved);
    // a function that throws fails in its job, as it would unobserved, and nothing is recorded.
    let parts: unknown[][];
    try {
      parts = rdd.observePartitions();
    } catch {
      return;
    }
    this.log.emit({
      type: 'rddGenerated',
      contextId: this.contextId,
      batchTime: time.milliseconds,
      streamId: stream.id,
      streamName: stream.name,
      records: parts.flat(),
      numPartitions: rdd.getNumPartitions(),
      partitionSizes: parts.map((p) => p.length),
    });
  }

  window(
    stream: DStream<unknown>,
    time: Time,
    windowDuration: Duration,
    covered: Interval | undefined,
    parent: DStream<unknown>,
    result: RDD<unknown>,
  ): void {
    if (!this.options.windows || !this.log.isRecording('windowComputed')) return;
    const batchTimes: number[] = [];
    const zero = parent.zeroTime;
    if (covered !== undefined && zero !== undefined) {
      const step = parent.slideDuration.milliseconds;
      for (let t = covered.beginTime.milliseconds; t <= covered.endTime.milliseconds; t += step) {
        if (t > zero.milliseconds) batchTimes.push(t);
      }
    }
    this.log.emit({
      type: 'windowComputed',
      contextId: this.contextId,
      batchTime: time.milliseconds,
      streamId: stream.id,
      streamName: stream.name,
      windowMs: windowDuration.milliseconds,
      slideMs: stream.slideDuration.milliseconds,
      batchTimes,
      records: result.collect(),
    });
  }

  pairState<K, S>(stream: DStream<unknown>, time: Time, prev: RDD<Pair<K, S>> | undefined, next: RDD<Pair<K, S>>): void {
    if (!this.options.state || !this.log.isRecording('stateChanged')) return;
    this.state(stream, time, prev?.collect() ?? [], next.collect(), []);
  }

  mapWithState<K, S, M>(
    stream: DStream<unknown>,
    time: Time,
    prev: RDD<MapWithStateRecord<K, S, M>> | undefined,
    next: RDD<MapWithStateRecord<K, S, M>>,
  ): void {
    if (!this.options.state || !this.log.isRecording('stateChanged')) return;
    const pairs = (records: MapWithStateRecord<K, S, M>[]): Pair<K, S>[] =>
      records.flatMap((r): Pair<K, S>[] => r.stateMap.pairs());
    const records = next.collect();
    this.state(stream, time, prev === undefined ? [] : pairs(prev.collect()), pairs(records), records.flatMap((r) => r.timedOut));
  }

  /** One `stateChanged` event: what was added, updated, removed and timed out. */
  private state<K, S>(
    stream: DStream<unknown>,
    time: Time,
    before: readonly Pair<K, S>[],
    after: readonly Pair<K, S>[],
    timedOut: readonly Pair<K, S>[],
  ): void {
    const old = new Map<unknown, Pair<K, S>>();
    for (const kv of before) old.set(structuralKey(kv[0]), kv);
    const added: [K, S][] = [];
    const updated: [K, S, S][] = [];
    const seen = new Set<unknown>();
    for (const [k, s] of after) {
      const sk = structuralKey(k);
      seen.add(sk);
      const prev = old.get(sk);
      if (prev === undefined) added.push([k, s]);
      else if (structuralKey(prev[1]) !== structuralKey(s)) updated.push([k, prev[1], s]);
    }
    const timedOutKeys = new Set(timedOut.map(([k]) => structuralKey(k)));
    const removed: [K, S][] = [];
    for (const [sk, kv] of old) if (!seen.has(sk) && !timedOutKeys.has(sk)) removed.push([kv[0], kv[1]]);
    this.log.emit({
      type: 'stateChanged',
      contextId: this.contextId,
      batchTime: time.milliseconds,
      streamId: stream.id,
      streamName: stream.name,
      added,
      updated,
      removed,
      timedOut: timedOut.map(([k, s]): [K, S] => [k, s]),
      after: after.map(([k, s]): [K, S] => [k, s]),
    });
  }
}
