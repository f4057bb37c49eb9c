import { SparkContext, StreamingContext } from 'dstream-sim';

const sc = new SparkContext({ master: 'local[*]', appName: 'Streaming' });
const ssc = new StreamingContext(sc, 1);
const queue = [sc.parallelize(['a', 'b']), sc.parallelize(['c']), sc.parallelize(['d', 'e'])];
ssc.queueStream(queue, false).pprint();
ssc.start();
await ssc.awaitTermination();
