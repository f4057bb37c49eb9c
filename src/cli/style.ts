import { inspect } from 'node:util';

/** The colours and styles the CLI uses. */
export type Color = 'green' | 'red' | 'yellow' | 'dim' | 'bold' | 'cyan';

/**
 * Whether to colour what goes to `stream`. Precedence: the `--color` / `--no-color` flag, then
 * `NO_COLOR` (set and not empty: no colour), then `FORCE_COLOR` (`0` or `false`: no colour, any
 * other value: colour), then whether the stream is a terminal.
 */
export function useColor(
  stream: { isTTY?: boolean } | undefined = process.stdout,
  flag: boolean | undefined = undefined,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  if (flag !== undefined) return flag;
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  return Boolean(stream?.isTTY);
}

/**
 * Colour text for a terminal, as {@link useColor} decides for `stream` and the `--color` /
 * `--no-color` flag (`undefined`: neither given).
 */
export function paint(color: Color, text: string, stream: { isTTY?: boolean } | undefined = process.stdout, flag?: boolean): string {
  if (!useColor(stream, flag)) return text;
  const [open, close] = inspect.colors[color] ?? [0, 0];
  return `\u001b[${open}m${text}\u001b[${close}m`;
}
