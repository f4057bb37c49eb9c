// PySpark: ds = ssc.textFileStream("input"); ds.pprint()
import { SparkContext, StreamingContext } from 'dstream-sim';

const sc = new SparkContext({ master: 'local[2]', appName: 'FileSample' });
const ssc = new StreamingContext(sc, 3);
ssc.textFileStream('input').pprint();
ssc.start();
await ssc.awaitTermination();
