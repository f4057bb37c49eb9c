import { runStreams, type DStream, type SimEvent } from '../../src/index';

const pick = (events: SimEvent[], type: SimEvent['type']): SimEvent[] => events.filter((e) => e.type === type);

describe('inspection through the event log', () => {
  test('every batch records what each input delivered, in order, before the batch’s jobs', async () => {
    const r = await runStreams<number>([[[1, 2], [3]]], (s) => (s[0] as DStream<number>).map((x) => x + 1), 2);
    const types = r.events.map((e) => e.type);
    expect(types.slice(types.indexOf('contextStarted'))).toEqual([
      'contextStarted',
      'inputDelivered',
      'batchSubmitted',
      'batchStarted',
      'outputOperationStarted',
      'outputOperationCompleted',
      'batchCompleted',
      'inputDelivered',
      'batchSubmitted',
      'batchStarted',
      'outputOperationStarted',
      'outputOperationCompleted',
      'batchCompleted',
      'contextStopped',
      'sparkContextStopped',
    ]);
    expect(pick(r.events, 'inputDelivered')[0]).toMatchObject({
      batchTime: 1000,
      streamName: 'Test input stream [0]',
      records: [1, 2],
      numPartitions: 2,
    });
    expect(pick(r.events, 'batchSubmitted')[0]).toMatchObject({ numRecords: 2, numJobs: 1 });
  });

  test('the RDD of chosen streams (or all) is recorded per batch', async () => {
    const r = await runStreams<number>([[[1, 2]]], (s) => (s[0] as DStream<number>).map((x) => x * 10).filter((x) => x > 10), 1, {
      inspect: { streams: 'all' },
    });
    const generated = pick(r.events, 'rddGenerated').map((e) => (e.type === 'rddGenerated' ? [e.streamName, e.records] : []));
    expect(generated).toEqual([
      ['Test input stream [0]', [1, 2]],
      ['map [1]', [10, 20]],
      ['filter [2]', [20]],
    ]);
  });

  test('a stream has one name in every event (an input is named as Spark names it)', async () => {
    const r = await runStreams<number>([[[1]]], (s) => (s[0] as DStream<number>).map((x) => x), 1, {
      inspect: { streams: 'all' },
    });
    const names = new Map<number, Set<string>>();
    for (const e of r.events) {
      if ('streamId' in e && 'streamName' in e) {
        const set = names.get(e.streamId) ?? new Set<string>();
        set.add(e.streamName);
        names.set(e.streamId, set);
      }
    }
    expect([...names.entries()].map(([id, set]) => [id, [...set]])).toEqual([
      [0, ['Test input stream [0]']],
      [1, ['map [1]']],
    ]);
    const started = pick(r.events, 'contextStarted')[0]!;
    expect(started.type === 'contextStarted' && started.graph.streams.map((s) => s.name)).toEqual([
      'testOutputStream [2]',
      'map [1]',
      'Test input stream [0]',
    ]);
  });

  test('events are numbered and stamped with the virtual clock', async () => {
    const r = await runStreams<number>([[[1]]], (s) => s[0] as DStream<number>, 1);
    r.events.forEach((e, i) => expect(e.seq).toBe(r.events[0]!.seq + i));
    expect(pick(r.events, 'batchCompleted')[0]!.at).toBe(1000);
  });
});
