// A job that takes longer than the batch interval: each batch costs 1.5 s (scenario.yaml's
// `cost`), batches come every second, so they queue and the scheduling delay grows by 0.5 s a
// batch — the classic production failure, in virtual time.
import { SparkContext, StreamingContext } from 'dstream-sim';

const sc = new SparkContext({ master: 'local[2]', appName: 'TooSmall' });
const ssc = new StreamingContext(sc, 1);

ssc
  .queueStream<number>([[1, 2], [3], [4, 5, 6], [7], [8, 9]])
  .map((x) => x * 10)
  .pprint();

ssc.start();
await ssc.awaitTermination();
