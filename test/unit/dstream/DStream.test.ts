/**
 * Members every DStream has (Spark: `DStream`): `slice` alignment (Spark logs a warning and
 * floors a time that is not on the slide), persistence rules of window streams (they persist
 * their parent), and names.
 */
import {
  ArithmeticError,
  Interval,
  SimulationError,
  SparkError,
  StorageLevel,
  Time,
  UnsupportedOperationError,
  runOperation,
  runStreams,
  type DStream,
  type RDD,
} from 'dstream-sim';
import { inJvm, makeContexts } from '../../__helpers__/sim';

describe('slice', () => {
  /** Inside the first batch's job (time 4 s): slice a 2 s window stream and note what it says. */
  async function sliceWindowAt4s(
    call: (w: DStream<number>) => RDD<number>[],
  ): Promise<{ records: number[][]; warnings: string[] }> {
    let records: number[][] = [];
    let warnings: string[] = [];
    await runOperation(
      [[1], [2], [3], [4], [5], [6]],
      (ds) => {
        const w = ds.window(2, 2);
        w.foreachRDD((t: Time, _rdd: RDD<number>) => {
          if (t.milliseconds !== 4000) return;
          records = call(w).map((r) => r.collect());
          warnings = w
            .context()
            .events()
            .flatMap((e) => (e.type === 'warning' ? [e.message] : []));
        });
        return w;
      },
      4,
      { keepEvents: true }, // the operation reads the context's event log
    );
    return { records, warnings };
  }

  test('times on the slide are used as given, both ends inclusive', async () => {
    const r = await sliceWindowAt4s((w) => w.slice(2, 4));
    expect(r).toEqual({ records: [[1, 2], [3, 4]], warnings: [] });
  });

  test('a time off the slide is floored to it, with Spark’s warning naming which end', async () => {
    const r = await sliceWindowAt4s((w) => w.slice(3, 5));
    expect(r.records).toEqual([[1, 2], [3, 4]]);
    expect(r.warnings).toEqual([
      'fromTime (3000 ms) is not a multiple of slideDuration (2000 ms)',
      'toTime (5000 ms) is not a multiple of slideDuration (2000 ms)',
    ]);
  });

  test('an Interval gives the same RDDs as its two ends', async () => {
    const r = await sliceWindowAt4s((w) => w.slice(new Interval(new Time(2000), new Time(4000))));
    expect(r).toEqual({ records: [[1, 2], [3, 4]], warnings: [] });
  });

  test('before the context started: Spark’s "has not been initialized"; a time that is not a number names which end', () =>
    inJvm(() => {
      const { ssc } = makeContexts();
      const q = ssc.queueStream<number>([[1]]);
      expect(() => q.slice(1, 2)).toThrow(new SparkError(`${q.name} has not been initialized`));
      expect(() => q.slice(Number.NaN, 2)).toThrow(new SimulationError('DStream.slice: fromTime must be a finite number of seconds, got NaN'));
      expect(() => q.slice(1, Number.POSITIVE_INFINITY)).toThrow(
        new SimulationError('DStream.slice: toTime must be a finite number of seconds, got Infinity'),
      );
    }));

  test('one time alone slices just that batch; times at or before zero time give nothing', async () => {
    expect((await sliceWindowAt4s((w) => w.slice(4))).records).toEqual([[3, 4]]);
    expect((await sliceWindowAt4s((w) => w.slice(-2, 0))).records).toEqual([]);
  });
});

describe('persist on window streams', () => {
  // Spark: WindowedDStream and ReducedWindowedDStream override persist to persist their parent
  // (the reduced stream) — so the rule "no persist after start" reaches them through it.
  test.each([
    ['window', (ds: DStream<[string, number]>) => ds.window(2, 1)],
    ['reduceByKeyAndWindow', (ds: DStream<[string, number]>) => ds.reduceByKeyAndWindow((a, b) => a + b, (a, b) => a - b, 2, 1)],
  ])('%s: persist() after start is refused with Spark’s message', (_name, make) =>
    inJvm(() => {
      const { ssc } = makeContexts('scala');
      ssc.checkpoint('/tmp/cp');
      const w = make(ssc.queueStream<[string, number]>([]));
      w.pprint();
      expect(() => w.persist()).not.toThrow();
      ssc.start();
      expect(() => w.persist()).toThrow('Cannot change storage level of a DStream after streaming context has started');
      ssc.stop();
    }));
});

