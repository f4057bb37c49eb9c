import type { SimEvent } from '../events/SimEvent';
import { renderTranscript } from '../scenario/transcript';
import type { InspectKind } from './options';

const EVENT_OF: Record<InspectKind, SimEvent['type']> = {
  inputs: 'inputDelivered',
  streams: 'rddGenerated',
  windows: 'windowComputed',
  state: 'stateChanged',
};

/**
 * For `dstream-sim run --inspect` without `--transcript`: an event subscriber that prints what
 * the inspection recorded as it happens, in the transcript's words — a `== batch t ms ==` header
 * when a new batch begins, then its `input …`, `rdd …`, `window …` and `state …` lines (times in
 * ms since `originMs`, the run's start) — between the program's own output.
 */
export function inspectionPrinter(kinds: readonly InspectKind[], originMs: number, out: (text: string) => void): (e: SimEvent) => void {
  const wanted = new Set(kinds.map((k) => EVENT_OF[k]));
  const contexts: SimEvent[] = [];
  let lastHeader: string | undefined;
  return (e) => {
    if (e.type === 'contextCreated') contexts.push(e);
    if (!wanted.has(e.type)) return;
    // The transcript renders the line; the contexts give it the flavor and the batch header.
    const lines = renderTranscript([...contexts, e], [], { originMs }).split('\n');
    const at = lines.findIndex((l) => l.startsWith('== batch '));
    const [header, ...body] = lines.slice(at, -1);
    if (header !== lastHeader) out(`${header}\n`);
    lastHeader = header;
    out(body.map((l) => `${l}\n`).join(''));
  };
}
