// PySpark: ds1.count().pprint(); ds1.countByValue().pprint()
import { SparkContext, StreamingContext } from 'dstream-sim';

const sc = new SparkContext({ master: 'local[*]', appName: 'Streaming' });
const ssc = new StreamingContext(sc, 1);
const ds1 = ssc.queueStream([ssc.sparkContext.parallelize(['a', 'b', 'c', 'c', 'c'])], true);
ds1.count().pprint();
ds1.countByValue().pprint();
ssc.start();
await ssc.awaitTermination();
