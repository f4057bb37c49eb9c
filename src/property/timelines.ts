import fc from 'fast-check';
import type { Timeline, TimelineEvent, TimelineSource } from '../timeline/Timeline';
import { BatchesArbitrary, type BatchSlots } from './BatchesArbitrary';

/**
 * One generated arrival inside a batch interval: `offsetMs` after the interval's start, in
 * (0, batch]; `offsetMs` = the batch length is **on the boundary** (it belongs to the batch that
 * ends there), 1 is just after the previous boundary (just too late for that batch).
 */
export type Arrival =
  | { source: string; offsetMs: number; kind: 'lines'; lines: string[] }
  | { source: string; offsetMs: number; kind: 'file'; lines: string[]; /** `at`: mtime = arrival; `old`: mtime 0; `future`: two batches ahead */ mtime: 'at' | 'old' | 'future' }
  | { source: string; offsetMs: number; kind: 'push'; records: unknown[] };

/** What generated timelines keep from a template: its sources and batch length. */
export interface TimelineTemplate {
  /** The sources events go to (a scenario's timeline's `sources`). */
  sources: readonly TimelineSource[];
  /** The program's batch interval in seconds (arrivals are placed per batch interval). */
  batchSeconds: number;
}

/** Options of {@link timelines} and {@link arrivals}. */
export interface TimelinesOptions {
  /** Fewest and most batch intervals with arrivals (default 1 and 5). */
  minBatches?: number;
  maxBatches?: number;
  /** Most arrivals in one batch interval (default 3). */
  maxPerBatch?: number;
  /** The words lines and files are made of (default a few short ones; the first shrinks best). */
  words?: readonly string[];
  /** Records pushed onto queues (default whole numbers 0…9). */
  records?: fc.Arbitrary<unknown>;
}

const WORDS = ['a', 'b', 'spark', 'hello'];

/** When in its batch interval an arrival happens: on the boundary, just after it, or anywhere. */
export function arrivalOffset(batchMs: number): fc.Arbitrary<number> {
  return fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 1, max: batchMs }) }, { weight: 1, arbitrary: fc.constant(batchMs) }, { weight: 1, arbitrary: fc.constant(1) });
}

/** One arrival on one of the template's sources (lines on a socket, a file, a queue push). */
export function arrival(template: TimelineTemplate, opts: TimelinesOptions = {}): fc.Arbitrary<Arrival> {
  const batchMs = Math.round(template.batchSeconds * 1000);
  const words = opts.words ?? WORDS;
  const line = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 3 }).map(
    (ws) => ws.join(' '),
    (s) => (typeof s === 'string' ? s.split(' ') : []),
  );
  const lines = fc.array(line, { minLength: 1, maxLength: 3 });
  const offsetMs = arrivalOffset(batchMs);
  const kinds = template.sources.map((s): fc.Arbitrary<Arrival> => {
    const source = fc.constant(s.name);
    if (s.kind === 'socket') return fc.record({ source, offsetMs, kind: fc.constant('lines' as const), lines });
    if (s.kind === 'directory') {
      const mtime = fc.oneof({ weight: 4, arbitrary: fc.constant('at' as const) }, fc.constant('old' as const), fc.constant('future' as const));
      return fc.record({ source, offsetMs, kind: fc.constant('file' as const), lines, mtime });
    }
    const records = fc.array(opts.records ?? fc.integer({ min: 0, max: 9 }), { maxLength: 4 });
    return fc.record({ source, offsetMs, kind: fc.constant('push' as const), records });
  });
  if (kinds.length === 0) throw new RangeError('timelines: the template has no sources; declare a socket, directory or queue');
  return fc.oneof(...kinds);
}

/** Arrivals batch interval by batch interval; shrinks in time as {@link BatchesArbitrary} does. */
export function arrivals(template: TimelineTemplate, opts: TimelinesOptions = {}): fc.Arbitrary<BatchSlots<Arrival>> {
  const minBatches = opts.minBatches ?? 1;
  const one = arrival(template, opts);
  const source = fc.array(fc.array(one, { maxLength: opts.maxPerBatch ?? 3 }), { minLength: minBatches, maxLength: Math.max(minBatches, opts.maxBatches ?? 5) });
  return new BatchesArbitrary<Arrival>(source, one, { minBatches });
}

/**
 * Whole timelines on the template's sources: socket lines with times, files with mtimes (the
 * arrival time, an old one, a future one), queue pushes, placed on and between batch
 * boundaries. The value is a {@link Timeline} (print it with `printTimeline`); shrinking drops
 * trailing batches, empties one, merges neighbours, moves an event a batch earlier or earlier in
 * its batch, and shrinks lines and records.
 */
export function timelines(template: TimelineTemplate, opts: TimelinesOptions = {}): fc.Arbitrary<Timeline> {
  return arrivals(template, opts).map((slots) => toTimeline(template, slots));
}

/** The timeline of arrivals: batch interval i (0-based) spans (i·batch, (i+1)·batch] seconds. */
export function toTimeline(template: TimelineTemplate, slots: BatchSlots<Arrival>): Timeline {
  const batchMs = Math.round(template.batchSeconds * 1000);
  const timed = slots.flatMap((b, i) => (b ?? []).map((a, j) => ({ ms: i * batchMs + a.offsetMs, order: i * 1000 + j, a })));
  timed.sort((x, y) => x.ms - y.ms || x.order - y.order);
  const fileCount = new Map<string, number>();
  const events = timed.map(({ ms, a }): TimelineEvent => {
    const at = ms / 1000;
    if (a.kind === 'lines') return { at, source: a.source, kind: 'lines', lines: [...a.lines] };
    if (a.kind === 'push') return { at, source: a.source, kind: 'push', items: [[...a.records]] };
    const n = (fileCount.get(a.source) ?? 0) + 1;
    fileCount.set(a.source, n);
    const file: TimelineEvent = { at, source: a.source, kind: 'file', name: `${a.source}-${n}.txt`, content: a.lines.map((l) => `${l}\n`).join('') };
    if (a.mtime === 'old') return { ...file, mtime: 0 };
    if (a.mtime === 'future') return { ...file, mtime: (ms + 2 * batchMs) / 1000 };
    return file;
  });
  return { sources: template.sources.map((s) => ({ ...s })), events };
}
