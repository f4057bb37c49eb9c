/** `dstream-sim step` on a scenario with a declared cost: `delays` shows done, running and queued batches. */
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { stepCommand } from '../../src/cli/commands/step';

const dir = path.join(__dirname, '..', '..', 'scenarios', 'batch-interval-too-small');

test('delays after 4 s of a 1.5 s-per-batch job on a 1 s interval', async () => {
  let out = '';
  const input = Readable.from(['until 4', 'delays', 'q'].map((c) => `${c}\n`));
  const code = await stepCommand(dir, { input, out: (t) => void (out += t) });
  expect(code).toBe(0);
  const after = out.slice(out.lastIndexOf('batch 1000 ms: '));
  expect(after.split('\n').slice(0, 4)).toEqual([
    'batch 1000 ms: scheduling 0 ms, processing 1500 ms, total 1500 ms',
    'batch 2000 ms: scheduling 500 ms, processing 1500 ms, total 2000 ms',
    'batch 3000 ms: running since 4000 ms (scheduling 1000 ms)',
    'batch 4000 ms: queued since 4000 ms',
  ]);
});
