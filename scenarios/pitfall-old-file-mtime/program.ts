import { SparkContext, StreamingContext } from 'dstream-sim';

const sc = new SparkContext({ master: 'local[2]', appName: 'Pitfall' });
const ssc = new StreamingContext(sc, 2);
ssc.textFileStream('landing').pprint();
ssc.start();
await ssc.awaitTermination();
