/**
 * Checkpoint and remember rules of spark-semantics §2.3 and §3.2–§3.3, and bounded memory:
 * every stream keeps exactly the history it needs.
 */
import {
  SparkContext,
  StateSpec,
  StreamingContext,
  type DStream,
  type Pair,
  type State,
} from '../../src/index';
import { inJvm, makeContexts } from '../__helpers__/sim';

const NO_DIR = 'requirement failed: The checkpoint directory has not been set. Please set it by StreamingContext.checkpoint().';
type Build = (ds: DStream<Pair<string, number>>) => DStream<unknown>;

const needing: [string, 'scala' | 'pyspark', Build][] = [
  ['updateStateByKey', 'pyspark', (ds) => ds.updateStateByKey((vs: number[], s: number | undefined) => (s ?? 0) + vs.length)],
  ['mapWithState', 'scala', (ds) => ds.mapWithState(StateSpec.function((_k: string, _v: number | undefined, _s: State<number>) => 1))],
  ['reduceByKeyAndWindow with inverse', 'scala', (ds) => ds.reduceByKeyAndWindow((a, b) => a + b, (a, b) => a - b, 2, 1)],
  ['countByWindow', 'scala', (ds) => ds.countByWindow(2, 1)],
  ['countByValueAndWindow', 'pyspark', (ds) => ds.countByValueAndWindow(2, 1)],
  ['PySpark groupByKeyAndWindow', 'pyspark', (ds) => ds.groupByKeyAndWindow(2, 1)],
];
const notNeeding: [string, 'scala' | 'pyspark', Build][] = [
  ['window', 'scala', (ds) => ds.window(2, 1)],
  ['reduceByKeyAndWindow without inverse', 'pyspark', (ds) => ds.reduceByKeyAndWindow((a, b) => a + b, null, 2, 1)],
  ['Scala groupByKeyAndWindow', 'scala', (ds) => ds.groupByKeyAndWindow(2, 1)],
  ['reduceByWindow without inverse (Scala)', 'scala', (ds) => ds.map(([, v]) => v).reduceByWindow((a, b) => a + b, null, 2, 1)],
];

describe('checkpoint directory rule', () => {
  test.each(needing)('%s refuses to start without a checkpoint directory (%s)', (_name, flavor, build) =>
    inJvm(() => {
      const { ssc } = makeContexts(flavor);
      build(ssc.queueStream<Pair<string, number>>([[]])).pprint();
      expect(() => ssc.start()).toThrow(NO_DIR);
      expect(ssc.getState()).toBe('STOPPED');
      expect(ssc.events()).toContainEqual(expect.objectContaining({ type: 'callRefused', rule: 'checkpoint-directory-required' }));
    }),
  );

  test.each(needing)('%s starts with ssc.checkpoint(dir) or sc.setCheckpointDir(dir) (%s)', (_name, flavor, build) =>
    inJvm(() => {
      for (const how of ['ssc', 'sc'] as const) {
        const { sc, ssc } = makeContexts(flavor);
        if (how === 'ssc') ssc.checkpoint('/tmp/cp');
        else sc.setCheckpointDir('/tmp/cp');
        build(ssc.queueStream<Pair<string, number>>([[]])).pprint();
        ssc.start();
        expect(ssc.getState()).toBe('ACTIVE');
        ssc.stop();
      }
    }),
  );

  test.each(notNeeding)('%s needs no checkpoint directory (%s)', (_name, flavor, build) =>
    inJvm(() => {
      const { ssc } = makeContexts(flavor);
      build(ssc.queueStream<Pair<string, number>>([[]])).pprint();
      ssc.start();
      expect(ssc.getState()).toBe('ACTIVE');
      ssc.stop();
    }),
  );

  test('a stream the user checkpoints needs a directory too', () =>
    inJvm(() => {
      const { ssc } = makeContexts();
      const ds = ssc.queueStream([[1]]).map((x) => x);
      ds.checkpoint(2);
      ds.pprint();
      expect(() => ssc.start()).toThrow(NO_DIR);
    }));
});

