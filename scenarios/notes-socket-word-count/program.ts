// PySpark: ds = ssc.socketTextStream("localhost", 9000)
//          ds.flatMap(lambda l: l.split(" ")).map(lambda w: (w, 1)).reduceByKey(add).pprint()
import { SparkConf, SparkContext, StreamingContext } from 'dstream-sim';

const conf = new SparkConf();
conf.set('spark.driver.host', '127.0.0.1');
const sc = new SparkContext({ master: 'local[2]', appName: 'SocketSample', conf });
const ssc = new StreamingContext(sc, 3);

const ds = ssc.socketTextStream('localhost', 9000);
ds.flatMap((line) => line.split(' '))
  .map((w): [string, number] => [w, 1])
  .reduceByKey((a, b) => a + b)
  .pprint();

ssc.start();
await ssc.awaitTermination();
