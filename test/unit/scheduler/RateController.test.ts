/** Spark's `RateController` and `InputInfoTracker`, directly. */
import { Time, type BatchInfo } from 'dstream-sim';
import { InputInfoTracker } from '../../../src/scheduler/InputInfoTracker';
import { PIDRateEstimator } from '../../../src/scheduler/PIDRateEstimator';
import { RateController } from '../../../src/scheduler/RateController';

function batch(t: number, records: number | undefined, processingMs: number, schedulingMs = 0): BatchInfo {
  const end = t + schedulingMs + processingMs;
  return {
    batchTime: new Time(t),
    streamIdToInputInfo: new Map(records === undefined ? [] : [[7, { inputStreamId: 7, numRecords: records, metadata: {} }]]),
    submissionTime: t,
    processingStartTime: t + schedulingMs,
    processingEndTime: end,
    schedulingDelay: schedulingMs,
    processingDelay: processingMs,
    totalDelay: schedulingMs + processingMs,
    numRecords: records ?? 0,
    outputOperationInfos: new Map(),
  };
}

test('publishes the estimator’s rate from the second completed batch with this input’s records', () => {
  const rates: number[] = [];
  const c = new RateController(7, new PIDRateEstimator(1000), (r) => void rates.push(r));
  c.onBatchCompleted({ batchInfo: batch(1000, 500, 1000) }); // calibrates: 500 records/s
  expect(rates).toEqual([]);
  c.onBatchCompleted({ batchInfo: batch(2000, 500, 2000) }); // now 250 records/s
  expect(rates).toEqual([250]);
});

test('batches without this input’s records, or that took no time, publish nothing', () => {
  const rates: number[] = [];
  const c = new RateController(7, new PIDRateEstimator(1000), (r) => void rates.push(r));
  c.onBatchCompleted({ batchInfo: batch(1000, undefined, 1000) });
  c.onBatchCompleted({ batchInfo: batch(2000, undefined, 1000) });
  c.onBatchCompleted({ batchInfo: batch(3000, 0, 1000) });
  c.onBatchCompleted({ batchInfo: batch(4000, 100, 0) });
  expect(rates).toEqual([]);
});

test('InputInfoTracker: infos by input id, summed records, cleanup below a threshold', () => {
  const t = new InputInfoTracker();
  t.reportInfo(1000, { inputStreamId: 2, numRecords: 3, metadata: {} });
  t.reportInfo(1000, { inputStreamId: 0, numRecords: 4, metadata: {} });
  t.reportInfo(1000, { inputStreamId: 1, numRecords: 5, metadata: {} });
  t.reportInfo(2000, { inputStreamId: 0, numRecords: 1, metadata: {} });
  expect(t.getInfo(1000).map((i) => i.inputStreamId)).toEqual([0, 1, 2]);
  expect(t.numRecords(1000)).toBe(12);
  t.cleanup(2000);
  expect(t.getInfo(1000)).toEqual([]);
  expect(t.numRecords(2000)).toBe(1);
  t.cleanup(2001);
  expect(t.numRecords(2000)).toBe(0);
});
