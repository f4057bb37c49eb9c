import { SparkContext, StreamingContext } from 'dstream-sim';

const sc = new SparkContext({ master: 'local[2]', appName: 'Lifecycle' });
const ssc = new StreamingContext(sc, 1);
const ds = ssc.queueStream([[1], [2]]);
ds.pprint();
ssc.start();
const doubled = ds.map((x) => x * 2); // PySpark: lazy, not refused yet
try {
  doubled.pprint();
} catch (e) {
  console.log(`pprint() after start(): ${(e as Error).message}`);
}
await ssc.awaitTermination();
