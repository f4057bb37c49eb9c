import { hashPartitioner } from '../rdd/Partitioner';
import { RDD } from '../rdd/RDD';
import { decodeRecord, encodeRecord } from '../util/recordCodec';
import { FileInputDStream, QueueInputDStream, type DStream } from './internal';

/** One checkpointed RDD of a stream: its batch time and its partitions' records (encoded). */
export interface CheckpointedRdd {
  timeMs: number;
  /** Records per partition, encoded by util/recordCodec. */
  partitions: unknown[][];
  /** The number of partitions of the RDD's hash partitioner, when it had the flavor's default one. */
  hashPartitioned?: number;
}

/** Spark: `DStreamCheckpointData` of one stream (and FileInputDStream's batch → files). */
export interface StreamCheckpoint {
  /** The stream's id in its context (creation order). */
  id: number;
  /** The Spark class it mirrors, e.g. `StateDStream`. */
  kind: string;
  /** The operation that made it, e.g. `updateStateByKey`. */
  op: string;
  /** Checkpointed RDDs still remembered at the checkpoint time. */
  rdds: CheckpointedRdd[];
  /** FileInputDStream: files selected per batch time (relative paths, as shown). */
  files?: { timeMs: number; files: string[] }[];
  /** FileInputDStream: Spark's `initialModTimeIgnoreThreshold` (ms). */
  fileThresholdMs?: number;
  /** Set for a stream Spark cannot restore (queueStream): its reason. */
  unrecoverable?: string;
}


/**
 * Spark: `DStreamCheckpointData.update(time)`: what a stream saves in a checkpoint — its
 * checkpointed RDDs still remembered (Spark saves their checkpoint file names; the simulator the
 * records), FileInputDStream's files per batch; a queue stream is marked unrecoverable, as
 * Spark's `QueueInputDStream.writeObject` only warns and its `readObject` refuses.
 */
export function updateCheckpointData(stream: DStream<unknown>): StreamCheckpoint {
  const rdds: CheckpointedRdd[] = [];
  for (const [timeMs, rdd] of [...stream.generatedRDDs].sort(([a], [b]) => a - b)) {
    if (!rdd.isCheckpointed()) continue;
    const n = rdd.getNumPartitions();
    const p = rdd.partitioner;
    const hashed = p !== undefined && p.equals(hashPartitioner(stream.flavor, p.numPartitions));
    rdds.push({
      timeMs,
      partitions: Array.from({ length: n }, (_, i) => rdd.partition(i).map(encodeRecord)),
      ...(hashed ? { hashPartitioned: p.numPartitions } : {}),
    });
  }
  const out: StreamCheckpoint = { id: stream.id, kind: stream.className, op: stream.opName, rdds };
  if (stream instanceof FileInputDStream) {
    out.files = stream.checkpointedFiles();
    out.fileThresholdMs = stream.ignoreBeforeMs;
  }
  if (stream instanceof QueueInputDStream) {
    out.unrecoverable = "queueStream doesn't support checkpointing. Please don't use queueStream when checkpointing is enabled.";
  }
  return out;
}

/**
 * Spark: `DStreamCheckpointData.restore()`: the checkpointed RDDs become generated RDDs again
 * (already checkpointed: their lineage is cut), a file stream remembers its files.
 */
export function restoreCheckpointData(stream: DStream<unknown>, data: StreamCheckpoint): void {
  const sc = stream.ssc.sparkContext;
  for (const r of data.rdds) {
    const parts = r.partitions.map((p) => p.map(decodeRecord));
    const partitioner = r.hashPartitioned !== undefined ? hashPartitioner(stream.flavor, r.hashPartitioned) : undefined;
    const rdd = RDD.fromPartitions(sc, parts, partitioner);
    rdd.checkpoint();
    rdd.doCheckpoint();
    stream.generatedRDDs.set(r.timeMs, rdd);
  }
  if (stream instanceof FileInputDStream && data.files !== undefined) stream.restoreFiles(data.files, data.fileThresholdMs ?? 0);
}
