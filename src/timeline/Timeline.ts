import * as path from 'node:path';
import { SimulationError } from '../errors';
import { escapesLexically } from '../util/confinedPath';

/**
 * A timeline scripts what arrives when: lines on a socket, files appearing in a directory,
 * records pushed onto a queue. Times are **seconds** of virtual time from the start. This is a
 * public, stable format (docs/timeline.md); files in YAML or JSON have the same meaning.
 */
export interface Timeline {
  sources: TimelineSource[];
  events: TimelineEvent[];
}

/** A named input the events refer to. */
export type TimelineSource =
  | { name: string; kind: 'socket'; /** `host:port`, e.g. `localhost:9000` */ address: string }
  | { name: string; kind: 'directory'; /** relative to the run's working directory, and inside it */ path: string }
  | { name: string; kind: 'queue'; /** the name given to `timelineQueue(name)` */ queue: string };

/** Something that happens at a virtual time (`at`, seconds) to a source. */
export type TimelineEvent =
  | { at: number; source: string; kind: 'lines'; /** each is sent followed by `\n` */ lines: string[] }
  | { at: number; source: string; kind: 'data'; /** sent as is (no newline added) */ bytes: number[] }
  | { at: number; source: string; kind: 'close' }
  | { at: number; source: string; kind: 'drop' }
  | { at: number; source: string; kind: 'open' }
  | {
      at: number;
      source: string;
      kind: 'file';
      /** a file name inside the directory (no `..`, not absolute) */
      name: string;
      content: string;
      /** modification time in seconds; defaults to `at` (an older one is a classic pitfall) */
      mtime?: number;
    }
  | { at: number; source: string; kind: 'push'; /** one array of records per RDD pushed */ items: unknown[][] }
  | CrashEvent;

/**
 * The driver dies at `at` (nothing in memory survives) and is started again at `restart` (seconds,
 * later than `at`): the program runs again from the top and recovers through `getOrCreate`. Not
 * about a source (docs/checkpoints.md).
 */
export interface CrashEvent {
  at: number;
  kind: 'crash';
  restart: number;
  source?: undefined;
}

/** Where a timeline came from, to name it in errors. */
export interface TimelineLocation {
  file?: string;
  /** Line (1-based) of each event, parallel to `events`, when loaded from a file. */
  eventLines?: number[];
  sourceLines?: Map<string, number>;
}

/** A timeline that breaks a rule; the message names the file, line and field, and the fix. */
export class TimelineError extends SimulationError {
  constructor(message: string) {
    super(message, 'TIMELINE_INVALID');
  }
}

const MS_PRECISION = 'times are in seconds with at most millisecond precision';

/** Whether `seconds` is a whole number of milliseconds (up to floating-point noise, e.g. 0.1 + 0.2). */
function wholeMs(seconds: number): boolean {
  const ms = seconds * 1000;
  return Math.abs(ms - Math.round(ms)) <= 1e-6 + Math.abs(ms) * 4 * Number.EPSILON;
}

/**
 * Check a timeline: known sources of the right kind, times ≥ 0, whole milliseconds and in order,
 * directories inside the run's directory and file names inside their directory. Throws
 * {@link TimelineError}s that name the file, line and field.
 */
