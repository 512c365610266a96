/**
 * Hand-made documents with every layer filled (entities with mentions, timexes, quotes, events with
 * modality, condition, quote and provenance), generated from templates with exact offsets. Used by
 * the store, API and CLI tests and by the store benchmark; the names are invented.
 */
import {
  createDocument,
  withLayers,
  type Document,
  type Entity,
  type EntityType,
  type EventRecord,
  type Mention,
  type MentionKind,
  type Modality,
  type Quote,
  type Sentence,
  type Span,
  type Timex,
} from '../core/document.ts';

interface ActorSpec {
  readonly name: string;
  readonly type: EntityType;
  readonly code?: string;
  readonly country?: string;
  readonly role?: string;
  readonly geo?: { lat: number; lon: number; geonameid?: number };
}

const COUNTRIES: readonly ActorSpec[] = [
  { name: 'Freedonia', type: 'GPE', code: 'FRD', country: 'FRD' },
  { name: 'Sylvania', type: 'GPE', code: 'SYL', country: 'SYL' },
  { name: 'Ruritania', type: 'GPE', code: 'RUR', country: 'RUR' },
  { name: 'Latveria', type: 'GPE', code: 'LAT', country: 'LAT' },
  { name: 'Genovia', type: 'GPE', code: 'GEN', country: 'GEN' },
];

const PEOPLE: readonly ActorSpec[] = [
  { name: 'Maria Okonkwo', type: 'PERSON', code: 'FRDGOV', country: 'FRD', role: 'foreign minister' },
  { name: 'Tomas Lindqvist', type: 'PERSON', code: 'SYLGOV', country: 'SYL', role: 'prime minister' },
  { name: 'Ana Petrescu', type: 'PERSON', code: 'RURGOV', country: 'RUR', role: 'defence minister' },
  { name: 'Hiro Tanabe', type: 'PERSON', code: 'LATGOV', country: 'LAT', role: 'president' },
  { name: 'Lucia Ferreira', type: 'PERSON', code: 'GENGOV', country: 'GEN', role: 'trade envoy' },
];

const CITIES: readonly ActorSpec[] = [
  { name: 'Port Meridian', type: 'GPE', country: 'FRD', geo: { lat: 10.5, lon: 20.25, geonameid: 9000001 } },
  { name: 'Eastwick', type: 'GPE', country: 'SYL', geo: { lat: 45.1, lon: -3.5, geonameid: 9000002 } },
  { name: 'Valcourt', type: 'GPE', country: 'RUR', geo: { lat: -12.75, lon: 33.0, geonameid: 9000003 } },
];

const ORG: ActorSpec = { name: 'Northern Alliance Council', type: 'ORG', code: 'IGONAC' };

const FILLER = (
  'market harbour river council winter budget railway festival museum harvest bridge library ' +
  'school storm coast valley grain cotton copper tunnel airport stadium forest lake village ' +
  'orchestra painter novel election tariff reservoir pipeline satellite vaccine clinic ferry ' +
  'canal garden theatre printer courier ledger lantern meadow quarry timber velvet whistle'
).split(' ');

const MONTHS = 'January February March April May June July August September October November December'.split(' ');
const WEEKDAYS = 'Sunday Monday Tuesday Wednesday Thursday Friday Saturday'.split(' ');

/** A small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

class Builder {
  text = '';
  readonly sentences: Sentence[] = [];
  readonly mentions = new Map<string, { spec: ActorSpec; mentions: Mention[] }>();
  readonly timexes: Timex[] = [];
  readonly quotes: Quote[] = [];
  readonly events: EventRecord[] = [];
  private sentenceStart = 0;

  add(s: string): Span {
    const start = this.text.length;
    this.text += s;
    return { start, end: this.text.length };
  }

  mention(spec: ActorSpec, surface: string, kind: MentionKind = 'name', code?: string): { entity: string; span: Span } {
    const span = this.add(surface);
    let slot = this.mentions.get(spec.name);
    if (!slot) {
      slot = { spec, mentions: [] };
      this.mentions.set(spec.name, slot);
    }
    slot.mentions.push({ start: span.start, end: span.end, kind, ...(code ? { code } : {}) });
    return { entity: spec.name, span };
  }

  timex(surface: string, type: Timex['type'], value: string, anchor?: string): Span & { id: string } {
    const span = this.add(surface);
    const id = `t${this.timexes.length + 1}`;
    this.timexes.push({ id, start: span.start, end: span.end, type, value, ...(anchor ? { anchor } : {}), source: 'time@1', confidence: 0.9 });
    return { ...span, id };
  }

  beginSentence(): void {
    this.sentenceStart = this.text.length;
  }

  endSentence(): number {
    this.sentences.push({ start: this.sentenceStart, end: this.text.length, source: 'tokenize@1' });
    return this.sentences.length - 1;
  }
}

const NO_MODALITY: Modality = { negated: false, future: false, conditional: false, hypothetical: false };

export interface FixtureOptions {
  readonly id?: string;
  /** Published date, YYYY-MM-DD; default: 2020-01-06 plus `i` days. */
  readonly published?: string;
  /** Number of event sentences (each yields one event); default 5. */
  readonly eventSentences?: number;
  /** Filler words per paragraph; they keep generated articles far apart for near-duplicate detection. */
  readonly fillerWords?: number;
}

