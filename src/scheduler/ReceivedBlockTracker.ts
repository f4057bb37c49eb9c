import type { ReceivedBlock } from '../receiver/BlockGenerator';

/**
 * Spark: `ReceivedBlockTracker`. Reported blocks wait in a per-stream unallocated queue; at each
 * batch time `allocateBlocksToBatch(t)` moves **all** of them into batch t (skipped for times
 * already allocated).
 */
export class ReceivedBlockTracker {
  private readonly unallocated = new Map<number, ReceivedBlock<unknown>[]>();
  private readonly allocated = new Map<number, Map<number, ReceivedBlock<unknown>[]>>();
  private lastAllocatedBatchTime = -Infinity;

  addBlock(block: ReceivedBlock<unknown>): void {
    let q = this.unallocated.get(block.streamId);
    if (q === undefined) {
      q = [];
      this.unallocated.set(block.streamId, q);
    }
    q.push(block);
  }

  /** Spark: `hasUnallocatedReceivedBlocks`: blocks received that no batch has taken yet. */
  hasUnallocatedBlocks(): boolean {
    for (const q of this.unallocated.values()) if (q.length > 0) return true;
    return false;
  }

  allocateBlocksToBatch(batchTimeMs: number): void {
    if (batchTimeMs <= this.lastAllocatedBatchTime) return;
    const m = new Map<number, ReceivedBlock<unknown>[]>();
    for (const [streamId, q] of this.unallocated) m.set(streamId, q.splice(0, q.length));
    this.allocated.set(batchTimeMs, m);
    this.lastAllocatedBatchTime = batchTimeMs;
  }

  getBlocksOfBatch(batchTimeMs: number, streamId: number): ReceivedBlock<unknown>[] {
    return this.allocated.get(batchTimeMs)?.get(streamId) ?? [];
  }

  /** Spark: `cleanupOldBatches(threshold)`: forget batches before the threshold. */
  cleanupOldBatches(thresholdMs: number): void {
    for (const t of [...this.allocated.keys()]) if (t < thresholdMs) this.allocated.delete(t);
  }
}
