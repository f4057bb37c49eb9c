/**
 * Deliberately broken operators (test-only variants, built from the public API; the engine is
 * untouched) are caught by the laws and shrunk to a timeline of at most 3 batches.
 */
import type { DStream, Pair } from 'dstream-sim';
import { batches, checkLaw, fc, foldLaw, keyedBatches, windowLaw } from 'dstream-sim/property';

/** An off-by-one window: one batch too many (the bug of computing the window as [t − w, t]). */
const offByOneWindow = <T>(ds: DStream<T>, w: number, s: number): DStream<T> => ds.window(w + 1, s);

/** A state update that drops a key when it has no new values in a batch (it should keep the state). */
const droppingCount = (vs: number[], s: number | undefined): number | undefined => (vs.length === 0 ? undefined : (s ?? 0) + vs.length);

const counts = (state: Map<string, number>, batch: readonly Pair<string, number>[]): Map<string, number> => {
  const next = new Map(state);
  for (const [k] of batch) next.set(k, (next.get(k) ?? 0) + 1);
  return next;
};

async function failureOf(run: Promise<void>): Promise<{ message: string; batches: number }> {
  const e = await run.then(
    () => undefined,
    (err: unknown) => err as Error,
  );
  expect(e).toBeInstanceOf(Error);
  const message = e!.message;
  const table = /one array per batch, null = no RDD\):\n(.*)\n/.exec(message)![1]!;
  return { message, batches: (JSON.parse(table) as unknown[]).length };
}

test('an off-by-one window is caught and shrunk to at most 3 batches', async () => {
  const law = windowLaw({ input: batches(fc.integer({ min: 0, max: 9 }), { maxBatches: 8 }), windowSeconds: 2, slideSeconds: 1, pipeline: (ds) => offByOneWindow(ds, 2, 1) });
  const { message, batches: n } = await failureOf(checkLaw(law, { seed: 1, numRuns: 50 }));
  expect(n).toBeLessThanOrEqual(3);
  expect(message).toContain('window law (batch 3000 ms): expected [] (in any order), got [0]');
  expect(message).toContain(['as a timeline (timeline.yaml):', 'sources:', '  input: { queue: input }', 'events:', '  - { at: 0.5, source: input, push: [[0]] }'].join('\n'));
});

test('a state update that drops a key is caught and shrunk to at most 3 batches', async () => {
  const law = foldLaw({
    input: keyedBatches({ maxBatches: 8 }),
    pipeline: (ds) => ds.updateStateByKey(droppingCount),
    initial: new Map<string, number>(),
    step: counts,
    view: (m) => [...m],
  });
  const { message, batches: n } = await failureOf(checkLaw(law, { seed: 2, numRuns: 50 }));
  expect(n).toBeLessThanOrEqual(3);
  expect(message).toContain("fold law (batch 2000 ms): expected [('a', 1)] (in any order), got []");
  expect(message).toContain('[[["a",1]],[]]');
});

test('the correct operators pass the same laws with the same seeds', async () => {
  await checkLaw(windowLaw({ input: batches(fc.integer({ min: 0, max: 9 }), { maxBatches: 8 }), windowSeconds: 2, slideSeconds: 1, pipeline: (ds) => ds.window(2, 1) }), { seed: 1, numRuns: 50 });
  await checkLaw(
    foldLaw({
      input: keyedBatches({ maxBatches: 8 }),
      pipeline: (ds) => ds.updateStateByKey((vs: number[], s: number | undefined) => (s ?? 0) + vs.length),
      initial: new Map<string, number>(),
      step: counts,
      view: (m) => [...m],
    }),
    { seed: 2, numRuns: 50 },
  );
});
