/**
 * Issue 9, item 5: every path a timeline names stays inside the run's directory. A directory
 * source that is absolute or climbs out with `..` is an error with file:line; a file name with
 * `..` already was; and a symbolic link on disk cannot lead a write out either.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseTimeline, SparkContext, StreamingContext, timeline, TimelineDriver, TimelineError, withIsolatedJvm, type Timeline } from '../../src/index';

const OUTSIDE = "is outside the run's directory; use a relative path inside it (not absolute, no '..' that leaves it)";

function errorOf(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error, got none');
}

const dirTimeline = (dir: string): string =>
  `sources:\n  q: { queue: q }\n  d: { directory: ${JSON.stringify(dir)} }\nevents:\n  - { at: 1, source: d, file: a.txt, content: "x" }\n`;

describe('timeline directories stay inside the run directory', () => {
  test.each(['/tmp/elsewhere', '../..', '..', 'in/../../out'])('directory %s is refused with file:line', (dir) => {
    const e = errorOf(() => parseTimeline(dirTimeline(dir), 't.yaml'));
    expect(e).toBeInstanceOf(TimelineError);
    expect(e.message).toBe(`t.yaml:3: sources.d.directory: '${dir}' ${OUTSIDE}`);
  });

  test.each(['input', './input', 'a/b', 'a/../b', '.'])('directory %s is accepted', (dir) => {
    expect(parseTimeline(dirTimeline(dir), 't.yaml').sources[1]).toEqual({ name: 'd', kind: 'directory', path: dir });
  });

  test('the typed builder refuses it too', () => {
    expect(() => timeline().directory('d', '/var/data').build()).toThrow(`timeline: sources.d.directory: '/var/data' ${OUTSIDE}`);
  });

  test.each(['../a.txt', 'sub/../../a.txt', '/etc/a.txt'])('a file name %s is refused (its directory)', (name) => {
    expect(() => timeline().directory('d', 'in').file(1, 'd', name, 'x').build()).toThrow(`timeline: events[0].file: '${name}' escapes its directory`);
  });
});

describe('symbolic links do not let a timeline write outside the run directory', () => {
  let root: string;
  let cwd: string;
  let outside: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'dstream-sim-confine-'));
    cwd = path.join(root, 'run');
    outside = path.join(root, 'outside');
    fs.mkdirSync(cwd);
    fs.mkdirSync(outside);
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  const tl: Timeline = timeline().directory('inbox', 'input').file(1, 'inbox', 'a.txt', 'line\n').build();

  /** Attach the timeline, let `tamper` change the run directory (as a program could), run 2 s. */
  async function run(tamper: () => void): Promise<void> {
    await withIsolatedJvm({ stdout: () => undefined, cwd }, async (jvm) => {
      const driver = await TimelineDriver.attach(jvm, tl);
      try {
        const ssc = new StreamingContext(new SparkContext({ master: 'local[2]' }), 1);
        ssc.textFileStream('input').pprint();
        tamper();
        ssc.start();
        try {
          await ssc.awaitTerminationOrTimeout(2);
        } finally {
          ssc.stop();
        }
      } finally {
        await driver.close();
      }
    });
  }

  test('a directory replaced by a link to outside is refused, and nothing is written there', async () => {
    const tamper = (): void => {
      fs.rmSync(path.join(cwd, 'input'), { recursive: true });
      fs.symlinkSync(outside, path.join(cwd, 'input'));
    };
    await expect(run(tamper)).rejects.toThrow(
      "timeline inbox: 'input/a.txt' leads outside the run's directory through the symbolic link 'input'; timelines write only inside the run's directory",
    );
    expect(fs.readdirSync(outside)).toEqual([]);
  });

  test('a file name that is a link to a file outside is refused, and the file is untouched', async () => {
    fs.writeFileSync(path.join(outside, 'victim.txt'), 'keep');
    await expect(run(() => fs.symlinkSync(path.join(outside, 'victim.txt'), path.join(cwd, 'input', 'a.txt')))).rejects.toThrow(
      "through the symbolic link 'input/a.txt'",
    );
    expect(fs.readFileSync(path.join(outside, 'victim.txt'), 'utf8')).toBe('keep');
  });

  test('a dangling link is refused (writing through it would create its target)', async () => {
    await expect(run(() => fs.symlinkSync(path.join(outside, 'new.txt'), path.join(cwd, 'input', 'a.txt')))).rejects.toThrow(
      "through the symbolic link 'input/a.txt'",
    );
    expect(fs.readdirSync(outside)).toEqual([]);
  });

  test('a directory source that is already a link to outside is refused when the timeline starts', async () => {
    fs.symlinkSync(outside, path.join(cwd, 'input'));
    await expect(withIsolatedJvm({ cwd }, (jvm) => TimelineDriver.attach(jvm, tl))).rejects.toThrow(
      "timeline inbox: 'input' leads outside the run's directory through the symbolic link 'input'",
    );
  });

  test('a link that stays inside the run directory is followed', async () => {
    fs.mkdirSync(path.join(cwd, 'real'));
    fs.symlinkSync(path.join(cwd, 'real'), path.join(cwd, 'input'));
    await run(() => undefined);
    expect(fs.readFileSync(path.join(cwd, 'real', 'a.txt'), 'utf8')).toBe('line\n');
  });
});
