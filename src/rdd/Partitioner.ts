import { hashCode, nonNegativeMod } from '../util/hashing';

/** Decides which partition a key goes to. Spark: `org.apache.spark.Partitioner`. */
export interface Partitioner {
  readonly numPartitions: number;
  getPartition(key: unknown): number;
  /** Two partitioners are equal when they place every key in the same partition. */
  equals(other: Partitioner | undefined): boolean;
}

/**
 * Spark: `HashPartitioner`: `nonNegativeMod(key.hashCode, numPartitions)` with Java-like hash
 * codes (see util/hashing.ts), so placement is the same on every run. A custom `hashFunc` stands
 * for PySpark's `partitionFunc`.
 */
export class HashPartitioner implements Partitioner {
  constructor(
    readonly numPartitions: number,
    private readonly hashFunc: (key: unknown) => number = hashCode,
  ) {}

  getPartition(key: unknown): number {
    return nonNegativeMod(this.hashFunc(key) | 0, this.numPartitions);
  }

  equals(other: Partitioner | undefined): boolean {
    return (
      other instanceof HashPartitioner &&
      other.numPartitions === this.numPartitions &&
      other.hashFunc === this.hashFunc
    );
  }
}
