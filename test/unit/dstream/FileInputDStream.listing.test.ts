/**
 * What a file stream remembers between batches (its directory listing, in sorted order) and what
 * it must not (modification times): each directory is listed once per batch, and files that
 * arrive out of name order, are removed and come back, are touched, renamed in, or have future
 * modification times are picked exactly as Spark's `findNewFiles` picks them.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SparkContext, StreamingContext, withIsolatedJvm, type DirectoryCalls, type RDD, type Time } from '../../../src/index';
import { nodeDirectoryCalls } from '../../../src/util/directoryCalls';

interface ListingRun {
  /** The records (each file holds its own name) per batch time (s), batches with none left out. */
  picked: [number, string[]][];
  /** Each `readdir`: the batch time (virtual s) and the directory, relative to the run's directory. */
  listings: [number, string][];
  /** Each modification time asked for: the virtual second and the file, relative to the run's directory. */
  mtimes: [number, string][];
  warnings: string[];
}

/** A file named `name` in `dir`, holding its name, modified at `mtime` (virtual s). */
function put(dir: string, name: string, mtime: number): void {
  fs.mkdirSync(dir, { recursive: true });
  const f = path.join(dir, name);
  fs.writeFileSync(f, `${name}\n`);
  fs.utimesSync(f, mtime, mtime);
}

/**
 * A 1-second-batch file stream over `directory` for `seconds`; `before(cwd)` prepares the run's
 * directory; `after[t](cwd)` runs once batch t (s) has been computed (so batch t + 1 sees it).
 */
async function runListing(
  directory: string,
  seconds: number,
  before: (cwd: string) => void,
  after: Record<number, (cwd: string) => void> = {},
  conf: Record<string, string> = {},
  newFilesOnly = true,
): Promise<ListingRun> {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'dstream-sim-listing-'));
  const rel = (p: string): string => path.relative(cwd, p);
  try {
    before(cwd);
    const listings: [number, string][] = [];
    const mtimes: [number, string][] = [];
    let now = (): number => 0;
    const directoryCalls: DirectoryCalls = {
      readdir: (dir) => (listings.push([now(), rel(dir)]), nodeDirectoryCalls.readdir(dir)),
      mtimeMs: (file) => (mtimes.push([now(), rel(file)]), nodeDirectoryCalls.mtimeMs(file)),
    };
    return await withIsolatedJvm({ stdout: () => undefined, cwd, directoryCalls }, async (jvm) => {
      now = () => jvm.clock.now() / 1000;
      const sc = new SparkContext({ master: 'local[2]', appName: 'listing', flavor: 'pyspark' });
      for (const [k, v] of Object.entries(conf)) sc.conf.set(k, v);
      const ssc = new StreamingContext(sc, 1);
      const picked: [number, string[]][] = [];
      ssc.fileStream(directory, undefined, newFilesOnly).foreachRDD((time: Time, rdd: RDD<string>) => {
        const got = rdd.collect();
        if (got.length > 0) picked.push([time.milliseconds / 1000, got]);
        after[time.milliseconds / 1000]?.(cwd);
      });
      ssc.start();
      await ssc.awaitTerminationOrTimeout(seconds);
      ssc.stop();
      const warnings = jvm.log.events().flatMap((e) => (e.type === 'warning' ? [e.message] : []));
      return { picked, listings, mtimes, warnings };
    });
  } finally {
    fs.rmSync(cwd, { recursive: true, force: true });
  }
}

const times = (calls: [number, string][]): number[] => calls.map(([t]) => t);

