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
 * holds a few words per key instead of a record and a list per input. A partition may end in a
 * tail: the records of the last input whose keys no other input has (a state stream's previous
 * state), kept as that input's own partition and the positions of those records in it.
 */
export class CogroupOutput<K> implements ShuffleOutput<[K, unknown[][]]> {
  private readonly keys: K[][] = [];
  /** [partition][input][key index]: the key's first value from that input, or NONE. */
  private readonly first: unknown[][][] = [];
  /** [partition][input]: the key's further values from that input, by key index (made when needed). */
  private readonly rest: (Map<number, unknown[]> | undefined)[][] = [];
  /** [partition]: the last input's records after the keys, if any (see {@link setTail}). */
  private readonly tails: (Tail<K> | undefined)[] = [];

  constructor(
    numPartitions: number,
    private readonly width: number,
  ) {
    for (let i = 0; i < numPartitions; i++) {
      this.keys.push([]);
      this.tails.push(undefined);
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

  /**
   * @internal Ends reduce partition `part` (after its last key) with the last input's `records`
   * at `positions`, each a key of its own with that one value: nothing is copied per record.
   */
  setTail(part: number, records: readonly (readonly [K, unknown])[], positions: Int32Array): void {
    if (positions.length > 0) this.tails[part] = { records, positions };
  }

  size(i: number): number {
    return this.keys[i]!.length + (this.tails[i]?.positions.length ?? 0);
  }

  records(i: number, permutation: readonly number[] | undefined): [K, unknown[][]][] {
    const n = this.size(i);
    const out: [K, unknown[][]][] = [];
    for (let m = 0; m < n; m++) {
      const j = permutation === undefined ? m : permutation[m]!;
      const lists: unknown[][] = [];
      for (let w = 0; w < this.width; w++) lists.push(this.values(i, w, j));
      out.push([this.key(i, j), lists]);
    }
    return out;
  }

  /** @internal Key `j` of reduce partition `i`. */
  key(i: number, j: number): K {
    const keys = this.keys[i]!;
    return j < keys.length ? keys[j]! : this.tailRecord(i, j - keys.length)[0];
  }

  /** @internal The first value of key `j` of partition `i` from input `w` (undefined if none). */
  firstValue(i: number, w: number, j: number): unknown {
    const keys = this.keys[i]!;
    if (j >= keys.length) return w === this.width - 1 ? this.tailRecord(i, j - keys.length)[1] : undefined;
    const v = this.first[i]![w]![j];
    return v === NONE ? undefined : v;
  }

  /** @internal The values of key `j` of partition `i` from input `w`, as a new array. */
  values(i: number, w: number, j: number): unknown[] {
    const keys = this.keys[i]!;
    if (j >= keys.length) return w === this.width - 1 ? [this.tailRecord(i, j - keys.length)[1]] : [];
    const v = this.first[i]![w]![j];
    if (v === NONE) return [];
    const more = this.rest[i]![w]?.get(j);
    return more === undefined ? [v] : [v, ...more];
  }

  /**
   * @internal The last input's own record for key `j` of partition `i` when that key is in the
   * tail (no other input has it), else undefined.
   */
  tailRecordOf(i: number, j: number): readonly [K, unknown] | undefined {
    const keys = this.keys[i]!;
    return j < keys.length ? undefined : this.tailRecord(i, j - keys.length);
  }

  private tailRecord(i: number, t: number): readonly [K, unknown] {
    const tail = this.tails[i]!;
    return tail.records[tail.positions[t]!]!;
  }
}

/** The end of a {@link CogroupOutput} partition: `records[positions[t]]` is its `t`-th key. */
interface Tail<K> {
  readonly records: readonly (readonly [K, unknown])[];
  readonly positions: Int32Array;
}
