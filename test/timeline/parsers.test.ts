/**
 * A timeline is read with js-yaml (fast), and read again with `yaml` (which knows every node's
 * line) only to report an error. Both must mean the same: every bundled timeline, and the
 * corners of YAML a timeline may use, give the same timeline either way.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseTimeline, parseTimelineWithLines } from '../../src/timeline/loadTimeline';

const ROOT = path.resolve(__dirname, '..', '..');
const bundled = fs
  .readdirSync(path.join(ROOT, 'scenarios'))
  .flatMap((d) => {
    const dir = path.join(ROOT, 'scenarios', d);
    return fs.statSync(dir).isDirectory() ? fs.readdirSync(dir).filter((f) => /timeline.*\.(ya?ml|json)$/.test(f)).map((f) => path.join(dir, f)) : [];
  })
  .sort();

test('there are bundled timelines to compare', () => {
  expect(bundled.length).toBeGreaterThanOrEqual(8);
});

test.each(bundled.map((f) => [path.relative(ROOT, f)]))('%s reads the same with both parsers', (rel) => {
  const text = fs.readFileSync(path.join(ROOT, rel), 'utf8');
  expect(parseTimeline(text, rel)).toEqual(parseTimelineWithLines(text, rel));
});

test.each([
  ['flow and block forms, quoting, numbers', 'sources:\n  nc: { socket: "localhost:9000" }\n  q:\n    queue: numbers\nevents:\n  - at: 0.5\n    source: nc\n    lines:\n      - plain\n      - "double \\"quoted\\""\n      - \'single\'\n  - { at: 1, source: nc, data: "x\\ty" }\n  - { at: 2e0, source: q, push: [[1, 2.5, -3, 0x10, 0o17, .5], ["yes", "no", null, true]] }\n'],
  ['comments, block scalars, anchors', '# a comment\nsources: { inbox: { directory: in } }\nevents:\n  - at: 1  # seconds\n    source: inbox\n    file: a.txt\n    content: |\n      line one\n      line two\n  - { at: 2, source: inbox, file: b.txt, content: &c "b", mtime: 1.5 }\n  - { at: 3, source: inbox, file: c.txt, content: *c }\n'],
  ['JSON', '{"sources": {"nc": {"socket": "localhost:9000"}}, "events": [{"at": 1, "source": "nc", "lines": ["a", "b"]}, {"at": 2, "source": "nc", "close": true}]}'],
  ['bare words that YAML 1.1 would read as booleans stay strings', 'sources: { q: { queue: q } }\nevents:\n  - { at: 1, source: q, push: [[yes, no, on, off, y, n]] }\n'],
])('%s: the same with both parsers', (_what, text) => {
  expect(parseTimeline(text, 't.yaml')).toEqual(parseTimelineWithLines(text, 't.yaml'));
});

test('an error is reported with its line, as the line-keeping parser reports it', () => {
  const text = 'sources: { nc: { socket: "localhost:9000" } }\nevents:\n  - { at: 2, source: nc, lines: [a] }\n  - { at: 1, source: nc, lines: [b] }\n';
  expect(() => parseTimeline(text, 't.yaml')).toThrow(/^t\.yaml:4: events\[1\]\.at: events out of order/);
  expect(() => parseTimeline('sources: {\n', 't.yaml')).toThrow(/^t\.yaml:\d+: /);
});
