import { api, type EventJson, type Params } from '../api.ts';
import { download, empty, field, h, link, loading, table } from '../dom.ts';
import { go } from '../main.ts';
import { drawTimeline, QUAD_LABELS } from '../charts/timeline.ts';
import { drawNetwork, type Dyad } from '../charts/network.ts';
import { drawMap, type Place } from '../charts/map.ts';
import { pager } from './documents.ts';

const FILTERS = ['actor', 'source', 'target', 'cameo', 'plover', 'quadClass', 'modality', 'from', 'to'] as const;
const PLOVER = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'];
const MODALITIES = ['asserted', 'negated', 'future', 'conditional', 'hypothetical'];

function select(name: string, options: readonly (readonly [string, string])[], value: string): HTMLSelectElement {
  return h('select', { name }, options.map(([v, label]) => h('option', { value: v, selected: v === value }, label)));
}

const actorsText = (refs: EventJson['sourceActors'], codes?: readonly string[]): string =>
  refs.map((a) => a.name).join(' + ') + (codes?.length ? ` [${codes.join(', ')}]` : '') || '—';

function modality(r: EventJson): string {
  const on = Object.entries(r.modality).filter(([, b]) => b).map(([k]) => k);
  if (r.quote) on.push('reported');
  return on.join(', ') || 'asserted';
}

function csvCell(v: unknown): string {
  const s = v === undefined || v === null ? '' : String(v);
  // Quote every cell and neutralize spreadsheet formulas.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function eventsToCsv(rows: readonly EventJson[]): string {
  const head = ['id', 'documentId', 'published', 'date', 'trigger', 'cameo', 'root', 'plover', 'ploverMode', 'quadClass', 'goldstein', 'source', 'sourceCodes', 'target', 'targetCodes', 'location', 'negated', 'future', 'conditional', 'hypothetical', 'quote', 'sentence'];
  const lines = [head.join(',')];
  for (const r of rows) {
    const v = r;
    lines.push(
      [r.id, r.documentId, r.published, v.date, r.triggerText, v.cameo, v.root, v.plover, v.ploverMode, v.quadClass, v.goldstein, r.sourceActors.map((a) => a.name).join(';'), (v.sourceCodes ?? []).join(';'), r.targetActors.map((a) => a.name).join(';'), (v.targetCodes ?? []).join(';'), r.location?.name, v.modality.negated, v.modality.future, v.modality.conditional, v.modality.hypothetical, v.quote, r.sentenceText]
        .map(csvCell)
        .join(','),
    );
  }
  return lines.join('\n') + '\n';
}

