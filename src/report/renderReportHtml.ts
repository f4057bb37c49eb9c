import { createHash } from 'node:crypto';
import type { ReportModel } from './model/types';
import { REPORT_CSS } from './reportCss';
import { pageScript } from './pageScript';

/**
 * JSON that is safe inside a `<script type="application/json">` element: `<` `>` `&` and the line
 * separators U+2028 / U+2029 are written as `\u` escapes, so no data can close the element
 * (`</script>`), open a comment (`<!--`) or break a line; `JSON.parse` reads back the same value.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Text as HTML character data or an attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * The report as one self-contained HTML file: the view model as JSON data, the page script and
 * its styles inline, nothing loaded from anywhere. A Content-Security-Policy allows no network
 * at all and runs only the page's own script (by its hash).
 */
export function renderReportHtml(model: ReportModel): string {
  const script = pageScript();
  // The script text is inlined as is: it must not close its element.
  if (/<\/script/i.test(script)) throw new Error('the bundled page script contains </script>');
  const hash = createHash('sha256').update(script, 'utf8').digest('base64');
  const csp = `default-src 'none'; script-src 'sha256-${hash}'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="dstream-sim report">
<title>${escapeHtml(model.title)} — dstream-sim report</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header class="top">
<h1 id="title"></h1>
<p id="description"></p>
<p id="header" class="mono"></p>
<div class="toolbar"><input id="search" type="search" placeholder="find a record or key" aria-label="find a record or key" autocomplete="off"> <span id="search-status" aria-live="polite"></span> <span class="hint">click a batch or use ← → to select; Enter in the search goes to the next match</span></div>
</header>
<section id="golden-banner" hidden></section>
<section id="graph"><details open><summary><h2>DStream graph (lineage)</h2></summary><div id="graph-diagram"></div></details></section>
<main>
<section id="axis" aria-label="batches"><div id="lane-header"></div><div id="rows" tabindex="0"></div></section>
<section id="details" aria-live="polite"></section>
</main>
<script type="application/json" id="report-data">${scriptSafeJson(model)}</script>
<script>${script}</script>
</body>
</html>
`;
}
