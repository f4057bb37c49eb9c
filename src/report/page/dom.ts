/**
 * Building the page's DOM. Data (records, names, messages) only ever goes in as text
 * (`textContent`, `setAttribute`), never as HTML: a record `<script>` shows as those characters.
 */
export type Child = Node | string | undefined | false;

/** An element with classes, attributes and children (strings become text nodes). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { className?: string; attrs?: Record<string, string>; title?: string } = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (props.className) e.className = props.className;
  if (props.title !== undefined) e.title = props.title;
  for (const [k, v] of Object.entries(props.attrs ?? {})) e.setAttribute(k, v);
  append(e, children);
  return e;
}

/** Append children (strings as text). */
export function append(parent: Node, children: readonly Child[]): void {
  for (const c of children) {
    if (c === undefined || c === false) continue;
    parent.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  }
}

const SVG = 'http://www.w3.org/2000/svg';

/** An SVG element with attributes. */
export function svg(tag: string, attrs: Record<string, string | number>, ...children: Child[]): SVGElement {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  append(e, children);
  return e;
}

/** Remove every child. */
export function clear(e: Element): void {
  while (e.firstChild) e.removeChild(e.firstChild);
}
