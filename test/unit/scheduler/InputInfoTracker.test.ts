/**
 * Spark's `InputInfoTrackerSuite`: what each input reported for a batch, and `cleanup(threshold)`,
 * which forgets the batches strictly before the threshold (`batchTimeToInputInfos.keys.filter(_ <
 * batchThreshTime)`).
 */
import type { StreamInputInfo } from 'dstream-sim';
import { InputInfoTracker } from '../../../src/scheduler/InputInfoTracker';

const info = (inputStreamId: number, numRecords: number): StreamInputInfo => ({ inputStreamId, numRecords, metadata: {} });

test('infos are kept per batch, by input stream id, and summed into the batch’s records', () => {
  const t = new InputInfoTracker();
  t.reportInfo(1000, info(1, 3));
  t.reportInfo(1000, info(0, 2));
  t.reportInfo(2000, info(0, 7));
  expect(t.getInfo(1000)).toEqual([info(0, 2), info(1, 3)]);
  expect(t.numRecords(1000)).toBe(5);
  expect(t.getInfo(2000)).toEqual([info(0, 7)]);
  expect(t.getInfo(3000)).toEqual([]);
  expect(t.numRecords(3000)).toBe(0);
});

test('cleanup forgets only the batches before the threshold (Spark: “test cleanup InputInfo”)', () => {
  const t = new InputInfoTracker();
  t.reportInfo(0, info(0, 100));
  t.reportInfo(1, info(0, 300));
  t.cleanup(0); // nothing is before 0: the batch at the threshold stays
  expect(t.getInfo(0)).toEqual([info(0, 100)]);
  expect(t.getInfo(1)).toEqual([info(0, 300)]);
  t.cleanup(1);
  expect(t.getInfo(0)).toEqual([]);
  expect(t.numRecords(0)).toBe(0);
  expect(t.getInfo(1)).toEqual([info(0, 300)]);
});
