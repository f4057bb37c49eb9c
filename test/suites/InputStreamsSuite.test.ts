/**
 * Socket, file and queue inputs driven by timelines (Spark: InputStreamsSuite), on real loopback
 * sockets and real files, in virtual time.
 */
import { timeline, timelineQueue, type DStream, type Pair } from '../../src/index';
import { delivered, runWithTimeline } from '../__helpers__/timelineRun';

const wordCount = (ds: DStream<string>): DStream<Pair<string, number>> =>
  ds.flatMap((l) => l.split(' ')).map((w): Pair<string, number> => [w, 1]).reduceByKey((a, b) => a + b);

describe('socketTextStream', () => {
  test('socket input stream: each line lands in the batch of the interval it arrived in', async () => {
    const tl = timeline()
      .socket('nc', 'localhost:9000')
      .lines(0.2, 'nc', '1', '2')
      .lines(1.4, 'nc', '3')
      .lines(3.7, 'nc', '4', '5')
      .build();
    const r = await runWithTimeline(tl, (ssc) => ssc.socketTextStream('localhost', 9000).pprint(), 5);
    expect(delivered(r.events)).toEqual([
      [1000, ['1', '2']],
      [2000, ['3']],
      [3000, []],
      [4000, ['4', '5']],
      [5000, []],
    ]);
  });

  test('data arriving exactly on a batch boundary belongs to that batch (inputs before blocks before the batch)', async () => {
    const tl = timeline().socket('nc', 'localhost:9000').lines(1, 'nc', 'edge').lines(2.001, 'nc', 'after').build();
    const r = await runWithTimeline(tl, (ssc) => ssc.socketTextStream('localhost', 9000).pprint(), 3);
    expect(delivered(r.events)).toEqual([
      [1000, ['edge']],
      [2000, []],
      [3000, ['after']],
    ]);
  });

  test('each block is one partition; an empty batch has no partitions', async () => {
    const tl = timeline().socket('nc', 'localhost:9000').lines(0.1, 'nc', 'a').lines(0.5, 'nc', 'b').build();
    const parts: number[] = [];
    await runWithTimeline(tl, (ssc) => ssc.socketTextStream('localhost', 9000).foreachRDD((rdd) => void parts.push(rdd.getNumPartitions())), 2);
    expect(parts).toEqual([2, 0]);
  });

  test('a partial last line is emitted when the server closes the connection', async () => {
    const tl = timeline().socket('nc', 'localhost:9000').lines(0.1, 'nc', 'whole').data(0.2, 'nc', 'part').data(0.3, 'nc', 'ial').close(0.5, 'nc').build();
    const r = await runWithTimeline(tl, (ssc) => ssc.socketTextStream('localhost', 9000).pprint(), 1);
    expect(delivered(r.events)).toEqual([[1000, ['whole', 'partial']]]);
  });

  test('a multi-byte character split across packets arrives whole', async () => {
    const bytes = [...Buffer.from('안녕 세계\n', 'utf8')];
    const tl = timeline().socket('nc', 'localhost:9000').data(0.1, 'nc', bytes.slice(0, 2)).data(0.2, 'nc', bytes.slice(2, 7)).data(0.3, 'nc', bytes.slice(7)).build();
    const r = await runWithTimeline(tl, (ssc) => wordCount(ssc.socketTextStream('localhost', 9000)).pprint(), 1);
    expect(delivered(r.events)).toEqual([[1000, ['안녕 세계']]]);
    expect(r.printed).toContain("('안녕', 1)");
  });

  test('\\r, \\n and \\r\\n all end a line, even when \\r\\n is split across packets', async () => {
    const tl = timeline().socket('nc', 'localhost:9000').data(0.1, 'nc', 'a\rb\r').data(0.2, 'nc', '\nc\n').build();
    const r = await runWithTimeline(tl, (ssc) => ssc.socketTextStream('localhost', 9000).pprint(), 1);
    expect(delivered(r.events)).toEqual([[1000, ['a', 'b', 'c']]]);
  });

  test('server closes mid-stream: the receiver restarts after 2 s and reconnects; lines in between are not delivered', async () => {
    const tl = timeline()
      .socket('nc', 'localhost:9000')
      .lines(0.5, 'nc', 'before')
      .close(1.2, 'nc')
      .open(1.5, 'nc')
      .lines(2.0, 'nc', 'lost')
      .lines(3.5, 'nc', 'after')
      .build();
    const r = await runWithTimeline(tl, (ssc) => ssc.socketTextStream('localhost', 9000).pprint(), 4);
    expect(delivered(r.events)).toEqual([
      [1000, ['before']],
      [2000, []],
      [3000, []],
      [4000, ['after']],
    ]);
    const errors = r.events.filter((e) => e.type === 'receiverError');
    expect(errors).toEqual([expect.objectContaining({ message: 'Socket data stream had no more data', at: 1200 })]);
    expect(r.events).toContainEqual(expect.objectContaining({ type: 'timelineEvent', at: 2000, undelivered: true }));
  });

  test('nothing serves the address: "Error connecting to host:port", retried every 2 s of virtual time', async () => {
    const r = await runWithTimeline(timeline().build(), (ssc) => ssc.socketTextStream('localhost', 9999).pprint(), 5);
    const errors = r.events.filter((e) => e.type === 'receiverError');
    expect(errors.map((e) => [e.at, e.type === 'receiverError' ? e.message : ''])).toEqual([
      [0, 'Error connecting to localhost:9999'],
      [2000, 'Error connecting to localhost:9999'],
      [4000, 'Error connecting to localhost:9999'],
    ]);
    expect(errors[0]).toMatchObject({ error: 'java.net.ConnectException: Connection refused (Connection refused)' });
    expect(delivered(r.events).every(([, recs]) => recs?.length === 0)).toBe(true);
  });

  test('a closed server refuses connections until it opens again', async () => {
    const tl = timeline().socket('nc', 'localhost:9000').close(0.5, 'nc').open(4.2, 'nc').lines(6.5, 'nc', 'back').build();
    const r = await runWithTimeline(tl, (ssc) => ssc.socketTextStream('localhost', 9000).pprint(), 7);
    const errors = r.events.filter((e) => e.type === 'receiverError').map((e) => (e.type === 'receiverError' ? [e.at, e.message] : []));
    // Closed at 0.5 s → restart; the retry at 2.5 s is refused; the one at 4.5 s connects (opened at 4.2 s).
    expect(errors).toEqual([
      [500, 'Socket data stream had no more data'],
      [2500, 'Error connecting to localhost:9000'],
    ]);
    expect(delivered(r.events).pop()).toEqual([7000, ['back']]);
  });

  // Record order within a batch follows the simulator's hash partitioning (Spark leaves it unspecified).
  test('the study notes’ `nc -lk 9000` word count, batch 3 s, prints what PySpark would', async () => {
    const tl = timeline()
      .socket('nc', 'localhost:9000')
      .lines(1, 'nc', 'hello spark')
      .lines(2, 'nc', 'hello streaming')
      .lines(4, 'nc', 'spark spark')
      .build();
    const r = await runWithTimeline(tl, (ssc) => wordCount(ssc.socketTextStream('localhost', 9000)).pprint(), 6, { batch: 3 });
    expect(r.printed).toBe(
      [
        '-------------------------------------------',
        'Time: 1970-01-01 00:00:03',
        '-------------------------------------------',
        "('hello', 2)",
        "('streaming', 1)",
        "('spark', 1)",
        '',
        '-------------------------------------------',
        'Time: 1970-01-01 00:00:06',
        '-------------------------------------------',
        "('spark', 2)",
        '',
        '',
      ].join('\n'),
    );
  });

  test('the same timeline gives byte-identical output over 100 runs', async () => {
    const tl = timeline()
      .socket('nc', 'localhost:9000')
      .lines(0.3, 'nc', 'a b c', 'b c')
      .data(0.9, 'nc', 'c d\nd')
      .data(1.1, 'nc', ' e\n')
      .lines(2, 'nc', 'x')
      .close(2.5, 'nc')
      .lines(3, 'nc', 'lost')
      .lines(4.9, 'nc', 'y y')
      .build();
    const render = async (): Promise<string> => {
      const r = await runWithTimeline(tl, (ssc) => wordCount(ssc.socketTextStream('localhost', 9000)).pprint(), 6);
      return r.printed + JSON.stringify(r.events.map(({ type, at, ...rest }) => [type, at, 'records' in rest ? rest.records : null]));
    };
    const first = await render();
    for (let i = 0; i < 99; i++) expect(await render()).toBe(first);
  });
});

