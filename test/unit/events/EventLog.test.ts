/**
 * The event log (the spine every view reads): a subscriber may ask for a few kinds and then costs
 * nothing for the others, and whoever builds a costly event asks first whether anyone wants it.
 */
import { EventLog } from '../../../src/events/EventLog';
import type { SimEvent } from '../../../src/events/SimEvent';

const warning = (message: string): Parameters<EventLog['emit']>[0] => ({ type: 'warning', message }) as Parameters<EventLog['emit']>[0];
const output = (text: string): Parameters<EventLog['emit']>[0] => ({ type: 'programOutput', text }) as Parameters<EventLog['emit']>[0];

test('a subscriber that names kinds hears only those; one that names none hears everything', () => {
  const log = new EventLog(() => 0, 0);
  const some: SimEvent['type'][] = [];
  const all: SimEvent['type'][] = [];
  log.subscribe((e) => void some.push(e.type), ['programOutput']);
  log.subscribe((e) => void all.push(e.type));
  log.emit(warning('w'));
  log.emit(output('o'));
  expect(some).toEqual(['programOutput']);
  expect(all).toEqual(['warning', 'programOutput']);
});

test('isRecording(kind) is true only when the log keeps events or a subscriber wants that kind', () => {
  const log = new EventLog(() => 0, 0);
  expect(log.isRecording('inputDelivered')).toBe(false);
  const off = log.subscribe(() => undefined, ['batchCompleted']);
  expect(log.isRecording('inputDelivered')).toBe(false);
  expect(log.isRecording('batchCompleted')).toBe(true);
  expect(log.isRecording()).toBe(true);
  off();
  expect(log.isRecording('batchCompleted')).toBe(false);
  expect(new EventLog(() => 0).isRecording('inputDelivered')).toBe(true); // keeps everything
});
