// stop(stopSparkContext, stopGracefully = true) with batches queued behind a slow job: the stop
// waits (in virtual time) for the timer's last two ticks and for every queued batch, as Spark's
// JobGenerator does; stop(true, false) would drop them.
import { SparkContext, StreamingContext } from 'dstream-sim';

const sc = new SparkContext({ master: 'local[2]', appName: 'Graceful' });
const ssc = new StreamingContext(sc, 1);

ssc
  .queueStream<string>([['a'], ['b'], ['c'], ['d'], ['e'], ['f'], ['g']])
  .map((w) => w.toUpperCase())
  .pprint();

ssc.start();
await ssc.awaitTerminationOrTimeout(3.5);
console.log('stopping gracefully');
ssc.stop(true, true);
console.log('stopped');
