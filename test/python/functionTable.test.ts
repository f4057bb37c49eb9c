/** The Python function table of a long .py run stays bounded, at the same size in every run (released as streams clear old batches). */
import { runScenario } from 'dstream-sim';
import { makePyScenario, PREAMBLE } from './pyScenario';

jest.setTimeout(60_000);

async function printedBy(name: string, program: string, until: number): Promise<string[]> {
  const r = await runScenario(makePyScenario(name, `${PREAMBLE}import time\nfrom pyspark import _gateway\n${program}`, `until: ${until}\n`));
  const failed = r.events.find((e) => e.type === 'programFailed');
  if (failed !== undefined) throw new Error(`${failed.errorName}: ${failed.message}`);
  return r.events.flatMap((e) => (e.type === 'programOutput' ? [e.text] : []));
}

test('functions made per batch (transform, foreachRDD actions, sortByKey) are forgotten once the streams clear their batch', async () => {
  const printed = await printedBy(
    'function-table',
    `one = sc.parallelize([1, 2, 3], 2)
ds = ssc.queueStream([one], True, one)
def count(rdd):
    rdd.count()
ds.transform(lambda rdd: rdd.map(lambda x: x + 1)).map(lambda x: x * 2).foreachRDD(count)
ds.map(lambda x: (x % 2, x)).reduceByKey(lambda a, b: a + b).transform(lambda rdd: rdd.sortByKey()).pprint()
ssc.start()
done = 0
for n in [10, 100, 1000]:
    time.sleep(n - done)
    done = n
    print(n, len(_gateway._funcs))
ssc.stop(True, True)
`,
    1100,
  );
  // Without the release the table grew by 7 functions a batch (7,000+ after 1,000 batches).
  expect(printed).toEqual(['10 17', '100 17', '1000 17']);
});

test('a Python RDD made in a batch and kept alive can still be computed after its batch was cleared, and is forgotten when it dies', async () => {
  const printed = await printedBy(
    'function-table-kept',
    `kept = []
def keep(rdd):
    r = rdd.map(lambda x: x * 10).cache()  # its engine RDD (and its function) is made inside the batch
    r.count()
    if not kept:
        kept.append(r)
ds = ssc.queueStream([sc.parallelize([1, 2], 1)], True, sc.parallelize([3], 1))
ds.foreachRDD(keep)
ssc.start()
time.sleep(20)
before = len(_gateway._funcs)
print(kept[0].collect())
del kept[:]
print(len(_gateway._funcs) == before - 1)
ssc.stop(True, True)
`,
    30,
  );
  expect(printed).toEqual(['[10, 20]', 'True']);
});
