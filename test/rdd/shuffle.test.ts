/**
 * The in-memory shuffle (src/rdd/shuffle.ts) against the way it is specified, on random input
 * (fast-check, fixed seeds):
 *  - under a built-in hash partitioner, `shuffleCombine` takes a faster path (one key table for all
 *    map partitions, each distinct key placed once); it must give the same records, in the same
 *    order, calling the user's functions the same times in the same order as the general path
 *    (taken for any other partitioner: here one that asks the same built-in partitioner);
 *  - that path relies on a built-in partitioner placing structurally equal keys alike;
 *  - `shuffleCogroup` groups as Spark's `CoGroupedRDD`: keys in first-seen order per reduce
 *    partition, each input's values in order, an empty list for an input without the key.
 */
import fc from 'fast-check';
import { HashPartitioner, PythonPartitioner, type Partitioner } from '../../src/rdd/Partitioner';
import { shuffleCogroup, shuffleCombine, type MapSide } from '../../src/rdd/shuffle';
import { sliceForParallelize } from '../../src/core/slices';
import { AdversarialOrder } from '../../src/util/AdversarialOrder';
import { structuralKey } from '../../src/util/hashing';

type Key = string | number | [string, number];

/** Map partitions as given, with the partitioner they claim (none unless asked). */
function mapSide<T>(parts: T[][], partitioner?: Partitioner): MapSide<T> {
  return {
    partitioner,
    getNumPartitions: () => parts.length,
    eachRecord: (split, sink) => {
      for (const x of parts[split]!) sink(x);
    },
  };
}

/** A partitioner that is not a built-in one (so the shuffle takes its general path) placing as `inner` does. */
function delegating(inner: Partitioner): Partitioner {
  return {
    numPartitions: inner.numPartitions,
    getPartition: (k) => inner.getPartition(k),
    equals: (other) => other === undefined ? false : other === inner,
  };
}

const key: fc.Arbitrary<Key> = fc.oneof(
  fc.constantFrom('a', 'b', 'c', 'word', ''),
  fc.integer({ min: -3, max: 3 }),
  fc.constantFrom(0, -0, 1.5, -2.25, 2 ** 40),
  fc.tuple(fc.constantFrom('x', 'y'), fc.integer({ min: 0, max: 2 })),
);
const parts = fc.array(fc.array(fc.tuple(key, fc.integer({ min: 0, max: 9 })), { maxLength: 12 }), { minLength: 1, maxLength: 4 });
const builtIn = fc.tuple(fc.constantFrom('scala', 'pyspark'), fc.integer({ min: 1, max: 4 })).map(([flavor, n]): Partitioner =>
  flavor === 'scala' ? new HashPartitioner(n) : new PythonPartitioner(n),
);
const order = fc.option(fc.integer({ min: 1, max: 1000 }), { nil: undefined });

/** Runs a combine, with functions that log every call and whose results show the order they were combined in. */
function logged(
  input: [Key, number][][],
  partitioner: Partitioner,
  mapSideCombine: boolean,
  seed: number | undefined,
): { out: [Key, string][][]; calls: string[] } {
  const calls: string[] = [];
  const out = shuffleCombine<Key, number, string>(
    mapSide(input),
    partitioner,
    {
      createCombiner: (v) => (calls.push(`create ${v}`), `${v}`),
      mergeValue: (c, v) => (calls.push(`mergeValue ${c} ${v}`), `(${c}+${v})`),
      mergeCombiners: (a, b) => (calls.push(`mergeCombiners ${a} ${b}`), `[${a}|${b}]`),
    },
    mapSideCombine,
    seed === undefined ? undefined : new AdversarialOrder(seed),
  );
  return { out, calls };
}

test('combineByKey under a built-in hash partitioner: the same records, order and function calls as the general path', () => {
  fc.assert(
    fc.property(parts, builtIn, fc.boolean(), order, (input, partitioner, mapSideCombine, seed) => {
      const fast = logged(input, partitioner, mapSideCombine, seed);
      const general = logged(input, delegating(partitioner), mapSideCombine, seed);
      expect(fast.out).toEqual(general.out);
      expect(fast.calls).toEqual(general.calls);
      // The records keep the first key object seen (not a structurally equal later one).
      fast.out.flat().forEach(([k], i) => expect(k).toBe(general.out.flat()[i]![0]));
    }),
    { seed: 12, numRuns: 400 },
  );
});

test('combineByKey with map-side combining merges each map partition’s combiners across partitions, in fetch order', () => {
  const input: [Key, number][][] = [
    [['a', 1], ['b', 2], ['a', 3]],
    [['b', 4], ['a', 5], ['a', 6]],
  ];
  const { out, calls } = logged(input, new HashPartitioner(1), true, undefined);
  expect(out).toEqual([[['a', '[(1+3)|(5+6)]'], ['b', '[2|4]']]]);
  expect(calls).toEqual([
    'create 1', 'create 2', 'mergeValue 1 3',
    'create 4', 'create 5', 'mergeValue 5 6',
    'mergeCombiners 2 4', 'mergeCombiners (1+3) (5+6)',
  ]);
});

