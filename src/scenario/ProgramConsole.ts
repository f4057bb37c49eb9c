import { formatWithOptions } from 'node:util';

/** Where a program's console lines go (the run records each as a `programOutput` event). */
export type ConsoleSink = (text: string) => void;

/**
 * The console a scenario's program sees (a free variable of the program's scope, never the
 * process's global `console`): every line it prints becomes a `programOutput` event. Values
 * print as `console.log` prints them, except errors, which print as `Name: message` (a stack
 * would name machine-specific paths).
 */
export class ProgramConsole {
  private indent = '';
  private readonly counts = new Map<string, number>();

  constructor(private readonly sink: ConsoleSink) {}

  /** `console.log`. */
  log(...args: unknown[]): void {
    this.print(args);
  }
  /** `console.info` (same as log). */
  info(...args: unknown[]): void {
    this.print(args);
  }
  /** `console.debug` (same as log). */
  debug(...args: unknown[]): void {
    this.print(args);
  }
  /** `console.warn` (same as log: the transcript has one stream). */
  warn(...args: unknown[]): void {
    this.print(args);
  }
  /** `console.error` (same as log: the transcript has one stream). */
  error(...args: unknown[]): void {
    this.print(args);
  }
  /** `console.dir(value)`. */
  dir(value: unknown): void {
    this.print([value]);
  }
  /** `console.assert(condition, ...message)`. */
  assert(condition: unknown, ...args: unknown[]): void {
    if (!condition) this.print(['Assertion failed' + (args.length > 0 ? ':' : ''), ...args]);
  }
  /** `console.count(label)`. */
  count(label = 'default'): void {
    const n = (this.counts.get(label) ?? 0) + 1;
    this.counts.set(label, n);
    this.print([`${label}: ${n}`]);
  }
  /** `console.group(...label)`. */
  group(...args: unknown[]): void {
    if (args.length > 0) this.print(args);
    this.indent += '  ';
  }
  /** `console.groupEnd()`. */
  groupEnd(): void {
    this.indent = this.indent.slice(2);
  }

  private print(args: readonly unknown[]): void {
    const shown = args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : a));
    const text = formatWithOptions({ colors: false }, ...shown);
    this.sink(text.split('\n').map((l) => this.indent + l).join('\n'));
  }
}
