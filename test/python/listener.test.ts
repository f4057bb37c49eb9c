/**
 * A Python StreamingListener is called as PySpark calls it (PySpark: `test_listener.py`): Spark's
 * Java-friendly events (`batchCompleted.batchInfo().numRecords()`), -1 for a time or delay not
 * known yet, in virtual milliseconds; a listener that raises is logged and the job runs on.
 */
import { runScenario } from 'dstream-sim';
import { makePyScenario, PREAMBLE } from './pyScenario';

jest.setTimeout(30_000);

const COLLECTOR = `from pyspark.streaming import StreamingListener

class BatchInfoCollector(StreamingListener):
    def __init__(self):
        super(StreamingListener, self).__init__()
        self.batchInfosCompleted = []
        self.batchInfosStarted = []
        self.batchInfosSubmitted = []
        self.streamingStartedTime = []

    def onStreamingStarted(self, streamingStarted):
        self.streamingStartedTime.append(streamingStarted.time())

    def onBatchSubmitted(self, batchSubmitted):
        self.batchInfosSubmitted.append(batchSubmitted.batchInfo())

    def onBatchStarted(self, batchStarted):
        self.batchInfosStarted.append(batchStarted.batchInfo())

    def onBatchCompleted(self, batchCompleted):
        self.batchInfosCompleted.append(batchCompleted.batchInfo())

def show(name, infos):
    for info in infos:
        ops = info.outputOperationInfos()
        print(name, info.batchTime().milliseconds(), info.submissionTime(), info.numRecords(),
              (info.schedulingDelay(), info.processingDelay(), info.totalDelay()),
              [(k, ops[k].id(), ops[k].name(), ops[k].startTime(), ops[k].endTime(), ops[k].failureReason()) for k in ops],
              dict((k, (v.inputStreamId(), v.numRecords(), v.metadataDescription())) for k, v in info.streamIdToInputInfo().items()))
`;

test('test_listener.py’s batch info reports: submitted, started and completed BatchInfo as PySpark’s test expects', async () => {
  const dir = makePyScenario(
    'listener',
    `${PREAMBLE}${COLLECTOR}
collector = BatchInfoCollector()
ssc.addStreamingListener(collector)
ssc.queueStream([sc.parallelize([i]) for i in range(1, 5)]).map(int).pprint()
ssc.start()
ssc.awaitTerminationOrTimeout(4)
print("started", collector.streamingStartedTime)
show("submitted", collector.batchInfosSubmitted)
show("started", collector.batchInfosStarted)
show("completed", collector.batchInfosCompleted)
print(collector.batchInfosCompleted[0], collector.batchInfosCompleted[0].batchTime())
ssc.stop()
`,
    'until: 10\n',
  );
  const r = await runScenario(dir);
  const lines = r.events.flatMap((e) => (e.type === 'programOutput' ? [e.text] : []));
  const pprint = (t: number, end: number): string => `[(0, 0, 'pprint [2]', ${t}, ${end}, None)]`;
  expect(lines).toEqual([
    'started [0]',
    ...[1000, 2000, 3000, 4000].map((t) => `submitted ${t} ${t} 0 (-1, -1, -1) ${pprint(-1, -1)} {}`),
    ...[1000, 2000, 3000, 4000].map((t) => `started ${t} ${t} 0 (0, -1, -1) ${pprint(-1, -1)} {}`),
    ...[1000, 2000, 3000, 4000].map((t) => `completed ${t} ${t} 0 (0, 0, 0) ${pprint(t, t)} {}`),
    'JavaBatchInfo(batchTime=1000 ms, numRecords=0, submissionTime=1000, processingStartTime=1000, processingEndTime=1000, schedulingDelay=0, processingDelay=0, totalDelay=0) 1000 ms',
  ]);
});

