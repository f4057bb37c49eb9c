import { SparkContext, StreamingContext } from 'dstream-sim';

const sc = new SparkContext({ master: 'local[2]', appName: 'Lifecycle' });
const ssc = new StreamingContext(sc, 1);
ssc.queueStream([[1], [2]]).pprint();
ssc.start();
ssc.start(); // only a warning
console.log(`state after the second start(): ${ssc.getState()}`);
await ssc.awaitTermination();
