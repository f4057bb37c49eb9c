import type { SimEvent } from '../events/SimEvent';
import type { ScenarioResult } from '../scenario/runScenario';
import type { Timeline } from '../timeline/Timeline';

/** One output operation's output for one batch, as the event log records it (`outputWritten`). */
export interface BatchOutput {
  /** Batch time in ms of virtual time. */
  batchTime: number;
  /** The output operation's number (registration order, 0 first). */
  outputOpId: number;
  /** The records it showed (pprint shows at most its `num`). */
  records: readonly unknown[];
  /** The text it printed. */
  text: string;
}

/**
 * What a property sees of one run of a scenario's program on a generated timeline: the
 * timeline, the event log, the golden transcript, what the program printed, and the outputs
 * batch by batch. A property file's default export receives it (docs/property-testing.md).
 */
export interface ScenarioRun {
  timeline: Timeline;
  events: readonly SimEvent[];
  transcript: string;
  printed: string;
  outputs: readonly BatchOutput[];
  /** The records of every line sent, file written and push made, in time order: what went in. */
  inputs: readonly unknown[];
}

/** A property of a scenario run: return `false` or throw to fail (an `expect` works too). */
export type ScenarioProperty = (run: ScenarioRun) => boolean | void | Promise<boolean | void>;

/** The {@link ScenarioRun} of a scenario result on `timeline`. */
export function toScenarioRun(timeline: Timeline, r: ScenarioResult): ScenarioRun {
  const outputs = r.events.flatMap((e) =>
    e.type === 'outputWritten' ? [{ batchTime: e.batchTime, outputOpId: e.outputOpId, records: e.records, text: e.text }] : [],
  );
  const inputs = timeline.events.flatMap((e): unknown[] => {
    if (e.kind === 'lines') return e.lines;
    if (e.kind === 'file') return e.content.split('\n').filter((l) => l.length > 0);
    if (e.kind === 'push') return e.items.flat();
    return [];
  });
  return { timeline, events: r.events, transcript: r.transcript, printed: r.printed, outputs, inputs };
}
