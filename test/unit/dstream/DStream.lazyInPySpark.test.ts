/**
 * PySpark builds the JVM stream of a one-parent transformation lazily (PythonDStream's
 * `_jdstream` is made on first use), so after `start()` it is refused only when an output
 * operation uses it; Scala refuses it at once (spark-semantics §1.3). One test per DStream kind
 * (MappedDStream, FilteredDStream, …: each passes `lazyInPySpark`).
 */
import { IllegalStateError, type DStream } from 'dstream-sim';
import { inJvm, makeContexts } from '../../__helpers__/sim';

const ADD_AFTER_START =
  'Adding new inputs, transformations, and output operations after starting a context is not supported';

type KV = [string, number];
const kinds: [string, (ds: DStream<KV>) => DStream<unknown>][] = [
  ['map', (ds) => ds.map((x) => x)],
  ['filter', (ds) => ds.filter(() => true)],
  ['flatMap', (ds) => ds.flatMap((x) => [x])],
  ['mapPartitions', (ds) => ds.mapPartitions((it) => it)],
  ['glom', (ds) => ds.glom()],
  ['mapValues', (ds) => ds.mapValues((v) => v)],
  ['flatMapValues', (ds) => ds.flatMapValues((v) => [v])],
  ['reduceByKey', (ds) => ds.reduceByKey((a, b) => a + b)],
  ['transform', (ds) => ds.transform((rdd) => rdd)],
];

describe.each(kinds)('%s after start', (_name, make) => {
  test('PySpark: made without complaint, refused when an output operation uses it', () =>
    inJvm(() => {
      const { ssc } = makeContexts('pyspark');
      const ds = ssc.queueStream<KV>([[['a', 1]]]);
      ds.pprint();
      ssc.start();
      const made = make(ds);
      expect(() => made.pprint()).toThrow(new IllegalStateError(ADD_AFTER_START));
      ssc.stop();
    }));

  test('Scala: refused at once', () =>
    inJvm(() => {
      const { ssc } = makeContexts('scala');
      const ds = ssc.queueStream<KV>([[['a', 1]]]);
      ds.pprint();
      ssc.start();
      expect(() => make(ds)).toThrow(new IllegalStateError(ADD_AFTER_START));
      ssc.stop();
      const refused = ssc.events().flatMap((e) => (e.type === 'callRefused' ? [e.call] : []));
      expect(refused).toHaveLength(1);
      expect(refused[0]).toMatch(/^DStream\.\w+\(\)$/);
    }));
});

describe.each(kinds)('%s of a parent that makes no RDD (PySpark: a transform that returned None)', (_name, make) => {
  test('no RDD either, and no error', () =>
    inJvm(async () => {
      const { ssc } = makeContexts('pyspark');
      const none = ssc.queueStream<KV>([[['a', 1]]]).transform(() => null) as DStream<KV>;
      const calls: number[] = [];
      make(none).foreachRDD((rdd) => void calls.push(rdd.count()));
      ssc.start();
      await ssc.awaitTerminationOrTimeout(2);
      ssc.stop();
      expect(calls).toEqual([]);
    }));
});
