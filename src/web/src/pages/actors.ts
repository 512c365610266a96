import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { api } from '../api.ts';
import { empty, field, h, link, loading, table } from '../dom.ts';
import { go } from '../main.ts';
import { pager } from './documents.ts';

echarts.use([LineChart, GridComponent, TooltipComponent, CanvasRenderer]);

const TYPES = ['', 'PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'FAC', 'EVENT'];

export async function actorsPage(root: HTMLElement, _parts: readonly string[], params: URLSearchParams): Promise<void> {
  const q = h('input', { type: 'search', name: 'q', value: params.get('q') ?? '', placeholder: 'name or code', 'aria-label': 'Actor name or code' });
  const type = h('select', { name: 'type' }, TYPES.map((t) => h('option', { value: t, selected: t === (params.get('type') ?? '') }, t || 'any')));
  const list = h('section', null, loading());
  root.append(
    h('h1', null, 'Actors'),
    h('form', { class: 'filters', role: 'search', on: { submit: (e) => { e.preventDefault(); go('actors', { q: q.value, type: type.value }); } } }, field('Actor', q), field('Type', type), h('button', { type: 'submit' }, 'Search')),
    list,
  );
  const offset = Number(params.get('offset') ?? 0);
  const limit = 50;
  const page = await api.actors({ q: params.get('q') ?? undefined, type: params.get('type') ?? undefined, limit, offset, sort: 'mentions' });
  list.replaceChildren();
  if (page.items.length === 0) {
    list.append(empty('No actors match.'));
    return;
  }
  list.append(
    table(
      ['Actor', 'Type', 'Code', 'Documents', 'Mentions', 'Events (source / target)', 'Quotes'],
      page.items.map((a) => [link(`#/actor/${encodeURIComponent(a.id)}`, a.name), a.type, a.code ?? '—', a.documents, a.mentions, `${a.eventsAsSource} / ${a.eventsAsTarget}`, a.quotes]),
    ),
    pager(page.total, limit, offset, (o) => go('actors', { ...Object.fromEntries(params), offset: String(o) })),
  );
}

export async function actorPage(root: HTMLElement, parts: readonly string[]): Promise<void> {
  const id = parts.join('/');
  const [detail, asSource, asTarget, quotes] = await Promise.all([
    api.actor(id),
    api.events({ source: id, limit: 50 }),
    api.events({ target: id, limit: 50 }),
    api.quotes({ speaker: id, limit: 50 }),
  ]);
  const a = detail.actor;
  root.append(
    h('p', { class: 'crumbs' }, link('#/actors', '← Actors')),
    h('h1', null, a.name),
    h('p', { class: 'meta' }, [a.type, a.code, a.country, a.role, `${a.documents} documents`, `${a.mentions} mentions`].filter(Boolean).join(' · ')),
    h('p', null, link(`#/events?actor=${encodeURIComponent(a.id)}`, 'Explore this actor’s events →')),
  );
  const chart = h('div', { class: 'chart mentions', role: 'img', 'aria-label': 'Mentions over time' });
  root.append(h('section', { class: 'panel' }, h('h2', null, 'Mentions over time'), chart));
  if (detail.timeline.length === 0) chart.replaceWith(empty('No dated mentions.'));
  else {
    const c = echarts.init(chart);
    c.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 16, bottom: 40 },
      xAxis: { type: 'category', data: detail.timeline.map((t) => t.key) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'line', data: detail.timeline.map((t) => t.count), areaStyle: {} }],
    });
  }
  const eventTable = (rows: typeof asSource.items, other: 'targetActors' | 'sourceActors') =>
    rows.length === 0
      ? empty('None.')
      : table(
          ['Date', other === 'targetActors' ? 'Target' : 'Source', 'Event', 'CAMEO', 'Article'],
          rows.map((r) => [r.event.date ?? '—', r[other].map((x) => x.name).join(' + ') || '—', r.triggerText, r.event.cameo, link(`#/doc/${encodeURIComponent(r.documentId)}`, r.title ?? r.documentId)]),
        );
  root.append(
    h('section', { class: 'panel' }, h('h2', null, `Events as source (${asSource.total})`), eventTable(asSource.items, 'targetActors')),
    h('section', { class: 'panel' }, h('h2', null, `Events as target (${asTarget.total})`), eventTable(asTarget.items, 'sourceActors')),
    h(
      'section',
      { class: 'panel' },
      h('h2', null, `Quotes (${quotes.total})`),
      quotes.items.length === 0
        ? empty('No quotes attributed to this actor.')
        : h('ul', { class: 'quotes' }, quotes.items.map((q) => h('li', null, h('blockquote', null, q.text), h('p', { class: 'meta' }, q.quote.date ?? q.published ?? '', ' · ', link(`#/doc/${encodeURIComponent(q.documentId)}`, q.title ?? q.documentId))))),
    ),
  );
}
