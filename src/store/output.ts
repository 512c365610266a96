/**
 * How stored rows leave dateline: one flat JSON shape per event and quote (the same in the CLI's
 * jsonl/json output and the HTTP API), CSV and aligned tables, and the GDELT and PLOVER exports.
 */
import type { ActorRef, EventRow, QuoteRow } from './store.ts';

/** An event as users script against it: the event's fields at the top level plus its corpus context. */
export interface EventJson {
  readonly id: string;
  readonly documentId: string;
  readonly localId: string;
  readonly published?: string;
  readonly title?: string;
  readonly url?: string;
  readonly cameo: string;
  readonly root: string;
  readonly plover?: string;
  readonly ploverMode?: string;
  readonly quadClass: number;
  readonly goldstein: number;
  readonly date?: string;
  readonly dateStart?: string;
  readonly dateEnd?: string;
  readonly dateBasis: string;
  readonly modality: { negated: boolean; future: boolean; conditional: boolean; hypothetical: boolean };
  readonly source: readonly string[];
  readonly target: readonly string[];
  readonly sourceCodes?: readonly string[];
  readonly targetCodes?: readonly string[];
  readonly sourceActors: readonly ActorRef[];
  readonly targetActors: readonly ActorRef[];
  readonly location?: EventRow['location'];
  readonly locationId?: string;
  readonly trigger: { start: number; end: number };
  readonly triggerText: string;
  readonly sentence: number;
  readonly sentenceText?: string;
  readonly condition?: { start: number; end: number };
  readonly quote?: string;
  readonly confidence?: number;
}

export function eventJson(row: EventRow): EventJson {
  const e = row.event;
  const out: Record<string, unknown> = {
    id: row.id,
    documentId: row.documentId,
    localId: e.id,
    published: row.published,
    title: row.title,
    url: row.url,
    cameo: e.cameo,
    root: e.root,
    plover: e.plover,
    ploverMode: e.ploverMode,
    quadClass: e.quadClass,
    goldstein: e.goldstein,
    date: e.date,
    dateStart: row.dateStart,
    dateEnd: row.dateEnd,
    dateBasis: e.dateBasis,
    modality: e.modality,
    source: e.source,
    target: e.target,
    sourceCodes: e.sourceCodes,
    targetCodes: e.targetCodes,
    sourceActors: row.sourceActors,
    targetActors: row.targetActors,
    location: row.location,
    locationId: e.location,
    trigger: e.trigger,
    triggerText: row.triggerText,
    sentence: e.sentence,
    sentenceText: row.sentenceText,
    condition: e.condition,
    quote: e.quote,
    confidence: e.confidence,
  };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out as unknown as EventJson;
}

const actorsText = (xs: readonly ActorRef[]): string => xs.map((a) => a.code ?? a.name).join(';');
const actorNames = (xs: readonly ActorRef[]): string => xs.map((a) => a.name).join(';');

export function modalityText(m: EventRow['event']['modality']): string {
  const on = (['negated', 'future', 'conditional', 'hypothetical'] as const).filter((k) => m[k]);
  return on.length ? on.join('+') : 'asserted';
}

export const EVENT_COLUMNS = [
  'id', 'date', 'published', 'source', 'cameo', 'plover', 'target', 'quad', 'goldstein', 'modality', 'place', 'country', 'trigger', 'sentence',
] as const;

export function eventCells(row: EventRow): Record<(typeof EVENT_COLUMNS)[number], string> {
  const e = row.event;
  return {
    id: row.id,
    date: e.date ?? '',
    published: row.published ?? '',
    source: actorsText(row.sourceActors),
    cameo: e.cameo,
    plover: e.plover ?? '',
    target: actorsText(row.targetActors),
    quad: String(e.quadClass),
    goldstein: String(e.goldstein),
    modality: modalityText(e.modality),
    place: row.location?.name ?? '',
    country: row.location?.country ?? '',
    trigger: row.triggerText,
    sentence: row.sentenceText ?? '',
  };
}

export function quoteJson(row: QuoteRow): Record<string, unknown> {
  const q = row.quote;
  const out: Record<string, unknown> = {
    id: row.id,
    documentId: row.documentId,
    localId: q.id,
    published: row.published,
    title: row.title,
    kind: q.kind,
    start: q.start,
    end: q.end,
    text: row.text,
    cue: q.cue,
    cueText: row.cueText,
    speaker: row.speaker,
    speakerId: q.speaker,
    speakerMention: q.speakerMention,
    speakerText: row.speakerText,
    anonymous: q.anonymous,
    date: q.date,
    confidence: q.confidence,
  };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out;
}

export const QUOTE_COLUMNS = ['id', 'published', 'speaker', 'kind', 'cue', 'text'] as const;

export function quoteCells(row: QuoteRow): Record<(typeof QUOTE_COLUMNS)[number], string> {
  return {
    id: row.id,
    published: row.published ?? '',
    speaker: row.speaker?.name ?? row.speakerText ?? (row.quote.anonymous ? '(anonymous)' : ''),
    kind: row.quote.kind,
    cue: row.cueText ?? '',
    text: row.text,
  };
}

// ---------------------------------------------------------------- CSV and tables

export function csvField(v: unknown): string {
  const s = v === undefined || v === null ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: readonly unknown[]): string {
  return values.map(csvField).join(',') + '\n';
}

