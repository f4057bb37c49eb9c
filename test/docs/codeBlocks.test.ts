/**
 * Every code block in README.md and docs/ (the tutorial included) is executed or compared, so the
 * docs cannot drift. How each kind of block is checked: test/__helpers__/docBlocks.ts.
 */
import { blocksOf, check, docFiles } from '../__helpers__/docBlocks';

const blocks = docFiles().flatMap(blocksOf);

test('the docs have code blocks to check', () => {
  expect(blocks.length).toBeGreaterThan(5);
});

test.each(blocks.map((b) => [`${b.doc}:${b.line} (${b.lang || b.check})`, b] as const))('%s', async (_name, b) => {
  await check(b);
}, 60_000);
