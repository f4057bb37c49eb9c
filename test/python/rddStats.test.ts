/**
 * RDD.stats (a StatCounter with PySpark's repr), mean / variance / stdev / sampleVariance /
 * sampleStdev, histogram and the *Approx actions of a .py program. Expected values: rdd.py's
 * doctests and tests/test_rdd.py's test_histogram (apache/spark). Inputs are floats where a min
 * or max is printed: PySpark keeps them through numpy's maximum/minimum when numpy is installed
 * (1 becomes 1.0) and the builtins otherwise, and so does dstream-sim.
 */
import { runScenario } from 'dstream-sim';
import { makePyScenario, PREAMBLE } from './pyScenario';

jest.setTimeout(30_000);

async function printedBy(name: string, program: string, until = 1): Promise<string[]> {
  const r = await runScenario(makePyScenario(name, `${PREAMBLE}${program}`, `until: ${until}\n`));
  return r.events.flatMap((e) => (e.type === 'programOutput' ? [e.text] : []));
}

test("stats and the moments give rdd.py's doctest results", async () => {
  const printed = await printedBy(
    'stats',
    `rdd = sc.parallelize([1, 2, 3])
print(rdd.mean(), rdd.variance(), rdd.stdev(), rdd.sampleStdev(), rdd.sampleVariance())
s = sc.parallelize([1.0, 2.0, 3.0, 4.0], 3).stats()
print(s)
print(", ".join("%s=%s" % kv for kv in sorted(s.asDict().items())))
print(s.count(), s.sum(), s.min(), s.max())
from pyspark.statcounter import StatCounter
print(StatCounter([1.0, 2.0]).mergeStats(StatCounter([3.0, 4.0])))
e = sc.parallelize([1.0], 2).stats()
print(e.count(), e.mean(), e.variance(), e.sampleVariance())
`,
  );
  expect(printed).toEqual([
    '2.0 0.6666666666666666 0.816496580927726 1.0 1.0',
    '(count: 4, mean: 2.5, stdev: 1.118033988749895, max: 4.0, min: 1.0)',
    // asDict: the sample stdev and variance unless sample=True (the StatCounter.asDict doctest)
    'count=4, max=4.0, mean=2.5, min=1.0, stdev=1.2909944487358056, sum=10.0, variance=1.6666666666666667',
    '4 10.0 1.0 4.0',
    '(count: 4, mean: 2.5, stdev: 1.118033988749895, max: 4.0, min: 1.0)',
    '1 1.0 0.0 nan',
  ]);
});

test("histogram gives rdd.py's doctest and test_rdd.py's test_histogram results", async () => {
  const printed = await printedBy(
    'histogram',
    `rdd = sc.parallelize(range(51))
print(rdd.histogram(2))
print(rdd.histogram([0, 5, 25, 50]))
print(rdd.histogram([0, 15, 30, 45, 60]))
print(sc.parallelize(["ab", "ac", "b", "bd", "ef"]).histogram(("a", "b", "c")))
empty = sc.parallelize([])
print(empty.histogram([0, 10])[1], empty.histogram([0, 4, 10])[1])
out = sc.parallelize([10.01, -0.01])
print(out.histogram([0, 10])[1], out.histogram((0, 4, 10))[1], out.histogram([0, 5, 10])[1])
r = sc.parallelize(range(1, 5))
print(r.histogram([0, 10])[1], r.histogram([0, 4, 10])[1], r.histogram([1, 4])[1])
print(sc.parallelize([1, 2, 3, 5, 6, None, float('nan')]).histogram([0, 5, 10])[1])
print(sc.parallelize([1, 2, 3, 5, 6]).histogram([0, 5, 11])[1])
print(sc.parallelize([-0.01, 0.0, 1, 2, 3, 5, 6, 11.0, 11.01]).histogram([0, 5, 11])[1])
print(sc.parallelize([-0.01, 0.0, 1, 2, 3, 5, 6, 11.01, 12.0, 199.0, 200.0, 200.1, None, float('nan')]).histogram([0.0, 5.0, 11.0, 12.0, 200.0])[1])
print(sc.parallelize([10.01, -0.01, float('nan'), float("inf")]).histogram([float('-inf'), 0, float('inf')])[1])
print(r.histogram(1), sc.parallelize([1]).histogram(1), sc.parallelize([1] * 4).histogram(1), r.histogram(2))
print(sc.parallelize([1, 2]).histogram(5))
s = sc.parallelize(["ab", "ac", "b", "bd", "ef"], 2)
print(s.histogram(["a", "b", "c"])[1], s.histogram(1))
for bad in ([], [1], 0, {}):
    try:
        out.histogram(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
for bad in (empty, sc.parallelize([1, float('inf')]), sc.parallelize([float('nan')]), s):
    try:
        bad.histogram(2)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
`,
  );
  expect(printed).toEqual([
    '([0, 25, 50], [25, 26])',
    '([0, 5, 25, 50], [5, 20, 26])',
    '([0, 15, 30, 45, 60], [15, 15, 15, 6])',
    "(('a', 'b', 'c'), [2, 2])",
    '[0] [0, 0]',
    '[0] [0, 0] [0, 0]',
    '[4] [3, 1] [4]',
    '[3, 2]',
    '[3, 2]',
    '[4, 3]',
    '[4, 2, 1, 3]',
    '[1, 2]',
    // even buckets: i * inc + min (a float unless inc is whole), the max appended as it is
    '([1, 4], [4]) ([1, 1], [1]) ([1, 1], [4]) ([1.0, 2.5, 4], [2, 2])',
    '([1.0, 1.2, 1.4, 1.6, 1.8, 2], [1, 0, 0, 0, 1])',
    "[2, 2] (['ab', 'ef'], [5])",
    'ValueError: buckets should have more than one value',
    'ValueError: buckets should have more than one value',
    'ValueError: number of buckets must be >= 1',
    'TypeError: buckets should be a list or tuple or number(int or long)',
    // rdd.py catches a TypeError "… empty …" only: reduce's ValueError on no records passes through
    'ValueError: Can not reduce() empty RDD',
    'ValueError: Can not generate buckets with infinite value',
    'ValueError: Can not reduce() empty RDD', // NaN is left out: nothing remains
    'TypeError: Can not generate buckets with non-number in RDD',
  ]);
});

test('countApprox, sumApprox and meanApprox are exact (every task ends at once on the virtual clock)', async () => {
  const printed = await printedBy(
    'approx',
    `rdd = sc.parallelize(range(1000), 10)
print(rdd.countApprox(1000, 1.0))
s = rdd.sumApprox(1000)
print(s, s.confidence, s.low, s.high, type(s).__name__)
m = rdd.meanApprox(1000)
print(m, m.confidence, m.low, m.high)
`,
  );
  expect(printed).toEqual(['1000', '499500.0 1.0 499500.0 499500.0 BoundedFloat', '499.5 1.0 499.5 499.5']);
});
