import * as fs from 'node:fs';
import * as path from 'node:path';
import { compareGolden } from '../../scenario/goldenDiff';
import { loadScenario } from '../../scenario/Scenario';
import { runScenario } from '../../scenario/runScenario';
import { describeGoldenOutcome } from '../../scenario/golden';
import { realStopwatch } from '../../util/Clock';
import { errorText, type ScenarioRow } from './rows';

/**
 * A transcript with each batch's lines sorted: what `--adversarial-order` compares. The order of
 * lines inside a batch may legitimately change when records are permuted where Spark promises no
 * order; the lines themselves (values, counts, which records pprint shows) may not.
 */
export function linesInAnyOrder(transcript: string): string {
  const out: string[] = [];
  let section: string[] = [];
  const flush = (): void => void out.push(...section.map(partsInAnyOrder).sort());
  for (const line of transcript.split('\n')) {
    if (line.startsWith('== batch ')) {
      flush();
      section = [];
      out.push(line);
    } else section.push(line);
  }
  flush();
  return out.join('\n');
}

/**
 * A line's top-level comma-separated parts sorted (brackets, parentheses and quotes protect their
 * commas): inspection lines list records in computed order (`added 'b'=1, 'a'=1`), a pprint line
 * (`('a', 1)`) is one part and stays as it is. The prefix before the first item stays first.
 */
function partsInAnyOrder(line: string): string {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote !== undefined) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = undefined;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth--;
    else if (depth === 0 && ch === ',' && line[i + 1] === ' ') {
      parts.push(line.slice(start, i));
      start = i + 2;
    }
  }
  parts.push(line.slice(start));
  if (parts.length === 1) return line;
  // The first part carries the line's prefix (`state … [2]: added 'b'=1`): its item is as many
  // words as the second part has.
  const words = parts[0]!.split(' ');
  const n = parts[1]!.split(' ').length;
  const prefix = words.slice(0, Math.max(0, words.length - n)).join(' ');
  parts[0] = words.slice(Math.max(0, words.length - n)).join(' ');
  return `${prefix} ${parts.sort().join(', ')}`;
}

/**
 * `dstream-sim test --adversarial-order SEED`, one scenario: run it with records permuted where
 * Spark promises no order, and compare with the golden batch by batch in any line order. A
 * difference means the program's results depend on an order Spark does not promise. Never
 * writes goldens. Never throws.
 */
export async function runAdversarialRow(dir: string, seed: number, cwd: string): Promise<ScenarioRow> {
  const ms = realStopwatch(); // the table's time column: display only
  const name = path.relative(cwd, dir) || dir;
  try {
    const scenario = loadScenario(dir);
    const run = await runScenario(dir, { adversarialOrder: seed });
    const label = path.join(name, 'expected.golden');
    if (!fs.existsSync(scenario.golden)) {
      return { name, batches: run.batchTimes.length, result: 'MISSING', ms: ms(), detail: describeGoldenOutcome({ kind: 'missing' }, label, scenario.name) };
    }
    const golden = fs.readFileSync(scenario.golden, 'utf8');
    if (compareGolden(linesInAnyOrder(golden), linesInAnyOrder(run.transcript), label) === undefined) {
      return { name, batches: run.batchTimes.length, result: 'pass', ms: ms() };
    }
    const mismatch = compareGolden(golden, run.transcript, label)!;
    const detail =
      `under --adversarial-order ${seed} the output differs from the golden even in any line order, first in ${mismatch.where} (line ${mismatch.line}): ` +
      `the program depends on an order Spark does not promise (records after a shuffle, values of a group, the order a reduce combines in; see docs/property-testing.md)\n${mismatch.diff}`;
    return { name, batches: run.batchTimes.length, result: 'FAIL', ms: ms(), detail };
  } catch (e) {
    return { name, batches: 0, result: 'ERROR', ms: ms(), detail: errorText(e) };
  }
}
