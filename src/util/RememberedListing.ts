import * as path from 'node:path';

/** One name of a {@link RememberedListing}: what is derived from the name once, not every batch. */
export interface ListedEntry {
  readonly name: string;
  /** The absolute path (`dir/name`). */
  readonly path: string;
  /** The path as logs and filters see it (relative to the run's directory). */
  readonly shown: string;
  /** The default file filter's verdict, once asked (it depends on the name only). */
  passesDefaultFilter?: boolean;
}

/**
 * What a file stream remembers of one directory it lists (Spark keeps nothing and sorts Hadoop's
 * listing each batch; the simulator keeps the names in sorted order): a new listing costs one
 * look-up per name when nothing was added or removed, and sorting only the names that are new.
 * Only names are remembered — never modification times, which only the file system knows.
 */
export class RememberedListing {
  private sorted: ListedEntry[] = [];
  private byName = new Map<string, ListedEntry>();

  constructor(
    private readonly dir: string,
    private readonly show: (absolutePath: string) => string,
  ) {}

  /** Take a fresh listing of the directory (names in any order); returns its entries sorted by name. */
  update(names: readonly string[]): readonly ListedEntry[] {
    if (this.isUnchanged(names)) return this.sorted;
    const fresh = new Set(names);
    const kept = this.sorted.filter((e) => fresh.has(e.name));
    const added = names
      .filter((n) => !this.byName.has(n))
      .sort()
      .map((name): ListedEntry => {
        const p = path.join(this.dir, name);
        return { name, path: p, shown: this.show(p) };
      });
    this.sorted = mergeSorted(kept, added);
    this.byName = new Map(this.sorted.map((e) => [e.name, e]));
    return this.sorted;
  }

  private isUnchanged(names: readonly string[]): boolean {
    if (names.length !== this.byName.size) return false;
    for (const n of names) if (!this.byName.has(n)) return false;
    return true;
  }
}

/** Merge two lists sorted by name (the order of `Array.prototype.sort` on strings: UTF-16 code units). */
function mergeSorted(a: readonly ListedEntry[], b: readonly ListedEntry[]): ListedEntry[] {
  if (b.length === 0) return [...a];
  if (a.length === 0) return [...b];
  const out: ListedEntry[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(a[i]!.name < b[j]!.name ? a[i++]! : b[j++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}
