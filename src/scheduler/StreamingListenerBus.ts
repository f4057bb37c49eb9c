import type { EventLog } from '../events/EventLog';
import type { SimEvent } from '../events/SimEvent';
import { ListenerEvents, type ListenerCall } from './ListenerEvents';
import type { StreamingListener } from './StreamingListener';

/**
 * Spark: `StreamingListenerBus`: tells a context's StreamingListeners about its events. It reads
 * the event log (subscribed only while listeners are registered), so listeners see exactly what
 * the log records, in order, as Spark's event objects (see {@link ListenerEvents}). A listener
 * that throws is logged and skipped, as in Spark.
 */
export class StreamingListenerBus {
  private readonly listeners: StreamingListener[] = [];
  private readonly events = new ListenerEvents();
  private unsubscribe: (() => void) | undefined;
  private posting = 0;

  constructor(
    private readonly log: EventLog,
    private readonly contextId: number,
    /** Log a listener's exception (the context adds where in the user's code it was raised). */
    private readonly warn: (message: string, error: unknown) => void,
  ) {}

  /** Spark: `addListener`. */
  addListener(listener: StreamingListener): void {
    this.listeners.push(listener);
    this.unsubscribe ??= this.log.subscribe((e) => this.post(e));
  }

  /** The driver died (a timeline crash): its listeners hear nothing more. */
  close(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.listeners.length = 0;
  }

  /** Spark: `isInListenerBusThread`: a listener callback is running (stop() is refused there). */
  get inListenerCallback(): boolean {
    return this.posting > 0;
  }

  private post(e: SimEvent): void {
    if (!('contextId' in e) || e.contextId !== this.contextId) return;
    const call = this.events.next(e);
    if (call === undefined) return;
    this.posting++;
    try {
      for (const l of this.listeners) {
        try {
          dispatch(l, call);
        } catch (err) {
          this.warn(`Listener ${l.constructor.name} threw an exception: ${String(err)}`, err);
        }
      }
    } finally {
      this.posting--;
    }
  }
}

/** Spark: `StreamingListenerBus.doPostEvent`: the listener's callback for the event, if it has one. */
function dispatch(l: StreamingListener, call: ListenerCall): void {
  (l[call.method] as ((event: ListenerCall['event']) => void) | undefined)?.call(l, call.event);
}
