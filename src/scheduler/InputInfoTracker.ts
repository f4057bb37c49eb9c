import type { StreamInputInfo } from '../events/SimEvent';

/** Spark: `InputInfoTracker`: what each input reported per batch (for BatchInfo). */
export class InputInfoTracker {
  private readonly infos = new Map<number, Map<number, StreamInputInfo>>();

  /** Spark: `reportInfo(batchTime, inputInfo)`. */
  reportInfo(batchTimeMs: number, info: StreamInputInfo): void {
    let m = this.infos.get(batchTimeMs);
    if (m === undefined) {
      m = new Map();
      this.infos.set(batchTimeMs, m);
    }
    m.set(info.inputStreamId, info);
  }

  /** Spark: `getInfo(batchTime)`, by input stream id. */
  getInfo(batchTimeMs: number): StreamInputInfo[] {
    return [...(this.infos.get(batchTimeMs)?.values() ?? [])].sort((a, b) => a.inputStreamId - b.inputStreamId);
  }

  /** Total records of a batch (Spark: `BatchInfo.numRecords`). */
  numRecords(batchTimeMs: number): number {
    let n = 0;
    for (const v of this.infos.get(batchTimeMs)?.values() ?? []) n += v.numRecords;
    return n;
  }

  /** Spark: `cleanup(batchThreshTime)`: forget batches before the threshold. */
  cleanup(thresholdMs: number): void {
    for (const t of [...this.infos.keys()]) if (t < thresholdMs) this.infos.delete(t);
  }
}
