/** Spark's `PIDRateEstimatorSuite`, case by case. */
import { IllegalArgumentError } from 'dstream-sim';
import { PIDRateEstimator } from '../../../src/scheduler/PIDRateEstimator';

const series = (p: PIDRateEstimator, n: number, f: (i: number) => [number, number, number, number]): (number | undefined)[] =>
  Array.from({ length: n }, (_, i) => p.compute(...f(i)));

test('estimator checks ranges (Spark’s messages)', () => {
  expect(() => new PIDRateEstimator(0, 1, 2, 3, 10)).toThrow(new IllegalArgumentError('requirement failed: Specified batch interval 0 in PIDRateEstimator is invalid.'));
  expect(() => new PIDRateEstimator(100, -1, 2, 3, 10)).toThrow('requirement failed: Proportional term -1 in PIDRateEstimator should be >= 0.');
  expect(() => new PIDRateEstimator(100, 0, -1, 3, 10)).toThrow('requirement failed: Integral term -1 in PIDRateEstimator should be >= 0.');
  expect(() => new PIDRateEstimator(100, 0, 0, -1, 10)).toThrow('requirement failed: Derivative term -1 in PIDRateEstimator should be >= 0.');
  expect(() => new PIDRateEstimator(100, 0, 0, 0, 0)).toThrow('requirement failed: Minimum rate in PIDRateEstimator should be > 0');
});

test('first estimate is None; the second is not', () => {
  const p = new PIDRateEstimator(100);
  expect(p.compute(0, 10, 10, 0)).toBeUndefined();
  expect(p.compute(10, 10, 10, 0)).toBeDefined();
});

test('no estimate when no time difference between successive calls', () => {
  const p = new PIDRateEstimator(100);
  expect(p.compute(0, 10, 10, 0)).toBeUndefined();
  expect(p.compute(10, 10, 10, 0)).toBeDefined();
  expect(p.compute(10, 10, 10, 0)).toBeUndefined();
});

test('no estimate when no records in the batch, or no processing time', () => {
  const p = new PIDRateEstimator(100);
  expect(p.compute(0, 10, 10, 0)).toBeUndefined();
  expect(p.compute(10, 0, 10, 0)).toBeUndefined();
  expect(p.compute(20, 10, 0, 0)).toBeUndefined();
});

test('with no accumulated or positive error, |I| > 0, follow the processing speed', () => {
  const p = new PIDRateEstimator(20, 1, 1, 0, 10);
  const res = series(p, 50, (i) => [i * 20, (i + 1) * 20, 20, 0]);
  expect(res[0]).toBeUndefined();
  expect(res.slice(1)).toEqual(Array.from({ length: 49 }, (_, i) => (i + 2) * 1000));
});

test('with no accumulated but some positive error, |I| > 0, follow the processing speed', () => {
  const p = new PIDRateEstimator(20, 1, 1, 0, 10);
  const res = series(p, 50, (i) => [i * 20, (50 - i) * 20, 20, 0]);
  expect(res[0]).toBeUndefined();
  expect(res.slice(1)).toEqual(Array.from({ length: 49 }, (_, i) => (49 - i) * 1000));
});

test('with some accumulated and some positive error, |I| > 0, stay below the processing speed; never below minRate', () => {
  const p = new PIDRateEstimator(20, 1, 0.01, 0, 10);
  const res = series(p, 50, (i) => [i * 20, (i + 1) * 20, 20, i < 25 ? 10 : 0]);
  expect(res[0]).toBeUndefined();
  // While scheduling delay accumulates, the rate stays below the processing rate (i + 1) * 1000.
  for (let i = 1; i < 25; i++) expect(res[i]!).toBeLessThan((i + 1) * 1000);
  for (let i = 26; i < 50; i++) expect(res[i]).toBe((i + 1) * 1000);
  const floor = new PIDRateEstimator(20, 1, 1, 0, 10);
  const low = series(floor, 50, (i) => [i * 20, 1, 20, 100]);
  expect(low.slice(1)).toEqual(Array.from({ length: 49 }, () => 10));
});

test('all three terms at once, by Spark’s formula: rate − kp·error − ki·(schedulingDelay·processingRate/batch) − kd·Δerror/Δt', () => {
  const p = new PIDRateEstimator(1000, 1, 0.2, 0.5, 1);
  // Calibration: 1,000 records in 500 ms is 2,000 records/s.
  expect(p.compute(1000, 1000, 500, 0)).toBeUndefined();
  // 2 s later, 1,500/s: error 500, historical 400·1500/1000 = 600, Δerror/Δt = 500/2 = 250.
  expect(p.compute(3000, 1500, 1000, 400)).toBe(2000 - 500 - 0.2 * 600 - 0.5 * 250);
  // 1 s later, 1,250/s: error 1255 − 1250 = 5, historical 200·1250/1000 = 250, Δerror/Δt = (5 − 500)/1.
  expect(p.compute(4000, 1000, 800, 200)).toBe(1255 - 5 - 0.2 * 250 - 0.5 * -495);
});
