/**
 * What a scenario result keeps of the event log: by default the events its transcript shows, built
 * as the run goes, so a long run holds what it printed rather than every batch's bookkeeping.
 */
import { dstreamMatchers, renderTranscript, runScenario } from 'dstream-sim';
import { makeScenario } from '../__helpers__/scenarioDir';

expect.extend(dstreamMatchers);

const program = (body: string): string =>
  `import { SparkContext, StreamingContext } from 'dstream-sim';\nconst sc = new SparkContext({ master: 'local[2]' });\nconst ssc = new StreamingContext(sc, 1);\n${body}\nssc.start();\nawait ssc.awaitTermination();\n`;

const bookkeeping = ['batchSubmitted', 'batchStarted', 'batchCompleted', 'outputOperationStarted', 'outputOperationCompleted'];

test('by default the result keeps the events the transcript shows, and the transcript is the one the whole log renders', async () => {
  const dir = makeScenario('kept-shown', { program: program('ssc.queueStream([[1, 2], [3]]).map((x) => x * 10).pprint();'), yaml: 'until: 3\n' });
  const shown = await runScenario(dir);
  const all = await runScenario(dir, { keepEvents: 'all' });
  expect(shown.keptEvents).toBe('shown');
  expect(all.keptEvents).toBe('all');
  expect(shown.events.map((e) => e.type).filter((t) => bookkeeping.includes(t))).toEqual([]);
  expect(all.events.map((e) => e.type)).toEqual(expect.arrayContaining(bookkeeping));
  expect(shown.events).toEqual(all.events.filter((e) => !bookkeeping.includes(e.type)));
  // One renderer: the whole log rendered afterwards says what the run's recorder said.
  const header = shown.transcript.split('\n')[0]!.replace(/^# /, '');
  expect(renderTranscript(all.events, [header], { originMs: all.originMs })).toBe(shown.transcript);
  expect(shown.transcript).toBe(all.transcript);
  expect(shown.batchTimes).toEqual([1000, 2000, 3000]);
  expect(shown).toEmitBatches([[10, 20], [30], []]);
});

test('the events a long run keeps do not grow with its batches when nothing shows', async () => {
  const quiet = program('ssc.queueStream<number>([], true, sc.parallelize([1, 2, 3])).foreachRDD(() => undefined);');
  const short = await runScenario(makeScenario('kept-short', { program: quiet, yaml: 'until: 10\ninspect: { inputs: false }\n' }));
  const long = await runScenario(makeScenario('kept-long', { program: quiet, yaml: 'until: 1000\ninspect: { inputs: false }\n' }));
  expect(long.batchTimes).toHaveLength(1000);
  expect(long.events.map((e) => e.type)).toEqual(short.events.map((e) => e.type));
  expect(long.transcript.split('\n').length).toBe(short.transcript.split('\n').length);
});

test("toHaveSchedulingDelays asks for keepEvents: 'all' when the result kept only what shows", async () => {
  const dir = makeScenario('kept-delays', { program: program('ssc.queueStream([[1], [2]]).pprint();'), yaml: 'until: 3\ncost: { perBatch: 1.5 }\n' });
  const shown = await runScenario(dir);
  expect(() => expect(shown).toHaveSchedulingDelays([0, 0.5])).toThrow(
    "toHaveSchedulingDelays reads the scheduler's batch events, which this scenario result did not keep (keepEvents: 'shown'): run it with runScenario(dir, { keepEvents: 'all' })",
  );
  expect(await runScenario(dir, { keepEvents: 'all' })).toHaveSchedulingDelays([0, 0.5]);
});

test('a stop still names the batches it left unfinished, and delays still show, from the times kept while they matter', async () => {
  const dir = makeScenario('kept-stop', {
    program:
      `import { SparkContext, StreamingContext } from 'dstream-sim';\nconst ssc = new StreamingContext(new SparkContext({ master: 'local[2]' }), 1);\n` +
      `ssc.queueStream([[1], [2], [3]]).pprint();\nssc.start();\nawait ssc.awaitTerminationOrTimeout(3.2);\nssc.stop(true, false);\n`,
    yaml: 'until: 10\ncost: { perBatch: 1.5 }\ninspect: { delays: true }\n',
  });
  const shown = await runScenario(dir);
  const all = await runScenario(dir, { keepEvents: 'all' });
  expect(shown.transcript).toMatch(/batches not completed: \d+ ms \(running\)/);
  expect(shown.transcript).toContain('delays: scheduling 0 ms, processing 1500 ms, total 1500 ms');
  expect(shown.transcript).toBe(all.transcript);
});
