import { SparkContext, StreamingContext } from 'dstream-sim';

const sc = new SparkContext({ master: 'local[2]', appName: 'Lifecycle' });
for (const name of ['first', 'second', 'third']) {
  const ssc = new StreamingContext(sc, 1);
  ssc.queueStream([[name]]).pprint();
  ssc.start();
  await ssc.awaitTerminationOrTimeout(1.5);
  ssc.stop(false);
}
