import { SparkContext, StreamingContext } from 'dstream-sim';

const sc = new SparkContext({ master: 'local[2]', appName: 'Lifecycle' });
const ssc = new StreamingContext(sc, 1);
ssc.queueStream([[1]]).pprint();
ssc.start();
await ssc.awaitTerminationOrTimeout(1);
ssc.stop(false);
try {
  ssc.start();
} catch (e) {
  console.log(`start() after stop(): ${(e as Error).name}: ${(e as Error).message}`);
}
const again = new StreamingContext(sc, 1);
again.queueStream([[2]]).pprint();
again.start();
await again.awaitTermination();
