import type { SimEvent } from '../events/SimEvent';
import { pythonRepr, scalaString } from '../util/format';
import { BatchTimings } from './batchTimings';
import { inTimeOrder, shows, type Entry } from './transcriptOrder';

/** The user's location of an error, indented under its line: `  at program.ts:6:29` and the frame. */
function located(where: string | undefined, frame: string | undefined): string[] {
  if (where === undefined) return [];
  return [`  at ${where}`, ...(frame ? frame.split('\n').map((l) => `  ${l}`) : [])];
}

/** Options of {@link renderTranscript}. */
export interface TranscriptOptions {
  /** Render only the events from this index on (the earlier ones still name contexts and flavors): a stepper's next part. */
  since?: number;
  /** Times print as ms since this virtual time: the run's start (0, or the scenario's `startDate`). */
  originMs?: number;
  /** Show each completed batch's scheduling, processing and total delay (`inspect: { delays: true }`). */
  delays?: boolean;
  /** Show every checkpoint file written (`inspect: { checkpoints: true }`). */
  checkpoints?: boolean;
}

/**
 * Render an event log as a golden transcript: plain, reviewable text. Lifecycle events, warnings,
 * refusals, errors, receiver and timeline events are one line each, stamped with the virtual time;
 * each batch gets a header, then what each input delivered, what inspected streams, windows and
 * state did, and every output operation's output exactly as printed.
 *
 * Times (`[t ms]` stamps, batch headers, windows) are ms since `originMs`, the run's start (the
 * clock's start: 0, or the scenario's `startDate`); what the program prints is left as printed.
 */
export function renderTranscript(events: readonly SimEvent[], header: readonly string[] = [], options: TranscriptOptions = {}): string {
  const recorder = new TranscriptRecorder(options);
  for (const e of events) recorder.add(e);
  return recorder.render(header, options.since ?? 0);
}

/**
 * A transcript built as the run goes: {@link renderTranscript} of the events it was given, holding
 * only the events that show (and the scheduler's times while they can matter — see
 * {@link BatchTimings}), so a long run's memory grows with what it prints, not with its batches.
 */
export class TranscriptRecorder {
  private readonly entries: Entry[] = [];
  private readonly timings = new BatchTimings();
  private readonly contexts = new Set<number>();
  private index = 0;
  private epoch = 0;

  constructor(private readonly options: TranscriptOptions = {}) {}

  /** Take the run's next event. */
  add(e: SimEvent): void {
    const index = this.index++;
    if (e.type === 'driverRestarted') this.epoch++;
    if (e.type === 'contextCreated') this.contexts.add(e.contextId);
    const note = this.timings.note(e, index, this.epoch);
    if (shows(e, this.options)) this.entries.push({ e, index, epoch: this.epoch, note });
  }

  /** The events that show, in log order. */
  events(): SimEvent[] {
    return this.entries.map((x) => x.e);
  }

