/**
 * The window family's flavor rules that the suites' inputs do not reach (Spark:
 * `DStream.countByValueAndWindow`; PySpark: `pyspark/streaming/dstream.py`).
 */
import { runOperation } from 'dstream-sim';

const sorted = <T>(b: T[][]): T[][] => b.map((x) => [...x].sort());

describe('PySpark countByValueAndWindow', () => {
  // PySpark: keyed.reduceByKeyAndWindow(add, sub, window, slide, n).filter(lambda x: x[1] > 0).
  // With window ≥ 5 × slide the window is updated incrementally, so a value whose records all
  // left the window is inverse-reduced to 0; only the `> 0` filter hides it.
  test('a value whose count falls to 0 on the incremental path is not reported', async () => {
    const out = await runOperation([['a'], ['b'], [], [], [], [], []], (ds) => ds.countByValueAndWindow(5, 1), 7, {
      checkpoint: true,
    });
    expect(sorted(out)).toEqual([
      [['a', 1]],
      [['a', 1], ['b', 1]],
      [['a', 1], ['b', 1]],
      [['a', 1], ['b', 1]],
      [['a', 1], ['b', 1]],
      [['b', 1]], // 6 s: 'a' (1 s) left the window (1 s, 6 s]: count 0, filtered
      [], // 7 s: 'b' too
    ]);
  });

  test('Scala keeps the same rule with filterFunc (count != 0)', async () => {
    const out = await runOperation([['a'], ['b'], [], [], [], [], []], (ds) => ds.countByValueAndWindow(5, 1), 7, {
      flavor: 'scala',
      checkpoint: true,
    });
    expect(sorted(out).slice(5)).toEqual([[['b', 1]], []]);
  });
});
