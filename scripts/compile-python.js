#!/usr/bin/env node
// Part of `npm run build`: compile the bundled `pyspark` package (python/) to bytecode once, so a
// .py run does not recompile it at every start (runs set PYTHONDONTWRITEBYTECODE: they write
// nothing outside their own directory, but they read these files). Without a Python nothing is
// done: TypeScript programs need none, and a .py run still works, only compiling in memory.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const python = process.env.DSTREAM_SIM_PYTHON || 'python3';
const dir = path.join(__dirname, '..', 'python');
const r = spawnSync(python, ['-m', 'compileall', '-q', dir], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
if (r.error === undefined && r.status !== 0) process.stderr.write(`compile-python: ${python} -m compileall failed (runs still work):\n${r.stderr}`);
