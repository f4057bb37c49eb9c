/**
 * `ssc.transform(dstreams, f)` (Spark: `TransformedDStream`, used in both flavors): the function's
 * two forms and the requirements Spark checks when the stream is made.
 */
import { IllegalArgumentError, runOperation2, type DStream, type RDD, type Time } from 'dstream-sim';
import { TransformedDStream } from '../../../src/dstream/TransformedDStream';
import { inJvm, makeContexts } from '../../__helpers__/sim';

describe('StreamingContext.transform', () => {
  test('a (time, rdds) function gets the batch time', async () => {
    const out = await runOperation2([[1], [2]], [[10], [20]], (a, b) =>
      a.context().transform<number>([a, b], (t: Time, rdds: RDD<unknown>[]) =>
        (rdds[0] as RDD<number>).union(rdds[1] as RDD<number>).map((x) => x + t.milliseconds),
      ),
    2);
    expect(out).toEqual([[1001, 1010], [2002, 2020]]);
  });

  test.each(['pyspark', 'scala'] as const)('%s: an empty list of streams is refused', (flavor) =>
    inJvm(() => {
      const { ssc } = makeContexts(flavor);
      expect(() => ssc.transform([], (rdds: RDD<unknown>[]) => rdds[0])).toThrow(
        new IllegalArgumentError('requirement failed: List of DStreams to transform is empty'),
      );
    }));

  test('streams with different slides are refused', () =>
    inJvm(() => {
      const { ssc } = makeContexts();
      const q = ssc.queueStream<number>([[1]]);
      expect(() => ssc.transform([q, q.window(2, 2)], (rdds: RDD<unknown>[]) => rdds[0])).toThrow(
        new IllegalArgumentError('requirement failed: Some of the DStreams have different slide durations'),
      );
    }));

  test.each(['transform', 'union'] as const)('%s: streams of different contexts are refused', (op) =>
    inJvm(() => {
      const first = makeContexts('scala');
      const second = makeContexts('scala');
      const a = first.ssc.queueStream<number>([[1]]);
      const b = second.ssc.queueStream<number>([[1]]);
      const make = (): unknown => (op === 'transform' ? first.ssc.transform([a, b], (rdds: RDD<unknown>[]) => rdds[0]) : first.ssc.union(a, b));
      expect(make).toThrow(new IllegalArgumentError('requirement failed: Some of the DStreams have different contexts'));
    }));
});

describe('PySpark’s JVM side of transform (TransformedDStream.python, called by the Python bridge)', () => {
  // Spark: PythonTransformedDStream (one parent) gives no RDD when its parent has none;
  // PythonTransformed2DStream (two parents) passes an empty RDD instead and checks no slides.
  const calls = (parentsOf: (none: DStream<unknown>, q: DStream<number>) => DStream<unknown>[]): Promise<string[]> =>
    inJvm(async () => {
      const { ssc } = makeContexts('pyspark');
      const q = ssc.queueStream<number>([[1], [2]]);
      const none = q.transform(() => null); // PySpark: a None result is no RDD
      const seen: string[] = [];
      TransformedDStream.python<number>(
        parentsOf(none, q),
        (rdds, t) => {
          seen.push(`${t.milliseconds}: ${rdds.map((r) => JSON.stringify(r.collect())).join(' ')}`);
          return rdds[rdds.length - 1] as RDD<number>;
        },
        'transform',
      ).foreachRDD(() => undefined);
      ssc.start();
      await ssc.awaitTerminationOrTimeout(2);
      ssc.stop();
      return seen;
    });

  test('one parent without an RDD: the function is not called, and there is no RDD', async () => {
    expect(await calls((none) => [none])).toEqual([]);
  });

  test('two parents, one without an RDD: the function gets an empty RDD for it', async () => {
    expect(await calls((none, q) => [none, q])).toEqual(['1000: [] [1]', '2000: [] [2]']);
  });

  test('two parents with different slides are not refused (no slide check)', () =>
    inJvm(() => {
      const { ssc } = makeContexts('pyspark');
      const q = ssc.queueStream<number>([[1]]);
      expect(() => TransformedDStream.python([q, q.window(2, 2)], (rdds) => rdds[0], 'transformWith')).not.toThrow();
    }));

  test('after start, one parent is made lazily (not refused until an output uses it); two parents are refused at once', () =>
    inJvm(() => {
      const { ssc } = makeContexts('pyspark');
      const q = ssc.queueStream<number>([[1]]);
      q.foreachRDD(() => undefined);
      ssc.start();
      expect(() => TransformedDStream.python([q], (rdds) => rdds[0], 'transform')).not.toThrow();
      expect(() => TransformedDStream.python([q, q], (rdds) => rdds[0], 'transformWith')).toThrow(
        'Adding new inputs, transformations, and output operations after starting a context is not supported',
      );
      ssc.stop();
    }));
});

describe('Scala transform functions (Spark: TransformedDStream)', () => {
  test('transformWith returning null fails the batch with Spark’s message; ssc.transform names its stream "transform"', () =>
    inJvm(async () => {
      const { ssc } = makeContexts('scala');
      const q = ssc.queueStream<number>([[1]]);
      q.transformWith((_a: RDD<number>, _b: RDD<number>) => null, q).foreachRDD(() => undefined);
      expect(String(ssc.transform<number>([q], (rdds: RDD<unknown>[]) => rdds[0] as RDD<number>))).toMatch(/^transform \[\d+\]$/);
      ssc.start();
      const error = await ssc.awaitTerminationOrTimeout(1).catch((e: unknown) => e);
      ssc.stop();
      expect(String(error)).toBe(
        'org.apache.spark.SparkException: Transform function must not return null. Return SparkContext.emptyRDD() instead to represent no element as the result of transformation.',
      );
    }));
});
