/**
 * RDD.aggregate / treeAggregate / treeReduce / fold / reduceByKeyLocally / lookup / groupBy /
 * top / takeOrdered of a .py program, computed as PySpark's rdd.py computes them (per-partition
 * results collected and merged in the driver). Expected values: rdd.py's doctests and
 * tests/test_rdd.py (apache/spark).
 */
import { runScenario } from 'dstream-sim';
import { makePyScenario, PREAMBLE } from './pyScenario';

jest.setTimeout(30_000);

async function printedBy(name: string, program: string, until = 1): Promise<string[]> {
  const r = await runScenario(makePyScenario(name, `${PREAMBLE}${program}`, `until: ${until}\n`));
  return r.events.flatMap((e) => (e.type === 'programOutput' ? [e.text] : []));
}

test("aggregate, treeAggregate and treeReduce give rdd.py's doctest results", async () => {
  const printed = await printedBy(
    'aggregate',
    `from operator import add
seqOp = (lambda x, y: (x[0] + y, x[1] + 1))
combOp = (lambda x, y: (x[0] + y[0], x[1] + y[1]))
print(sc.parallelize([1, 2, 3, 4]).aggregate((0, 0), seqOp, combOp))
print(sc.parallelize([]).aggregate((0, 0), seqOp, combOp))
rdd = sc.parallelize([-5, -4, -3, -2, -1, 1, 2, 3, 4], 10)
print([rdd.treeAggregate(0, add, add)] + [rdd.treeAggregate(0, add, add, d) for d in (1, 2, 5, 10)])
print([rdd.treeReduce(add)] + [rdd.treeReduce(add, d) for d in (1, 2, 5, 10)])
print(sc.parallelize([], 3).treeAggregate(7, add, add), sc.emptyRDD().treeAggregate(7, add, add))
for bad in (lambda: rdd.treeAggregate(0, add, add, 0), lambda: rdd.treeReduce(add, 0), lambda: sc.parallelize([], 2).treeReduce(add)):
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
`,
  );
  expect(printed).toEqual([
    '(10, 4)',
    '(0, 0)',
    '[-5, -5, -5, -5, -5]',
    '[-5, -5, -5, -5, -5]',
    // one zero per (empty) partition, merged by reduce (no driver-side zero): 3 * 7; no partitions: the zero
    '21 7',
    'ValueError: Depth cannot be smaller than 1 but got 0.',
    'ValueError: Depth cannot be smaller than 1 but got 0.',
    'ValueError: Cannot reduce empty RDD.',
  ]);
});

test('a mutable zero value is copied per partition (test_rdd.py: test_aggregate_mutable_zero_value, test_fold_mutable_zero_value)', async () => {
  const printed = await printedBy(
    'mutable-zero',
    `from collections import defaultdict
data1 = sc.range(10, numSlices=1)
data2 = sc.range(10, numSlices=2)

def seqOp(x, y):
    x[y] += 1
    return x

def comboOp(x, y):
    for key, val in y.items():
        x[key] += val
    return x

truth = defaultdict(int, dict((i, 1) for i in range(10)))
print(data1.aggregate(defaultdict(int), seqOp, comboOp) == truth, data2.aggregate(defaultdict(int), seqOp, comboOp) == truth)
print(data1.treeAggregate(defaultdict(int), seqOp, comboOp, 2) == truth, data2.treeAggregate(defaultdict(int), seqOp, comboOp, 2) == truth)
counts = [defaultdict(int, dict((i, 1) for i in range(10))), defaultdict(int, dict((i, 1) for i in range(3, 8))),
          defaultdict(int, dict((i, 1) for i in range(4, 7))), defaultdict(int, dict((i, 1) for i in range(5, 6)))]
print(dict(sc.parallelize(counts, 1).fold(defaultdict(int), comboOp)) == dict(sc.parallelize(counts, 2).fold(defaultdict(int), comboOp)))
print(sorted(sc.parallelize(counts, 2).fold(defaultdict(int), comboOp).items()))
`,
  );
  expect(printed).toEqual([
    'True True',
    'True True',
    'True',
    '[(0, 1), (1, 1), (2, 1), (3, 2), (4, 3), (5, 4), (6, 3), (7, 2), (8, 1), (9, 1)]',
  ]);
});

test("reduceByKeyLocally, lookup and groupBy give rdd.py's doctest results", async () => {
  const printed = await printedBy(
    'by-key',
    `from operator import add
rdd = sc.parallelize([("a", 1), ("b", 1), ("a", 1)])
print(sorted(rdd.reduceByKeyLocally(add).items()))
l = range(1000)
rdd = sc.parallelize(zip(l, l), 10)
print(rdd.lookup(42))
srt = rdd.sortByKey()
print(srt.lookup(42), srt.lookup(1024))
rdd2 = sc.parallelize([(('a', 'b'), 'c')]).groupByKey()
print(list(rdd2.lookup(('a', 'b'))[0]))
# with a partitioner only the key's partition runs (sc.runJob on one partition)
seen = sc.accumulator(0)
def count(kv):
    seen.add(1)
    return True
print(sc.parallelize([(k, k) for k in range(20)], 4).partitionBy(4).filter(count).lookup(5), seen.value)
result = sc.parallelize([1, 1, 2, 3, 5, 8]).groupBy(lambda x: x % 2).collect()
print(sorted([(x, sorted(y)) for (x, y) in result]))
print(sc.parallelize([1, 1, 2, 3, 5, 8], 2).groupBy(lambda x: x % 2, 3).mapValues(list).glom().collect())
`,
  );
  expect(printed).toEqual([
    "[('a', 2), ('b', 1)]",
    '[42]',
    '[42] []',
    "['c']",
    '[5] 5', // portable_hash(5) % 4 = 1: the 5 pairs of partition 1 only
    '[(0, [2, 8]), (1, [1, 1, 3, 5])]',
    '[[(0, [2, 8])], [(1, [1, 1, 3, 5])], []]', // portable_hash(k) % 3
  ]);
});

test("top and takeOrdered give rdd.py's doctest results", async () => {
  const printed = await printedBy(
    'top',
    `print(sc.parallelize([10, 4, 2, 12, 3]).top(1))
print(sc.parallelize([2, 3, 4, 5, 6], 2).top(2))
print(sc.parallelize([10, 4, 2, 12, 3]).top(3, key=str))
print(sc.parallelize([10, 1, 2, 9, 3, 4, 5, 6, 7]).takeOrdered(6))
print(sc.parallelize([10, 1, 2, 9, 3, 4, 5, 6, 7], 2).takeOrdered(6, key=lambda x: -x))
print(sc.emptyRDD().takeOrdered(3))
try:
    sc.parallelize([1]).takeOrdered(-1)
except ValueError as e:
    print("ValueError:", e)
`,
  );
  expect(printed).toEqual(['[12]', '[6, 5]', '[4, 3, 2]', '[1, 2, 3, 4, 5, 6]', '[10, 9, 7, 6, 5, 4]', '[]', 'ValueError: top N cannot be negative.']);
});
