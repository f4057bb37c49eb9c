/** Spark: `InputInfoTracker`: records each input's record count per batch (for BatchInfo). */
export class InputInfoTracker {
  private readonly infos = new Map<number, Map<number, number>>();

  reportInfo(batchTimeMs: number, inputId: number, numRecords: number): void {
    let m = this.infos.get(batchTimeMs);
    if (m === undefined) {
      m = new Map();
      this.infos.set(batchTimeMs, m);
    }
    m.set(inputId, numRecords);
  }

  /** Total records of a batch (Spark: `BatchInfo.numRecords`). */
  numRecords(batchTimeMs: number): number {
    let n = 0;
    for (const v of this.infos.get(batchTimeMs)?.values() ?? []) n += v;
    return n;
  }

  /** Spark: `cleanup(batchThreshTime)`: forget batches before the threshold. */
  cleanup(thresholdMs: number): void {
    for (const t of [...this.infos.keys()]) if (t < thresholdMs) this.infos.delete(t);
  }
}
