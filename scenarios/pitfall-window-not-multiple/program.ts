import { SparkContext, StreamingContext } from 'dstream-sim';

const sc = new SparkContext({ master: 'local[2]', appName: 'Pitfall' });
const ssc = new StreamingContext(sc, 2);
const ds = ssc.queueStream([[1], [2], [3]]);
try {
  ds.window(3);
} catch (e) {
  console.log(`window(3): ${(e as Error).name}: ${(e as Error).message}`);
}
ds.window(4, 2).pprint();
ssc.start();
await ssc.awaitTermination();
