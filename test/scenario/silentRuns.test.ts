/** A run is never silent: what did not happen, and what runs on virtual time, is said. */
import { runScenario } from 'dstream-sim';
import { makeScenario } from '../__helpers__/scenarioDir';

const header = `import { SparkContext, StreamingContext } from 'dstream-sim';\nconst ssc = new StreamingContext(new SparkContext({ master: 'local[2]' }), 1);\n`;

test('a program that never starts a context gets a warning', async () => {
  const r = await runScenario(makeScenario('no-start', { program: `${header}ssc.queueStream([[1]]).pprint();\n`, yaml: 'until: 2\n' }));
  expect(r.transcript).toContain('warning: no StreamingContext was started (ssc.start() never succeeded): no batch ran');
});

test('lines sent to an address nobody reads, and events after the end of the run, are warned about', async () => {
  const r = await runScenario(
    makeScenario('nobody-listens', {
      program: `${header}ssc.socketTextStream('localhost', 9999).pprint();\nssc.start();\nawait ssc.awaitTermination();\n`,
      yaml: 'timeline: timeline.yaml\nuntil: 3\n',
      timeline:
        'sources:\n  nc: { socket: "localhost:9000" }\nevents:\n' +
        '  - { at: 1, source: nc, lines: ["a"] }\n  - { at: 2, source: nc, lines: ["b"] }\n  - { at: 7, source: nc, lines: ["late"] }\n',
    }),
  );
  expect(r.transcript).toContain(
    'warning: timeline nc: none of its 2 sends reached a receiver; does the program read this address (socketTextStream) and start before the first send?',
  );
  expect(r.transcript).toContain('warning: timeline: 1 event after the end of the run (3000 ms) never happened, the first at 7 s (nc); run longer or move it earlier');
});

test('setTimeout and Date in a program run on the virtual clock, and say so once', async () => {
  const r = await runScenario(
    makeScenario('virtual-timers', {
      program:
        `${header}ssc.queueStream([[1], [2], [3], [4]]).pprint();\nssc.start();\n` +
        `setTimeout(() => { console.log('stopping at', Date.now()); ssc.stop(false); }, 2500);\n` +
        `setTimeout(() => console.log('never: the run ends first'), 2600);\n` +
        `await ssc.awaitTermination();\nconsole.log('ended at', new Date().toISOString());\n`,
      yaml: 'until: 10\n',
    }),
  );
  expect(r.transcript).toContain('[0 ms] warning: the program calls setTimeout: it runs on the virtual clock');
  expect(r.transcript.match(/the program calls setTimeout/g)).toHaveLength(1);
  expect(r.transcript).toContain('[2500 ms] program: stopping at 2500');
  expect(r.transcript).toContain('[2500 ms] program: ended at 1970-01-01T00:00:02.500Z');
  expect(r.batchTimes).toEqual([1000, 2000]);
  expect(r.transcript).not.toContain('never:');
});

test('a program that sleeps on its own timer (PySpark’s time.sleep, in TypeScript) runs the batches meanwhile', async () => {
  const r = await runScenario(
    makeScenario('sleeps', {
      program:
        `${header}ssc.queueStream([[1], [2], [3], [4], [5]]).pprint();\nssc.start();\n` +
        `await new Promise((resolve) => setTimeout(resolve, 3500));\nssc.stop();\nconsole.log('stopped at', Date.now());\n`,
      yaml: 'until: 10\n',
    }),
  );
  expect(r.batchTimes).toEqual([1000, 2000, 3000]);
  expect(r.transcript).toContain('[3500 ms] StreamingContext 0 stopped (stop(); was ACTIVE)');
  expect(r.transcript).toContain('[3500 ms] program: stopped at 3500');
});

test('a program asleep past the end of the run ends at the horizon', async () => {
  const r = await runScenario(
    makeScenario('oversleeps', {
      program: `${header}ssc.queueStream([[1], [2]]).pprint();\nssc.start();\nawait new Promise((resolve) => setTimeout(resolve, 60_000));\nconsole.log('never');\n`,
      yaml: 'until: 2\n',
    }),
  );
  expect(r.batchTimes).toEqual([1000, 2000]);
  expect(r.transcript).not.toContain('never');
  expect(r.transcript).toContain('[2000 ms] StreamingContext 0 stopped (end of run; was ACTIVE)');
});

test('a run that keeps no event log (keepEvents: "none") still prints as it goes and still says what did not happen', async () => {
  const dir = makeScenario('no-log', {
    program: `${header}ssc.socketTextStream('localhost', 9999).pprint();\nssc.queueStream([[1, 2]]).pprint();\nssc.start();\nawait ssc.awaitTermination();\n`,
    yaml: 'timeline: timeline.yaml\nuntil: 2\n',
    timeline: 'sources:\n  nc: { socket: "localhost:9000" }\nevents:\n  - { at: 1, source: nc, lines: ["a"] }\n',
  });
  const echoed: string[] = [];
  const warnings: string[] = [];
  const r = await runScenario(dir, {
    keepEvents: 'none',
    echo: (t) => void echoed.push(t),
    onJvm: (jvm) => void jvm.log.subscribe((e) => void (e.type === 'warning' && warnings.push(e.message)), ['warning']),
  });
  expect(r.events).toEqual([]);
  expect(r.transcript).toBe('');
  expect(echoed.join('')).toContain('Time: 1970-01-01 00:00:01\n-------------------------------------------\n1\n2\n');
  expect(warnings).toContain(
    'timeline nc: none of its 1 send reached a receiver; does the program read this address (socketTextStream) and start before the first send?',
  );
});
