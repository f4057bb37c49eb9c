/**
 * StreamingContext behaviour a program can observe that the suites do not pin: bad durations
 * name the call and parameter, Spark's local-master warning, the flavors' `union`, the Scala
 * default of `stop()`, and `events()` of one context among several in one JVM.
 */
import {
  IllegalArgumentError,
  SimulationError,
  SparkContext,
  StateSpec,
  StreamingContext,
  ValueError,
  type RDD,
  type SimEvent,
  type Time,
} from 'dstream-sim';
import { inJvm, makeContexts } from '../../__helpers__/sim';

const warnings = (events: readonly SimEvent[]): string[] => events.flatMap((e) => (e.type === 'warning' ? [e.message] : []));

describe('durations that are not a finite number of seconds are refused, naming the call and parameter', () => {
  test('StreamingContext(sc, batchDuration)', () =>
    inJvm(() => {
      const sc = new SparkContext({ master: 'local[2]' });
      expect(() => new StreamingContext(sc, Number.NaN)).toThrow(
        new SimulationError('StreamingContext: batchDuration must be a finite number of seconds, got NaN'),
      );
    }));

  test('remember(duration)', () =>
    inJvm(() => {
      const { ssc } = makeContexts();
      expect(() => ssc.remember(Number.POSITIVE_INFINITY)).toThrow(
        new SimulationError('StreamingContext.remember: duration must be a finite number of seconds, got Infinity'),
      );
    }));

  test('awaitTerminationOrTimeout(timeout)', () =>
    inJvm(async () => {
      const { ssc } = makeContexts('scala');
      ssc.queueStream<number>([[1]]).print();
      ssc.start();
      await expect(ssc.awaitTerminationOrTimeout(Number.NaN)).rejects.toThrow(
        new SimulationError('StreamingContext.awaitTerminationOrTimeout: timeout must be a finite number of seconds, got NaN'),
      );
      // Scala has no Python TypeError for a missing argument: the same refusal.
      await expect(ssc.awaitTerminationOrTimeout(undefined as unknown as number)).rejects.toThrow(
        new SimulationError('StreamingContext.awaitTerminationOrTimeout: timeout must be a finite number of seconds, got undefined'),
      );
      ssc.stop();
    }));

  test('binaryRecordsStream(directory, recordLength): the error class of a length that is not positive', () =>
    inJvm(() => {
      const { ssc } = makeContexts();
      expect(() => ssc.binaryRecordsStream('in', 0)).toThrow(expect.objectContaining({ errorClass: 'RECORD_LENGTH_NOT_POSITIVE' }));
    }));

  test.each([
    ['binaryRecordsStream', (ssc: StreamingContext) => ssc.binaryRecordsStream('in', 4)],
    ['queueStream', (ssc: StreamingContext) => ssc.queueStream<number>([[2]])],
  ] as const)('%s after start is refused under its own name (Scala)', (name, make) =>
    inJvm(() => {
      const { ssc } = makeContexts('scala');
      ssc.queueStream<number>([[1]]).print();
      ssc.start();
      expect(() => make(ssc)).toThrow('Adding new inputs, transformations, and output operations after starting a context is not supported');
      ssc.stop();
      expect(ssc.events().flatMap((e) => (e.type === 'callRefused' ? [e.call] : []))).toEqual([`DStream.${name}()`]);
    }));

  test('StateSpec.timeout(idleDuration)', () => {
    const spec = StateSpec.function((_k: string, v: number | undefined) => v);
    expect(() => spec.timeout(Number.NaN)).toThrow(new SimulationError('StateSpec.timeout: idleDuration must be a finite number of seconds, got NaN'));
  });
});

describe('the local-master warning (Spark: the StreamingContext constructor, for master local or local[1])', () => {
  const message =
    'spark.master should be set as local[n], n > 1 in local mode if you have receivers to get data, otherwise Spark jobs will not get resources to process the received data.';
  test.each([
    ['local', true],
    ['local[1]', true],
    ['local[2]', false],
    ['local[*]', false],
  ])('master %s warns: %s', (master, warned) =>
    inJvm(() => {
      const ssc = new StreamingContext(new SparkContext({ master }), 1);
      expect(warnings(ssc.events()).includes(message)).toBe(warned);
    }));
});