describe('a file stream remembers its listing, not modification times', () => {
  test('each directory is listed once per batch; modification times are asked only of files that could be picked', async () => {
    const r = await runListing('in', 4, (cwd) => {
      for (const n of ['a', 'b', 'c']) put(path.join(cwd, 'in'), n, 0); // old: never picked
      put(path.join(cwd, 'in'), '.hidden', 0.5); // rejected by the default filter
      put(path.join(cwd, 'in'), 'new', 0.5);
    });
    expect(r.picked).toEqual([[1, ['new']]]);
    expect(r.listings).toEqual([
      [1, 'in'],
      [2, 'in'],
      [3, 'in'],
      [4, 'in'],
    ]);
    // `new` is asked once (then remembered as selected), `.hidden` never, the old files every batch.
    expect(r.mtimes.filter(([, f]) => f === 'in/new')).toEqual([[1, 'in/new']]);
    expect(r.mtimes.filter(([, f]) => f === 'in/.hidden')).toEqual([]);
    expect(times(r.mtimes.filter(([, f]) => f === 'in/a'))).toEqual([1, 2, 3, 4]);
  });

  test('a glob lists each matching directory once per batch', async () => {
    const r = await runListing('logs/*', 2, (cwd) => {
      put(path.join(cwd, 'logs', 'x'), '1', 0.5);
      put(path.join(cwd, 'logs', 'y'), '2', 0.5);
    });
    expect(r.picked).toEqual([[1, ['1', '2']]]);
    const streamListings = r.listings.filter(([, d]) => d !== 'logs');
    expect(streamListings).toEqual([
      [1, 'logs/x'],
      [1, 'logs/y'],
      [2, 'logs/x'],
      [2, 'logs/y'],
    ]);
  });

  test('new names are picked in name order among the remembered ones, whatever order they arrive in', async () => {
    const r = await runListing(
      'in',
      5,
      (cwd) => {
        for (const n of ['b', 'f']) put(path.join(cwd, 'in'), n, 0); // old: listed, never picked
        for (const n of ['d', 'h']) put(path.join(cwd, 'in'), n, 2.5); // listed from batch 1, picked at 3
      },
      {
        1: (cwd) => ['g', 'a', 'e', 'c'].forEach((n) => put(path.join(cwd, 'in'), n, 2.5)),
        // As many names as before, one of them new: the listing has changed all the same.
        3: (cwd) => {
          fs.rmSync(path.join(cwd, 'in', 'f'));
          ['cc', 'A'].forEach((n) => put(path.join(cwd, 'in'), n, 3.5));
          fs.rmSync(path.join(cwd, 'in', 'b'));
        },
      },
    );
    expect(r.picked).toEqual([
      [3, ['a', 'c', 'd', 'e', 'g', 'h']],
      [4, ['A', 'cc']],
    ]);
  });

  test('a file removed and written again under the same name is picked again (its name is listed anew)', async () => {
    const r = await runListing(
      'in',
      5,
      (cwd) => put(path.join(cwd, 'in'), 'x', 0.5),
      {
        1: (cwd) => fs.rmSync(path.join(cwd, 'in', 'x')),
        3: (cwd) => put(path.join(cwd, 'in'), 'x', 3.5),
      },
      { 'spark.streaming.fileStream.minRememberDuration': '1s' }, // x is forgotten after batch 2
    );
    expect(r.picked).toEqual([
      [1, ['x']],
      [4, ['x']],
    ]);
  });

  test('an old file touched into the window is picked: modification times are read again every batch', async () => {
    const r = await runListing('in', 4, (cwd) => put(path.join(cwd, 'in'), 'old', 0), {
      2: (cwd) => fs.utimesSync(path.join(cwd, 'in', 'old'), 2.5, 2.5),
    });
    expect(r.picked).toEqual([[3, ['old']]]);
  });

  test('a file renamed in is picked by its modification time: within the window yes, at or below the threshold never', async () => {
    const r = await runListing(
      'in',
      6,
      (cwd) => {
        put(path.join(cwd, 'in'), 'm', 0);
        put(path.join(cwd, 'staging'), 'recent', 2.5);
        put(path.join(cwd, 'staging'), 'stale', 1);
      },
      {
        3: (cwd) => {
          fs.renameSync(path.join(cwd, 'staging', 'recent'), path.join(cwd, 'in', 'recent'));
          fs.renameSync(path.join(cwd, 'staging', 'stale'), path.join(cwd, 'in', 'stale'));
        },
      },
      { 'spark.streaming.fileStream.minRememberDuration': '2s' }, // threshold at 4 s: 2 s
    );
    expect(r.picked).toEqual([[4, ['recent']]]);
  });

  test('a file with a future modification time waits for the batch it falls in', async () => {
    const r = await runListing('in', 5, (cwd) => {
      put(path.join(cwd, 'in'), 'later', 3.5);
      put(path.join(cwd, 'in'), 'now', 0.5);
    });
    expect(r.picked).toEqual([
      [1, ['now']],
      [4, ['later']],
    ]);
  });

  test('a listed directory that goes away is warned about, and new files are picked when it comes back', async () => {
    const r = await runListing('in', 4, (cwd) => put(path.join(cwd, 'in'), 'a', 0.5), {
      1: (cwd) => fs.rmSync(path.join(cwd, 'in'), { recursive: true }),
      2: (cwd) => ['b', 'a'].forEach((n) => put(path.join(cwd, 'in'), n, 2.5)),
    });
    // `a` is still remembered as selected (60 s): the same path is not picked twice.
    expect(r.picked).toEqual([
      [1, ['a']],
      [3, ['b']],
    ]);
    expect(r.warnings).toEqual(['No directory to scan: in (ENOENT)']);
  });
});
