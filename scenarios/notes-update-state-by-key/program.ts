// PySpark (the study notes):
//   ssc.checkpoint(".")
//   def updateFunc(newValues, currentValue): return sum(newValues) + (currentValue or 0)
//   ds.map(lambda v: (v, 1)).updateStateByKey(updateFunc).pprint()
import { SparkContext, StreamingContext } from 'dstream-sim';

const sc = new SparkContext({ master: 'local[*]', appName: 'StateSample' });
const ssc = new StreamingContext(sc, 3);
const t1 = sc.parallelize(['a', 'b', 'c']);
const t2 = sc.parallelize(['b', 'c']);
const t3 = sc.parallelize(['a', 'a', 'a']);
const ds = ssc.queueStream([t1, t2, t3], true);
ssc.checkpoint('.');

const updateFunc = (newValues: number[], currentValue: number | undefined): number =>
  newValues.reduce((x, y) => x + y, 0) + (currentValue ?? 0);

ds.map((v): [string, number] => [v, 1]).updateStateByKey(updateFunc).pprint();
ssc.start();
await ssc.awaitTermination();
