import { api } from '../api.ts';
import { empty, field, h, link, loading } from '../dom.ts';
import { go } from '../main.ts';
import { pager } from './documents.ts';

export async function quotesPage(root: HTMLElement, _parts: readonly string[], params: URLSearchParams): Promise<void> {
  const speaker = h('input', { type: 'search', name: 'speaker', value: params.get('speaker') ?? '', placeholder: 'speaker name or code' });
  const q = h('input', { type: 'search', name: 'q', value: params.get('q') ?? '', placeholder: 'words in the quote' });
  const list = h('section', { 'aria-live': 'polite' }, loading());
  root.append(
    h('h1', null, 'Quotes'),
    h('form', { class: 'filters', role: 'search', on: { submit: (e) => { e.preventDefault(); go('quotes', { speaker: speaker.value, q: q.value }); } } }, field('Speaker', speaker), field('Text', q), h('button', { type: 'submit' }, 'Search')),
    list,
  );
  const offset = Number(params.get('offset') ?? 0);
  const limit = 50;
  const page = await api.quotes({ speaker: params.get('speaker') ?? undefined, q: params.get('q') ?? undefined, limit, offset });
  list.replaceChildren();
  if (page.items.length === 0) {
    list.append(empty('No quotes match.'));
    return;
  }
  list.append(
    h('p', { class: 'count' }, `${page.total} quote${page.total === 1 ? '' : 's'}`),
    h(
      'ul',
      { class: 'quotes' },
      page.items.map((r) =>
        h(
          'li',
          null,
          h('blockquote', { class: r.kind }, r.text),
          h(
            'p',
            { class: 'meta' },
            r.speaker ? link(`#/actor/${encodeURIComponent(r.speaker.id)}`, r.speaker.name) : r.speakerText ?? (r.anonymous ? 'anonymous source' : 'unknown speaker'),
            ` · ${r.kind}`,
            r.cueText ? ` · “${r.cueText}”` : '',
            ` · ${r.date ?? r.published ?? 'undated'} · `,
            link(`#/doc/${encodeURIComponent(r.documentId)}`, r.title ?? r.documentId),
          ),
        ),
      ),
    ),
    pager(page.total, limit, offset, (o) => go('quotes', { ...Object.fromEntries(params), offset: String(o) })),
  );
}
