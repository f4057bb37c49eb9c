/**
 * Spark's StateMap as deltas: a batch's copy costs what it touches, the previous map stays as it
 * was, and iteration gives exactly the order (and contents) a plain Map rebuilt every batch would
 * give — which is what goldens of mapWithState scenarios show — across compactions too.
 */
import fc from 'fast-check';
import { DELTA_CHAIN_THRESHOLD, StateMap } from '../../../src/util/StateMap';

type Op = { kind: 'put'; key: number; value: number } | { kind: 'remove'; key: number } | { kind: 'copy' };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('put' as const), key: fc.integer({ min: 0, max: 5 }), value: fc.integer() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('remove' as const), key: fc.integer({ min: 0, max: 5 }) }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'copy' as const }) },
);

const contents = (m: StateMap<number, number>): [number, number][] => m.pairs();
const model = (m: Map<number, number>): [number, number][] => [...m];

test('any sequence of puts, removes and copies reads like a plain Map copied every batch; older maps never change', () => {
  fc.assert(
    fc.property(fc.array(op, { maxLength: 120 }), (ops) => {
      let real = StateMap.empty<number, number>();
      let plain = new Map<number, number>();
      const snapshots: [StateMap<number, number>, [number, number][]][] = [];
      for (const o of ops) {
        if (o.kind === 'put') {
          real.put(o.key, { key: o.key, state: o.value, updateTimeMs: 0 });
          plain.set(o.key, o.value);
        } else if (o.kind === 'remove') {
          real.remove(o.key);
          plain.delete(o.key);
        } else {
          snapshots.push([real, model(plain)]);
          real = real.copy();
          plain = new Map(plain);
        }
        expect(contents(real)).toEqual(model(plain));
        expect(real.size).toBe(plain.size);
      }
      for (const [old, was] of snapshots) expect(contents(old)).toEqual(was);
    }),
    { seed: 7, numRuns: 300 },
  );
});

test('a long chain is compacted on copy, keeping order, contents and what gets looked up', () => {
  let m = StateMap.empty<string, number>();
  for (const k of ['a', 'b', 'c']) m.put(k, { key: k, state: 0, updateTimeMs: 0 });
  for (let i = 1; i <= DELTA_CHAIN_THRESHOLD * 2 + 3; i++) {
    m = m.copy();
    m.put('b', { key: 'b', state: i, updateTimeMs: i });
    if (i === 5) m.remove('a');
    if (i === 9) m.put('a', { key: 'a', state: 9, updateTimeMs: 9 });
  }
  expect(m.pairs()).toEqual([
    ['b', DELTA_CHAIN_THRESHOLD * 2 + 3],
    ['c', 0],
    ['a', 9],
  ]);
  expect(m.get('a')?.updateTimeMs).toBe(9);
  expect(m.get('zz')).toBeUndefined();
});

test('a key removed and added again in one batch comes after the keys that came in between, as with a Map', () => {
  const base = StateMap.empty<string, number>();
  base.put('a', { key: 'a', state: 1, updateTimeMs: 0 });
  base.put('b', { key: 'b', state: 2, updateTimeMs: 0 });
  const m = base.copy();
  m.remove('a');
  m.put('c', { key: 'c', state: 3, updateTimeMs: 1 });
  m.put('a', { key: 'a', state: 4, updateTimeMs: 1 });
  expect(m.pairs()).toEqual([
    ['b', 2],
    ['c', 3],
    ['a', 4],
  ]);
  expect(base.pairs()).toEqual([
    ['a', 1],
    ['b', 2],
  ]);
});
