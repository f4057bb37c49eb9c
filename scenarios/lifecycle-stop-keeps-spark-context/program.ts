import { SparkContext, StreamingContext } from 'dstream-sim';

const sc = new SparkContext({ master: 'local[2]', appName: 'Lifecycle' });
const ssc = new StreamingContext(sc, 1);
ssc.queueStream([[1, 2]]).pprint();
ssc.start();
await ssc.awaitTerminationOrTimeout(1);
ssc.stop(false);
console.log(`SparkContext still works: count = ${sc.parallelize([1, 2, 3]).count()}`);
