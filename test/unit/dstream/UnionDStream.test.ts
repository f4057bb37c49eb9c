/**
 * `union` (Spark: `UnionDStream` in Scala; PySpark's `transformWith(lambda a, b: a.union(b))` with
 * its own slide check).
 */
import { ValueError, type RDD } from 'dstream-sim';
import { inJvm, makeContexts } from '../../__helpers__/sim';

test.each(['scala', 'pyspark'] as const)('%s: the union of two streams has both streams’ records each batch', (flavor) =>
  inJvm(async () => {
    const { ssc } = makeContexts(flavor);
    const out: number[][] = [];
    const u = ssc.queueStream<number>([[1], [2]]).union(ssc.queueStream<number>([[10], [20]]));
    u.foreachRDD((rdd: RDD<number>) => void out.push(rdd.collect().sort((a, b) => a - b)));
    ssc.start();
    await ssc.awaitTerminationOrTimeout(2);
    ssc.stop();
    expect(out).toEqual([
      [1, 10],
      [2, 20],
    ]);
    expect(String(u)).toMatch(/^union \[\d+\]$/);
  }));

test('PySpark: streams with different slides are refused with PySpark’s ValueError', () =>
  inJvm(() => {
    const { ssc } = makeContexts('pyspark');
    const q = ssc.queueStream<number>([[1]]);
    expect(() => q.union(q.window(2, 2))).toThrow(new ValueError('the two DStream should have same slide duration'));
  }));
