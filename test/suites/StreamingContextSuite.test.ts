/**
 * The lifecycle rules of spark-semantics §1 (Spark: StreamingContextSuite), each with Spark's
 * message. The first six are the rules the study notes teach.
 */
import {
  IllegalArgumentError,
  IllegalStateError,
  SimulationError,
  SparkConf,
  SparkContext,
  StreamingContext,
  UnsupportedOperationError,
  withIsolatedJvm,
  type CallRefusedEvent,
  type DStream,
  type RDD,
  type Time,
} from '../../src/index';
import { inJvm, makeContexts } from '../__helpers__/sim';

const ADD_AFTER_START =
  'Adding new inputs, transformations, and output operations after starting a context is not supported';
const ADD_AFTER_STOP =
  'Adding new inputs, transformations, and output operations after stopping a context is not supported';

function withOutput(ssc: StreamingContext): DStream<number> {
  const ds = ssc.queueStream<number>([[1], [2], [3]]);
  ds.pprint();
  return ds;
}

function refusals(ssc: StreamingContext): CallRefusedEvent[] {
  return ssc.events().filter((e): e is CallRefusedEvent => e.type === 'callRefused');
}

describe('StreamingContext lifecycle', () => {
  test('rule 1 - explicit start and stop: INITIALIZED → ACTIVE → STOPPED', () =>
    inJvm(() => {
      const { ssc } = makeContexts();
      withOutput(ssc);
      expect(ssc.getState()).toBe('INITIALIZED');
      ssc.start();
      expect(ssc.getState()).toBe('ACTIVE');
      ssc.stop();
      expect(ssc.getState()).toBe('STOPPED');
    }));

  test('rule 2a - start twice only logs a warning and stays ACTIVE', () =>
    inJvm(() => {
      const { ssc } = makeContexts();
      withOutput(ssc);
      ssc.start();
      expect(() => ssc.start()).not.toThrow();
      expect(ssc.getState()).toBe('ACTIVE');
      expect(ssc.events()).toContainEqual(
        expect.objectContaining({ type: 'warning', message: 'StreamingContext has already been started' }),
      );
    }));

  test('rule 2b - a stopped context can never be restarted', () =>
    inJvm(() => {
      const { ssc } = makeContexts();
      withOutput(ssc);
      ssc.start();
      ssc.stop();
      expect(() => ssc.start()).toThrow(new IllegalStateError('StreamingContext has already been stopped'));
      expect(() => ssc.start()).toThrow(IllegalStateError);
      expect(ssc.getState()).toBe('STOPPED');
      expect(refusals(ssc)[0]).toMatchObject({
        call: 'StreamingContext.start()',
        rule: 'start-after-stop',
        message: 'StreamingContext has already been stopped',
      });
    }));

  test('rule 2c - stop before start is legal and makes the context unstartable', () =>
    inJvm(() => {
      const { sc, ssc } = makeContexts();
      withOutput(ssc);
      ssc.stop(false);
      expect(ssc.getState()).toBe('STOPPED');
      expect(ssc.events()).toContainEqual(
        expect.objectContaining({ type: 'warning', message: 'StreamingContext has not been started yet' }),
      );
      expect(() => ssc.start()).toThrow('StreamingContext has already been stopped');
      expect(sc.isStopped).toBe(false);
    }));

  test('rule 2d - stopping twice only warns', () =>
    inJvm(() => {
      const { ssc } = makeContexts();
      withOutput(ssc);
      ssc.start();
      ssc.stop(false);
      expect(() => ssc.stop(false)).not.toThrow();
      expect(ssc.events()).toContainEqual(
        expect.objectContaining({ type: 'warning', message: 'StreamingContext has already been stopped' }),
      );
    }));

  test.each(['scala', 'pyspark'] as const)(
    'rule 3 - no input, transformation or output can be added after start (%s)',
    (flavor) =>
      inJvm(() => {
        const { ssc } = makeContexts(flavor);
        const ds = withOutput(ssc);
        ssc.start();
        expect(() => ssc.queueStream([[1]])).toThrow(new IllegalStateError(ADD_AFTER_START));
        expect(() => ds.pprint()).toThrow(ADD_AFTER_START);
        expect(() => ds.foreachRDD(() => undefined)).toThrow(ADD_AFTER_START);
        expect(() => ds.window(2, 1)).toThrow(ADD_AFTER_START);
        expect(() => ds.union(ds)).toThrow(ADD_AFTER_START);
        if (flavor === 'scala') {
          expect(() => ds.map((x) => x)).toThrow(ADD_AFTER_START);
        } else {
          // PySpark builds map/filter/... lazily: refused only when an output operation uses them.
          const mapped = ds.map((x) => x);
          expect(() => mapped.pprint()).toThrow(ADD_AFTER_START);
        }
        expect(refusals(ssc).every((r) => r.rule === 'add-after-start')).toBe(true);
      }),
  );

  test('rule 3b - nothing can be added after stop either', () =>
    inJvm(() => {
      const { ssc } = makeContexts('scala');
      const ds = withOutput(ssc);
      ssc.start();
      ssc.stop(false);
      expect(() => ds.map((x) => x)).toThrow(new IllegalStateError(ADD_AFTER_STOP));
      expect(() => ssc.queueStream([[1]])).toThrow(ADD_AFTER_STOP);
    }));

  test('rule 4 - only one StreamingContext may be active; the refused one stays INITIALIZED', () =>
    inJvm(() => {
      const sc = new SparkContext({ master: 'local[2]', appName: 'two' });
      const ssc1 = new StreamingContext(sc, 1);
      const ssc2 = new StreamingContext(sc, 1);
      withOutput(ssc1);
      withOutput(ssc2);
      ssc1.start();
      let error: unknown;
      try {
        ssc2.start();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(IllegalStateError);
      expect((error as Error).message).toMatch(
        /^Only one StreamingContext may be started in this JVM\. Currently running StreamingContext was started at\n/,
      );
      expect(ssc2.getState()).toBe('INITIALIZED');
      expect(StreamingContext.getActive()).toBe(ssc1);
      ssc1.stop(false);
      ssc2.start();
      expect(ssc2.getState()).toBe('ACTIVE');
      expect(StreamingContext.getActive()).toBe(ssc2);
      ssc2.stop();
    }));

  test('rule 5a - stop() also stops the SparkContext', () =>
    inJvm(() => {
      const { sc, ssc } = makeContexts();
      withOutput(ssc);
      ssc.start();
      ssc.stop();
      expect(sc.isStopped).toBe(true);
      expect(() => sc.parallelize([1])).toThrow(IllegalStateError);
      expect(() => sc.parallelize([1])).toThrow(/^Cannot call methods on a stopped SparkContext\.\n/);
      expect(() => new StreamingContext(sc, 1)).toThrow(/^Cannot call methods on a stopped SparkContext\./);
    }));

  test('rule 5b - stop(false) keeps the SparkContext running', () =>
    inJvm(async () => {
      const { sc, ssc } = makeContexts();
      withOutput(ssc);
      ssc.start();
      ssc.stop(false);
      expect(sc.isStopped).toBe(false);
      expect(sc.parallelize([1, 2, 3]).count()).toBe(3);
    }));

  test('rule 5c - stop(true) after stop(false) stops the SparkContext', () =>
    inJvm(() => {
      const { sc, ssc } = makeContexts();
      withOutput(ssc);
      ssc.start();
      ssc.stop(false);
      ssc.stop(true);
      expect(sc.isStopped).toBe(true);
    }));

  test('rule 5d - Scala reads spark.streaming.stopSparkContextByDefault; PySpark always stops by default', () =>
    inJvm(() => {
      const conf = new SparkConf().set('spark.streaming.stopSparkContextByDefault', false);
      const scalaSc = new SparkContext({ master: 'local[2]', conf, flavor: 'scala' });
      const s1 = new StreamingContext(scalaSc, 1);
      withOutput(s1);
      s1.start();
      s1.stop();
      expect(scalaSc.isStopped).toBe(false);
      const pySc = new SparkContext({ master: 'local[2]', conf, flavor: 'pyspark' });
      const s2 = new StreamingContext(pySc, 1);
      withOutput(s2);
      s2.start();
      s2.stop();
      expect(pySc.isStopped).toBe(true);
    }));

  test('rule 6 - several contexts, one after another, from one SparkContext, each with its own zeroTime', () =>
    inJvm(async (jvm) => {
      const sc = new SparkContext({ master: 'local[2]' });
      const seen: [number, number][] = [];
      for (let i = 0; i < 3; i++) {
        const ssc = new StreamingContext(sc, 1);
        ssc.queueStream<number>([[i]]).foreachRDD((time: Time, rdd: RDD<number>) => {
          if (rdd.count() > 0) seen.push([i, time.milliseconds]);
        });
        ssc.start();
        await ssc.awaitTerminationOrTimeout(2.5);
        ssc.stop(false);
      }
      expect(seen).toEqual([
        [0, 1000],
        [1, 3000],
        [2, 6000],
      ]);
      expect(jvm.clock.now()).toBe(7500);
      const started = jvm.log.events().filter((e) => e.type === 'contextStarted');
      expect(started.map((e) => (e.type === 'contextStarted' ? e.zeroTimeMs : -1))).toEqual([0, 2000, 5000]);
    }));

  test('no output operations: start fails with Spark message and the context is STOPPED', () =>
    inJvm(() => {
      const { ssc } = makeContexts();
      ssc.queueStream([[1]]).map((x) => x);
      expect(() => ssc.start()).toThrow(
        new IllegalArgumentError('requirement failed: No output operations registered, so nothing to execute'),
      );
      expect(ssc.getState()).toBe('STOPPED');
      expect(StreamingContext.getActive()).toBeUndefined();
      expect(refusals(ssc)[0]?.rule).toBe('no-output-operations');
    }));

  test('a failed start (missing checkpoint directory) leaves the context STOPPED for good', () =>
    inJvm(() => {
      const { ssc } = makeContexts();
      ssc.queueStream<[string, number]>([[['a', 1]]])
        .updateStateByKey((vs: number[], s: number | undefined) => (s ?? 0) + vs.length)
        .pprint();
      expect(() => ssc.start()).toThrow(
        'requirement failed: The checkpoint directory has not been set. Please set it by StreamingContext.checkpoint().',
      );
      expect(ssc.getState()).toBe('STOPPED');
      expect(() => ssc.start()).toThrow('StreamingContext has already been stopped');
    }));

  test('getActive and getActiveOrCreate', () =>
    inJvm(() => {
      expect(StreamingContext.getActive()).toBeUndefined();
      let created = 0;
      const create = (): StreamingContext => {
        created++;
        const { ssc } = makeContexts();
        withOutput(ssc);
        return ssc;
      };
      const a = StreamingContext.getActiveOrCreate(create);
      expect(created).toBe(1);
      expect(a.getState()).toBe('INITIALIZED');
      expect(StreamingContext.getActive()).toBeUndefined();
      a.start();
      expect(StreamingContext.getActive()).toBe(a);
      expect(StreamingContext.getActiveOrCreate(create)).toBe(a);
      expect(created).toBe(1);
      a.stop();
      expect(StreamingContext.getActive()).toBeUndefined();
      expect(() => StreamingContext.getActiveOrCreate(null, undefined as unknown as () => StreamingContext)).toThrow(
        'setupFunc should be callable.',
      );
    }));

  test('persist and checkpoint are refused after start', () =>
    inJvm(() => {
      const { ssc } = makeContexts();
      const ds = withOutput(ssc);
      ssc.start();
      expect(() => ds.persist()).toThrow(
        new UnsupportedOperationError('Cannot change storage level of a DStream after streaming context has started'),
      );
      expect(() => ds.checkpoint(10)).toThrow(
        'Cannot change checkpoint interval of a DStream after streaming context has started',
      );
    }));

  test('remember can be set once', () =>
    inJvm(() => {
      const { ssc } = makeContexts();
      ssc.remember(5);
      expect(() => ssc.remember(6)).toThrow(
        'requirement failed: Remember duration already set as 5000 ms. Cannot set it again.',
      );
    }));

  test('a local or local[1] master logs the receivers warning', () =>
    inJvm(() => {
      const sc = new SparkContext({ master: 'local' });
      const ssc = new StreamingContext(sc, 3);
      expect(ssc.events()).toContainEqual(
        expect.objectContaining({
          type: 'warning',
          message: expect.stringMatching(/^spark\.master should be set as local\[n\], n > 1 in local mode/),
        }),
      );
    }));

  test('contexts in separate simulated JVMs never collide', async () => {
    const run = (): Promise<string> =>
      inJvm(async () => {
        const { ssc } = makeContexts();
        withOutput(ssc);
        ssc.start();
        await ssc.awaitTerminationOrTimeout(1);
        ssc.stop();
        return ssc.getState();
      });
    await expect(Promise.all([run(), run(), run()])).resolves.toEqual(['STOPPED', 'STOPPED', 'STOPPED']);
  });
});

describe('awaitTermination in virtual time', () => {
  test('awaitTerminationOrTimeout advances the clock, runs the due batches and returns false', () =>
    inJvm(async (jvm, out) => {
      const { ssc } = makeContexts();
      withOutput(ssc);
      ssc.start();
      await expect(ssc.awaitTerminationOrTimeout(3)).resolves.toBe(false);
      expect(jvm.clock.now()).toBe(3000);
      expect(out.length).toBe(3);
      ssc.stop();
    }));

  // PySpark: awaitTerminationOrTimeout(self, timeout) has no default, so Python raises TypeError.
  test('pyspark: awaitTerminationOrTimeout() without its argument raises TypeError', () =>
    inJvm(async () => {
      const { ssc } = makeContexts('pyspark');
      const call = ssc.awaitTerminationOrTimeout as unknown as () => Promise<boolean>;
      await expect(call.call(ssc)).rejects.toThrow(
        new TypeError("awaitTerminationOrTimeout() missing 1 required positional argument: 'timeout'"),
      );
    }));

  test('awaitTerminationOrTimeout returns true at once after stop', () =>
    inJvm(async (jvm) => {
      const { ssc } = makeContexts();
      withOutput(ssc);
      ssc.start();
      ssc.stop();
      await expect(ssc.awaitTerminationOrTimeout(10)).resolves.toBe(true);
      await expect(ssc.awaitTermination()).resolves.toBeUndefined();
      expect(jvm.clock.now()).toBe(0);
    }));

  test('a timeout of 0 returns immediately', () =>
    inJvm(async (jvm) => {
      const { ssc } = makeContexts();
      withOutput(ssc);
      ssc.start();
      await expect(ssc.awaitTerminationOrTimeout(0)).resolves.toBe(false);
      expect(jvm.clock.now()).toBe(0);
      ssc.stop();
    }));

  test('awaitTermination returns when a job stops the context', () =>
    inJvm(async (jvm) => {
      const { ssc } = makeContexts();
      const ds = ssc.queueStream<number>([[1], [2], [3], [4]]);
      ds.foreachRDD((time: Time, _rdd: RDD<number>) => {
        if (time.milliseconds === 3000) ssc.stop(false);
      });
      ds.pprint();
      ssc.start();
      await ssc.awaitTermination();
      expect(ssc.getState()).toBe('STOPPED');
      expect(jvm.clock.now()).toBe(3000);
      // The stop came from the first job of batch 3: the second job of that batch does not run.
      const printed = ssc.events().filter((e) => e.type === 'outputWritten');
      expect(printed).toHaveLength(2);
    }));

  test('awaitTermination with nothing to stop the context is refused with a clear error', () =>
    inJvm(async () => {
      const { ssc } = makeContexts();
      withOutput(ssc);
      await expect(ssc.awaitTermination()).rejects.toThrow(
        /awaitTermination\(\) on a context that is INITIALIZED would wait forever/,
      );
      ssc.start();
      await expect(ssc.awaitTermination()).rejects.toThrow(SimulationError);
      ssc.stop();
    }));

  test('with a run horizon, awaitTermination returns there and the context is stopped (shutdown hook)', async () => {
    await withIsolatedJvm({ horizonMs: 4500, stdout: () => undefined }, async (jvm) => {
      const { sc, ssc } = makeContexts();
      withOutput(ssc);
      ssc.start();
      await ssc.awaitTermination();
      expect(jvm.clock.now()).toBe(4500);
      expect(ssc.getState()).toBe('STOPPED');
      expect(sc.isStopped).toBe(false);
      expect(ssc.events()).toContainEqual(expect.objectContaining({ type: 'contextStopped', reason: 'horizon' }));
    });
  });
});

describe('errors do not stop the context (§1.8)', () => {
  test('a failing transform drops every output of that batch, later batches run, and the error is sticky', () =>
    inJvm(async () => {
      const { ssc } = makeContexts();
      const boom = new Error('boom at 2');
      const collected: number[][] = [];
      const ds = ssc.queueStream<number>([[0], [1], [2], [3]]).transform((time: Time, rdd: RDD<number>) => {
        if (time.milliseconds === 2000) throw boom;
        return rdd;
      });
      ds.foreachRDD((rdd) => void collected.push(rdd.collect()));
      ds.foreachRDD(() => undefined);
      ssc.start();
      await expect(ssc.awaitTerminationOrTimeout(4)).rejects.toBe(boom);
      // The waiter wakes at the error (batch 2); the context is still ACTIVE and goes on.
      expect(ssc.getState()).toBe('ACTIVE');
      await expect(ssc.awaitTerminationOrTimeout(1)).rejects.toBe(boom);
      ssc.stop();
      await expect(ssc.awaitTerminationOrTimeout(1)).rejects.toBe(boom);
      expect(collected).toEqual([[0]]);
      const reported = ssc.events().filter((e) => e.type === 'errorReported');
      expect(reported[0]).toMatchObject({ context: 'Error generating jobs for time 2000 ms', phase: 'generation' });
    }));

  test('a failing job drops only that job; the batch completes and the next batches run', () =>
    inJvm(async (jvm) => {
      const { ssc } = makeContexts();
      const seen: number[][] = [];
      const ds = ssc.queueStream<number>([[0], [1], [2]]);
      ds.foreachRDD((time: Time, _rdd: RDD<number>) => {
        if (time.milliseconds === 2000) throw new Error('job failed');
      });
      ds.foreachRDD((rdd) => void seen.push(rdd.collect()));
      ssc.start();
      await expect(ssc.awaitTerminationOrTimeout(1.5)).resolves.toBe(false);
      await expect(ssc.awaitTerminationOrTimeout(10)).rejects.toThrow('job failed');
      expect(jvm.clock.now()).toBe(2000);
      await expect(ssc.awaitTerminationOrTimeout(1)).rejects.toThrow('job failed');
      ssc.stop();
      const completed = ssc.events().filter((e) => e.type === 'outputOperationCompleted');
      expect(completed.map((e) => (e.type === 'outputOperationCompleted' ? e.failureReason : ''))).toEqual([
        undefined,
        undefined,
        'Error: job failed',
        undefined,
      ]);
      expect(seen).toEqual([[0], [1]]);
    }));

  test('the job name is "streaming job <time>.<outputOpId>"', () =>
    inJvm(async () => {
      const { ssc } = makeContexts();
      const ds = ssc.queueStream<number>([[0]]);
      ds.pprint();
      ds.foreachRDD(() => {
        throw new Error('x');
      });
      ssc.start();
      await expect(ssc.awaitTerminationOrTimeout(1)).rejects.toThrow('x');
      ssc.stop();
      expect(ssc.events()).toContainEqual(
        expect.objectContaining({ type: 'errorReported', context: 'Error running job streaming job 1000 ms.1' }),
      );
    }));
});
