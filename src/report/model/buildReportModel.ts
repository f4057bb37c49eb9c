import type { SimEvent } from '../../events/SimEvent';
import { explainRule } from '../../events/LifecycleRules';
import { pythonRepr, scalaString } from '../../util/format';
import { goldenView, type GoldenInput } from './goldenParts';
import { lanesAndGraphs, sourceLane, streamLane } from './lanes';
import type { CellView, MarkView, ReportModel, RowView, StateRowView, StateView } from './types';

/** What the report says about the run besides its events. */
export interface ReportInfo {
  title: string;
  description?: string;
  /** The transcript's header line. */
  header?: string;
  /** The run's start (virtual ms): every time shows as ms since it, as in the transcript. */
  originMs?: number;
  /** A test result to show beside the run. */
  golden?: GoldenInput;
}

/** A row being filled. */
interface Draft {
  kind: RowView['kind'];
  time: number;
  contextId: number | undefined;
  cells: Record<string, CellView>;
  windows: RowView['windows'][number][];
  states: StateView[];
  outputs: RowView['outputs'][number][];
  marks: MarkView[];
  submitted?: number;
  started?: number;
  completed?: number;
}

/**
 * The report's view model, a pure function of the event log (and the names and test result
 * around it): the time axis of batch rows, each lane's records per batch (partitions kept
 * apart), windows with the batches they cover, state tables with each key's change, outputs
 * exactly as printed, and lifecycle events, refusals, failed jobs and errors on the axis.
 */
