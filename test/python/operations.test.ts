/** DStream operations of a .py program, run by PySpark's own rules (portable_hash order, PySpark's window and state rules). */
import { runScenario } from 'dstream-sim';
import { makePyScenario, PREAMBLE } from './pyScenario';

jest.setTimeout(30_000);

/** The records each pprint block printed, per batch time, in print order. */
function blocks(printed: string): string[][] {
  return printed
    .split('-------------------------------------------\nTime: ')
    .slice(1)
    .map((b) => b.split('\n').slice(2).filter((l) => l !== ''));
}

test('word count with reduceByKey shuffles by portable_hash under PYTHONHASHSEED=0', async () => {
  const dir = makePyScenario(
    'wc',
    `${PREAMBLE}from operator import add
lines = ssc.queueStream([sc.parallelize(["a b", "b c", "c c a d"], 2)])
lines.flatMap(lambda l: l.split(" ")).map(lambda w: (w, 1)).reduceByKey(add).pprint()
lines.flatMap(lambda l: l.split(" ")).countByValue().pprint()
lines.count().pprint()
ssc.start()
ssc.awaitTermination()
`,
    'until: 1\n',
  );
  const r = await runScenario(dir);
  // sc.defaultParallelism is 2 (local[*] on the simulated 2 cores); hash(k) % 2 with PYTHONHASHSEED=0
  // puts 'b', 'c', 'd' in partition 0 and 'a' in partition 1.
  expect(blocks(r.printed)).toEqual([
    ["('b', 2)", "('c', 3)", "('d', 1)", "('a', 2)"],
    ["('b', 2)", "('c', 3)", "('d', 1)", "('a', 2)"],
    ['3'],
  ]);
});

test('windows, reduceByKeyAndWindow with and without an inverse, countByWindow and updateStateByKey', async () => {
  const dir = makePyScenario(
    'windows',
    `${PREAMBLE}import operator
ssc.checkpoint("ckpt")
batches = [["a", "b"], ["a"], [], ["b"], [], [], []]
words = ssc.queueStream([sc.parallelize(b, 1) for b in batches])
pairs = words.map(lambda w: (w, 1))
pairs.reduceByKeyAndWindow(operator.add, None, 2, 1).pprint()
pairs.reduceByKeyAndWindow(operator.add, operator.sub, 5, 1).pprint()
words.window(2, 1).pprint()
words.countByWindow(5, 1).pprint()
pairs.updateStateByKey(lambda new, old: sum(new) + (old or 0)).pprint()
ssc.start()
ssc.awaitTermination()
`,
    'until: 7\n',
  );
  const r = await runScenario(dir);
  const b = blocks(r.printed);
  const at = (second: number): string[][] => b.slice((second - 1) * 5, second * 5);
  expect(at(1)).toEqual([["('b', 1)", "('a', 1)"], ["('b', 1)", "('a', 1)"], ['a', 'b'], ['2'], ["('b', 1)", "('a', 1)"]]);
  expect(at(2)).toEqual([["('b', 1)", "('a', 2)"], ["('b', 1)", "('a', 2)"], ['a', 'b', 'a'], ['3'], ["('b', 1)", "('a', 2)"]]);
  expect(at(3)).toEqual([["('a', 1)"], ["('b', 1)", "('a', 2)"], ['a'], ['3'], ["('b', 1)", "('a', 2)"]]);
  // W = 5 × S: incremental from the second window on; a key whose count went to 0 stays (no filterFunc).
  expect(at(7)).toEqual([[], ["('b', 1)", "('a', 0)"], [], ['1'], ["('b', 2)", "('a', 2)"]]);
});

test('transform with one- and two-argument functions, union, and rdd actions inside foreachRDD', async () => {
  const dir = makePyScenario(
    'transform',
    `${PREAMBLE}ds = ssc.queueStream([sc.parallelize([3, 1, 2], 1)])
ds.transform(lambda rdd: rdd.map(lambda x: x * 10)).pprint()
ds.transform(lambda t, rdd: rdd.map(lambda x: (str(t), x))).pprint(1)
ds.union(ds.map(lambda x: -x)).pprint()
def show(t, rdd):
    print(t, rdd.collect(), rdd.count(), rdd.take(2), rdd.first(), rdd.reduce(lambda a, b: a + b), sorted(rdd.collect()))
ds.foreachRDD(show)
ssc.start()
ssc.awaitTermination()
`,
    'until: 1\n',
  );
  const r = await runScenario(dir);
  expect(blocks(r.printed)).toEqual([['30', '10', '20'], ["('1970-01-01 00:00:01', 3)", '...'], ['3', '1', '2', '-3', '-1', '-2']]);
  expect(r.transcript).toContain('[1000 ms] program: 1970-01-01 00:00:01 [3, 1, 2] 3 [3, 1] 3 6 [1, 2, 3]\n');
});

test('socketTextStream and textFileStream read the timeline; sys.argv carries the arguments', async () => {
  const dir = makePyScenario(
    'inputs',
    `import sys
from pyspark import SparkContext
from pyspark.streaming import StreamingContext
sc = SparkContext(master="local[2]", appName="inputs")
ssc = StreamingContext(sc, 1)
print(sys.argv)
ssc.socketTextStream("localhost", 9999).map(lambda l: l.upper()).pprint()
ssc.textFileStream("in").pprint()
ssc.start()
ssc.awaitTermination()
`,
    'until: 2\ntimeline: timeline.yaml\n',
    `sources:
  nc: { socket: "localhost:9999" }
  inbox: { directory: in }
events:
  - { at: 0.5, source: nc, lines: ["hello world"] }
  - { at: 1.5, source: inbox, file: a.txt, content: "x\\ny\\n" }
`,
  );
  const r = await runScenario(dir, { args: ['localhost', '9999'] });
  expect(r.transcript).toContain("[0 ms] program: ['program.py', 'localhost', '9999']");
  expect(blocks(r.printed)).toEqual([['HELLO WORLD'], [], [], ['x', 'y']]);
});

