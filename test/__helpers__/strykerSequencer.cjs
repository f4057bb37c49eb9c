/* global require, module, __dirname */
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS module jest loads as is */
/**
 * Stryker only (stryker.config.json: jest.config.testSequencer). In a mutant run Stryker passes
 * the covering tests as jest's testNamePattern; this keeps only the test files that hold one of
 * them (from the names strykerSetup.ts recorded in the dry run). Without that record, or when
 * nothing would be left, it keeps every file, as jest would. The files that failed last (they
 * killed the previous mutant, often this one's neighbour) go first, then the quickest: once one
 * test fails, the later files are not loaded (jest-circus-bail.cjs).
 */
const fs = require('node:fs');
const path = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

const TEST_NAMES_FILE = path.resolve(__dirname, '..', '..', '.stryker-test-names.jsonl');

function namesByFile() {
  if (!fs.existsSync(TEST_NAMES_FILE)) return undefined;
  const byFile = new Map();
  for (const line of fs.readFileSync(TEST_NAMES_FILE, 'utf8').split('\n')) {
    if (line === '') continue;
    const [file, name] = JSON.parse(line);
    if (!byFile.has(file)) byFile.set(file, []);
    byFile.get(file).push(name);
  }
  return byFile;
}

class StrykerSequencer extends Sequencer {
  constructor(options) {
    super(options);
    this.pattern = options && options.globalConfig ? options.globalConfig.testNamePattern : undefined;
  }

  sort(tests) {
    const sorted = super.sort(tests);
    if (!this.pattern) return sorted;
    const byFile = namesByFile();
    if (byFile === undefined) return sorted;
    const re = new RegExp(this.pattern, 'i');
    const kept = sorted.filter((t) => (byFile.get(t.path) || []).some((name) => re.test(name)));
    if (kept.length === 0) return sorted;
    const rank = (t) => [this.hasFailed(t) ? 0 : 1, t.duration == null ? Infinity : t.duration];
    return kept
      .map((t) => ({ t, r: rank(t) }))
      .sort((a, b) => a.r[0] - b.r[0] || a.r[1] - b.r[1] || (a.t.path < b.t.path ? -1 : a.t.path > b.t.path ? 1 : 0))
      .map(({ t }) => t);
  }
}

module.exports = StrykerSequencer;
