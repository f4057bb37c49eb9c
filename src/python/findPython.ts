import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SimulationError } from '../errors';

/** Python commands (with the PATH and directory they were found from) known to be CPython ≥ 3.9, and their real executables. */
const checked = new Map<string, string>();

function cacheKey(candidate: string, env: NodeJS.ProcessEnv): string {
  return `${candidate}\0${env['PATH'] ?? ''}\0${process.cwd()}`;
}

/**
 * The interpreter file behind a Python command {@link findPython} accepted (its `sys.executable`):
 * runs start it directly, not through a launcher such as a pyenv shim (which costs a shell and
 * `pyenv exec` per run). The command itself when unknown.
 */
export function pythonExecutable(candidate: string, env: NodeJS.ProcessEnv = process.env): string {
  return checked.get(cacheKey(candidate, env)) || candidate;
}

/**
 * The Python that runs `.py` programs: `--python`, else `DSTREAM_SIM_PYTHON`, else `python3` on
 * the PATH; it must be CPython ≥ 3.9. Throws SimulationError `PYTHON_NOT_FOUND` naming both ways
 * to choose one.
 */
export function findPython(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env['DSTREAM_SIM_PYTHON'];
  const candidate = explicit ?? (fromEnv !== undefined && fromEnv !== '' ? fromEnv : 'python3');
  // Checking costs a whole interpreter start-up: a command (with the PATH it was found on) that
  // passed once is not asked again in this process.
  const key = cacheKey(candidate, env);
  if (checked.has(key)) return candidate;
  const source = explicit !== undefined ? '--python' : fromEnv ? 'DSTREAM_SIM_PYTHON' : 'the PATH';
  const r = spawnSync(candidate, ['-c', 'import sys; print("%d.%d" % sys.version_info[:2]); print(sys.executable)'], { encoding: 'utf8', timeout: 20000 });
  const [version, executable] = r.status === 0 ? r.stdout.trim().split('\n') : [];
  const how =
    'A .py program runs in a real CPython ≥ 3.9: put python3 on the PATH, or name one with --python <path> or the DSTREAM_SIM_PYTHON environment variable.';
  if (version === undefined) {
    throw new SimulationError(`cannot run Python '${candidate}' (from ${source}): ${r.error?.message ?? (r.stderr || `exit code ${r.status}`).trim()}. ${how}`, 'PYTHON_NOT_FOUND');
  }
  const [major, minor] = version.split('.').map(Number);
  if (major !== 3 || (minor ?? 0) < 9) {
    throw new SimulationError(`Python '${candidate}' (from ${source}) is ${version}. ${how}`, 'PYTHON_NOT_FOUND');
  }
  checked.set(key, executable !== undefined && path.isAbsolute(executable.trim()) && fs.existsSync(executable.trim()) ? executable.trim() : candidate);
  return candidate;
}

