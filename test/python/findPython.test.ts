/** The Python a .py run starts: the command is checked once, then its real interpreter file runs (no launcher per run). */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { findPython, pythonExecutable } from '../../src/python/findPython';

test("a checked command runs as its sys.executable (a pyenv shim is not started per run); an unchecked one as itself", () => {
  const python = findPython();
  const real = spawnSync(python, ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).stdout.trim();
  expect(path.isAbsolute(pythonExecutable(python))).toBe(true);
  expect(pythonExecutable(python)).toBe(real);
  expect(findPython()).toBe(python); // the second call answers from what the first learnt
  expect(pythonExecutable('no-such-python-here')).toBe('no-such-python-here');
});
