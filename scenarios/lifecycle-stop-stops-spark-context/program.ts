import { SparkContext, StreamingContext } from 'dstream-sim';

const sc = new SparkContext({ master: 'local[2]', appName: 'Lifecycle' });
const ssc = new StreamingContext(sc, 1);
ssc.queueStream([[1]]).pprint();
ssc.start();
await ssc.awaitTerminationOrTimeout(1);
ssc.stop();
try {
  new StreamingContext(sc, 1);
} catch (e) {
  console.log(`new StreamingContext(sc): ${(e as Error).message.split('\n')[0]}`);
}
