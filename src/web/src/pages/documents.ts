import { api } from '../api.ts';
import { empty, field, h, link, loading } from '../dom.ts';
import { go } from '../main.ts';

export async function documentsPage(root: HTMLElement, _parts: readonly string[], params: URLSearchParams): Promise<void> {
  const q = h('input', { type: 'search', name: 'q', value: params.get('q') ?? '', placeholder: 'Search the text of every article', 'aria-label': 'Full-text search' });
  const from = h('input', { type: 'date', name: 'from', value: params.get('from') ?? '' });
  const to = h('input', { type: 'date', name: 'to', value: params.get('to') ?? '' });
  const agency = h('input', { type: 'text', name: 'agency', value: params.get('agency') ?? '', placeholder: 'dpa, AP…', size: 8 });
  const country = h('input', { type: 'text', name: 'country', value: params.get('country') ?? '', placeholder: 'ISO3', size: 5 });
  const form = h(
    'form',
    {
      class: 'filters',
      role: 'search',
      on: {
        submit: (e) => {
          e.preventDefault();
          go('documents', { q: q.value, from: from.value, to: to.value, agency: agency.value, country: country.value.toUpperCase() });
        },
      },
    },
    field('Search', q),
    field('Published from', from),
    field('to', to),
    field('Agency', agency),
    field('Country', country),
    h('button', { type: 'submit' }, 'Search'),
  );
  const list = h('section', { 'aria-live': 'polite' }, loading());
  root.append(h('h1', null, 'Documents'), form, list);
  const offset = Number(params.get('offset') ?? 0);
  const limit = 50;
  const page = await api.documents({
    q: params.get('q') ?? undefined,
    publishedFrom: params.get('from') ?? undefined,
    publishedTo: params.get('to') ?? undefined,
    agency: params.get('agency') ?? undefined,
    country: params.get('country') ?? undefined,
    limit,
    offset,
  });
  list.replaceChildren();
  if (page.items.length === 0) {
    list.append(empty('No documents match. Clear the filters or ingest articles with `dateline ingest`.'));
    return;
  }
  list.append(h('p', { class: 'count' }, `${page.total} document${page.total === 1 ? '' : 's'}`));
  const ul = h('ul', { class: 'doc-list' });
  for (const d of page.items) {
    ul.append(
      h(
        'li',
        { class: 'doc-item' },
        h('h2', null, link(`#/doc/${encodeURIComponent(d.id)}`, d.title ?? d.id)),
        h(
          'p',
          { class: 'meta' },
          [d.published ?? d.referenceDate ?? 'undated', d.place ? `${d.place}${d.country ? ` (${d.country})` : ''}` : null, `${d.events} events`, `${d.quotes} quotes`, `${d.entities} entities`]
            .filter(Boolean)
            .join(' · '),
          d.duplicateOf ? h('span', { class: 'badge' }, `copy of ${d.duplicateOf}`) : null,
        ),
        h('p', { class: 'snippet' }, d.snippet),
      ),
    );
  }
  list.append(ul, pager(page.total, limit, offset, (o) => go('documents', { ...Object.fromEntries(params), offset: String(o) })));
}

export function pager(total: number, limit: number, offset: number, to: (offset: number) => void): HTMLElement {
  return h(
    'nav',
    { class: 'pager', 'aria-label': 'Pages' },
    h('button', { type: 'button', disabled: offset <= 0, on: { click: () => to(Math.max(0, offset - limit)) } }, '← Previous'),
    h('span', null, `${Math.min(total, offset + 1)}–${Math.min(total, offset + limit)} of ${total}`),
    h('button', { type: 'button', disabled: offset + limit >= total, on: { click: () => to(offset + limit) } }, 'Next →'),
  );
}
