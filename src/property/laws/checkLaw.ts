import fc from 'fast-check';
import type { Timeline } from '../../timeline/Timeline';
import type { BatchSlots } from '../BatchesArbitrary';
import { printTimeline } from '../printTimeline';

/** Options of {@link checkLaw}: fast-check's, with a fixed seed by default. */
export interface CheckLawOptions {
  /** Default 1 (a fixed seed: the same inputs on every run, in CI too). */
  seed?: number;
  /** Inputs to try (default 100). */
  numRuns?: number;
  /** Batch length in seconds, to place the counterexample's batches on a timeline (default 1). */
  batchSeconds?: number;
}

/**
 * The input tables of a harness run as a timeline: one queue source per input (`input`, or
 * `input1`, `input2`, …; a program reads it with `timelineQueue(name)`), batch k's records pushed
 * halfway through its interval, so `queueStream` (one RDD a batch) hands them to batch k; a batch
 * with no RDD pushes nothing.
 */
export function batchesToTimeline(inputs: readonly BatchSlots<unknown>[], batchSeconds = 1): Timeline {
  const names = inputs.length === 1 ? ['input'] : inputs.map((_, i) => `input${i + 1}`);
  const events = inputs
    .flatMap((input, i) => input.flatMap((b, k) => (b === null ? [] : [{ at: (k + 0.5) * batchSeconds, source: names[i]!, kind: 'push' as const, items: [b] }])))
    .sort((a, b) => a.at - b.at);
  return { sources: names.map((name) => ({ name, kind: 'queue' as const, queue: name })), events };
}

/**
 * Run a law (or any property over input tables) with a fixed seed; when it fails, throw an error
 * that shows the **shrunk** input as batches and as a timeline in the YAML timeline format, with
 * the law's own message and the seed to replay it.
 */
export async function checkLaw<Ts extends BatchSlots<unknown>[]>(property: fc.IAsyncProperty<Ts>, opts: CheckLawOptions = {}): Promise<void> {
  const seed = opts.seed ?? 1;
  const r = await fc.check(property, { seed, numRuns: opts.numRuns ?? 100 });
  if (!r.failed || r.counterexample === null) {
    if (r.failed) throw new Error(`law failed without a counterexample (seed ${seed}): ${String(r.errorInstance)}`);
    return;
  }
  const inputs = r.counterexample as BatchSlots<unknown>[];
  const cause = r.errorInstance instanceof Error ? r.errorInstance.message : String(r.errorInstance);
  const table = inputs.map((i) => JSON.stringify(i)).join('\n');
  throw new Error(
    `${cause}\n\nsmallest input (seed ${seed}, ${r.numShrinks} shrinks; one array per batch, null = no RDD):\n${table}\n\n` +
      `as a timeline (timeline.yaml):\n${printTimeline(batchesToTimeline(inputs, opts.batchSeconds))}`,
  );
}
