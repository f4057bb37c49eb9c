/** Nothing run-specific reaches a transcript: temp paths, real ports, the scenario's directory name. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runScenario } from 'dstream-sim';
import { makeScenario } from '../__helpers__/scenarioDir';

const fileProgram = `import { SparkContext, StreamingContext } from 'dstream-sim';
const ssc = new StreamingContext(new SparkContext({ master: 'local[2]' }), 2);
ssc.textFileStream('input').pprint();
ssc.textFileStream('missing').pprint();
ssc.start();
await ssc.awaitTermination();
`;

test('warnings name files relative to the run directory, so a golden with them passes every time', async () => {
  const dir = makeScenario('empty-file', {
    program: fileProgram,
    yaml: 'program: program.ts\ntimeline: timeline.yaml\nuntil: 4\n',
    timeline: 'sources:\n  inbox: { directory: input }\nevents:\n  - { at: 1, source: inbox, file: empty.txt, content: "" }\n',
  });
  const first = await runScenario(dir);
  const second = await runScenario(dir);
  expect(first.transcript).toContain('warning: File input/empty.txt has no data in it.');
  expect(first.transcript).toContain('warning: No directory to scan: missing (ENOENT)');
  expect(first.transcript).not.toContain(os.tmpdir());
  expect(second.transcript).toBe(first.transcript);
});

test('a renamed or copied scenario directory keeps its golden', async () => {
  const dir = makeScenario('original-name', {
    program: fileProgram,
    yaml: 'program: program.ts\ntimeline: timeline.yaml\nuntil: 4\n',
    timeline: 'sources:\n  inbox: { directory: input }\nevents:\n  - { at: 1, source: inbox, file: a.txt, content: "x\\n" }\n',
  });
  const copy = path.join(path.dirname(dir), 'copied-elsewhere');
  fs.cpSync(dir, copy, { recursive: true });
  const a = await runScenario(dir);
  const b = await runScenario(copy);
  expect(b.transcript).toBe(a.transcript);
  expect(a.transcript).not.toContain('original-name');
});

test('the transcript reads in time order when a window reads its input lazily (slide of two batches)', async () => {
  const dir = makeScenario('lazy-window', {
    program: `import { SparkContext, StreamingContext } from 'dstream-sim';
const ssc = new StreamingContext(new SparkContext({ master: 'local[2]' }), 1);
ssc.textFileStream('in').window(2, 2).pprint();
ssc.start();
await ssc.awaitTermination();
`,
    yaml: 'program: program.ts\ntimeline: timeline.yaml\nuntil: 4\n',
    timeline:
      'sources:\n  d: { directory: in }\nevents:\n' +
      '  - { at: 0.5, source: d, file: a.txt, content: "a\\n" }\n' +
      '  - { at: 1.5, source: d, file: b.txt, content: "b\\n" }\n' +
      '  - { at: 2.5, source: d, file: c.txt, content: "c\\n" }\n',
  });
  const lines = (await runScenario(dir)).transcript.split('\n');
  const order = ['== batch 1000 ms ==', "input File input [0]: ['a']", '[1500 ms] timeline d: in/b.txt written', '== batch 2000 ms ==', "input File input [0]: ['b']", '[2500 ms] timeline d: in/c.txt written'];
  const at = order.map((l) => lines.findIndex((x) => x.startsWith(l)));
  expect(at.every((i) => i >= 0)).toBe(true);
  expect([...at].sort((a, b) => a - b)).toEqual(at);
});
