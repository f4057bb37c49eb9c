/**
 * The operation names streams carry (`<operation> [<id>]`): they name streams in the event log
 * (rddGenerated, outputOperationStarted) and the calls refused after start (callRefused).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { DStream } from 'dstream-sim';
import { inJvm, makeContexts } from '../../__helpers__/sim';

type KV = [string, number];
const opName = (ds: { toString(): string }): string => String(ds).replace(/ \[\d+\]$/, '');

describe('operation names', () => {
  test.each(['pyspark', 'scala'] as const)('%s: each transformation names its stream after itself', (flavor) =>
    inJvm(() => {
      const { ssc } = makeContexts(flavor);
      const ds = ssc.queueStream<KV>([[['a', 1]]]);
      const made: [string, DStream<unknown>][] = [
        ['reduceByKey', ds.reduceByKey((a, b) => a + b)],
        ['combineByKey', ds.combineByKey((v) => v, (c, v) => c + v, (a, b) => a + b)],
        ['groupByKey', ds.groupByKey()],
        ['mapValues', ds.mapValues((v) => v)],
        ['flatMapValues', ds.flatMapValues((v) => [v])],
        ['mapPartitions', ds.mapPartitions((it) => it)],
        ['mapPartitionsWithIndex', ds.mapPartitionsWithIndex((_i, it) => it)],
        ['glom', ds.glom()],
        ['flatMap', ds.flatMap((x) => [x])],
        ['filter', ds.filter(() => true)],
        ['repartition', ds.repartition(2)],
        ['transform', ds.transform((rdd) => rdd)],
        ['partitionBy', ds.partitionBy(2)],
        ['cogroup', ds.cogroup(ds)],
        ['join', ds.join(ds)],
        ['leftOuterJoin', ds.leftOuterJoin(ds)],
        ['rightOuterJoin', ds.rightOuterJoin(ds)],
        ['fullOuterJoin', ds.fullOuterJoin(ds)],
        ['transformWith', ds.transformWith((a, _b) => a, ds)],
        ['window', ds.window(2, 1)],
      ];
      expect(made.map(([, s]) => opName(s))).toEqual(made.map(([n]) => n));
    }));

  test('output operations name their jobs after themselves', () => {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'dstream-sim-names-')); // saveAsTextFiles writes here
    return inJvm(async () => {
      const { ssc } = makeContexts();
      const ds = ssc.queueStream<number>([[1]]);
      ds.foreachRDD(() => undefined);
      ds.pprint();
      ds.print();
      ds.saveAsTextFiles('out');
      ssc.start();
      await ssc.awaitTerminationOrTimeout(1);
      ssc.stop();
      const names = ssc.events().flatMap((e) => (e.type === 'outputOperationStarted' ? [e.name.replace(/ \[\d+\]$/, '')] : []));
      expect(names).toEqual(['foreachRDD', 'pprint', 'print', 'saveAsTextFiles']);
      expect(fs.readdirSync(cwd)).toEqual(['out-1000']);
    }, { cwd }).finally(() => fs.rmSync(cwd, { recursive: true, force: true }));
  });

  test.each([
    ['persist', 'DStream.persist()', 'persist-after-start'],
    ['checkpoint', 'DStream.checkpoint()', 'checkpoint-after-start'],
  ] as const)('%s after start is recorded as a refused call, with its rule', (method, call, rule) =>
    inJvm(() => {
      const { ssc } = makeContexts();
      const ds = ssc.queueStream<number>([[1]]);
      ds.pprint();
      ssc.start();
      expect(() => (method === 'persist' ? ds.persist() : ds.checkpoint(2))).toThrow();
      ssc.stop();
      expect(ssc.events()).toContainEqual(expect.objectContaining({ type: 'callRefused', call, rule, errorName: 'UnsupportedOperationError' }));
    }));
});
