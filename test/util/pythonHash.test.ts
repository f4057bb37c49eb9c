import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { portableHash, pythonMod } from '../../src/util/pythonHash';

/**
 * Every hash is checked against CPython itself (`python3`, 3.11+, `PYTHONHASHSEED=0` as Spark
 * sets for its Python workers), running PySpark's `portable_hash` verbatim.
 */
const cases: [string, unknown][] = [
  ["''", ''],
  ["'a'", 'a'],
  ["'word'", 'word'],
  ["'abcdefgh'", 'abcdefgh'],
  ["'the quick brown fox jumps'", 'the quick brown fox jumps'],
  ["'café'", 'café'],
  ["'ÿ'", 'ÿ'],
  ["'스파크'", '스파크'],
  ["'🎉'", '🎉'],
  ["'a🎉b'", 'a🎉b'],
  ["'\\ud800x'", '\ud800x'],
  ["'Ā\\U0001F389'", 'Ā\u{1F389}'],
  ['0', 0],
  ['1', 1],
  ['-1', -1],
  ['-2', -2],
  ['42', 42],
  ['-123456789', -123456789],
  ['2**53', 2 ** 53],
  ['2**61 - 1', 2n ** 61n - 1n],
  ['2**61', 2n ** 61n],
  ['-(2**63)', -(2n ** 63n)],
  ['10**20', 10n ** 20n],
  ['-(10**30)', -(10n ** 30n)],
  ['1.0', 1.0],
  ['0.5', 0.5],
  ['-1.25', -1.25],
  ['0.1', 0.1],
  ['1e300', 1e300],
  ['1e-300', 1e-300],
  ['5e-324', 5e-324],
  ["float('inf')", Infinity],
  ["float('-inf')", -Infinity],
  ['True', true],
  ['False', false],
  ['None', null],
  ["('a', 1)", ['a', 1]],
  ["('a', ('b', None), 2.5)", ['a', ['b', null], 2.5]],
  ['()', []],
  ["(-1, 'é', True)", [-1, 'é', true]],
];

const PROGRAM = `
import sys
def portable_hash(x):
    if x is None:
        return 0
    if isinstance(x, tuple):
        h = 0x345678
        for i in x:
            h ^= portable_hash(i)
            h *= 1000003
            h &= sys.maxsize
        h ^= len(x)
        if h == -1:
            h = -2
        return int(h)
    return hash(x)
for x in [${cases.map(([py]) => py).join(', ')}]:
    print(portable_hash(x))
`;

describe('portable_hash (PySpark) with CPython hash()', () => {
  const expected = execFileSync('python3', ['-c', PROGRAM], {
    encoding: 'utf8',
    env: { ...process.env, PYTHONHASHSEED: '0' },
  })
    .trim()
    .split('\n');

  test('python3 is 3.11+ (SipHash-1-3 str hashing)', () => {
    const v = execFileSync('python3', ['-c', 'import sys; print(sys.hash_info.algorithm)'], { encoding: 'utf8' });
    expect(v.trim()).toBe('siphash13');
  });

  test.each(cases.map(([py, js], i) => [py, js, i] as const))('portable_hash(%s) is what CPython computes', (_py, js, i) => {
    expect(portableHash(js).toString()).toBe(expected[i]);
  });

  test('undefined hashes like None', () => {
    expect(portableHash(undefined)).toBe(0n);
  });

  test('Python modulo: a negative hash still gives a partition in [0, n)', () => {
    expect(pythonMod(-7n, 3)).toBe(2);
    expect(pythonMod(-7, 3)).toBe(2);
    expect(pythonMod(-(2n ** 63n), 4)).toBe(0);
    expect(pythonMod(7n, 3)).toBe(1);
    expect(pythonMod(-0, 3)).toBe(0);
    expect(Object.is(pythonMod(-3, 3), 0)).toBe(true);
  });
});

describe('portable_hash on generated values agrees with CPython', () => {
  test('200 strings, ints and floats (fast-check, fixed seed)', () => {
    const values: unknown[] = [
      ...fc.sample(fc.string({ unit: 'binary', maxLength: 40 }), { seed: 11, numRuns: 80 }),
      ...fc.sample(fc.string({ unit: 'grapheme-ascii', maxLength: 30 }), { seed: 12, numRuns: 40 }),
      ...fc.sample(fc.bigInt({ min: -(2n ** 130n), max: 2n ** 130n }), { seed: 13, numRuns: 40 }),
      ...fc.sample(fc.double({ noNaN: true }), { seed: 14, numRuns: 40 }),
    ];
    // Sent as JSON; a bigint travels as {"i": "digits"}.
    const json = JSON.stringify(values.map((v) => (typeof v === 'bigint' ? { i: v.toString() } : v)));
    const out = execFileSync(
      'python3',
      [
        '-c',
        'import sys, json\nfor v in json.load(sys.stdin):\n    print(hash(int(v["i"]) if isinstance(v, dict) else v))',
      ],
      { input: json, encoding: 'utf8', env: { ...process.env, PYTHONHASHSEED: '0' } },
    )
      .trim()
      .split('\n');
    // JSON turns -0 into 0 and Infinity into null: compare only values JSON carries faithfully.
    values.forEach((v, i) => {
      if (typeof v === 'number' && !Number.isFinite(v)) return;
      expect([v, portableHash(v).toString()]).toEqual([v, out[i]]);
    });
  });
});

describe('str hashes are memoized without changing them', () => {
  test('the same hash before and after 10,000 other strings (the memo is bounded and cleared)', () => {
    const before = portableHash('스파크 café');
    for (let i = 0; i < 10_000; i++) portableHash(`k${i}`);
    expect(portableHash('스파크 café')).toBe(before);
    expect(portableHash('k9999')).toBe(portableHash('k9999'));
  });
});
