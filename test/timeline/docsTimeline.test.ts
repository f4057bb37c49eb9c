/** docs/timeline.md, as written: its YAML example loads, and the errors it quotes are the real ones. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseTimeline, timeline } from '../../src/index';

const doc = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'timeline.md'), 'utf8');

/** The text of a quoted message, up to its `…`. */
function quoted(start: string): string {
  const i = doc.replace(/\s*\n\s*/g, ' ').indexOf(start);
  if (i < 0) throw new Error(`docs/timeline.md does not quote '${start}'`);
  return doc.replace(/\s*\n\s*/g, ' ').slice(i).split('`')[0]!.replace(/…$/, '');
}

test('the YAML example loads', () => {
  const block = /```yaml\n([\s\S]*?)```/.exec(doc)![1]!;
  const t = parseTimeline(block, 'docs/timeline.md');
  expect(t.sources.map((s) => s.kind)).toEqual(['socket', 'directory', 'queue']);
  expect(t.events).toHaveLength(8);
  expect(t.events[7]).toEqual({ at: 9, kind: 'crash', restart: 11 });
});

test('the quoted errors are the ones a user gets', () => {
  const at = `sources:\n  q: { queue: q }\nevents:\n  - { at: 1.0001, source: q, push: [[1]] }\n`;
  expect(() => parseTimeline(at, 't.yaml')).toThrow(quoted('t.yaml:4: events[0].at: 1.0001'));
  expect(() => timeline().queue('q').push(1.0001, 'q', [1]).build()).toThrow(quoted('timeline: events[0].at:'));
  const dir = `sources:\n  q: { queue: q }\n  inbox: { directory: ../.. }\nevents: []\n`;
  expect(() => parseTimeline(dir, 't.yaml')).toThrow(quoted('t.yaml:3: sources.inbox.directory'));
});
