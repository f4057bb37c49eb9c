import * as fs from 'node:fs';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { TimelineError, validateTimeline, type Timeline, type TimelineEvent, type TimelineSource } from './Timeline';

const EVENT_FIELDS = ['at', 'source', 'lines', 'data', 'bytes', 'close', 'drop', 'open', 'file', 'content', 'mtime', 'push', 'crash'];

/**
 * Read a timeline file (YAML, or JSON, which is YAML too). Every error names the file, the line
 * and the field. See docs/timeline.md for the format.
 */
export function loadTimeline(file: string): Timeline {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new TimelineError(`${file}: cannot read the timeline file (${(e as Error).message})`);
  }
  return parseTimeline(text, file);
}

/**
 * Parse timeline text (YAML or JSON); `file` names it in errors. A valid timeline is read with
 * js-yaml (fast: 10^5 events well under a second); anything it or the checks refuse is read again
 * with `yaml`, whose nodes know their lines, so that the error names the line (the YAML 1.2 core
 * schema either way; a test checks that both read every bundled timeline the same).
 */
export function parseTimeline(text: string, file = 'timeline'): Timeline {
  let value: unknown;
  try {
    value = loadYaml(text, { schema: CORE_SCHEMA, filename: file });
  } catch {
    return parseTimelineWithLines(text, file);
  }
  try {
    return timelineOf(value, file);
  } catch (e) {
    if (e instanceof TimelineError) return parseTimelineWithLines(text, file);
    throw e;
  }
}

/** The timeline of a parsed value, checked, without line numbers (see {@link parseTimeline}). */
function timelineOf(root: unknown, file: string): Timeline {
  if (root === null || typeof root !== 'object' || Array.isArray(root)) throw new TimelineError(`${file}: not a map`);
  const r = root as Record<string, unknown>;
  for (const k of Object.keys(r)) if (k !== 'sources' && k !== 'events') throw new TimelineError(`${file}: unknown field '${k}'`);
  const sources: TimelineSource[] = [];
  if (r['sources'] !== undefined) {
    const map = r['sources'];
    if (map === null || typeof map !== 'object' || Array.isArray(map)) throw new TimelineError(`${file}: sources`);
    for (const [name, v] of Object.entries(map)) sources.push(sourceOf(name, v, `${file}: sources.${name}`));
  }
  const events: TimelineEvent[] = [];
  if (r['events'] !== undefined) {
    const list = r['events'];
    if (!Array.isArray(list)) throw new TimelineError(`${file}: events`);
    list.forEach((v, i) => events.push(eventOf(v, (f) => `${file}: events[${i}]${f ? `.${f}` : ''}`)));
  }
  return validateTimeline({ sources, events }, { file });
}

/** @internal Parse with `yaml`, keeping every node's line for the error messages. */
export function parseTimelineWithLines(text: string, file: string): Timeline {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const lineOf = (n: Node | null | undefined): number | undefined =>
    n?.range ? lineCounter.linePos(n.range[0]).line : undefined;
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    throw new TimelineError(`${file}:${e.linePos?.[0].line ?? '?'}: ${e.message.split('\n')[0]}`);
  }
  const root = doc.contents;
  if (!isMap(root)) throw new TimelineError(`${file}:1: a timeline has two fields, 'sources' and 'events'`);
  /** The whole document as values (aliases resolved across it, as js-yaml resolves them). */
  const plain = doc.toJS() as Record<string, unknown>;
  for (const pair of root.items) {
    const k = String((pair.key as { value?: unknown })?.value ?? pair.key);
    if (k !== 'sources' && k !== 'events') {
      throw new TimelineError(`${file}:${lineOf(pair.key as Node)}: unknown field '${k}' (expected 'sources' and 'events')`);
    }
  }
  const sourcesNode = root.get('sources', true) as Node | undefined;
  const eventsNode = root.get('events', true) as Node | undefined;
  const sources: TimelineSource[] = [];
  const sourceLines = new Map<string, number>();
  if (sourcesNode !== undefined) {
    if (!isMap(sourcesNode)) throw new TimelineError(`${file}:${lineOf(sourcesNode)}: sources: a map of name → { socket | directory | queue }`);
    for (const pair of sourcesNode.items) {
      const name = String((pair.key as { value?: unknown }).value);
      const line = lineOf(pair.key as Node);
      if (line !== undefined) sourceLines.set(name, line);
      sources.push(sourceOf(name, (plain['sources'] as Record<string, unknown>)[name], `${file}:${line}: sources.${name}`));
    }
  }
  const events: TimelineEvent[] = [];
  const eventLines: number[] = [];
  if (eventsNode !== undefined) {
    if (!isSeq(eventsNode)) throw new TimelineError(`${file}:${lineOf(eventsNode)}: events: a list of events`);
    eventsNode.items.forEach((item, i) => {
      const line = lineOf(item as Node) ?? 0;
      eventLines.push(line);
      const where = (f: string): string => `${file}:${line}: events[${i}]${f ? `.${f}` : ''}`;
      events.push(eventOf((plain['events'] as unknown[])[i], where));
    });
  }
  return validateTimeline({ sources, events }, { file, eventLines, sourceLines });
}

