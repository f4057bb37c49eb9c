/**
 * RDD.repartitionAndSortWithinPartitions / toLocalIterator / saveAsTextFile / name / setName /
 * getStorageLevel / localCheckpoint and SparkContext.runJob of a .py program. Expected values:
 * rdd.py's doctests and tests/test_rdd.py (apache/spark).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runScenario } from 'dstream-sim';
import { makePyScenario, PREAMBLE } from './pyScenario';

jest.setTimeout(30_000);

async function printedBy(name: string, program: string, until = 1): Promise<string[]> {
  const r = await runScenario(makePyScenario(name, `${PREAMBLE}${program}`, `until: ${until}\n`));
  return r.events.flatMap((e) => (e.type === 'programOutput' ? [e.text] : []));
}

test('repartitionAndSortWithinPartitions: test_rdd.py asc and desc, the doctest', async () => {
  const printed = await printedBy(
    'repartition-sort',
    `rdd = sc.parallelize([(0, 5), (3, 8), (2, 6), (0, 8), (3, 8), (1, 3)], 2)
print(rdd.repartitionAndSortWithinPartitions(2, lambda key: key % 2, True).glom().collect())
print(rdd.repartitionAndSortWithinPartitions(2, lambda key: key % 2, False).glom().collect())
print(sc.parallelize([(0, 5), (3, 8), (2, 6), (0, 8), (3, 8), (1, 3)]).repartitionAndSortWithinPartitions(2, lambda x: x % 2, True).glom().collect())
print(sc.parallelize([("b", 1), ("B", 2), ("a", 3)], 1).repartitionAndSortWithinPartitions(keyfunc=str.lower).glom().collect())
`,
  );
  expect(printed).toEqual([
    '[[(0, 5), (0, 8), (2, 6)], [(1, 3), (3, 8), (3, 8)]]',
    '[[(2, 6), (0, 5), (0, 8)], [(3, 8), (3, 8), (1, 3)]]',
    '[[(0, 5), (0, 8), (2, 6)], [(1, 3), (3, 8), (3, 8)]]',
    "[[('a', 3), ('b', 1), ('B', 2)]]", // a stable sort by keyfunc(key)
  ]);
});

test('toLocalIterator runs one partition at a time; runJob runs the partitions asked for', async () => {
  const printed = await printedBy(
    'local-iterator',
    `print([x for x in sc.parallelize(range(10)).toLocalIterator()])
rdd = sc.parallelize([1, 2, 3])
print(sorted(rdd.toLocalIterator()), sorted(rdd.repartition(1000).toLocalIterator()))
def show(x):
    print("computing", x)
    return x
it = sc.parallelize([1, 2, 3, 4], 2).map(show).toLocalIterator()
print("first", next(it))
print("rest", list(it))
print(sc.runJob(sc.parallelize(range(6), 3), lambda part: [x * x for x in part], [0, 2]))
print(sc.runJob(sc.parallelize(range(6), 3), lambda part: [sum(part)]))
`,
  );
  expect(printed).toEqual([
    '[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]', // doctest
    '[1, 2, 3] [1, 2, 3]', // test_to_localiterator
    'computing 1',
    'computing 2',
    'first 1',
    'computing 3',
    'computing 4',
    'rest [2, 3, 4]',
    '[0, 1, 16, 25]',
    '[1, 5, 9]',
  ]);
});

test('saveAsTextFile writes str of each record (bytes as UTF-8), one part file per partition', async () => {
  // the run's working directory is a temporary one, gone after the run: write elsewhere
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dstream-sim-py-out-'));
  const scenario = makePyScenario(
    'save-text',
    `${PREAMBLE}import os
base = ${JSON.stringify(dir)}
sc.parallelize(range(10)).saveAsTextFile(os.path.join(base, "out1"))
sc.parallelize(['', 'foo', '', 'bar', ''], 2).saveAsTextFile(os.path.join(base, "out2"))
sc.parallelize([u"\\u00A1Hola, mundo!".encode("utf-8"), ("k", 1), None], 1).saveAsTextFile(os.path.join(base, "out3"))
try:
    sc.parallelize([1]).saveAsTextFile(os.path.join(base, "out4"), "org.apache.hadoop.io.compress.GzipCodec")
except NotImplementedError as e:
    print("NotImplementedError:", e)
`,
    'until: 1\n',
  );
  const r = await runScenario(scenario);
  const read = (out: string): string =>
    fs
      .readdirSync(path.join(dir, out))
      .filter((f) => f.startsWith('part-'))
      .sort()
      .map((f) => fs.readFileSync(path.join(dir, out, f), 'utf8'))
      .join('');
  expect(read('out1')).toBe('0\n1\n2\n3\n4\n5\n6\n7\n8\n9\n'); // the saveAsTextFile doctest
  expect(read('out2')).toBe('\nfoo\n\nbar\n\n');
  expect(read('out3')).toBe("¡Hola, mundo!\n('k', 1)\nNone\n"); // test_save_as_textfile_with_utf8
  expect(r.events.flatMap((e) => (e.type === 'programOutput' ? [e.text] : []))).toEqual([
    'NotImplementedError: RDD.saveAsTextFile(path, compressionCodecClass) is not supported by dstream-sim (compressed output is not simulated; leave out compressionCodecClass)',
  ]);
});

test('name, setName, getStorageLevel, localCheckpoint: the doctests', async () => {
  const printed = await printedBy(
    'names',
    `print(sc.range(5).name() == None)
print(sc.parallelize([1, 2]).setName('I am an RDD').name())
rdd = sc.parallelize([1, 2])
print(repr(rdd.getStorageLevel()), rdd.getStorageLevel())
from pyspark import StorageLevel
print(rdd.persist(StorageLevel.MEMORY_AND_DISK).getStorageLevel(), rdd.unpersist().getStorageLevel())
m = rdd.map(lambda x: x * 2)
print(m.isLocallyCheckpointed(), m.localCheckpoint(), m.isLocallyCheckpointed(), m.collect())
`,
  );
  expect(printed).toEqual([
    'True',
    'I am an RDD',
    'StorageLevel(False, False, False, False, 1) Serialized 1x Replicated',
    'Disk Memory Serialized 1x Replicated Serialized 1x Replicated',
    'False None True [2, 4]',
  ]);
});
