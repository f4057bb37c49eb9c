/**
 * Scala's `updateStateByKey((Time, K, Seq[V], Option[S]) => Option[S], partitioner,
 * rememberPartitioner, initialRDD)` (Spark: BasicOperationsSuite "updateStateByKey - testing time
 * stamps as input"), in the scala flavor.
 */
import { HashPartitioner, runOperation, type DStream, type Pair, type Partitioner, type RDD, type Time } from 'dstream-sim';

const inputData = [['a'], ['a', 'b'], ['a', 'b', 'c'], ['a', 'b'], ['a'], []];
const byKey = (batch: Pair<string, number>[]): Pair<string, number>[] => [...batch].sort(([a], [b]) => (a < b ? -1 : 1));

/** Spark's update function: add the batch time when the key got values, else keep the state. */
const stamp = (time: Time, _key: string, values: number[], state: number | undefined): number =>
  values.length > 0 ? time.milliseconds + (state ?? 0) : (state ?? 0);

test('updateStateByKey - testing time stamps as input (rememberPartitioner = false, initial RDD)', async () => {
  const out = await runOperation<string, Pair<string, number>>(
    inputData,
    (s) =>
      s
        .map((x): Pair<string, number> => [x, 1])
        .updateStateByKey(stamp, new HashPartitioner(2), false, s.context().sparkContext.parallelize<Pair<string, number>>([['a', 0], ['c', 0]])),
    6,
    { batchDuration: 1, numPartitions: 2, checkpoint: true, flavor: 'scala' },
  );
  // Spark's expected output: a key's state is the sum of the batch times it got values in.
  expect(out.map(byKey)).toEqual([
    [['a', 1000], ['c', 0]],
    [['a', 3000], ['b', 2000], ['c', 0]],
    [['a', 6000], ['b', 5000], ['c', 3000]],
    [['a', 10000], ['b', 9000], ['c', 3000]],
    [['a', 15000], ['b', 9000], ['c', 3000]],
    [['a', 15000], ['b', 9000], ['c', 3000]],
  ]);
});

test('the key is passed; returning undefined removes it; without an initial RDD only keys with data start', async () => {
  const seen: string[] = [];
  const out = await runOperation<string, Pair<string, number>>(
    inputData,
    (s) =>
      s.map((x): Pair<string, number> => [x, 1]).updateStateByKey(
        (time: Time, key: string, values: number[], state: number | undefined) => {
          seen.push(`${time.milliseconds}:${key}`);
          return key === 'b' && values.length === 0 ? undefined : (state ?? 0) + values.length;
        },
        new HashPartitioner(2),
        true,
      ),
    6,
    { batchDuration: 1, numPartitions: 2, checkpoint: true, flavor: 'scala' },
  );
  expect(out.map(byKey)).toEqual([
    [['a', 1]],
    [['a', 2], ['b', 1]],
    [['a', 3], ['b', 2], ['c', 1]],
    [['a', 4], ['b', 3], ['c', 1]],
    [['a', 5], ['c', 1]],
    [['a', 5], ['c', 1]],
  ]);
  expect(seen.filter((s) => s.startsWith('5000:')).sort()).toEqual(['5000:a', '5000:b', '5000:c']);
});

test.each([
  [true, 2],
  [false, undefined],
])('rememberPartitioner = %s: the state RDDs’ partitioner has %s partitions (none when false)', async (remember, expected) => {
  const partitioners: (Partitioner | undefined)[] = [];
  await runOperation<string, Pair<string, number>>(
    inputData.slice(0, 3),
    (s) => {
      const state: DStream<Pair<string, number>> = s
        .map((x): Pair<string, number> => [x, 1])
        .updateStateByKey((_t: Time, _k: string, vs: number[], st: number | undefined) => (st ?? 0) + vs.length, new HashPartitioner(2), remember);
      state.foreachRDD((rdd: RDD<Pair<string, number>>) => void partitioners.push(rdd.partitioner));
      return state;
    },
    3,
    { batchDuration: 1, numPartitions: 2, checkpoint: true, flavor: 'scala' },
  );
  expect(partitioners.map((p) => p?.numPartitions)).toEqual([expected, expected, expected]);
});
