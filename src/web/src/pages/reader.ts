import type { Document, Entity, EventRecord, Quote, Span, Timex } from '../../../core/document.ts';
import { api, type StoredDocument } from '../api.ts';
import { empty, h, link, table, type Child } from '../dom.ts';

type Layer = 'entities' | 'timexes' | 'quotes' | 'events';
const LAYERS: ReadonlyArray<readonly [Layer, string]> = [
  ['entities', 'Entities'],
  ['timexes', 'Time'],
  ['quotes', 'Quotes'],
  ['events', 'Event triggers'],
];

type Ann =
  | { layer: 'entities'; span: Span; entity: Entity; kind: string; code?: string }
  | { layer: 'timexes'; span: Span; timex: Timex }
  | { layer: 'quotes'; span: Span; quote: Quote }
  | { layer: 'events'; span: Span; event: EventRecord };

export function modalityText(v: EventRecord): string {
  const on = Object.entries(v.modality).filter(([, b]) => b).map(([k]) => k);
  if (v.quote) on.push('reported');
  return on.length ? on.join(', ') : 'asserted';
}

function collect(doc: Document): Ann[] {
  const anns: Ann[] = [];
  for (const e of doc.entities) for (const m of e.mentions) anns.push({ layer: 'entities', span: m, entity: e, kind: m.kind, ...(m.code ? { code: m.code } : {}) });
  for (const t of doc.timexes) anns.push({ layer: 'timexes', span: t, timex: t });
  for (const q of doc.quotes) anns.push({ layer: 'quotes', span: q, quote: q });
  for (const v of doc.events) anns.push({ layer: 'events', span: v.trigger, event: v });
  return anns.filter((a) => a.span.end > a.span.start && a.span.end <= doc.text.length);
}

function summary(a: Ann, doc: Document): string {
  const name = (id?: string): string => doc.entities.find((e) => e.id === id)?.name ?? '';
  switch (a.layer) {
    case 'entities':
      return `${a.entity.name} · ${a.entity.type}${a.code ?? a.entity.code ? ` · ${a.code ?? a.entity.code}` : ''}`;
    case 'timexes':
      return `${a.timex.type} ${a.timex.value}`;
    case 'quotes':
      return `${a.quote.kind} quote${a.quote.speaker ? ` by ${name(a.quote.speaker)}` : a.quote.anonymous ? ' (anonymous)' : ''}`;
    case 'events':
      return `CAMEO ${a.event.cameo}${a.event.plover ? ` · ${a.event.plover}` : ''} · ${modalityText(a.event)}`;
  }
}

function details(a: Ann, stored: StoredDocument): HTMLElement {
  const doc = stored.document;
  const at = (s: Span): string => doc.text.slice(s.start, s.end);
  const ent = (id?: string): Child => {
    const e = doc.entities.find((x) => x.id === id);
    if (!e) return '—';
    const actor = stored.actors[e.id];
    return actor ? link(`#/actor/${encodeURIComponent(actor)}`, e.name) : e.name;
  };
  const rows: Array<[string, Child]> = [];
  switch (a.layer) {
    case 'entities': {
      const e = a.entity;
      rows.push(['Entity', ent(e.id)], ['Type', e.type], ['Mention', `${at(a.span)} (${a.kind})`]);
      if (a.code ?? e.code) rows.push(['Actor code', a.code ?? e.code]);
      if (e.country) rows.push(['Country', e.country]);
      if (e.role) rows.push(['Role', e.role]);
      if (e.geo) rows.push(['Coordinates', `${e.geo.lat.toFixed(3)}, ${e.geo.lon.toFixed(3)}${e.geo.geonameid ? ` (GeoNames ${e.geo.geonameid})` : ''}`]);
      rows.push(['Mentions', String(e.mentions.length)]);
      break;
    }
    case 'timexes':
      rows.push(['Time expression', at(a.span)], ['Type', a.timex.type], ['Value', a.timex.value]);
      if (a.timex.anchor) rows.push(['Anchored to', a.timex.anchor]);
      break;
    case 'quotes': {
      const q = a.quote;
      rows.push(['Quote', q.kind], ['Speaker', q.speaker ? ent(q.speaker) : q.anonymous ? 'anonymous' : 'unknown']);
      if (q.speakerMention) rows.push(['Speaker mention', at(q.speakerMention)]);
      if (q.cue) rows.push(['Cue', at(q.cue)]);
      if (q.date) rows.push(['Date', q.date]);
      if (q.continuation) rows.push(['Continuation', 'yes']);
      break;
    }
    case 'events': {
      const v = a.event;
      rows.push(
        ['Event', at(v.trigger)],
        ['CAMEO', `${v.cameo} (root ${v.root})`],
        ['PLOVER', v.plover ? `${v.plover}${v.ploverMode ? ` / ${v.ploverMode}` : ''}` : '—'],
        ['Source', h('span', null, v.source.length ? v.source.map((s) => ent(s)) : '—', v.sourceCodes?.length ? ` [${v.sourceCodes.join(', ')}]` : '')],
        ['Target', h('span', null, v.target.length ? v.target.map((s) => ent(s)) : '—', v.targetCodes?.length ? ` [${v.targetCodes.join(', ')}]` : '')],
        ['Quad class · Goldstein', `${v.quadClass} · ${v.goldstein}`],
        ['Date', `${v.date ?? '—'} (${v.dateBasis})`],
        ['Modality', modalityText(v)],
      );
      if (v.condition) rows.push(['Condition', at(v.condition)]);
      if (v.location) rows.push(['Location', ent(v.location)]);
      break;
    }
  }
  return h('dl', { class: `detail detail-${a.layer}` }, rows.map(([k, v]) => [h('dt', null, k), h('dd', null, v)]));
}

