/**
 * StreamingContext behaviour the suites do not reach: listeners (Spark: `StreamingListenerBus`),
 * constructor checks, settings (`checkpoint(null)`, `awaitTermination(timeout)`), and the
 * `getOrCreate` family.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CheckpointReadError,
  IllegalArgumentError,
  SimulationError,
  SparkConf,
  SparkContext,
  StreamingContext,
  withIsolatedJvm,
  type SimEvent,
  type RDD,
  type StreamingListener,
  type Time,
} from 'dstream-sim';
import { inJvm, makeContexts } from '../../__helpers__/sim';

const warnings = (events: readonly SimEvent[]): string[] =>
  events.flatMap((e) => (e.type === 'warning' ? [e.message] : []));

describe('StreamingListener', () => {
  test('each callback gets its event, in the order Spark posts them', () =>
    inJvm(async () => {
      const { ssc } = makeContexts();
      const seen: string[] = [];
      const listener: StreamingListener = {
        onStreamingStarted: (e) => void seen.push(`started ${e.time}`),
        onBatchSubmitted: ({ batchInfo: b }) => void seen.push(`submitted ${b.batchTime} ops=${b.outputOperationInfos.size}`),
        onBatchStarted: ({ batchInfo: b }) => void seen.push(`batchStarted ${b.batchTime}`),
        onOutputOperationStarted: ({ outputOperationInfo: o }) => void seen.push(`opStarted ${o.batchTime}.${o.id}`),
        onOutputOperationCompleted: ({ outputOperationInfo: o }) => void seen.push(`opCompleted ${o.batchTime}.${o.id} ${o.failureReason ?? 'ok'}`),
        onBatchCompleted: ({ batchInfo: b }) => void seen.push(`batchCompleted ${b.batchTime}`),
      };
      ssc.addStreamingListener(listener);
      ssc.queueStream<number>([[1]]).foreachRDD(() => undefined);
      ssc.start();
      await ssc.awaitTerminationOrTimeout(1);
      ssc.stop();
      expect(seen).toEqual([
        'started 0',
        'submitted 1000 ms ops=1',
        'batchStarted 1000 ms',
        'opStarted 1000 ms.0',
        'opCompleted 1000 ms.0 ok',
        'batchCompleted 1000 ms',
      ]);
    }));

  test('a listener that throws is logged as a warning and the others still hear every event', () =>
    inJvm(async () => {
      const { ssc } = makeContexts();
      class Faulty implements StreamingListener {
        onBatchStarted(): void {
          throw new Error('listener bug');
        }
      }
      const completed: number[] = [];
      ssc.addStreamingListener(new Faulty());
      ssc.addStreamingListener({ onBatchCompleted: ({ batchInfo }) => void completed.push(batchInfo.batchTime.milliseconds) });
      ssc.queueStream<number>([[1], [2]]).foreachRDD(() => undefined);
      ssc.start();
      await ssc.awaitTerminationOrTimeout(2);
      ssc.stop();
      expect(completed).toEqual([1000, 2000]);
      expect(warnings(ssc.events())).toEqual([
        'Listener Faulty threw an exception: Error: listener bug',
        'Listener Faulty threw an exception: Error: listener bug',
      ]);
    }));

  test("in a program run, the warning names where in the user's code the listener threw", () =>
    inJvm(async (jvm) => {
      jvm.locateUserCode = (e) => (e instanceof Error && e.message === 'listener bug' ? { where: 'program.ts:9:11', frame: '' } : undefined);
      const { ssc } = makeContexts();
      ssc.addStreamingListener({
        onBatchStarted: () => {
          throw new Error('listener bug');
        },
      });
      ssc.queueStream<number>([[1]]).foreachRDD(() => undefined);
      ssc.start();
      await ssc.awaitTerminationOrTimeout(1);
      ssc.stop();
      expect(warnings(ssc.events())).toEqual(['Listener Object threw an exception: Error: listener bug (at program.ts:9:11)']);
    }));
});

describe('StreamingContext construction', () => {
  test('a null SparkContext or batch duration is refused with Spark’s message', () =>
    inJvm(() => {
      const sc = new SparkContext({ master: 'local[2]' });
      expect(() => new StreamingContext(null as unknown as SparkContext, 1)).toThrow(
        new IllegalArgumentError(
          'requirement failed: Spark Streaming cannot be initialized with both SparkContext and checkpoint as null',
        ),
      );
      expect(() => new StreamingContext(sc, null as unknown as number)).toThrow(
        new IllegalArgumentError('requirement failed: Batch duration for StreamingContext cannot be null'),
      );
      expect(() => new StreamingContext(sc, undefined as unknown as number)).toThrow(IllegalArgumentError);
    }));

  test('a batch shorter than 1 ms is refused (a non-positive batch would never run)', () =>
    inJvm(() => {
      const sc = new SparkContext({ master: 'local[2]' });
      expect(() => new StreamingContext(sc, 0.0004)).toThrow(
        new SimulationError(
          'StreamingContext: batchDuration must be at least 1 ms (got 0.0004 s); Spark does not check this, but a non-positive batch never runs',
        ),
      );
      expect(new StreamingContext(sc, 0.001).batchDuration.milliseconds).toBe(1);
    }));

  test('spark.streaming.checkpoint.directory in the conf sets the checkpoint directory', () =>
    inJvm(() => {
      const sc = new SparkContext({ master: 'local[2]' });
      sc.conf.set('spark.streaming.checkpoint.directory', '/tmp/from-conf');
      expect(new StreamingContext(sc, 1).checkpointDir).toBe('/tmp/from-conf');
    }));
});

describe('StreamingContext settings', () => {
  test('checkpoint(null) forgets the directory (no queueStream checkpointing warning at start)', () =>
    inJvm(() => {
      const { ssc } = makeContexts();
      ssc.checkpoint('/tmp/cp');
      expect(ssc.checkpointDir).toBe('/tmp/cp');
      ssc.checkpoint(null);
      expect(ssc.checkpointDir).toBeUndefined();
      ssc.queueStream<number>([[1]]).pprint();
      ssc.start();
      ssc.stop();
      expect(warnings(ssc.events())).not.toContain("queueStream doesn't support checkpointing");
    }));

  test('without a run directory (a harness run) a checkpoint directory writes nothing and warns of nothing', () =>
    inJvm(async () => {
      const { ssc } = makeContexts('scala');
      ssc.checkpoint('cp');
      ssc
        .queueStream<[string, number]>([[['a', 1]], [['a', 2]]])
        .updateStateByKey((vs: number[], s: number | undefined) => vs.length + (s ?? 0))
        .pprint();
      ssc.start();
      await ssc.awaitTerminationOrTimeout(12);
      ssc.stop();
      expect(ssc.events().filter((e) => e.type === 'checkpointWritten')).toEqual([]);
      expect(warnings(ssc.events())).toEqual(["queueStream doesn't support checkpointing"]);
    }));

  test('with a checkpoint directory, a queueStream logs Spark’s warning at start', () =>
    inJvm(() => {
      const { ssc } = makeContexts();
      ssc.checkpoint('/tmp/cp');
      ssc.queueStream<number>([[1]]).pprint();
      ssc.start();
      ssc.stop();
      expect(warnings(ssc.events())).toContain("queueStream doesn't support checkpointing");
    }));

  test('awaitTermination(timeout) runs the batches due within the timeout and returns nothing', () =>
    inJvm(async () => {
      const { ssc } = makeContexts();
      const times: number[] = [];
      ssc.queueStream<number>([[1]]).foreachRDD((t: Time, _rdd: RDD<number>) => void times.push(t.milliseconds));
      ssc.start();
      await expect(ssc.awaitTermination(3)).resolves.toBeUndefined();
      expect(times).toEqual([1000, 2000, 3000]);
      expect(ssc.getState()).toBe('ACTIVE');
      ssc.stop();
    }));

  test('a negative awaitTerminationOrTimeout waits like awaitTermination (until a stop)', () =>
    inJvm(async () => {
      const { ssc } = makeContexts();
      ssc.queueStream<number>([[1]]).foreachRDD((t: Time, _rdd: RDD<number>) => {
        if (t.milliseconds === 4000) ssc.stop(false);
      });
      ssc.start();
      await expect(ssc.awaitTerminationOrTimeout(-1)).resolves.toBe(true);
      expect(ssc.getState()).toBe('STOPPED');
    }));
});

describe('awaitTermination that could never return', () => {
  // Without a timeout, a wait on a context that nothing will stop is refused at once (the
  // simulator's guard; Spark would hang). A started context reaches the guard only after
  // 100 000 batches, which the lifecycle suite checks.
  test('on a context not started yet', () =>
    inJvm(async () => {
      const { ssc } = makeContexts();
      ssc.queueStream<number>([[1]]).pprint();
      await expect(ssc.awaitTermination()).rejects.toThrow(
        new SimulationError(
          'awaitTermination() on a context that is INITIALIZED would wait forever: nothing will stop it. Call start() first, or awaitTerminationOrTimeout(seconds).',
        ),
      );
    }));

  test('on a context stopped before it started', () =>
    inJvm(async () => {
      const { ssc } = makeContexts();
      ssc.stop(false);
      await expect(ssc.awaitTermination()).rejects.toThrow(/^awaitTermination\(\) on a context that is STOPPED would wait forever/);
    }));
});

describe('getOrCreate and getActiveOrCreate with a checkpoint path', () => {
  // The simulator writes no checkpoint files, so these always create; PySpark's getOrCreate
  // then calls ssc.checkpoint(path) (pyspark/streaming/context.py), Scala's does not.
  test('PySpark: the created context checkpoints to the path', () =>
    inJvm(() => {
      const ssc = StreamingContext.getOrCreate('/tmp/cp-py', () => makeContexts('pyspark').ssc);
      expect(ssc.checkpointDir).toBe('/tmp/cp-py');
    }));

  test('Scala: the created context is returned as made', () =>
    inJvm(() => {
      const ssc = StreamingContext.getOrCreate('/tmp/cp-scala', () => makeContexts('scala').ssc);
      expect(ssc.checkpointDir).toBeUndefined();
    }));

  test('getActiveOrCreate(path, f) creates through getOrCreate when no context is active', () =>
    inJvm(() => {
      const ssc = StreamingContext.getActiveOrCreate('/tmp/cp-active', () => makeContexts('pyspark').ssc);
      expect(ssc.getState()).toBe('INITIALIZED');
      expect(ssc.checkpointDir).toBe('/tmp/cp-active');
    }));

  test('getActiveOrCreate(null, f) just calls f', () =>
    inJvm(() => {
      const ssc = StreamingContext.getActiveOrCreate(null, () => makeContexts('pyspark').ssc);
      expect(ssc.checkpointDir).toBeUndefined();
      // … and leaves the context as f made it (no getOrCreate setting or clearing a directory).
      const own = StreamingContext.getActiveOrCreate(null, () => {
        const made = makeContexts('pyspark').ssc;
        made.checkpoint('mine');
        return made;
      });
      expect(own.checkpointDir).toBe('mine');
    }));

  test('getActiveOrCreate(path, f) with only unreadable checkpoints throws, as getOrCreate does (createOnError defaults to false)', async () => {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'dstream-sim-active-'));
    try {
      fs.mkdirSync(path.join(cwd, 'cp'));
      fs.writeFileSync(path.join(cwd, 'cp', 'checkpoint-1000'), 'not a checkpoint');
      await withIsolatedJvm({ cwd, stdout: () => undefined }, () => {
        expect(() => StreamingContext.getActiveOrCreate('cp', () => makeContexts('pyspark').ssc)).toThrow(CheckpointReadError);
        expect(StreamingContext.getActiveOrCreate('cp', () => makeContexts('pyspark').ssc, true).getState()).toBe('INITIALIZED');
      });
    } finally {
      fs.rmSync(cwd, { recursive: true, force: true });
    }
  });
});

describe('contextStopped events', () => {
  const stopped = (events: readonly SimEvent[]): unknown[] =>
    events.flatMap((e) =>
      e.type === 'contextStopped' ? [{ previousState: e.previousState, reason: e.reason, graceful: e.graceful, stopSparkContext: e.stopSparkContext }] : [],
    );

  test('stop(false, true) records a graceful stop that keeps the SparkContext', () =>
    inJvm(() => {
      const { sc, ssc } = makeContexts();
      ssc.queueStream<number>([[1]]).pprint();
      ssc.start();
      ssc.stop(false, true);
      expect(stopped(ssc.events())).toEqual([{ previousState: 'ACTIVE', reason: 'stop', graceful: true, stopSparkContext: false }]);
      expect(() => sc.parallelize([1]).collect()).not.toThrow();
    }));

  test('a stop before start records the INITIALIZED state', () =>
    inJvm(() => {
      const { ssc } = makeContexts();
      ssc.stop(false);
      expect(stopped(ssc.events())).toEqual([{ previousState: 'INITIALIZED', reason: 'stop', graceful: false, stopSparkContext: false }]);
    }));

  test.each([
    [undefined, false],
    ['true', true],
  ])('at the run horizon, spark.streaming.stopGracefullyOnShutdown=%s gives graceful=%s (the SparkContext stays)', (setting, graceful) =>
    withIsolatedJvm({ stdout: () => undefined, horizonMs: 2500 }, async () => {
      const conf = new SparkConf().setMaster('local[2]');
      if (setting !== undefined) conf.set('spark.streaming.stopGracefullyOnShutdown', setting);
      const ssc = new StreamingContext(new SparkContext({ conf }), 1);
      ssc.queueStream<number>([[1]]).pprint();
      ssc.start();
      await ssc.awaitTermination();
      expect(stopped(ssc.events())).toEqual([{ previousState: 'ACTIVE', reason: 'horizon', graceful, stopSparkContext: false }]);
    }));

  test('a start that fails for another reason is refused under the rule start-failed, with the error’s class', () =>
    inJvm(() => {
      const sc = new SparkContext({ conf: new SparkConf().setMaster('local[2]').set('spark.streaming.blockInterval', '-1ms') });
      const ssc = new StreamingContext(sc, 1);
      ssc.socketTextStream('localhost', 9000).pprint();
      expect(() => ssc.start()).toThrow(IllegalArgumentError);
      expect(ssc.events()).toContainEqual(
        expect.objectContaining({
          type: 'callRefused',
          call: 'StreamingContext.start()',
          rule: 'start-failed',
          errorName: 'IllegalArgumentError',
          errorClass: 'ILLEGAL_ARGUMENT',
        }),
      );
      expect(stopped(ssc.events())).toEqual([{ previousState: 'INITIALIZED', reason: 'startFailed', graceful: false, stopSparkContext: false }]);
    }));
});
