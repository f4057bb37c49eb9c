import type { DStream } from '../dstream/DStream';
import { ForEachDStream } from '../dstream/internal';

/** One collected output: the batch time (ms) and the records, partition by partition. */
export interface CollectedBatch<V> {
  timeMs: number;
  records: V[];
}

/**
 * Spark's `TestOutputStreamWithPartitions`: an output operation that collects every generated
 * RDD (`rdd.glom().collect()`, flattened), one entry per generated RDD, empty ones included.
 */
export function collectOutput<V>(stream: DStream<V>): CollectedBatch<V>[] {
  const collected: CollectedBatch<V>[] = [];
  new ForEachDStream<V>(
    stream,
    (rdd, time) => {
      collected.push({ timeMs: time.milliseconds, records: rdd.glom().collect().flat() });
    },
    'testOutputStream',
  ).register();
  return collected;
}
