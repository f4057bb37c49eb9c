/**
 * `State` as a mapping function sees it (Spark: `StateImpl`), including a `State` made by a test
 * of the user's own mapping function: a fresh state does not exist, is not timing out and can be
 * set.
 */
import { NoSuchElementError, runOperation, State, StateSpec, type DStream, type Pair, type Time } from 'dstream-sim';

test('a fresh State does not exist, is not timing out, and can be updated', () => {
  const s = new State<number>();
  expect(s.exists()).toBe(false);
  expect(s.getOption()).toBeUndefined();
  expect(s.isTimingOut()).toBe(false);
  expect(s.toString()).toBe('<state not set>');
  expect(() => s.get()).toThrow(new NoSuchElementError('State is not set'));
  s.update(4);
  expect([s.exists(), s.get(), s.toString()]).toEqual([true, 4, '4']);
});

test('get() on a missing state throws NoSuchElementError with the stable code STATE_NOT_SET', () => {
  const s = new State<string>().wrap(false, undefined);
  let thrown: unknown;
  try {
    s.get();
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(NoSuchElementError);
  expect(thrown).toMatchObject({ message: 'State is not set', errorClass: 'STATE_NOT_SET', sparkClass: 'java.util.NoSuchElementException' });
});

test('a removed state can be wrapped again for the next key and then updated', () => {
  const s = new State<number>();
  s.wrap(true, 1);
  s.remove();
  expect(s.exists()).toBe(false);
  s.wrap(true, 2);
  expect(s.get()).toBe(2);
  s.update(3);
  expect(s.get()).toBe(3);
});

test('a mapping function taking the batch time emits nothing when it returns undefined (Spark: None)', async () => {
  const spec = StateSpec.function((_t: Time, k: string, v: number | undefined, state: State<number>) => {
    state.update((state.getOption() ?? 0) + (v ?? 0));
    return k === 'a' ? `${k}=${state.get()}` : undefined;
  });
  const out = await runOperation(
    [[['a', 1], ['b', 1]], [['b', 1]], [['a', 2]]] as Pair<string, number>[][],
    (ds) => (ds as DStream<Pair<string, number>>).mapWithState(spec),
    3,
    { checkpoint: true },
  );
  expect(out).toStrictEqual([['a=1'], [], ['a=3']]); // strict: toEqual would ignore undefined records
});

test('a key whose function neither updates nor removes its state keeps none (and may not read it)', async () => {
  const seen: [string, boolean][] = [];
  const spec = StateSpec.function((k: string, v: number | undefined, state: State<number>) => {
    seen.push([k, state.exists()]);
    return v;
  });
  const out = await runOperation([[['a', 1]], [['a', 2]]] as Pair<string, number>[][], (ds) => (ds as DStream<Pair<string, number>>).mapWithState(spec), 2, {
    checkpoint: true,
  });
  expect(out).toEqual([[1], [2]]);
  expect(seen).toEqual([
    ['a', false],
    ['a', false],
  ]);
});

test('after remove() the state cannot be updated (Spark’s message)', () => {
  const s = new State<number>().wrap(true, 1);
  s.remove();
  expect(() => s.update(2)).toThrow('requirement failed: Cannot update the state after it has been removed');
});

test('a state timing out exists and holds its last value, and is timing out (Spark: StateImpl.wrapTimingOutState)', () => {
  const s = new State<number>().wrapTimingOut(7);
  expect([s.exists(), s.get(), s.isTimingOut()]).toEqual([true, 7, true]);
});
