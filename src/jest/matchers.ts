import * as path from 'node:path';
import type { SimEvent } from '../events/SimEvent';
import { checkGolden, describeGoldenOutcome, refuseUpdateUnderCi, updateRequestedByEnv } from '../scenario/golden';
import type { ScenarioResult } from '../scenario/runScenario';
import type { RunResult } from '../testing/runStreams';
import { verifyOutput } from '../testing/verifyOutput';
import { batchInfos } from '../scheduler/ListenerEvents';

/** What the batch matchers accept: a harness result, a scenario result, or an event log. */
export type BatchesSource = RunResult<unknown> | ScenarioResult | readonly SimEvent[];

interface MatcherResult {
  pass: boolean;
  message: () => string;
}

/** Records per output batch, with batch times: from a harness run, or the first output's prints. */
function batchesOf(source: BatchesSource): { times: number[]; records: unknown[][] } {
  if ('batches' in source) {
    return { times: source.batches.map((b) => b.timeMs), records: source.batches.map((b) => b.records) };
  }
  const events: readonly SimEvent[] = 'events' in source ? source.events : source;
  // For scenarios: the records output operation 0 (pprint) showed per batch, from the event log.
  const times: number[] = [];
  const records: unknown[][] = [];
  for (const e of events) {
    if (e.type !== 'outputWritten' || e.outputOpId !== 0) continue;
    times.push(e.batchTime);
    records.push([...e.records]);
  }
  return { times, records };
}

function check(source: BatchesSource, expected: readonly unknown[][], ordered: boolean): MatcherResult {
  const { times, records } = batchesOf(source);
  try {
    verifyOutput(records, expected, { ordered, times });
    return { pass: true, message: () => 'expected the batches to differ, but they are the same' };
  } catch (e) {
    return { pass: false, message: () => (e as Error).message };
  }
}

/**
 * Jest matchers for dstream-sim runs; register them with `expect.extend(dstreamMatchers)`.
 * Failure messages name the first differing batch and its batch time.
 */
export const dstreamMatchers = {
  /** The run emitted exactly these batches, each as an ordered list of records. */
  toEmitBatches(received: BatchesSource, expected: readonly unknown[][]): MatcherResult {
    return check(received, expected, true);
  },

  /** The run emitted these batches, each compared as a multiset (record order ignored). */
  toEmitBatchesInAnyOrder(received: BatchesSource, expected: readonly unknown[][]): MatcherResult {
    return check(received, expected, false);
  },

  /**
   * The run's batches had these scheduling delays, in seconds, in batch order (Spark's
   * `BatchInfo.schedulingDelay`: from submission to the first job's start); batches that never
   * started are left out. Reads the event log (harness, scenario, or events).
   */
  toHaveSchedulingDelays(received: BatchesSource, expected: readonly number[]): MatcherResult {
    if ('keptEvents' in received && received.keptEvents !== 'all') {
      throw new Error(
        `toHaveSchedulingDelays reads the scheduler's batch events, which this scenario result did not keep (keepEvents: '${received.keptEvents}'): run it with runScenario(dir, { keepEvents: 'all' })`,
      );
    }
    const events: readonly SimEvent[] = 'events' in received ? received.events : received;
    const actual = batchInfos(events).flatMap((b) => (b.schedulingDelay === undefined ? [] : [b.schedulingDelay / 1000]));
    const pass = actual.length === expected.length && actual.every((d, i) => d === expected[i]);
    const show = (xs: readonly number[]): string => `[${xs.join(', ')}]`;
    return {
      pass,
      message: () =>
        pass
          ? `expected scheduling delays other than ${show(expected)} s`
          : `expected scheduling delays ${show(expected)} s, got ${show(actual)} s (batches ${batchInfos(events)
              .filter((b) => b.schedulingDelay !== undefined)
              .map((b) => `${b.batchTime.milliseconds} ms`)
              .join(', ')})`,
    };
  },

  /**
   * A scenario's transcript (or any text) equals the golden file; a mismatch shows the first
   * differing batch and a unified diff. `UPDATE_GOLDEN=1` writes a missing or differing golden
   * instead (never when `CI` is set). The same mechanism as `dstream-sim test` (scenario/golden.ts).
   */
  toMatchGolden(received: ScenarioResult | string, goldenPath: string): MatcherResult {
    const actual = typeof received === 'string' ? received : received.transcript;
    const name = typeof received === 'string' ? path.basename(path.dirname(path.resolve(goldenPath))) : received.scenario.name;
    const update = updateRequestedByEnv();
    const refusal = update ? refuseUpdateUnderCi() : undefined;
    if (refusal !== undefined) return { pass: false, message: () => refusal.message };
    const outcome = checkGolden(goldenPath, actual, { update });
    const text = describeGoldenOutcome(outcome, goldenPath, name);
    const pass = outcome.kind === 'pass' || outcome.kind === 'updated';
    return { pass, message: () => (pass ? `expected a difference from ${goldenPath}` : text) };
  },
};

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Matchers<R> {
      /** See {@link dstreamMatchers.toEmitBatches}. */
      toEmitBatches(expected: readonly unknown[][]): R;
      /** See {@link dstreamMatchers.toEmitBatchesInAnyOrder}. */
      toEmitBatchesInAnyOrder(expected: readonly unknown[][]): R;
      /** See {@link dstreamMatchers.toMatchGolden}. */
      toMatchGolden(goldenPath: string): R;
      /** See {@link dstreamMatchers.toHaveSchedulingDelays}. */
      toHaveSchedulingDelays(expected: readonly number[]): R;
    }
  }
}
