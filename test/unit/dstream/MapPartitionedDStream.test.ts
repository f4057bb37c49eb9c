/**
 * `mapPartitions` / `mapPartitionsWithIndex` (Spark: `MapPartitionedDStream`): the result keeps
 * the parent's partitioner only when `preservesPartitioning` is true (default false), and
 * `mapValues` always keeps it (Spark: `MapValuedDStream`).
 */
import { runOperation, type DStream, type RDD } from 'dstream-sim';

type KV = [string, number];

async function partitionerKept(make: (reduced: DStream<KV>) => DStream<unknown>): Promise<boolean[]> {
  const kept: boolean[] = [];
  await runOperation(
    [[['a', 1], ['b', 2]]] as KV[][],
    (ds) => {
      const out = make(ds.reduceByKey((a, b) => a + b, 3));
      out.foreachRDD((rdd: RDD<unknown>) => void kept.push(rdd.partitioner !== undefined && rdd.partitioner.numPartitions === 3));
      return out;
    },
    1,
  );
  return kept;
}

describe('partitioner after a per-partition operation', () => {
  test.each([
    ['mapPartitions(f)', (d: DStream<KV>) => d.mapPartitions((it) => it), false],
    ['mapPartitions(f, true)', (d: DStream<KV>) => d.mapPartitions((it) => it, true), true],
    ['mapPartitionsWithIndex(f)', (d: DStream<KV>) => d.mapPartitionsWithIndex((_i, it) => it), false],
    ['mapPartitionsWithIndex(f, true)', (d: DStream<KV>) => d.mapPartitionsWithIndex((_i, it) => it, true), true],
    ['mapValues(f)', (d: DStream<KV>) => d.mapValues((v) => v * 2), true],
  ] as const)('%s keeps the partitioner: %s', async (_name, make, expected) => {
    expect(await partitionerKept(make)).toEqual([expected]);
  });

  test('mapPartitionsWithIndex passes each partition’s index', async () => {
    const out = await runOperation([[1, 2, 3, 4]], (ds) => ds.mapPartitionsWithIndex((i, it) => Array.from(it, (x) => `${i}:${x}`)), 1);
    expect(out).toEqual([['0:1', '0:2', '1:3', '1:4']]);
  });
});
