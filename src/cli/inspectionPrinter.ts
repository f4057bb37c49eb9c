import type { SimEvent } from '../events/SimEvent';
import { renderTranscript } from '../scenario/transcript';
import type { InspectKind } from './options';

const EVENT_OF: Record<InspectKind, SimEvent['type']> = {
  inputs: 'inputDelivered',
  streams: 'rddGenerated',
  windows: 'windowComputed',
  state: 'stateChanged',
  delays: 'batchCompleted',
  checkpoints: 'checkpointWritten',
};

/**
 * For `dstream-sim run --inspect` without `--transcript`: an event subscriber that prints what
 * the inspection recorded as it happens, in the transcript's words — a `== batch t ms ==` header
 * when a new batch begins, then its `input …`, `rdd …`, `window …` and `state …` lines (times in
 * ms since `originMs`, the run's start) — between the program's own output.
 */
export function inspectionPrinter(kinds: readonly InspectKind[], originMs: number, out: (text: string) => void): (e: SimEvent) => void {
  const wanted = new Set(kinds.map((k) => EVENT_OF[k]));
  const delays = kinds.includes('delays');
  const context: SimEvent[] = [];
  let lastHeader: string | undefined;
  return (e) => {
    if (e.type === 'contextCreated') context.push(e);
    // A batch's delays need its submission and start times.
    if (delays && (e.type === 'batchSubmitted' || e.type === 'batchStarted')) context.push(e);
    if (!wanted.has(e.type)) return;
    // The transcript renders the line; the earlier events give it the flavor, the batch header and the times.
    const lines = renderTranscript([...context, e], [], { originMs, delays, since: context.length }).split('\n');
    if (e.type === 'batchCompleted') forgetBatch(context, e.contextId, e.batchTime);
    const at = lines.findIndex((l) => l.startsWith('== batch '));
    const [header, ...body] = lines.slice(at, -1);
    if (header !== lastHeader) out(`${header}\n`);
    lastHeader = header;
    out(body.map((l) => `${l}\n`).join(''));
  };
}

/** Drop a completed batch's submission and start (they were kept for its delays). */
function forgetBatch(context: SimEvent[], contextId: number, batchTime: number): void {
  for (let i = context.length - 1; i >= 0; i--) {
    const c = context[i]!;
    if ((c.type === 'batchSubmitted' || c.type === 'batchStarted') && c.contextId === contextId && c.batchTime === batchTime) context.splice(i, 1);
  }
}