export function buildReportModel(events: readonly SimEvent[], info: ReportInfo): ReportModel {
  const origin = info.originMs ?? 0;
  const flavors = new Map<number, 'pyspark' | 'scala'>();
  let batchMs: number | undefined;
  for (const e of events) {
    if (e.type === 'contextCreated') {
      flavors.set(e.contextId, e.flavor);
      batchMs ??= e.batchDurationMs;
    }
  }
  const firstFlavor = flavors.values().next().value ?? 'pyspark';
  const repr = (ctx: number | undefined, v: unknown): string => ((ctx === undefined ? firstFlavor : flavors.get(ctx)) === 'scala' ? scalaString(v) : pythonRepr(v));
  const { lanes, graphs } = lanesAndGraphs(events);
  const outputLane = new Map<string, string>();
  for (const g of graphs) for (const n of g.nodes) if (n.output !== undefined) outputLane.set(`${g.contextId}@${n.output}`, n.lane);
  const batchMsOf = new Map<number, number>();
  for (const e of events) if (e.type === 'contextCreated') batchMsOf.set(e.contextId, e.batchDurationMs);

  const batches = new Map<string, Draft>();
  const draft = (kind: Draft['kind'], time: number, contextId: number | undefined): Draft => ({ kind, time, contextId, cells: {}, windows: [], states: [], outputs: [], marks: [] });
  const batch = (ctx: number, batchTime: number): Draft => {
    const key = `${ctx}@${batchTime}`;
    let b = batches.get(key);
    if (b === undefined) batches.set(key, (b = draft('batch', batchTime - origin, ctx)));
    return b;
  };
  // First pass: everything that belongs to a batch.
  const loose: { at: number; place: (row: Draft) => void }[] = [];
  const mark = (at: number, kind: MarkView['kind'], text: string, detail?: string): void =>
    void loose.push({ at: at - origin, place: (row) => row.marks.push({ at: at - origin, kind, text, detail }) });
  const located = (where: string | undefined, frame: string | undefined): string | undefined => (where === undefined ? undefined : `at ${where}${frame ? `\n${frame}` : ''}`);
  for (const e of events) {
    switch (e.type) {
      case 'inputDelivered':
      case 'rddGenerated':
        batch(e.contextId, e.batchTime).cells[streamLane(e.contextId, e.streamId)] = {
          records: (e.records ?? []).map((r) => repr(e.contextId, r)),
          partitions: e.partitionSizes,
          arrivals: undefined,
          noRdd: e.records === undefined,
        };
        break;
      case 'windowComputed':
        batch(e.contextId, e.batchTime).windows.push({
          lane: streamLane(e.contextId, e.streamId),
          name: e.streamName,
          from: e.batchTime - e.windowMs - origin,
          to: e.batchTime - origin,
          windowMs: e.windowMs,
          slideMs: e.slideMs,
          batchTimes: e.batchTimes.map((t) => t - origin),
          records: (e.records ?? []).map((r) => repr(e.contextId, r)),
        });
        break;
      case 'stateChanged':
        batch(e.contextId, e.batchTime).states.push(stateView(e, (v) => repr(e.contextId, v)));
        break;
      case 'outputWritten':
        batch(e.contextId, e.batchTime).outputs.push({ opId: e.outputOpId, lane: outputLane.get(`${e.contextId}@${e.outputOpId}`), text: e.text });
        break;
      case 'outputOperationCompleted':
        if (e.failureReason !== undefined) batch(e.contextId, e.batchTime).marks.push({ at: e.at - origin, kind: 'failedJob', text: `job ${e.outputOpId} (${e.name}) failed`, detail: e.failureReason });
        break;
      case 'errorReported':
        batch(e.contextId, e.batchTime).marks.push({ at: e.at - origin, kind: 'error', text: `error (${e.context}): ${e.errorName}: ${e.message}`, detail: located(e.where, e.frame) });
        break;
      case 'batchSubmitted':
        batch(e.contextId, e.batchTime).submitted = e.at;
        break;
      case 'batchStarted':
        batch(e.contextId, e.batchTime).started = e.at;
        break;
      case 'batchCompleted':
        batch(e.contextId, e.batchTime).completed = e.at;
        break;
      case 'contextCreated':
        mark(e.at, 'lifecycle', `StreamingContext ${e.contextId} created: batch ${e.batchDurationMs} ms, ${e.flavor}`);
        break;
      case 'contextStarted':
        mark(e.at, 'lifecycle', `StreamingContext ${e.contextId} started: first batch at ${e.startTimeMs - origin} ms`);
        break;
      case 'contextStopped': {
        const why = { stop: e.graceful ? 'stop(), gracefully' : 'stop()', horizon: 'end of run', exit: 'program ended', startFailed: 'start failed' }[e.reason];
        mark(e.at, 'lifecycle', `StreamingContext ${e.contextId} stopped (${why}; was ${e.previousState})`, e.gracefulLog?.join('\n'));
        break;
      }
      case 'sparkContextStopped':
        mark(e.at, 'lifecycle', `SparkContext ${e.appName} stopped`);
        break;
      case 'callRefused':
        mark(e.at, 'refusal', `refused ${e.call} [rule ${e.rule}]: ${e.errorName}: ${e.message}`, `rule ${e.rule}: ${explainRule(e.rule)}`);
        break;
      case 'warning':
        mark(e.at, 'warning', `warning: ${e.message}`);
        break;
      case 'receiverStarted':
        mark(e.at, 'receiver', `receiver ${e.name} started`);
        break;
      case 'receiverError':
        mark(e.at, 'receiver', `receiver ${e.name} ${e.restartDelayMs === undefined ? 'reported an error' : 'restarting'}: ${e.message}`, e.error);
        break;
      case 'receiverStopped':
        mark(e.at, 'receiver', `receiver ${e.name} stopped`);
        break;
      case 'receiverRateUpdated':
        mark(e.at, 'receiver', `receiver ${e.name} rate limit ${Math.round(e.rate)} records/s (backpressure)`);
        break;
      case 'programOutput':
        mark(e.at, 'program', `program: ${e.text}`);
        break;
      case 'programFailed':
        mark(e.at, 'error', `program failed: ${e.errorName}: ${e.message}`, located(e.where, e.frame));
        break;
      case 'timelineEvent': {
        const records = e.records;
        const at = e.at - origin;
        if (records === undefined) {
          mark(e.at, 'timeline', `timeline ${e.source}: ${e.detail}`);
          break;
        }
        loose.push({
          at,
          place: (row) => {
            const lane = sourceLane(e.source);
            const cell = (row.cells[lane] ??= { records: [], partitions: [], arrivals: [], noRdd: false });
            const shown = records.map((r) => repr(undefined, r));
            (cell.records as string[]).push(...shown);
            (cell.arrivals as number[]).push(...shown.map(() => at));
            if (e.undelivered) row.marks.push({ at, kind: 'timeline', text: `timeline ${e.source}: ${e.detail}`, detail: undefined });
          },
        });
        break;
      }
      case 'checkpointWritten':
        break;
      case 'contextRecovered':
        mark(
          e.at,
          'lifecycle',
          `StreamingContext ${e.contextId} recovered from ${e.directory}/${e.file} (checkpoint time ${e.checkpointTime - origin} ms)`,
          [...e.skipped.map((s) => `could not read ${s.file}: ${s.reason}`), ...e.restored.map((r) => `restored ${r.stream}`)].join('\n') || undefined,
        );
        break;
      case 'batchesRescheduled': {
        const ms = (ts: readonly number[]): string => ts.map((t) => `${t - origin} ms`).join(', ');
        mark(
          e.at,
          'lifecycle',
          `StreamingContext ${e.contextId} restarts at ${e.restartTime - origin} ms (checkpoint time ${e.checkpointTime - origin} ms)`,
          `Batches during down time: ${ms(e.downTimes)}\nBatches pending processing: ${ms(e.pendingTimes)}\nBatches to reschedule: ${ms(e.rescheduled)}`,
        );
        break;
      }
      case 'driverCrashed':
        mark(e.at, 'error', `driver crashed (timeline): nothing in memory survives; it restarts at ${e.restartAt - origin} ms`);
        break;
      case 'driverRestarted':
        mark(e.at, 'lifecycle', 'driver restarted: the program runs again from the top');
        break;
      case 'outputOperationStarted':
        break;
      default: {
        const unreachable: never = e;
        void unreachable;
      }
    }
  }
  const ordered = [...batches.values()].sort((a, b) => a.time - b.time || (a.contextId ?? 0) - (b.contextId ?? 0));
  // Events outside batches go to the batch whose interval (t − batch, t] holds them.
  let before: Draft | undefined;
  let after: Draft | undefined;
  for (const l of loose) {
    const i = ordered.findIndex((b) => b.time >= l.at);
    const b = ordered[i];
    const interval = b === undefined ? 0 : (batchMsOf.get(b.contextId ?? 0) ?? batchMs ?? 0);
    if (b === undefined) l.place((after ??= draft('after', l.at, undefined)));
    else if (i === 0 && l.at <= b.time - interval) l.place((before ??= draft('before', l.at, undefined)));
    else l.place(b);
  }
  const contexts = new Set(ordered.map((b) => b.contextId));
  const golden = info.golden !== undefined ? goldenView(info.golden) : undefined;
  const titleOf = (d: Draft): string =>
    d.kind === 'before' ? 'before the first batch' : d.kind === 'after' ? (ordered.length === 0 ? 'the run' : 'after the last batch') : `batch ${d.time} ms${contexts.size > 1 ? ` (context ${d.contextId})` : ''}`;
  const drafts = [...(before ? [before] : []), ...ordered, ...(after ? [after] : [])];
  const partsOf = golden === undefined ? [] : partsByRow(golden, drafts.map((d) => titleOf(d)));
  const rows = drafts.map((d, i): RowView => {
    const title = titleOf(d);
    const delays =
      d.submitted !== undefined && d.started !== undefined && d.completed !== undefined
        ? { scheduling: d.started - d.submitted, processing: d.completed - d.started, total: d.completed - d.submitted }
        : undefined;
    return {
      kind: d.kind,
      time: d.time,
      title,
      contextId: d.contextId,
      cells: d.cells,
      windows: d.windows,
      states: d.states,
      outputs: d.outputs.sort((a, b) => a.opId - b.opId),
      marks: d.marks.sort((a, b) => a.at - b.at),
      delays,
      diff: golden === undefined ? undefined : rowDiff(golden, partsOf[i] ?? []),
      goldenParts: partsOf[i] ?? [],
    };
  });
  return { title: info.title, description: info.description ?? '', header: info.header ?? '', batchMs, graphs, lanes, rows, golden };
}

