/**
 * A failing source line with a caret under the column (`line` and `column` are 1-based):
 *
 * ```
 *   3 | const total = xs.map((x) => x.nope.length);
 *     |                               ^
 * ```
 */
export function codeFrame(lineText: string, line: number, column: number): string {
  const gutter = String(line);
  // Keep tabs in the caret line so the caret sits under the column in any tab width.
  const pad = lineText.slice(0, Math.max(0, column - 1)).replace(/[^\t]/g, ' ');
  return `  ${gutter} | ${lineText}\n  ${' '.repeat(gutter.length)} | ${pad}^`;
}

/** Line `line` (1-based) of `source`, or undefined past its end. */
export function lineOf(source: string, line: number): string | undefined {
  return source.split(/\r\n|\r|\n/)[line - 1];
}
