// The wikibook's checkpoint_sample (PySpark):
//   def createContext():
//       print("Creating a new StreamingContext")
//       ssc = StreamingContext(sc, 3); ssc.checkpoint(checkpointDir)
//       ds = ssc.socketTextStream("localhost", 9000)
//       ds.flatMap(lambda l: l.split(" ")).map(lambda w: (w, 1)).updateStateByKey(updateFunc).pprint()
//       return ssc
//   ssc = StreamingContext.getOrCreate(checkpointDir, createContext)
import { SparkContext, StreamingContext } from 'dstream-sim';

const checkpointDir = './checkpoints';

const updateFunc = (newValues: number[], currentValue: number | undefined): number =>
  newValues.reduce((x, y) => x + y, 0) + (currentValue ?? 0);

function createContext(): StreamingContext {
  console.log('Creating a new StreamingContext');
  const sc = new SparkContext({ master: 'local[2]', appName: 'CheckpointSample' });
  const ssc = new StreamingContext(sc, 3);
  ssc.checkpoint(checkpointDir);
  const ds = ssc.socketTextStream('localhost', 9000);
  ds.flatMap((line) => line.split(' '))
    .map((w): [string, number] => [w, 1])
    .updateStateByKey(updateFunc)
    .pprint();
  return ssc;
}

const ssc = StreamingContext.getOrCreate(checkpointDir, createContext);
ssc.start();
await ssc.awaitTermination();
