// PySpark: ds1.map(lambda v: (v, 1)).pprint()
import { SparkContext, StreamingContext } from 'dstream-sim';

const sc = new SparkContext({ master: 'local[*]', appName: 'Streaming' });
const ssc = new StreamingContext(sc, 1);
const ds1 = ssc.queueStream([ssc.sparkContext.parallelize(['a', 'b', 'c', 'c', 'c'])], true);
ds1.map((v): [string, number] => [v, 1]).pprint();
ssc.start();
await ssc.awaitTermination();
