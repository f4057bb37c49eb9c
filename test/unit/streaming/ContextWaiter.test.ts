/**
 * What `awaitTermination*` rethrows (Spark: `ContextWaiter`): the error reported last, every time,
 * also after the context stopped.
 */
import { SparkContext, StreamingContext, withIsolatedJvm } from 'dstream-sim';

describe('errors seen by awaitTermination', () => {
  test('when two jobs of a batch fail, the error reported last is rethrown, and again on every later wait', () =>
    withIsolatedJvm({ stdout: () => undefined }, async () => {
      const ssc = new StreamingContext(new SparkContext({ master: 'local[2]' }), 1);
      const q = ssc.queueStream<number>([[1]]);
      q.foreachRDD(() => {
        throw new Error('first');
      });
      q.foreachRDD(() => {
        throw new Error('second');
      });
      ssc.start();
      await expect(ssc.awaitTerminationOrTimeout(5)).rejects.toThrow('second');
      expect(ssc.getState()).toBe('ACTIVE');
      await expect(ssc.awaitTermination()).rejects.toThrow('second');
      ssc.stop();
      await expect(ssc.awaitTerminationOrTimeout(1)).rejects.toThrow('second');
    }));

  test('after a stop without errors, waits return at once: true from awaitTerminationOrTimeout', () =>
    withIsolatedJvm({ stdout: () => undefined }, async (jvm) => {
      const ssc = new StreamingContext(new SparkContext({ master: 'local[2]' }), 1);
      ssc.queueStream<number>([[1]]).pprint();
      ssc.start();
      ssc.stop();
      const before = jvm.clock.now();
      await expect(ssc.awaitTerminationOrTimeout(10)).resolves.toBe(true);
      await expect(ssc.awaitTermination()).resolves.toBeUndefined();
      expect(jvm.clock.now()).toBe(before);
    }));
});
