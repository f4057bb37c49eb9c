import { ArithmeticError, Duration, Interval, JavaException, Time } from '../../src/index';

describe('Duration', () => {
  test('prints as Spark does and converts PySpark seconds by truncation', () => {
    expect(String(new Duration(1000))).toBe('1000 ms');
    expect(Duration.fromSeconds(0.5).milliseconds).toBe(500);
    expect(Duration.fromSeconds(1.005).milliseconds).toBe(1004); // int(1.005 * 1000) == 1004 in Python too
    expect(new Duration(1500).prettyPrint()).toBe('1.5 s');
  });

  test('arithmetic, comparison and isMultipleOf', () => {
    const a = new Duration(3000);
    const b = new Duration(1000);
    expect(a.plus(b).milliseconds).toBe(4000);
    expect(a.minus(b).milliseconds).toBe(2000);
    expect(a.times(2).milliseconds).toBe(6000);
    expect(a.div(b)).toBe(3);
    expect(a.isMultipleOf(b)).toBe(true);
    expect(b.isMultipleOf(a)).toBe(false);
    expect(() => a.isMultipleOf(new Duration(0))).toThrow(ArithmeticError);
    expect(() => a.isMultipleOf(new Duration(0))).toThrow('/ by zero');
    expect(a.gt(b) && b.lt(a) && a.max(b) === a && a.min(b) === b).toBe(true);
  });

  test('refuses fractional milliseconds', () => {
    expect(() => new Duration(1.5)).toThrow(/not a whole number of milliseconds/);
  });
});

describe('Time', () => {
  test('arithmetic, floor and ranges', () => {
    const t = new Time(2500);
    expect(String(t)).toBe('2500 ms');
    expect(t.minus(new Time(500))).toEqual(new Duration(2000));
    expect(t.minus(new Duration(500))).toEqual(new Time(2000));
    expect(t.floor(new Duration(1000)).milliseconds).toBe(2000);
    expect(t.floor(new Duration(1000), new Time(300)).milliseconds).toBe(2300);
    expect(new Time(0).until(new Time(3000), new Duration(1000)).map((x) => x.milliseconds)).toEqual([0, 1000, 2000]);
    expect(new Time(0).to(new Time(3000), new Duration(1000)).map((x) => x.milliseconds)).toEqual([0, 1000, 2000, 3000]);
  });
});

describe('Interval', () => {
  test('prints [b ms, e ms] and refuses comparing different lengths', () => {
    const i = new Interval(new Time(1000), new Time(3000));
    expect(String(i)).toBe('[1000 ms, 3000 ms]');
    expect(String(i.plus(new Duration(1000)))).toBe('[2000 ms, 4000 ms]');
    expect(() => i.lt(new Interval(new Time(0), new Time(1000)))).toThrow(
      new JavaException('Comparing two intervals with different durations [[1000 ms, 3000 ms], [0 ms, 1000 ms]]'),
    );
  });
});
