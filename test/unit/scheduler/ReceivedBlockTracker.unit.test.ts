/**
 * Spark's `ReceivedBlockTrackerSuite` ("block addition, and block to batch allocation"): blocks
 * wait unallocated until `allocateBlocksToBatch(t)` moves all of them into batch t; a time not
 * after the last allocated one is not allocated again; `cleanupOldBatches(threshold)` forgets the
 * batches strictly before the threshold.
 */
import type { ReceivedBlock } from '../../../src/receiver/BlockGenerator';
import { ReceivedBlockTracker } from '../../../src/scheduler/ReceivedBlockTracker';

const block = (streamId: number, timeMs: number): ReceivedBlock<unknown> => ({
  streamId,
  blockId: `input-${streamId}-${timeMs}`,
  timeMs,
  records: [`r${timeMs}`],
});

test('allocation moves every waiting block of each stream into the batch', () => {
  const t = new ReceivedBlockTracker();
  expect(t.hasUnallocatedBlocks()).toBe(false);
  t.addBlock(block(0, 200));
  t.addBlock(block(1, 400));
  t.addBlock(block(0, 600));
  expect(t.hasUnallocatedBlocks()).toBe(true);
  t.allocateBlocksToBatch(1000);
  expect(t.hasUnallocatedBlocks()).toBe(false);
  expect(t.getBlocksOfBatch(1000, 0)).toEqual([block(0, 200), block(0, 600)]);
  expect(t.getBlocksOfBatch(1000, 1)).toEqual([block(1, 400)]);
  t.allocateBlocksToBatch(2000);
  expect(t.getBlocksOfBatch(2000, 0)).toEqual([]);
});

test('a batch never allocated, or a stream without blocks, has no blocks', () => {
  const t = new ReceivedBlockTracker();
  expect(t.getBlocksOfBatch(5000, 0)).toEqual([]);
  t.addBlock(block(0, 200));
  t.allocateBlocksToBatch(1000);
  expect(t.getBlocksOfBatch(1000, 7)).toEqual([]);
});

test('a batch time not after the last allocated one is not allocated again', () => {
  // Spark: "Possibly processed batch <t> needs to be processed again in WAL recovery": the
  // blocks stay where they were, later blocks wait for the next batch.
  const t = new ReceivedBlockTracker();
  t.addBlock(block(0, 200));
  t.allocateBlocksToBatch(2000);
  t.addBlock(block(0, 2200));
  t.allocateBlocksToBatch(2000);
  t.allocateBlocksToBatch(1000);
  expect(t.getBlocksOfBatch(2000, 0)).toEqual([block(0, 200)]);
  expect(t.getBlocksOfBatch(1000, 0)).toEqual([]);
  expect(t.hasUnallocatedBlocks()).toBe(true);
  t.allocateBlocksToBatch(3000);
  expect(t.getBlocksOfBatch(3000, 0)).toEqual([block(0, 2200)]);
});

test('cleanupOldBatches forgets only the batches before the threshold', () => {
  const t = new ReceivedBlockTracker();
  for (const ms of [1000, 2000, 3000]) {
    t.addBlock(block(0, ms - 500));
    t.allocateBlocksToBatch(ms);
  }
  t.cleanupOldBatches(2000);
  expect(t.getBlocksOfBatch(1000, 0)).toEqual([]);
  expect(t.getBlocksOfBatch(2000, 0)).toEqual([block(0, 1500)]);
  expect(t.getBlocksOfBatch(3000, 0)).toEqual([block(0, 2500)]);
  t.cleanupOldBatches(3000);
  expect(t.getBlocksOfBatch(2000, 0)).toEqual([]);
  expect(t.getBlocksOfBatch(3000, 0)).toEqual([block(0, 2500)]);
});
