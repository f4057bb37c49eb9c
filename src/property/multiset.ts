import { isDeepStrictEqual } from 'node:util';
import { pythonRepr } from '../util/format';

/** Records as a sorted list of their text, so two batches compare as multisets (order ignored). */
export function asMultiset(records: readonly unknown[]): string[] {
  return records.map(text).sort();
}

/** A record's canonical text: Python's repr of the value (tuples, lists, dicts), stable across runs. */
export function text(record: unknown): string {
  return pythonRepr(record);
}

/** Whether two batches hold the same records, in any order. */
export function sameMultiset(a: readonly unknown[], b: readonly unknown[]): boolean {
  return isDeepStrictEqual(asMultiset(a), asMultiset(b));
}
