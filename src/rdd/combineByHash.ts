import { structuralKey } from '../util/hashing';
import type { Partitioner } from './Partitioner';
import { KeyTables } from './KeyTables';
import type { Aggregator, MapSide } from './shuffle';

/**
 * One key in a combine's key table (see KeyTables): where a built-in partitioner places it (kept
 * between shuffles), and its combiners in the shuffle under way (reset on its first record of
 * each shuffle).
 */
class Slot {
  /** The key object the current shuffle saw first (its records keep it). */
  key: unknown;
  /** Its reduce partition (a pure function of the key), −1 until asked. */
  part = -1;
  /** The shuffle that last touched this key. */
  shuffle = 0;
  /** The last map partition of that shuffle this key was seen in. */
  split = -1;
  /** Whether that shuffle has put it in its reduce partition yet. */
  placed = false;
  /** Its combiner over the map partitions folded so far. */
  acc: unknown = undefined;
  /** Its combiner in map partition `split`. */
  cur: unknown = undefined;
  constructor(key: unknown) {
    this.key = key;
  }
}

/** The key tables of combines, by placement (see KeyTables). */
const tables = new KeyTables<Slot>(1 << 16);
let shuffles = 0;

/**
 * `shuffleCombine` (see shuffle.ts) under a built-in hash partitioner, with the same calls of the
 * user's functions in the same order and the same output: one table from key to slot for all map
 * partitions instead of a map per map partition plus one per reduce partition, kept between
 * shuffles of the same placement, so each distinct key is hashed and placed once (a built-in
 * partitioner calls no user code and places structurally equal keys alike). `placement` names
 * the partitioner's kind and count; `splits` is the fetch order of the map partitions.
 */
export function combineByHash<K, V, C>(
  parent: MapSide<readonly [K, V]>,
  partitioner: Partitioner,
  placement: string,
  splits: readonly number[],
  agg: Aggregator<V, C>,
  mapSideCombine: boolean,
): [K, C][][] {
  return tables.use(placement, 1, ([slots]) => combine(slots!, parent, partitioner, splits, agg, mapSideCombine));
}

function combine<K, V, C>(
  slots: Map<unknown, Slot>,
  parent: MapSide<readonly [K, V]>,
  partitioner: Partitioner,
  splits: readonly number[],
  agg: Aggregator<V, C>,
  mapSideCombine: boolean,
): [K, C][][] {
  const shuffle = ++shuffles;
  const placed: Slot[][] = [];
  for (let i = 0; i < partitioner.numPartitions; i++) placed.push([]);
  const { createCombiner, mergeValue, mergeCombiners } = agg;
  /** The key's slot, reset on its first record in this shuffle. */
  const slotOf = (k: K): Slot => {
    const sk = typeof k === 'object' && k !== null ? structuralKey(k) : k;
    let slot = slots.get(sk);
    if (slot === undefined) {
      slot = new Slot(k);
      slot.shuffle = shuffle;
      slots.set(sk, slot);
    } else if (slot.shuffle !== shuffle) {
      slot.shuffle = shuffle;
      // The first key object of this shuffle (an equal string is the same key: keep the one held).
      if (!Object.is(slot.key, k)) slot.key = k;
      slot.split = -1;
      slot.placed = false;
    }
    return slot;
  };
  const place = (slot: Slot): void => {
    if (slot.part < 0) slot.part = partitioner.getPartition(slot.key);
    slot.placed = true;
    placed[slot.part]!.push(slot);
  };
  for (const split of splits) {
    if (mapSideCombine) {
      // Spark's map-side combine: this map partition's combiners, in the order their keys first
      // appear in it, then merged into the reduce side in that order.
      const touched: Slot[] = [];
      parent.eachRecord(split, (kv) => {
        const slot = slotOf(kv[0]);
        if (slot.split !== split) {
          slot.split = split;
          slot.cur = createCombiner(kv[1]);
          touched.push(slot);
        } else slot.cur = mergeValue(slot.cur as C, kv[1]);
      });
      for (let i = 0; i < touched.length; i++) {
        const slot = touched[i]!;
        if (!slot.placed) {
          place(slot);
          slot.acc = slot.cur;
        } else slot.acc = mergeCombiners(slot.acc as C, slot.cur as C);
        slot.cur = undefined;
      }
    } else {
      parent.eachRecord(split, (kv) => {
        const slot = slotOf(kv[0]);
        if (!slot.placed) {
          place(slot);
          slot.acc = createCombiner(kv[1]);
        } else slot.acc = mergeValue(slot.acc as C, kv[1]);
      });
    }
  }
  const out: [K, C][][] = [];
  for (const list of placed) {
    const records: [K, C][] = [];
    for (let i = 0; i < list.length; i++) {
      const slot = list[i]!;
      records.push([slot.key as K, slot.acc as C]);
      slot.acc = undefined; // the table keeps keys, never values
    }
    out.push(records);
  }
  return out;
}
