/** The report file: self-contained, data embedded safely, nothing fetched. */
import { createHash } from 'node:crypto';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { buildReportModel } from '../../src/report/model/buildReportModel';
import { escapeHtml, renderReportHtml, scriptSafeJson } from '../../src/report/renderReportHtml';
import { runForReport } from '../../src/report/reportRun';

test('embedded JSON can hold any text: it never closes its script element, opens a comment or breaks a line, and parses back', () => {
  fc.assert(
    fc.property(fc.oneof(fc.string(), fc.constantFrom('</script>', '<!--', '</SCRIPT >', '\u2028', '\u2029', '<script>alert(1)</script>', ']]>', '&amp;')), (s) => {
      const json = scriptSafeJson({ record: s, list: [s, `x${s}y`] });
      expect(json).not.toMatch(/[<>&\u2028\u2029]/);
      expect(JSON.parse(json)).toEqual({ record: s, list: [s, `x${s}y`] });
    }),
  );
});

test('the title is escaped in the head; the page has its data and one script, a CSP that allows no network and that script alone', () => {
  const html = renderReportHtml(buildReportModel([], { title: '<b>x</b> & "y"', description: '</script><script>alert(1)</script>' }));
  expect(html).toContain('<title>&lt;b&gt;x&lt;/b&gt; &amp; &quot;y&quot; — dstream-sim report</title>');
  expect(escapeHtml(`'`)).toBe('&#39;');
  const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
  expect(scripts.map((m) => m[1])).toEqual([' type="application/json" id="report-data"', '']);
  expect(JSON.parse(scripts[0]![2]!).description).toBe('</script><script>alert(1)</script>');
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!;
  expect(csp).toMatch(/^default-src 'none'; /);
  const hash = createHash('sha256').update(scripts[1]![2]!, 'utf8').digest('base64');
  expect(csp).toContain(`script-src 'sha256-${hash}'`);
  // Nothing refers to anything outside the file.
  expect(html).not.toMatch(/\b(src|href)\s*=/i);
  expect(html).not.toMatch(/@import|url\((?!#)/i);
});

test('the same run gives the same file, byte for byte (nothing run-specific: no temp paths, ports or clocks)', async () => {
  const dir = path.join(__dirname, '..', '..', 'scenarios', 'notes-socket-word-count');
  const a = renderReportHtml((await runForReport({ path: dir })).model);
  const b = renderReportHtml((await runForReport({ path: dir })).model);
  expect(a).toBe(b);
  expect(a).not.toContain(os.tmpdir());
  expect(a).toContain("'typed at six'");
});
