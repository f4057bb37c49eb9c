// PySpark (the study notes):
//   conf = SparkConf(); conf.set("spark.driver.host", "127.0.0.1")
//   sc = SparkContext(master="local", appName="StreamingSample", conf=conf)
//   ssc = StreamingContext(sc, 3)
import { SparkConf, SparkContext, StreamingContext } from 'dstream-sim';

const conf = new SparkConf();
conf.set('spark.driver.host', '127.0.0.1');
const sc = new SparkContext({ master: 'local', appName: 'StreamingSample', conf });
const ssc = new StreamingContext(sc, 3);

ssc.queueStream([['first batch']]).pprint();
ssc.start();
await ssc.awaitTermination();
