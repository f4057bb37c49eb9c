import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Jvm } from '../env/Jvm';
import { SimulationError } from '../errors';
import { findPython, pythonExecutable } from './findPython';
import { Gateway } from './Gateway';
import { PythonException, type PythonErrorInfo } from './PythonException';
import { PythonProcess } from './PythonProcess';

/** Options of {@link runPythonProgram}. */
export interface PythonProgramOptions {
  /** The program file (absolute). */
  program: string;
  /** The directory file names in tracebacks and `sys.argv[0]` are relative to. */
  relativeTo: string;
  /** `sys.argv[1:]`, as spark-submit passes the arguments after the script. */
  args?: readonly string[];
  /** The Python to use (else DSTREAM_SIM_PYTHON, else python3 on the PATH). */
  python?: string;
  /** The working directory of the Python process. */
  cwd: string;
  /** The time zone of Python's local time (batch times handed to functions are local datetimes). */
  timeZone: string;
}

/** How a `.py` program ended: its uncaught exception, located in the user's file. */
export interface PythonProgramEnd {
  failed?: { errorName: string; message: string; where?: string; frame?: string };
}

/**
 * Where dstream-sim's `pyspark` package lives (the repo's `python/`, first on PYTHONPATH): the
 * nearest `python/` holding `_dstream_sim_main.py` above this file, so it is found from `src/`
 * (ts-jest), `dist/` and the bench's `build/src/` alike.
 */
export const PYTHON_PACKAGE_DIR = packageDir(__dirname);

function packageDir(from: string): string {
  for (let d = from; ; d = path.dirname(d)) {
    const candidate = path.join(d, 'python');
    if (fs.existsSync(path.join(candidate, '_dstream_sim_main.py'))) return candidate;
    if (path.dirname(d) === d) return path.resolve(from, '..', '..', 'python');
  }
}

/**
 * Run a PySpark program unmodified in a real CPython (spark-submit's role): one process, started
 * once, with `PYTHONHASHSEED=0`, dstream-sim's `pyspark` first on its path and the engine as its
 * "JVM" (see {@link Gateway}). What it prints becomes `programOutput` (through `output`), errors
 * in functions the engine runs carry Python's traceback, and a process that dies or hangs ends
 * the run with a SimulationError saying so.
 */
export async function runPythonProgram(
  jvm: Jvm,
  opts: PythonProgramOptions,
  output: (line: string) => void,
  /** A driver started ahead of time for this run ({@link startWaitingDriver}): it is told which program to run. */
  waiting?: PythonProcess,
): Promise<PythonProgramEnd> {
  const name = path.relative(opts.relativeTo, opts.program) || path.basename(opts.program);
  let proc: PythonProcess;
  if (waiting !== undefined) {
    proc = waiting;
    proc.send({ program: opts.program, name, args: [...(opts.args ?? [])] });
  } else {
    proc = spawnDriver(opts, [opts.program, name, ...(opts.args ?? [])]);
  }
  const previous = jvm.locateUserCode;
  jvm.locateUserCode = (e) => (e instanceof PythonException ? located(e.info) : previous?.(e));
  try {
    let end;
    try {
      end = await new Gateway(proc, jvm, output).serve();
    } catch (e) {
      // The process died or hung: the run says so (never a silent empty run).
      if (e instanceof SimulationError && (e.errorClass === 'PYTHON_EXITED' || e.errorClass === 'PYTHON_HUNG')) {
        return { failed: { errorName: 'SimulationError', message: e.message } };
      }
      throw e;
    }
    if (end.crashed === true || end.failed === undefined) return {};
    const where = located(end.failed);
    return { failed: { errorName: end.failed.type, message: end.failed.message.replace(/\n/g, ' '), where: where?.where, frame: where?.frame } };
  } finally {
    await proc.close();
  }
}

/**
 * Start the Python driver of a later run of this program now, waiting for its go (a timeline
 * crash restarts the program: its start-up then overlaps the run before the crash instead of
 * adding to it). Hand it to {@link runPythonProgram}, or close it.
 */
export function startWaitingDriver(opts: PythonProgramOptions): PythonProcess {
  return spawnDriver(opts, ['--wait']);
}

function spawnDriver(opts: PythonProgramOptions, mainArgs: string[]): PythonProcess {
  const python = findPython(opts.python);
  const timeout = Number(process.env['DSTREAM_SIM_PYTHON_TIMEOUT'] ?? '60');
  const pythonPath = [PYTHON_PACKAGE_DIR, process.env['PYTHONPATH']].filter((p) => p).join(path.delimiter);
  return new PythonProcess({
    python,
    executable: pythonExecutable(python),
    args: ['-X', 'utf8', path.join(PYTHON_PACKAGE_DIR, '_dstream_sim_main.py'), ...mainArgs],
    cwd: opts.cwd,
    env: {
      ...process.env,
      PYTHONHASHSEED: '0',
      PYTHONPATH: pythonPath,
      PYTHONDONTWRITEBYTECODE: '1',
      PYTHONIOENCODING: 'utf-8',
      TZ: opts.timeZone,
    },
    timeoutSeconds: Number.isFinite(timeout) && timeout > 0 ? timeout : 60,
  });
}

function located(info: PythonErrorInfo): { where: string; frame: string } | undefined {
  if (info.where === undefined || info.where === null) return undefined;
  return { where: info.where, frame: (info.traceback ?? '').replace(/\n+$/, '') };
}
