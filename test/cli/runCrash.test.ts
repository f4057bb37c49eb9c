/** `dstream-sim run` shows a driver crash and the recovery between the program's output. */
import * as path from 'node:path';
import { runCommand } from '../../src/cli/commands/run';

test('run prints the crash, the recovery and the rescheduled batches where they happen; createContext prints once', async () => {
  const dir = path.join(__dirname, '..', '..', 'scenarios', 'checkpoint-sample');
  let out = '';
  const code = await runCommand(path.join(dir, 'program.ts'), { timeline: path.join(dir, 'timeline.yaml'), until: 24, out: (t) => void (out += t) });
  expect(code).toBe(0);
  const lines = out.split('\n').filter((l) => /^Time:|^\[|^ {2}Batches to|^Creating/.test(l));
  expect(lines).toEqual([
    'Creating a new StreamingContext',
    'Time: 1970-01-01 00:00:03',
    'Time: 1970-01-01 00:00:06',
    'Time: 1970-01-01 00:00:09',
    'Time: 1970-01-01 00:00:12',
    '[13000 ms] driver crashed (timeline): nothing in memory survives; it restarts at 17000 ms',
    '[17000 ms] driver restarted: the program runs again from the top',
    '[17000 ms] StreamingContext 0 recovered from ./checkpoints/checkpoint-12000 (checkpoint time 12000 ms)',
    '[17000 ms] StreamingContext 0 restarts at 18000 ms (checkpoint time 12000 ms)',
    '  Batches to reschedule (2 batches): 12000 ms, 15000 ms',
    'Time: 1970-01-01 00:00:12',
    'Time: 1970-01-01 00:00:15',
    'Time: 1970-01-01 00:00:18',
    'Time: 1970-01-01 00:00:21',
    'Time: 1970-01-01 00:00:24',
  ]);
});
