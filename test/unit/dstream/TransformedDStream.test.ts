/**
 * `ssc.transform(dstreams, f)` (Spark: `TransformedDStream`, used in both flavors): the function's
 * two forms and the requirements Spark checks when the stream is made.
 */
import { IllegalArgumentError, runOperation2, type RDD, type Time } from 'dstream-sim';
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