export async function readerPage(root: HTMLElement, parts: readonly string[]): Promise<void> {
  const id = parts.join('/');
  const stored = await api.document(id);
  const doc = stored.document;
  const anns = collect(doc);
  const m = doc.meta;

  const panel = h('aside', { class: 'details', 'aria-live': 'polite', 'aria-label': 'Details' }, h('p', { class: 'hint' }, 'Select a highlight to see what was extracted.'));
  const textEl = h('div', { class: 'article-text', lang: 'en' });

  // Cut the text at every annotation and sentence boundary; each piece knows what covers it.
  const cuts = new Set<number>([0, doc.text.length]);
  for (const a of anns) cuts.add(a.span.start).add(a.span.end);
  for (const s of doc.sentences) cuts.add(s.start).add(s.end);
  const points = [...cuts].sort((x, y) => x - y);
  let si = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const covering = anns.filter((a) => a.span.start <= start && a.span.end >= end);
    while (si < doc.sentences.length && doc.sentences[si]!.end <= start) si++;
    const sent = doc.sentences[si];
    const inSentence = sent && sent.start <= start && sent.end >= end ? si : -1;
    const piece = doc.text.slice(start, end);
    if (covering.length === 0) {
      textEl.append(h('span', { 'data-s': inSentence }, piece));
      continue;
    }
    const layers = [...new Set(covering.map((a) => a.layer))];
    const opens = covering.some((a) => a.span.start === start);
    const seg = h(
      'span',
      {
        class: ['hl', ...layers.map((l) => `hl-${l}`)].join(' '),
        'data-s': inSentence,
        title: covering.map((a) => summary(a, doc)).join('\n'),
        tabindex: opens ? 0 : undefined,
        role: 'button',
        on: {
          click: () => show(covering),
          keydown: (e) => {
            const k = (e as KeyboardEvent).key;
            if (k === 'Enter' || k === ' ') {
              e.preventDefault();
              show(covering);
            }
          },
        },
      },
      piece,
    );
    textEl.append(seg);
  }

  function show(covering: readonly Ann[]): void {
    const visible = covering.filter((a) => !textEl.classList.contains(`hide-${a.layer}`));
    panel.replaceChildren(...(visible.length ? visible : covering).map((a) => details(a, stored)));
  }

  function highlightSentence(index: number): void {
    for (const el of textEl.querySelectorAll('.hl-sentence')) el.classList.remove('hl-sentence');
    const pieces = textEl.querySelectorAll<HTMLElement>(`[data-s="${index}"]`);
    for (const p of pieces) p.classList.add('hl-sentence');
    const first = pieces[0];
    if (first) {
      first.scrollIntoView({ block: 'center', behavior: 'smooth' });
      first.setAttribute('tabindex', '-1');
      first.focus({ preventScroll: true });
    }
  }

  const toggles = h(
    'fieldset',
    { class: 'layers' },
    h('legend', null, 'Highlight'),
    LAYERS.map(([layer, label]) => {
      const count = layer === 'events' ? doc.events.length : layer === 'entities' ? doc.entities.length : doc[layer].length;
      return h(
        'label',
        { class: `toggle toggle-${layer}` },
        h('input', {
          type: 'checkbox',
          checked: true,
          name: layer,
          on: { change: (e) => textEl.classList.toggle(`hide-${layer}`, !(e.target as HTMLInputElement).checked) },
        }),
        ` ${label} (${count})`,
      );
    }),
  );

  const dl = m.dateline;
  root.append(
    h('p', { class: 'crumbs' }, link('#/documents', '← Documents')),
    h('h1', null, m.title ?? doc.id),
    h(
      'p',
      { class: 'meta' },
      [
        dl?.place ? `${dl.place}${dl.country ? ` (${dl.country})` : ''}` : null,
        dl?.agencies.length ? dl.agencies.join('/') : null,
        m.published ? `published ${m.published}` : null,
        m.referenceDate ? `reference date ${m.referenceDate} (${m.referenceBasis})` : 'no reference date',
      ]
        .filter(Boolean)
        .join(' · '),
      m.url ? [' · ', h('a', { href: m.url, rel: 'noopener noreferrer', target: '_blank' }, 'source')] : null,
      stored.duplicateOf ? h('span', { class: 'badge' }, ` copy of ${stored.duplicateOf}`) : null,
    ),
    toggles,
    h('div', { class: 'reader' }, textEl, panel),
  );

  root.append(h('h2', null, `Events (${doc.events.length})`));
  if (doc.events.length === 0) root.append(empty('No events were coded in this article.'));
  else {
    const name = (ids: readonly string[], codes?: readonly string[]): string =>
      ids.map((i) => doc.entities.find((e) => e.id === i)?.name ?? i).join(' + ') + (codes?.length ? ` [${codes.join(', ')}]` : '') || '—';
    const t = table(
      ['Trigger', 'CAMEO', 'PLOVER', 'Source', 'Target', 'Date', 'Modality'],
      doc.events.map((v) => [
        h('button', { type: 'button', class: 'linkish', 'data-event': v.id, on: { click: () => { highlightSentence(v.sentence); show(anns.filter((a) => a.layer === 'events' && a.event.id === v.id)); } } }, doc.text.slice(v.trigger.start, v.trigger.end)),
        v.cameo,
        v.plover ?? '—',
        name(v.source, v.sourceCodes),
        name(v.target, v.targetCodes),
        v.date ?? '—',
        modalityText(v),
      ]),
    );
    t.classList.add('events-table');
    root.append(t);
  }

  root.append(h('h2', null, `Quotes (${doc.quotes.length})`));
  if (doc.quotes.length === 0) root.append(empty('No quotes in this article.'));
  else
    root.append(
      table(
        ['Speaker', 'Kind', 'Quote'],
        doc.quotes.map((q) => [
          doc.entities.find((e) => e.id === q.speaker)?.name ?? (q.speakerMention ? doc.text.slice(q.speakerMention.start, q.speakerMention.end) : q.anonymous ? 'anonymous' : 'unknown'),
          q.kind,
          h('button', { type: 'button', class: 'linkish quote-text', on: { click: () => { const s = doc.sentences.findIndex((x) => x.end > q.start); highlightSentence(s); } } }, doc.text.slice(q.start, q.end)),
        ]),
      ),
    );

  root.append(h('h2', null, `Entities (${doc.entities.length})`));
  root.append(
    h(
      'ul',
      { class: 'chips' },
      doc.entities.map((e) => {
        const actor = stored.actors[e.id];
        const label = `${e.name} · ${e.type}${e.code ? ` · ${e.code}` : ''}`;
        return h('li', null, actor ? link(`#/actor/${encodeURIComponent(actor)}`, label) : label);
      }),
    ),
  );
}
