import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Jvm } from '../env/Jvm';
import { TimerPriority } from '../util/Clock';
import { namedLiveQueue } from '../dstream/LiveQueue';
import { resolveInside } from '../util/confinedPath';
import { SocketSource } from './SocketSource';
import { TimelineError, type CrashEvent, type Timeline, type TimelineEvent, type TimelineSource } from './Timeline';

/**
 * Plays a timeline into a simulated JVM: socket sources become real TCP servers on loopback,
 * directory sources real directories inside the JVM's working directory (never through a
 * symbolic link that leads out), queue sources the JVM's named queues. Each event is scheduled
 * on the virtual clock at `start + at` (seconds, whole ms) with the highest priority of its
 * instant: inputs arrive before blocks are cut and before the batch is generated. Every event
 * is recorded in the event log.
 */
export class TimelineDriver {
  private readonly sockets = new Map<string, SocketSource>();

  private readonly played = new Set<TimelineEvent>();

  /** The first of the timer ids the events have (event `i` has `firstTimerId + i`). */
  private firstTimerId = 0;
  /** Per event (by index): the socket source a `lines` or `data` event sends to. */
  private sendSources: (string | undefined)[] = [];

  /** Per socket source: whether a timer is one of this timeline's sends to it. */
  private readonly sendsTo = new Map<string, (timerId: number) => boolean>();

  private constructor(
    private readonly jvm: Jvm,
    private readonly timeline: Timeline,
  ) {}

  /** Start the timeline's servers and schedule its events, from the clock's current time. */
  static async attach(jvm: Jvm, timeline: Timeline): Promise<TimelineDriver> {
    const d = new TimelineDriver(jvm, timeline);
    await d.start();
    return d;
  }

  /** Stop the servers (end of the run). */
  async close(): Promise<void> {
    for (const s of this.sockets.values()) {
      this.jvm.network.unregister(s);
      await s.shutdown();
    }
    this.sockets.clear();
  }

  private async start(): Promise<void> {
    for (const s of this.timeline.sources) {
      if (s.kind === 'socket') {
        const src = new SocketSource(s.address, this.jvm.network, () =>
          // Names the source and the program's address, never the real loopback port.
          this.jvm.log.emit({
            type: 'warning',
            contextId: undefined,
            message: `timeline ${s.name}: refused a connection to ${s.address} that is not a simulated receiver's`,
          }),
        );
        await src.listen();
        this.jvm.network.register(src);
        this.sockets.set(s.name, src);
        this.sendsTo.set(s.name, (timerId) => this.sendSourceOf(timerId) === s.name);
      } else if (s.kind === 'directory') {
        fs.mkdirSync(this.insideRunDir(s.name, s.path), { recursive: true });
      } else {
        this.queueOf(s.queue);
      }
    }
    const start = this.jvm.clock.now();
    const sources = new Map(this.timeline.sources.map((s) => [s.name, s]));
    // Each event's timer takes its place as if all were scheduled now (ids in timeline order),
    // but only the next one waits in the clock's queue: the queue stays short.
    const clock = this.jvm.clock;
    const events = this.timeline.events;
    const firstId = clock.reserveIds(events.length);
    const atMs = events.map((e) => Math.max(start, start + Math.round(e.at * 1000)));
    const order = events.map((_, i) => i).sort((a, b) => atMs[a]! - atMs[b]! || a - b);
    this.firstTimerId = firstId;
    this.sendSources = events.map((e) => (e.kind === 'lines' || e.kind === 'data' ? e.source : undefined));
    const scheduleFrom = (k: number): void => {
      if (k >= order.length) return;
      const i = order[k]!;
      const e = events[i]!;
      clock.scheduleReserved(
        firstId + i,
        atMs[i]!,
        () => {
          scheduleFrom(k + 1);
          if (e.kind === 'crash') this.crash(e, start);
          else this.apply(e, sources.get(e.source)!, start);
        },
        TimerPriority.INPUT,
      );
    };
    scheduleFrom(0);
  }

  /** The socket source the timer `timerId` sends to, if it is one of this timeline's sends. */
  private sendSourceOf(timerId: number): string | undefined {
    return this.sendSources[timerId - this.firstTimerId];
  }

  private queueOf(name: string): unknown[] {
    return namedLiveQueue<unknown>(this.jvm, name) as unknown as unknown[];
  }

