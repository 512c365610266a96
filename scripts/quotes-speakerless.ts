/**
 * Survey of direct quotations left without a speaker (issue 6, “no direct quote left without a speaker
 * where the text names one”). Runs the quotes stage over the 293 Wikinews articles (cached upstream
 * layers from `scripts/quotes-golden.ts --prepare`) and over the dev fixtures (through `analyze()`), and
 * lists every `direct`/`mixed` quote with no speaker mention, or with a mention that overlaps an entity
 * mention but was not resolved to it, with its paragraph for classification by hand.
 *
 *   node --import tsx scripts/quotes-speakerless.ts [--variant withEntities|withoutEntities|textOnly] [--dev] [--quiet]
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Document, Quote } from '../src/core/document.ts';
import { quotesStage } from '../src/quotes/stage.ts';
import { REPO_ROOT } from './data-path.ts';
import { loadInputs } from './quotes-golden.ts';

const args = process.argv.slice(2);
const quiet = args.includes('--quiet');

function paragraphOf(text: string, pos: number): string {
  const s = text.lastIndexOf('\n', pos - 1) + 1;
  const e = text.indexOf('\n', pos);
  return text.slice(s, e < 0 ? text.length : e);
}

function unresolvedMention(doc: Document, q: Quote): boolean {
  if (!q.speakerMention || q.speaker) return false;
  const m = q.speakerMention;
  return doc.entities.some((e) => e.mentions.some((x) => x.start < m.end && m.start < x.end));
}

interface Found { doc: string; q: Quote; why: 'none' | 'unresolved'; para: string; prevPara: string }

function survey(docs: readonly Document[]): Found[] {
  const out: Found[] = [];
  for (const doc of docs) {
    for (const q of doc.quotes) {
      if (q.kind === 'indirect') continue;
      const why = !q.speakerMention ? 'none' : unresolvedMention(doc, q) ? 'unresolved' : undefined;
      if (!why) continue;
      const pStart = doc.text.lastIndexOf('\n', q.start - 1);
      out.push({ doc: doc.id, q, why, para: paragraphOf(doc.text, q.start), prevPara: pStart > 0 ? paragraphOf(doc.text, pStart - 1) : '' });
    }
  }
  return out;
}

function print(label: string, found: readonly Found[], nDocs: number, nDirect: number): void {
  console.log(`## ${label}: ${found.filter((f) => f.why === 'none').length} direct/mixed without speaker, ${found.filter((f) => f.why === 'unresolved').length} with an unresolved mention (${nDirect} direct/mixed in ${nDocs} documents)`);
  if (quiet) return;
  for (const f of found) {
    console.log(`\n[${f.doc} ${f.q.id} ${f.q.kind} ${f.why} conf=${f.q.confidence}]`);
    console.log(`  PREV: ${f.prevPara.slice(-200)}`);
    console.log(`  PARA: ${f.para}`);
  }
}

const variant = (args.includes('--variant') ? args[args.indexOf('--variant') + 1] : 'withEntities') as 'withEntities' | 'withoutEntities' | 'textOnly';
const wiki = loadInputs()[variant].map((d) => quotesStage.run(d, { options: {} }));
const direct = (ds: readonly Document[]): number => ds.reduce((a, d) => a + d.quotes.filter((q) => q.kind !== 'indirect').length, 0);
print(`wikinews (${variant})`, survey(wiki), wiki.length, direct(wiki));

if (args.includes('--dev')) {
  const { analyze } = await import('../src/index.ts');
  const dir = join(REPO_ROOT, 'test/fixtures/quotes/dev');
  const docs = readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => {
    const fx = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { id: string; text: string; date: string; url: string; title: string };
    return analyze({ id: fx.id, text: fx.text, published: fx.date, url: fx.url, title: fx.title });
  });
  print('dev fixtures', survey(docs), docs.length, direct(docs));
}
