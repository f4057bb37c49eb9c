/** RDD.sortBy / sortByKey / sample of a .py program, by PySpark's algorithm (sample → range bounds → partitionBy → sort). */
import { runScenario } from 'dstream-sim';
import { makePyScenario, PREAMBLE } from './pyScenario';

jest.setTimeout(30_000);

async function printedBy(name: string, program: string, until = 1): Promise<string[]> {
  const r = await runScenario(makePyScenario(name, `${PREAMBLE}${program}`, `until: ${until}\n`));
  return r.events.flatMap((e) => (e.type === 'programOutput' ? [e.text] : []));
}

test("sortByKey and sortBy give rdd.py's doctest results", async () => {
  const printed = await printedBy(
    'sort-doctests',
    `tmp = [('a', 1), ('b', 2), ('1', 3), ('d', 4), ('2', 5)]
print(sc.parallelize(tmp).sortByKey().first())
print(sc.parallelize(tmp).sortByKey(True, 1).collect())
print(sc.parallelize(tmp).sortByKey(True, 2).collect())
tmp2 = [('Mary', 1), ('had', 2), ('a', 3), ('little', 4), ('lamb', 5)]
tmp2.extend([('whose', 6), ('fleece', 7), ('was', 8), ('white', 9)])
print(sc.parallelize(tmp2).sortByKey(True, 3, keyfunc=lambda k: k.lower()).collect())
print(sc.parallelize(tmp).sortBy(lambda x: x[0]).collect())
print(sc.parallelize(tmp).sortBy(lambda x: x[1]).collect())
`,
  );
  expect(printed).toEqual([
    "('1', 3)",
    "[('1', 3), ('2', 5), ('a', 1), ('b', 2), ('d', 4)]",
    "[('1', 3), ('2', 5), ('a', 1), ('b', 2), ('d', 4)]",
    "[('a', 3), ('fleece', 7), ('had', 2), ('lamb', 5), ('little', 4), ('Mary', 1), ('was', 8), ('white', 9), ('whose', 6)]",
    "[('1', 3), ('2', 5), ('a', 1), ('b', 2), ('d', 4)]",
    "[('a', 1), ('b', 2), ('1', 3), ('d', 4), ('2', 5)]",
  ]);
});

test('the partitions are the ranges between sampled bounds (bisect_left: a key equal to a bound stays left)', async () => {
  const printed = await printedBy(
    'sort-glom',
    `tmp = [('a', 1), ('b', 2), ('1', 3), ('d', 4), ('2', 5)]
print(sc.parallelize(tmp).sortByKey(True, 2).glom().collect())
tmp2 = [('Mary', 1), ('had', 2), ('a', 3), ('little', 4), ('lamb', 5), ('whose', 6), ('fleece', 7), ('was', 8), ('white', 9)]
print(sc.parallelize(tmp2).sortByKey(True, 3, keyfunc=lambda k: k.lower()).glom().collect())
print(sc.parallelize(tmp).sortByKey(False, 2).glom().collect())
print(sc.parallelize([('b', 1), ('a', 2), ('c', 3), ('a', 0)], 2).sortByKey(False, 1).glom().collect())
print(sc.parallelize(range(100), 3).sortBy(lambda x: -x, False, 4).glom().map(len).collect())
print(sc.parallelize([], 2).sortByKey().glom().collect())
`,
  );
  expect(printed).toEqual([
    // Every key is sampled (fraction min(40/5, 1) = 1): bounds ['a'], and 'a' goes left.
    "[[('1', 3), ('2', 5), ('a', 1)], [('b', 2), ('d', 4)]]",
    // bounds ['lamb', 'was'] over the lower-cased keys.
    "[[('a', 3), ('fleece', 7), ('had', 2), ('lamb', 5)], [('little', 4), ('Mary', 1), ('was', 8)], [('white', 9), ('whose', 6)]]",
    // Descending: the range index is mirrored (numPartitions - 1 - p).
    "[[('d', 4), ('b', 2)], [('a', 1), ('2', 5), ('1', 3)]]",
    // One partition: coalesce(1), then a stable sort (equal keys keep their order).
    "[[('c', 3), ('b', 1), ('a', 2), ('a', 0)]]",
    // fraction 0.8, seed 1: 70 of 100 keys sampled (random.Random(1 ^ split)), bounds -75, -48, -22.
    '[22, 26, 27, 25]',
    // An empty RDD comes back as it is.
    '[[], []]',
  ]);
});

test('sample draws from random.Random(seed ^ split) as rddsampler.py does', async () => {
  const printed = await printedBy(
    'sample',
    `print(sc.parallelize(range(10)).sample(False, 0.5, 3).collect())
print(sc.parallelize(range(100), 3).sample(False, 0.8, 1).glom().map(len).collect())
print(sc.parallelize(range(5), 1).sample(True, 0.0, 7).collect())
try:
    sc.parallelize(range(5)).sample(False, -1.0)
except ValueError as e:
    print("ValueError:", e)
`,
  );
  expect(printed).toEqual(['[1, 3]', '[24, 22, 24]', '[]', 'ValueError: Fraction must be nonnegative.']);
});

test('transform(lambda rdd: rdd.sortByKey()) sorts each batch (the count and sample jobs run inside the batch)', async () => {
  const r = await runScenario(
    makePyScenario(
      'sort-stream',
      `${PREAMBLE}ds = ssc.queueStream([sc.parallelize([("b", 1), ("a", 2), ("c", 3), ("a", 0)], 2), sc.parallelize([], 2)])
ds.transform(lambda rdd: rdd.sortByKey()).pprint()
ds.transform(lambda rdd: rdd.sortBy(lambda kv: kv[1], ascending=False)).glom().pprint()
ssc.start()
ssc.awaitTermination()
`,
      'until: 2\n',
    ),
  );
  expect(r.printed).toContain(
    "Time: 1970-01-01 00:00:01\n-------------------------------------------\n('a', 2)\n('a', 0)\n('b', 1)\n('c', 3)\n",
  );
  expect(r.printed).toContain("Time: 1970-01-01 00:00:01\n-------------------------------------------\n[('c', 3)]\n[('a', 2), ('b', 1), ('a', 0)]\n");
  expect(r.printed).toContain('Time: 1970-01-01 00:00:02\n-------------------------------------------\n[]\n[]\n');
});
