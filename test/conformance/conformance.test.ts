/**
 * Spark's own test tables (test/conformance/*.json, copied from the project's shared
 * conformance set; each case keeps its `source`), run through the harness.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as api from '../../src/index';
import { runOperation, runOperation2, verifyOutput, type RunOptions, type DStream } from '../../src/index';

interface ConformanceCase {
  id: string;
  source: string;
  kind: 'operation' | 'operation2';
  input: (unknown[] | null)[];
  input2?: (unknown[] | null)[];
  operation: string;
  numBatches: number;
  opts: RunOptions;
  expected: unknown[][];
  compare: 'ordered' | 'unordered';
  sortNested: boolean;
}

/** Evaluate a case's operation source with the package's public exports in scope. */
function compile(source: string): (...streams: DStream<unknown>[]) => DStream<unknown> {
  const names = Object.keys(api);
  const values = names.map((n) => (api as Record<string, unknown>)[n]);
  return new Function(...names, `"use strict"; return (${source});`)(...values) as (
    ...streams: DStream<unknown>[]
  ) => DStream<unknown>;
}

const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.json')).sort();

for (const file of files) {
  const cases = JSON.parse(fs.readFileSync(path.join(__dirname, file), 'utf8')) as ConformanceCase[];
  describe(`conformance: ${file}`, () => {
    for (const c of cases) {
      test(`${c.id} — ${c.source}`, async () => {
        const op = compile(c.operation);
        const out =
          c.kind === 'operation2'
            ? await runOperation2(c.input, c.input2 ?? [], op, c.numBatches, c.opts)
            : await runOperation(c.input, op, c.numBatches, c.opts);
        verifyOutput(out, c.expected, { ordered: c.compare === 'ordered', sortNested: c.sortNested });
      });
    }
  });
}
