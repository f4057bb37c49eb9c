/** `step`'s next stops at every batch time, and shows each step's events in time order. */
import { Readable } from 'node:stream';
import { stepCommand } from '../../src/cli/commands/step';
import { makeScenario } from '../__helpers__/scenarioDir';

test('next stops at every batch even when the only output slides by two batches', async () => {
  const dir = makeScenario('lazy-step', {
    program: `import { SparkContext, StreamingContext } from 'dstream-sim';
const ssc = new StreamingContext(new SparkContext({ master: 'local[2]' }), 1);
ssc.textFileStream('in').window(2, 2).pprint();
ssc.start();
await ssc.awaitTermination();
`,
    yaml: 'program: program.ts\ntimeline: timeline.yaml\nuntil: 4\n',
    timeline: 'sources:\n  d: { directory: in }\nevents:\n  - { at: 0.5, source: d, file: a.txt, content: "a\\n" }\n  - { at: 1.5, source: d, file: b.txt, content: "b\\n" }\n',
  });
  let text = '';
  await stepCommand(dir, { input: Readable.from(['n\n', 'n\n', 'q\n']), out: (t) => void (text += t), prompt: false });
  const steps = text.split('\n');
  // The first step ends at 1000 ms (nothing printed for batch 1000 yet: the window reads it at 2000).
  expect(steps).toContain('[500 ms] timeline d: in/a.txt written (2 bytes, mtime 500 ms)');
  const second = steps.indexOf('== batch 1000 ms ==');
  expect(second).toBeGreaterThan(0);
  expect(steps.slice(second, second + 5)).toEqual([
    '== batch 1000 ms ==',
    "input File input [0]: ['a']",
    "rdd File input [0]: ['a']",
    '[1500 ms] timeline d: in/b.txt written (2 bytes, mtime 1500 ms)',
    '== batch 2000 ms ==',
  ]);
  expect(text.indexOf('== batch 3000 ms ==')).toBe(-1);
});
