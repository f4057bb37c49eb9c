/**
 * Machine-readable results of `dstream-sim test` for CI: JUnit XML and JSON. Durations are wall
 * clock, so they differ from run to run; everything else is a function of the results.
 */
import { passed, type ScenarioRow } from './rows';

/** The reporters `--reporter` accepts. */
export const REPORTERS = ['junit', 'json'] as const;
/** A reporter name. */
export type Reporter = (typeof REPORTERS)[number];

/** What a report covers: the rows, and the obsolete goldens (failures when `ci`). */
export interface ReportInput {
  rows: readonly ScenarioRow[];
  obsolete: readonly string[];
  ci: boolean;
}

const STATUS = { pass: 'passed', updated: 'updated', FAIL: 'failed', MISSING: 'missing', ERROR: 'error' } as const;

/** The report in the reporter's format (ends with a newline). */
export function renderReport(reporter: Reporter, input: ReportInput): string {
  return reporter === 'junit' ? junitReport(input) : jsonReport(input);
}

/** An obsolete golden's one-line message. */
export const obsoleteMessage = (golden: string): string =>
  `${golden} has no scenario.yaml beside it; delete it or restore the scenario`;

/**
 * `{ numPassed, numFailed, scenarios: [{ name, status, batches, durationMs, message? }], obsoleteGoldens }`;
 * status is `passed`, `updated`, `failed`, `missing` or `error`.
 */
export function jsonReport({ rows, obsolete, ci }: ReportInput): string {
  const numPassed = rows.filter(passed).length;
  const report = {
    numPassed,
    numFailed: rows.length - numPassed + (ci ? obsolete.length : 0),
    scenarios: rows.map((r) => ({
      name: r.name,
      status: STATUS[r.result],
      batches: r.batches,
      durationMs: Math.round(r.ms),
      ...(r.detail !== undefined ? { message: r.detail } : {}),
    })),
    obsoleteGoldens: [...obsolete],
  };
  return JSON.stringify(report, null, 2) + '\n';
}

/**
 * JUnit XML: one testsuite, a testcase per scenario (classname `dstream-sim`, name the scenario's
 * path, time in seconds); a golden that differs or is missing is a `failure` whose message is the
 * first line (where the first difference is, what to do) and whose text is the whole account with
 * the diff; a scenario that could not run is an `error`. Under CI an obsolete golden is a failure.
 */
export function junitReport({ rows, obsolete, ci }: ReportInput): string {
  const cases = rows.map((r) => {
    const attrs = `classname="dstream-sim" name="${xml(r.name)}" time="${seconds(r.ms)}"`;
    if (r.detail === undefined) return `    <testcase ${attrs}/>`;
    const tag = r.result === 'ERROR' ? 'error' : 'failure';
    const type = r.result === 'ERROR' ? 'error' : r.result === 'MISSING' ? 'missing golden' : 'golden mismatch';
    const message = r.detail.split('\n')[0]!;
    return `    <testcase ${attrs}>\n      <${tag} message="${xml(message)}" type="${type}">${xml(r.detail)}</${tag}>\n    </testcase>`;
  });
  if (ci) {
    for (const g of obsolete) {
      cases.push(
        `    <testcase classname="dstream-sim" name="${xml(g)}" time="0.000">\n` +
          `      <failure message="${xml(`obsolete golden: ${obsoleteMessage(g)}`)}" type="obsolete golden"/>\n    </testcase>`,
      );
    }
  }
  const errors = rows.filter((r) => r.result === 'ERROR').length;
  const failures = rows.filter((r) => r.result === 'FAIL' || r.result === 'MISSING').length + (ci ? obsolete.length : 0);
  const total = rows.length + (ci ? obsolete.length : 0);
  const time = seconds(rows.reduce((s, r) => s + r.ms, 0));
  const counts = `tests="${total}" failures="${failures}" errors="${errors}"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="dstream-sim" ${counts} time="${time}">`,
    `  <testsuite name="dstream-sim test" ${counts} skipped="0" time="${time}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

const seconds = (ms: number): string => (ms / 1000).toFixed(3);

/** Text as XML character data or an attribute value (characters XML 1.0 forbids become U+FFFD). */
function xml(text: string): string {
  return [...text]
    .map((c) => (forbiddenInXml(c.charCodeAt(0)) ? '\uFFFD' : c))
    .join('')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Control characters other than tab, newline and carriage return, and U+FFFE / U+FFFF. */
const forbiddenInXml = (code: number): boolean => (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0xfffe || code === 0xffff;