test('a block interval that is not positive is refused at start', async () => {
  const { SparkConf, SparkContext, StreamingContext, withIsolatedJvm } = await import('../../src/index');
  await withIsolatedJvm({ stdout: () => undefined }, () => {
    const conf = new SparkConf().set('spark.streaming.blockInterval', '0ms');
    const ssc = new StreamingContext(new SparkContext({ master: 'local[2]', conf }), 1);
    ssc.socketTextStream('localhost', 9000).pprint();
    expect(() => ssc.start()).toThrow("requirement failed: 'spark.streaming.blockInterval' should be a positive value");
    expect(ssc.getState()).toBe('STOPPED');
  });
});

describe('textFileStream', () => {
  test('file input stream: new files are picked once, in the batch after they appear', async () => {
    const tl = timeline()
      .directory('in', 'input')
      .file(0.5, 'in', 'a.txt', '1\n2\n')
      .file(2.2, 'in', 'b.txt', '3')
      .build();
    const r = await runWithTimeline(tl, (ssc) => ssc.textFileStream('input').pprint(), 4);
    expect(delivered(r.events)).toEqual([
      [1000, ['1', '2']],
      [2000, []],
      [3000, ['3']],
      [4000, []],
    ]);
  });

  test('a file with an old modification time is ignored (newFilesOnly)', async () => {
    const tl = timeline().directory('in', 'input').file(1.5, 'in', 'old.txt', 'old\n', { mtime: 0 }).file(1.5, 'in', 'new.txt', 'new\n').build();
    const r = await runWithTimeline(tl, (ssc) => ssc.textFileStream('input').pprint(), 3);
    expect(delivered(r.events)).toEqual([
      [1000, []],
      [2000, ['new']],
      [3000, []],
    ]);
  });

  test('newFilesOnly = false also picks files older than the stream, within the remember window', async () => {
    const tl = timeline().directory('in', 'input').file(1.5, 'in', 'old.txt', 'old\n', { mtime: 0.5 }).build();
    const r = await runWithTimeline(tl, (ssc) => ssc.fileStream('input', undefined, false).pprint(), 3);
    expect(delivered(r.events)).toEqual([
      [1000, []],
      [2000, ['old']],
      [3000, []],
    ]);
  });

  test('a modification time after the batch time waits for a later batch', async () => {
    const tl = timeline().directory('in', 'input').file(0.5, 'in', 'future.txt', 'f\n', { mtime: 2.5 }).build();
    const r = await runWithTimeline(tl, (ssc) => ssc.textFileStream('input').pprint(), 3);
    expect(delivered(r.events)).toEqual([
      [1000, []],
      [2000, []],
      [3000, ['f']],
    ]);
  });

  test('hidden files are skipped; files starting with _ are not', async () => {
    const tl = timeline().directory('in', 'input').file(0.5, 'in', '.hidden', 'h\n').file(0.5, 'in', '_under', 'u\n').build();
    const r = await runWithTimeline(tl, (ssc) => ssc.textFileStream('input').pprint(), 1);
    expect(delivered(r.events)).toEqual([[1000, ['u']]]);
  });

  test('a file changed after being picked is not read again', async () => {
    const tl = timeline().directory('in', 'input').file(0.5, 'in', 'a.txt', 'v1\n').file(1.5, 'in', 'a.txt', 'v2\n').build();
    const r = await runWithTimeline(tl, (ssc) => ssc.textFileStream('input').pprint(), 3);
    expect(delivered(r.events)).toEqual([
      [1000, ['v1']],
      [2000, []],
      [3000, []],
    ]);
  });

  test('the remember window is ceil(60 s / batch) batches: a late file older than that is never picked', async () => {
    const tl = timeline()
      .directory('in', 'input')
      .file(70.5, 'in', 'late.txt', 'late\n', { mtime: 5 })
      .file(70.5, 'in', 'recent.txt', 'recent\n', { mtime: 20 })
      .build();
    const r = await runWithTimeline(tl, (ssc) => ssc.textFileStream('input').pprint(), 78, { batch: 7 });
    // batch 7 s: remember = ceil(60/7) × 7 = 63 s; at t = 77 the threshold is 14 s.
    expect(delivered(r.events).filter(([, recs]) => (recs?.length ?? 0) > 0)).toEqual([[77000, ['recent']]]);
  });

  test('a missing directory gives empty batches and a warning', async () => {
    const r = await runWithTimeline(timeline().build(), (ssc) => ssc.textFileStream('nowhere').pprint(), 1);
    expect(delivered(r.events)).toEqual([[1000, []]]);
    expect(r.events).toContainEqual(expect.objectContaining({ type: 'warning', message: expect.stringMatching(/^No directory to scan: /) }));
  });
});

