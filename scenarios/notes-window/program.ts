// PySpark: input = [sc.parallelize([i]) for i in range(1, 100)]
//          ds7 = ssc.queueStream(input); ds7.window(9, 3).pprint()
import { SparkContext, StreamingContext } from 'dstream-sim';

const sc = new SparkContext({ master: 'local[*]', appName: 'WindowSample' });
const ssc = new StreamingContext(sc, 3);
const input = Array.from({ length: 99 }, (_, i) => sc.parallelize([i + 1]));
const ds7 = ssc.queueStream(input);
ds7.window(9, 3).pprint();
ds7.reduceByWindow((a, b) => a + b, null, 9, 3).pprint();
ssc.start();
await ssc.awaitTermination();
