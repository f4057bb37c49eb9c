import type { Flavor } from '../conf/Flavor';

/**
 * How `parallelize` cuts a collection into partitions, per flavor.
 *
 * Scala: `ParallelCollectionRDD.slice`: slice i holds items
 * `[i * length / numSlices, (i + 1) * length / numSlices)`.
 *
 * PySpark (`SparkContext.parallelize` in pyspark/context.py): the items are pickled in batches of
 * `max(1, min(len(c) // numSlices, 1024))` (a `BatchedSerializer`), the JVM parallelizes the list
 * of batches with the Scala slicing above, and each partition unpickles its batches. So the
 * batches, not the items, are sliced: 10 items into 4 slices are [0,1] [2,3] [4,5] [6,7,8,9].
 */
export function sliceForParallelize<T>(flavor: Flavor, items: readonly T[], numSlices: number): T[][] {
  if (flavor === 'scala') return scalaSlices(items, numSlices);
  const batchSize = Math.max(1, Math.min(Math.floor(items.length / numSlices), 1024));
  // The Scala slicing of the batches, each slice's batches joined: slice i holds batches
  // [i·b/n, (i+1)·b/n) of the b batches, i.e. those items (the last batch may be short).
  const batches = Math.ceil(items.length / batchSize);
  const slices: T[][] = [];
  for (let i = 0; i < numSlices; i++) {
    const start = Math.floor((i * batches) / numSlices) * batchSize;
    const end = Math.min(Math.floor(((i + 1) * batches) / numSlices) * batchSize, items.length);
    slices.push(items.slice(start, end));
  }
  return slices;
}

/** Spark: `ParallelCollectionRDD.slice` (its `positions`). */
function scalaSlices<T>(items: readonly T[], numSlices: number): T[][] {
  const slices: T[][] = [];
  for (let i = 0; i < numSlices; i++) {
    const start = Math.floor((i * items.length) / numSlices);
    const end = Math.floor(((i + 1) * items.length) / numSlices);
    slices.push(items.slice(start, end));
  }
  return slices;
}
