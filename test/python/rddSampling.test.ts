/**
 * RDD.takeSample / randomSplit / sampleByKey of a .py program, drawn as PySpark's rdd.py and
 * rddsampler.py draw them (CPython's random, per partition random.Random(seed ^ split)). The
 * sizes are rdd.py's doctests; the exact draws follow from the seeds.
 */
import { runScenario } from 'dstream-sim';
import { makePyScenario, PREAMBLE } from './pyScenario';

jest.setTimeout(30_000);

async function printedBy(name: string, program: string, until = 1): Promise<string[]> {
  const r = await runScenario(makePyScenario(name, `${PREAMBLE}${program}`, `until: ${until}\n`));
  return r.events.flatMap((e) => (e.type === 'programOutput' ? [e.text] : []));
}

test("takeSample gives rdd.py's doctest sizes, and the same draws every run", async () => {
  const printed = await printedBy(
    'take-sample',
    `import sys
rdd = sc.parallelize(range(0, 10))
print(len(rdd.takeSample(True, 20, 1)), len(rdd.takeSample(False, 5, 2)), len(rdd.takeSample(False, 15, 3)))
print(rdd.takeSample(True, 20, 1))
print(rdd.takeSample(False, 5, 2))
print(rdd.takeSample(False, 15, 3))
print(rdd.takeSample(False, 5, 2) == rdd.takeSample(False, 5, 2), len(sc.parallelize(range(1000), 1).takeSample(False, 10)))
print(rdd.takeSample(False, 0, 1), sc.parallelize([], 2).takeSample(True, 3, 1))
for bad in (-1, sys.maxsize):
    try:
        sc.range(0, 10).takeSample(False, bad)
    except ValueError as e:
        print("ValueError:", e)
`,
  );
  expect(printed).toEqual([
    '20 5 10',
    '[0, 6, 3, 4, 3, 1, 3, 7, 3, 5, 3, 0, 0, 9, 6, 5, 7, 9, 4, 7]',
    '[5, 9, 3, 4, 6]',
    '[1, 5, 6, 0, 9, 4, 7, 2, 8, 3]', // num >= count: the whole RDD shuffled by random.Random(3)
    'True 10', // test_sampling_default_seed
    '[] []',
    'ValueError: Sample size cannot be negative.',
    'ValueError: Sample size cannot be greater than 9223372006484770808.',
  ]);
});

test("randomSplit gives rdd.py's doctest sizes; sampleByKey keeps each key's fraction", async () => {
  const printed = await printedBy(
    'random-split',
    `rdd = sc.parallelize(range(500), 1)
rdd1, rdd2 = rdd.randomSplit([2, 3], 17)
print(len(rdd1.collect() + rdd2.collect()), 150 < rdd1.count() < 250, 250 < rdd2.count() < 350)
print(rdd1.count(), rdd2.count(), sorted(rdd1.collect() + rdd2.collect()) == list(range(500)))
print([s.collect() for s in sc.parallelize(range(10), 2).randomSplit([1, 1, 2], 5)])
for bad in ([-1, 2], [0, 0]):
    try:
        rdd.randomSplit(bad)
    except ValueError as e:
        print("ValueError:", e)
fractions = {"a": 0.2, "b": 0.1}
pairs = sc.parallelize(fractions.keys()).cartesian(sc.parallelize(range(0, 1000)))
sample = dict(pairs.sampleByKey(False, fractions, 2).groupByKey().collect())
print(100 < len(sample["a"]) < 300 and 50 < len(sample["b"]) < 150)
print(max(sample["a"]) <= 999 and min(sample["a"]) >= 0, max(sample["b"]) <= 999 and min(sample["b"]) >= 0)
print(len(sample["a"]), len(sample["b"]))
`,
  );
  expect(printed).toEqual([
    '500 True True',
    '192 308 True', // random.Random(17): 192 draws below 0.4
    // partition p draws once per record from random.Random(5 ^ p); [0, .25) | [.25, .5) | [.5, 1)
    '[[2, 3, 8], [1, 6], [0, 4, 5, 7, 9]]',
    'ValueError: Weights must be nonnegative',
    'ValueError: Sum of weights must be positive',
    'True', // the sampleByKey doctest
    'True True',
    '191 100',
  ]);
});
