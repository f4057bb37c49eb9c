/**
 * What `ssc.inspect(...)` adds to the event log (docs/inspection.md): the RDDs of chosen streams,
 * window contents, and inputs on or off.
 */
import { runStreams, SparkError, type DStream, type SimEvent } from 'dstream-sim';

const pick = <T extends SimEvent['type']>(events: readonly SimEvent[], type: T): Extract<SimEvent, { type: T }>[] =>
  events.filter((e): e is Extract<SimEvent, { type: T }> => e.type === type);

describe('inspect({ streams })', () => {
  test('a list records the generated RDDs of exactly those streams', async () => {
    let chosen: DStream<number> | undefined;
    const r = await runStreams<number>(
      [[[1, 2], [3]]],
      (s) => {
        const mapped = (s[0] as DStream<number>).map((x) => x * 10);
        chosen = mapped.filter((x) => x > 10);
        chosen.context().inspect({ streams: [chosen] });
        return chosen;
      },
      2,
    );
    expect(pick(r.events, 'rddGenerated').map((e) => [e.batchTime, e.streamName, e.records, e.numPartitions])).toEqual([
      [1000, 'filter [2]', [20], 2],
      [2000, 'filter [2]', [30], 2],
    ]);
  });

  test('"none" (the default) records none', async () => {
    const r = await runStreams<number>([[[1]]], (s) => (s[0] as DStream<number>).map((x) => x), 1, { inspect: { streams: 'none' } });
    expect(pick(r.events, 'rddGenerated')).toEqual([]);
  });
});

describe('inspect({ inputs })', () => {
  test('inputs: false records no inputDelivered events, but batches still count the records', async () => {
    const r = await runStreams<number>([[[1, 2]]], (s) => s[0] as DStream<number>, 1, { inspect: { inputs: false } });
    expect(pick(r.events, 'inputDelivered')).toEqual([]);
    expect(pick(r.events, 'batchSubmitted')[0]!.numRecords).toBe(2);
  });

  test('an input that makes no RDD is recorded with records undefined and no partitions', async () => {
    const r = await runStreams<number>([[null]], (s) => s[0] as DStream<number>, 1);
    expect(pick(r.events, 'inputDelivered')).toEqual([
      expect.objectContaining({ batchTime: 1000, records: undefined, numPartitions: 0, streamName: 'Test input stream [0]' }),
    ]);
  });
});

describe('inspect({ windows })', () => {
  test('each window records the parent batch times it covers and its records', async () => {
    const r = await runStreams<number>([[[1], [2], [3]]], (s) => (s[0] as DStream<number>).window(2, 1), 3, {
      inspect: { windows: true },
    });
    expect(pick(r.events, 'windowComputed').map((e) => [e.batchTime, e.windowMs, e.slideMs, e.batchTimes, e.records])).toEqual([
      [1000, 2000, 1000, [1000], [1]],
      [2000, 2000, 1000, [1000, 2000], [1, 2]],
      [3000, 2000, 1000, [2000, 3000], [2, 3]],
    ]);
  });

  test('without it, no window event', async () => {
    const r = await runStreams<number>([[[1]]], (s) => (s[0] as DStream<number>).window(2, 1), 1);
    expect(pick(r.events, 'windowComputed')).toEqual([]);
  });
});

describe('inspect({ streams }) and a function that throws', () => {
  test('the job fails with the user’s error as it would unobserved (looking used up no stage)', async () => {
    let chosen: DStream<number> | undefined;
    const run = runStreams<number>(
      [[[1], [2]]],
      (s) => {
        chosen = (s[0] as DStream<number>).map((x) => {
          if (x === 2) throw new Error('two is not welcome');
          return x;
        });
        chosen.context().inspect({ streams: [chosen] });
        return chosen;
      },
      2,
    );
    const error = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SparkError);
    expect((error as SparkError).message).toMatch(/^Job aborted due to stage failure: Task 0 in stage 5\.0 failed 1 times, .*: Error: two is not welcome$/);
    expect(((error as SparkError).cause as Error).message).toBe('two is not welcome');
  });
});