/** One event of a timeline, checked; `where(field)` names it in errors. */
function eventOf(value: unknown, where: (field: string) => string): TimelineEvent {
  const v = value as Record<string, unknown>;
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new TimelineError(`${where('')}: an event is a map with 'at' and 'source'`);
  for (const k of Object.keys(v)) {
    if (!EVENT_FIELDS.includes(k)) throw new TimelineError(`${where(k)}: unknown field (expected one of ${EVENT_FIELDS.join(', ')})`);
  }
  const at = v['at'];
  const source = v['source'];
  if (typeof at !== 'number') throw new TimelineError(`${where('at')}: must be a number of seconds`);
  if (v['crash'] !== undefined) {
    const c = v['crash'] as { restart?: unknown } | null;
    if (c === null || typeof c !== 'object' || typeof c.restart !== 'number' || Object.keys(c).some((k) => k !== 'restart')) {
      throw new TimelineError(`${where('crash')}: write { at: 7, crash: { restart: 9 } } (the driver dies at 7 s and starts again at 9 s)`);
    }
    if (source !== undefined) throw new TimelineError(`${where('source')}: a crash is the driver's, not a source's; remove 'source'`);
    return { at, kind: 'crash', restart: c.restart };
  }
  if (typeof source !== 'string') throw new TimelineError(`${where('source')}: must name a declared source`);
  if (v['lines'] !== undefined) {
    const lines = typeof v['lines'] === 'string' ? [v['lines']] : v['lines'];
    if (!Array.isArray(lines) || !lines.every((l) => typeof l === 'string')) throw new TimelineError(`${where('lines')}: a string or a list of strings`);
    return { at, source, kind: 'lines', lines: lines as string[] };
  }
  if (v['data'] !== undefined || v['bytes'] !== undefined) {
    let bytes: number[];
    if (typeof v['data'] === 'string') bytes = [...Buffer.from(v['data'], 'utf8')];
    else if (Array.isArray(v['bytes']) && v['bytes'].every((b) => Number.isInteger(b) && (b as number) >= 0 && (b as number) < 256)) bytes = v['bytes'] as number[];
    else throw new TimelineError(`${where(v['data'] !== undefined ? 'data' : 'bytes')}: data is a string, bytes a list of 0–255`);
    return { at, source, kind: 'data', bytes };
  }
  if (v['close'] === true) {
    return { at, source, kind: 'close' };
  }
  if (v['drop'] === true) {
    return { at, source, kind: 'drop' };
  }
  if (v['open'] === true) {
    return { at, source, kind: 'open' };
  }
  if (v['file'] !== undefined) {
    if (typeof v['content'] !== 'string') throw new TimelineError(`${where('content')}: a file event needs its content (a string)`);
    const mtime = v['mtime'];
    if (mtime !== undefined && typeof mtime !== 'number') throw new TimelineError(`${where('mtime')}: must be a number of seconds`);
    return { at, source, kind: 'file', name: String(v['file']), content: v['content'], ...(mtime !== undefined ? { mtime } : {}) };
  }
  if (v['push'] !== undefined) {
    const push = v['push'];
    if (!Array.isArray(push) || !push.every(Array.isArray)) throw new TimelineError(`${where('push')}: a list of RDDs, each a list of records`);
    return { at, source, kind: 'push', items: push as unknown[][] };
  }
  throw new TimelineError(`${where('')}: say what happens: lines, data, bytes, close, drop, open, file, push or crash`);
}

/** One source of a timeline, checked; `where` names it in errors. */
function sourceOf(name: string, value: unknown, where: string): TimelineSource {
  if (value === null || typeof value !== 'object') throw new TimelineError(`${where}: expected { socket: host:port } or { directory: path } or { queue: name }`);
  const v = value as Record<string, unknown>;
  const keys = Object.keys(v);
  if (keys.length !== 1) throw new TimelineError(`${where}: give exactly one of socket, directory, queue`);
  if (typeof v['socket'] === 'string') return { name, kind: 'socket', address: v['socket'] };
  if (typeof v['directory'] === 'string') return { name, kind: 'directory', path: v['directory'] };
  if (typeof v['queue'] === 'string') return { name, kind: 'queue', queue: v['queue'] };
  throw new TimelineError(`${where}: unknown source kind '${keys[0]}' (expected socket, directory or queue)`);
}
