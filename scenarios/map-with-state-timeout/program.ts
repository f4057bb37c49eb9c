import { SparkContext, StateSpec, StreamingContext, timelineQueue, type State } from 'dstream-sim';

const sc = new SparkContext({ master: 'local[2]', appName: 'Sessions', flavor: 'scala' });
const ssc = new StreamingContext(sc, 1);
ssc.checkpoint('checkpoints');
const spec = StateSpec.function((user: string, clicks: number | undefined, state: State<number>) => {
  if (state.isTimingOut()) return `${user} timed out after ${state.get()} clicks`;
  state.update((state.getOption() ?? 0) + (clicks ?? 0));
  return `${user}: ${state.get()}`;
}).timeout(3);
ssc
  .queueStream<string>(timelineQueue('clicks'))
  .map((u): [string, number] => [u, 1])
  .mapWithState(spec)
  .print();
ssc.start();
await ssc.awaitTermination();