test('time.sleep in the driver advances virtual time; getActive, getOrCreate, stop and sys.exit', async () => {
  const dir = makePyScenario(
    'sleep',
    `import sys, time
from pyspark import SparkContext
from pyspark.streaming import StreamingContext
sc = SparkContext(appName="sleep")
def setup():
    ssc = StreamingContext(sc, 2)
    ssc.queueStream([[1], [2], [3]]).pprint()
    return ssc
ssc = StreamingContext.getOrCreate("ckpt", setup)
print(StreamingContext.getActive())
ssc.start()
print(StreamingContext.getActive() is ssc)
time.sleep(4)
ssc.stop(stopSparkContext=True, stopGraceFully=True)
print(StreamingContext.getActive())
sys.exit(0)
print("not reached")
`,
    'until: 30\n',
  );
  const r = await runScenario(dir);
  // stop(stopGraceFully=True) at 4 s: the timer fires twice more (6 s, 8 s) and the stop waits
  // for those batches, as Spark's RecurringTimer.stop(interruptTimer = false) does.
  expect(blocks(r.printed)).toEqual([['1'], ['2'], ['3'], []]);
  expect(r.transcript).toContain(
    "[0 ms] program: None\n[0 ms] warning: queueStream doesn't support checkpointing\n[0 ms] StreamingContext 0 started: first batch at 2000 ms\n[0 ms] program: True\n",
  );
  expect(r.transcript).toContain(
    [
      '[8000 ms] StreamingContext 0 stopped (stop(), gracefully; was ACTIVE)',
      '  Waiting for all received blocks to be consumed for job generation',
      '  Waited for all received blocks to be consumed for job generation',
      '  Stopped generation timer',
      '  Waiting for jobs to be processed and checkpoints to be written',
      '  Waited for jobs to be processed and checkpoints to be written',
      '[8000 ms] SparkContext sleep stopped',
      '[8000 ms] program: None',
    ].join('\n'),
  );
  expect(r.transcript).not.toContain('not reached');
  expect(r.transcript).not.toContain('program failed');
});

test('ssc.transform, repartition (PySpark moves batches of 10 records), groupByKey and join', async () => {
  const dir = makePyScenario(
    'more',
    `${PREAMBLE}a = ssc.queueStream([sc.parallelize(list(range(25)), 2)])
b = ssc.queueStream([sc.parallelize(["x"], 1)])
ssc.transform([a, b], lambda rdds: rdds[0].union(rdds[1])).count().pprint()
a.repartition(3).glom().map(len).reduce(lambda x, y: x + y).pprint()
a.map(lambda x: (x % 3, x)).groupByKey().mapValues(sorted).pprint()
a.map(lambda x: (x % 2, x)).join(b.map(lambda x: (0, x))).count().pprint()
ssc.start()
ssc.awaitTermination()
`,
    'until: 1\n',
  );
  const r = await runScenario(dir);
  expect(blocks(r.printed)).toEqual([
    ['26'],
    ['25'],
    ['(0, [0, 3, 6, 9, 12, 15, 18, 21, 24])', '(2, [2, 5, 8, 11, 14, 17, 20, 23])', '(1, [1, 4, 7, 10, 13, 16, 19, 22])'],
    ['13'],
  ]);
});

test("a long run keeps the gateway's handle table flat: Python's dead RDD wrappers are released", async () => {
  const dir = makePyScenario(
    'long',
    `${PREAMBLE}import time
from operator import add
from pyspark import _gateway
ssc.checkpoint("ck")
ds = ssc.queueStream([sc.parallelize(["a b c", "c d"]) for _ in range(200)])
w = ds.flatMap(lambda l: l.split()).map(lambda x: (x, 1))
w.reduceByKeyAndWindow(add, lambda a, b: a - b, 10, 1).foreachRDD(lambda rdd: rdd.collect())
ssc.start()
sizes = []
for i in range(4):
    time.sleep(50)
    sizes.append(_gateway.call("gateway.size"))
print(sizes)
`,
    'until: 300\n',
  );
  const r = await runScenario(dir);
  const sizes = /program: \[(\d+), (\d+), (\d+), (\d+)\]/.exec(r.transcript)!.slice(1).map(Number);
  expect(sizes[3]).toBe(sizes[0]);
  expect(sizes[3]).toBeLessThan(20);
});

test("the four joins pair values as PySpark's doctests show (rdd.py join, leftOuterJoin, rightOuterJoin, fullOuterJoin)", async () => {
  const dir = makePyScenario(
    'joins',
    `${PREAMBLE}a = sc.parallelize([("a", 1), ("b", 4)])
b = sc.parallelize([("a", 2), ("c", 8)])
print(sorted(a.join(b).collect()))
print(sorted(a.leftOuterJoin(b).collect()))
print(sorted(a.rightOuterJoin(b).collect()))
print(sorted(a.fullOuterJoin(b).collect(), key=str))
`,
    'until: 1\n',
  );
  const r = await runScenario(dir);
  const printed = r.events.flatMap((e) => (e.type === 'programOutput' ? [e.text] : []));
  expect(printed).toEqual([
    "[('a', (1, 2))]",
    "[('a', (1, 2)), ('b', (4, None))]",
    "[('a', (1, 2)), ('c', (None, 8))]",
    "[('a', (1, 2)), ('b', (4, None)), ('c', (None, 8))]",
  ]);
});
