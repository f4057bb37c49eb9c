import * as fs from 'node:fs';
import * as path from 'node:path';
import { DStreamSimError, IOError } from '../errors';
import { resolveForWriting } from '../util/confinedPath';
import { pythonStr, scalaString } from '../util/format';
import type { RDD } from './RDD';

/** Spark's `FileAlreadyExistsException` for an existing output directory. */
export class FileAlreadyExistsError extends DStreamSimError {
  constructor(message: string) {
    super(message, 'FILE_ALREADY_EXISTS', 'org.apache.hadoop.mapred.FileAlreadyExistsException');
  }
}

/**
 * Spark: `RDD.saveAsTextFile(path)`: a directory with one `part-NNNNN` file per partition (one
 * record per line, printed as the flavor prints it) and an empty `_SUCCESS` marker. Fails if
 * the directory exists. A relative path resolves against the simulated JVM's working directory; a
 * run with its own directory writes only inside it.
 */
export function saveAsTextFile(rdd: RDD<unknown>, target: string): void {
  const dir = outputDirectory(rdd, target);
  const str = rdd.context.flavor === 'pyspark' ? pythonStr : scalaString;
  if (fs.existsSync(dir)) {
    throw new FileAlreadyExistsError(`Output directory file:${path.resolve(rdd.context.cwd, target)} already exists`);
  }
  const parts = rdd.glom().collect();
  fs.mkdirSync(dir, { recursive: true });
  parts.forEach((records, i) => {
    const text = records.map((r) => str(r) + '\n').join('');
    fs.writeFileSync(path.join(dir, `part-${String(i).padStart(5, '0')}`), text);
  });
  fs.writeFileSync(path.join(dir, '_SUCCESS'), '');
}

function outputDirectory(rdd: RDD<unknown>, target: string): string {
  const { cwd, hasRunDir } = rdd.context;
  if (!hasRunDir) return path.resolve(cwd, target);
  const real = resolveForWriting(cwd, target);
  if (real === undefined) {
    throw new IOError(
      `Output directory ${target} is outside the run's directory; a run writes only inside its own directory. Use a relative path such as "out/counts".`,
      'OUTPUT_DIRECTORY_OUTSIDE_RUN',
    );
  }
  return real;
}
