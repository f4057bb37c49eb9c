/** Expected vs actual in a test report: the golden mechanism's comparison, part by part. */
import { goldenView, transcriptParts } from '../../src/report/model/goldenParts';

const transcript = (six: string): string =>
  [
    '# program: program.ts   until: 9 s',
    '',
    '[0 ms] StreamingContext 0 started: first batch at 3000 ms',
    '== batch 3000 ms ==',
    'input Queue input [0]: [1]',
    '== batch 6000 ms ==',
    `input Queue input [0]: [${six}]`,
    '[7000 ms] warning: something',
    '== batch 9000 ms ==',
    'input Queue input [0]: [3]',
    '[9000 ms] StreamingContext 0 stopped (end of run; was ACTIVE)',
    '',
  ].join('\n');

test('a transcript splits as the golden mechanism splits it: before the batches, a part per batch (with the lines stamped before the next), after the last', () => {
  const parts = transcriptParts(transcript('2'));
  expect(parts.map((p) => p.title)).toEqual(['before the first batch', 'batch 3000 ms', 'batch 6000 ms', 'batch 9000 ms', 'after the last batch']);
  expect(parts[2]!.text).toBe('== batch 6000 ms ==\ninput Queue input [0]: [2]\n[7000 ms] warning: something');
  expect(parts[4]!.text).toBe('[9000 ms] StreamingContext 0 stopped (end of run; was ACTIVE)\n');
});

test('a differing batch is the first difference; the others are the same', () => {
  const v = goldenView({ label: 's/expected.golden', expected: transcript('20'), actual: transcript('2') });
  expect(v.status).toBe('fail');
  expect(v.firstDifference).toBe('batch 6000 ms');
  expect(v.diff).toContain('>>> first difference, in batch 6000 ms');
  expect(v.parts.filter((p) => p.differs).map((p) => [p.title, p.first])).toEqual([['batch 6000 ms', true]]);
  const six = v.parts.find((p) => p.title === 'batch 6000 ms')!;
  expect([six.expected, six.actual]).toEqual([
    '== batch 6000 ms ==\ninput Queue input [0]: [20]\n[7000 ms] warning: something',
    '== batch 6000 ms ==\ninput Queue input [0]: [2]\n[7000 ms] warning: something',
  ]);
});

test('a difference after the last batch marks that part; an equal golden passes; a missing one shows the actual only', () => {
  const after = goldenView({ label: 'g', expected: transcript('2').replace('end of run', 'stop()'), actual: transcript('2') });
  expect(after.firstDifference).toBe('after the last batch');
  expect(after.parts.filter((p) => p.first).map((p) => p.title)).toEqual(['after the last batch']);
  const pass = goldenView({ label: 'g', expected: transcript('2'), actual: transcript('2') });
  expect(pass.status).toBe('pass');
  expect(pass.parts.some((p) => p.differs)).toBe(false);
  const missing = goldenView({ label: 'g', expected: undefined, actual: transcript('2') });
  expect(missing.status).toBe('missing');
  expect(missing.parts.every((p) => p.expected === undefined && p.actual !== undefined)).toBe(true);
});
