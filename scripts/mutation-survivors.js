#!/usr/bin/env node
/**
 * The mutants a Stryker run has left so far: `npm run mutate:survivors [events-dir]` reads the
 * event recorder's files (stryker.config.json: reports/mutation/events), which are written as each
 * mutant is tested, so a run of hours can be read while it goes. Prints the count per status, then
 * each mutant that survived or that no test covers, as file:line:column, status, mutator and the
 * replacement, sorted by place.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const dir = process.argv[2] ?? path.join('reports', 'mutation', 'events');
let names;
try {
  names = fs.readdirSync(dir).filter((n) => n.endsWith('-onMutantTested.json')).sort();
} catch {
  console.error(`No Stryker events in ${dir}: run 'npm run mutate' first (its event-recorder reporter writes them).`);
  process.exit(2);
}
const counts = new Map();
const left = [];
for (const n of names) {
  const m = JSON.parse(fs.readFileSync(path.join(dir, n), 'utf8'));
  counts.set(m.status, (counts.get(m.status) ?? 0) + 1);
  if (m.status !== 'Survived' && m.status !== 'NoCoverage') continue;
  const file = path.relative(process.cwd(), m.fileName);
  const { line, column } = m.location.start;
  left.push({ file, line, column, text: `${file}:${line}:${column} ${m.status} ${m.mutatorName} ${String(m.replacement ?? '').replace(/\s+/g, ' ').slice(0, 80)}` });
}
const detected = (counts.get('Killed') ?? 0) + (counts.get('Timeout') ?? 0);
const valid = detected + (counts.get('Survived') ?? 0) + (counts.get('NoCoverage') ?? 0);
const statuses = [...counts.keys()].sort();
console.log(`${names.length} mutants tested: ${statuses.map((s) => `${s} ${counts.get(s)}`).join(', ')}`);
if (valid > 0) console.log(`score so far: ${((100 * detected) / valid).toFixed(2)} %`);
left.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
for (const l of left) console.log(l.text);
