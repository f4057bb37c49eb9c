import * as fs from 'node:fs';
import { compareGolden } from '../scenario/goldenDiff';
import type { ScenarioResult } from '../scenario/runScenario';
import type { SimEvent } from '../events/SimEvent';
import type { RunResult } from './runStreams';
import { verifyOutput } from './verifyOutput';

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
  // For scenarios: the lines each output operation 0 printed per batch (pprint's records).
  const times: number[] = [];
  const records: unknown[][] = [];
  for (const e of events) {
    if (e.type !== 'outputWritten' || e.outputOpId !== 0) continue;
    const lines = e.text.split('\n');
    times.push(e.batchTime);
    records.push(lines.slice(3).filter((l, i, all) => !(l === '' && i >= all.length - 2)).filter((l) => l !== '...'));
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
   * A scenario's transcript (or any text) equals the golden file; a mismatch shows the first
   * differing batch and a unified diff. `UPDATE_GOLDEN=1` rewrites the golden instead (never when
   * `CI` is set).
   */
  toMatchGolden(received: ScenarioResult | string, goldenPath: string): MatcherResult {
    const actual = typeof received === 'string' ? received : received.transcript;
    if (process.env['UPDATE_GOLDEN'] === '1' && process.env['CI'] === undefined) {
      fs.writeFileSync(goldenPath, actual);
      return { pass: true, message: () => `golden ${goldenPath} rewritten` };
    }
    if (!fs.existsSync(goldenPath)) {
      return { pass: false, message: () => `no golden at ${goldenPath}: review the output, then rerun with UPDATE_GOLDEN=1` };
    }
    const mismatch = compareGolden(fs.readFileSync(goldenPath, 'utf8'), actual, goldenPath);
    return mismatch === undefined
      ? { pass: true, message: () => `expected a difference from ${goldenPath}` }
      : { pass: false, message: () => `first difference in ${mismatch.where} (line ${mismatch.line})\n${mismatch.diff}` };
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
    }
  }
}
