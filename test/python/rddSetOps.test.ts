/**
 * RDD.subtract / subtractByKey / intersection / cartesian / zip / zipWithIndex / zipWithUniqueId
 * of a .py program, computed as PySpark's rdd.py computes them (cogroup in Python; the JVM's
 * cartesian over serialized batches; the JVM's zip). Expected values: rdd.py's doctests and
 * tests/test_rdd.py (apache/spark), as cited per line.
 */
import { runScenario } from 'dstream-sim';
import { makePyScenario, PREAMBLE } from './pyScenario';

jest.setTimeout(30_000);

async function printedBy(name: string, program: string, until = 1): Promise<string[]> {
  const r = await runScenario(makePyScenario(name, `${PREAMBLE}${program}`, `until: ${until}\n`));
  return r.events.flatMap((e) => (e.type === 'programOutput' ? [e.text] : []));
}

test("subtract, subtractByKey and intersection give rdd.py's doctest results", async () => {
  const printed = await printedBy(
    'set-ops',
    `rdd1 = sc.parallelize([("a", 1), ("b", 4), ("b", 5), ("a", 3)])
rdd2 = sc.parallelize([("a", 3), ("c", None)])
print(sorted(rdd1.subtract(rdd2).collect()))
rdd3 = sc.parallelize([("a", 1), ("b", 4), ("b", 5), ("a", 2)])
print(sorted(rdd3.subtractByKey(rdd2).collect()))
print(sc.parallelize([1, 10, 2, 3, 4, 5]).intersection(sc.parallelize([1, 6, 2, 3, 7, 8])).collect())
print(rdd1.subtract(rdd2).getNumPartitions(), rdd1.subtract(rdd2, 3).getNumPartitions())
`,
  );
  expect(printed).toEqual([
    "[('a', 1), ('b', 4), ('b', 5)]", // subtract doctest
    "[('b', 4), ('b', 5)]", // subtractByKey doctest
    '[1, 2, 3]', // intersection doctest (unsorted: the cogroup's hash partitions)
    '4 3', // cogroup of a union: 2 + 2 partitions unless numPartitions is given
  ]);
});

test('cartesian pairs the serialized batches as the JVM does (CartesianDeserializer order); zip pairs records', async () => {
  const printed = await printedBy(
    'cartesian-zip',
    `rdd = sc.parallelize([1, 2])
print(sorted(rdd.cartesian(rdd).collect()))
print(rdd.cartesian(rdd).glom().collect())
print(sc.parallelize([1, 2]).cartesian(sc.parallelize([3, 4])).map(lambda xy: xy[0] + xy[1]).collect())
# parallelize(range(5), 2) is a Python function's output: auto-batched 1, 2, 4, ... records.
print(sc.parallelize(range(5), 2).cartesian(sc.parallelize(range(5), 2)).glom().collect()[3])
# parallelize([...5], 2): batches of 2 ([1, 2] | [3, 4], [5]), sliced between partitions.
print(sc.parallelize([1, 2, 3, 4, 5], 2).cartesian(sc.parallelize([1, 2, 3, 4, 5], 2)).glom().collect()[3])
r = sc.parallelize(range(10), 2)
print(len(set(r.cartesian(r).cartesian(r).collect())), len(set(r.cartesian(r.cartesian(r)).collect())))
print(set(r.cartesian(r.zip(r)).collect()) == set([(x, (y, y)) for x in range(10) for y in range(10)]))
print(sc.parallelize(range(0, 5)).zip(sc.parallelize(range(1000, 1005))).collect())
abc = sc.parallelize('abc', 2)
print(sorted(abc.zip(abc).zip(abc).collect()), sorted(abc.zip(abc.zip(abc)).collect()))
a = sc.parallelize(range(5), 2)
try:
    a.zip(sc.parallelize(range(100, 106), 3))
except ValueError as e:
    print("ValueError:", e)
try:
    a.zip(sc.parallelize(range(100, 104), 2)).count()
except Exception as e:
    print(type(e).__name__, str(e).splitlines()[-1])
`,
  );
  expect(printed).toEqual([
    '[(1, 1), (1, 2), (2, 1), (2, 2)]', // cartesian doctest
    '[[(1, 1)], [(1, 2)], [(2, 1)], [(2, 2)]]', // partition i*m + j pairs partition i with j
    '[4, 5, 5, 6]', // test_transforming_cartesian_result
    // batches [2], [3, 4] on each side: ([2],[2]) ([2],[3,4]) ([3,4],[2]) ([3,4],[3,4])
    '[(2, 2), (2, 3), (2, 4), (3, 2), (4, 2), (3, 3), (3, 4), (4, 3), (4, 4)]',
    // batches [3, 4], [5] on each side
    '[(3, 3), (3, 4), (4, 3), (4, 4), (3, 5), (4, 5), (5, 3), (5, 4), (5, 5)]',
    '1000 1000', // test_cartesian_chaining
    'True',
    '[(0, 1000), (1, 1001), (2, 1002), (3, 1003), (4, 1004)]', // zip doctest
    "[(('a', 'a'), 'a'), (('b', 'b'), 'b'), (('c', 'c'), 'c')] [('a', ('a', 'a')), ('b', ('b', 'b')), ('c', ('c', 'c'))]", // test_zip_chaining
    'ValueError: Can only zip with RDD which has the same number of partitions', // test_zip_with_different_number_of_items
    'Py4JJavaError : org.apache.spark.SparkException: Can only zip RDDs with same number of elements in each partition',
  ]);
});

