/**
 * What a stream saves in a checkpoint and gets back (Spark: `DStreamCheckpointData.update` and
 * `restore`, `FileInputDStreamCheckpointData`): the checkpointed RDDs in time order with their
 * hash partitioning, a file stream's files and threshold.
 */
import { RDD, type Pair } from 'dstream-sim';
import { restoreCheckpointData, updateCheckpointData } from '../../../src/dstream/DStreamCheckpointData';
import type { FileInputDStream } from '../../../src/dstream/FileInputDStream';
import { hashPartitioner, type Partitioner } from '../../../src/rdd/Partitioner';
import { inJvm, makeContexts } from '../../__helpers__/sim';

type KV = Pair<string, number>;

describe('update: what a checkpoint holds of a stream', () => {
  test('its checkpointed RDDs only, in time order whatever order they were made in, each with its hash partitioning when it is the flavor’s', () =>
    inJvm(() => {
      const { ssc } = makeContexts('scala');
      ssc.checkpoint('cp');
      const sc = ssc.sparkContext;
      const checkpointed = (records: KV[], partitioner?: Partitioner): RDD<KV> => {
        const rdd = RDD.fromPartitions(sc, [records], partitioner);
        rdd.checkpoint();
        rdd.doCheckpoint();
        return rdd;
      };
      const q = ssc.queueStream<KV>([]);
      q.generatedRDDs.set(4000, checkpointed([['d', 4]], hashPartitioner('pyspark', 1))); // not Scala's hash
      q.generatedRDDs.set(2000, checkpointed([['b', 2]], hashPartitioner('scala', 1)));
      q.generatedRDDs.set(3000, RDD.fromPartitions(sc, [[['c', 3]]])); // not checkpointed
      q.generatedRDDs.set(1000, checkpointed([['a', 1]]));
      const saved = updateCheckpointData(q as never);
      expect(saved.rdds.map((r) => [r.timeMs, r.hashPartitioned, r.partitions.length])).toStrictEqual([
        [1000, undefined, 1],
        [2000, 1, 1],
        [4000, undefined, 1],
      ]);
      expect(saved.files).toBeUndefined();
      expect(saved.unrecoverable).toBe("queueStream doesn't support checkpointing. Please don't use queueStream when checkpointing is enabled.");
    }));
});

describe('restore: what comes back', () => {
  test('each RDD, with the flavor’s hash partitioner when it had one', () =>
    inJvm(() => {
      const { ssc } = makeContexts('pyspark');
      ssc.checkpoint('cp');
      const mapped = ssc.queueStream<KV>([[]]).map((x) => x);
      restoreCheckpointData(mapped as never, {
        id: mapped.id,
        kind: 'MappedDStream',
        op: 'map',
        rdds: [
          { timeMs: 1000, partitions: [[]] },
          { timeMs: 2000, partitions: [[], []], hashPartitioned: 2 },
        ],
        files: [{ timeMs: 1000, files: ['x.txt'] }], // not a file stream: ignored
      });
      expect(mapped.generatedRDDs.get(1000)!.partitioner).toBeUndefined();
      expect(mapped.generatedRDDs.get(2000)!.partitioner!.equals(hashPartitioner('pyspark', 2))).toBe(true);
      expect(mapped.generatedRDDs.get(2000)!.isCheckpointed()).toBe(true);
    }));

  test.each([
    [undefined, 0],
    [5000, 5000],
  ] as const)('a file stream gets its files back, and its threshold (%s → %i)', (threshold, expected) =>
    inJvm(() => {
      const { ssc } = makeContexts('scala');
      const files = ssc.textFileStream('in') as unknown as FileInputDStream<string>;
      restoreCheckpointData(files as never, {
        id: files.id,
        kind: 'FileInputDStream',
        op: 'textFileStream',
        rdds: [],
        files: [{ timeMs: 1000, files: [] }],
        ...(threshold === undefined ? {} : { fileThresholdMs: threshold }),
      });
      expect(files.checkpointedFiles()).toEqual([{ timeMs: 1000, files: [] }]);
      expect(files.ignoreBeforeMs).toBe(expected);
    }));

  test('a file stream without files in the checkpoint keeps its own', () =>
    inJvm(() => {
      const { ssc } = makeContexts('scala');
      const files = ssc.textFileStream('in') as unknown as FileInputDStream<string>;
      expect(() => restoreCheckpointData(files as never, { id: files.id, kind: 'FileInputDStream', op: 'textFileStream', rdds: [] })).not.toThrow();
      expect(files.checkpointedFiles()).toEqual([]);
    }));
});
