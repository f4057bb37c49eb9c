import { timeStringAsMs } from '../../src/util/timeString';

test.each([
  ['200ms', 'ms', 200],
  ['200', 'ms', 200],
  ['60s', 'ms', 60_000],
  ['60', 's', 60_000],
  ['1min', 's', 60_000],
  ['1.5s', 'ms', 1500],
] as const)('Spark time string %s (default unit %s) is %d ms', (v, unit, ms) => {
  expect(timeStringAsMs(v, unit)).toBe(ms);
});

test('an unparsable time string is NaN', () => {
  expect(timeStringAsMs('soon', 'ms')).toBeNaN();
});
