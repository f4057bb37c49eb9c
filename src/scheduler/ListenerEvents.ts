import type { SimEvent } from '../events/SimEvent';
import { Time } from '../time/Time';
import type { BatchInfo, OutputOperationInfo, ReceiverInfo, StreamInputInfo } from './BatchInfo';
import type { StreamingListener } from './StreamingListener';

/** One listener callback and the Spark event object it receives. */
export type ListenerCall = {
  [M in keyof StreamingListener]-?: { method: M; event: Parameters<NonNullable<StreamingListener[M]>>[0] };
}[keyof StreamingListener];

interface BatchState {
  batchTime: Time;
  inputInfos: ReadonlyMap<number, StreamInputInfo>;
  numRecords: number;
  submissionTime: number;
  processingStartTime?: number;
  processingEndTime?: number;
  ops: Map<number, OutputOperationInfo>;
}

/**
 * Spark: the `JobSet` → `BatchInfo` and `ReceiverTrackingInfo` → `ReceiverInfo` conversions
 * behind `StreamingListenerBus`, folded from the event log: each listener event of the log
 * becomes the callback Spark would make, with an immutable snapshot of the batch (or
 * receiver) at that moment. Times are the virtual clock's (`at`).
 */
export class ListenerEvents {
  private readonly batches = new Map<number, BatchState>();
  private readonly receiverNames = new Map<number, string>();
  private readonly receiverErrors = new Map<number, Pick<ReceiverInfo, 'lastErrorMessage' | 'lastError' | 'lastErrorTime'>>();

  /** The callback for `e`, or `undefined` when Spark's listeners hear nothing of it. */
  next(e: SimEvent): ListenerCall | undefined {
    switch (e.type) {
      case 'contextStarted':
        return { method: 'onStreamingStarted', event: { time: e.at } };
      case 'receiverStarted':
        this.receiverErrors.delete(e.streamId);
        this.receiverNames.set(e.streamId, `${e.receiverClass}-${e.streamId}`);
        return { method: 'onReceiverStarted', event: { receiverInfo: this.receiver(e.streamId, true) } };
      case 'receiverError':
        if (e.restartDelayMs === undefined) {
          // Spark: `reportError`: the tracker keeps the error; the receiver stays active.
          this.receiverErrors.set(e.streamId, { lastErrorMessage: e.message, lastError: e.error ?? '', lastErrorTime: e.at });
          return { method: 'onReceiverError', event: { receiverInfo: this.receiver(e.streamId, true) } };
        }
        // Spark: a restart stops the receiver (`stopReceiver` → `DeregisterReceiver`, posted as
        // ReceiverStopped with the restart's message) and registers it again when it restarts.
        this.stopped(e.streamId, `Restarting receiver with delay ${e.restartDelayMs}ms: ${e.message}`, e.error, e.at);
        return { method: 'onReceiverStopped', event: { receiverInfo: this.receiver(e.streamId, false) } };
      case 'receiverStopped':
        this.stopped(e.streamId, e.message, undefined, e.at);
        return { method: 'onReceiverStopped', event: { receiverInfo: this.receiver(e.streamId, false) } };
      case 'batchSubmitted': {
        const state: BatchState = {
          batchTime: new Time(e.batchTime),
          inputInfos: new Map(e.inputInfos.map((i) => [i.inputStreamId, i])),
          numRecords: e.numRecords,
          submissionTime: e.at,
          ops: new Map(),
        };
        e.outputOpNames.forEach((name, id) => state.ops.set(id, outputOp(state.batchTime, id, name)));
        this.batches.set(e.batchTime, state);
        return { method: 'onBatchSubmitted', event: { batchInfo: batchInfo(state) } };
      }
      case 'batchStarted':
        return this.batch(e.batchTime, 'onBatchStarted', (b) => void (b.processingStartTime = e.at));
      case 'outputOperationStarted':
        return this.op(e.batchTime, e.outputOpId, e.name, 'onOutputOperationStarted', (o) => ({ ...o, startTime: e.at }));
      case 'outputOperationCompleted':
        return this.op(e.batchTime, e.outputOpId, e.name, 'onOutputOperationCompleted', (o) => ({
          ...o,
          endTime: e.at,
          duration: o.startTime === undefined ? undefined : e.at - o.startTime,
          failureReason: e.failureReason,
        }));
      case 'batchCompleted': {
        const call = this.batch(e.batchTime, 'onBatchCompleted', (b) => void (b.processingEndTime = e.at));
        this.batches.delete(e.batchTime);
        return call;
      }
      default:
        return undefined;
    }
  }

