/** The timeline's `crash` event: its YAML form and its errors (file, line, field and the fix). */
import { parseTimeline, timeline, TimelineError } from '../../src/index';

const parse = (events: string): unknown => parseTimeline(`sources:\n  nc: { socket: "localhost:9000" }\nevents:\n${events}`, 't.yaml');

test('a crash names its restart time and no source', () => {
  expect(parse('  - { at: 7, crash: { restart: 9.5 } }\n')).toMatchObject({ events: [{ at: 7, kind: 'crash', restart: 9.5 }] });
  expect(timeline().crash(7, 9.5).build().events).toEqual([{ at: 7, kind: 'crash', restart: 9.5 }]);
});

test.each([
  ['a restart before the crash', '  - { at: 7, crash: { restart: 7 } }\n', 't.yaml:4: events[0].crash.restart: the restart time must be a number of seconds after the crash (7 s)'],
  ['a restart finer than a ms', '  - { at: 7, crash: { restart: 8.0001 } }\n', 't.yaml:4: events[0].crash.restart: 8.0001 is finer than a millisecond'],
  ['no restart', '  - { at: 7, crash: true }\n', 't.yaml:4: events[0].crash: write { at: 7, crash: { restart: 9 } }'],
  ['a source', '  - { at: 7, source: nc, crash: { restart: 9 } }\n', "t.yaml:4: events[0].source: a crash is the driver's, not a source's; remove 'source'"],
])('%s is refused', (_name, events, message) => {
  let error: unknown;
  try {
    parse(events);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(TimelineError);
  expect((error as Error).message.startsWith(message)).toBe(true);
});
