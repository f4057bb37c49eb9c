import { SparkContext, StreamingContext } from 'dstream-sim';

const sc = new SparkContext({ master: 'local[2]', appName: 'Lifecycle' });
const first = new StreamingContext(sc, 1);
first.queueStream([['first']]).pprint();
const second = new StreamingContext(sc, 1);
second.queueStream([['second']]).pprint();
first.start();
try {
  second.start();
} catch (e) {
  console.log(`second.start(): ${(e as Error).name}; second is ${second.getState()}`);
}
await first.awaitTerminationOrTimeout(1);
first.stop(false);
second.start();
await second.awaitTermination();
