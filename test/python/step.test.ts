/** `step` drives a .py scenario batch by batch, as it drives a .ts one. */
import { Readable } from 'node:stream';
import { stepCommand } from '../../src/cli/commands/step';
import { makePyScenario, PREAMBLE } from './pyScenario';

jest.setTimeout(30_000);

test('next stops at each batch of a Python program; time.sleep waits for the stepper', async () => {
  const dir = makePyScenario(
    'step',
    `${PREAMBLE}import time
ssc.queueStream([[1], [2], [3]]).map(lambda x: x * 1.5).pprint()
ssc.start()
time.sleep(10)
print("slept")
`,
    'until: 5\n',
  );
  let text = '';
  await stepCommand(dir, { input: Readable.from(['n\n', 'n\n', 'q\n']), out: (t) => void (text += t), prompt: false });
  const lines = text.split('\n');
  const first = lines.indexOf('== batch 1000 ms ==');
  expect(first).toBeGreaterThan(0);
  expect(lines.slice(first, first + 8)).toEqual([
    '== batch 1000 ms ==',
    'input Queue input [0]: [1]',
    'rdd Queue input [0]: [1]',
    'rdd map [1]: [1.5]',
    '-------------------------------------------',
    'Time: 1970-01-01 00:00:01',
    '-------------------------------------------',
    '1.5',
  ]);
  expect(lines).toContain('3.0');
  expect(text).not.toContain('== batch 3000 ms ==');
});
