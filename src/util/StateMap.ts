import { decodeRecord, encodeRecord, registerRecordCodec } from './recordCodec';

/** One key's state with the time it was last updated (Spark: a `StateMap` entry). */
export interface StateEntry<K, S> {
  key: K;
  state: S;
  updateTimeMs: number;
}

/** A key's slot in one delta: its entry (undefined: removed here) and its place in the order. */
interface Slot<K, S> {
  entry: StateEntry<K, S> | undefined;
  order: number;
}

/**
 * Spark: `DELTA_CHAIN_THRESHOLD` (`spark.streaming.sessionByKey.deltaChainThreshold`, 20): a copy
 * made on a chain this long is made over a compacted map.
 */
export const DELTA_CHAIN_THRESHOLD = 20;

/**
 * Spark: `StateMap` (`OpenHashMapBasedStateMap`): the states of one partition of a mapWithState
 * stream, by structural key. A batch works on {@link copy}: a delta over the previous batch's map,
 * so it costs what it touches, not the whole state, and the previous map stays as it was (its RDD
 * may be read again). A copy over a chain of {@link DELTA_CHAIN_THRESHOLD} deltas is made over
 * one compacted map instead, as Spark compacts long chains.
 *
 * Iteration order is the order keys came in (a key removed and added again comes in anew), the
 * same order a plain `Map` rebuilt every batch would give.
 */
export class StateMap<K, S> {
  private readonly delta = new Map<unknown, Slot<K, S>>();
  private live: number;

  private constructor(
    private readonly parent: StateMap<K, S> | undefined,
    private readonly chainLength: number,
    /** Shared by a map and its copies: the next place in the order. */
    private readonly counter: { next: number },
  ) {
    this.live = parent?.live ?? 0;
  }

  /** An empty map (Spark: `StateMap.create`). */
  static empty<K, S>(): StateMap<K, S> {
    return new StateMap<K, S>(undefined, 0, { next: 0 });
  }

  /** How many keys have a state. */
  get size(): number {
    return this.live;
  }

  /** The entry of structural key `sk`, if it has a state. */
  get(sk: unknown): StateEntry<K, S> | undefined {
    return this.slot(sk)?.entry;
  }

  /** Set the entry of `sk`: a key with a state keeps its place in the order, a new one comes last. */
  put(sk: unknown, entry: StateEntry<K, S>): void {
    const slot = this.slot(sk);
    if (slot?.entry !== undefined) {
      this.delta.set(sk, { entry, order: slot.order });
      return;
    }
    // A key coming in anew goes to the end of this delta too: a delta's insertion order is the order.
    this.delta.delete(sk);
    this.delta.set(sk, { entry, order: this.counter.next++ });
    this.live++;
  }

  /** Remove the state of `sk` (Spark: `StateMap.remove`). */
  remove(sk: unknown): void {
    const slot = this.slot(sk);
    if (slot?.entry === undefined) return;
    if (this.parent === undefined) this.delta.delete(sk);
    else this.delta.set(sk, { entry: undefined, order: slot.order });
    this.live--;
  }

  /** Spark: `StateMap.copy()`: a new delta over this map, which stays unchanged. */
  copy(): StateMap<K, S> {
    if (this.chainLength + 1 >= DELTA_CHAIN_THRESHOLD) return this.compacted().copy();
    return new StateMap<K, S>(this, this.chainLength + 1, this.counter);
  }

  /** Every `[structural key, entry]` with a state, in order (Spark: `getAll`). */
  entries(): [unknown, StateEntry<K, S>][] {
    return this.ordered().map(([sk, slot]): [unknown, StateEntry<K, S>] => [sk, slot.entry!]);
  }

  /** The entries' `[key, state]` pairs, in order. */
  pairs(): [K, S][] {
    return this.ordered().map(([, slot]): [K, S] => [slot.entry!.key, slot.entry!.state]);
  }

  /**
   * The live slots of the whole chain (newest delta wins), in order, without sorting: the oldest
   * map and every delta hold their new keys in order, and a later delta's new keys come after.
   */
  private ordered(): [unknown, Slot<K, S>][] {
    const merged = new Map<unknown, Slot<K, S>>();
    for (const m of this.chain()) {
      for (const [sk, slot] of m.delta) {
        const had = merged.get(sk);
        if (slot.entry === undefined) merged.delete(sk);
        else if (had !== undefined && had.order === slot.order) merged.set(sk, slot); // updated in place
        else {
          merged.delete(sk); // came in anew: to the end
          merged.set(sk, slot);
        }
      }
    }
    return [...merged];
  }

  /** A map with these entries, in this order (a checkpoint's state map read back). */
  static fromEntries<K, S>(entries: readonly [unknown, StateEntry<K, S>][]): StateMap<K, S> {
    const m = StateMap.empty<K, S>();
    for (const [sk, entry] of entries) m.put(sk, entry);
    return m;
  }

  /** One map with this map's entries and no parent (their order and the counter kept). */
  private compacted(): StateMap<K, S> {
    const flat = new StateMap<K, S>(undefined, 0, this.counter);
    for (const [sk, slot] of this.ordered()) flat.delta.set(sk, slot);
    flat.live = this.live;
    return flat;
  }

  /** The newest slot of `sk` along the chain (at most {@link DELTA_CHAIN_THRESHOLD} maps deep). */
  private slot(sk: unknown): Slot<K, S> | undefined {
    return this.delta.get(sk) ?? this.parent?.slot(sk);
  }

  /** The maps of the chain, oldest first. */
  private chain(): StateMap<K, S>[] {
    return this.parent === undefined ? [this] : [...this.parent.chain(), this];
  }
}

// A mapWithState partition's states go into a checkpoint as their entries, in order (Spark
// serializes its StateMap the same way: `OpenHashMapBasedStateMap.writeObject` writes the entries).
registerRecordCodec({
  tag: '$stateMap',
  handles: (v) => v instanceof StateMap,
  encode: (v) =>
    (v as StateMap<unknown, unknown>).entries().map(([sk, e]) => [encodeRecord(sk), encodeRecord(e.key), encodeRecord(e.state), e.updateTimeMs]),
  decode: (d) =>
    StateMap.fromEntries(
      (d as [unknown, unknown, unknown, number][]).map(([sk, key, state, updateTimeMs]) => [decodeRecord(sk), { key: decodeRecord(key), state: decodeRecord(state), updateTimeMs }]),
    ),
});