/** An aligned plain-text table; long cells are cut with an ellipsis so rows stay on one line. */
export function table(columns: readonly string[], rows: readonly Record<string, string>[], maxWidth = 48): string {
  const cut = (s: string): string => {
    const one = s.replace(/\s+/g, ' ');
    return one.length > maxWidth ? `${one.slice(0, maxWidth - 1)}…` : one;
  };
  const cells = rows.map((r) => columns.map((c) => cut(r[c] ?? '')));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i]!.length)));
  const line = (xs: readonly string[]): string => xs.map((x, i) => x.padEnd(widths[i]!)).join('  ').trimEnd() + '\n';
  return line(columns.map((c) => c.toUpperCase())) + cells.map(line).join('');
}

// ---------------------------------------------------------------- GDELT

/**
 * GDELT 1.0/2.0 event-table columns whose meaning dateline can fill the same way; dateline-only
 * columns follow, with names of their own. ActionGeo country uses ISO 3166 alpha-3 (GDELT uses
 * FIPS 10-4), so it is named ActionGeo_ISO3 rather than ActionGeo_CountryCode.
 */
export const GDELT_COLUMNS = [
  'GLOBALEVENTID', 'SQLDATE', 'MonthYear', 'Year', 'FractionDate',
  'Actor1Code', 'Actor1Name', 'Actor1CountryCode', 'Actor2Code', 'Actor2Name', 'Actor2CountryCode',
  'IsRootEvent', 'EventCode', 'EventBaseCode', 'EventRootCode', 'QuadClass', 'GoldsteinScale',
  'NumMentions', 'NumSources', 'NumArticles',
  'ActionGeo_FullName', 'ActionGeo_ISO3', 'ActionGeo_Lat', 'ActionGeo_Long', 'SOURCEURL',
  'DocumentId', 'PublishedDate', 'EventDateValue', 'PloverCategory', 'PloverMode',
  'Negated', 'Future', 'Conditional', 'Hypothetical', 'QuoteId', 'TriggerText', 'Confidence',
] as const;

function countryOf(a: ActorRef | undefined): string {
  const code = a?.code ?? '';
  return /^[A-Z]{3}/.test(code) && !code.startsWith('IGO') && !code.startsWith('NGO') ? code.slice(0, 3) : '';
}

export function gdeltRow(row: EventRow): string[] {
  const e = row.event;
  const day = row.dateStart ?? row.published ?? '';
  const [y, m, d] = day ? day.split('-').map(Number) as [number, number, number] : [0, 0, 0];
  const fraction = day ? (y + ((m - 1) * 30 + d) / 365).toFixed(4) : '';
  const a1 = row.sourceActors[0];
  const a2 = row.targetActors[0];
  const flag = (b: boolean): string => (b ? '1' : '0');
  return [
    row.id, day.replace(/-/g, ''), day ? day.slice(0, 7).replace('-', '') : '', day ? day.slice(0, 4) : '', fraction,
    a1?.code ?? '', a1?.name ?? '', countryOf(a1), a2?.code ?? '', a2?.name ?? '', countryOf(a2),
    e.sentence === 0 ? '1' : '0', e.cameo, e.cameo.slice(0, 3), e.root, String(e.quadClass), String(e.goldstein),
    '1', '1', '1',
    row.location?.name ?? '', row.location?.country ?? '', row.location?.lat !== undefined ? String(row.location.lat) : '',
    row.location?.lon !== undefined ? String(row.location.lon) : '', row.url ?? '',
    row.documentId, row.published ?? '', e.date ?? '', e.plover ?? '', e.ploverMode ?? '',
    flag(e.modality.negated), flag(e.modality.future), flag(e.modality.conditional), flag(e.modality.hypothetical),
    e.quote ? `${row.documentId}#${e.quote}` : '', row.triggerText, e.confidence !== undefined ? String(e.confidence) : '',
  ];
}

// ---------------------------------------------------------------- PLOVER

/** A PLOVER JSON record (field names from the PLOVER manual's JSON table), one per event. */
export function ploverRecord(row: EventRow): Record<string, unknown> {
  const e = row.event;
  const actor = (a: ActorRef): Record<string, unknown> => ({ ...(a.code ? { code: a.code } : {}), name: a.name, type: a.type, id: a.id });
  const mode = e.ploverMode ? [e.ploverMode] : [];
  const context: string[] = [];
  if (e.modality.negated) context.push('negated');
  if (e.modality.future) context.push('future');
  if (e.modality.conditional) context.push('conditional');
  if (e.modality.hypothetical) context.push('hypothetical');
  const out: Record<string, unknown> = {
    id: row.id,
    has_event: true,
    date: row.dateStart ?? row.published ?? null,
    ...(row.dateEnd && row.dateEnd !== row.dateStart ? { enddate: row.dateEnd } : {}),
    actor: row.sourceActors.map(actor),
    recipient: row.targetActors.map(actor),
    event: e.plover ? [e.plover] : [],
    ...(row.location
      ? { event_loc: { name: row.location.name, ...(row.location.country ? { country: row.location.country } : {}), ...(row.location.lat !== undefined ? { lat: row.location.lat, lon: row.location.lon } : {}) } }
      : {}),
    event_text: [row.triggerText],
    quad_code: e.quadClass,
    mode,
    context,
    text: row.sentenceText ?? null,
    cite_info: { document_id: row.documentId, ...(row.url ? { url: row.url } : {}), ...(row.title ? { title: row.title } : {}), ...(row.published ? { published: row.published } : {}) },
    coder: 'dateline',
    cameo: e.cameo,
    goldstein: e.goldstein,
    ...(e.confidence !== undefined ? { confidence: e.confidence } : {}),
  };
  return out;
}
