import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Write a `.py` scenario (program.py, scenario.yaml, optional timeline.yaml) into a fresh temporary directory. */
export function makePyScenario(name: string, program: string, yaml: string, timeline?: string): string {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dstream-sim-py-')), name);
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'program.py'), program);
  fs.writeFileSync(path.join(dir, 'scenario.yaml'), `program: program.py\n${yaml}`);
  if (timeline !== undefined) fs.writeFileSync(path.join(dir, 'timeline.yaml'), timeline);
  return dir;
}

/** The usual preamble of a test program: a SparkContext and a 1 s StreamingContext. */
export const PREAMBLE = `from pyspark import SparkContext
from pyspark.streaming import StreamingContext
sc = SparkContext(appName="test")
ssc = StreamingContext(sc, 1)
`;