/**
 * Fixture document number `i`: a dateline, a meeting, an accusation, a quoted refusal with a
 * reported event, a conditional threat and a negated attack, plus filler text.
 */
export function fixtureDocument(i: number, options: FixtureOptions = {}): Document {
  const rand = rng(0x5eed + i * 7919);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const published = options.published ?? addDays('2020-01-06', i);
  const ref = published;
  const [py, pm, pd] = ref.split('-').map(Number) as [number, number, number];
  const b = new Builder();
  const city = CITIES[i % CITIES.length]!;

  const dl = b.mention(city, city.name);
  b.add(', ');
  b.timex(`${pd} ${MONTHS[pm - 1]} ${py}`, 'DATE', ref);
  b.add(' (Wire) – ');
  const datelineEnd = b.text.length;
  const entityIds = new Map<string, string>();
  const eid = (name: string): string => {
    let id = entityIds.get(name);
    if (!id) {
      id = `e${entityIds.size + 1}`;
      entityIds.set(name, id);
    }
    return id;
  };
  eid(city.name);

  const sep = (): void => {
    if (!b.text.endsWith(' ')) b.add(' ');
  };
  const filler = (n: number): void => {
    if (n <= 0) return;
    const ws: string[] = [];
    for (let k = 0; k < n; k++) ws.push(pick(FILLER));
    sep();
    b.beginSentence();
    b.add(`Reports also mentioned the ${ws.join(' ')}.`);
    b.endSentence();
  };

  const nEvents = options.eventSentences ?? 5;
  const fillerWords = options.fillerWords ?? 40;
  for (let k = 0; k < nEvents; k++) {
    const a = (i + k) % PEOPLE.length;
    const p1 = PEOPLE[a]!;
    const p2 = PEOPLE[(a + 1 + (k % 3)) % PEOPLE.length]!;
    const c1 = COUNTRIES[(i + 2 * k) % COUNTRIES.length]!;
    const c2 = COUNTRIES[(i + 2 * k + 1) % COUNTRIES.length]!;
    const kind = k % 5;
    sep();
    b.beginSentence();
    if (kind === 0) {
      const s = b.mention(p1, p1.name);
      b.add(`, the ${p1.role}, `);
      const trig = b.add('met');
      b.add(' ');
      const t = b.mention(p2, p2.name);
      b.add(' in ');
      const loc = b.mention(city, city.name);
      b.add(' on ');
      const day = addDays(ref, -1);
      const dow = WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()]!;
      b.timex(dow, 'DATE', day, 'referenceDate');
      b.add('.');
      const sentence = b.endSentence();
      b.events.push({
        id: '', trigger: trig, source: [eid(s.entity)], target: [eid(t.entity)],
        sourceCodes: [p1.code!], targetCodes: [p2.code!],
        cameo: '040', root: '04', plover: 'CONSULT', quadClass: 1, goldstein: 1.0,
        date: day, dateBasis: 'timex', location: eid(loc.entity), modality: NO_MODALITY,
        sentence, confidence: 0.8,
      } as EventRecord);
    } else if (kind === 1) {
      const s = b.mention(c1, c1.name);
      b.add(' ');
      const trig = b.add('accused');
      b.add(' ');
      const t = b.mention(c2, c2.name);
      b.add(' of breaking the accord ');
      const month = pm === 1 ? `${py - 1}-12` : `${py}-${String(pm - 1).padStart(2, '0')}`;
      b.timex('last month', 'DATE', month, 'referenceDate');
      b.add('.');
      const sentence = b.endSentence();
      b.events.push({
        id: '', trigger: trig, source: [eid(s.entity)], target: [eid(t.entity)],
        sourceCodes: [c1.code!], targetCodes: [c2.code!],
        cameo: '112', root: '11', plover: 'ACCUSE', quadClass: 3, goldstein: -2.0,
        date: month, dateBasis: 'timex', modality: NO_MODALITY, sentence, confidence: 0.7,
      } as EventRecord);
    } else if (kind === 2) {
      b.add('“');
      const content = b.add(`We will reject any new tariff from ${ORG.name.split(' ')[1]} partners`);
      b.add(',” ');
      const speaker = b.mention(p2, p2.name);
      b.add(' ');
      const cue = b.add('said');
      b.add('.');
      const sentence = b.endSentence();
      const qid = `q${b.quotes.length + 1}`;
      b.quotes.push({
        id: qid, kind: 'direct', start: content.start, end: content.end, cue,
        speaker: eid(speaker.entity), speakerMention: speaker.span, date: ref, source: 'quotes@1', confidence: 0.9,
      });
      const trigStart = content.start + 'We will '.length;
      b.events.push({
        id: '', trigger: { start: trigStart, end: trigStart + 'reject'.length },
        source: [eid(speaker.entity)], target: [], sourceCodes: [p2.code!],
        cameo: '120', root: '12', plover: 'REJECT', quadClass: 3, goldstein: -4.0,
        date: ref, dateBasis: 'reference', modality: { ...NO_MODALITY, future: true }, quote: qid,
        sentence, confidence: 0.6,
      } as EventRecord);
    } else if (kind === 3) {
      const cond = b.add('If talks fail');
      b.add(', ');
      const s = b.mention(ORG, `the ${ORG.name}`, 'nominal');
      b.add(' could ');
      const trig = b.add('impose sanctions');
      b.add(' on ');
      const t = b.mention(c2, c2.name, 'name', `${c2.code}GOV`);
      b.add('.');
      const sentence = b.endSentence();
      b.events.push({
        id: '', trigger: trig, source: [eid(s.entity)], target: [eid(t.entity)],
        sourceCodes: [ORG.code!], targetCodes: [`${c2.code}GOV`],
        cameo: '163', root: '16', plover: 'SANCTION', ploverMode: 'economic', quadClass: 4, goldstein: -8.0,
        dateBasis: 'none', modality: { ...NO_MODALITY, conditional: true, hypothetical: true },
        condition: cond, sentence, confidence: 0.5,
      } as EventRecord);
    } else {
      const s = b.mention(c1, `${c1.name.slice(0, -1)}n`, 'demonym');
      b.add(' troops did not ');
      const trig = b.add('attack');
      b.add(' ');
      const t = b.mention(c2, c2.name);
      b.add(' positions near ');
      const loc = b.mention(city, city.name);
      b.add('.');
      const sentence = b.endSentence();
      b.events.push({
        id: '', trigger: trig, source: [eid(s.entity)], target: [eid(t.entity)],
        sourceCodes: [`${c1.code}MIL`], targetCodes: [c2.code!],
        cameo: '190', root: '19', plover: 'ASSAULT', ploverMode: 'military', quadClass: 4, goldstein: -10.0,
        date: ref, dateBasis: 'reference', location: eid(loc.entity),
        modality: { ...NO_MODALITY, negated: true }, sentence, confidence: 0.75,
      } as EventRecord);
    }
    if (k % 2 === 1) filler(fillerWords);
  }
  filler(fillerWords);

  const entities: Entity[] = [...entityIds].map(([name, id]) => {
    const slot = b.mentions.get(name)!;
    const spec = slot.spec;
    return {
      id, name: spec.name, type: spec.type,
      ...(spec.code ? { code: spec.code } : {}),
      ...(spec.country ? { country: spec.country } : {}),
      ...(spec.role ? { role: spec.role } : {}),
      ...(spec.geo ? { geo: spec.geo } : {}),
      mentions: [...slot.mentions].sort((x, y) => x.start - y.start),
      source: 'entities@1', confidence: 0.85,
    };
  });
  const events: EventRecord[] = b.events.map((e, n) => ({ ...e, id: `v${n + 1}` }));
  const id = options.id ?? `fixture-${String(i).padStart(6, '0')}`;
  const doc = createDocument({
    id,
    text: b.text,
    meta: {
      title: `Fixture story ${i}`,
      url: `https://news.example/${id}`,
      published,
      dateline: { start: 0, end: datelineEnd, place: city.name, country: city.country!, date: ref, agencies: ['Wire'] },
      referenceDate: ref,
      referenceBasis: 'dateline',
      format: 'jsonl',
    },
  });
  return withLayers(doc, {
    sentences: b.sentences,
    entities,
    timexes: b.timexes,
    quotes: b.quotes,
    events,
  });
}

