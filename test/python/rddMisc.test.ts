/**
 * RDD.repartitionAndSortWithinPartitions / toLocalIterator / saveAsTextFile / name / setName /
 * getStorageLevel / localCheckpoint and SparkContext.runJob of a .py program. Expected values:
 * rdd.py's doctests and tests/test_rdd.py (apache/spark).
 */
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
  // A run writes only inside its own directory: the program reads its output back and prints it.
  const scenario = makePyScenario(
    'save-text',
    `${PREAMBLE}import glob
def show(out):
    text = ""
    for f in sorted(glob.glob(out + "/part-*")):
        with open(f, encoding="utf-8") as part:
            text += part.read()
    print(out, repr(text))
sc.parallelize(range(10)).saveAsTextFile("out1")
sc.parallelize(['', 'foo', '', 'bar', ''], 2).saveAsTextFile("out2")
sc.parallelize([u"\\u00A1Hola, mundo!".encode("utf-8"), ("k", 1), None], 1).saveAsTextFile("out3")
for out in ["out1", "out2", "out3"]:
    show(out)
try:
    sc.parallelize([1]).saveAsTextFile("out4", "org.apache.hadoop.io.compress.GzipCodec")
except NotImplementedError as e:
    print("NotImplementedError:", e)
`,
    'until: 1\n',
  );
  const r = await runScenario(scenario);
  expect(r.events.flatMap((e) => (e.type === 'programOutput' ? [e.text] : []))).toEqual([
    "out1 '0\\n1\\n2\\n3\\n4\\n5\\n6\\n7\\n8\\n9\\n'", // the saveAsTextFile doctest
    "out2 '\\nfoo\\n\\nbar\\n\\n'",
    "out3 \"¡Hola, mundo!\\n('k', 1)\\nNone\\n\"", // test_save_as_textfile_with_utf8
    'NotImplementedError: RDD.saveAsTextFile(path, compressionCodecClass) is not supported by dstream-sim (compressed output is not simulated; leave out compressionCodecClass)',
  ]);
});

test('saveAsTextFile outside the run’s directory is refused with an IOError naming it', async () => {
  const scenario = makePyScenario(
    'save-outside',
    `${PREAMBLE}try:
    sc.parallelize([1]).saveAsTextFile("../elsewhere")
except Exception as e:
    print(type(e).__name__, " | ".join(str(e).splitlines()))
`,
    'until: 1\n',
  );
  const r = await runScenario(scenario);
  expect(r.events.flatMap((e) => (e.type === 'programOutput' ? [e.text] : []))).toEqual([
    'Py4JJavaError An error occurred while calling rdd.saveAsTextFile. | : java.io.IOException: Output directory ../elsewhere is outside the run\'s directory; a run writes only inside its own directory. Use a relative path such as "out/counts".',
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