describe('names', () => {
  test('a stream prints as "<operation> [<id>]", ids in creation order', () =>
    inJvm(() => {
      const { ssc } = makeContexts();
      const q = ssc.queueStream<number>([[1]]);
      const m = q.map((x) => x);
      expect(String(q)).toBe('Queue input [0]'); // an input is named as Spark names it
      expect(`${m}`).toBe('map [1]');
      expect(m.className).toBe('MappedDStream');
    }));
});

describe('storage levels of generated RDDs', () => {
  /** The storage level of each RDD the stream made. */
  async function levels(flavor: 'pyspark' | 'scala', make: (ds: DStream<number>) => DStream<number>): Promise<string[]> {
    const seen: string[] = [];
    await runOperation(
      [[1], [2]],
      (ds) => {
        const out = make(ds);
        out.foreachRDD((rdd: RDD<number>) => void seen.push(rdd.getStorageLevel()));
        return out;
      },
      2,
      { flavor },
    );
    return seen;
  }

  test('a stream not persisted makes RDDs that are not persisted', async () => {
    expect(await levels('pyspark', (ds) => ds.map((x) => x))).toEqual(['NONE', 'NONE']);
  });

  test('cache(): PySpark persists MEMORY_ONLY, Scala MEMORY_ONLY_SER (Spark’s DStream defaults)', async () => {
    expect(await levels('pyspark', (ds) => ds.map((x) => x).cache())).toEqual(['MEMORY_ONLY', 'MEMORY_ONLY']);
    expect(await levels('scala', (ds) => ds.map((x) => x).cache())).toEqual(['MEMORY_ONLY_SER', 'MEMORY_ONLY_SER']);
  });

  test('persist(level) persists every RDD at that level', async () => {
    expect(await levels('scala', (ds) => ds.map((x) => x).persist(StorageLevel.DISK_ONLY))).toEqual(['DISK_ONLY', 'DISK_ONLY']);
  });

  test('an RDD already at the stream’s level is fine; one at another level is refused as Spark refuses it (the batch’s job generation fails)', () =>
    inJvm(async () => {
      const { ssc } = makeContexts('scala');
      const same = ssc.sparkContext.parallelize([1]).persist(StorageLevel.MEMORY_ONLY_SER);
      const other = ssc.sparkContext.parallelize([2]).persist(StorageLevel.DISK_ONLY);
      const seen: string[] = [];
      ssc.queueStream<number>([same, other]).cache().foreachRDD((rdd: RDD<number>) => void seen.push(rdd.getStorageLevel()));
      ssc.start();
      const error = await ssc.awaitTerminationOrTimeout(2).catch((e: unknown) => e);
      ssc.stop();
      expect(seen).toEqual(['MEMORY_ONLY_SER']);
      expect(error).toBeInstanceOf(UnsupportedOperationError);
      expect((error as Error).message).toBe('Cannot change storage level of an RDD after it was already assigned a level');
    }));
});

describe('checkpoint interval equal to the slide', () => {
  // Spark: DStream.initialize raises the remember duration to 2 × the checkpoint interval when
  // the slide is <= that interval, so a stream checkpointed at its own slide is valid.
  test('checkpoint(slide) starts and checkpoints every batch', async () => {
    const checkpointed: boolean[] = [];
    const kept: RDD<number>[] = [];
    await runOperation(
      [[1], [2], [3]],
      (ds) => {
        const c = ds.map((x) => x).checkpoint(1);
        c.foreachRDD((rdd: RDD<number>) => {
          checkpointed.push(...kept.map((r) => r.isCheckpointed()));
          kept.length = 0;
          kept.push(rdd);
        });
        return c;
      },
      3,
      { checkpoint: true },
    );
    expect(checkpointed).toEqual([true, true]);
  });

  test('a stream persisted at NONE after checkpoint() is refused at start with Spark’s message', () =>
    inJvm(() => {
      const { ssc } = makeContexts('scala');
      ssc.checkpoint('/tmp/cp');
      ssc.queueStream<number>([[1]]).map((x) => x).checkpoint(2).persist(StorageLevel.NONE).pprint();
      expect(() => ssc.start()).toThrow(
        'requirement failed: MappedDStream has been marked for checkpointing but the storage level has not been set to enable persisting. Please use DStream.persist() to set the storage level to use memory for better checkpointing performance.',
      );
    }));
});

