/**
 * The event log's retention and subscriptions (`withIsolatedJvm({ eventLogCapacity })`,
 * `jvm.log.subscribe`, `jvm.log.setCapacity`): long runs keep memory flat, subscribers still see
 * every event, and with nobody watching the inspection events are not even computed.
 */
import { SparkContext, StreamingContext, withIsolatedJvm, type SimEvent } from 'dstream-sim';

/** A context with a 3-record queue and a pprint, run for 3 batches. */
async function threeBatches(): Promise<StreamingContext> {
  const ssc = new StreamingContext(new SparkContext({ master: 'local[2]' }), 1);
  ssc.queueStream<number>([[1], [2], [3]]).pprint();
  ssc.start();
  await ssc.awaitTerminationOrTimeout(3);
  ssc.stop(false);
  return ssc;
}

describe('EventLog retention', () => {
  test('with a capacity, only the last n events are kept; the rest are counted as dropped', () =>
    withIsolatedJvm({ stdout: () => undefined }, async (full) => {
      await threeBatches();
      const all = full.log.events().map((e) => e.seq);
      await withIsolatedJvm({ stdout: () => undefined, eventLogCapacity: 5 }, async (jvm) => {
        await threeBatches();
        expect(jvm.log.events().map((e) => e.seq)).toEqual(all.slice(-5));
        expect(jvm.log.droppedCount()).toBe(all.length - 5);
      });
    }));

  test('setCapacity trims what is kept at once and applies from then on; seq numbers keep counting', () =>
    withIsolatedJvm({ stdout: () => undefined }, async (jvm) => {
      await threeBatches();
      const n = jvm.log.events().length;
      jvm.log.setCapacity(2);
      expect(jvm.log.events().map((e) => e.seq)).toEqual([n - 2, n - 1]);
      expect(jvm.log.droppedCount()).toBe(n - 2);
      new SparkContext({ master: 'local[2]' }).stop();
      expect(jvm.log.events().length).toBe(2);
      expect(jvm.log.events()[1]!.seq).toBeGreaterThan(n - 1);
      expect(jvm.log.droppedCount()).toBe(jvm.log.events()[1]!.seq - 1);
    }));

  test('capacity 0 keeps nothing, but subscribers see every event', () =>
    withIsolatedJvm({ stdout: () => undefined, eventLogCapacity: 0 }, async (jvm) => {
      const seen: SimEvent[] = [];
      jvm.log.subscribe((e) => void seen.push(e));
      await threeBatches();
      expect(jvm.log.events()).toEqual([]);
      expect(seen.map((e) => e.seq)).toEqual(seen.map((_, i) => i));
      expect(jvm.log.droppedCount()).toBe(seen.length);
      expect(seen.filter((e) => e.type === 'batchCompleted').length).toBe(3);
    }));

  test('an unsubscribed subscriber sees nothing more; unsubscribing twice is harmless', () =>
    withIsolatedJvm({ stdout: () => undefined }, async (jvm) => {
      const first: string[] = [];
      const second: string[] = [];
      const off = jvm.log.subscribe((e) => void first.push(e.type));
      jvm.log.subscribe((e) => void second.push(e.type));
      const sc = new SparkContext({ master: 'local[2]' });
      off();
      off();
      sc.stop();
      expect(first).toEqual([]);
      expect(second).toEqual(['sparkContextStopped']);
    }));
});

describe('isRecording', () => {
  /** How often the update function runs over 2 batches, with state inspection on or off. */
  async function updateCalls(capacity: number | undefined, inspectState: boolean): Promise<number> {
    let calls = 0;
    await withIsolatedJvm({ stdout: () => undefined, eventLogCapacity: capacity }, async () => {
      const ssc = new StreamingContext(new SparkContext({ master: 'local[2]' }), 1);
      ssc.checkpoint('/tmp/cp');
      ssc.inspect({ state: inspectState });
      ssc
        .queueStream<[string, number]>([[['a', 1]], [['a', 1]]])
        .updateStateByKey((vs: number[], s: number | undefined) => {
          calls++;
          return vs.length + (s ?? 0);
        })
        .foreachRDD(() => undefined);
      ssc.start();
      await ssc.awaitTerminationOrTimeout(2);
      ssc.stop();
    });
    return calls;
  }

  test('state inspection computes the state for the log only when someone records: none with capacity 0', async () => {
    const plain = await updateCalls(undefined, false);
    expect(await updateCalls(undefined, true)).toBeGreaterThan(plain); // collected for the event
    expect(await updateCalls(0, true)).toBe(plain);
  });
});