/** The same story as `doc` republished with small edits: a new id, one word changed, a sentence appended. */
export function syndicatedCopy(doc: Document, id: string): Document {
  const text = doc.text.replace(' troops ', ' forces ') + ' The report was updated later.';
  return createDocument({ id, text, meta: { ...doc.meta, title: `${doc.meta.title ?? ''} (updated)` } });
}

/** Fill a store with `n` fixture documents plus one exact and one near copy (for CLI and API tests). */
export async function fillFixtureStore(store: import('./store.ts').Store, n = 12): Promise<Document[]> {
  const { contentHash } = await import('./keys.ts');
  const { minhash } = await import('./near-duplicates.ts');
  const input = (doc: Document) => {
    const signature = minhash(doc.text);
    return { doc, hash: contentHash(doc.text), ...(signature ? { signature } : {}) };
  };
  const docs = Array.from({ length: n }, (_, i) => fixtureDocument(i));
  await store.putBatch(docs.map(input));
  await store.putBatch([
    input(createDocument({ id: 'copy-exact', text: docs[0]!.text, meta: docs[0]!.meta })),
    input(syndicatedCopy(docs[1]!, 'copy-near')),
  ]);
  return docs;
}

// ---------------------------------------------------------------- benchmark corpora

/** CAMEO codes with quad class and PLOVER category the query benchmarks draw from. */
export const BENCH_CAMEO: readonly [string, number, string][] = [
  ['010', 1, 'CONSULT'], ['020', 1, 'REQUEST'], ['036', 1, 'CONSULT'], ['040', 1, 'CONSULT'], ['042', 1, 'CONSULT'], ['043', 1, 'CONSULT'],
  ['051', 1, 'SUPPORT'], ['057', 1, 'AGREE'], ['061', 2, 'COOPERATE'], ['070', 2, 'AID'], ['071', 2, 'AID'], ['080', 2, 'CONCEDE'],
  ['090', 3, 'CONSULT'], ['100', 3, 'REQUEST'], ['111', 3, 'ACCUSE'], ['112', 3, 'ACCUSE'], ['120', 3, 'REJECT'], ['128', 3, 'REJECT'],
  ['130', 3, 'THREATEN'], ['138', 3, 'THREATEN'], ['141', 3, 'PROTEST'], ['150', 4, 'MOBILIZE'], ['163', 4, 'SANCTION'], ['172', 4, 'COERCE'],
  ['173', 4, 'COERCE'], ['180', 4, 'ASSAULT'], ['190', 4, 'ASSAULT'], ['193', 4, 'ASSAULT'], ['195', 4, 'ASSAULT'], ['200', 4, 'ASSAULT'],
];
export const BENCH_VARIANTS = 400;

