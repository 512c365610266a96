/**
 * Geocoding report: how many place names resolve to coordinates.
 *  - MEANTIME: every name mention of a LOC entity (CAT XML), run through the full pipeline on the
 *    document text rebuilt from its tokens; a mention counts as resolved when the entity at its
 *    span has `geo`.
 *  - Wikinews: GPE/LOC/FAC entities found by the pipeline in the first N articles.
 * Prints a summary and a deterministic sample for hand spot-checks.
 *
 * Run: node --import tsx scripts/entities-geocode-report.ts [--wikinews 40] [--sample 50] [--json]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { analyze } from '../src/index.ts';
import { entityAt } from '../src/entities/index.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const data = process.env.DATELINE_DATA ?? join(root, '..', 'shared', 'data');
const args = process.argv.slice(2);
const opt = (name: string, dflt: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const nWikinews = opt('--wikinews', 40);
const nSample = opt('--sample', 50);

interface Row {
  corpus: string;
  doc: string;
  surface: string;
  resolved: boolean;
  name?: string;
  type?: string;
  country?: string;
  lat?: number;
  lon?: number;
  geonameid?: number;
}

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1];
}

function meantimeRows(): Row[] {
  const rows: Row[] = [];
  for (const corpus of readdirSync(join(data, 'meantime')).filter((d) => d.startsWith('corpus_'))) {
    const dir = join(data, 'meantime', corpus);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.xml'))) {
      const xml = readFileSync(join(dir, file), 'utf8');
      const tokens = new Map<string, { text: string; sentence: number }>();
      for (const m of xml.matchAll(/<token ([^>]*)>([^<]*)<\/token>/g)) {
        tokens.set(attr(m[1]!, 't_id')!, { text: m[2]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&apos;/g, "'"), sentence: Number(attr(m[1]!, 'sentence')) });
      }
      // Rebuild the text: tokens separated by spaces, sentences by newlines; remember offsets.
      let text = '';
      const offsets = new Map<string, [number, number]>();
      let lastSentence = -1;
      for (const [id, t] of tokens) {
        if (lastSentence >= 0) text += t.sentence !== lastSentence ? (t.sentence === 0 || lastSentence === 0 ? '\n\n' : '\n') : ' ';
        offsets.set(id, [text.length, text.length + t.text.length]);
        text += t.text;
        lastSentence = t.sentence;
      }
      const mentions = new Map<string, string[]>();
      for (const m of xml.matchAll(/<ENTITY_MENTION ([^>]*)>([\s\S]*?)<\/ENTITY_MENTION>/g)) {
        mentions.set(attr(m[1]!, 'm_id')!, [...m[2]!.matchAll(/t_id="(\d+)"/g)].map((x) => x[1]!));
      }
      const locEntities = new Set<string>();
      for (const m of xml.matchAll(/<ENTITY ([^>]*)\/>/g)) if (attr(m[1]!, 'ent_type') === 'LOC') locEntities.add(attr(m[1]!, 'm_id')!);
      const locMentions: string[] = [];
      for (const m of xml.matchAll(/<REFERS_TO [^>]*>([\s\S]*?)<\/REFERS_TO>/g)) {
        const target = /<target m_id="(\d+)"/.exec(m[1]!)?.[1];
        if (!target || !locEntities.has(target)) continue;
        for (const s of m[1]!.matchAll(/<source m_id="(\d+)"/g)) locMentions.push(s[1]!);
      }
      const doc = analyze({ text, id: file }, { date: '2010-01-01' });
      for (const mid of locMentions) {
        const toks = mentions.get(mid) ?? [];
        const spans = toks.map((t) => offsets.get(t)).filter((x): x is [number, number] => !!x);
        if (spans.length === 0) continue;
        const start = Math.min(...spans.map((s) => s[0]));
        const end = Math.max(...spans.map((s) => s[1]));
        const surface = text.slice(start, end);
        // Place names only: nominal mentions ("the country", "there") are not geocoding targets.
        if (!/^\p{Lu}/u.test(surface) || /^(The|This|That|It|There)$/.test(surface)) continue;
        // "Bangkok , Thailand": the place named first is the one the mention is about.
        const first = doc.entities.find((e) => e.mentions.some((m) => m.start === start && m.end <= end));
        const hit = first ? { entity: first } : entityAt(doc, start, end);
        rows.push(toRow('meantime', file, surface, hit?.entity));
      }
    }
  }
  return rows;
}

function toRow(corpus: string, doc: string, surface: string, e: ReturnType<typeof entityAt> extends infer H ? (H extends { entity: infer E } ? E | undefined : never) : never): Row {
  return {
    corpus,
    doc,
    surface,
    resolved: e?.geo !== undefined,
    ...(e ? { name: e.name, type: e.type } : {}),
    ...(e?.country ? { country: e.country } : {}),
    ...(e?.geo ? { lat: e.geo.lat, lon: e.geo.lon } : {}),
    ...(e?.geo?.geonameid !== undefined ? { geonameid: e.geo.geonameid } : {}),
  };
}

function wikinewsRows(): Row[] {
  const rows: Row[] = [];
  const records = parse(readFileSync(join(data, 'wikinews', 'wikinews_2020.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
  for (const r of records.slice(0, nWikinews)) {
    const doc = analyze({ text: r.text!, id: r.url!, ...(r.date ? { published: r.date } : {}) });
    for (const e of doc.entities) {
      if (e.type !== 'GPE' && e.type !== 'LOC' && e.type !== 'FAC') continue;
      const m = e.mentions.find((x) => x.kind === 'name');
      if (!m) continue;
      rows.push(toRow('wikinews', r.title ?? r.url!, doc.text.slice(m.start, m.end), e));
    }
  }
  return rows;
}

const mt = meantimeRows();
const wn = wikinewsRows();
const summarize = (rows: Row[]) => ({
  mentions: rows.length,
  resolved: rows.filter((r) => r.resolved).length,
  rate: Math.round((rows.filter((r) => r.resolved).length / Math.max(1, rows.length)) * 1000) / 1000,
  distinctNames: new Set(rows.map((r) => r.surface)).size,
  distinctResolved: new Set(rows.filter((r) => r.resolved).map((r) => r.surface)).size,
});
// Deterministic sample: every k-th distinct resolved name across both corpora.
const distinct = new Map<string, Row>();
for (const r of [...mt, ...wn]) if (r.resolved && !distinct.has(r.surface)) distinct.set(r.surface, r);
const all = [...distinct.values()];
const step = Math.max(1, Math.floor(all.length / nSample));
const sample = all.filter((_, i) => i % step === 0).slice(0, nSample);
const unresolved = [...new Set([...mt, ...wn].filter((r) => !r.resolved).map((r) => r.surface))];

const report = { meantime: summarize(mt), wikinews: summarize(wn), wikinewsArticles: nWikinews, sample, unresolved };
if (args.includes('--json')) console.log(JSON.stringify(report, null, 2));
else {
  console.log('MEANTIME LOC name mentions:', JSON.stringify(report.meantime));
  console.log(`Wikinews (first ${nWikinews} articles of 2020) GPE/LOC/FAC entities:`, JSON.stringify(report.wikinews));
  console.log(`\nSample of ${sample.length} resolved names:`);
  for (const r of sample) console.log(`${r.corpus}\t${r.surface}\t→ ${r.name} ${r.country ?? ''} (${r.lat}, ${r.lon}) geonameid=${r.geonameid ?? '-'}`);
  console.log(`\nUnresolved names (${unresolved.length}): ${unresolved.slice(0, 80).join(' | ')}`);
}
