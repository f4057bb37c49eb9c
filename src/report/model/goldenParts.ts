import { compareGolden } from '../../scenario/goldenDiff';
import { batchSections } from '../../scenario/transcript';
import type { GoldenPartView, GoldenView } from './types';

/** A test result to show: the golden's text (undefined when missing) and the actual transcript. */
export interface GoldenInput {
  label: string;
  expected: string | undefined;
  actual: string;
}

/**
 * A transcript cut into titled parts: `before the first batch`, one part per batch header
 * (`batch 3000 ms`), and the lines between a batch and the next (`after batch 3000 ms`, or
 * `after the last batch`): the stamped events that happened there.
 */
export function transcriptParts(transcript: string): { title: string; text: string }[] {
  const lines = transcript.split('\n');
  const sections = batchSections(transcript);
  const parts: { title: string; text: string }[] = [];
  const push = (title: string, from: number, to: number): void => {
    if (to > from) parts.push({ title, text: lines.slice(from, to).join('\n') });
  };
  push('before the first batch', 0, sections[0]?.start ?? lines.length);
  sections.forEach((s, i) => {
    push(s.title, s.start, s.end);
    const next = sections[i + 1]?.start ?? lines.length;
    push(i === sections.length - 1 ? 'after the last batch' : `after ${s.title}`, s.end, next);
  });
  return parts;
}

/**
 * The golden against the actual transcript, part by part (the golden mechanism's own comparison,
 * src/scenario/goldenDiff.ts, names the first difference and gives the diff).
 */
export function goldenView(input: GoldenInput): GoldenView {
  const actual = transcriptParts(input.actual);
  if (input.expected === undefined) {
    return {
      status: 'missing',
      label: input.label,
      firstDifference: undefined,
      diff: undefined,
      parts: actual.map((p) => ({ title: p.title, expected: undefined, actual: p.text, differs: true, first: false })),
    };
  }
  const mismatch = compareGolden(input.expected, input.actual, input.label);
  const expected = transcriptParts(input.expected);
  const titles = [...new Set([...expected.map((p) => p.title), ...actual.map((p) => p.title)])];
  const textOf = (parts: readonly { title: string; text: string }[], title: string): string | undefined => parts.find((p) => p.title === title)?.text;
  let firstSeen = false;
  const parts: GoldenPartView[] = titles.map((title) => {
    const e = textOf(expected, title);
    const a = textOf(actual, title);
    const differs = e !== a;
    const first = differs && !firstSeen && mismatch?.where === title;
    if (first) firstSeen = true;
    return { title, expected: e, actual: a, differs, first };
  });
  // The golden mechanism names the first difference by batch; when its part is not named so (a
  // stamped line between batches), the first differing part is it.
  if (mismatch !== undefined && !firstSeen) {
    const i = parts.findIndex((p) => p.differs);
    if (i >= 0) parts[i] = { ...parts[i]!, first: true };
  }
  return {
    status: mismatch === undefined ? 'pass' : 'fail',
    label: input.label,
    firstDifference: mismatch?.where,
    diff: mismatch?.diff,
    parts,
  };
}
