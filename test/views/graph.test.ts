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
