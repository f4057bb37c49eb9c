import type { DStream, Pair } from 'dstream-sim';
import { batches, checkLaw, fc, orderLaw, windowLaw } from 'dstream-sim/property';

/** The pipeline under test: clicks per user over the last 3 seconds, every second. */
const clicksPerUser = (clicks: DStream<string>): DStream<Pair<string, number>> =>
  clicks.map((user): Pair<string, number> => [user, 1]).reduceByKeyAndWindow((a, b) => a + b, null, 3, 1);

/** The same, done by hand on all clicks of one window. */
const countByHand = (clicks: string[]): Pair<string, number>[] => {
  const counts = new Map<string, number>();
  for (const user of clicks) counts.set(user, (counts.get(user) ?? 0) + 1);
  return [...counts];
};

const clicks = batches(fc.constantFrom('ann', 'bob', 'cy'), { maxBatches: 6 });

test('clicks per user equal counting each window by hand', async () => {
  await checkLaw(windowLaw({ input: clicks, windowSeconds: 3, slideSeconds: 1, pipeline: clicksPerUser, naive: countByHand }));
});

test('clicks per user do not depend on an order Spark does not promise', async () => {
  await checkLaw(orderLaw({ input: clicks, numPartitions: 3, pipeline: clicksPerUser }), { numRuns: 30 });
});
