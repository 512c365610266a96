/**
 * Scores the entities stage on the example article against its hand-made gold analysis:
 * for each gold entity, is there a predicted entity with the gold type, the gold code (when the
 * gold gives one), coordinates (when the gold gives them), and which gold mentions it found.
 *
 * Run: node --import tsx scripts/eval-entities.ts [--all] [--json]
 *   --all   also score the gold entities marked optional (default: core only)
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../src/index.ts';
import type { Document, Entity } from '../src/core/document.ts';

interface GoldEntity {
  name: string;
  type: string;
  code?: string;
  country?: string;
  core: boolean;
  mentions: string[];
  geo?: { lat: number; lon: number };
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const examples = process.env.DATELINE_EXAMPLES ?? join(root, '..', 'shared', 'examples');
const base = join(examples, 'dpa-2020-02-12-nato-iraq');
const args = process.argv.slice(2);
const text = readFileSync(`${base}.txt`, 'utf8');
const gold = JSON.parse(readFileSync(`${base}.gold.json`, 'utf8')) as { entities: GoldEntity[] };

const t0 = performance.now();
const doc: Document = analyze(text, { id: 'dpa-2020-02-12-nato-iraq' });
const ms = performance.now() - t0;

function occurrences(s: string): [number, number][] {
  const out: [number, number][] = [];
  for (let i = doc.text.indexOf(s); i >= 0; i = doc.text.indexOf(s, i + 1)) out.push([i, i + s.length]);
  return out;
}

/** A predicted mention matches a gold mention string when one span lies within the other. */
function matches(e: Entity, g: string): boolean {
  return occurrences(g).some(([s, t]) => e.mentions.some((m) => (m.start >= s && m.end <= t) || (s >= m.start && t <= m.end)));
}

function countryOf(e: Entity): string | undefined {
  return e.code?.slice(0, 3) ?? e.country;
}

const rows = gold.entities
  .filter((g) => g.core || args.includes('--all'))
  .map((g) => {
    // The predicted entity that matches most of the gold mentions (ties: same type first).
    const scored = doc.entities
      .map((e) => ({ e, n: g.mentions.filter((m) => matches(e, m)).length + (e.type === g.type ? 0.5 : 0) }))
      .filter((x) => x.n >= 1)
      .sort((a, b) => b.n - a.n);
    const best = scored[0]?.e;
    // Gold allows a country's mentions to be split over entities with the same country code.
    const family = best && g.code && g.code.length === 3 ? doc.entities.filter((e) => countryOf(e) === g.code) : best ? [best] : [];
    const found = g.mentions.filter((m) => family.some((e) => matches(e, m)));
    const typeOk = best?.type === g.type;
    const codeOk = g.code === undefined || best?.code === g.code;
    const geoOk = g.geo === undefined || (best?.geo !== undefined && Math.abs(best.geo.lat - g.geo.lat) < 0.1 && Math.abs(best.geo.lon - g.geo.lon) < 0.1);
    return {
      gold: g.name,
      predicted: best ? `${best.id} ${best.name}` : '-',
      type: `${g.type}${typeOk ? '' : ` (got ${best?.type ?? '-'})`}`,
      code: g.code === undefined ? '' : `${g.code}${codeOk ? '' : ` (got ${best?.code ?? '-'})`}`,
      typeOk,
      codeOk,
      geoOk,
      mentionsFound: found.length,
      mentionsGold: g.mentions.length,
      missing: g.mentions.filter((m) => !found.includes(m)),
    };
  });

const perfect = rows.filter((r) => r.typeOk && r.codeOk && r.geoOk && r.mentionsFound === r.mentionsGold).length;
const summary = {
  entities: rows.length,
  found: rows.filter((r) => r.predicted !== '-').length,
  typeCorrect: rows.filter((r) => r.typeOk).length,
  codeCorrect: rows.filter((r) => r.codeOk).length,
  geoCorrect: rows.filter((r) => r.geoOk).length,
  mentionRecall: Math.round((rows.reduce((a, r) => a + r.mentionsFound, 0) / rows.reduce((a, r) => a + r.mentionsGold, 0)) * 1000) / 1000,
  perfect,
  predictedEntities: doc.entities.length,
  analyzeMs: Math.round(ms),
};

if (args.includes('--json')) {
  console.log(JSON.stringify({ summary, rows }, null, 2));
} else {
  for (const r of rows) {
    const flags = `${r.typeOk ? 'T' : 't'}${r.codeOk ? 'C' : 'c'}${r.geoOk ? 'G' : 'g'}`;
    console.log(
      `${flags} ${r.gold.padEnd(24)} → ${r.predicted.padEnd(30)} ${r.type.padEnd(6)} ${r.code.padEnd(8)} mentions ${r.mentionsFound}/${r.mentionsGold}${r.missing.length ? `  missing: ${r.missing.map((m) => JSON.stringify(m)).join(', ')}` : ''}`,
    );
  }
  console.log(JSON.stringify(summary));
}
