/**
 * Narrow steps (map, flatMap, filter, mapValues, flatMapValues) run as Spark runs them: one
 * pipelined pass per partition, record by record — and a persisted or checkpointed step in the
 * chain is read, not recomputed, decided when the partition is computed (as Spark's
 * `RDD.iterator` decides).
 */
import { HashPartitioner, SparkContext, type Pair } from '../../src/index';
import { inJvm } from '../__helpers__/sim';

const withSc = <R>(fn: (sc: SparkContext) => R): Promise<R> =>
  inJvm(() => fn(new SparkContext({ master: 'local[2]', appName: 'pipelining' })));

test('a chain of narrow steps calls its functions record by record, as Spark’s iterators do', () =>
  withSc((sc) => {
    const calls: string[] = [];
    const out = sc
      .parallelize([1, 2, 3], 1)
      .map((x) => (calls.push(`map ${x}`), x * 10))
      .filter((x) => (calls.push(`filter ${x}`), x !== 20))
      .flatMap((x) => (calls.push(`flatMap ${x}`), [x, x + 1]))
      .collect();
    expect(out).toEqual([10, 11, 30, 31]);
    expect(calls).toEqual(['map 1', 'filter 10', 'flatMap 10', 'map 2', 'filter 20', 'map 3', 'filter 30', 'flatMap 30']);
  }));

test('a step persisted after its child was made is read from the cache by the child', () =>
  withSc((sc) => {
    let calls = 0;
    const a = sc.parallelize([1, 2, 3, 4], 2).map((x) => (calls++, x + 1));
    const b = a.map((x) => x * 2);
    a.cache();
    expect(b.collect()).toEqual([4, 6, 8, 10]);
    expect(b.collect()).toEqual([4, 6, 8, 10]);
    expect(calls).toBe(4);
    a.unpersist();
    b.collect();
    expect(calls).toBe(8);
  }));

test('a checkpointed step is read from its checkpoint, not recomputed', () =>
  withSc((sc) => {
    sc.setCheckpointDir('cp');
    let calls = 0;
    const a = sc.parallelize([1, 2, 3], 1).map((x) => (calls++, x));
    const b = a.filter((x) => x > 1);
    a.checkpoint();
    expect(b.count()).toBe(2);
    a.doCheckpoint();
    const before = calls;
    expect(b.collect()).toEqual([2, 3]);
    expect(calls).toBe(before);
    expect(a.isCheckpointed()).toBe(true);
  }));

test('a shuffle reads its map side through the chain: keys, values and partitioner as before', () =>
  withSc((sc) => {
    const counts = sc
      .parallelize(['a b', 'b c', 'c c'], 2)
      .flatMap((l) => l.split(' '))
      .map((w): Pair<string, number> => [w, 1])
      .mapValues((v) => v * 2)
      .flatMapValues((v) => [v, 1])
      .reduceByKey((x, y) => x + y, 2);
    expect(Object.fromEntries(counts.collect())).toEqual({ a: 3, b: 6, c: 9 });
    expect(counts.getNumPartitions()).toBe(2);
  }));

test('cogroup reads an input already partitioned by its partitioner partition to partition, as Spark’s OneToOneDependency does', () =>
  withSc((sc) => {
    const p = new HashPartitioner(2);
    const left = sc.parallelize<Pair<string, number>>([['a', 1], ['b', 2]], 2).partitionBy(p);
    // A step that says it keeps the partitioning but changes every key to 'x': Spark trusts it
    // (no shuffle), so 'x' stays in each record's partition …
    const lying = left.mapPartitions((it) => Array.from(it, ([, v]): Pair<string, number> => ['x', v]), true);
    // … while the other side is hashed: 'x' lands in one partition only.
    const other = sc.parallelize<Pair<string, string>>([['x', 'o']], 1);
    const grouped = lying.cogroup(other, p).glom().collect();
    const where = p.getPartition('x');
    const leftValues = left.glom().collect().map((part) => part.map(([, v]) => v));
    expect(leftValues.every((vs) => vs.length === 1)).toBe(true); // 'a' and 'b' in different partitions
    expect(grouped.map((part) => part.map(([k, [vs, ws]]) => [k, vs, ws]))).toEqual(
      leftValues.map((vs, i) => [['x', vs, i === where ? ['o'] : []]]),
    );
  }));
