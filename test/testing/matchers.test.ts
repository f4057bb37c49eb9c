/**
 * The example of docs/jest.md, run as it is written there: a user's own suite with the
 * dstream-sim matchers.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { dstreamMatchers, runScenario, runStreams, type DStream, type Pair } from 'dstream-sim';

expect.extend(dstreamMatchers);

const wordCount = (lines: DStream<string>): DStream<Pair<string, number>> =>
  lines.flatMap((l) => l.split(' ')).map((w): Pair<string, number> => [w, 1]).reduceByKey((a, b) => a + b);

test('word count emits one batch per input batch', async () => {
  const run = await runStreams([[['a b a'], ['b']]], ([lines]) => wordCount(lines as DStream<string>), 2);
  expect(run).toEmitBatchesInAnyOrder([[['a', 2], ['b', 1]], [['b', 1]]]);
});

test('a scenario matches its golden transcript', async () => {
  const dir = path.join(__dirname, '..', '..', 'scenarios', 'notes-flat-map');
  const result = await runScenario(dir);
  expect(result).toMatchGolden(path.join(dir, 'expected.golden'));
  expect(result).toEmitBatches([['1', '2', '3', '4', '5']]);
});

describe('failure messages name the batch', () => {
  test('toEmitBatches', async () => {
    const run = await runStreams([[[1], [2]]], ([s]) => (s as DStream<number>).map((x) => x * 10), 2);
    expect(() => expect(run).toEmitBatches([[10], [30]])).toThrow(/First difference at output 2 \(batch time 2000 ms\)\nExpected: \[30\]\nGenerated: \[20\]/);
    expect(() => expect(run).toEmitBatchesInAnyOrder([[10]])).toThrow(/^Unexpected number of outputs generated/);
  });

  test('toMatchGolden', () => {
    const golden = path.join(__dirname, '..', '..', 'scenarios', 'notes-flat-map', 'expected.golden');
    const changed = fs.readFileSync(golden, 'utf8').replace('\n3\n', '\nthree\n');
    expect(() => expect(changed).toMatchGolden(golden)).toThrow(/first difference in batch 1000 ms/);
  });
});
