/**
 * Issue 9, item 16: a virtual start date. The clock starts at the date's epoch ms, so PySpark's
 * pprint headers read real dates and Scala's the epoch ms; batches align to multiples of the batch
 * interval since the epoch; transcripts keep counting ms since the run's start.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadScenario, runScenario, runStreams, SparkContext, StreamingContext, withIsolatedJvm, type DStream } from 'dstream-sim';
import { parseStartDate } from '../../src/util/startDate';

let root: string;
beforeEach(() => void (root = fs.mkdtempSync(path.join(os.tmpdir(), 'dstream-sim-start-'))));
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

/** A scenario directory: scenario.yaml, program.ts and (when given) timeline.yaml. */
function scenario(yaml: string, program: string, timeline?: string): string {
  const dir = path.join(root, 'dated');
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'scenario.yaml'), yaml);
  fs.writeFileSync(path.join(dir, 'program.ts'), program);
  if (timeline !== undefined) fs.writeFileSync(path.join(dir, 'timeline.yaml'), timeline);
  return dir;
}

const WORDS = `import { SparkContext, StreamingContext, timelineQueue } from 'dstream-sim';
const ssc = new StreamingContext(new SparkContext({ master: 'local[2]', flavor: FLAVOR }), 1);
ssc.queueStream(timelineQueue('q')).pprint();
ssc.start();
await ssc.awaitTermination();
`;
const QUEUE_TIMELINE = 'sources:\n  q: { queue: q }\nevents:\n  - { at: 0.2, source: q, push: [[a, b]] }\n  - { at: 1.2, source: q, push: [[c]] }\n';

describe('parseStartDate', () => {
  test.each([
    ['2026-01-01T00:00:00Z', 1767225600000],
    ['2026-01-01T00:00Z', 1767225600000],
    ['2026-01-01T00:00:00.5Z', 1767225600500],
    ['2026-01-01T00:00:00.250000Z', 1767225600250],
    ['2026-01-01T01:00:00+01:00', 1767225600000],
    ['2025-12-31T19:00:00-05:00', 1767225600000],
    ['2024-02-29T00:00:00Z', 1709164800000],
    ['1970-01-01T00:00:00Z', 0],
  ])('%s is %d ms', (text, ms) => expect(parseStartDate(text)).toEqual({ ms }));

  test.each([
    ['2026-01-01', "'2026-01-01' is not an ISO-8601 date-time (YYYY-MM-DDThh:mm:ss with Z or an offset); write e.g. 2026-01-01T00:00:00Z"],
    ['yesterday', "'yesterday' is not an ISO-8601 date-time"],
    ['2026-01-01T00:00:00', "'2026-01-01T00:00:00' has no time zone offset; add Z (UTC) or an offset such as +01:00"],
    ['2026-02-29T00:00:00Z', "'2026-02-29T00:00:00Z' is not a valid date-time (a field is out of range)"],
    ['2026-13-01T00:00:00Z', 'is not a valid date-time'],
    ['2026-01-01T24:00:00Z', 'is not a valid date-time'],
    ['2026-01-01T00:00:00.0001Z', "'2026-01-01T00:00:00.0001Z' is finer than a millisecond; virtual time is whole milliseconds"],
    ['1969-12-31T23:59:59Z', "'1969-12-31T23:59:59Z' is before 1970-01-01T00:00:00Z; the virtual clock starts at the epoch or later"],
    ['1970-01-01T00:30:00+01:00', 'is before 1970-01-01T00:00:00Z'],
  ])('%s is refused', (text, message) => {
    const r = parseStartDate(text);
    expect('error' in r && r.error).toContain(message);
  });
});

