/**
 * `combineByKey` and `reduceByKey` (Spark: `ShuffledDStream` with `mapSideCombine = true`): each
 * map partition combines its own values first, and the reduce side merges the partitions'
 * combiners with `mergeCombiners`.
 */
import { inJvm, makeContexts } from '../../__helpers__/sim';
import type { DStream, Pair, RDD } from 'dstream-sim';


/** One batch of `records` in two map partitions through `op`; what the batch's RDD holds. */
function oneBatch<V, W>(
  flavor: 'pyspark' | 'scala',
  records: Pair<string, V>[],
  op: (ds: DStream<Pair<string, V>>) => DStream<Pair<string, W>>,
): Promise<Pair<string, W>[][]> {
  return inJvm(async () => {
    const { ssc } = makeContexts(flavor);
    const out: Pair<string, W>[][] = [];
    op(ssc.queueStream<Pair<string, V>>([ssc.sparkContext.parallelize(records, 2)])).foreachRDD((rdd: RDD<Pair<string, W>>) => void out.push(rdd.collect()));
    ssc.start();
    await ssc.awaitTerminationOrTimeout(1);
    ssc.stop();
    return out;
  });
}

test.each(['pyspark', 'scala'] as const)('%s: a key in two map partitions is combined in each, then the combiners are merged', async (flavor) => {
  const out = await oneBatch<number, string>(
    flavor,
    [
      ['a', 1],
      ['a', 2],
      ['a', 3],
      ['a', 4],
    ],
    (ds) =>
      ds.combineByKey(
        (v: number) => `${v}`,
        (c: string, v: number) => `${c}+${v}`,
        (x: string, y: string) => `(${x})|(${y})`,
        1,
      ),
  );
  expect(out).toEqual([[['a', '(1+2)|(3+4)']]]);
});

test.each(['pyspark', 'scala'] as const)('%s: reduceByKey reduces each map partition first, then the partitions’ results', async (flavor) => {
  const out = await oneBatch<string, string>(
    flavor,
    [
      ['a', '1'],
      ['a', '2'],
      ['a', '3'],
      ['a', '4'],
    ],
    (ds) => ds.reduceByKey((x: string, y: string) => `(${x}+${y})`, 1),
  );
  expect(out).toEqual([[['a', '((1+2)+(3+4))']]]);
});

test.each(['pyspark', 'scala'] as const)('%s: groupByKey keeps every value of a key, in order, across map partitions', async (flavor) => {
  const out = await oneBatch<number, number[]>(
    flavor,
    [
      ['a', 1],
      ['a', 2],
      ['b', 5],
      ['a', 3],
    ],
    (ds) => ds.groupByKey(1),
  );
  expect(out).toEqual([
    [
      ['a', [1, 2, 3]],
      ['b', [5]],
    ],
  ]);
});
