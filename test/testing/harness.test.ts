import {
  OutputMismatchError,
  runOperation,
  runOperation2,
  runStreams,
  SimulationError,
  StreamingContext,
  testOperation,
  verifyOutput,
} from '../../src/index';

describe('runOperation (TestSuiteBase port)', () => {
  test('input[i] feeds batch i+1; null means no RDD, [] an empty RDD; batches past the end are empty', async () => {
    const r = await runStreams<number>([[[1], null, []]], (s) => s[0]!.map((x) => x as number), 4);
    expect(r.batches).toEqual([
      { timeMs: 1000, records: [1] },
      { timeMs: 3000, records: [] },
      { timeMs: 4000, records: [] },
    ]);
    const delivered = r.events.filter((e) => e.type === 'inputDelivered');
    expect(delivered.map((e) => (e.type === 'inputDelivered' ? e.records : 'x'))).toEqual([[1], undefined, [], []]);
  });

  test('batchDuration is in seconds and the clock starts at 0', async () => {
    const r = await runStreams<number>([[[1], [2]]], (s) => s[0] as never, 2, { batchDuration: 0.25 });
    expect(r.batches.map((b) => b.timeMs)).toEqual([250, 500]);
  });

  test('numPartitions sets the input RDDs’ partitions (default 2)', async () => {
    expect(await runOperation([[1, 2, 3]], (ds) => ds.glom(), 1)).toEqual([[[1], [2, 3]]]);
    expect(await runOperation([[1, 2, 3]], (ds) => ds.glom(), 1, { numPartitions: 3 })).toEqual([[[1], [2], [3]]]);
  });

  test('runOperation2 feeds two inputs', async () => {
    expect(await runOperation2([[1]], [[2]], (a, b) => a.union(b), 1)).toEqual([[1, 2]]);
  });

  test('each call is isolated: no active context leaks, calls can run concurrently', async () => {
    const runs = await Promise.all([1, 2, 3].map((n) => runOperation([[n]], (ds) => ds.map((x) => x * 2), 1)));
    expect(runs).toEqual([[[2]], [[4]], [[6]]]);
    expect(StreamingContext.getActive()).toBeUndefined();
  });

  test('an error reported by a batch is rethrown', async () => {
    await expect(
      runOperation([[1]], (ds) => ds.transform(() => {
        throw new Error('in transform');
      }), 1),
    ).rejects.toThrow('in transform');
  });

  test('pprint output can be captured', async () => {
    const out: string[] = [];
    await runStreams<number>(
      [[[1]]],
      (s) => {
        s[0]!.pprint();
        return s[0] as never;
      },
      1,
      { stdout: (t) => void out.push(t) },
    );
    expect(out.join('')).toContain('Time: 1970-01-01 00:00:01\n-------------------------------------------\n1\n');
  });

  test('numBatches must be a non-negative integer', async () => {
    await expect(runOperation([[1]], (ds) => ds, 1.5)).rejects.toThrow(SimulationError);
  });
});

describe('verifyOutput / testOperation', () => {
  test('names the first differing batch and its time', async () => {
    let error: unknown;
    try {
      await testOperation([[1], [2], [3]], (ds) => ds.map((x) => x * 2), [[2], [5], [6]]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OutputMismatchError);
    expect((error as OutputMismatchError).batchIndex).toBe(1);
    expect((error as Error).message).toMatch(
      /^Ordered list comparison failed\nFirst difference at output 2 \(batch time 2000 ms\)\nExpected: \[5\]\nGenerated: \[4\]/,
    );
  });

  test('unordered comparison is a multiset comparison', () => {
    expect(() => verifyOutput([[1, 2, 2]], [[2, 1, 2]], { ordered: false })).not.toThrow();
    expect(() => verifyOutput([[1, 2, 2]], [[2, 1, 1]], { ordered: false })).toThrow(/^Set comparison failed/);
  });

  test('sortNested compares nested value lists in any order; undefined equals null', () => {
    expect(() => verifyOutput([[['a', [2, 1]]]], [[['a', [1, 2]]]], { sortNested: true })).not.toThrow();
    expect(() => verifyOutput([[['a', [2, 1]]]], [[['a', [1, 2]]]])).toThrow();
    expect(() => verifyOutput([[['a', [1, undefined]]]], [[['a', [1, null]]]])).not.toThrow();
  });

  test('a different number of outputs fails', () => {
    expect(() => verifyOutput([[1]], [[1], [2]])).toThrow(/^Unexpected number of outputs generated: expected 2, generated 1/);
  });

  test('testOperation runs as many batches as there are expected outputs by default', async () => {
    await expect(testOperation([[1], [2]], (ds) => ds, [[1], [2]])).resolves.toBeUndefined();
  });
});
