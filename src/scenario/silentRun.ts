import type { Jvm } from '../env/Jvm';
import type { TimelineDriver } from '../timeline/TimelineDriver';

/**
 * Watch a run from its start for what a run that did nothing (or less than its timeline says)
 * deserves, so it is never silent — folded from the events as they come (kinds chosen), so it
 * works whether or not the run keeps its event log. Call the returned function at the end: it
 * warns that no context ever started; that timeline events came after the end of the run; that
 * none of a socket source's sends reached a receiver.
 */
export function watchForSilentRun(jvm: Jvm): (driver: TimelineDriver | undefined) => void {
  let started = false;
  const sends = new Map<string, { total: number; delivered: number }>();
  const off = jvm.log.subscribe(
    (e) => {
      if (e.type === 'contextStarted') started = true;
      if (e.type !== 'timelineEvent' || (e.kind !== 'lines' && e.kind !== 'data')) return;
      const s = sends.get(e.source) ?? { total: 0, delivered: 0 };
      s.total++;
      if (!e.undelivered) s.delivered++;
      sends.set(e.source, s);
    },
    ['contextStarted', 'timelineEvent'],
  );
  return (driver) => {
    off();
    const warn = (message: string): void => void jvm.log.emit({ type: 'warning', contextId: undefined, message });
    if (!started) warn('no StreamingContext was started (ssc.start() never succeeded): no batch ran');
    for (const [source, s] of sends) {
      if (s.delivered === 0) {
        warn(`timeline ${source}: none of its ${s.total} send${s.total === 1 ? '' : 's'} reached a receiver; does the program read this address (socketTextStream) and start before the first send?`);
      }
    }
    const late = driver?.unplayed() ?? [];
    if (late.length > 0) {
      const first = late[0]!;
      warn(
        `timeline: ${late.length} event${late.length === 1 ? '' : 's'} after the end of the run (${jvm.clock.now()} ms) never happened, the first at ${first.at} s (${first.source ?? 'the driver crash'}); run longer or move ${late.length === 1 ? 'it' : 'them'} earlier`,
      );
    }
  };
}