test('a built-in hash partitioner places structurally equal keys alike (what the fast path relies on)', () => {
  const deep = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      fc.string({ maxLength: 4 }),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('value'), { maxLength: 3 }),
      fc.dictionary(fc.string({ maxLength: 2 }), tie('value'), { maxKeys: 2 }),
    ),
  })).value;
  fc.assert(
    fc.property(deep, builtIn, (k, partitioner) => {
      const copy: unknown = structuredClone(k);
      expect(structuralKey(copy)).toEqual(structuralKey(k));
      expect(partitioner.getPartition(copy)).toBe(partitioner.getPartition(k));
    }),
    { seed: 5, numRuns: 400 },
  );
});

/** CoGroupedRDD as specified: every input, map partition by map partition, record by record. */
function cogroupModel(inputs: MapSide<readonly [Key, unknown]>[], partitioner: Partitioner, parts: [Key, unknown][][][]): [Key, unknown[][]][][] {
  const out: [Key, unknown[][]][][] = Array.from({ length: partitioner.numPartitions }, () => []);
  inputs.forEach((input, which) => {
    const narrow = partitioner.equals(input.partitioner);
    parts[which]!.forEach((part, split) => {
      for (const [k, v] of part) {
        const bucket = out[narrow ? split : partitioner.getPartition(k)]!;
        let e = bucket.find(([k2]) => structuralKey(k2) === structuralKey(k));
        if (e === undefined) {
          e = [k, inputs.map(() => [])];
          bucket.push(e);
        }
        e[1][which]!.push(v);
      }
    });
  });
  return out;
}

test('cogroup: keys in first-seen order per reduce partition, values in order, [] for an input without the key', () => {
  fc.assert(
    fc.property(fc.array(parts, { minLength: 1, maxLength: 3 }), builtIn, fc.boolean(), (inputParts, partitioner, firstIsPlaced) => {
      // An input already placed by the partitioner is read partition to partition (no hashing).
      const placed = (p: [Key, number][][]): [Key, number][][] => {
        const out: [Key, number][][] = Array.from({ length: partitioner.numPartitions }, () => []);
        for (const part of p) for (const kv of part) out[partitioner.getPartition(kv[0])]!.push(kv);
        return out;
      };
      const all = inputParts.map((p, i) => (i === 0 && firstIsPlaced ? placed(p) : p));
      const inputs = all.map((p, i) => mapSide<readonly [Key, unknown]>(p, i === 0 && firstIsPlaced ? partitioner : undefined));
      expect(shuffleCogroup<Key>(inputs, partitioner)).toEqual(cogroupModel(inputs, partitioner, all));
    }),
    { seed: 3, numRuns: 300 },
  );
});

test('pyspark parallelize: the Scala slicing of its serializer batches, joined (as pyspark/context.py does)', () => {
  const model = <T>(items: T[], n: number): T[][] => {
    const batchSize = Math.max(1, Math.min(Math.floor(items.length / n), 1024));
    const batches: T[][] = [];
    for (let i = 0; i < items.length; i += batchSize) batches.push(items.slice(i, i + batchSize));
    const slices: T[][] = [];
    for (let i = 0; i < n; i++) slices.push(batches.slice(Math.floor((i * batches.length) / n), Math.floor(((i + 1) * batches.length) / n)).flat(1));
    return slices;
  };
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 9 }), (length, n) => {
      const items = Array.from({ length }, (_, i) => i);
      expect(sliceForParallelize('pyspark', items, n)).toEqual(model(items, n));
    }),
    { seed: 9, numRuns: 150 },
  );
});

test('a combine run inside another’s function (same placement) gets tables of its own: both results are right', () => {
  const inner: [Key, number][][] = [[['a', 1], ['b', 1], ['a', 1]]];
  const innerResult = (): [Key, string][][] => logged(inner, new HashPartitioner(2), true, undefined).out;
  const alone = innerResult();
  const nested: [Key, string][][][] = [];
  const outer = shuffleCombine<Key, number, number>(
    mapSide<readonly [Key, number]>([[['a', 5], ['c', 1]], [['a', 2]]]),
    new HashPartitioner(2),
    { createCombiner: (v) => (nested.push(innerResult()), v), mergeValue: (c, v) => c + v, mergeCombiners: (a, b) => a * 10 + b },
    true,
  );
  expect(nested).toEqual([alone, alone, alone]);
  expect(outer.flat().sort()).toEqual([['a', 52], ['c', 1]]);
});

test('cogroup: a last input read partition to partition whose keys are unique per partition gives the same output', () => {
  fc.assert(
    fc.property(parts, fc.array(fc.array(key, { maxLength: 8 }), { minLength: 1, maxLength: 4 }), builtIn, (first, stateKeys, partitioner) => {
      // The last input: each key once, placed by the partitioner (as a state stream's RDDs).
      const placed: [Key, number][][] = Array.from({ length: partitioner.numPartitions }, () => []);
      const seen = new Set<unknown>();
      stateKeys.flat().forEach((k, i) => {
        if (seen.has(structuralKey(k))) return;
        seen.add(structuralKey(k));
        placed[partitioner.getPartition(k)]!.push([k, i]);
      });
      const last = (uniqueKeys: boolean): MapSide<readonly [Key, unknown]> => ({ ...mapSide<readonly [Key, unknown]>(placed, partitioner), uniqueKeys });
      const general = shuffleCogroup<Key>([mapSide(first), last(false)], partitioner);
      expect(shuffleCogroup<Key>([mapSide(first), last(true)], partitioner)).toEqual(general);
    }),
    { seed: 4, numRuns: 300 },
  );
});