  /**
   * The real path to write `rel` (relative to the run's directory) at. The timeline's own paths
   * were checked when it was validated; this refuses a symbolic link on disk that leads out.
   */
  private insideRunDir(source: string, rel: string): string {
    const r = resolveInside(this.jvm.cwd, rel);
    if ('path' in r) return r.path;
    throw new TimelineError(
      `timeline ${source}: '${rel}' leads outside the run's directory through the symbolic link '${r.escapesAt}'; timelines write only inside the run's directory`,
    );
  }

  /** The events whose time has not come (yet): after the end of a run, the ones that never happened. */
  unplayed(): readonly TimelineEvent[] {
    return this.timeline.events.filter((e) => !this.played.has(e));
  }

  /**
   * The driver dies: the active context stops at once (no stop events, nothing more written),
   * and every wait of the program ends with `DriverCrash`; the run starts it again at the restart
   * time (scenario/runScenario.ts).
   */
  private crash(e: CrashEvent, start: number): void {
    this.played.add(e);
    const restartAtMs = start + Math.round(e.restart * 1000);
    this.jvm.log.emit({ type: 'driverCrashed', restartAt: restartAtMs });
    this.jvm.activeContext?.crash?.();
    this.jvm.crashed = { restartAtMs };
  }

  private apply(e: Exclude<TimelineEvent, CrashEvent>, source: TimelineSource, start: number): void {
    this.played.add(e);
    const log = (detail: string, undelivered = false, records?: readonly unknown[]): void =>
      void this.jvm.log.emit({ type: 'timelineEvent', source: e.source, kind: e.kind, detail, undelivered, ...(records !== undefined ? { records } : {}) });
    switch (e.kind) {
      case 'lines':
      case 'data': {
        const sock = this.sockets.get(e.source)!;
        const bytes = e.kind === 'lines' ? linesText(e.lines) : Buffer.from(e.bytes);
        // When the next timer to fire is another send to this source, the bytes may go with its own.
        const next = this.jvm.clock.nextScheduledId();
        const n = sock.send(bytes, next !== undefined && this.sendSourceOf(next) === e.source ? this.sendsTo.get(e.source) : undefined);
        const what = e.kind === 'lines' ? `${e.lines.length} line${e.lines.length === 1 ? '' : 's'}` : `${e.bytes.length} bytes`;
        const records = e.kind === 'lines' ? [...e.lines] : [(bytes as Buffer).toString('utf8')];
        const detail = n === 0 ? `${what} to ${sock.address} not delivered: no receiver connected` : `${what} to ${sock.address} (${n} connection${n === 1 ? '' : 's'})`;
        this.jvm.log.emit({ type: 'timelineEvent', source: e.source, kind: e.kind, detail, undelivered: n === 0, records });
        return;
      }
      case 'close': {
        const sock = this.sockets.get(e.source)!;
        const n = sock.close();
        log(`${sock.address} closed (${n} connection${n === 1 ? '' : 's'}); not accepting`);
        return;
      }
      case 'drop': {
        const sock = this.sockets.get(e.source)!;
        const n = sock.drop();
        log(`${sock.address} dropped ${n} connection${n === 1 ? '' : 's'} (reset); still accepting`);
        return;
      }
      case 'open': {
        const sock = this.sockets.get(e.source)!;
        sock.reopen();
        log(`${sock.address} accepting connections`);
        return;
      }
      case 'file': {
        const file = this.insideRunDir(e.source, path.join((source as { path: string }).path, e.name));
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, e.content);
        const mtimeMs = start + Math.round((e.mtime ?? e.at) * 1000);
        fs.utimesSync(file, mtimeMs / 1000, mtimeMs / 1000);
        // Like every time in a transcript, the mtime shown is ms since the run's start.
        const shown = mtimeMs - this.jvm.startMs;
        log(
          `${path.join((source as { path: string }).path, e.name)} written (${Buffer.byteLength(e.content)} bytes, mtime ${shown} ms)`,
          false,
          e.content.split('\n').filter((l, i, all) => i < all.length - 1 || l !== ''),
        );
        return;
      }
      case 'push': {
        const q = this.queueOf((source as { queue: string }).queue);
        q.push(...e.items);
        log(`${e.items.length} RDD${e.items.length === 1 ? '' : 's'} pushed onto queue '${(source as { queue: string }).queue}'`, false, e.items);
        return;
      }
    }
  }
}

/** The text of a `lines` event: each line ends with a newline. */
function linesText(lines: readonly string[]): string {
  if (lines.length === 1) return `${lines[0]}\n`;
  let text = '';
  for (const l of lines) text += `${l}\n`;
  return text;
}
