/**
 * `combineByKey` and `reduceByKey` (Spark: `ShuffledDStream` with `mapSideCombine = true`): each
 * map partition combines its own values first, and the reduce side merges the partitions'
 * combiners with `mergeCombiners`.
 */
import { inJvm, makeContexts } from '../../__helpers__/sim';
import type { Pair, RDD } from 'dstream-sim';

type KV = Pair<string, number>;

test.each(['pyspark', 'scala'] as const)('%s: a key in two map partitions is combined in each, then the combiners are merged', (flavor) =>
  inJvm(async () => {
    const { ssc } = makeContexts(flavor);
    const batch = ssc.sparkContext.parallelize<KV>(
      [
        ['a', 1],
        ['a', 2],
        ['a', 3],
        ['a', 4],
      ],
      2,
    );
    const out: Pair<string, string>[][] = [];
    ssc
      .queueStream<KV>([batch])
      .combineByKey(
        (v: number) => `${v}`,
        (c: string, v: number) => `${c}+${v}`,
        (x: string, y: string) => `(${x})|(${y})`,
        1,
      )
      .foreachRDD((rdd: RDD<Pair<string, string>>) => void out.push(rdd.collect()));
    ssc.start();
    await ssc.awaitTerminationOrTimeout(1);
    ssc.stop();
    expect(out).toEqual([[['a', '(1+2)|(3+4)']]]);
  }));

test.each(['pyspark', 'scala'] as const)('%s: reduceByKey reduces each map partition first, then the partitions’ results', (flavor) =>
  inJvm(async () => {
    const { ssc } = makeContexts(flavor);
    const batch = ssc.sparkContext.parallelize<Pair<string, string>>(
      [
        ['a', '1'],
        ['a', '2'],
        ['a', '3'],
        ['a', '4'],
      ],
      2,
    );
    const out: Pair<string, string>[][] = [];
    ssc
      .queueStream<Pair<string, string>>([batch])
      .reduceByKey((x: string, y: string) => `(${x}+${y})`, 1)
      .foreachRDD((rdd: RDD<Pair<string, string>>) => void out.push(rdd.collect()));
    ssc.start();
    await ssc.awaitTerminationOrTimeout(1);
    ssc.stop();
    expect(out).toEqual([[['a', '((1+2)+(3+4))']]]);
  }));

test.each(['pyspark', 'scala'] as const)('%s: groupByKey keeps every value of a key, in order, across map partitions', (flavor) =>
  inJvm(async () => {
    const { ssc } = makeContexts(flavor);
    const batch = ssc.sparkContext.parallelize<KV>(
      [
        ['a', 1],
        ['a', 2],
        ['b', 5],
        ['a', 3],
      ],
      2,
    );
    const out: Pair<string, number[]>[][] = [];
    ssc
      .queueStream<KV>([batch])
      .groupByKey(1)
      .foreachRDD((rdd: RDD<Pair<string, number[]>>) => void out.push(rdd.collect()));
    ssc.start();
    await ssc.awaitTerminationOrTimeout(1);
    ssc.stop();
    expect(out).toEqual([
      [
        ['a', [1, 2, 3]],
        ['b', [5]],
      ],
    ]);
  }));