/** A fixture document with varied actors (a skewed choice among BENCH_VARIANTS per base actor), CAMEO codes and dates. */
export function variedDocument(i: number, eventsPerDoc: number): Document {
  const rand = rng(i * 2654435761);
  const day = new Date(Date.UTC(2018, 0, 1) + (i % 1096) * 86400000).toISOString().slice(0, 10);
  const base = fixtureDocument(i, { published: day, eventSentences: eventsPerDoc, fillerWords: 12 });
  const variant = new Map<string, number>();
  const entities: Entity[] = base.entities.map((e) => {
    const v = Math.floor(rand() * rand() * BENCH_VARIANTS);
    variant.set(e.id, v);
    return { ...e, name: `${e.name} ${v}`, ...(e.code ? { code: `${e.code}${v}` } : {}) };
  });
  const codeOf = (ids: readonly string[], codes: readonly string[] | undefined): string[] =>
    (codes ?? []).map((c, k) => `${c}${variant.get(ids[k] ?? '') ?? 0}`);
  const events: EventRecord[] = base.events.map((e) => {
    const [cameo, quad, plover] = BENCH_CAMEO[Math.floor(rand() * BENCH_CAMEO.length)]!;
    return {
      ...e,
      cameo,
      root: cameo.slice(0, 2),
      quadClass: quad,
      plover,
      goldstein: Math.round((rand() * 20 - 10) * 10) / 10,
      sourceCodes: codeOf(e.source, e.sourceCodes),
      targetCodes: codeOf(e.target, e.targetCodes),
    };
  });
  return { ...base, entities, events };
}
