import type { Timeline, TimelineEvent, TimelineSource } from '../timeline/Timeline';

/** A YAML scalar: plain when it reads back as the same string, else double-quoted (JSON is valid YAML). */
function scalar(s: string): string {
  return /^[A-Za-z_][\w.-]*$/.test(s) && !/^(true|false|null|yes|no|on|off|y|n|~)$/i.test(s) ? s : JSON.stringify(s);
}

/** A number of seconds as the format writes it (`3`, `2.5`, `0.001`). */
function seconds(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}

function source(s: TimelineSource): string {
  if (s.kind === 'socket') return `{ socket: ${JSON.stringify(s.address)} }`;
  if (s.kind === 'directory') return `{ directory: ${scalar(s.path)} }`;
  return `{ queue: ${scalar(s.queue)} }`;
}

function event(e: TimelineEvent): string {
  if (e.kind === 'crash') return `{ at: ${seconds(e.at)}, crash: { restart: ${seconds(e.restart)} } }`;
  const head = `at: ${seconds(e.at)}, source: ${scalar(e.source)}`;
  switch (e.kind) {
    case 'lines':
      return `{ ${head}, lines: ${JSON.stringify(e.lines)} }`;
    case 'data':
      return `{ ${head}, bytes: ${JSON.stringify(e.bytes)} }`;
    case 'close':
    case 'drop':
    case 'open':
      return `{ ${head}, ${e.kind}: true }`;
    case 'file':
      return `{ ${head}, file: ${scalar(e.name)}, content: ${JSON.stringify(e.content)}${e.mtime !== undefined ? `, mtime: ${seconds(e.mtime)}` : ''} }`;
    case 'push':
      return `{ ${head}, push: ${JSON.stringify(e.items)} }`;
  }
}

/**
 * A timeline in the YAML timeline format (docs/timeline.md), one flow-style line per source and
 * event, as the bundled scenarios write them: paste it into a `timeline.yaml`, and
 * `parseTimeline` reads back the same timeline. Queue records must be JSON values.
 */
export function printTimeline(t: Timeline): string {
  const lines = ['sources:'];
  if (t.sources.length === 0) lines[0] = 'sources: {}';
  for (const s of t.sources) lines.push(`  ${scalar(s.name)}: ${source(s)}`);
  if (t.events.length === 0) lines.push('events: []');
  else lines.push('events:', ...t.events.map((e) => `  - ${event(e)}`));
  return lines.join('\n') + '\n';
}