test('receiver and output operation events; input info of a socket stream; a failed job’s failureReason', async () => {
  const dir = makePyScenario(
    'listener-receiver',
    `${PREAMBLE}from pyspark.streaming import StreamingListener

class Show(StreamingListener):
    def onReceiverStarted(self, e):
        r = e.receiverInfo()
        print("receiver started", r.streamId(), r.name(), r.active(), r.lastErrorTime())

    def onReceiverStopped(self, e):
        print("receiver stopped", e.receiverInfo().streamId(), e.receiverInfo().active())

    def onOutputOperationCompleted(self, e):
        o = e.outputOperationInfo()
        print("op", o.batchTime().milliseconds(), o.id(), (o.failureReason() or "ok").splitlines()[0])

    def onBatchCompleted(self, e):
        info = e.batchInfo()
        print("batch", info.batchTime(), info.numRecords(),
              [(k, v.numRecords()) for k, v in info.streamIdToInputInfo().items()])

ssc.addStreamingListener(Show())
lines = ssc.socketTextStream("localhost", 9999)
lines.map(lambda l: 1 / int(l)).pprint()
ssc.start()
ssc.awaitTermination()
`,
    'timeline: timeline.yaml\nuntil: 2\n',
    'sources:\n  nc: { socket: "localhost:9999" }\nevents:\n  - { at: 0.5, source: nc, lines: ["1", "2"] }\n  - { at: 1.5, source: nc, lines: ["0"] }\n',
  );
  const r = await runScenario(dir);
  const lines = r.events.flatMap((e) => (e.type === 'programOutput' ? [e.text] : []));
  expect(lines).toEqual([
    'receiver started 0 SocketReceiver-0 True -1',
    'op 1000 0 ok',
    'batch 1000 ms 2 [(0, 2)]',
    'op 2000 0 org.apache.spark.api.python.PythonException: ZeroDivisionError: division by zero',
    'batch 2000 ms 1 [(0, 1)]',
  ]);
  // The program ended before the end-of-run stop: its listener hears nothing after that.
  expect(r.transcript).not.toContain('receiver stopped');
});

test('a listener that raises is logged as Spark logs it; batches and the other listeners go on', async () => {
  const dir = makePyScenario(
    'listener-raises',
    `${PREAMBLE}from pyspark.streaming import StreamingListener

class Faulty(StreamingListener):
    def onBatchStarted(self, e):
        raise ValueError("listener bug")

class Count(StreamingListener):
    def onBatchCompleted(self, e):
        print("completed", e.batchInfo().batchTime().milliseconds())

ssc.addStreamingListener(Faulty())
ssc.addStreamingListener(Count())
ssc.queueStream([sc.parallelize([1]), sc.parallelize([2])]).pprint()
ssc.start()
ssc.awaitTerminationOrTimeout(2)
ssc.stop()
`,
    'until: 5\n',
  );
  const r = await runScenario(dir);
  expect(r.events.flatMap((e) => (e.type === 'programOutput' ? [e.text] : []))).toEqual(['completed 1000', 'completed 2000']);
  const warnings = r.events.flatMap((e) => (e.type === 'warning' ? [e.message] : []));
  expect(warnings).toHaveLength(2);
  expect(warnings[0]).toBe(
    'Listener JavaStreamingListenerWrapper threw an exception: org.apache.spark.api.python.PythonException: ValueError: listener bug (at program.py:9)',
  );
});

test('with a declared cost a Python listener sees the queue grow: scheduling delays 0, 500, 1000 ms (done at 2.5, 4, 5.5 s)', async () => {
  const dir = makePyScenario(
    'listener-cost',
    `${PREAMBLE}from pyspark.streaming import StreamingListener

class Delays(StreamingListener):
    def onBatchCompleted(self, e):
        b = e.batchInfo()
        print(b.batchTime().milliseconds(), b.schedulingDelay(), b.processingDelay(), b.totalDelay())

ssc.addStreamingListener(Delays())
ssc.queueStream([sc.parallelize([i]) for i in range(5)]).pprint()
ssc.start()
ssc.awaitTerminationOrTimeout(6)
ssc.stop(stopSparkContext=True, stopGraceFully=False)
`,
    'until: 10\ncost: { perBatch: 1.5 }\n',
  );
  const r = await runScenario(dir);
  expect(r.events.flatMap((e) => (e.type === 'programOutput' ? [e.text] : []))).toEqual(['1000 0 1500 1500', '2000 500 1500 2000', '3000 1000 1500 2500']);
});
