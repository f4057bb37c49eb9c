/** A .py program's records stay Python objects end to end, and print as Python prints them. */
import { runScenario } from 'dstream-sim';
import { makePyScenario, PREAMBLE } from './pyScenario';

jest.setTimeout(30_000);

test('ints, floats, None, tuples, dicts, lists and a user class cross the engine unchanged', async () => {
  const dir = makePyScenario(
    'records',
    `${PREAMBLE}
class Point:
    def __init__(self, x):
        self.x = x
    def __str__(self):
        return "Point(%d)" % self.x

rdd = sc.parallelize([1, 1.0, None, ("a", 1), {"k": 1}, [1, 2], Point(3), "s"], 1)
ds = ssc.queueStream([rdd])
ds.pprint()
ds.map(lambda v: type(v).__name__).pprint()
def check(rdd):
    vs = rdd.collect()
    print(repr(vs[0]), repr(vs[1]), vs[6].__class__.__name__, vs[6].x, type(vs[3]).__name__)
ds.foreachRDD(check)
ssc.start()
ssc.awaitTermination()
`,
    'until: 1\n',
  );
  const r = await runScenario(dir);
  expect(r.printed).toBe(
    [
      '-------------------------------------------',
      'Time: 1970-01-01 00:00:01',
      '-------------------------------------------',
      '1',
      '1.0',
      'None',
      "('a', 1)",
      "{'k': 1}",
      '[1, 2]',
      'Point(3)',
      's',
      '',
      '-------------------------------------------',
      'Time: 1970-01-01 00:00:01',
      '-------------------------------------------',
      'int',
      'float',
      'NoneType',
      'tuple',
      'dict',
      'list',
      'Point',
      'str',
      '',
      '',
    ].join('\n'),
  );
  expect(r.transcript).toContain('[1000 ms] program: 1 1.0 Point 3 tuple\n');
  expect(r.transcript).toContain(`input Queue input [0]: [1, 1.0, None, ('a', 1), {'k': 1}, [1, 2], `);
});

test('the notes map example prints what PySpark prints, as its TypeScript twin does', async () => {
  const py = await runScenario(`${__dirname}/../../scenarios/py-notes-map`);
  const ts = await runScenario(`${__dirname}/../../scenarios/notes-map`);
  expect(py.printed).toBe(ts.printed);
  expect(py.transcript.split('\n').slice(1)).toEqual(ts.transcript.split('\n').slice(1));
});

test('parallelize takes its records when it is called: a list changed afterwards, or a mutable record, is not seen changed', async () => {
  // PySpark pickles the records in parallelize. Python keeps immutable records of a parallelized
  // RDD to pipe them without a round trip through the engine; mutable ones must come from the copy.
  const dir = makePyScenario(
    'parallelize-copies',
    `${PREAMBLE}
lines = ["a b", "c"]
inner = [1]
rdd_s = sc.parallelize(lines, 2)
rdd_l = sc.parallelize([inner, ("t", 2)], 1)
lines.append("late")
inner.append(99)
print(rdd_s.flatMap(lambda l: l.split(" ")).collect(), rdd_l.map(lambda x: x).collect())
print(rdd_s.map(lambda l: l.upper()).reduce(lambda a, b: a + "|" + b))
`,
    'until: 1\n',
  );
  const r = await runScenario(dir);
  const said = r.events.flatMap((e) => (e.type === 'programOutput' ? [e.text] : []));
  expect(said).toEqual(["['a', 'b', 'c'] [[1], ('t', 2)]", 'A B|C']);
});
