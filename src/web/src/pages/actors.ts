import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { api, type ActorDetail } from '../api.ts';
import { append, empty, field, h, link, loading, table } from '../dom.ts';
import { go } from '../main.ts';
import { pager } from './documents.ts';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

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
  const detail = await api.actor(id);
  const a = detail.actor;
  append(
    root,
    [
    h('p', { class: 'crumbs' }, link('#/actors', '← Actors')),
    h('h1', null, a.name),
    h('p', { class: 'meta' }, [a.type, a.code, a.country, a.role, `${a.documents} documents`, `${a.mentions} mentions`, a.firstSeen && a.lastSeen ? `${a.firstSeen} – ${a.lastSeen}` : null].filter(Boolean).join(' · ')),
    detail.names.length > 1 ? h('p', { class: 'meta' }, `Also named: ${detail.names.filter((n) => n !== a.name).join(', ')}`) : null,
    h('p', null, link(`#/events?actor=${encodeURIComponent(a.id)}`, 'Explore this actor’s events →')),
    ],
  );
  // Mentions per month, from the per-document timeline.
  const byMonth = new Map<string, number>();
  for (const t of detail.timeline) {
    if (!t.date) continue;
    const k = t.date.slice(0, 7);
    byMonth.set(k, (byMonth.get(k) ?? 0) + t.mentions);
  }
  const months = [...byMonth.keys()].sort();
  const chart = h('div', { class: 'chart mentions', role: 'img', 'aria-label': 'Mentions per month' });
  root.append(h('section', { class: 'panel' }, h('h2', null, 'Mentions over time'), chart));
  if (months.length === 0) chart.replaceWith(empty('No dated mentions.'));
  else {
    const c = echarts.init(chart);
    c.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 16, bottom: 40 },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: months.map((m) => byMonth.get(m) ?? 0), itemStyle: { color: '#1f6f8b' } }],
    });
  }
  const eventTable = (rows: ActorDetail['eventsAsSource'], other: 'targetActors' | 'sourceActors') =>
    rows.length === 0
      ? empty('None.')
      : table(
          ['Date', other === 'targetActors' ? 'Target' : 'Source', 'Event', 'CAMEO', 'Article'],
          rows.map((r) => [r.date ?? '—', r[other].map((x) => x.name).join(' + ') || '—', r.triggerText, r.cameo, link(`#/doc/${encodeURIComponent(r.documentId)}`, r.title ?? r.documentId)]),
        );
  root.append(
    h('section', { class: 'panel' }, h('h2', null, `Events as source (${a.eventsAsSource})`), eventTable(detail.eventsAsSource, 'targetActors')),
    h('section', { class: 'panel' }, h('h2', null, `Events as target (${a.eventsAsTarget})`), eventTable(detail.eventsAsTarget, 'sourceActors')),
    h(
      'section',
      { class: 'panel' },
      h('h2', null, `Quotes (${a.quotes})`),
      detail.quotes.length === 0
        ? empty('No quotes attributed to this actor.')
        : h('ul', { class: 'quotes' }, detail.quotes.map((q) => h('li', null, h('blockquote', { class: q.kind }, q.text), h('p', { class: 'meta' }, q.date ?? q.published ?? '', ' · ', link(`#/doc/${encodeURIComponent(q.documentId)}`, q.title ?? q.documentId))))),
    ),
  );
}
