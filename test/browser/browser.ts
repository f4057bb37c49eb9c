/**
 * Debian's chromium through playwright-core (no browser download): where it is, how it starts,
 * and a page that records every request it makes so tests can assert that a report loads nothing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { renderReportHtml } from '../../src/report/renderReportHtml';
import type { ReportModel } from '../../src/report/model/types';

/** The launch flags of the brief: headless, no sandbox, nothing that phones home. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The browser: `CHROMIUM_PATH`, else /usr/bin/chromium. Throws how to install one when missing. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  const p = env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
  if (!fs.existsSync(p)) {
    throw new Error(
      `no browser at ${p}: the browser suite needs Debian's chromium. Install it with \`apt-get install -y chromium\` (as root; apt-get update first), or set CHROMIUM_PATH to a Chromium executable.`,
    );
  }
  return p;
}

/** Start chromium. */
export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS, headless: true });
}

/** Where the suite writes reports and screenshots (gitignored). */
export const OUT_DIR = path.join(__dirname, '..', '..', 'reports', 'browser');
export const SHOTS_DIR = process.env['SCREENSHOTS_DIR'] !== undefined ? path.resolve(__dirname, '..', '..', process.env['SCREENSHOTS_DIR']) : path.join(__dirname, '..', '..', 'reports', 'screenshots');

/** Write a model's report to OUT_DIR/<name>.html and return the file. */
export function writeHtml(name: string, model: ReportModel): string {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const file = path.join(OUT_DIR, `${name}.html`);
  fs.writeFileSync(file, renderReportHtml(model));
  return file;
}

/** An opened report: the page, every URL it requested, dialogs it opened, errors it threw. */
export interface OpenedReport {
  page: Page;
  requests: string[];
  dialogs: string[];
  errors: string[];
}

/**
 * Open a report file in a fresh page. Any request other than the file itself is recorded and
 * aborted (the report must need none); dialogs (`alert`) are recorded and dismissed.
 */
export async function openReport(browser: Browser, file: string, viewport = { width: 1400, height: 900 }): Promise<OpenedReport> {
  const page = await browser.newPage({ viewport });
  const url = `file://${file}`;
  const opened: OpenedReport = { page, requests: [], dialogs: [], errors: [] };
  page.on('request', (r) => void opened.requests.push(r.url()));
  page.on('dialog', (d) => {
    opened.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => void opened.errors.push(e.message));
  await page.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 10000 });
  return opened;
}

/** The selected batch's title, as the details panel shows it. */
export const selectedTitle = (page: Page): Promise<string> => page.locator('#details .details-title').innerText();
