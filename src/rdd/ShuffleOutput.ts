/**
 * What a shuffle keeps of its output (Spark: its shuffle files): each read of a reduce partition
 * gets its records, in the order given (a permutation under `--adversarial-order`), as new arrays
 * where the output is kept packed, so a record changed by its reader is not changed for the next.
 */
export interface ShuffleOutput<U> {
  /** How many records reduce partition `i` has. */
  size(i: number): number;
  /** The records of reduce partition `i`, in stored order or in the order of `permutation`. */
  records(i: number, permutation: readonly number[] | undefined): U[];
}

/** Shuffle output kept as the records themselves. */
export function recordsOutput<U>(parts: readonly (readonly U[])[]): ShuffleOutput<U> {
  return {
    size: (i) => parts[i]!.length,
    records: (i, permutation) => (permutation === undefined ? parts[i]!.slice() : permutation.map((j) => parts[i]![j]!)),
  };
}

/** Marks an input without a value for a key in {@link CogroupOutput}. */
const NONE: unique symbol = Symbol('none');

/**
 * A cogroup's output, packed (Spark: `CoGroupedRDD`'s shuffle output): per reduce partition its
 * keys, and per key and input the first value and the further ones; a read builds each record
 * `[k, [values of input 0, values of input 1, …]]` anew. Kept for as long as the RDD is, so it
 * holds a few words per key instead of a record and a list per input.
 */
export class CogroupOutput<K> implements ShuffleOutput<[K, unknown[][]]> {
  private readonly keys: K[][] = [];
  /** [partition][input][key index]: the key's first value from that input, or NONE. */
  private readonly first: unknown[][][] = [];
  /** [partition][input]: the key's further values from that input, by key index (made when needed). */
  private readonly rest: (Map<number, unknown[]> | undefined)[][] = [];

  constructor(
    numPartitions: number,
    private readonly width: number,
  ) {
    for (let i = 0; i < numPartitions; i++) {
      this.keys.push([]);
      const first: unknown[][] = [];
      const rest: undefined[] = [];
      for (let w = 0; w < width; w++) {
        first.push([]);
        rest.push(undefined);
      }
      this.first.push(first);
      this.rest.push(rest);
    }
  }

  /** @internal A new key in reduce partition `part`; its index there. */
  addKey(part: number, key: K): number {
    const first = this.first[part]!;
    for (let w = 0; w < this.width; w++) first[w]!.push(NONE);
    return this.keys[part]!.push(key) - 1;
  }

  /** @internal A value of key `j` of reduce partition `part` from input `which`. */
  addValue(part: number, j: number, which: number, v: unknown): void {
    const first = this.first[part]![which]!;
    if (first[j] === NONE) {
      first[j] = v;
      return;
    }
    const rests = this.rest[part]!;
    let rest = rests[which];
    if (rest === undefined) {
      rest = new Map();
      rests[which] = rest;
    }
    const more = rest.get(j);
    if (more === undefined) rest.set(j, [v]);
    else more.push(v);
  }

  size(i: number): number {
    return this.keys[i]!.length;
  }

  records(i: number, permutation: readonly number[] | undefined): [K, unknown[][]][] {
    const keys = this.keys[i]!;
    const out: [K, unknown[][]][] = [];
    for (let n = 0; n < keys.length; n++) {
      const j = permutation === undefined ? n : permutation[n]!;
      const lists: unknown[][] = [];
      for (let w = 0; w < this.width; w++) lists.push(this.values(i, w, j));
      out.push([keys[j]!, lists]);
    }
    return out;
  }

  /** @internal Key `j` of reduce partition `i`. */
  key(i: number, j: number): K {
    return this.keys[i]![j]!;
  }

  /** @internal The first value of key `j` of partition `i` from input `w` (undefined if none). */
  firstValue(i: number, w: number, j: number): unknown {
    const v = this.first[i]![w]![j];
    return v === NONE ? undefined : v;
  }

  /** @internal The values of key `j` of partition `i` from input `w`, as a new array. */
  values(i: number, w: number, j: number): unknown[] {
    const v = this.first[i]![w]![j];
    if (v === NONE) return [];
    const more = this.rest[i]![w]?.get(j);
    return more === undefined ? [v] : [v, ...more];
  }
}
