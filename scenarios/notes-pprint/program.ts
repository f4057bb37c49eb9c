// PySpark (the study notes):
//   rdd1 = ssc.sparkContext.parallelize(["a", "b", "c", "c", "c"])
//   ds1 = ssc.queueStream([rdd1], True)
//   ds1.pprint()
import { SparkConf, SparkContext, StreamingContext } from 'dstream-sim';

const conf = new SparkConf();
const sc = new SparkContext({ master: 'local[*]', appName: 'Streaming', conf });
const ssc = new StreamingContext(sc, 1);

const rdd1 = ssc.sparkContext.parallelize(['a', 'b', 'c', 'c', 'c']);
const q1 = [rdd1];
const ds1 = ssc.queueStream(q1, true);
ds1.pprint();

ssc.start();
await ssc.awaitTermination();
