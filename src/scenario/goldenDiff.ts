import { structuredPatch } from 'diff';
import { batchSections } from './transcript';

/** Where two transcripts first differ, and a readable unified diff around it. */
export interface GoldenMismatch {
  /** 1-based line of the first difference (in the actual transcript). */
  line: number;
  /** The batch it falls in (`batch 3000 ms`), or `before the first batch`. */
  where: string;
  /** A unified diff of the region: the batch before (context), the differing batch, marked. */
  diff: string;
}

/**
 * Compare a golden transcript with an actual one. `undefined` when they are equal; otherwise the
 * first differing batch and a unified diff (from the `diff` package) with one batch of context.
 */
export function compareGolden(expected: string, actual: string, label = 'expected.golden'): GoldenMismatch | undefined {
  if (expected === actual) return undefined;
  const e = expected.split('\n');
  const a = actual.split('\n');
  let i = 0;
  while (i < e.length && i < a.length && e[i] === a[i]) i++;
  const sections = batchSections(actual);
  const idx = sections.findIndex((s) => i >= s.start && i < s.end);
  const where = idx >= 0 ? sections[idx]!.title : i < (sections[0]?.start ?? Infinity) ? 'before the first batch' : 'after the last batch';
  // One batch of context before the difference (the start of the previous batch, or of this one).
  const from = idx > 0 ? sections[idx - 1]!.start : idx === 0 ? sections[0]!.start : Math.max(0, i - 3);
  const context = Math.min(40, Math.max(3, i - from));
  const patch = structuredPatch(label, 'actual', expected, actual, '', '', { context });
  const hunk = patch.hunks[0];
  const lines: string[] = [`--- ${label}`, '+++ actual'];
  if (hunk !== undefined) {
    lines.push(`@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`);
    let marked = false;
    for (const l of hunk.lines) {
      if (!marked && (l.startsWith('-') || l.startsWith('+'))) {
        lines.push(`>>> first difference, in ${where}`);
        marked = true;
      }
      lines.push(l);
    }
    if (patch.hunks.length > 1) lines.push(`… ${patch.hunks.length - 1} more difference${patch.hunks.length > 2 ? 's' : ''} after this one`);
  }
  return { line: i + 1, where, diff: lines.join('\n') };
}