describe('union of the context', () => {
  test('PySpark: one stream is returned as it is; none is a ValueError', () =>
    inJvm(() => {
      const { ssc } = makeContexts('pyspark');
      const a = ssc.queueStream<number>([[1]]);
      expect(ssc.union(a)).toBe(a);
      expect(ssc.union(a, ssc.queueStream<number>([[2]])).slideDuration.milliseconds).toBe(1000); // same slides: accepted
      expect(() => ssc.union()).toThrow(new ValueError('should have at least one DStream to union'));
    }));

  test('Scala: one stream is still wrapped in a UnionDStream; none fails Spark’s require', () =>
    inJvm(() => {
      const { ssc } = makeContexts('scala');
      const a = ssc.queueStream<number>([[1]]);
      expect(ssc.union(a)).not.toBe(a);
      expect(() => ssc.union()).toThrow(new IllegalArgumentError('requirement failed: List of DStreams to union is empty'));
    }));

  test('different slide durations: PySpark’s ValueError, Scala’s require', () =>
    inJvm(() => {
      for (const [flavor, error] of [
        ['pyspark', new ValueError('All DStreams should have same slide duration')],
        ['scala', new IllegalArgumentError('requirement failed: Some of the DStreams have different slide durations')],
      ] as const) {
        const { sc, ssc } = makeContexts(flavor);
        const a = ssc.queueStream<number>([[1]]);
        expect(() => ssc.union(a, a.window(2, 2))).toThrow(error);
        ssc.stop(false);
        sc.stop();
      }
    }));
});

describe('stop() without arguments', () => {
  test('Scala: stops the SparkContext too (spark.streaming.stopSparkContextByDefault = true)', () =>
    inJvm(() => {
      const { sc, ssc } = makeContexts('scala');
      ssc.queueStream<number>([[1]]).print();
      ssc.start();
      ssc.stop();
      expect(() => sc.parallelize([1]).collect()).toThrow();
    }));

  test('Scala: spark.streaming.stopSparkContextByDefault = false keeps it', () =>
    inJvm(() => {
      const sc = new SparkContext({ master: 'local[2]', flavor: 'scala' });
      sc.conf.set('spark.streaming.stopSparkContextByDefault', 'false');
      const ssc = new StreamingContext(sc, 1);
      ssc.queueStream<number>([[1]]).print();
      ssc.start();
      ssc.stop();
      expect(sc.parallelize([1, 2]).collect()).toEqual([1, 2]);
    }));
});

test('events() of a context are its own: a second context on the same SparkContext sees none of the first’s', () =>
  inJvm(async () => {
    const { sc, ssc: first } = makeContexts();
    first.queueStream<number>([[1]]).pprint();
    first.start();
    await first.awaitTerminationOrTimeout(1);
    first.stop(false);
    const second = new StreamingContext(sc, 1);
    second.queueStream<number>([[2]]).pprint();
    second.start();
    await second.awaitTerminationOrTimeout(1);
    second.stop(false);
    const ids = (ssc: StreamingContext): unknown[] => [...new Set(ssc.events().map((e) => ('contextId' in e ? e.contextId : 'none')))];
    expect(ids(first)).toEqual([first.id]);
    expect(ids(second)).toEqual([second.id]);
    const printed = (ssc: StreamingContext): unknown[] => ssc.events().flatMap((e) => (e.type === 'outputWritten' ? e.records : []));
    expect([printed(first), printed(second)]).toEqual([[1], [2]]);
  }));

test('with a checkpoint directory, one queueStream among other inputs is enough for Spark’s warning', () =>
  inJvm(() => {
    const { ssc } = makeContexts();
    ssc.checkpoint('/tmp/cp');
    ssc.socketTextStream('localhost', 9999).union(ssc.queueStream<string>([['a']])).pprint();
    ssc.start();
    ssc.stop();
    expect(warnings(ssc.events())).toContain("queueStream doesn't support checkpointing");
  }));

test('getActiveOrCreate(f) calls f when no context is active, and returns the active one otherwise', () =>
  inJvm(() => {
    const { sc } = makeContexts();
    let made = 0;
    const create = (): StreamingContext => {
      made++;
      return new StreamingContext(sc, 1);
    };
    const first = StreamingContext.getActiveOrCreate(create);
    expect([made, first.getState(), first.checkpointDir]).toEqual([1, 'INITIALIZED', undefined]); // no checkpoint path involved
    first.queueStream<number>([[1]]).pprint();
    first.start();
    expect(StreamingContext.getActiveOrCreate(create)).toBe(first);
    expect(made).toBe(1);
    first.stop(false);
  }));

