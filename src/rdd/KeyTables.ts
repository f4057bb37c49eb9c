/**
 * Tables from structural key to an entry, kept between shuffles under the same built-in
 * placement (partitioner kind and count): keys repeat batch after batch, so a shuffle finds most
 * of its keys already there instead of inserting them again (an entry says which shuffle last
 * used it). One shuffle uses a placement's tables at a time (a shuffle run inside another gets
 * fresh ones); their total size is bounded, and they are emptied when a shuffle fails.
 */
export class KeyTables<E> {
  private readonly byPlacement = new Map<string, { readonly maps: Map<unknown, E>[]; busy: boolean }>();

  /** `max`: the most keys kept between shuffles, over all tables of a placement. */
  constructor(private readonly max: number) {}

  /** Runs `fn` with `count` tables for `placement` (one per reduce partition, or one). */
  use<R>(placement: string, count: number, fn: (maps: readonly Map<unknown, E>[]) => R): R {
    let tables = this.byPlacement.get(placement);
    if (tables === undefined) {
      tables = { maps: fresh(count), busy: false };
      this.byPlacement.set(placement, tables);
    }
    if (tables.busy) return fn(fresh(count));
    const { maps } = tables;
    if (size(maps) > this.max) for (const m of maps) m.clear();
    tables.busy = true;
    let done = false;
    try {
      const result = fn(maps);
      done = true;
      return result;
    } finally {
      tables.busy = false;
      if (!done || size(maps) > this.max) for (const m of maps) m.clear();
    }
  }
}

function fresh<E>(count: number): Map<unknown, E>[] {
  return Array.from({ length: count }, () => new Map<unknown, E>());
}

function size(maps: readonly Map<unknown, unknown>[]): number {
  let n = 0;
  for (const m of maps) n += m.size;
  return n;
}
