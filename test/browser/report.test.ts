/**
 * The HTML report in a real browser (Debian's chromium via playwright-core): reports of bundled
 * scenarios are opened, batches are selected with the mouse and the keys, the search is used, and
 * what the page shows is asserted — from the page's text, as a learner reads it.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { runForReport } from '../../src/report/reportRun';
import { findPython } from '../../src/python/findPython';
import { testCommand } from '../../src/cli/commands/test';
import { launch, openReport, selectedTitle, writeHtml, SHOTS_DIR, type OpenedReport } from './browser';
import { TUTORIAL_SCREENSHOTS } from '../__helpers__/tutorialScreenshots';

const SCENARIOS = path.join(__dirname, '..', '..', 'scenarios');
let browser: Browser;
const opened: OpenedReport[] = [];

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(() => {
  // Every report page loaded its own file and nothing else, threw nothing, opened no dialog.
  for (const o of opened.splice(0)) {
    expect(o.requests).toEqual([o.page.url()]);
    expect(o.errors).toEqual([]);
    expect(o.dialogs).toEqual([]);
  }
});

async function open(scenario: string, target = path.join(SCENARIOS, scenario)): Promise<OpenedReport> {
  const { model } = await runForReport({ path: target });
  const o = await openReport(browser, writeHtml(scenario, model));
  opened.push(o);
  return o;
}

const shot = async (o: OpenedReport, name: string): Promise<void> => {
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  await o.page.screenshot({ path: path.join(SHOTS_DIR, `${name}.png`) });
};

test('notes-window: ← → move through batches; each window covers its last three batches, its output as printed', async () => {
  const o = await open('notes-window');
  const { page } = o;
  expect(await page.locator('#title').innerText()).toBe('notes-window');
  // The first batch is selected at first; → twice is the third batch.
  expect(await selectedTitle(page)).toBe('batch 3000 ms');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  expect(await selectedTitle(page)).toBe('batch 9000 ms');
  const window1 = page.locator('.window-detail').first();
  expect(await window1.locator('h4').innerText()).toContain('window [1]');
  expect(await window1.locator('.covers').innerText()).toBe('(0 ms, 9000 ms] covers batches 3000 ms, 6000 ms, 9000 ms');
  expect(await window1.locator('.chip').allInnerTexts()).toEqual(['1', '2', '3']);
  // Its rows are marked in the window's lane: the three batches it covers, no other.
  const covered = await page.locator('.row:has(.lane.window.in-window[data-lane="c0s1"]) .row-title').allInnerTexts();
  expect(covered).toEqual(['batch 3000 ms', 'batch 6000 ms', 'batch 9000 ms']);
  // pprint's blocks exactly as printed.
  expect(await page.locator('pre.output').nth(0).innerText()).toBe('-------------------------------------------\nTime: 1970-01-01 00:00:09\n-------------------------------------------\n1\n2\n3\n\n');
  expect(await page.locator('pre.output').nth(1).innerText()).toContain('\n6\n');
  await shot(o, 'browser-notes-window');
  // A click selects; ← goes back one.
  await page.locator('.row[data-title="batch 15000 ms"]').click();
  expect(await selectedTitle(page)).toBe('batch 15000 ms');
  expect(await page.locator('.window-detail .covers').first().innerText()).toBe('(6000 ms, 15000 ms] covers batches 9000 ms, 12000 ms, 15000 ms');
  await page.keyboard.press('ArrowLeft');
  expect(await selectedTitle(page)).toBe('batch 12000 ms');
  // A covered batch's button selects it.
  await page.locator('.window-detail .batch-link', { hasText: '6000 ms' }).first().click();
  expect(await selectedTitle(page)).toBe('batch 6000 ms');
  // The lineage diagram names each stream with its kind, slide and window.
  expect(await page.locator('#graph .node.window').first().textContent()).toContain('WindowedDStream, slide 3000 ms, window 9000 ms');
  // Clicking a stream of the diagram brings its lane into view, marked.
  await page.locator('#graph .node[data-lane="c0s8"]').click();
  expect(await page.locator('#lane-header .col.lane.focused').getAttribute('data-lane')).toBe('c0s8');
  expect(await page.locator('#rows').evaluate((e) => e.scrollLeft)).toBeGreaterThan(0);
  // Lifecycle events sit on the axis: the context stopped at the last batch.
  await page.keyboard.press('End');
  expect(await page.locator('.marks-list').innerText()).toContain('StreamingContext 0 stopped (end of run; was ACTIVE)');
});

test('notes-update-state-by-key: the state table per batch marks added and updated keys; the search finds a key across batches', async () => {
  const o = await open('notes-update-state-by-key');
  const { page } = o;
  const rows = async (): Promise<string[][]> => {
    const out: string[][] = [];
    for (const tr of await page.locator('.state-table tbody tr').all()) out.push([(await tr.getAttribute('class')) ?? '', ...(await tr.locator('td').allTextContents())]);
    return out;
  };
  expect(await selectedTitle(page)).toBe('batch 3000 ms');
  expect(await rows()).toEqual([
    ['added', "'b'", '1', 'added'],
    ['added', "'c'", '1', 'added'],
    ['added', "'a'", '1', 'added'],
  ]);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  expect(await selectedTitle(page)).toBe('batch 9000 ms');
  expect(await rows()).toEqual([
    ['same', "'b'", '2', ''],
    ['same', "'c'", '2', ''],
    ['updated', "'a'", '4', 'updated (was 1)'],
  ]);
  // The axis sums each batch's state up in the state's lane.
  expect(await page.locator('.row .state-summary').allInnerTexts()).toEqual([
    'state: 3 keys · 3 added',
    'state: 3 keys · 2 updated',
    'state: 3 keys · 1 updated',
    'state: 3 keys · unchanged',
  ]);
  await shot(o, 'browser-notes-update-state-by-key');
  // Search: 'c' arrived in batches 3000 and 6000 and stays in the state after; every batch with it is marked.
  await page.locator('#search').fill("'c'");
  expect(await page.locator('#search-status').innerText()).toBe('4 batches match');
  expect(await page.locator('.row.has-hit .row-title').allInnerTexts()).toEqual(['batch 3000 ms', 'batch 6000 ms', 'batch 9000 ms', 'batch 12000 ms']);
  expect(await page.locator('.row[data-title="batch 3000 ms"] .chip.hit').first().innerText()).toBe("'c'");
  expect(await page.locator('.state-table tr.hit .key').allInnerTexts()).toEqual(["'c'"]);
  // The keys typed into the search box do not move the selection; Enter goes to the next match.
  await page.locator('#search').press('ArrowLeft');
  expect(await selectedTitle(page)).toBe('batch 9000 ms');
  await page.locator('#search').press('Enter');
  expect(await selectedTitle(page)).toBe('batch 12000 ms');
  await page.locator('#search').fill('no such record');
  expect(await page.locator('#search-status').innerText()).toBe('0 batches match');
  expect(await page.locator('.row.has-hit').count()).toBe(0);
});

test('py-notes-window: a PySpark program\'s report shows its windows and the pprint blocks Python printed', async () => {
  findPython(); // throws, naming what to install, without python3 (CI has it)
  const o = await open('py-notes-window');
  const { page } = o;
  await page.keyboard.press('ArrowRight');
  expect(await selectedTitle(page)).toBe('batch 6000 ms');
  const golden = fs.readFileSync(path.join(SCENARIOS, 'py-notes-window', 'expected.golden'), 'utf8');
  const shown = await page.locator('pre.output').first().innerText();
  expect(golden).toContain(shown.replace(/\n$/, ''));
  expect(await page.locator('.window-detail .covers').first().innerText()).toContain('covers batches 3000 ms, 6000 ms');
});

test('a record <script>alert(1)</script> renders as text: no dialog, no script runs, the search finds it', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dstream-sim-xss-'));
  try {
    fs.writeFileSync(
      path.join(dir, 'program.ts'),
      [
        "import { SparkContext, StreamingContext } from 'dstream-sim';",
        "const sc = new SparkContext({ master: 'local[2]', appName: '<img src=x onerror=alert(2)>' });",
        'const ssc = new StreamingContext(sc, 1);',
        "const rdds = [sc.parallelize(['<script>alert(1)</script>', '<!-- x', 'a\\u2028b', '</script><script>alert(3)</script>'], 1)];",
        "ssc.queueStream(rdds).map((x) => x + '&amp;').pprint();",
        'ssc.start();',
        'await ssc.awaitTermination();',
      ].join('\n'),
    );
    const { model } = await runForReport({ path: path.join(dir, 'program.ts'), until: 2 });
    const o = await openReport(browser, writeHtml('xss', model));
    opened.push(o);
    const { page } = o;
    await page.waitForTimeout(200); // an injected handler would have fired by now
    expect(o.dialogs).toEqual([]);
    expect(await page.locator('script').count()).toBe(2); // the data and the page's own script
    expect(await page.locator('img').count()).toBe(0);
    expect(await selectedTitle(page)).toBe('batch 1000 ms');
    const inputChips = await page.locator('.lane-detail.input .chip').allTextContents();
    expect(inputChips).toEqual(["'<script>alert(1)</script>'", "'<!-- x'", "'a\u2028b'", "'</script><script>alert(3)</script>'"]);
    expect(await page.locator('pre.output').innerText()).toContain('<script>alert(1)</script>&amp;');
    await page.locator('#search').fill('<script>');
    expect(await page.locator('#search-status').innerText()).toBe('1 batch matches');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('10,000 batches: the axis keeps a few dozen rows in the DOM; scrolling and End reach the last batch', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dstream-sim-big-'));
  try {
    fs.writeFileSync(
      path.join(dir, 'program.ts'),
      [
        "import { SparkContext, StreamingContext } from 'dstream-sim';",
        "const sc = new SparkContext({ master: 'local[2]', appName: 'Big' });",
        'const ssc = new StreamingContext(sc, 1);',
        'const rdds = Array.from({ length: 10000 }, (_, i) => sc.parallelize([i, i + 1], 2));',
        'ssc.queueStream(rdds).map((x) => x * 2).window(3, 1).pprint();',
        'ssc.start();',
        'await ssc.awaitTermination();',
      ].join('\n'),
    );
    const { model } = await runForReport({ path: path.join(dir, 'program.ts'), until: 10000 });
    expect(model.rows.filter((r) => r.kind === 'batch')).toHaveLength(10000);
    const o = await openReport(browser, writeHtml('ten-thousand-batches', model));
    opened.push(o);
    const { page } = o;
    const domRows = (): Promise<number> => page.locator('#rows .row').count();
    expect(await domRows()).toBeLessThan(60);
    expect(await page.locator('*').count()).toBeLessThan(3000);
    await page.locator('#rows').evaluate((e) => (e.scrollTop = e.scrollHeight / 2));
    await page.locator('#rows .row[data-title="batch 5000000 ms"]').waitFor();
    expect(await domRows()).toBeLessThan(60);
    await page.keyboard.press('End');
    expect(await selectedTitle(page)).toBe('batch 10000000 ms');
    expect(await page.locator('.row.selected .row-title').innerText()).toBe('batch 10000000 ms');
    await page.keyboard.press('ArrowUp');
    expect(await selectedTitle(page)).toBe('batch 9999000 ms');
    // The last window covers the last three batches, and its bracket spans their three rows.
    expect(await page.locator('.window-detail .covers').innerText()).toBe('(9996000 ms, 9999000 ms] covers batches 9997000 ms, 9998000 ms, 9999000 ms');
    expect(await page.locator('.row.selected .bracket.current').getAttribute('data-span')).toBe('3');
    expect(await domRows()).toBeLessThan(60);
    // 19998 is 2 × 9999: the map of the last two batches has it, and so do their windows and outputs.
    await page.locator('#search').fill('19998');
    expect(await page.locator('#search-status').innerText()).toBe('2 batches match');
    expect(await page.locator('.row.has-hit .row-title').allInnerTexts()).toEqual(['batch 9999000 ms', 'batch 10000000 ms']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('test --report: a failing scenario\'s report opens at the first difference and shows expected vs actual per batch', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dstream-sim-golden-'));
  try {
    const dir = path.join(root, 'notes-window');
    fs.cpSync(path.join(SCENARIOS, 'notes-window'), dir, { recursive: true });
    const golden = path.join(dir, 'expected.golden');
    fs.writeFileSync(golden, fs.readFileSync(golden, 'utf8').replace('input Queue input [0]: [2]', 'input Queue input [0]: [20]'));
    const said: string[] = [];
    const code = await testCommand([dir], { report: path.join(root, 'reports'), cwd: root, out: (t) => void said.push(t), color: false });
    expect(code).toBe(1);
    expect(said.join('')).toContain('reports: reports/<scenario>.html (1)');
    const o = await openReport(browser, path.join(root, 'reports', 'notes-window.html'));
    opened.push(o);
    const { page } = o;
    expect(await page.locator('#golden-banner .golden-status').innerText()).toBe('notes-window/expected.golden differs: first difference in batch 6000 ms');
    expect(await selectedTitle(page)).toBe('batch 6000 ms');
    expect(await page.locator('.row.first-diff .row-title').allInnerTexts()).toEqual(['batch 6000 ms']);
    expect(await page.locator('.row.diff .row-title').allInnerTexts()).toEqual(['batch 6000 ms']);
    const first = page.locator('.golden-part.first');
    expect(await first.locator('h4').innerText()).toBe('batch 6000 ms ← first difference');
    expect(await first.locator('pre.expected').innerText()).toContain('input Queue input [0]: [20]');
    expect(await first.locator('pre.actual').innerText()).toContain('input Queue input [0]: [2]\n');
    await shot(o, 'browser-test-report-failing');
    // Another batch: the same on both sides.
    await page.keyboard.press('ArrowLeft');
    expect(await selectedTitle(page)).toBe('batch 3000 ms');
    expect(await page.locator('.golden-part h4').innerText()).toBe('batch 3000 ms same');
    await page.locator('#jump-first-diff').click();
    expect(await selectedTitle(page)).toBe('batch 6000 ms');
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});


test('tutorial screenshots: every tutorial scenario\'s report opens at a batch with its records and output (npm run screenshots writes docs/tutorial/img/)', async () => {
  for (const name of TUTORIAL_SCREENSHOTS) {
    const o = await open(name);
    const { page } = o;
    const batches = await page.locator('#rows .row.batch').count();
    expect(batches).toBeGreaterThan(0);
    // The second batch when there is one: a window or a state has history by then.
    if (batches > 1) await page.keyboard.press('ArrowRight');
    expect(await selectedTitle(page)).toMatch(/^batch \d+ ms$/);
    expect(await page.locator('#details .detail-section h3').allInnerTexts()).toContain('Records');
    await shot(o, name);
    await o.page.close();
  }
});

const BUNDLED = fs.readdirSync(SCENARIOS).filter((n) => fs.existsSync(path.join(SCENARIOS, n, 'scenario.yaml'))).sort();

test.each(BUNDLED)('every bundled scenario opens, walks from the first row to the last with the keys, and searches: %s', async (name) => {
  const o = await open(name);
  const { page } = o;
  expect(await page.locator('#rows .row').count()).toBeGreaterThan(0);
  await page.keyboard.press('Home');
  const first = await page.locator('#rows .row').first().getAttribute('data-title');
  expect(await selectedTitle(page)).toBe(first);
  await page.keyboard.press('End');
  const last = await page.locator('#rows .row').last().getAttribute('data-title');
  expect(await selectedTitle(page)).toBe(last);
  await page.locator('#search').fill('a');
  expect(await page.locator('#search-status').innerText()).toMatch(/^\d+ batch(es match| matches)$/);
  await page.close();
});
