/**
 * Scala `updateStateByKey` (Spark: `StateDStream`): the state-changed events it reports, what a
 * `null` result does, and the partitioner of the state RDD (`preservePartitioning = true` in
 * `StateDStream.compute`).
 */
import { HashPartitioner, runStreams, type DStream, type Pair, type StateChangedEvent } from 'dstream-sim';
import { inJvm, makeContexts } from '../../__helpers__/sim';

type KV = Pair<string, number>;
const words = (...batches: (string[] | null)[]): (KV[] | null)[] =>
  batches.map((b) => (b === null ? null : b.map((w): KV => [w, 1])));
const total = (vs: number[], s: number | undefined): number => vs.reduce((a, b) => a + b, s ?? 0);
const sorted = <T>(xs: readonly T[]): T[] => [...xs].sort();

function stateChanges(events: readonly { type: string }[]): Omit<StateChangedEvent, 'seq' | 'at' | 'contextId' | 'streamId' | 'streamName'>[] {
  return events
    .filter((e): e is StateChangedEvent => e.type === 'stateChanged')
    .map((e) => ({
      type: e.type,
      batchTime: e.batchTime,
      added: sorted(e.added),
      updated: sorted(e.updated),
      removed: sorted(e.removed),
      timedOut: e.timedOut,
      after: sorted(e.after),
    }));
}

describe('Scala updateStateByKey: state changes in the event log', () => {
  test('added, updated and removed keys are reported each batch, also when the parent made no RDD', async () => {
    // Batch 3 has no input RDD: Scala still calls the function for every key with [] (b is dropped).
    const r = await runStreams<KV>(
      [words(['a', 'b'], ['a'], null)],
      (s) =>
        (s[0] as DStream<KV>).updateStateByKey((vs: number[], st: number | undefined) =>
          st !== undefined && vs.length === 0 && st === 1 ? undefined : total(vs, st),
        ),
      3,
      { flavor: 'scala', checkpoint: true, inspect: { state: true } },
    );
    expect(stateChanges(r.events)).toEqual([
      { type: 'stateChanged', batchTime: 1000, added: [['a', 1], ['b', 1]], updated: [], removed: [], timedOut: [], after: [['a', 1], ['b', 1]] },
      { type: 'stateChanged', batchTime: 2000, added: [], updated: [['a', 1, 2]], removed: [['b', 1]], timedOut: [], after: [['a', 2]] },
      { type: 'stateChanged', batchTime: 3000, added: [], updated: [], removed: [], timedOut: [], after: [['a', 2]] },
    ]);
  });

  test('with an initial RDD, the first batch reports its keys as added along with the new ones', async () => {
    const r = await runStreams<KV>(
      [words(['a'])],
      (s) => (s[0] as DStream<KV>).updateStateByKey(total, 2, [['z', 5]] as KV[]),
      1,
      { flavor: 'scala', checkpoint: true, inspect: { state: true } },
    );
    expect(r.batches.map((b) => sorted(b.records))).toEqual([[['a', 1], ['z', 5]]]);
    expect(stateChanges(r.events)).toEqual([
      // The event compares with the previous batch's state; before batch 1 there is none.
      { type: 'stateChanged', batchTime: 1000, added: [['a', 1], ['z', 5]], updated: [], removed: [], timedOut: [], after: [['a', 1], ['z', 5]] },
    ]);
  });

  test('no state event is reported for a batch with neither state nor input', async () => {
    const r = await runStreams<KV>(
      [words(null, ['a'])],
      (s) => (s[0] as DStream<KV>).updateStateByKey(total),
      2,
      { flavor: 'scala', checkpoint: true, inspect: { state: true } },
    );
    expect(stateChanges(r.events).map((e) => e.batchTime)).toEqual([2000]);
  });

  test('without inspect({ state: true }) no state event is recorded', async () => {
    const r = await runStreams<KV>([words(['a'])], (s) => (s[0] as DStream<KV>).updateStateByKey(total), 1, {
      flavor: 'scala',
      checkpoint: true,
    });
    expect(r.events.filter((e) => e.type === 'stateChanged')).toEqual([]);
  });
});