test('a SparkContext’s checkpoint directory stays when the StreamingContext’s conf names none', () =>
  inJvm(() => {
    const sc = new SparkContext({ master: 'local[2]' });
    sc.setCheckpointDir('/tmp/rdd-cp');
    const ssc = new StreamingContext(sc, 1);
    expect(ssc.checkpointDir).toBeUndefined();
    expect(sc.getCheckpointDir()).toBe('/tmp/rdd-cp');
  }));

test('remember() twice is refused with Spark’s message, recorded under the call’s name', () =>
  inJvm(() => {
    const { ssc } = makeContexts();
    ssc.remember(5);
    expect(() => ssc.remember(6)).toThrow(new IllegalArgumentError('requirement failed: Remember duration already set as 5000 ms. Cannot set it again.'));
    expect(ssc.events()).toContainEqual(expect.objectContaining({ type: 'callRefused', call: 'StreamingContext.remember()', rule: 'remember-once' }));
  }));

test('an undefined SparkContext is refused like a null one (Spark’s require)', () =>
  inJvm(() => {
    expect(() => new StreamingContext(undefined as unknown as SparkContext, 1)).toThrow(
      new IllegalArgumentError('requirement failed: Spark Streaming cannot be initialized with both SparkContext and checkpoint as null'),
    );
  }));

describe('stop() and its records', () => {
  test('PySpark: stop() stops the SparkContext whatever spark.streaming.stopSparkContextByDefault says', () =>
    inJvm(() => {
      const sc = new SparkContext({ master: 'local[2]', flavor: 'pyspark' });
      sc.conf.set('spark.streaming.stopSparkContextByDefault', 'false');
      const ssc = new StreamingContext(sc, 1);
      ssc.queueStream<number>([[1]]).pprint();
      ssc.start();
      ssc.stop();
      expect(() => sc.parallelize([1]).collect()).toThrow();
    }));

  test('a stop before start records no graceful-stop log', () =>
    inJvm(() => {
      const { ssc } = makeContexts();
      ssc.stop(false, true);
      const stopped = ssc.events().find((e) => e.type === 'contextStopped')!;
      expect(stopped).toMatchObject({ previousState: 'INITIALIZED', graceful: true });
      expect('gracefulLog' in stopped).toBe(false);
    }));

  test('a graceful stop called by a job warns and stops at once (its own batch could never finish)', () =>
    inJvm(async (jvm) => {
      const { ssc } = makeContexts();
      ssc.queueStream<number>([[1], [2], [3]]).foreachRDD((t: Time, _rdd: RDD<number>) => {
        if (t.milliseconds === 2000) ssc.stop(false, true);
      });
      ssc.start();
      expect(await ssc.awaitTerminationOrTimeout(10)).toBe(true);
      expect(jvm.clock.now()).toBe(2000);
      expect(warnings(ssc.events())).toContain(
        'stop(stopGracefully = true) was called from streaming job 2000 ms.0; its batch cannot finish while it waits, so the context stops without waiting',
      );
      expect(ssc.events().find((e) => e.type === 'contextStopped')).toMatchObject({ graceful: true });
    }));

  test('awaitTermination(None) from Python waits like awaitTermination()', () =>
    inJvm(async () => {
      const { ssc } = makeContexts();
      ssc.queueStream<number>([[1], [2]]).foreachRDD((t: Time, _rdd: RDD<number>) => {
        if (t.milliseconds === 2000) ssc.stop(false);
      });
      ssc.start();
      // The Python bridge passes None as null.
      await expect(ssc.awaitTermination(null as unknown as number)).resolves.toBeUndefined();
      expect(ssc.getState()).toBe('STOPPED');
    }));

  test('awaitTerminationOrTimeout on a stopped context returns true at once, without passing time', () =>
    inJvm(async (jvm) => {
      const { ssc } = makeContexts();
      ssc.queueStream<number>([[1]]).pprint();
      ssc.start();
      await ssc.awaitTerminationOrTimeout(1);
      ssc.stop(false);
      expect(await ssc.awaitTerminationOrTimeout(5)).toBe(true);
      expect(jvm.clock.now()).toBe(1000);
    }));
});
