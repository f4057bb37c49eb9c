import { styleText } from 'node:util';

type Color = 'green' | 'red' | 'yellow' | 'dim' | 'bold' | 'cyan';

/** Colour text for a terminal (never when NO_COLOR is set or output is not a TTY). */
export function paint(color: Color, text: string, stream: NodeJS.WriteStream | undefined = process.stdout): string {
  if (process.env['NO_COLOR'] !== undefined || !stream?.isTTY) return text;
  return styleText(color, text);
}
