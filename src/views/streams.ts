import type { SimEvent } from '../events/SimEvent';
import { explainRule } from '../events/LifecycleRules';
import { pythonRepr } from '../util/format';

/** What `step` can show about one stream: its last RDD, window, or state. */
export type StreamView = 'rdd' | 'window' | 'state';

function matches(name: string, id: number, query: string): boolean {
  return query === String(id) || name === query || name.startsWith(`${query} `) || name.includes(query);
}

/**
 * The latest RDD, window or state recorded for the stream named (by name, part of a name, or
 * id), as the stepper prints it. Times are ms since `originMs` (the run's start), as in the transcript.
 */
export function describeStream(kind: StreamView, query: string, events: readonly SimEvent[], originMs = 0): string {
  const ms = (t: number): string => `${t - originMs} ms`;
  if (query === '') return `${kind}: name a stream (its name or id, e.g. ${kind} 3)`;
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (kind === 'rdd' && e.type === 'rddGenerated' && matches(e.streamName, e.streamId, query)) {
      return `${e.streamName} at ${ms(e.batchTime)} (${e.numPartitions} partitions): [${e.records.map((r) => pythonRepr(r)).join(', ')}]`;
    }
    if (kind === 'window' && e.type === 'windowComputed' && matches(e.streamName, e.streamId, query)) {
      return `${e.streamName} at ${ms(e.batchTime)} covers (${ms(e.batchTime - e.windowMs)}, ${ms(e.batchTime)}]: batches [${e.batchTimes.map((t) => t - originMs).join(', ')}]\nrecords: [${(e.records ?? []).map((r) => pythonRepr(r)).join(', ')}]`;
    }
    if (kind === 'state' && e.type === 'stateChanged' && matches(e.streamName, e.streamId, query)) {
      const rows = e.after.map(([k, s]) => `  ${pythonRepr(k).padEnd(16)} ${pythonRepr(s)}`);
      return `${e.streamName} after ${ms(e.batchTime)} (${e.after.length} keys):\n${rows.join('\n') || '  (empty)'}`;
    }
  }
  return `no ${kind} recorded for '${query}' yet`;
}

/**
 * Why the last refused call was refused: the call (when: ms since `originMs`, the run's start), its
 * rule explained, and Spark's message.
 */
export function explainLastRefusal(events: readonly SimEvent[], originMs = 0): string {
  for (let i = events.length - 1; i >= 0; i--) {
    const r = events[i]!;
    if (r.type === 'callRefused') {
      return `${r.call} was refused at ${r.at - originMs} ms.\nrule: ${r.rule} — ${explainRule(r.rule)}\nSpark says: ${r.errorName}: ${r.message}`;
    }
  }
  return 'no call has been refused';
}
