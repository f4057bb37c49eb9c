import type { SimEvent } from '../events/SimEvent';
import { batchInfos } from '../scheduler/ListenerEvents';

/**
 * The stepper's `delays`: each batch so far as Spark's `BatchInfo` sees it — queued, running or
 * done, with its scheduling, processing and total delay (times in ms since `originMs`).
 */
export function describeDelays(events: readonly SimEvent[], originMs: number): string {
  const infos = batchInfos(events);
  if (infos.length === 0) return 'no batch has been submitted yet';
  return infos
    .map((b) => {
      const t = `batch ${b.batchTime.milliseconds - originMs} ms`;
      if (b.processingStartTime === undefined) return `${t}: queued since ${b.submissionTime - originMs} ms`;
      const scheduling = `scheduling ${b.schedulingDelay} ms`;
      if (b.processingEndTime === undefined) return `${t}: running since ${b.processingStartTime - originMs} ms (${scheduling})`;
      return `${t}: ${scheduling}, processing ${b.processingDelay} ms, total ${b.totalDelay} ms`;
    })
    .join('\n');
}
