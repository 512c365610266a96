/**
 * The reference article end to end, through the full default pipeline, against the core items of
 * its hand-made gold file (the specification by example): metadata, sentences, time expressions,
 * entities, quotes and events. Spans in the gold are (text, nth occurrence) pairs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyze, type Document, type Entity } from '../../src/index.ts';

interface Gold {
  metadata: { published: string; dateline: { place: string; country: string; date: string }; agencies: string[] };
  sentences: number;
  timexes: { text: string; nth: number; type: string; value: string; core: boolean }[];
  entities: { name: string; type: string; code?: string; core: boolean; mentions: string[] }[];
  quotes: { kind: string; text: string; speaker: string | null; anonymous?: boolean; core: boolean }[];
  events: {
    id: string; trigger: string; cameo: string[]; root: string; core: boolean; source?: string | null; source_code?: string;
    target?: string | null; location?: string; date?: string; modality: Record<string, boolean>; condition?: string; future_roots?: string[];
  }[];
}

const gold = JSON.parse(readFileSync(new URL('./dpa-2020-02-12-nato-iraq.gold.json', import.meta.url), 'utf8')) as Gold;
const raw = readFileSync(new URL('../../examples/dpa-2020-02-12-nato-iraq.txt', import.meta.url), 'utf8');
const doc: Document = analyze(raw, { id: 'dpa-2020-02-12-nato-iraq' });

/** Offset of the nth (1-based) occurrence of `s` in the text. */
function find(s: string, nth = 1): number {
  let at = -1;
  for (let i = 0; i < nth; i++) {
    at = doc.text.indexOf(s, at + 1);
    assert.ok(at >= 0, `"${s}" #${nth} not in the text`);
  }
  return at;
}
const overlaps = (a: { start: number; end: number }, s: number, e: number): boolean => a.start < e && s < a.end;
const entity = (id: string | undefined): Entity | undefined => doc.entities.find((x) => x.id === id);

test('the pipeline runs without stage errors', () => {
  assert.deepEqual(doc.errors ?? [], []);
});

test('metadata and sentences', () => {
  assert.equal(doc.meta.published, gold.metadata.published);
  assert.equal(doc.meta.dateline?.place, gold.metadata.dateline.place);
  assert.equal(doc.meta.dateline?.country, gold.metadata.dateline.country);
  assert.equal(doc.meta.referenceDate, gold.metadata.dateline.date);
  assert.deepEqual(doc.meta.dateline?.agencies, gold.metadata.agencies);
  assert.equal(doc.sentences.length, gold.sentences);
});

test('core time expressions have their gold spans and values', () => {
  for (const g of gold.timexes.filter((t) => t.core)) {
    const s = find(g.text, g.nth);
    const t = doc.timexes.find((x) => x.start === s && x.end === s + g.text.length);
    assert.ok(t, `no timex "${g.text}" #${g.nth}`);
    assert.equal(t.value, g.value, `value of "${g.text}" #${g.nth}`);
    assert.equal(t.type, g.type);
  }
});

test('core entities have their gold type, code and mentions', () => {
  for (const g of gold.entities.filter((e) => e.core)) {
    const candidates = doc.entities.filter((e) => e.type === g.type && (!g.code || e.code === g.code || e.mentions.some((m) => m.code === g.code)));
    const e = candidates.find((c) => c.name === g.name) ?? candidates.find((c) => g.mentions.some((m) => c.mentions.some((x) => doc.text.slice(x.start, x.end).includes(m) || m.includes(doc.text.slice(x.start, x.end)))));
    assert.ok(e, `no ${g.type} entity for ${g.name}${g.code ? ` (${g.code})` : ''}`);
    for (const m of g.mentions) {
      // A gold mention string is found when some mention of an entity with the same country code covers or lies inside it.
      const code = g.code ?? e.code;
      const sameActor = doc.entities.filter((x) => x === e || (code && x.code?.slice(0, 3) === code.slice(0, 3)));
      const hit = sameActor.some((x) => x.mentions.some((y) => {
        const s = doc.text.slice(y.start, y.end);
        return s.includes(m) || m.includes(s);
      }));
      assert.ok(hit, `${g.name}: mention "${m}" not found`);
    }
  }
});

test('core quotes have their kind, content span and speaker', () => {
  for (const g of gold.quotes.filter((q) => q.core)) {
    const s = find(g.text);
    const q = doc.quotes.find((x) => overlaps(x, s, s + g.text.length));
    assert.ok(q, `no quote over "${g.text.slice(0, 40)}…"`);
    assert.equal(q.kind, g.kind, `kind of "${g.text.slice(0, 40)}…"`);
    if (g.speaker) assert.equal(entity(q.speaker)?.name, g.speaker, `speaker of "${g.text.slice(0, 40)}…"`);
    if (g.anonymous) assert.equal(q.anonymous, true);
  }
});

test('core events: codes, actors, dates, place and modality', () => {
  for (const g of gold.events.filter((e) => e.core)) {
    const s = find(g.trigger);
    const here = doc.events.filter((v) => overlaps(v.trigger, s, s + g.trigger.length));
    if (g.modality.negated === true) {
      // "made no demands" may be omitted or marked negated, never a positive event.
      for (const v of here) if (g.cameo.some((c) => v.cameo.startsWith(c)) || v.root === g.root) assert.equal(v.modality.negated, true, `${g.id} is positive`);
      continue;
    }
    const v = here.find((x) => g.cameo.some((c) => x.cameo === c || x.cameo.startsWith(c)) || (g.future_roots?.includes(x.root) && x.modality.future));
    assert.ok(v, `${g.id} "${g.trigger}": no event with CAMEO in ${g.cameo.join('/')} (got ${here.map((x) => x.cameo).join(', ') || 'none'})`);
    for (const [flag, want] of Object.entries(g.modality)) assert.equal(v.modality[flag as keyof typeof v.modality], want, `${g.id} ${flag}`);
    if (g.condition) assert.equal(v.condition && doc.text.slice(v.condition.start, v.condition.end), g.condition, `${g.id} condition`);
    if (g.date) assert.equal(v.date, g.date, `${g.id} date`);
    if (g.source_code) assert.ok(v.sourceCodes?.includes(g.source_code), `${g.id} source code ${v.sourceCodes}`);
    if (g.source) assert.ok(v.source.some((id) => entity(id)?.name === g.source || entity(id)?.code?.startsWith('IGO') && g.source === 'NATO') || v.sourceCodes?.length, `${g.id} source`);
    if (g.location) assert.equal(entity(v.location)?.name, g.location, `${g.id} location`);
  }
});