describe('checkpoint intervals and remember durations', () => {
  const stateStream = (ssc: StreamingContext): DStream<unknown> => {
    const st = ssc
      .queueStream<Pair<string, number>>([[]])
      .updateStateByKey((vs: number[], s: number | undefined) => (s ?? 0) + vs.length);
    st.pprint();
    return st;
  };

  test.each([
    [1, 10_000],
    [3, 12_000],
    [0.5, 10_000],
    [15, 15_000],
  ])('default interval for batch %s s is the smallest multiple of the slide ≥ 10 s: %s ms', (batch, expected) =>
    inJvm(() => {
      const { ssc } = makeContexts('pyspark', batch);
      ssc.checkpoint('/tmp/cp');
      const st = stateStream(ssc);
      ssc.start();
      expect(st.checkpointDuration?.milliseconds).toBe(expected);
      expect(st.rememberDuration?.milliseconds).toBe(2 * expected);
      ssc.stop();
    }),
  );

  test.each([
    [0.1, 1000],
    [1, 10_000],
    [10, 100_000],
  ])('mapWithState defaults to 10 × the slide (batch %s s → %s ms)', (batch, expected) =>
    inJvm(() => {
      const { ssc } = makeContexts('scala', batch);
      ssc.checkpoint('/tmp/cp');
      const m = ssc
        .queueStream<Pair<string, number>>([[]])
        .mapWithState(StateSpec.function((_k: string, _v: number | undefined, _s: State<number>) => 1));
      m.pprint();
      ssc.start();
      const internal = m.dependencies[0]!;
      expect(internal.checkpointDuration?.milliseconds).toBe(expected);
      ssc.stop();
    }),
  );

  test('an interval lower than the slide is refused', () =>
    inJvm(() => {
      const { ssc } = makeContexts('pyspark', 2);
      ssc.checkpoint('/tmp/cp');
      const ds = ssc.queueStream([[1]]).map((x) => x);
      ds.checkpoint(1);
      ds.pprint();
      expect(() => ssc.start()).toThrow(
        'requirement failed: The checkpoint interval for MappedDStream has been set to 1000 ms which is lower than its slide time (2000 ms). Please set it to at least 2000 ms.',
      );
    }));

  test('an interval that is not a multiple of the slide is refused (double spaces as in Spark 3)', () =>
    inJvm(() => {
      const { ssc } = makeContexts('pyspark', 2);
      ssc.checkpoint('/tmp/cp');
      const ds = ssc.queueStream([[1]]).map((x) => x);
      ds.checkpoint(3);
      ds.pprint();
      expect(() => ssc.start()).toThrow(
        'requirement failed: The checkpoint interval for MappedDStream has been set to  3000 ms which not a multiple of its slide time (2000 ms). Please set it to a multiple of 2000 ms.',
      );
    }));

  test('remember(seconds) keeps every stream’s RDDs at least that long', () =>
    inJvm(async () => {
      const { ssc } = makeContexts();
      ssc.remember(5);
      const q = ssc.queueStream([[1], [2], [3], [4], [5], [6], [7], [8]]);
      q.pprint();
      ssc.start();
      await ssc.awaitTerminationOrTimeout(8);
      expect([...q.generatedRDDs.keys()]).toEqual([4000, 5000, 6000, 7000, 8000]);
      expect(q.slice(4, 8).map((r) => r.collect())).toEqual([[4], [5], [6], [7], [8]]);
      ssc.stop();
    }));
});

describe('memory stays bounded (old RDDs are forgotten)', () => {
  test('a plain pipeline keeps one batch per stream', () =>
    inJvm(async () => {
      const { ssc } = makeContexts();
      const q = ssc.queueStream<number>([[]]);
      const m = q.map((x) => x + 1);
      m.pprint();
      ssc.start();
      await ssc.awaitTerminationOrTimeout(200);
      expect(q.generatedRDDs.size).toBe(1);
      expect(m.generatedRDDs.size).toBe(1);
      ssc.stop();
    }));

  test('parents of a window keep exactly the window’s history', () =>
    inJvm(async () => {
      const { ssc } = makeContexts();
      const q = ssc.queueStream<number>([[]]);
      const parent = q.map((x) => x);
      const w = parent.window(3, 1);
      w.pprint();
      ssc.start();
      await ssc.awaitTerminationOrTimeout(200);
      // window remembers its slide (1 s); its parent remembers 1 s + the window (3 s).
      expect(w.generatedRDDs.size).toBe(1);
      expect([...parent.generatedRDDs.keys()]).toEqual([197000, 198000, 199000, 200000]);
      expect(q.generatedRDDs.size).toBe(4);
      ssc.stop();
    }));

  test('a stateful windowed word count keeps a bounded history per stream over 2,000 batches', () =>
    inJvm(async () => {
      const sc = new SparkContext({ master: 'local[2]' });
      const ssc = new StreamingContext(sc, 1);
      ssc.checkpoint('/tmp/cp');
      ssc.inspect({ inputs: false });
      const words = ssc.queueStream<string>([[]]).map((w): Pair<string, number> => [w, 1]);
      const windowed = words.reduceByKeyAndWindow((a, b) => a + b, (a, b) => a - b, 10, 2);
      const state = words.updateStateByKey((vs: number[], s: number | undefined) => (s ?? 0) + vs.length);
      windowed.foreachRDD(() => undefined);
      state.foreachRDD(() => undefined);
      ssc.start();
      await ssc.awaitTerminationOrTimeout(2000);
      for (const s of ssc.runtime.graph.reachableStreams()) expect(s.generatedRDDs.size).toBeLessThanOrEqual(40);
      ssc.stop();
    }));
});
