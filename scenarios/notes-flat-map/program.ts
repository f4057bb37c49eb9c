// PySpark: ds2.flatMap(lambda v: v.split(",")).pprint()
import { SparkContext, StreamingContext } from 'dstream-sim';

const sc = new SparkContext({ master: 'local[*]', appName: 'Streaming' });
const ssc = new StreamingContext(sc, 1);
const ds2 = ssc.queueStream([ssc.sparkContext.parallelize(['1,2,3,4,5'])], true);
ds2.flatMap((v) => v.split(',')).pprint();
ssc.start();
await ssc.awaitTermination();
