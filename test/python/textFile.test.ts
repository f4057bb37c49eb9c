/** sc.textFile / sc.wholeTextFiles of a .py program: the engine reads the files, Python gets str lines. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runScenario } from 'dstream-sim';
import { makePyScenario, PREAMBLE } from './pyScenario';

jest.setTimeout(30_000);

function dataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dstream-sim-pydata-'));
  fs.writeFileSync(path.join(dir, 'a.txt'), 'hello world\nsecond line\nünïcode\n');
  fs.writeFileSync(path.join(dir, 'b.txt'), 'b1\nb2');
  fs.writeFileSync(path.join(dir, '_SUCCESS'), '');
  return dir;
}

async function printedBy(name: string, program: string, args: string[]): Promise<string[]> {
  const r = await runScenario(makePyScenario(name, `${PREAMBLE}import os, sys\n${program}`, 'until: 1\n'), { args });
  return r.events.flatMap((e) => (e.type === 'programOutput' ? [e.text] : []));
}

test("textFile reads a file's lines as str, in Hadoop's splits, and a directory's visible files by name", async () => {
  const dir = dataDir();
  const printed = await printedBy(
    'text-file',
    `d = sys.argv[1]
r = sc.textFile(os.path.join(d, "a.txt"))
print(r.getNumPartitions(), r.collect(), type(r.first()).__name__)
print(sc.textFile(d, 3).glom().collect())
print(sc.textFile(d + "/a.txt", use_unicode=False).collect())
print(sc.textFile(d).flatMap(lambda l: l.split()).map(lambda w: (w, 1)).reduceByKey(lambda a, b: a + b).sortByKey().collect())
`,
    [dir],
  );
  expect(printed).toEqual([
    "2 ['hello world', 'second line', 'ünïcode'] str",
    // 39 bytes over 3 partitions: 13-byte splits; a line belongs to the split it starts in.
    "[['hello world', 'second line'], ['ünïcode'], [], ['b1', 'b2']]",
    "[b'hello world', b'second line', b'\\xc3\\xbcn\\xc3\\xafcode']",
    "[('b1', 1), ('b2', 1), ('hello', 1), ('line', 1), ('second', 1), ('world', 1), ('ünïcode', 1)]",
  ]);
});

test('wholeTextFiles gives (file:<absolute path>, content) tuples', async () => {
  const dir = dataDir();
  const printed = await printedBy(
    'whole-text-files',
    `d = sys.argv[1]
pairs = sc.wholeTextFiles(d).collect()
print([type(p).__name__ for p in pairs])
print([(k == "file:" + os.path.join(d, n), v) for (k, v), n in zip(pairs, ["a.txt", "b.txt"])])
`,
    [dir],
  );
  expect(printed).toEqual(["['tuple', 'tuple']", "[(True, 'hello world\\nsecond line\\nünïcode\\n'), (True, 'b1\\nb2')]"]);
});

test("a relative path is the run's directory's (the program's working directory); a missing one fails as Hadoop's", async () => {
  const printed = await printedBy(
    'text-file-relative',
    `with open("rel.txt", "w") as f:
    f.write("x\\ny\\n")
print(sc.textFile("rel.txt").collect())
try:
    sc.textFile("nope.txt")
except Exception as e:
    print(type(e).__name__, str(e).replace(os.getcwd(), "<run>"))
`,
    [],
  );
  expect(printed).toEqual([
    "['x', 'y']",
    'Py4JJavaError An error occurred while calling sc.textFile.',
    ': org.apache.hadoop.mapred.InvalidInputException: Input path does not exist: file:<run>/nope.txt',
  ]);
});

test('textFile inside a batch (transform) reads what the driver wrote before', async () => {
  const r = await runScenario(
    makePyScenario(
      'text-file-stream',
      `${PREAMBLE}with open("words.txt", "w") as f:
    f.write("b a\\nc\\n")
ds = ssc.queueStream([sc.parallelize([1])])
ds.transform(lambda rdd: rdd.context.textFile("words.txt").flatMap(str.split).sortBy(lambda w: w)).pprint()
ssc.start()
ssc.awaitTermination()
`,
      'until: 1\n',
    ),
  );
  expect(r.printed).toContain('Time: 1970-01-01 00:00:01\n-------------------------------------------\na\nb\nc\n');
});
