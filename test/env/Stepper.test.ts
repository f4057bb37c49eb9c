/** The Stepper moves a program's virtual time from outside, one batch at a time. */
import { SparkContext, StreamingContext, withIsolatedJvm, type SimEvent } from 'dstream-sim';
import { Stepper } from '../../src/env/Stepper';

const outputs = (events: readonly SimEvent[]): number[] =>
  events.flatMap((e) => (e.type === 'outputWritten' ? [e.batchTime] : []));

test('advanceTo runs exactly the batches due, and the program waits in between', async () => {
  await withIsolatedJvm({ stdout: () => undefined }, async (jvm) => {
    const stepper = new Stepper(jvm);
    const program = (async (): Promise<string> => {
      const ssc = new StreamingContext(new SparkContext({ master: 'local[2]' }), 2);
      ssc.queueStream([[1], [2], [3]]).pprint();
      ssc.start();
      await ssc.awaitTermination();
      return 'ended';
    })();
    await stepper.attach(program);
    expect(jvm.clock.now()).toBe(0);
    expect(stepper.nextBatchTime()).toBe(2000);
    await stepper.advanceTo(stepper.nextBatchTime()!);
    expect(outputs(jvm.log.events())).toEqual([2000]);
    expect(stepper.nextBatchTime()).toBe(4000);
    await stepper.advanceTo(5000);
    expect(outputs(jvm.log.events())).toEqual([2000, 4000]);
    expect(stepper.nextBatchTime()).toBe(6000);
    expect(stepper.finished).toBe(false);
    jvm.activeContext?.stopFromHorizon('exit');
    await stepper.release();
    expect(stepper.finished).toBe(true);
    await expect(program).resolves.toBe('ended');
  });
});

test('a program that ends by itself is seen as finished', async () => {
  await withIsolatedJvm({ stdout: () => undefined }, async (jvm) => {
    const stepper = new Stepper(jvm);
    const program = (async (): Promise<void> => {
      const ssc = new StreamingContext(new SparkContext({ master: 'local[2]' }), 1);
      ssc.queueStream([[1]]).pprint();
      ssc.start();
      await ssc.awaitTerminationOrTimeout(1);
      ssc.stop();
    })();
    await stepper.attach(program);
    await stepper.advanceTo(1000);
    await program;
    expect(stepper.finished).toBe(true);
    expect(outputs(jvm.log.events())).toEqual([1000]);
    expect(stepper.nextBatchTime()).toBeUndefined();
  });
});
