/** Scenario-name globs for `dstream-sim test -t`. */
import { globToRegExp } from '../../src/cli/test/select';

test.each([
  ['notes-*', 'notes-map', true],
  ['notes-*', 'notes-', true],
  ['notes-*', 'lifecycle-notes-map', false],
  ['*map', 'notes-flat-map', true],
  ['notes-?ap', 'notes-map', true],
  ['notes-?ap', 'notes-mmap', false],
  ['notes-map', 'notes-map', true],
  ['notes.map', 'notes-map', false],
  ['a+(b)', 'a+(b)', true],
  ['[ab]', 'a', false],
  ['[ab]', '[ab]', true],
])("'%s' against %s → %s", (glob, name, matches) => {
  expect(globToRegExp(glob).test(name)).toBe(matches);
});
