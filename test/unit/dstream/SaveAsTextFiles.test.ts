/**
 * `saveAsTextFiles(prefix, suffix)` (Spark: `DStream.saveAsTextFiles` → `rddToFileName`; PySpark:
 * `rddToFileName` in `pyspark/streaming/util.py`): directory names per flavor, and an output
 * directory that already exists.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { SimEvent } from 'dstream-sim';
import { inJvm, makeContexts } from '../../__helpers__/sim';

/** Run two batches of saveAsTextFiles into a fresh directory; what it holds and the errors. */
function save(
  flavor: 'scala' | 'pyspark',
  prefix: (dir: string) => string,
  suffix: string | undefined,
  before: (dir: string) => void = () => undefined,
): Promise<{ entries: string[]; errors: Extract<SimEvent, { type: 'errorReported' }>[]; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dstream-sim-save-'));
  // Spark resolves a relative prefix against the working directory: the simulated JVM's.
  return inJvm(async () => {
    try {
      before(dir);
      const { ssc } = makeContexts(flavor);
      ssc.queueStream<number>([[1], [2]]).saveAsTextFiles(prefix(dir), suffix);
      ssc.start();
      await ssc.awaitTerminationOrTimeout(2).catch(() => undefined);
      ssc.stop();
      const errors = ssc.events().filter((e): e is Extract<SimEvent, { type: 'errorReported' }> => e.type === 'errorReported');
      return { entries: fs.readdirSync(dir).sort(), errors, dir };
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, { cwd: dir });
}

describe('directory names', () => {
  test('Scala: an empty prefix gives just the time; an empty suffix adds no dot', async () => {
    expect((await save('scala', () => '', '')).entries).toEqual(['1000', '2000']);
  });

  test('Scala: a suffix is added after a dot', async () => {
    expect((await save('scala', (d) => path.join(d, 'out'), 'txt')).entries).toEqual(['out-1000.txt', 'out-2000.txt']);
  });

  test('PySpark: an empty prefix still gets its dash; an empty suffix still gets its dot', async () => {
    expect((await save('pyspark', () => '', '')).entries).toEqual(['-1000.', '-2000.']);
  });
});

describe('an output directory that already exists', () => {
  test('PySpark skips that batch silently and goes on', async () => {
    const r = await save('pyspark', (d) => path.join(d, 'out'), undefined, (d) => fs.mkdirSync(path.join(d, 'out-1000')));
    expect(r.errors).toEqual([]);
    expect(r.entries).toEqual(['out-1000', 'out-2000']);
  });

  test('Scala fails the job with Hadoop’s FileAlreadyExistsException', async () => {
    const r = await save('scala', (d) => path.join(d, 'out'), undefined, (d) => fs.mkdirSync(path.join(d, 'out-1000')));
    expect(r.errors.map((e) => [e.batchTime, e.message])).toEqual([
      [1000, `Output directory file:${path.join(r.dir, 'out-1000')} already exists`],
    ]);
  });
});

describe('a run writes only inside its own directory', () => {
  test.each(['scala', 'pyspark'] as const)('%s: a prefix that leads outside fails the job with an IOError naming it; nothing is written there', async (flavor) => {
    const outside = `../dstream-sim-escape-${flavor}`;
    const r = await save(flavor, () => outside, undefined);
    expect(r.errors.map((e) => [e.batchTime, e.message])).toEqual([
      [
        1000,
        `Output directory ${outside}-1000 is outside the run's directory; a run writes only inside its own directory. Use a relative path such as "out/counts".`,
      ],
    ]);
    expect(fs.existsSync(path.join(r.dir, outside + '-1000'))).toBe(false);
    expect(r.entries).toEqual([]);
  });

  test('a prefix through a symbolic link to outside is refused too', async () => {
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'dstream-sim-elsewhere-'));
    try {
      const r = await save('scala', () => 'link/out', undefined, (d) => fs.symlinkSync(elsewhere, path.join(d, 'link')));
      expect(r.errors.map((e) => e.message)).toEqual([
        'Output directory link/out-1000 is outside the run\'s directory; a run writes only inside its own directory. Use a relative path such as "out/counts".',
      ]);
      expect(fs.readdirSync(elsewhere)).toEqual([]);
    } finally {
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
