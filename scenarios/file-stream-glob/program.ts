// PySpark: ssc.textFileStream("logs/*/").flatMap(lambda l: l.split(" ")).countByValue().pprint()
// The directory is a Hadoop glob: every directory it matches (logs/a, logs/b, …) is watched.
import { SparkContext, StreamingContext } from 'dstream-sim';

const sc = new SparkContext({ master: 'local[2]', appName: 'GlobSample' });
const ssc = new StreamingContext(sc, 2);
ssc.textFileStream('logs/*/')
  .flatMap((line) => line.split(' '))
  .countByValue()
  .pprint();
ssc.start();
await ssc.awaitTermination();
