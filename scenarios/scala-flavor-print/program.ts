import { SparkContext, StreamingContext } from 'dstream-sim';

const sc = new SparkContext({ master: 'local[2]', appName: 'Scala', flavor: 'scala' });
const ssc = new StreamingContext(sc, 1);
const lines = ssc.queueStream([['to be or not to be']]);
lines.flatMap((l) => l.split(' ')).map((w): [string, number] => [w, 1]).reduceByKey((a, b) => a + b).print();
lines.count().print();
ssc.start();
await ssc.awaitTermination();
