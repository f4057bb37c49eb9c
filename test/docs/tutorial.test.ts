/**
 * The tutorial (docs/tutorial/) in both languages: the same chapters with the same code blocks,
 * each running a bundled scenario with its transcript, a step session, its report's screenshot and
 * an exercise whose answer is a scenario with a golden; and the block checks of
 * codeBlocks.test.ts do fail when a shown transcript or session drifts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type Block, blocksOf, check, root } from '../__helpers__/docBlocks';
import { TUTORIAL_SCREENSHOTS } from '../__helpers__/tutorialScreenshots';

const tutorial = path.join('docs', 'tutorial');
const languages = ['en', 'ko'] as const;
const chaptersOf = (lang: string): string[] => fs.readdirSync(path.join(root, tutorial, lang)).filter((f) => f.endsWith('.md')).sort();
const chapters = chaptersOf('en');

const screenshots: readonly string[] = TUTORIAL_SCREENSHOTS;

const read = (doc: string): string => fs.readFileSync(path.join(root, doc), 'utf8');
const doc = (lang: string, chapter: string): string => path.join(tutorial, lang, chapter);
const imagesOf = (text: string): string[] => [...text.matchAll(/!\[[^\]]*\]\(\.\.\/img\/([^)]+)\.png\)/g)].map((m) => m[1]!);
const shape = (b: Block): Omit<Block, 'doc' | 'line'> => ({ lang: b.lang, check: b.check, text: b.text });

test('the tutorial follows the notes in eight chapters, in both languages', () => {
  expect(chapters).toEqual([
    '01-micro-batches.md',
    '02-streaming-context.md',
    '03-dstream.md',
    '04-sources.md',
    '05-basic-operations.md',
    '06-transform.md',
    '07-update-state-by-key.md',
    '08-windows.md',
  ]);
  expect(chaptersOf('ko')).toEqual(chapters);
});

test('README.md links the tutorial, and its index links every chapter in both languages', () => {
  expect(read('README.md')).toContain('](docs/tutorial/README.md)');
  const index = read(path.join(tutorial, 'README.md'));
  for (const lang of languages) for (const c of chapters) expect(index).toContain(`](${lang}/${c})`);
});

test('every relative link of the tutorial leads to a file, screenshots included (npm run screenshots makes them)', () => {
  const docs = [path.join(tutorial, 'README.md'), ...languages.flatMap((l) => chapters.map((c) => doc(l, c)))];
  for (const d of docs) {
    for (const m of read(d).matchAll(/\]\(([^)#\s]+)\)/g)) {
      const target = m[1]!;
      if (/^[a-z]+:/.test(target)) continue;
      expect({ doc: d, target, exists: fs.existsSync(path.join(root, path.dirname(d), target)) }).toEqual({ doc: d, target, exists: true });
    }
  }
});

describe.each(chapters)('chapter %s', (chapter) => {
  const en = blocksOf(doc('en', chapter));
  const ko = blocksOf(doc('ko', chapter));
  const exercise = `scenarios/tutorial-${chapter.replace(/\.md$/, '')}-exercise`;

  test('Korean and English show the same code, transcripts and sessions, in the same order', () => {
    expect(ko.map(shape)).toEqual(en.map(shape));
  });

  test('both show the same screenshots, of bundled scenarios the screenshot script draws', () => {
    const images = imagesOf(read(doc('en', chapter)));
    expect(images.length).toBeGreaterThan(0);
    expect(imagesOf(read(doc('ko', chapter)))).toEqual(images);
    for (const name of images) {
      expect(screenshots).toContain(name);
      expect(fs.statSync(path.join(root, tutorial, 'img', `${name}.png`)).size).toBeGreaterThan(1000); // a real picture, committed
      expect(fs.existsSync(path.join(root, 'scenarios', name, 'scenario.yaml'))).toBe(true);
    }
  });

  test('it runs a bundled scenario: the PySpark program as the notes write it, a command, its transcript and a step session', () => {
    expect(en.some((b) => /^file scenarios\/py-notes-[\w-]+\/program\.py$/.test(b.check ?? ''))).toBe(true);
    expect(en.some((b) => b.check === 'output' && /^\$ node bin\/dstream-sim\.js run scenarios\/py-notes-[\w-]+\/program\.py /.test(b.text))).toBe(true);
    expect(en.some((b) => /^file scenarios\/py-notes-[\w-]+\/expected\.golden$/.test(b.check ?? ''))).toBe(true);
    expect(en.some((b) => b.check === 'output' && b.text.startsWith('$ node bin/dstream-sim.js step ') && b.text.includes('\n> '))).toBe(true);
  });

  test(`it ends with an exercise whose answer is ${exercise}, a PySpark scenario with a golden`, () => {
    for (const f of ['scenario.yaml', 'program.py', 'expected.golden']) expect(fs.existsSync(path.join(root, exercise, f))).toBe(true);
    const checks = en.map((b) => b.check);
    expect(checks).toContain(`file ${exercise}/program.py`);
    expect(checks).toContain(`file ${exercise}/expected.golden`);
    expect(en.at(-1)).toMatchObject({ lang: 'sh', text: `node bin/dstream-sim.js test ${exercise}\n` });
  });
});

test('every tutorial exercise scenario belongs to a chapter', () => {
  const exercises = fs.readdirSync(path.join(root, 'scenarios')).filter((n) => n.startsWith('tutorial-'));
  expect(exercises).toEqual(chapters.map((c) => `tutorial-${c.replace(/\.md$/, '')}-exercise`));
});

describe('the checks fail when the tutorial drifts', () => {
  const blocks = chapters.flatMap((c) => blocksOf(doc('en', c)));
  const edit = (b: Block, from: string, to: string): Block => {
    expect(b.text).toContain(from);
    return { ...b, text: b.text.replace(from, to) };
  };

  test('a transcript that differs from its golden by one record', () => {
    const golden = blocks.find((b) => b.check === 'file scenarios/py-notes-window/expected.golden')!;
    expect(() => check(golden)).not.toThrow();
    expect(() => check(edit(golden, '[3, 4, 5]', '[3, 4, 6]'))).toThrow();
  });

  test("a program's output that differs from what the command prints", () => {
    const run = blocks.find((b) => b.check === 'output' && b.text.startsWith('$ node bin/dstream-sim.js run scenarios/py-notes-map/'))!;
    expect(() => check(run)).not.toThrow();
    expect(() => check(edit(run, "('b', 1)", "('b', 2)"))).toThrow();
  });

  test('a command that fails', () => {
    const sh = blocks.find((b) => b.lang === 'sh' && b.text.startsWith('node bin/dstream-sim.js test scenarios/tutorial-08-windows-exercise'))!;
    expect(() => check(sh)).not.toThrow();
    expect(() => check(edit(sh, 'tutorial-08-windows-exercise', 'tutorial-09-no-such-exercise'))).toThrow();
  });

  test('a step session whose typed command stands one line too early', () => {
    const session = blocks.find((b) => b.check === 'output' && b.text.startsWith('$ node bin/dstream-sim.js step scenarios/py-notes-transform'))!;
    expect(() => check(session)).not.toThrow();
    expect(() => check(edit(session, '[0 ms] StreamingContext 0 started: first batch at 1000 ms\n> next\n', '> next\n[0 ms] StreamingContext 0 started: first batch at 1000 ms\n'))).toThrow();
  });
});