  /** The transcript so far; `since`: only the events from that log index on (the earlier ones still name contexts and flavors). */
  render(header: readonly string[] = [], since = 0): string {
    const origin = this.options.originMs ?? 0;
    const lines: string[] = [...header.map((h) => `# ${h}`)];
    if (header.length > 0) lines.push('');
    const flavorOf = new Map<number, 'pyspark' | 'scala'>();
    const before = this.entries.filter((x) => x.index < since);
    for (const { e } of before) if (e.type === 'contextCreated') flavorOf.set(e.contextId, e.flavor);
    let currentBatch: string | undefined;
    const repr = (ctx: number, v: unknown): string => (flavorOf.get(ctx) === 'scala' ? scalaString(v) : pythonRepr(v));
    const list = (ctx: number, xs: readonly unknown[]): string => `[${xs.map((x) => repr(ctx, x)).join(', ')}]`;
    const stamp = (at: number, text: string): void => {
      currentBatch = undefined;
      lines.push(`[${at - origin} ms] ${text}`);
    };
    /** Driver incarnations: the times a recovery reschedules, and which of them had run. */
    let rescheduled = new Set<string>();
    let pending = new Set<string>();
    const batch = (x: Entry, ctx: number, t: number): void => {
      const key = `${x.epoch}:${ctx}@${t}`;
      if (currentBatch === key) return;
      currentBatch = key;
      const k = `${ctx}@${t}`;
      const mark = !rescheduled.has(k)
        ? ''
        : this.timings.ranBefore(k, x.epoch, x.index)
          ? ' (re-run after recovery)'
          : pending.has(k)
            ? ' (pending at the crash, run after recovery)'
            : ' (down time, run after recovery)';
      lines.push(`== batch ${t - origin} ms${this.contexts.size > 1 ? ` (context ${ctx})` : ''}${mark} ==`);
    };
    for (const { e } of before) {
      if (e.type === 'batchesRescheduled') {
        rescheduled = new Set(e.rescheduled.map((t) => `${e.contextId}@${t}`));
        pending = new Set(e.pendingTimes.map((t) => `${e.contextId}@${t}`));
      }
    }
    const ms = (ts: readonly number[]): string => ts.map((t) => `${t - origin} ms`).join(', ');
    for (const x of inTimeOrder(this.entries.filter((y) => y.index >= since))) {
      const e = x.e;
      switch (e.type) {
        case 'contextCreated':
          flavorOf.set(e.contextId, e.flavor);
          stamp(e.at, `StreamingContext ${e.contextId} created: batch ${e.batchDurationMs} ms, ${e.flavor}`);
          break;
        case 'contextStarted':
          stamp(e.at, `StreamingContext ${e.contextId} started: first batch at ${e.startTimeMs - origin} ms`);
          break;
        case 'contextStopped': {
          const why = { stop: e.graceful ? 'stop(), gracefully' : 'stop()', horizon: 'end of run', exit: 'program ended', startFailed: 'start failed' }[e.reason];
          stamp(e.at, `StreamingContext ${e.contextId} stopped (${why}; was ${e.previousState})`);
          for (const l of e.gracefulLog ?? []) lines.push(`  ${l}`);
          const dropped = x.note !== undefined && 'dropped' in x.note ? [...x.note.dropped.values()] : [];
          if (dropped.length > 0) lines.push(`  batches not completed: ${dropped.map((d) => `${d.batchTime - origin} ms${d.running ? ' (running)' : ''}`).join(', ')}`);
          break;
        }
        case 'sparkContextStopped':
          stamp(e.at, `SparkContext ${e.appName} stopped`);
          break;
        case 'callRefused':
          stamp(e.at, `refused ${e.call} [rule ${e.rule}]: ${e.errorName}: ${e.message}`);
          break;
        case 'warning':
          stamp(e.at, `warning: ${e.message}`);
          break;
        case 'receiverStarted':
          stamp(e.at, `receiver ${e.name} started`);
          break;
        case 'receiverError':
          stamp(e.at, `receiver ${e.name} ${e.restartDelayMs === undefined ? 'reported an error' : 'restarting'}: ${e.message}${e.error ? ` (${e.error})` : ''}`);
          break;
        case 'receiverStopped':
          stamp(e.at, `receiver ${e.name} stopped`);
          break;
        case 'receiverRateUpdated':
          stamp(e.at, `receiver ${e.name} rate limit ${Math.round(e.rate)} records/s (backpressure)`);
          break;
        case 'timelineEvent':
          stamp(e.at, `timeline ${e.source}: ${e.detail}`);
          break;
        case 'programOutput':
          for (const l of e.text.replace(/\n$/, '').split('\n')) stamp(e.at, `program: ${l}`);
          break;
        case 'programFailed':
          stamp(e.at, `program failed: ${e.errorName}: ${e.message}`);
          lines.push(...located(e.where, e.frame));
          break;
        case 'errorReported':
          stamp(e.at, `error (${e.context}): ${e.errorName}: ${e.message}`);
          lines.push(...located(e.where, e.frame));
          break;
        case 'inputDelivered':
          batch(x, e.contextId, e.batchTime);
          lines.push(`input ${e.streamName}: ${e.records === undefined ? 'no RDD' : list(e.contextId, e.records)}`);
          break;
        case 'rddGenerated':
          batch(x, e.contextId, e.batchTime);
          lines.push(`rdd ${e.streamName}: ${list(e.contextId, e.records)}`);
          break;
        case 'windowComputed':
          batch(x, e.contextId, e.batchTime);
          lines.push(
            `window ${e.streamName} (${e.batchTime - e.windowMs - origin} ms, ${e.batchTime - origin} ms] = batches [${e.batchTimes.map((t) => t - origin).join(', ')}]: ${list(e.contextId, e.records ?? [])}`,
          );
          break;
        case 'stateChanged': {
          batch(x, e.contextId, e.batchTime);
          const c = e.contextId;
          const parts: string[] = [];
          if (e.added.length) parts.push(`added ${e.added.map(([k, s]) => `${repr(c, k)}=${repr(c, s)}`).join(', ')}`);
          if (e.updated.length) parts.push(`updated ${e.updated.map(([k, a, b]) => `${repr(c, k)}: ${repr(c, a)} → ${repr(c, b)}`).join(', ')}`);
          if (e.removed.length) parts.push(`removed ${e.removed.map(([k]) => repr(c, k)).join(', ')}`);
          if (e.timedOut.length) parts.push(`timed out ${e.timedOut.map(([k]) => repr(c, k)).join(', ')}`);
          lines.push(`state ${e.streamName}: ${parts.length ? parts.join('; ') : 'unchanged'}`);
          break;
        }
        case 'outputWritten':
          batch(x, e.contextId, e.batchTime);
          lines.push(...e.text.replace(/\n$/, '').split('\n'));
          break;
        case 'outputOperationCompleted':
          if (e.failureReason !== undefined) {
            batch(x, e.contextId, e.batchTime);
            lines.push(`job ${e.outputOpId} (${e.name}) failed: ${e.failureReason}`);
          }
          break;
        case 'batchCompleted':
          if (x.note !== undefined && 'startedAt' in x.note) {
            const { submittedAt, startedAt } = x.note;
            batch(x, e.contextId, e.batchTime);
            lines.push(
              `delays: scheduling ${startedAt - submittedAt} ms, processing ${e.at - startedAt} ms, total ${e.at - submittedAt} ms (started ${startedAt - origin} ms, done ${e.at - origin} ms)`,
            );
          }
          break;
        case 'checkpointWritten': {
          const extra = [e.backedUp ? `previous one renamed to ${e.file}.bk` : '', e.deleted.length ? `deleted ${e.deleted.join(', ')}` : ''].filter((y) => y);
          stamp(e.at, `checkpoint for time ${e.checkpointTime - origin} ms written: ${e.file}${extra.length ? ` (${extra.join('; ')})` : ''}`);
          break;
        }
        case 'contextRecovered':
          for (const s of e.skipped) stamp(e.at, `warning: Error reading checkpoint from file ${e.directory}/${s.file}: ${s.reason}`);
          stamp(e.at, `StreamingContext ${e.contextId} recovered from ${e.directory}/${e.file} (checkpoint time ${e.checkpointTime - origin} ms)`);
          for (const r of e.restored) {
            const parts = [r.rddTimes.length ? `checkpointed RDDs of ${ms(r.rddTimes)}` : '', r.fileTimes.length ? `files of ${ms(r.fileTimes)}` : ''].filter((y) => y);
            lines.push(`  restored ${r.stream}: ${parts.join('; ')}`);
          }
          break;
        case 'batchesRescheduled':
          rescheduled = new Set(e.rescheduled.map((t) => `${e.contextId}@${t}`));
          pending = new Set(e.pendingTimes.map((t) => `${e.contextId}@${t}`));
          stamp(e.at, `StreamingContext ${e.contextId} restarts at ${e.restartTime - origin} ms (checkpoint time ${e.checkpointTime - origin} ms)`);
          lines.push(`  Batches during down time (${e.downTimes.length} batches): ${ms(e.downTimes)}`);
          lines.push(`  Batches pending processing (${e.pendingTimes.length} batches): ${ms(e.pendingTimes)}`);
          lines.push(`  Batches to reschedule (${e.rescheduled.length} batches): ${ms(e.rescheduled)}`);
          break;
        case 'driverCrashed':
          stamp(e.at, `driver crashed (timeline): nothing in memory survives; it restarts at ${e.restartAt - origin} ms`);
          break;
        case 'driverRestarted':
          rescheduled = new Set();
          pending = new Set();
          stamp(e.at, 'driver restarted: the program runs again from the top');
          break;
        case 'batchSubmitted':
        case 'batchStarted':
        case 'outputOperationStarted':
          break;
        default: {
          const unreachable: never = e;
          void unreachable;
        }
      }
    }
    return lines.join('\n') + '\n';
  }
}

/** Split a transcript into its parts: the preamble and one part per batch (for diffs). */
export function batchSections(transcript: string): { title: string; start: number; end: number }[] {
  const lines = transcript.split('\n');
  const out: { title: string; start: number; end: number }[] = [];
  lines.forEach((l, i) => {
    if (l.startsWith('== batch ')) {
      if (out.length > 0) out[out.length - 1]!.end = i;
      out.push({ title: l.replace(/^== | ==$/g, ''), start: i, end: lines.length });
    } else if (/^\[\d+ ms\] /.test(l) && out.length > 0 && out[out.length - 1]!.end === lines.length) {
      out[out.length - 1]!.end = i;
    }
  });
  return out;
}
