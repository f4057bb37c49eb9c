import { SparkContext, StreamingContext } from 'dstream-sim';

const sc = new SparkContext({ master: 'local[*]', appName: 'Streaming' });
const ssc = new StreamingContext(sc, 1);
const categories = sc.parallelize<[string, string]>([['spark', 'engine'], ['kafka', 'source']]);
const words = ssc.queueStream([['spark', 'flink', 'kafka'], ['spark']]);
words
  .map((w): [string, number] => [w, 1])
  .transform((rdd) => rdd.join(categories))
  .pprint();
ssc.start();
await ssc.awaitTermination();
