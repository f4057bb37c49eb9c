import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadTimeline, parseTimeline, timeline, TimelineError } from '../../src/index';

const yaml = `sources:
  words: { socket: "localhost:9000" }
  inbox: { directory: input }
  nums: { queue: nums }
events:
  - { at: 0.5, source: words, lines: ["a b", "c"] }
  - { at: 1, source: words, data: "part" }
  - { at: 1, source: words, bytes: [10] }
  - { at: 2, source: inbox, file: a.txt, content: "x\\n", mtime: 1 }
  - { at: 3, source: nums, push: [[1, 2], [3]] }
  - { at: 4, source: words, close: true }
  - { at: 5, source: words, open: true }
`;

describe('timeline format', () => {
  test('YAML and the typed builder mean the same', () => {
    const built = timeline()
      .socket('words', 'localhost:9000')
      .directory('inbox', 'input')
      .queue('nums')
      .lines(0.5, 'words', 'a b', 'c')
      .data(1, 'words', 'part')
      .data(1, 'words', [10])
      .file(2, 'inbox', 'a.txt', 'x\n', { mtime: 1 })
      .push(3, 'nums', [1, 2], [3])
      .close(4, 'words')
      .open(5, 'words')
      .build();
    expect(parseTimeline(yaml, 't.yaml')).toEqual(built);
  });

  test('JSON files load too', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tl-'));
    const file = path.join(dir, 't.json');
    fs.writeFileSync(file, JSON.stringify({ sources: { q: { queue: 'q' } }, events: [{ at: 1, source: 'q', push: [[1]] }] }, null, 2));
    expect(loadTimeline(file)).toEqual({ sources: [{ name: 'q', kind: 'queue', queue: 'q' }], events: [{ at: 1, source: 'q', kind: 'push', items: [[1]] }] });
    fs.rmSync(dir, { recursive: true });
  });

  const cases: [string, string, string][] = [
    [
      'events out of order',
      `sources:\n  w: { socket: "localhost:9000" }\nevents:\n  - { at: 2, source: w, lines: a }\n  - { at: 1, source: w, lines: b }\n`,
      't.yaml:5: events[1].at: events out of order (1 s comes after 2 s); list events by time',
    ],
    [
      'negative times',
      `sources:\n  w: { socket: "localhost:9000" }\nevents:\n  - { at: -1, source: w, lines: a }\n`,
      't.yaml:4: events[0].at: negative time -1; times are seconds from the start (≥ 0)',
    ],
    [
      'unknown source',
      `sources:\n  w: { socket: "localhost:9000" }\nevents:\n  - { at: 1, source: x, lines: a }\n`,
      "t.yaml:4: events[0].source: unknown source 'x' (declared: w)",
    ],
    [
      'a file name that escapes its directory',
      `sources:\n  d: { directory: in }\nevents:\n  - at: 1\n    source: d\n    file: ../etc/passwd\n    content: x\n`,
      "t.yaml:4: events[0].file: '../etc/passwd' escapes its directory; use a plain name inside 'in'",
    ],
    [
      'an event of the wrong kind for its source',
      `sources:\n  d: { directory: in }\nevents:\n  - { at: 1, source: d, lines: a }\n`,
      "t.yaml:4: events[0].source: 'lines' needs a socket source, but 'd' is a directory",
    ],
    [
      'an unknown field',
      `sources:\n  w: { socket: "localhost:9000" }\nevents:\n  - { at: 1, source: w, line: a }\n`,
      't.yaml:4: events[0].line: unknown field (expected one of at, source, lines, data, bytes, close, drop, open, file, content, mtime, push, crash)',
    ],
    [
      'a socket address without a port',
      `sources:\n  w: { socket: localhost }\nevents: []\n`,
      "t.yaml:2: sources.w.socket: 'localhost' is not host:port (e.g. localhost:9000)",
    ],
    ['a YAML syntax error', `sources:\n  w: { socket: "localhost:9000"\n`, 't.yaml:'],
  ];

  test.each(cases)('%s is refused with file, line and field', (_name, text, message) => {
    let error: unknown;
    try {
      parseTimeline(text, 't.yaml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TimelineError);
    expect((error as Error).message.startsWith(message)).toBe(true);
  });

  test('the typed builder validates too', () => {
    expect(() => timeline().socket('w', 'localhost:1').lines(2, 'w', 'a').lines(1, 'w', 'b').build()).toThrow(
      'timeline: events[1].at: events out of order (1 s comes after 2 s); list events by time',
    );
  });

  test('a missing file is named', () => {
    expect(() => loadTimeline('/nonexistent/t.yaml')).toThrow(/^\/nonexistent\/t\.yaml: cannot read the timeline file/);
  });
});
