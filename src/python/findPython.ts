import { spawnSync } from 'node:child_process';
import { SimulationError } from '../errors';

/**
 * The Python that runs `.py` programs: `--python`, else `DSTREAM_SIM_PYTHON`, else `python3` on
 * the PATH; it must be CPython ≥ 3.9. Throws SimulationError `PYTHON_NOT_FOUND` naming both ways
 * to choose one.
 */
export function findPython(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env['DSTREAM_SIM_PYTHON'];
  const candidate = explicit ?? (fromEnv !== undefined && fromEnv !== '' ? fromEnv : 'python3');
  const source = explicit !== undefined ? '--python' : fromEnv ? 'DSTREAM_SIM_PYTHON' : 'the PATH';
  const r = spawnSync(candidate, ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])'], { encoding: 'utf8', timeout: 20000 });
  const version = r.status === 0 ? r.stdout.trim() : undefined;
  const how =
    'A .py program runs in a real CPython ≥ 3.9: put python3 on the PATH, or name one with --python <path> or the DSTREAM_SIM_PYTHON environment variable.';
  if (version === undefined) {
    throw new SimulationError(`cannot run Python '${candidate}' (from ${source}): ${r.error?.message ?? (r.stderr || `exit code ${r.status}`).trim()}. ${how}`, 'PYTHON_NOT_FOUND');
  }
  const [major, minor] = version.split('.').map(Number);
  if (major !== 3 || (minor ?? 0) < 9) {
    throw new SimulationError(`Python '${candidate}' (from ${source}) is ${version}. ${how}`, 'PYTHON_NOT_FOUND');
  }
  return candidate;
}
