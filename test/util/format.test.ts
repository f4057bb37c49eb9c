import { pythonDatetime, pythonRepr, pythonStr, scalaString } from '../../src/util/format';

describe('printing records', () => {
  test.each([
    ['a', 'a'],
    [['a', 1], "('a', 1)"],
    [[1, 2, 3], '[1, 2, 3]'],
    [['k', [2, 3]], "('k', (2, 3))"],
    [undefined, 'None'],
    [null, 'None'],
    [true, 'True'],
    [1.5, '1.5'],
    [{ a: 1 }, "{'a': 1}"],
    [new Map([['a', 1]]), "{'a': 1}"],
    [new Set(), 'set()'],
  ])('Python str of %p is %s', (v, s) => {
    expect(pythonStr(v)).toBe(s);
  });

  test('Python repr of strings picks quotes and escapes like Python', () => {
    expect(pythonRepr("it's")).toBe('"it\'s"');
    expect(pythonRepr('a\nb')).toBe("'a\\nb'");
    expect(pythonRepr('both \' and "')).toBe("'both \\' and \"'");
    expect(pythonRepr('한글')).toBe("'한글'");
  });

  test.each([
    [['a', 1], '(a,1)'],
    [[1, 2, 3], 'List(1, 2, 3)'],
    [undefined, 'None'],
    ['x', 'x'],
  ])('Scala toString of %p is %s', (v, s) => {
    expect(scalaString(v)).toBe(s);
  });

  test('PySpark batch times: local datetime, microseconds only when not a whole second', () => {
    expect(pythonDatetime(1000, 'UTC')).toBe('1970-01-01 00:00:01');
    expect(pythonDatetime(1500, 'UTC')).toBe('1970-01-01 00:00:01.500000');
    expect(pythonDatetime(1433160001000, 'UTC')).toBe('2015-06-01 12:00:01');
    expect(pythonDatetime(0, 'Asia/Seoul')).toBe('1970-01-01 09:00:00');
  });
});
