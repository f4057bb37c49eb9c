/**
 * What Spark's `JobGenerator` does after each batch: `DoCheckpoint` (RDDs of checkpoint batches
 * are saved and their lineage cut) and `ClearMetadata` (every stream forgets the RDDs older than
 * its remember duration: Spark `DStream.clearMetadata` drops `time <= t − rememberDuration`).
 */
import {
  runStreams,
  SparkContext,
  StreamingContext,
  withIsolatedJvm,
  type DStream,
  type RDD,
  type Time,
} from 'dstream-sim';

const numbers = (n: number): number[][] => Array.from({ length: n }, (_, i) => [i + 1]);

describe('DoCheckpoint: RDD checkpointing on checkpoint batches', () => {
  // Spark: DStream.getOrCompute marks the RDD of every batch at a multiple of the checkpoint
  // interval (from zero time); JobGenerator.doCheckpoint checkpoints them after the batch's jobs.
  test('only the RDDs of batches at a multiple of the interval are checkpointed, after their jobs', async () => {
    const during: [number, boolean][] = [];
    const rdds: [number, RDD<number>][] = [];
    await runStreams<number>(
      [numbers(6)],
      (s) => {
        const ds = (s[0] as DStream<number>).map((x) => x * 10).checkpoint(2);
        ds.foreachRDD((t: Time, rdd: RDD<number>) => {
          during.push([t.milliseconds, rdd.isCheckpointed()]);
          rdds.push([t.milliseconds, rdd]);
        });
        return ds;
      },
      6,
      { checkpoint: true },
    );
    expect(during.every(([, cp]) => !cp)).toBe(true); // not yet while the job runs
    expect(rdds.map(([t, rdd]) => [t, rdd.isCheckpointed()])).toEqual([
      [1000, false],
      [2000, true],
      [3000, false],
      [4000, true],
      [5000, false],
      [6000, true],
    ]);
  });

  test('a checkpointed RDD is not recomputed from its lineage once the stream forgot it', async () => {
    // The stream remembers 2 × the interval (4 s). In batch 8 s the RDDs of 2 s and 3 s are
    // forgotten (unpersisted); reading them again recomputes only the one never checkpointed.
    let calls = 0;
    const kept = new Map<number, RDD<number>>();
    const recomputed: Record<number, number> = {};
    await runStreams<number>(
      [numbers(8)],
      (s) => {
        const ds = (s[0] as DStream<number>)
          .map((x) => {
            calls++;
            return x * 10;
          })
          .checkpoint(2);
        ds.foreachRDD((t: Time, rdd: RDD<number>) => {
          kept.set(t.milliseconds, rdd);
          if (t.milliseconds !== 8000) return;
          for (const old of [2000, 3000]) {
            const before = calls;
            expect(kept.get(old)!.collect()).toEqual([old / 100]);
            recomputed[old] = calls - before;
          }
        });
        return ds;
      },
      8,
      { checkpoint: true },
    );
    expect(recomputed).toEqual({ 2000: 0, 3000: 1 });
  });

  test('a stream checkpointed every 3 batches of 1 s checkpoints at 3 s and 6 s', async () => {
    const rdds: [number, RDD<number>][] = [];
    await runStreams<number>(
      [numbers(6)],
      (s) => {
        const ds = (s[0] as DStream<number>).map((x) => x).checkpoint(3);
        ds.foreachRDD((t: Time, rdd: RDD<number>) => void rdds.push([t.milliseconds, rdd]));
        return ds;
      },
      6,
      { checkpoint: true },
    );
    expect(rdds.filter(([, r]) => r.isCheckpointed()).map(([t]) => t)).toEqual([3000, 6000]);
  });
  test('an RDD that cannot be computed is not checkpointed; a warning names it and the batch', () =>
    withIsolatedJvm({ stdout: () => undefined }, async () => {
      const ssc = new StreamingContext(new SparkContext({ master: 'local[2]' }), 1);
      ssc.checkpoint('/tmp/cp');
      const rdds: RDD<number>[] = [];
      const ds = ssc
        .queueStream<number>([[1], [2], [3], [4]])
        .map((x) => {
          if (x === 2) throw new Error('boom');
          return x;
        })
        .checkpoint(2);
      ds.foreachRDD((rdd: RDD<number>) => {
        rdds.push(rdd);
        rdd.collect();
      });
      ssc.start();
      await expect(ssc.awaitTerminationOrTimeout(4)).rejects.toThrow('boom');
      ssc.stop();
      const warnings = ssc.events().flatMap((e) => (e.type === 'warning' ? [e.message] : []));
      expect(warnings).toContain(`Could not checkpoint RDD ${rdds[1]!.id} for time 2000 ms: Error: boom`);
      expect(rdds[1]!.isCheckpointed()).toBe(false);
    }));
  test('when generating a batch’s jobs fails, none of its RDDs is checkpointed (no job ran on them)', () =>
    withIsolatedJvm({ stdout: () => undefined }, async () => {
      const ssc = new StreamingContext(new SparkContext({ master: 'local[2]', flavor: 'scala' }), 1);
      ssc.checkpoint('/tmp/cp');
      const generated = new Map<number, RDD<number>>();
      const ds = ssc.queueStream<number>([[1], [2]]).map((x) => x).checkpoint(2);
      ds.transform((t: Time, rdd: RDD<number>) => {
        generated.set(t.milliseconds, rdd);
        return rdd;
      }).foreachRDD(() => undefined);
      ds.transform((t: Time, rdd: RDD<number>) => {
        if (t.milliseconds === 2000) throw new Error('cannot generate');
        return rdd;
      }).foreachRDD(() => undefined);
      ssc.start();
      await expect(ssc.awaitTerminationOrTimeout(2)).rejects.toThrow('cannot generate');
      ssc.stop();
      expect(ssc.events()).toContainEqual(
        expect.objectContaining({ type: 'errorReported', phase: 'generation', context: 'Error generating jobs for time 2000 ms' }),
      );
      expect(generated.get(2000)!.isCheckpointed()).toBe(false);
    }));
});

describe('ClearMetadata: forgetting RDDs older than the remember duration', () => {
  // While a stream remembers a batch, slice() returns the very RDD that batch generated (same
  // id); once it is forgotten, slice() computes a new one.
  test('after batch t completes, RDDs at times <= t − remember are forgotten; later ones are kept', async () => {
    const generated = new Map<number, number>();
    const sliceIsGenerated: Record<number, boolean> = {};
    await runStreams<number>(
      [numbers(6)],
      (s) => {
        const ds = (s[0] as DStream<number>).map((x) => x);
        ds.context().remember(3);
        ds.foreachRDD((t: Time, rdd: RDD<number>) => {
          generated.set(t.milliseconds, rdd.id);
          if (t.milliseconds !== 6000) return;
          // Batch 5 s completed: forgotten are RDDs at <= 5 s − 3 s = 2 s.
          for (const old of [1000, 2000, 3000, 4000]) {
            sliceIsGenerated[old] = ds.slice(old / 1000)[0]!.id === generated.get(old);
          }
        });
        return ds;
      },
      6,
    );
    expect(sliceIsGenerated).toEqual({ 1000: false, 2000: false, 3000: true, 4000: true });
  });
});