describe('Scala updateStateByKey: the update function’s result', () => {
  // Spark's Scala function returns Option[S]; None removes the key. A JavaScript user returns
  // undefined or null for "no state".
  test.each([
    ['null', null],
    ['undefined', undefined],
  ])('returning %s removes the key', async (_name, none) => {
    const r = await runStreams<KV>(
      [words(['a', 'drop'], ['a', 'b'], ['b'])],
      (s) =>
        (s[0] as DStream<KV>).updateStateByKey<string, number, number>((vs, st) =>
          vs.length === 0 ? (none as undefined) : total(vs, st),
        ),
      3,
      { flavor: 'scala', checkpoint: true },
    );
    expect(r.batches.map((b) => sorted(b.records))).toEqual([
      [['a', 1], ['drop', 1]],
      [['a', 2], ['b', 1]],
      [['b', 2]],
    ]);
  });

  test('a null result on the first batch (no state yet) adds nothing', async () => {
    const r = await runStreams<KV>(
      [words(['a'])],
      (s) => (s[0] as DStream<KV>).updateStateByKey<string, number, number>(() => null as unknown as undefined),
      1,
      { flavor: 'scala', checkpoint: true },
    );
    expect(r.batches.map((b) => b.records)).toEqual([[]]);
  });
});

describe('Scala updateStateByKey: the state RDD keeps its partitioner', () => {
  // StateDStream.compute maps partitions with preservePartitioning = true, so the state RDD
  // stays hash-partitioned by key, also in batches where the parent made no RDD.
  test.each([
    ['with input', words(['a', 'b', 'c'], ['d'])],
    ['without input in batch 2', words(['a', 'b', 'c'], null)],
    ['with an initial RDD', words(['a', 'b', 'c'], ['d'])],
  ])('every state RDD is partitioned by HashPartitioner(3) (%s)', async (name, input) => {
    const seen: { partitioner: boolean; placement: boolean }[] = [];
    const p = new HashPartitioner(3);
    await runStreams<KV>(
      [input],
      (s) => {
        const state = (s[0] as DStream<KV>).updateStateByKey(
          total,
          3,
          name === 'with an initial RDD' ? ([['z', 9]] as KV[]) : undefined,
        );
        state.foreachRDD((rdd) => {
          const parts = rdd.glom().collect();
          seen.push({
            partitioner: p.equals(rdd.partitioner),
            placement: parts.every((part, i) => part.every(([k]) => p.getPartition(k) === i)),
          });
        });
        return state;
      },
      2,
      { flavor: 'scala', checkpoint: true },
    );
    expect(seen).toEqual([
      { partitioner: true, placement: true },
      { partitioner: true, placement: true },
    ]);
  });
});

describe('Scala kinds that keep state: names, storage and the checkpoint they need', () => {
  test('updateStateByKey: named after itself, RDDs at MEMORY_ONLY_SER; reduceByKeyAndWindow with an inverse: its reduced parent kept a window longer, both at MEMORY_ONLY_SER', () =>
    inJvm(async () => {
      const { ssc } = makeContexts('scala');
      ssc.checkpoint('cp');
      const pairs = ssc.queueStream<[string, number]>([[['a', 1]]]);
      const state = pairs.updateStateByKey((vs: number[], s: number | undefined) => vs.length + (s ?? 0));
      const windowed = pairs.reduceByKeyAndWindow((a, b) => a + b, (a, b) => a - b, 3, 1);
      state.foreachRDD(() => undefined);
      windowed.foreachRDD(() => undefined);
      ssc.start();
      await ssc.awaitTerminationOrTimeout(1);
      ssc.stop();
      const reduced = windowed.dependencies[0]!;
      expect([String(state).replace(/ \[\d+\]$/, ''), String(windowed).replace(/ \[\d+\]$/, '')]).toEqual(['updateStateByKey', 'reduceByKeyAndWindow']);
      expect(state.generatedRDDs.get(1000)!.getStorageLevel()).toBe('MEMORY_ONLY_SER');
      expect(windowed.generatedRDDs.get(1000)!.getStorageLevel()).toBe('MEMORY_ONLY_SER');
      expect(reduced.generatedRDDs.get(1000)!.getStorageLevel()).toBe('MEMORY_ONLY_SER');
      expect(reduced.rememberDuration!.milliseconds).toBe(windowed.rememberDuration!.milliseconds + 3000);
    }));

  test('updateStateByKey without a checkpoint directory: start is refused with Spark’s message', () =>
    inJvm(() => {
      const { ssc } = makeContexts('scala');
      ssc.queueStream<[string, number]>([[['a', 1]]])
        .updateStateByKey((vs: number[], s: number | undefined) => vs.length + (s ?? 0))
        .foreachRDD(() => undefined);
      expect(() => ssc.start()).toThrow('requirement failed: The checkpoint directory has not been set. Please set it by StreamingContext.checkpoint().');
    }));
});
