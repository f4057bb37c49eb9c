import type { Jvm } from '../env/Jvm';
import type { TimelineDriver } from '../timeline/TimelineDriver';

/**
 * At the end of a run, the warnings a run that did nothing (or less than its timeline says)
 * deserves, so it is never silent: no context ever started; timeline events after the end of the
 * run; a socket source none of whose sends reached a receiver.
 */
export function warnAboutSilentRun(jvm: Jvm, driver: TimelineDriver | undefined): void {
  const events = jvm.log.events();
  const warn = (message: string): void => void jvm.log.emit({ type: 'warning', contextId: undefined, message });
  if (!events.some((e) => e.type === 'contextStarted')) {
    warn('no StreamingContext was started (ssc.start() never succeeded): no batch ran');
  }
  const sends = new Map<string, { total: number; delivered: number }>();
  for (const e of events) {
    if (e.type !== 'timelineEvent' || (e.kind !== 'lines' && e.kind !== 'data')) continue;
    const s = sends.get(e.source) ?? { total: 0, delivered: 0 };
    s.total++;
    if (!e.undelivered) s.delivered++;
    sends.set(e.source, s);
  }
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
}
