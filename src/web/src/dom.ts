/**
 * Safe DOM building: every string becomes a text node or an attribute value set with
 * setAttribute, so article text and extracted strings can never be parsed as HTML, and no event
 * handler is ever built from data (handlers are functions passed in `on`).
 */
export type Child = Node | string | number | null | undefined | false | readonly Child[];
type AttrValue = string | number | boolean | undefined | null;

export interface Props {
  readonly [name: string]: AttrValue | Readonly<Record<string, (e: Event) => void>> | undefined;
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: (Props & { on?: Readonly<Record<string, (e: Event) => void>> }) | null = null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props) {
    for (const [name, value] of Object.entries(props)) {
      if (name === 'on') {
        for (const [ev, fn] of Object.entries(value as Record<string, (e: Event) => void>)) el.addEventListener(ev, fn);
        continue;
      }
      if (/^on/i.test(name)) throw new Error(`inline handler attribute ${name} refused`);
      if (value === undefined || value === null || value === false) continue;
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

export function append(el: Node, children: readonly Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else if (c instanceof Node) el.appendChild(c);
    else el.appendChild(document.createTextNode(String(c)));
  }
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

/** A link inside the single-page app. */
export function link(hash: string, ...children: Child[]): HTMLAnchorElement {
  return h('a', { href: hash }, ...children);
}

export function loading(what = 'Loading…'): HTMLElement {
  return h('p', { class: 'state loading', role: 'status', 'aria-live': 'polite' }, what);
}

export function empty(what: string): HTMLElement {
  return h('p', { class: 'state empty', role: 'status' }, what);
}

export function failure(e: unknown): HTMLElement {
  return h('p', { class: 'state error', role: 'alert' }, `Something went wrong: ${e instanceof Error ? e.message : String(e)}`);
}

export function table(headers: readonly string[], rows: readonly (readonly Child[])[], caption?: string): HTMLTableElement {
  return h(
    'table',
    { class: 'data' },
    caption ? h('caption', null, caption) : null,
    h('thead', null, h('tr', null, headers.map((x) => h('th', { scope: 'col' }, x)))),
    h('tbody', null, rows.map((r) => h('tr', null, r.map((c) => h('td', null, c))))),
  );
}

export function field(label: string, input: HTMLElement): HTMLLabelElement {
  return h('label', { class: 'field' }, h('span', null, label), input);
}

/** Download a text file made in the browser (exports). */
export function download(name: string, mime: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mime }));
  const a = h('a', { href: url, download: name });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