export function validateTimeline(t: Timeline, where: TimelineLocation = {}): Timeline {
  const sources = new Map<string, TimelineSource>();
  const at = (line: number | undefined, field: string): string =>
    `${where.file ?? 'timeline'}${line !== undefined ? `:${line}` : ''}: ${field}`;
  for (const s of t.sources) {
    if (sources.has(s.name)) throw new TimelineError(`${at(where.sourceLines?.get(s.name), `sources.${s.name}`)}: declared twice`);
    if (s.kind === 'socket' && !/^[^:\s]+:\d{1,5}$/.test(s.address)) {
      throw new TimelineError(`${at(where.sourceLines?.get(s.name), `sources.${s.name}.socket`)}: '${s.address}' is not host:port (e.g. localhost:9000)`);
    }
    if (s.kind === 'directory' && (typeof s.path !== 'string' || escapesLexically(s.path))) {
      throw new TimelineError(
        `${at(where.sourceLines?.get(s.name), `sources.${s.name}.directory`)}: '${String(s.path)}' is outside the run's directory; use a relative path inside it (not absolute, no '..' that leaves it)`,
      );
    }
    sources.set(s.name, s);
  }
  let last = 0;
  t.events.forEach((e, i) => {
    const line = where.eventLines?.[i];
    const field = (f: string): string => at(line, `events[${i}].${f}`);
    if (typeof e.at !== 'number' || !Number.isFinite(e.at)) throw new TimelineError(`${field('at')}: must be a number of seconds`);
    if (e.at < 0) throw new TimelineError(`${field('at')}: negative time ${e.at}; times are seconds from the start (≥ 0)`);
    if (!wholeMs(e.at)) throw new TimelineError(`${field('at')}: ${e.at} is finer than a millisecond; ${MS_PRECISION}`);
    if (e.at < last) {
      throw new TimelineError(`${field('at')}: events out of order (${e.at} s comes after ${last} s); list events by time`);
    }
    last = e.at;
    if (e.kind === 'crash') {
      if (typeof e.restart !== 'number' || !Number.isFinite(e.restart) || e.restart <= e.at) {
        throw new TimelineError(`${field('crash.restart')}: the restart time must be a number of seconds after the crash (${e.at} s)`);
      }
      if (!wholeMs(e.restart)) throw new TimelineError(`${field('crash.restart')}: ${e.restart} is finer than a millisecond; ${MS_PRECISION}`);
      return;
    }
    const s = sources.get(e.source);
    if (s === undefined) {
      const known = [...sources.keys()].join(', ') || 'none';
      throw new TimelineError(`${field('source')}: unknown source '${e.source}' (declared: ${known})`);
    }
    const expected = { lines: 'socket', data: 'socket', close: 'socket', drop: 'socket', open: 'socket', file: 'directory', push: 'queue' }[e.kind];
    if (s.kind !== expected) {
      throw new TimelineError(`${field('source')}: '${e.kind}' needs a ${expected} source, but '${e.source}' is a ${s.kind}`);
    }
    if (e.kind === 'file') {
      const n = e.name;
      if (typeof n !== 'string' || n.length === 0 || path.isAbsolute(n) || n.split(/[\\/]/).includes('..')) {
        throw new TimelineError(`${field('file')}: '${String(n)}' escapes its directory; use a plain name inside '${(s as { path: string }).path}'`);
      }
      if (e.mtime !== undefined && (typeof e.mtime !== 'number' || !Number.isFinite(e.mtime) || e.mtime < 0)) {
        throw new TimelineError(`${field('mtime')}: must be a number of seconds ≥ 0`);
      }
      if (e.mtime !== undefined && !wholeMs(e.mtime)) {
        throw new TimelineError(`${field('mtime')}: ${e.mtime} is finer than a millisecond; ${MS_PRECISION}`);
      }
    }
  });
  return t;
}

/** A typed builder for timelines (the same meaning as the YAML format). */
export class TimelineBuilder {
  private readonly t: Timeline = { sources: [], events: [] };

  /** Declare a socket source served at `address` (`host:port`). */
  socket(name: string, address: string): this {
    this.t.sources.push({ name, kind: 'socket', address });
    return this;
  }

  /** Declare a directory source. */
  directory(name: string, dir: string): this {
    this.t.sources.push({ name, kind: 'directory', path: dir });
    return this;
  }

  /** Declare a queue source (the program uses `timelineQueue(queue)`). */
  queue(name: string, queue: string = name): this {
    this.t.sources.push({ name, kind: 'queue', queue });
    return this;
  }

  /** Send lines (each followed by a newline) on a socket source at `at` seconds. */
  lines(at: number, source: string, ...lines: string[]): this {
    this.t.events.push({ at, source, kind: 'lines', lines });
    return this;
  }

  /** Send raw text or bytes, with no newline added (partial lines, split characters). */
  data(at: number, source: string, data: string | Uint8Array | number[]): this {
    const bytes = typeof data === 'string' ? [...Buffer.from(data, 'utf8')] : [...data];
    this.t.events.push({ at, source, kind: 'data', bytes });
    return this;
  }

  /** Close the socket's connections and stop accepting until `open`. */
  close(at: number, source: string): this {
    this.t.events.push({ at, source, kind: 'close' });
    return this;
  }

  /** Drop the socket's connections abruptly (a TCP reset) and go on accepting: a receiver fault. */
  drop(at: number, source: string): this {
    this.t.events.push({ at, source, kind: 'drop' });
    return this;
  }

  /** Accept connections again. */
  open(at: number, source: string): this {
    this.t.events.push({ at, source, kind: 'open' });
    return this;
  }

  /** Write a file into a directory source; `mtime` (seconds) defaults to `at`. */
  file(at: number, source: string, name: string, content: string, options: { mtime?: number } = {}): this {
    this.t.events.push({ at, source, kind: 'file', name, content, ...(options.mtime !== undefined ? { mtime: options.mtime } : {}) });
    return this;
  }

  /** The driver crashes at `at` and is started again at `restart` (seconds): see {@link CrashEvent}. */
  crash(at: number, restart: number): this {
    this.t.events.push({ at, kind: 'crash', restart });
    return this;
  }

  /** Push RDDs (one array of records each) onto a queue source. */
  push(at: number, source: string, ...items: unknown[][]): this {
    this.t.events.push({ at, source, kind: 'push', items });
    return this;
  }

  /** The validated timeline. */
  build(): Timeline {
    return validateTimeline({ sources: [...this.t.sources], events: [...this.t.events] });
  }
}

/** Start a timeline with the typed builder. */
export function timeline(): TimelineBuilder {
  return new TimelineBuilder();
}
