/** The graph view: a pure function of the `contextStarted` event's graph data. */
import { runStreams, type DStream } from 'dstream-sim';
import { latestGraph, renderGraph } from '../../src/views/graph';

test('the graph travels on contextStarted and draws as a tree with kinds, slides and windows', async () => {
  const r = await runStreams<number>(
    [[[1], [2]]],
    (s) => (s[0] as DStream<number>).map((x) => x * 2).window(2, 1),
    2,
  );
  const graph = latestGraph(r.events);
  expect(graph).toBeDefined();
  expect(graph!.outputs).toEqual([3]);
  expect(renderGraph(graph!)).toBe(
    [
      'output 0:',
      '  testOutputStream [3]  (ForEachDStream, slide 1000 ms)',
      '    └─ window [2]  (WindowedDStream, slide 1000 ms, window 2000 ms)',
      '       └─ map [1]  (MappedDStream, slide 1000 ms)',
      '          └─ Test input stream [0]  (TestInputStream, slide 1000 ms)',
    ].join('\n'),
  );
});

test('a stream with two parents draws both branches (PySpark unions by transform)', async () => {
  const r = await runStreams<number>(
    [[[1]], [[2]]],
    (s) => (s[0] as DStream<number>).union(s[1] as DStream<number>),
    1,
  );
  expect(renderGraph(latestGraph(r.events)!)).toBe(
    [
      'output 0:',
      '  testOutputStream [3]  (ForEachDStream, slide 1000 ms)',
      '    └─ union [2]  (TransformedDStream, slide 1000 ms)',
      '       ├─ Test input stream [0]  (TestInputStream, slide 1000 ms)',
      '       └─ Test input stream [1]  (TestInputStream, slide 1000 ms)',
    ].join('\n'),
  );
});

test('no started context: no graph', () => {
  expect(latestGraph([])).toBeUndefined();
});

test('lineage: the data the stepper\'s tree and the report\'s diagram share — depth, inputs, outputs, labels', async () => {
  const { lineage } = await import('../../src/views/graph');
  const r = await runStreams<number>(
    [[[1], [2]]],
    (s) => (s[0] as DStream<number>).map((x) => x * 2).window(2, 1),
    2,
  );
  expect(lineage(latestGraph(r.events)!).map((n) => [n.name, n.depth, n.input, n.output, n.label, n.parents, n.children])).toEqual([
    ['Test input stream [0]', 0, true, undefined, 'TestInputStream, slide 1000 ms', [], [1]],
    ['map [1]', 1, false, undefined, 'MappedDStream, slide 1000 ms', [0], [2]],
    ['window [2]', 2, false, undefined, 'WindowedDStream, slide 1000 ms, window 2000 ms', [1], [3]],
    ['testOutputStream [3]', 3, false, 0, 'ForEachDStream, slide 1000 ms', [2], []],
  ]);
});
