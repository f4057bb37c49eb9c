import type { EventLog } from '../events/EventLog';
import type { SimEvent } from '../events/SimEvent';
import type { StreamingListener } from './StreamingListener';

/**
 * Spark: `StreamingListenerBus`: tells a context's StreamingListeners about its events. It reads
 * the event log (subscribed only while listeners are registered), so listeners see exactly what
 * the log records, in order. A listener that throws is logged and skipped, as in Spark.
 */
export class StreamingListenerBus {
  private readonly listeners: StreamingListener[] = [];
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly log: EventLog,
    private readonly contextId: number,
    private readonly warn: (message: string) => void,
  ) {}

  /** Spark: `addListener`. */
  addListener(listener: StreamingListener): void {
    this.listeners.push(listener);
    this.unsubscribe ??= this.log.subscribe((e) => this.post(e));
  }

  private post(e: SimEvent): void {
    if (!('contextId' in e) || e.contextId !== this.contextId) return;
    for (const l of this.listeners) {
      try {
        dispatch(l, e);
      } catch (err) {
        this.warn(`Listener ${l.constructor.name} threw an exception: ${String(err)}`);
      }
    }
  }
}

/** Spark: `StreamingListenerBus.doPostEvent`: one callback per event kind. */
function dispatch(l: StreamingListener, e: SimEvent): void {
  switch (e.type) {
    case 'contextStarted':
      return l.onStreamingStarted?.(e);
    case 'receiverStarted':
      return l.onReceiverStarted?.(e);
    case 'receiverError':
      return l.onReceiverError?.(e);
    case 'receiverStopped':
      return l.onReceiverStopped?.(e);
    case 'batchSubmitted':
      return l.onBatchSubmitted?.(e);
    case 'batchStarted':
      return l.onBatchStarted?.(e);
    case 'outputOperationStarted':
      return l.onOutputOperationStarted?.(e);
    case 'outputOperationCompleted':
      return l.onOutputOperationCompleted?.(e);
    case 'batchCompleted':
      return l.onBatchCompleted?.(e);
    default:
      return;
  }
}
