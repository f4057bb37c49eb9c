// A function that throws for one record fails that batch's job; the context keeps running, and
// awaitTermination() rethrows the error (spark-semantics §1.8). The transcript shows where.
import { SparkContext, StreamingContext } from 'dstream-sim';

const ssc = new StreamingContext(new SparkContext({ master: 'local[2]', appName: 'ErrorSample' }), 1);
ssc.queueStream([[1], [2], [3]]).map((x: number) => {
  if (x === 2) throw new RangeError('two is too many');
  return x * 10;
}).pprint();
ssc.start();
await ssc.awaitTermination();
