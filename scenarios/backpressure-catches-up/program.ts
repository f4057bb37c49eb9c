// Backpressure: a socket sends 300 lines a second, but each record costs 5 ms (200 records/s,
// scenario.yaml's cost). With spark.streaming.backpressure.enabled, Spark's PID rate estimator
// lowers the receiver's rate limit after each batch until the batches fit the interval again;
// the lines over the limit wait in the receiver (as they would in the socket).
import { SparkConf, SparkContext, StreamingContext } from 'dstream-sim';

const conf = new SparkConf().set('spark.streaming.backpressure.enabled', 'true');
const sc = new SparkContext({ master: 'local[2]', appName: 'Backpressure', conf });
const ssc = new StreamingContext(sc, 1);

ssc.socketTextStream('localhost', 9999).count().pprint();

ssc.start();
await ssc.awaitTermination();
