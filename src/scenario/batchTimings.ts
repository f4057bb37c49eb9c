import type { SimEvent } from '../events/SimEvent';

/** A batch a stop left behind: submitted by the stop's time and not completed by then. */
export interface DroppedBatch {
  batchTime: number;
  /** It had started (`(running)` in the transcript). */
  running: boolean;
}

/** The batches a `contextStopped` left unfinished; events at the stop's own time may still settle them. */
export interface StopRecord {
  contextId: number;
  at: number;
  dropped: Map<string, DroppedBatch>;
}

/** A completed batch's delays (`inspect: { delays: true }`): when it was submitted and started. */
export interface BatchDelays {
  submittedAt: number;
  startedAt: number;
}

/**
 * The scheduler's per-batch times a transcript needs (Spark's `BatchInfo` submission, processing
 * start and end), kept only while they can still matter: a completed batch is forgotten, so a long
 * run's memory does not grow with its batches. What is kept: batches still open (a stop reports
 * them as not completed), and the completions of contexts that write checkpoints (a recovery marks
 * a rescheduled batch that had already run as `re-run after recovery`).
 */
export class BatchTimings {
  private readonly submitted = new Map<string, number>();
  private readonly started = new Map<string, number>();
  /** Stops whose time is still the clock's: a batch completing at that same time was not dropped. */
  private openStops: StopRecord[] = [];
  private readonly checkpointing = new Set<number>();
  /** Completed batches of checkpointing contexts: `ctx@time` → [epoch, log index] of each completion. */
  private readonly completions = new Map<string, [number, number][]>();

  /**
   * Take one event (log order, `index` its position, `epoch` the driver incarnation). Returns what
   * the transcript shows beside it: a stop's dropped batches, a completed batch's delays.
   */
  note(e: SimEvent, index: number, epoch: number): StopRecord | BatchDelays | undefined {
    // Every event of a run passes here: only a stop still open costs anything.
    if (this.openStops.length > 0) this.openStops = this.openStops.filter((s) => s.at >= e.at);
    switch (e.type) {
      case 'batchSubmitted': {
        const key = `${e.contextId}@${e.batchTime}`;
        this.submitted.set(key, e.at);
        for (const s of this.openStops) if (s.contextId === e.contextId) s.dropped.set(key, { batchTime: e.batchTime, running: false });
        return undefined;
      }
      case 'batchStarted': {
        const key = `${e.contextId}@${e.batchTime}`;
        this.started.set(key, e.at);
        for (const s of this.openStops) {
          const d = s.dropped.get(key);
          if (d !== undefined) d.running = true;
        }
        return undefined;
      }
      case 'batchCompleted': {
        const key = `${e.contextId}@${e.batchTime}`;
        const submittedAt = this.submitted.get(key);
        const startedAt = this.started.get(key);
        this.submitted.delete(key);
        this.started.delete(key);
        for (const s of this.openStops) s.dropped.delete(key);
        if (this.checkpointing.has(e.contextId)) {
          const list = this.completions.get(key) ?? [];
          list.push([epoch, index]);
          this.completions.set(key, list);
        }
        return submittedAt !== undefined && startedAt !== undefined ? { submittedAt, startedAt } : undefined;
      }
      case 'checkpointWritten':
        this.checkpointing.add(e.contextId);
        return undefined;
      case 'contextStopped': {
        const dropped = new Map<string, DroppedBatch>();
        for (const [key, at] of this.submitted) {
          if (!key.startsWith(`${e.contextId}@`) || at > e.at) continue;
          const batchTime = Number(key.slice(key.indexOf('@') + 1));
          dropped.set(key, { batchTime, running: (this.started.get(key) ?? Infinity) <= e.at });
        }
        const stop = { contextId: e.contextId, at: e.at, dropped };
        this.openStops.push(stop);
        return stop;
      }
      default:
        return undefined;
    }
  }

  /** How many batches' times it still holds (what a long run's memory keeps of them). */
  held(): number {
    return this.submitted.size + this.started.size + this.completions.size;
  }

  /** The batch `ctx@time` completed before the transcript's entry at (`epoch`, `index`). */
  ranBefore(key: string, epoch: number, index: number): boolean {
    return (this.completions.get(key) ?? []).some(([ep, i]) => ep < epoch || (ep === epoch && i < index));
  }
}
