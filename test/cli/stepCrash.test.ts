/** `step` through a driver crash: the step that reaches it ends there; the next shows the restart, the recovery and the rescheduled batches, marked. */
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { stepCommand } from '../../src/cli/commands/step';

test('stepping checkpoint-sample shows the crash, the recovery and each rescheduled batch marked', async () => {
  let text = '';
  const input = Readable.from(Array.from({ length: 12 }, () => 'n\n'));
  await stepCommand(path.join(__dirname, '..', '..', 'scenarios', 'checkpoint-sample'), { input, out: (t) => void (text += t), prompt: false });
  const lines = text.split('\n').filter((l) => !l.startsWith('stepping') && /crashed|restarted|recovered|restarts at|reschedule|\(re-run|\(down time|program:/.test(l));
  expect(lines).toEqual([
    '[0 ms] program: Creating a new StreamingContext',
    '[13000 ms] driver crashed (timeline): nothing in memory survives; it restarts at 17000 ms',
    '[17000 ms] driver restarted: the program runs again from the top',
    '[17000 ms] StreamingContext 0 recovered from ./checkpoints/checkpoint-12000 (checkpoint time 12000 ms)',
    '[17000 ms] StreamingContext 0 restarts at 18000 ms (checkpoint time 12000 ms)',
    '  Batches to reschedule (2 batches): 12000 ms, 15000 ms',
    '== batch 12000 ms (re-run after recovery) ==',
    '== batch 15000 ms (down time, run after recovery) ==',
  ]);
});
