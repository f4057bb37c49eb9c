/** Colour: --color / --no-color beat NO_COLOR, which beats FORCE_COLOR, which beats "is it a terminal". */
import { paint, useColor } from '../../src/cli/style';

const tty = { isTTY: true };
const pipe = { isTTY: false };

test('off a terminal there is no colour; on one there is', () => {
  expect(useColor(pipe, undefined, {})).toBe(false);
  expect(useColor(tty, undefined, {})).toBe(true);
});

test('FORCE_COLOR colours a pipe; FORCE_COLOR=0 or false turns colour off on a terminal', () => {
  expect(useColor(pipe, undefined, { FORCE_COLOR: '1' })).toBe(true);
  expect(useColor(pipe, undefined, { FORCE_COLOR: '' })).toBe(true);
  expect(useColor(tty, undefined, { FORCE_COLOR: '0' })).toBe(false);
  expect(useColor(tty, undefined, { FORCE_COLOR: 'false' })).toBe(false);
});

test('NO_COLOR beats FORCE_COLOR; an empty NO_COLOR is not set (no-color.org)', () => {
  expect(useColor(tty, undefined, { NO_COLOR: '1', FORCE_COLOR: '1' })).toBe(false);
  expect(useColor(pipe, undefined, { NO_COLOR: '', FORCE_COLOR: '1' })).toBe(true);
});

test('the flag beats everything', () => {
  expect(useColor(pipe, true, { NO_COLOR: '1' })).toBe(true);
  expect(useColor(tty, false, { FORCE_COLOR: '1' })).toBe(false);
});

test('paint wraps text in the colour codes only when colour is on', () => {
  expect(paint('red', 'x', pipe, true)).toBe('\u001b[31mx\u001b[39m');
  expect(paint('bold', 'x', pipe, true)).toBe('\u001b[1mx\u001b[22m');
  expect(paint('red', 'x', tty, false)).toBe('x');
});
