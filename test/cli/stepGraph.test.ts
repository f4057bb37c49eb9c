/** `step`'s `graph`: the lineage as a tree with each stream's kind, slide and window — the same data the report draws. */
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { stepCommand } from '../../src/cli/commands/step';
import { runForReport } from '../../src/report/reportRun';

const dir = path.join(__dirname, '..', '..', 'scenarios', 'notes-window');

test('graph draws every output down to its input, windows with their length; the report embeds the same tree', async () => {
  let out = '';
  expect(await stepCommand(dir, { input: Readable.from(['graph\n', 'q\n']), out: (t) => void (out += t) })).toBe(0);
  const tree = [
    'output 0:',
    '  pprint [2]  (ForEachDStream, slide 3000 ms)',
    '    └─ window [1]  (WindowedDStream, slide 3000 ms, window 9000 ms)',
    '       └─ Queue input [0]  (QueueInputDStream, slide 3000 ms)',
    'output 1:',
    '  pprint [8]  (ForEachDStream, slide 3000 ms)',
    '    └─ map [7]  (MappedDStream, slide 3000 ms)',
    '       └─ reduceByKey [6]  (ShuffledDStream, slide 3000 ms)',
    '          └─ window [5]  (WindowedDStream, slide 3000 ms, window 9000 ms)',
    '             └─ reduceByKey [4]  (ShuffledDStream, slide 3000 ms)',
    '                └─ map [3]  (MappedDStream, slide 3000 ms)',
    '                   └─ Queue input [0]  (QueueInputDStream, slide 3000 ms)',
  ].join('\n');
  expect(out).toContain(`${tree}\n`);
  const { model } = await runForReport({ path: dir });
  expect(model.graphs.map((g) => g.tree)).toEqual([tree]);
  expect(model.graphs[0]!.nodes.filter((n) => n.windowMs !== undefined).map((n) => `${n.name}: ${n.label}`)).toEqual([
    'window [1]: WindowedDStream, slide 3000 ms, window 9000 ms',
    'window [5]: WindowedDStream, slide 3000 ms, window 9000 ms',
  ]);
});
