#!/usr/bin/env node
// The dstream-sim command. Runs the compiled CLI (npm ci builds it through the prepare script).
const path = require('node:path');
const fs = require('node:fs');
const entry = path.join(__dirname, '..', 'dist', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('dstream-sim: the CLI is not built yet; run `npm run build` (npm ci does it) first.\n');
  process.exit(1);
}
// A reader that stops early (`dstream-sim run … | head`) closes the pipe: stop quietly, as Unix
// tools do, instead of an unhandled EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e && e.code === 'EPIPE') process.exit(0);
    throw e;
  });
}
require(entry)
  .main(process.argv.slice(2))
  .then((code) => process.exit(code), (e) => {
    process.stderr.write(`dstream-sim: ${e && e.stack ? e.stack : e}\n`);
    process.exit(1);
  });
