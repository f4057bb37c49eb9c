/**
 * One JVM, two StreamingContexts one after the other (Spark: a new context after `stop(false)` on
 * the same SparkContext): each context's listeners hear only its own batches, and the batch
 * infos read from the shared log keep the contexts apart.
 */
import { StreamingContext, type StreamingListener } from 'dstream-sim';
import { batchInfos } from '../../../src/scheduler/ListenerEvents';
import { inJvm, makeContexts } from '../../__helpers__/sim';

test("a stopped context's listeners hear nothing of the next context's batches", () =>
  inJvm(async (jvm) => {
    const { sc, ssc: first } = makeContexts();
    const heard: string[] = [];
    const listener = (who: string): StreamingListener => ({ onBatchCompleted: ({ batchInfo }) => void heard.push(`${who} ${batchInfo.batchTime.milliseconds}`) });
    first.addStreamingListener(listener('first'));
    first.queueStream<number>([[1], [2]]).count().pprint();
    first.start();
    await first.awaitTerminationOrTimeout(2);
    first.stop(false);

    const second = new StreamingContext(sc, 1);
    second.addStreamingListener(listener('second'));
    second.queueStream<number>([[3], [4], [5]]).count().pprint();
    second.start();
    await second.awaitTerminationOrTimeout(3);
    second.stop(false);

    expect(heard).toEqual(['first 1000', 'first 2000', 'second 3000', 'second 4000', 'second 5000']);
    const events = jvm.log.events();
    expect(batchInfos(events, first.id).map((b) => b.batchTime.milliseconds)).toEqual([1000, 2000]);
    expect(batchInfos(events, second.id).map((b) => b.batchTime.milliseconds)).toEqual([3000, 4000, 5000]);
    expect(batchInfos(events).map((b) => b.batchTime.milliseconds)).toEqual([1000, 2000, 3000, 4000, 5000]);
  }));

test('after the driver died (a timeline crash) its listeners hear nothing more', () =>
  inJvm(async () => {
    const { ssc } = makeContexts();
    const heard: string[] = [];
    ssc.addStreamingListener({
      onStreamingStarted: ({ time }) => void heard.push(`started ${time}`),
      onBatchCompleted: ({ batchInfo }) => void heard.push(`batch ${batchInfo.batchTime.milliseconds}`),
    });
    ssc.queueStream<number>([[1], [2], [3]]).count().pprint();
    ssc.start();
    await ssc.awaitTerminationOrTimeout(1);
    ssc.runtime.crash();
    expect(ssc.getState()).toBe('STOPPED');
    // The log goes on (a recovered context would write to it); the dead context's bus is closed.
    const started = ssc.events().find((e) => e.type === 'contextStarted')!;
    ssc.runtime.post({ ...started } as never);
    expect(heard).toEqual(['started 0', 'batch 1000']);
  }));
