/**
 * The stream graph (Spark: `DStreamGraph`): input ids in creation order, output operations run in
 * registration order, every stream reachable from an output initialized once.
 */
import { runStreams, type DStream, type SimEvent } from 'dstream-sim';
import { inJvm, makeContexts } from '../../__helpers__/sim';

describe('DStreamGraph', () => {
  test('inputs are numbered from 0 in creation order (Spark: InputDStream.id)', () =>
    inJvm(async () => {
      const { ssc } = makeContexts();
      const a = ssc.queueStream<number>([[1]]);
      const b = ssc.queueStream<number>([[2]]);
      a.union(b).pprint();
      ssc.start();
      await ssc.awaitTerminationOrTimeout(1);
      ssc.stop();
      const names = ssc.events().flatMap((e) => (e.type === 'inputDelivered' ? [[e.streamName, e.records]] : []));
      expect(names).toEqual([
        ['Queue input [0]', [1]],
        ['Queue input [1]', [2]],
      ]);
    }));

  test('output operations run in the order they were registered, each batch', async () => {
    const order: string[] = [];
    await runStreams<number>(
      [[[1], [2]]],
      (s) => {
        const ds = s[0] as DStream<number>;
        ds.foreachRDD(() => void order.push('first'));
        ds.map((x) => x).foreachRDD(() => void order.push('second'));
        return ds;
      },
      2,
    );
    expect(order).toEqual(['first', 'second', 'first', 'second']);
  });

  test('a cached stream shared by two outputs computes its records once per batch', async () => {
    let calls = 0;
    const r = await runStreams<number>(
      [[[1, 2]]],
      (s) => {
        const shared = (s[0] as DStream<number>).map((x) => {
          calls++;
          return x;
        }).cache();
        shared.foreachRDD((rdd) => void rdd.collect());
        return shared.union(shared);
      },
      1,
    );
    expect(r.batches.map((b) => b.records)).toEqual([[1, 2, 1, 2]]);
    expect(calls).toBe(2);
    expect(r.events.filter((e: SimEvent) => e.type === 'batchSubmitted')).toEqual([expect.objectContaining({ numJobs: 2 })]);
  });

  test('refusals name their rule and Spark’s error class: no output operations, remember set twice', () =>
    inJvm(() => {
      const { ssc } = makeContexts();
      ssc.remember(5);
      expect(() => ssc.remember(6)).toThrow();
      ssc.queueStream<number>([[1]]);
      expect(() => ssc.start()).toThrow('No output operations registered, so nothing to execute');
      const refused = ssc.events().flatMap((e) => (e.type === 'callRefused' ? [[e.rule, e.errorClass]] : []));
      expect(refused).toEqual([
        ['remember-once', 'REMEMBER_DURATION_ALREADY_SET'],
        ['no-output-operations', 'NO_OUTPUT_OPERATIONS'],
      ]);
    }));
});

describe('the graph a started context records', () => {
  test('a stream reached along two paths (a diamond) is one node', () =>
    inJvm(async () => {
      const { ssc } = makeContexts();
      const q = ssc.queueStream<number>([[1]]);
      const doubled = q.map((x) => x * 2);
      doubled.union(doubled.filter((x) => x > 0)).pprint();
      ssc.start();
      ssc.stop();
      const started = ssc.events().find((e) => e.type === 'contextStarted');
      const names = started?.type === 'contextStarted' ? started.graph.streams.map((s) => s.name) : [];
      expect([...names].sort()).toEqual(['filter [2]', 'map [1]', 'pprint [4]', 'Queue input [0]', 'union [3]'].sort());
    }));

  test('each node: its kind, slide, window (windows only) and the streams it depends on', () =>
    inJvm(() => {
      const { ssc } = makeContexts();
      ssc.queueStream<number>([[1]]).window(4, 2).pprint();
      ssc.start();
      ssc.stop();
      const started = ssc.events().find((e) => e.type === 'contextStarted');
      expect(started?.type === 'contextStarted' && started.graph).toEqual({
        outputs: [2],
        streams: [
          { id: 2, name: 'pprint [2]', kind: 'ForEachDStream', slideMs: 2000, windowMs: undefined, dependencies: [1] },
          { id: 1, name: 'window [1]', kind: 'WindowedDStream', slideMs: 2000, windowMs: 4000, dependencies: [0] },
          { id: 0, name: 'Queue input [0]', kind: 'QueueInputDStream', slideMs: 1000, windowMs: undefined, dependencies: [] },
        ],
      });
    }));
});

test('an input stream no output uses has no remember duration, and the run goes on (Spark: getMaxInputStreamRememberDuration ignores it)', () =>
  inJvm(async () => {
    const { ssc } = makeContexts();
    const unused = ssc.queueStream<number>([[9]]);
    const out: number[][] = [];
    ssc.queueStream<number>([[1], [2], [3]]).foreachRDD((rdd) => void out.push(rdd.collect()));
    ssc.start();
    await ssc.awaitTerminationOrTimeout(3);
    ssc.stop();
    expect(unused.rememberDuration).toBeUndefined();
    expect(out).toEqual([[1], [2], [3]]);
  }));