test("zipWithIndex and zipWithUniqueId give rdd.py's doctest results", async () => {
  const printed = await printedBy(
    'zip-index',
    `print(sc.parallelize(["a", "b", "c", "d"], 3).zipWithIndex().collect())
print(sc.parallelize(["a", "b", "c", "d", "e"], 3).zipWithUniqueId().collect())
print(sc.parallelize([], 2).zipWithIndex().collect(), sc.parallelize(["x"], 1).zipWithIndex().collect())
`,
  );
  expect(printed).toEqual([
    "[('a', 0), ('b', 1), ('c', 2), ('d', 3)]",
    "[('a', 0), ('b', 1), ('c', 4), ('d', 2), ('e', 5)]",
    "[] [('x', 0)]",
  ]);
});

test('the issue\'s program: ds.transform(lambda v: v.subtract(other)) with sc.range in a stream', async () => {
  const r = await runScenario(
    makePyScenario(
      'streaming-ops',
      `from pyspark import SparkContext
from pyspark.streaming import StreamingContext

sc = SparkContext(appName="streaming_ops")
ssc = StreamingContext(sc, 1)

other = sc.range(1, 6)
ds = ssc.queueStream([sc.range(0, 10), sc.range(3, 8)])
ds.transform(lambda v: v.subtract(other)).pprint()
ds.transform(lambda v: v.intersection(other)).pprint()
ds.transform(lambda v: v.cartesian(other).filter(lambda p: p[0] == p[1])).pprint()
ds.transform(lambda v: v.zipWithIndex()).pprint()
ds.foreachRDD(lambda t, rdd: print(t, rdd.map(float).stats(), rdd.top(2)))

ssc.start()
ssc.awaitTermination()
`,
      'until: 2\n',
    ),
  );
  expect(r.printed).toContain('Time: 1970-01-01 00:00:01\n-------------------------------------------\n0\n8\n9\n6\n7\n\n');
  expect(r.printed).toContain('Time: 1970-01-01 00:00:02\n-------------------------------------------\n6\n7\n\n');
  // intersection: the cogroup of a union has 2 + 2 partitions; portable_hash % 4 puts 4, 5, 3 in that order.
  expect(r.printed).toContain('Time: 1970-01-01 00:00:02\n-------------------------------------------\n4\n5\n3\n\n');
  expect(r.printed).toContain('Time: 1970-01-01 00:00:02\n-------------------------------------------\n(3, 3)\n(4, 4)\n(5, 5)\n\n');
  expect(r.printed).toContain('Time: 1970-01-01 00:00:02\n-------------------------------------------\n(3, 0)\n(4, 1)\n(5, 2)\n(6, 3)\n(7, 4)\n\n');
  const lines = r.events.flatMap((e) => (e.type === 'programOutput' ? [e.text] : []));
  expect(lines).toEqual([
    '1970-01-01 00:00:01 (count: 10, mean: 4.5, stdev: 2.8722813232690143, max: 9.0, min: 0.0) [9, 8]',
    '1970-01-01 00:00:02 (count: 5, mean: 5.0, stdev: 1.4142135623730951, max: 7.0, min: 3.0) [7, 6]',
  ]);
});

test("a queue's RDD in transform is batched as the driver's parallelize batched it, so cartesian orders alike", async () => {
  const r = await runScenario(
    makePyScenario(
      'cartesian-stream',
      `${PREAMBLE}a = sc.parallelize([1, 2, 3, 4, 5], 2)
m = a.map(lambda x: x * 10)
print(a.cartesian(m).glom().collect()[3])
ds = ssc.queueStream([a])
ds.transform(lambda v: v.cartesian(m)).glom().pprint()
ds.transform(lambda v: v.map(lambda x: x).cartesian(a)).glom().pprint()
ssc.start()
ssc.awaitTermination()
`,
      'until: 1\n',
    ),
  );
  // a: batches [1, 2] | [3, 4], [5]; m (a Python function's output): [10], [20] | [30], [40, 50]
  expect(r.events.flatMap((e) => (e.type === 'programOutput' ? [e.text] : []))).toEqual([
    '[(3, 30), (4, 30), (3, 40), (3, 50), (4, 40), (4, 50), (5, 30), (5, 40), (5, 50)]',
  ]);
  expect(r.printed).toContain('[(3, 30), (4, 30), (3, 40), (3, 50), (4, 40), (4, 50), (5, 30), (5, 40), (5, 50)]\n\n');
  // left auto-batched [3], [4, 5]; right a's [3, 4], [5]
  expect(r.printed).toContain('[(3, 3), (3, 4), (3, 5), (4, 3), (4, 4), (5, 3), (5, 4), (4, 5), (5, 5)]\n\n');
});