describe('startDate in scenario.yaml', () => {
  test('a bad startDate is an error with file:line', () => {
    const dir = scenario('until: 3\nstartDate: 2026-01-01\n', WORDS);
    expect(() => loadScenario(dir)).toThrow(`${path.join(dir, 'scenario.yaml')}:2: startDate: '2026-01-01' is not an ISO-8601 date-time`);
    fs.writeFileSync(path.join(dir, 'scenario.yaml'), 'until: 3\n\nstartDate: 2026\n');
    expect(() => loadScenario(dir)).toThrow(`${path.join(dir, 'scenario.yaml')}:3: startDate: must be a string (an ISO-8601 date-time, e.g. 2026-01-01T00:00:00Z), not 2026`);
  });

  test('PySpark headers read the date; stamps and batch headers count ms since the start; the timeline plays from the start', async () => {
    const dir = scenario('until: 2\ntimeline: timeline.yaml\nstartDate: 2026-01-01T00:00:00Z\n', WORDS.replace('FLAVOR', "'pyspark'"), QUEUE_TIMELINE);
    const r = await runScenario(dir);
    expect(r.transcript).toBe(
      [
        '# program: program.ts   timeline: timeline.yaml   until: 2 s   start: 2026-01-01T00:00:00Z',
        '',
        '[0 ms] StreamingContext 0 created: batch 1000 ms, pyspark',
        '[0 ms] StreamingContext 0 started: first batch at 1000 ms',
        "[200 ms] timeline q: 1 RDD pushed onto queue 'q'",
        '== batch 1000 ms ==',
        "input Queue input [0]: ['a', 'b']",
        '-------------------------------------------',
        'Time: 2026-01-01 00:00:01',
        '-------------------------------------------',
        'a',
        'b',
        '',
        "[1200 ms] timeline q: 1 RDD pushed onto queue 'q'",
        '== batch 2000 ms ==',
        "input Queue input [0]: ['c']",
        '-------------------------------------------',
        'Time: 2026-01-01 00:00:02',
        '-------------------------------------------',
        'c',
        '',
        '[2000 ms] StreamingContext 0 stopped (end of run; was ACTIVE)',
        '',
      ].join('\n'),
    );
    // The event log itself keeps the clock's times: epoch ms.
    expect(r.batchTimes).toEqual([1767225601000, 1767225602000]);
  });

  test('batches align to multiples of the batch interval since the epoch; Scala prints the epoch ms', async () => {
    const dir = scenario('until: 2\ntimeline: timeline.yaml\nstartDate: 2026-01-01T00:00:00.500Z\n', WORDS.replace('FLAVOR', "'scala'"), QUEUE_TIMELINE);
    const r = await runScenario(dir);
    expect(r.batchTimes).toEqual([1767225601000, 1767225602000]);
    expect(r.transcript).toContain('[0 ms] StreamingContext 0 started: first batch at 500 ms\n[200 ms] timeline q');
    expect(r.transcript).toContain('== batch 500 ms ==\ninput Queue input [0]: [a, b]\n-------------------------------------------\nTime: 1767225601000 ms\n');
    expect(r.transcript).toContain('[1200 ms] timeline q');
    expect(r.transcript).toContain('== batch 1500 ms ==');
    expect(r.transcript).toMatch(/\[2000 ms\] StreamingContext 0 stopped \(end of run; was ACTIVE\)\n$/);
  });

  test('the time zone applies to the date (PySpark prints local times)', async () => {
    const dir = scenario('until: 1\ntimeline: timeline.yaml\ntimeZone: Asia/Tokyo\nstartDate: 2026-01-01T00:00:00+09:00\n', WORDS.replace('FLAVOR', "'pyspark'"), QUEUE_TIMELINE);
    expect((await runScenario(dir)).printed).toContain('Time: 2026-01-01 00:00:01\n');
  });

  test('file mtimes are the date, and the transcript shows them since the start', async () => {
    const program = `import { SparkContext, StreamingContext } from 'dstream-sim';
const ssc = new StreamingContext(new SparkContext({ master: 'local[2]' }), 1);
ssc.textFileStream('in').foreachRDD((rdd) => console.log(rdd.collect().join(',')));
ssc.start();
await ssc.awaitTermination();
`;
    const timeline = 'sources:\n  d: { directory: in }\nevents:\n  - { at: 0.5, source: d, file: a.txt, content: "x\\n" }\n';
    const dir = scenario('until: 1\ntimeline: timeline.yaml\nstartDate: 2026-01-01T00:00:00Z\n', program, timeline);
    const r = await runScenario(dir);
    expect(r.transcript).toContain('[500 ms] timeline d: in/a.txt written (2 bytes, mtime 500 ms)');
    expect(r.transcript).toContain('[1000 ms] program: x');
  });
});

describe('the harness', () => {
  test('runStreams({ startDate }) prints dated headers and reports epoch batch times', async () => {
    let printed = '';
    const times10 = (s: DStream<unknown>): DStream<number> => {
      const m = s.map((x) => (x as number) * 10);
      m.pprint();
      return m;
    };
    const r = await runStreams<number>([[[1], [2]]], ([s]) => times10(s!), 2, {
      startDate: '2026-01-01T00:00:00Z',
      stdout: (t) => void (printed += t),
    });
    expect(printed).toContain('Time: 2026-01-01 00:00:01\n-------------------------------------------\n10\n');
    expect(printed).toContain('Time: 2026-01-01 00:00:02\n-------------------------------------------\n20\n');
    expect(r.batches.map((b) => b.timeMs)).toEqual([1767225601000, 1767225602000]);
  });

  test('withIsolatedJvm({ startDate }) starts the clock there; a bad date or two starts are refused', async () => {
    await withIsolatedJvm({ startDate: '2026-01-01T00:00:00.500Z', stdout: () => undefined }, async (jvm) => {
      expect(jvm.clock.now()).toBe(1767225600500);
      expect(jvm.startMs).toBe(1767225600500);
      const ssc = new StreamingContext(new SparkContext({ master: 'local[2]' }), 1);
      ssc.queueStream([[1]]).pprint();
      ssc.start();
      expect(jvm.log.events().find((e) => e.type === 'contextStarted')).toMatchObject({ startTimeMs: 1767225601000 });
      ssc.stop();
    });
    expect(() => withIsolatedJvm({ startDate: 'soon' }, () => 0)).toThrow("JvmOptions.startDate: 'soon' is not an ISO-8601 date-time");
    expect(() => withIsolatedJvm({ startDate: '2026-01-01T00:00:00Z', clockStartMs: 5 }, () => 0)).toThrow(
      'JvmOptions: give startDate or clockStartMs, not both',
    );
  });
});
