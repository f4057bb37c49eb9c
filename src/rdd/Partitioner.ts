import type { Flavor } from '../conf/Flavor';
import { hashCode, nonNegativeMod } from '../util/hashing';
import { portableHash, pythonMod } from '../util/pythonHash';

/** Decides which partition a key goes to. Spark: `org.apache.spark.Partitioner`. */
export interface Partitioner {
  readonly numPartitions: number;
  getPartition(key: unknown): number;
  /** Two partitioners are equal when they place every key in the same partition. */
  equals(other: Partitioner | undefined): boolean;
}

/**
 * Spark: `HashPartitioner`: `nonNegativeMod(key.hashCode, numPartitions)` with Java-like hash
 * codes (see util/hashing.ts), so placement is the same on every run. The scala flavor's
 * partitioner; a custom `hashFunc` gives an int hash code of a key.
 */
export class HashPartitioner implements Partitioner {
  constructor(
    readonly numPartitions: number,
    private readonly hashFunc: (key: unknown) => number = hashCode,
  ) {}

  /** @internal Whether keys are placed by the built-in `hashCode` (no user function is called). */
  get builtIn(): boolean {
    return this.hashFunc === hashCode;
  }

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

/** A PySpark `partitionFunc`: any Python int (a number or a bigint here). */
export type PartitionFunc = (key: unknown) => number | bigint;

/**
 * PySpark: `pyspark.rdd.Partitioner(numPartitions, partitionFunc)`, what `partitionBy` places
 * keys with: `partitionFunc(k) % numPartitions` (Python's modulo), `partitionFunc` defaulting to
 * `portable_hash` (CPython's hash with `PYTHONHASHSEED=0`, see util/pythonHash.ts). Equal when
 * both the count and the function are the same, as PySpark's `__eq__`.
 */
export class PythonPartitioner implements Partitioner {
  constructor(
    readonly numPartitions: number,
    private readonly partitionFunc: PartitionFunc = portableHash,
  ) {}

  /** @internal Whether keys are placed by the built-in `portable_hash` (no user function is called). */
  get builtIn(): boolean {
    return this.partitionFunc === portableHash;
  }

  getPartition(key: unknown): number {
    if (typeof key === 'string' && this.partitionFunc === portableHash) return stringPartition(key, this.numPartitions);
    return pythonMod(this.partitionFunc(key), this.numPartitions);
  }

  equals(other: Partitioner | undefined): boolean {
    return (
      other instanceof PythonPartitioner &&
      other.numPartitions === this.numPartitions &&
      other.partitionFunc === this.partitionFunc
    );
  }
}

/**
 * If `p` is a built-in hash partitioner (Scala's `HashPartitioner`, PySpark's `portable_hash`),
 * a name for how it places keys (its kind and count), else undefined. A built-in partitioner
 * calls no user code and places structurally equal keys alike, so a shuffle may ask it once per
 * distinct key instead of once per map output, and remember the answer.
 */
export function builtInPlacement(p: Partitioner): string | undefined {
  // Exactly these classes: a subclass may place keys its own way.
  const proto: unknown = Object.getPrototypeOf(p);
  if (proto === HashPartitioner.prototype && (p as HashPartitioner).builtIn) return `hashCode/${p.numPartitions}`;
  if (proto === PythonPartitioner.prototype && (p as PythonPartitioner).builtIn) return `portable_hash/${p.numPartitions}`;
  return undefined;
}

/**
 * `portable_hash(s) % n` of recently placed string keys, per partition count: keys repeat batch
 * after batch, and the hash is a 64-bit value whose modulo takes BigInt arithmetic. Bounded, so
 * memory stays flat.
 */
const stringPartitions = new Map<number, Map<string, number>>();
const STRING_PARTITIONS_MAX = 1 << 17;

function stringPartition(key: string, numPartitions: number): number {
  let byKey = stringPartitions.get(numPartitions);
  if (byKey === undefined) {
    byKey = new Map();
    stringPartitions.set(numPartitions, byKey);
  }
  let p = byKey.get(key);
  if (p === undefined) {
    p = pythonMod(portableHash(key), numPartitions);
    if (byKey.size >= STRING_PARTITIONS_MAX) byKey.clear();
    byKey.set(key, p);
  }
  return p;
}

/**
 * The hash partitioner of a flavor, the one place the choice is made: PySpark's
 * `Partitioner(n, portable_hash)` (or the given `partitionFunc`), Scala's `HashPartitioner(n)`.
 */
export function hashPartitioner(flavor: Flavor, numPartitions: number, partitionFunc?: PartitionFunc): Partitioner {
  if (flavor === 'pyspark') return new PythonPartitioner(numPartitions, partitionFunc);
  return new HashPartitioner(numPartitions, partitionFunc as ((key: unknown) => number) | undefined);
}
