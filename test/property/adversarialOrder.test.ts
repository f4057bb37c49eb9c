/**
 * Adversarial order (`--adversarial-order SEED`): permuted where Spark promises no order, kept
 * where it does; off by default; exposes code that depends on an unpromised order.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runOperation, type DStream, type Pair } from 'dstream-sim';
import { asMultiset, batches, checkLaw, fc, orderLaw } from 'dstream-sim/property';
import { testCommand } from '../../src/cli/commands/test';
import { makeScenario } from '../__helpers__/scenarioDir';

const input = [[...'abcabcdeabcfab'].map((c, i): Pair<string, number> => [c, i])];
const seeds = [1, 2, 3, 4, 5, 6, 7, 8];

test('after a shuffle, the records of a batch are permuted for some seed but stay the same multiset', async () => {
  const op = (ds: DStream<Pair<string, number>>) => ds.reduceByKey((a, b) => a + b, 1);
  const plain = await runOperation(input, op, 1);
  const permuted = await Promise.all(seeds.map((s) => runOperation(input, op, 1, { adversarialOrder: s })));
  for (const p of permuted) expect(asMultiset(p[0]!)).toEqual(asMultiset(plain[0]!));
  expect(permuted.some((p) => JSON.stringify(p) !== JSON.stringify(plain))).toBe(true);
});

test('the order of a group’s values follows the map outputs’ fetch order, which is permuted', async () => {
  const op = (ds: DStream<Pair<string, number>>) => ds.groupByKey(1).mapValues((vs) => [...vs]);
  const plain = await runOperation(input, op, 1, { numPartitions: 4 });
  const values = await Promise.all(seeds.map((s) => runOperation(input, op, 1, { numPartitions: 4, adversarialOrder: s })));
  expect(values.some((v) => JSON.stringify(asMultiset(v[0]!)) !== JSON.stringify(asMultiset(plain[0]!)))).toBe(true);
});

test.each(seeds)('seed %i keeps the orders Spark promises: narrow operations, union, partition order, sortByKey', async (seed) => {
  const narrow = (ds: DStream<Pair<string, number>>) => ds.map(([k, v]): Pair<string, number> => [k, v * 2]).filter(([, v]) => v % 3 !== 0).union(ds);
  expect(await runOperation(input, narrow, 1, { adversarialOrder: seed, numPartitions: 3 })).toEqual(await runOperation(input, narrow, 1, { numPartitions: 3 }));
  const sorted = (ds: DStream<Pair<string, number>>) => ds.reduceByKey((a, b) => a + b, 3).transform((rdd) => rdd.sortByKey());
  const got = await runOperation(input, sorted, 1, { adversarialOrder: seed });
  expect(got[0]!.map(([k]) => k)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  expect(got).toEqual(await runOperation(input, sorted, 1));
});

describe('order law', () => {
  const input2 = batches(fc.tuple(fc.constantFrom('a', 'b'), fc.integer({ min: 0, max: 9 })), { maxBatches: 3, maxPerBatch: 8 });
  test('a sum after a shuffle does not depend on the order', async () => {
    await checkLaw(orderLaw({ input: input2, numPartitions: 3, pipeline: (ds) => ds.reduceByKey((a: number, b: number) => a + b, 2) }), { seed: 5, numRuns: 30 });
  });
  test('a reduce that keeps "the first" value does, and the law says so', async () => {
    const law = orderLaw({ input: input2, numPartitions: 3, pipeline: (ds) => ds.reduceByKey((a: number) => a, 2) });
    await expect(checkLaw(law, { seed: 5, numRuns: 30 })).rejects.toThrow(/order law \(batch \d+ ms\): the engine's order gave \[.*\]; adversarial order \d gave/);
  });
});

describe('dstream-sim test --adversarial-order', () => {
  const program = (reduce: string): string => `import { SparkContext, StreamingContext } from 'dstream-sim';
const ssc = new StreamingContext(new SparkContext({ master: 'local[2]', appName: 'order' }), 1);
ssc.queueStream([[['a', 1], ['b', 2], ['a', 3], ['b', 4], ['a', 5], ['c', 6], ['a', 7], ['b', 8]]])
  .reduceByKey(${reduce}, 1)
  .pprint();
ssc.start();
await ssc.awaitTermination();
`;
  const run = async (dir: string, opts: Parameters<typeof testCommand>[1]): Promise<{ code: number; out: string }> => {
    let out = '';
    const code = await testCommand([dir], { ...opts, out: (t) => void (out += t), color: false, ci: false });
    return { code, out };
  };
  const scenario = (name: string, reduce: string): string => {
    const dir = makeScenario(name, { program: program(reduce), yaml: 'program: program.ts\nbatches: 1\n' });
    return dir;
  };

  test('a sum passes under every seed; a "keep the first value" reduce fails under one, with the reason', async () => {
    const sum = scenario('sum', '(x: number, y: number) => x + y');
    const first = scenario('first', '(x: number) => x');
    try {
      for (const dir of [sum, first]) expect((await run(dir, { update: 'all' })).code).toBe(0);
      const golden = fs.readFileSync(path.join(first, 'expected.golden'), 'utf8');
      for (const seed of seeds) expect((await run(sum, { adversarialOrder: seed })).code).toBe(0);
      const outcomes = await Promise.all(seeds.map((seed) => run(first, { adversarialOrder: seed })));
      const failed = outcomes.find((o) => o.code === 1)!;
      expect(failed.out).toContain('the program depends on an order Spark does not promise');
      // It checks; it never writes the golden.
      expect(fs.readFileSync(path.join(first, 'expected.golden'), 'utf8')).toBe(golden);
      expect((await run(first, { adversarialOrder: 1, update: 'all' })).out).toContain('--adversarial-order checks results under another order and never writes goldens');
    } finally {
      for (const d of [sum, first]) fs.rmSync(path.dirname(d), { recursive: true, force: true });
    }
  }, 60_000);
});
