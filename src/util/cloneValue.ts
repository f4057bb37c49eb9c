/**
 * A private copy of a value a user function may mutate. Spark hands every function freshly
 * deserialized objects, so a reducer or state function that mutates its argument never corrupts
 * an RDD computed earlier; in memory we copy plain arrays and objects to get the same guarantee.
 * Primitives, class instances and functions are passed as they are.
 */
export function cloneValue<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v;
  const proto = Object.getPrototypeOf(v) as unknown;
  if (!Array.isArray(v) && proto !== Object.prototype && proto !== null && !(v instanceof Map) && !(v instanceof Set)) {
    return v;
  }
  try {
    return structuredClone(v);
  } catch {
    return v;
  }
}