export async function eventsPage(root: HTMLElement, _parts: readonly string[], params: URLSearchParams): Promise<void> {
  const get = (k: string): string => params.get(k) ?? '';
  const inputs = {
    actor: h('input', { type: 'text', name: 'actor', value: get('actor'), placeholder: 'code or name' }),
    source: h('input', { type: 'text', name: 'source', value: get('source'), placeholder: 'e.g. USA' }),
    target: h('input', { type: 'text', name: 'target', value: get('target'), placeholder: 'e.g. IRQ' }),
    cameo: h('input', { type: 'text', name: 'cameo', value: get('cameo'), placeholder: '02, 166…', size: 6 }),
    plover: select('plover', [['', 'any'], ...PLOVER.map((p) => [p, p] as const)], get('plover')),
    quadClass: select('quadClass', [['', 'any'], ...QUAD_LABELS.map((l, i) => [String(i + 1), l] as const)], get('quadClass')),
    modality: select('modality', [['', 'any'], ...MODALITIES.map((m) => [m, m] as const)], get('modality')),
    from: h('input', { type: 'date', name: 'from', value: get('from') }),
    to: h('input', { type: 'date', name: 'to', value: get('to') }),
  };
  const period = get('period') === 'month' ? 'month' : 'week';
  const form = h(
    'form',
    {
      class: 'filters',
      on: {
        submit: (e) => {
          e.preventDefault();
          const next: Record<string, string> = { period };
          for (const k of FILTERS) next[k] = inputs[k].value;
          go('events', next);
        },
      },
    },
    field('Actor', inputs.actor),
    field('Source', inputs.source),
    field('Target', inputs.target),
    field('CAMEO', inputs.cameo),
    field('PLOVER', inputs.plover),
    field('Quad class', inputs.quadClass),
    field('Modality', inputs.modality),
    field('Event date from', inputs.from),
    field('to', inputs.to),
    h('button', { type: 'submit' }, 'Filter'),
  );
  const filters: Params = Object.fromEntries(FILTERS.map((k) => [k, get(k) || undefined]));
  const timelineEl = h('div', { class: 'chart timeline', role: 'img', 'aria-label': 'Events over time by quad class' });
  const networkEl = h('div', { class: 'chart network', role: 'img', 'aria-label': 'Actor network of dyads' });
  const mapEl = h('div', { class: 'chart map' });
  const tableEl = h('section', { class: 'events-list' }, loading());
  const periodToggle = h(
    'p',
    { class: 'period' },
    'Count by ',
    ['week', 'month'].map((p) =>
      h('button', { type: 'button', 'aria-pressed': p === period ? 'true' : 'false', on: { click: () => go('events', { ...Object.fromEntries(params), period: p }) } }, p),
    ),
  );
  root.append(
    h('h1', null, 'Events'),
    form,
    h('section', { class: 'panel' }, h('h2', null, 'Timeline'), periodToggle, timelineEl),
    h('div', { class: 'two' }, h('section', { class: 'panel' }, h('h2', null, 'Actor network'), networkEl), h('section', { class: 'panel' }, h('h2', null, 'Map'), mapEl)),
    h('section', { class: 'panel' }, h('h2', null, 'Events'), tableEl),
  );

  const offset = Number(get('offset') || 0);
  const limit = 100;
  const [pageRes, periods, dyads, places] = await Promise.all([
    api.events({ ...filters, limit, offset }),
    Promise.all(
      [1, 2, 3, 4].map((q) =>
        // With a quad-class filter, the other classes are simply empty.
        filters.quadClass && Number(filters.quadClass) !== q ? { groupBy: period, buckets: [] } : api.eventBuckets({ ...filters, quadClass: q, groupBy: period }),
      ),
    ),
    api.eventBuckets({ ...filters, groupBy: 'dyad', limit: 60 }),
    api.places(filters),
  ]);

  // Timeline: every period seen in any quad class, in order.
  const keys = [...new Set(periods.flatMap((p) => p.buckets.map((b) => b.key)))].sort();
  if (keys.length === 0) timelineEl.replaceWith(empty('No dated events match the filters.'));
  else drawTimeline(timelineEl, keys, periods.map((p) => keys.map((k) => p.buckets.find((b) => b.key === k)?.count ?? 0)));

  const edges: Dyad[] = dyads.buckets.flatMap((b) => (b.source && b.target ? [{ source: b.source, target: b.target, count: b.count }] : []));
  if (edges.length === 0) networkEl.replaceWith(empty('No events with both a source and a target actor.'));
  else drawNetwork(networkEl, edges, (id) => go(`actor/${encodeURIComponent(id)}`));

  const pts: Place[] = places.buckets.flatMap((p) => (p.lat !== undefined && p.lon !== undefined ? [{ name: p.name, lat: p.lat, lon: p.lon, count: p.count }] : []));
  drawMap(mapEl, pts);
  if (pts.length === 0) mapEl.append(empty('No event in this selection has a located place.'));

  tableEl.replaceChildren();
  if (pageRes.items.length === 0) {
    tableEl.append(empty('No events match the filters.'));
    return;
  }
  const exportAll = async (kind: 'csv' | 'jsonl'): Promise<void> => {
    const all: EventJson[] = [];
    for (let o = 0; o < pageRes.total; o += 1000) all.push(...(await api.events({ ...filters, limit: 1000, offset: o })).items);
    if (kind === 'csv') download('dateline-events.csv', 'text/csv', eventsToCsv(all));
    else download('dateline-events.jsonl', 'application/x-ndjson', all.map((r) => JSON.stringify(r)).join('\n') + '\n');
  };
  tableEl.append(
    h(
      'p',
      { class: 'toolbar' },
      `${pageRes.total} event${pageRes.total === 1 ? '' : 's'} · export `,
      h('button', { type: 'button', on: { click: () => void exportAll('csv') } }, 'CSV'),
      ' ',
      h('button', { type: 'button', on: { click: () => void exportAll('jsonl') } }, 'JSONL'),
    ),
    table(
      ['Date', 'Source', 'Event', 'Target', 'CAMEO', 'PLOVER', 'Modality', 'Place', 'Article'],
      pageRes.items.map((r) => [
        r.date ?? '—',
        actorsText(r.sourceActors, r.sourceCodes),
        h('span', { title: r.sentenceText ?? '' }, r.triggerText),
        actorsText(r.targetActors, r.targetCodes),
        r.cameo,
        r.plover ?? '—',
        modality(r),
        r.location?.name ?? '—',
        link(`#/doc/${encodeURIComponent(r.documentId)}`, r.title ?? r.documentId),
      ]),
    ),
    pager(pageRes.total, limit, offset, (o) => go('events', { ...Object.fromEntries(params), offset: String(o) })),
  );
}
