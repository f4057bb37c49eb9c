import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { InvalidInputError, SparkContext, UnsupportedOperationError } from '../../src/index';
import { inJvm } from '../__helpers__/sim';

/**
 * `SparkContext.textFile` / `wholeTextFiles` (Spark's FileSuite "text files" and Hadoop's
 * FileInputFormat splits), read relative to the simulated JVM's working directory.
 */
let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dstream-sim-textfile-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const withSc = <R>(fn: (sc: SparkContext) => R): Promise<R> =>
  inJvm(() => fn(new SparkContext({ master: 'local[4]', appName: 'files' })), { cwd: dir });

test('FileSuite "text files": saveAsTextFile then textFile reads the lines back', () =>
  withSc((sc) => {
    sc.makeRDD([1, 2, 3, 4]).saveAsTextFile('out');
    expect(sc.textFile('out').collect()).toEqual(['1', '2', '3', '4']);
  }));

test('splits as Hadoop cuts them; a line goes to the split it starts in (one starting at a split\'s end byte to that split)', () =>
  withSc((sc) => {
    // 14 bytes, minPartitions min(4, 2) = 2: goal 7, 14/7 = 2 > 1.1 -> [0,7) [7,14)
    fs.writeFileSync(path.join(dir, 'f.txt'), 'a\nbb\nccc\ndddd\n');
    expect(sc.textFile('f.txt').glom().collect()).toEqual([['a', 'bb', 'ccc'], ['dddd']]);
    // 15 bytes: [0,7) [7,14) [14,15); 'e' starts at byte 14, read by the split ending there
    fs.writeFileSync(path.join(dir, 'h.txt'), 'a\nbb\nccc\ndddd\ne');
    expect(sc.textFile('h.txt').glom().collect()).toEqual([['a', 'bb', 'ccc'], ['dddd', 'e'], []]);
    expect(sc.textFile(path.join(dir, 'f.txt'), 1).glom().collect()).toEqual([['a', 'bb', 'ccc', 'dddd']]);
  }));

test('\\r\\n and \\r end lines; a last line without a newline is kept; empty lines stay', () =>
  withSc((sc) => {
    fs.writeFileSync(path.join(dir, 'g.txt'), 'x\r\ny\rz\n\nw');
    expect(sc.textFile('g.txt', 1).collect()).toEqual(['x', 'y', 'z', '', 'w']);
  }));

test('comma-separated paths are read in order', () =>
  withSc((sc) => {
    fs.writeFileSync(path.join(dir, 'a.txt'), 'a1\na2\n');
    fs.writeFileSync(path.join(dir, 'b.txt'), 'b1\n');
    expect(sc.textFile('b.txt,a.txt').collect()).toEqual(['b1', 'a1', 'a2']);
  }));

test('a missing path fails with Hadoop\'s InvalidInputException', () =>
  withSc((sc) => {
    expect(() => sc.textFile('nope')).toThrow(InvalidInputError);
    expect(() => sc.textFile('nope')).toThrow(`Input path does not exist: file:${path.join(dir, 'nope')}`);
  }));

test('wholeTextFiles: [file:<path>, content] per file, hidden files skipped', () =>
  withSc((sc) => {
    fs.mkdirSync(path.join(dir, 'in'));
    fs.writeFileSync(path.join(dir, 'in', 'a.txt'), 'hello\nworld\n');
    fs.writeFileSync(path.join(dir, 'in', 'b.txt'), 'bye');
    fs.writeFileSync(path.join(dir, 'in', '_SUCCESS'), '');
    expect(sc.wholeTextFiles('in').collect()).toEqual([
      [`file:${path.join(dir, 'in', 'a.txt')}`, 'hello\nworld\n'],
      [`file:${path.join(dir, 'in', 'b.txt')}`, 'bye'],
    ]);
  }));

test('unsupported RDD methods fail clearly, naming the method (never "x is not a function")', () =>
  withSc((sc) => {
    const rdd = sc.parallelize([1, 2]);
    expect(() => rdd.pipe('cat')).toThrow(UnsupportedOperationError);
    expect(() => rdd.pipe('cat')).toThrow('RDD.pipe is not supported by dstream-sim: pipe runs an external process;');
    expect(() => rdd.saveAsSequenceFile('x')).toThrow('RDD.saveAsSequenceFile is not supported by dstream-sim');
    expect(() => rdd.countApproxDistinct()).toThrow('RDD.countApproxDistinct is not supported by dstream-sim');
  }));
