/** printTimeline writes every kind of event in the YAML timeline format, and parseTimeline reads it back. */
import { parseTimeline, timeline } from 'dstream-sim';
import { printTimeline } from 'dstream-sim/property';

test('every event kind, odd names and texts survive the round trip', () => {
  const t = timeline()
    .socket('nc', 'localhost:9000')
    .directory('in box', 'data/in box')
    .queue('yes', 'no')
    .lines(0.5, 'nc', 'a "quoted" line', 'ünïcödé: and # not a comment')
    .data(1, 'nc', 'partial')
    .drop(1.25, 'nc')
    .close(1.5, 'nc')
    .open(2, 'nc')
    .file(2, 'in box', 'old.csv', 'k,1\nk,2\n', { mtime: 0 })
    .file(2.001, 'in box', 'true', '')
    .push(3, 'yes', [1, 'two', [3, 4]], [])
    .crash(4, 6.5)
    .build();
  const yaml = printTimeline(t);
  expect(yaml).toBe(
    [
      'sources:',
      '  nc: { socket: "localhost:9000" }',
      '  "in box": { directory: "data/in box" }',
      '  "yes": { queue: "no" }',
      'events:',
      '  - { at: 0.5, source: nc, lines: ["a \\"quoted\\" line","ünïcödé: and # not a comment"] }',
      '  - { at: 1, source: nc, bytes: [112,97,114,116,105,97,108] }',
      '  - { at: 1.25, source: nc, drop: true }',
      '  - { at: 1.5, source: nc, close: true }',
      '  - { at: 2, source: nc, open: true }',
      '  - { at: 2, source: "in box", file: old.csv, content: "k,1\\nk,2\\n", mtime: 0 }',
      '  - { at: 2.001, source: "in box", file: "true", content: "" }',
      '  - { at: 3, source: "yes", push: [[1,"two",[3,4]],[]] }',
      '  - { at: 4, crash: { restart: 6.5 } }',
      '',
    ].join('\n'),
  );
  expect(parseTimeline(yaml)).toEqual(t);
});

test('an empty timeline prints as one', () => {
  const t = { sources: [], events: [] };
  expect(printTimeline(t)).toBe('sources: {}\nevents: []\n');
  expect(parseTimeline(printTimeline(t))).toEqual(t);
});
