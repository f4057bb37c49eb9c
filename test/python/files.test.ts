/** File streams in .py programs: binaryRecordsStream's bytes records, textFileStream on a glob, awaitTerminationOrTimeout's argument. */
import { runScenario } from 'dstream-sim';
import { makePyScenario, PREAMBLE } from './pyScenario';

jest.setTimeout(30_000);

const TIMELINE = `sources:
  a: { directory: logs/a }
  b: { directory: logs/b }
events:
  - { at: 0.5, source: a, file: r.bin, content: "ab\\0cd\\n" }
  - { at: 1.5, source: b, file: s.txt, content: "from b\\n" }
`;

test('binaryRecordsStream: records reach Python as bytes; pprint prints their repr', async () => {
  const dir = makePyScenario(
    'binary',
    `${PREAMBLE}ds = ssc.binaryRecordsStream("logs/a", 3)
ds.pprint()
ds.map(lambda b: (type(b).__name__, len(b), b[0])).pprint()
ssc.start()
ssc.awaitTerminationOrTimeout(1)
`,
    'timeline: timeline.yaml\nuntil: 1\n',
    TIMELINE,
  );
  const r = await runScenario(dir);
  expect(r.transcript).toContain("b'ab\\x00'\nb'cd\\n'\n");
  expect(r.transcript).toContain("('bytes', 3, 97)\n('bytes', 3, 99)\n");
});

test('binaryRecordsStream: a file whose length is not a multiple of recordLength fails the job; awaitTermination raises it', async () => {
  const dir = makePyScenario(
    'truncated',
    `${PREAMBLE}ssc.binaryRecordsStream("logs/a", 4).pprint()
ssc.start()
ssc.awaitTermination()
`,
    'timeline: timeline.yaml\nuntil: 1\n',
    TIMELINE,
  );
  const r = await runScenario(dir);
  expect(r.transcript).toMatch(
    /program failed: Py4JJavaError: An error occurred while calling ssc\.awaitTermination\. org\.apache\.spark\.SparkException: Job aborted due to stage failure: .*\(localhost executor driver\): java\.io\.EOFException\n {2}at program\.py:7\n/,
  );
});

test('textFileStream accepts a Hadoop glob: logs/*/ reads logs/a and logs/b', async () => {
  const dir = makePyScenario(
    'glob',
    `${PREAMBLE}ssc.textFileStream("logs/*/").pprint()
ssc.start()
ssc.awaitTerminationOrTimeout(2)
`,
    'timeline: timeline.yaml\nuntil: 2\n',
    TIMELINE,
  );
  const r = await runScenario(dir);
  expect(r.transcript).toContain('Time: 1970-01-01 00:00:02\n-------------------------------------------\nfrom b\n');
  expect(r.transcript).toContain("input File input [0]: ['ab\\x00cd']");
});

test("awaitTerminationOrTimeout() without its argument raises PySpark's TypeError", async () => {
  const dir = makePyScenario(
    'await',
    `${PREAMBLE}ssc.queueStream([[1]]).pprint()
ssc.start()
ssc.awaitTerminationOrTimeout()
`,
    'until: 1\n',
  );
  const r = await runScenario(dir);
  expect(r.transcript).toContain(
    "program failed: TypeError: awaitTerminationOrTimeout() missing 1 required positional argument: 'timeout'\n  at program.py:7\n",
  );
});
