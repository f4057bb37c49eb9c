import { SparkContext, StreamingContext } from 'dstream-sim';

const sc = new SparkContext({ master: 'local[2]', appName: 'Pitfall' });
const count = (vs: number[], s: number | undefined): number => vs.length + (s ?? 0);

const ssc = new StreamingContext(sc, 1);
ssc.queueStream([['a']]).map((w): [string, number] => [w, 1]).updateStateByKey(count).pprint();
try {
  ssc.start();
} catch (e) {
  console.log(`start(): ${(e as Error).message}; state ${ssc.getState()}`);
}

const fixed = new StreamingContext(sc, 1);
fixed.checkpoint('checkpoints');
fixed.queueStream([['a'], ['a', 'b']]).map((w): [string, number] => [w, 1]).updateStateByKey(count).pprint();
fixed.start();
await fixed.awaitTermination();
