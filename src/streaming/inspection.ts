import type { Pair, RDD } from '../rdd/RDD';
import type { DStream } from '../dstream/DStream';
import type { MapWithStateRecord } from '../dstream/MapWithStateDStream';
import type { Duration } from '../time/Duration';
import type { Interval } from '../time/Interval';
import type { Time } from '../time/Time';
import { structuralKey } from '../util/hashing';
import type { StreamingContext } from './StreamingContext';

/**
 * Turns what windows and stateful streams computed into `windowComputed` and `stateChanged`
 * events (only when `ssc.inspect({ windows, state })` asked for them). Collecting here forces the
 * (persisted) RDDs at generation time; results are the same, since they are computed once.
 */
export const Inspection = {
  window(
    ssc: StreamingContext,
    stream: DStream<unknown>,
    time: Time,
    windowDuration: Duration,
    covered: Interval | undefined,
    parent: DStream<unknown>,
    result: RDD<unknown>,
  ): void {
    if (!ssc.inspection.windows || !ssc.jvm.log.isRecording()) return;
    const batchTimes: number[] = [];
    const zero = parent.zeroTime;
    if (covered !== undefined && zero !== undefined) {
      const step = parent.slideDuration.milliseconds;
      for (let t = covered.beginTime.milliseconds; t <= covered.endTime.milliseconds; t += step) {
        if (t > zero.milliseconds) batchTimes.push(t);
      }
    }
    ssc.post({
      type: 'windowComputed',
      contextId: ssc.id,
      batchTime: time.milliseconds,
      streamId: stream.id,
      streamName: stream.name,
      windowMs: windowDuration.milliseconds,
      slideMs: stream.slideDuration.milliseconds,
      batchTimes,
      records: result.collect(),
    });
  },

  state<K, S>(
    ssc: StreamingContext,
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
    ssc.post({
      type: 'stateChanged',
      contextId: ssc.id,
      batchTime: time.milliseconds,
      streamId: stream.id,
      streamName: stream.name,
      added,
      updated,
      removed,
      timedOut: timedOut.map(([k, s]): [K, S] => [k, s]),
      after: after.map(([k, s]): [K, S] => [k, s]),
    });
  },

  pairState<K, S>(
    ssc: StreamingContext,
    stream: DStream<unknown>,
    time: Time,
    prev: RDD<Pair<K, S>> | undefined,
    next: RDD<Pair<K, S>>,
  ): void {
    if (!ssc.inspection.state || !ssc.jvm.log.isRecording()) return;
    Inspection.state(ssc, stream, time, prev?.collect() ?? [], next.collect(), []);
  },

  mapWithState<K, S, M>(
    ssc: StreamingContext,
    stream: DStream<unknown>,
    time: Time,
    prev: RDD<MapWithStateRecord<K, S, M>> | undefined,
    next: RDD<MapWithStateRecord<K, S, M>>,
  ): void {
    if (!ssc.inspection.state || !ssc.jvm.log.isRecording()) return;
    const pairs = (records: MapWithStateRecord<K, S, M>[]): Pair<K, S>[] =>
      records.flatMap((r) => Array.from(r.stateMap.values(), (e): Pair<K, S> => [e.key, e.state]));
    const records = next.collect();
    Inspection.state(
      ssc,
      stream,
      time,
      prev === undefined ? [] : pairs(prev.collect()),
      pairs(records),
      records.flatMap((r) => r.timedOut),
    );
  },
};