describe('queueStream on a timeline', () => {
  test.each([
    [true, [[1000, [1]], [2000, []], [3000, [2]], [4000, [3]], [5000, []]]],
    [false, [[1000, [1]], [2000, []], [3000, [2, 3]], [4000, []], [5000, []]]],
  ] as const)('RDDs pushed at given times (oneAtATime = %s)', async (oneAtATime, expected) => {
    const tl = timeline().queue('q').push(0.5, 'q', [1]).push(2.5, 'q', [2], [3]).build();
    const r = await runWithTimeline(tl, (ssc) => ssc.queueStream<number>(timelineQueue('q'), oneAtATime).pprint(), 5);
    expect(delivered(r.events)).toEqual(expected);
  });

  test('a default RDD fills batches where nothing was pushed', async () => {
    const tl = timeline().queue('q').push(1.5, 'q', [7]).build();
    const r = await runWithTimeline(tl, (ssc) => ssc.queueStream<number>(timelineQueue('q'), true, [0]).pprint(), 3);
    expect(delivered(r.events)).toEqual([
      [1000, [0]],
      [2000, [7]],
      [3000, [0]],
    ]);
  });
});

describe('several inputs at once', () => {
  test('a socket and a directory unioned: each input is reported per batch', async () => {
    const tl = timeline()
      .socket('nc', 'localhost:9000')
      .directory('in', 'input')
      .lines(0.5, 'nc', 'from socket')
      .file(0.7, 'in', 'f.txt', 'from file\n')
      .lines(1.5, 'nc', 'again')
      .build();
    const r = await runWithTimeline(
      tl,
      (ssc) => ssc.socketTextStream('localhost', 9000).union(ssc.textFileStream('input')).pprint(),
      2,
    );
    expect(delivered(r.events, 'Socket input [0]')).toEqual([
      [1000, ['from socket']],
      [2000, ['again']],
    ]);
    expect(delivered(r.events, 'File input [1]')).toEqual([
      [1000, ['from file']],
      [2000, []],
    ]);
    expect(r.printed).toContain('from socket\nfrom file\n');
  });
});