  /** Spark: `deregisterReceiver`: the stop's message, error and (with an error) its time. */
  private stopped(streamId: number, message: string, error: string | undefined, at: number): void {
    const lastError = error ?? '';
    this.receiverErrors.set(streamId, { lastErrorMessage: message, lastError, lastErrorTime: lastError === '' ? -1 : at });
  }

  /** Spark: `ReceiverTrackingInfo.toReceiverInfo` (named `<class>-<streamId>` at registration). */
  private receiver(streamId: number, active: boolean): ReceiverInfo {
    const error = this.receiverErrors.get(streamId) ?? { lastErrorMessage: '', lastError: '', lastErrorTime: -1 };
    const name = this.receiverNames.get(streamId) ?? '';
    return Object.freeze({ streamId, name, active, location: 'localhost', executorId: 'driver', ...error });
  }

  private batch(batchTime: number, method: 'onBatchStarted' | 'onBatchCompleted', update: (b: BatchState) => void): ListenerCall | undefined {
    const state = this.batches.get(batchTime);
    if (state === undefined) return undefined;
    update(state);
    return { method, event: { batchInfo: batchInfo(state) } };
  }

  private op(
    batchTime: number,
    id: number,
    name: string,
    method: 'onOutputOperationStarted' | 'onOutputOperationCompleted',
    update: (o: OutputOperationInfo) => OutputOperationInfo,
  ): ListenerCall | undefined {
    const state = this.batches.get(batchTime);
    const before = state?.ops.get(id) ?? outputOp(new Time(batchTime), id, name);
    const info = Object.freeze(update(before));
    state?.ops.set(id, info);
    return { method, event: { outputOperationInfo: info } };
  }
}

function outputOp(batchTime: Time, id: number, name: string): OutputOperationInfo {
  return Object.freeze({ batchTime, id, name, description: name, startTime: undefined, endTime: undefined, failureReason: undefined, duration: undefined });
}

/** Spark: `JobSet.toBatchInfo`: a snapshot, with the delays Spark derives. */
function batchInfo(b: BatchState): BatchInfo {
  const schedulingDelay = b.processingStartTime === undefined ? undefined : b.processingStartTime - b.submissionTime;
  const processingDelay =
    b.processingEndTime === undefined || b.processingStartTime === undefined ? undefined : b.processingEndTime - b.processingStartTime;
  return Object.freeze({
    batchTime: b.batchTime,
    streamIdToInputInfo: b.inputInfos,
    submissionTime: b.submissionTime,
    processingStartTime: b.processingStartTime,
    processingEndTime: b.processingEndTime,
    schedulingDelay,
    processingDelay,
    totalDelay: schedulingDelay === undefined || processingDelay === undefined ? undefined : schedulingDelay + processingDelay,
    numRecords: b.numRecords,
    outputOperationInfos: new Map(b.ops),
  });
}

/**
 * Every batch of a log as its latest `BatchInfo` (submitted, started or completed), in submission
 * order — what the stepper's `delays`, the harness and `toHaveSchedulingDelays` read.
 */
export function batchInfos(events: readonly SimEvent[], contextId?: number): BatchInfo[] {
  const fold = new ListenerEvents();
  const latest = new Map<string, BatchInfo>();
  for (const e of events) {
    if (!('contextId' in e) || (contextId !== undefined && e.contextId !== contextId)) continue;
    const call = fold.next(e);
    if (call !== undefined && 'batchInfo' in call.event) latest.set(`${e.contextId}@${call.event.batchInfo.batchTime.milliseconds}`, call.event.batchInfo);
  }
  return [...latest.values()];
}
