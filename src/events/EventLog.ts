import type { SimEvent, SimEventInput } from './SimEvent';

/** Receives every event as it is recorded. */
export type EventSubscriber = (event: SimEvent) => void;

/**
 * The append-only log of {@link SimEvent}s of one simulated JVM. Subscribers see every event; the
 * log keeps the last `capacity` of them (all by default) so that very long runs can keep memory
 * flat.
 */
export class EventLog {
  private readonly buffer: SimEvent[] = [];
  private readonly subscribers: { fn: EventSubscriber; kinds: ReadonlySet<SimEvent['type']> | undefined }[] = [];
  private seq = 0;
  private dropped = 0;

  constructor(
    private readonly now: () => number,
    private capacity = Infinity,
  ) {}

  /**
   * Record an event; returns it with its `seq` and `at`. The object given becomes the event (it
   * gains `seq` and `at`; no copy is made): callers pass a fresh literal.
   */
  emit(input: SimEventInput): SimEvent {
    const event = input as SimEvent;
    event.seq = this.seq++;
    event.at = this.now();
    if (this.capacity === 0 && this.subscribers.length === 0) {
      this.dropped++;
      return event;
    }
    if (this.capacity > 0) {
      this.buffer.push(event);
      if (this.buffer.length > this.capacity) {
        this.buffer.shift();
        this.dropped++;
      }
    } else {
      this.dropped++;
    }
    for (const s of this.subscribers) if (s.kinds === undefined || s.kinds.has(event.type)) s.fn(event);
    return event;
  }

  /** The retained events, oldest first. */
  events(): readonly SimEvent[] {
    return this.buffer;
  }

  /** How many events were recorded but are no longer retained. */
  droppedCount(): number {
    return this.dropped;
  }

  /** Keep at most `n` events from now on (0 keeps none; subscribers still see every event). */
  setCapacity(n: number): void {
    this.capacity = n;
    while (this.buffer.length > Math.max(0, n)) {
      this.buffer.shift();
      this.dropped++;
    }
  }

  /**
   * True when someone would see an event (of `kind`, if given): the log keeps events, or a
   * subscriber wants it. Whoever builds a costly event (inputs collected for the log) asks first.
   */
  isRecording(kind?: SimEvent['type']): boolean {
    if (this.capacity > 0) return true;
    return this.subscribers.some((s) => kind === undefined || s.kinds === undefined || s.kinds.has(kind));
  }

  /**
   * Call `fn` for every later event — or only for events of the given `kinds` (a subscriber that
   * needs a few kinds costs nothing for the others); returns a function that unsubscribes.
   */
  subscribe(fn: EventSubscriber, kinds?: readonly SimEvent['type'][]): () => void {
    const entry = { fn, kinds: kinds === undefined ? undefined : new Set(kinds) };
    this.subscribers.push(entry);
    return () => {
      const i = this.subscribers.indexOf(entry);
      if (i >= 0) this.subscribers.splice(i, 1);
    };
  }
}