describe('zero time (Spark: DStream.initialize and isTimeValid)', () => {
  test('asking a stream of a context that never started whether a time is valid: Spark’s "has not been initialized"', () =>
    inJvm(() => {
      const { ssc } = makeContexts();
      const mapped = ssc.queueStream<number>([[1]]).map((x) => x + 1);
      let error: unknown;
      try {
        mapped.isTimeValid(new Time(1000));
      } catch (e) {
        error = e;
      }
      expect((error as Error).message).toBe(`${mapped.name} has not been initialized`);
      expect((error as { errorClass?: string }).errorClass).toBe('DSTREAM_NOT_INITIALIZED');
    }));

  test('a second initialize with another zero time is refused with Spark’s message; the same one is fine', () =>
    inJvm(() => {
      const { ssc } = makeContexts();
      const mapped = ssc.queueStream<number>([[1]]).map((x) => x + 1);
      mapped.initialize(new Time(0));
      expect(() => mapped.initialize(new Time(0))).not.toThrow();
      expect(() => mapped.initialize(new Time(1000))).toThrow('ZeroTime is already initialized to 0 ms, cannot initialize it again to 1000 ms');
      expect(mapped.isTimeValid(new Time(0))).toBe(false);
      expect(mapped.isTimeValid(new Time(2000))).toBe(true);
    }));

  test('a window sliding every 0 s passes the window checks (0 is a multiple of the batch) and fails at its first batch: Spark’s ArithmeticException "/ by zero"', async () => {
    const error = await runStreams<number>([[[1], [2]]], (s) => (s[0] as DStream<number>).window(2, 0), 2).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArithmeticError);
    expect(String(error)).toBe('java.lang.ArithmeticException: / by zero');
  });

  test('a window’s batches are counted from the zero time: started at 1 s (zero time 1 s), a 4 s slide fires at 5 s and 9 s', () =>
    inJvm(
      async () => {
        const { ssc } = makeContexts();
        const fired: number[] = [];
        ssc
          .queueStream<number>([[1], [2], [3], [4], [5], [6], [7], [8]])
          .window(4, 4)
          .foreachRDD((t: Time, _rdd: RDD<number>) => void fired.push(t.milliseconds));
        ssc.start();
        await ssc.awaitTerminationOrTimeout(9);
        ssc.stop();
        expect(fired).toEqual([5000, 9000]);
      },
      { clockStartMs: 1000 },
    ));
});

describe('persist and checkpoint after start, and a bad interval', () => {
  test.each([
    ['persist', (ds: DStream<number>) => ds.persist(), 'Cannot change storage level of a DStream after streaming context has started', 'PERSIST_AFTER_START'],
    ['checkpoint', (ds: DStream<number>) => ds.checkpoint(2), 'Cannot change checkpoint interval of a DStream after streaming context has started', 'CHECKPOINT_AFTER_START'],
  ] as const)('%s after start: Spark’s UnsupportedOperationException and its error class', (_name, call, message, errorClass) =>
    inJvm(() => {
      const { ssc } = makeContexts();
      const q = ssc.queueStream<number>([[1]]);
      q.pprint();
      ssc.start();
      let error: unknown;
      try {
        call(q);
      } catch (e) {
        error = e;
      }
      ssc.stop();
      expect(error).toBeInstanceOf(UnsupportedOperationError);
      expect((error as UnsupportedOperationError).message).toBe(message);
      expect((error as UnsupportedOperationError).errorClass).toBe(errorClass);
    }));

  test('checkpoint(interval) with an interval that is not a number of seconds names the call and the parameter', () =>
    inJvm(() => {
      const { ssc } = makeContexts();
      expect(() => ssc.queueStream<number>([[1]]).checkpoint(Number.NaN)).toThrow(
        new SimulationError('DStream.checkpoint: interval must be a finite number of seconds, got NaN'),
      );
    }));
});

describe('count() of an RDD without partitions (Spark: DStream.count; PySpark: DStream.count)', () => {
  test.each([
    ['scala', [[0]]],
    ['pyspark', []],
  ] as const)('%s: %j', (flavor, expected) =>
    inJvm(async () => {
      const { ssc } = makeContexts(flavor);
      const out: number[][] = [];
      ssc
        .queueStream<number>([ssc.sparkContext.emptyRDD<number>()])
        .count()
        .foreachRDD((rdd: RDD<number>) => {
          const xs = rdd.collect();
          if (xs.length > 0) out.push(xs);
        });
      ssc.start();
      await ssc.awaitTerminationOrTimeout(1);
      ssc.stop();
      expect(out).toEqual(expected);
    }));
});
