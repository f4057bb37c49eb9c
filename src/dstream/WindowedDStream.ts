import type { RDD } from '../rdd/RDD';
import type { StorageLevel } from '../rdd/StorageLevel';
import type { Duration } from '../time/Duration';
import { Interval } from '../time/Interval';
import type { Time } from '../time/Time';
import { DStream } from './internal';
import { requireAlignedWindow } from './windowAlignment';

/**
 * Spark: `WindowedDStream`, made by `window(w, s)`. At every slide-aligned time t it unions the
 * parent's RDDs of the batches in `(t − w, t]`; windows are aligned to zeroTime, partial windows
 * are emitted from the first slide on, and emitting goes on after the input ends.
 */
export class WindowedDStream<T> extends DStream<T> {
  constructor(
    private readonly parent: DStream<T>,
    readonly windowDuration: Duration,
    private readonly slide: Duration,
  ) {
    super(parent.ssc, 'window');
    requireAlignedWindow('WindowedDStream', windowDuration, slide, parent.slideDuration);
    // Spark persists the parent: its RDDs are reused by every window that covers them.
    parent.storageLevel = 'MEMORY_ONLY_SER';
  }

  get slideDuration(): Duration {
    return this.slide;
  }

  get dependencies(): readonly DStream<unknown>[] {
    return [this.parent];
  }

  override get parentRememberDuration(): Duration | undefined {
    return this.rememberDuration?.plus(this.windowDuration);
  }

  /** Spark: a window persists its parent instead of itself. */
  override persist(level?: StorageLevel): this {
    this.parent.persist(level);
    return this;
  }

  compute(validTime: Time): RDD<T> | undefined {
    const current = new Interval(validTime.minus(this.windowDuration).plus(this.parent.slideDuration), validTime);
    const rdds = this.parent.slice(current);
    const union = this.ssc.sparkContext.union(rdds);
    this.ssc.inspector.window(this, validTime, this.windowDuration, rdds.length > 0 ? current : undefined, this.parent, union);
    return union;
  }
}
