import type { BatchInfo, OutputOperationInfo, ReceiverInfo } from '../scheduler/BatchInfo';
import type { ListenerCall } from '../scheduler/ListenerEvents';
import type { StreamingListener } from '../scheduler/StreamingListener';

/** How the wrapper reaches the Python listener: a callback method name and its Java-friendly info. */
export type PythonListenerCall = (method: string, info: Record<string, unknown>) => void;

/**
 * Spark: `JavaStreamingListenerWrapper` (what PySpark's `addStreamingListener` registers): it
 * turns Spark's listener events into the Java-friendly ones a Python listener receives — a
 * missing time or delay is `-1`, a missing failure reason `null` (Python `None`) — and calls the
 * Python listener's method. Only the methods the Python listener overrides are called.
 */
export class JavaStreamingListenerWrapper implements StreamingListener {
  constructor(call: PythonListenerCall, methods: readonly string[]) {
    for (const method of methods) {
      if (!LISTENER_METHODS.has(method)) continue;
      (this as Record<string, unknown>)[method] = (event: ListenerCall['event']): void => call(method, javaFriendly(event));
    }
  }
}

const LISTENER_METHODS = new Set<string>([
  'onStreamingStarted',
  'onReceiverStarted',
  'onReceiverError',
  'onReceiverStopped',
  'onBatchSubmitted',
  'onBatchStarted',
  'onBatchCompleted',
  'onOutputOperationStarted',
  'onOutputOperationCompleted',
]);

const orMinusOne = (v: number | undefined): number => v ?? -1;

function javaFriendly(event: ListenerCall['event']): Record<string, unknown> {
  if ('batchInfo' in event) return { batchInfo: batchInfo(event.batchInfo) };
  if ('outputOperationInfo' in event) return { outputOperationInfo: outputOperationInfo(event.outputOperationInfo) };
  if ('receiverInfo' in event) return { receiverInfo: receiverInfo(event.receiverInfo) };
  return { time: event.time };
}

function batchInfo(b: BatchInfo): Record<string, unknown> {
  return {
    batchTime: b.batchTime.milliseconds,
    streamIdToInputInfo: [...b.streamIdToInputInfo.values()].map((i) => ({
      inputStreamId: i.inputStreamId,
      numRecords: i.numRecords,
      metadata: i.metadata,
      metadataDescription: typeof i.metadata['Description'] === 'string' ? i.metadata['Description'] : null,
    })),
    submissionTime: b.submissionTime,
    processingStartTime: orMinusOne(b.processingStartTime),
    processingEndTime: orMinusOne(b.processingEndTime),
    schedulingDelay: orMinusOne(b.schedulingDelay),
    processingDelay: orMinusOne(b.processingDelay),
    totalDelay: orMinusOne(b.totalDelay),
    numRecords: b.numRecords,
    outputOperationInfos: [...b.outputOperationInfos.values()].map(outputOperationInfo),
  };
}

function outputOperationInfo(o: OutputOperationInfo): Record<string, unknown> {
  return {
    batchTime: o.batchTime.milliseconds,
    id: o.id,
    name: o.name,
    description: o.description,
    startTime: orMinusOne(o.startTime),
    endTime: orMinusOne(o.endTime),
    failureReason: o.failureReason ?? null,
  };
}

function receiverInfo(r: ReceiverInfo): Record<string, unknown> {
  return { ...r };
}