/**
 * Which parts of the transcripts each row shows: a batch's part (and the lines stamped after it)
 * on its row, the part before the first batch on the first row, the part after the last batch on
 * the last row; a part no row is titled for (a batch of the golden the run did not reach) also
 * goes to the last row.
 */
function partsByRow(golden: NonNullable<ReportModel['golden']>, titles: readonly string[]): number[][] {
  const out = titles.map((): number[] => []);
  if (titles.length === 0) return out;
  golden.parts.forEach((p, i) => {
    const own = titles.findIndex((t) => p.title === t || p.title === `after ${t}`);
    const at = own >= 0 ? own : p.title === 'before the first batch' ? 0 : titles.length - 1;
    out[at]!.push(i);
  });
  return out;
}

/** Whether a row's parts of the transcript differ from the golden, and whether one is the first difference. */
function rowDiff(golden: NonNullable<ReportModel['golden']>, parts: readonly number[]): RowView['diff'] {
  const mine = parts.map((i) => golden.parts[i]!);
  if (mine.some((p) => p.first)) return 'first';
  return mine.some((p) => p.differs) ? 'differs' : 'same';
}

/** A `stateChanged` event as a table: every key after the batch (in the state's order), then the removed and timed-out ones. */
function stateView(e: Extract<SimEvent, { type: 'stateChanged' }>, repr: (v: unknown) => string): StateView {
  const added = new Set(e.added.map(([k]) => repr(k)));
  const before = new Map(e.updated.map(([k, a]) => [repr(k), repr(a)]));
  const rows: StateRowView[] = e.after.map(([k, s]) => {
    const key = repr(k);
    const was = before.get(key);
    return { key, value: repr(s), change: added.has(key) ? 'added' : was !== undefined ? 'updated' : 'same', before: was };
  });
  for (const [k, s] of e.removed) rows.push({ key: repr(k), value: repr(s), change: 'removed', before: undefined });
  for (const [k, s] of e.timedOut) rows.push({ key: repr(k), value: repr(s), change: 'timedOut', before: undefined });
  return { lane: streamLane(e.contextId, e.streamId), name: e.streamName, rows };
}
