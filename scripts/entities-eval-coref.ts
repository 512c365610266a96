/**
 * Pronoun resolution measured on GUM's coreference chains. Each GUM document is rebuilt with its
 * gold tokens, sentences, POS and dependencies, run through the entities stage, and every
 * third-person pronoun the gold links to an earlier non-pronominal mention is checked:
 *   resolved  — the stage made the pronoun a mention of some entity;
 *   correct   — that entity has a (non-pronoun) mention overlapping a gold mention of the same chain.
 * Precision = correct / resolved, recall = correct / gold pronouns with an antecedent.
 *
 * Run: node --import tsx scripts/entities-eval-coref.ts [--split dev|train] [--genre news] [--json]
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDocument, deepFreeze, type Document, type Sentence, type Token } from '../src/core/document.ts';
import { createEntitiesStage } from '../src/entities/stage.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const data = process.env.DATELINE_DATA ?? join(root, '..', 'shared', 'data');
const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const split = opt('--split') ?? 'dev';
const genre = opt('--genre');

const PRONOUNS = new Set(['he', 'him', 'his', 'himself', 'she', 'her', 'hers', 'herself', 'it', 'its', 'itself', 'they', 'them', 'their', 'themselves']);

interface GoldMention {
  chain: string;
  start: number;
  end: number;
  pronoun: boolean;
}

interface GumDoc {
  id: string;
  doc: Document;
  mentions: GoldMention[];
}

function readGum(file: string): GumDoc[] {
  const docs: GumDoc[] = [];
  let id = '';
  let text = '';
  let tokens: Token[] = [];
  let sentences: Sentence[] = [];
  let mentions: GoldMention[] = [];
  let open = new Map<string, { start: number; firstToken: number }[]>();
  let sentTokens: { token: Token; miscEntity: string; form: string }[] = [];
  const flushDoc = (): void => {
    if (!id) return;
    const base = createDocument({ id, text, meta: { referenceBasis: 'none' } });
    docs.push({ id, doc: deepFreeze({ ...base, tokens, sentences }), mentions });
  };
  const flushSentence = (): void => {
    if (sentTokens.length === 0) return;
    const t0 = tokens.length;
    for (const s of sentTokens) {
      tokens.push(s.token);
      const e = s.miscEntity;
      // Openings "(12-person-…" (possibly closed on the same token with ")") and closings "12)".
      let i = 0;
      while (i < e.length) {
        if (e[i] === '(') {
          let j = i + 1;
          while (j < e.length && e[j] !== '(' && e[j] !== ')') j++;
          const chain = e.slice(i + 1, j).split('-')[0]!;
          if (e[j] === ')') {
            mentions.push({ chain, start: s.token.start, end: s.token.end, pronoun: PRONOUNS.has(s.form.toLowerCase()) });
            i = j + 1;
          } else {
            const list = open.get(chain) ?? [];
            list.push({ start: s.token.start, firstToken: tokens.length - 1 });
            open.set(chain, list);
            i = j;
          }
        } else {
          const m = /^(\d+)\)/.exec(e.slice(i));
          if (m) {
            const list = open.get(m[1]!);
            const o = list?.pop();
            if (o) mentions.push({ chain: m[1]!, start: o.start, end: s.token.end, pronoun: false });
            i += m[0].length;
          } else i++;
        }
      }
    }
    sentences.push({ start: tokens[t0]!.start, end: tokens[tokens.length - 1]!.end, tokenStart: t0, tokenEnd: tokens.length });
    sentTokens = [];
  };
  let sentenceStartToken = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('# newdoc id')) {
      flushSentence();
      flushDoc();
      id = line.split('=')[1]!.trim();
      text = '';
      tokens = [];
      sentences = [];
      mentions = [];
      open = new Map();
      continue;
    }
    if (line.startsWith('#')) continue;
    if (line.trim() === '') {
      flushSentence();
      if (text.length > 0 && !text.endsWith('\n')) text += '\n';
      continue;
    }
    const cols = line.split('\t');
    if (cols.length < 10 || !/^\d+$/.test(cols[0]!)) continue;
    if (cols[0] === '1') sentenceStartToken = tokens.length + sentTokens.length;
    const form = cols[1]!;
    const start = text.length;
    text += form;
    const misc = cols[9]!;
    if (!misc.includes('SpaceAfter=No')) text += ' ';
    const head = Number(cols[6]);
    void sentenceStartToken;
    sentTokens.push({
      token: { start, end: start + form.length, upos: cols[3]!, lemma: cols[2]!, head, deprel: cols[7]!, sentence: sentences.length },
      miscEntity: /Entity=([^|]*)/.exec(misc)?.[1] ?? '',
      form,
    });
  }
  flushSentence();
  flushDoc();
  return docs;
}

const docs = readGum(join(data, 'gum', `gum-${split}.conllu`)).filter((d) => !genre || d.id.includes(`_${genre}_`));
const stage = createEntitiesStage();
let gold = 0;
let resolved = 0;
let correct = 0;
const byPronoun = new Map<string, { gold: number; resolved: number; correct: number }>();
for (const d of docs) {
  const out = stage.run(d.doc, { options: {} });
  const chains = new Map<string, GoldMention[]>();
  for (const m of d.mentions) chains.set(m.chain, [...(chains.get(m.chain) ?? []), m]);
  for (const p of d.mentions) {
    if (!p.pronoun) continue;
    const chain = chains.get(p.chain)!;
    if (!chain.some((m) => !m.pronoun && m.end <= p.start)) continue;
    const form = d.doc.text.slice(p.start, p.end).toLowerCase();
    const stat = byPronoun.get(form) ?? { gold: 0, resolved: 0, correct: 0 };
    gold++;
    stat.gold++;
    const entity = out.entities.find((e) => e.mentions.some((m) => m.start === p.start && m.end === p.end && m.kind === 'pronoun'));
    if (entity) {
      resolved++;
      stat.resolved++;
      const ok = entity.mentions.some((m) => m.kind !== 'pronoun' && chain.some((g) => !g.pronoun && m.start < g.end && g.start < m.end));
      if (ok) {
        correct++;
        stat.correct++;
      }
    }
    byPronoun.set(form, stat);
  }
}
const r3 = (x: number): number => Math.round(x * 1000) / 1000;
const summary = {
  split,
  genre: genre ?? 'all',
  documents: docs.length,
  goldPronouns: gold,
  resolved,
  correct,
  precision: r3(correct / Math.max(1, resolved)),
  recall: r3(correct / Math.max(1, gold)),
  byPronoun: Object.fromEntries([...byPronoun].sort((a, b) => b[1].gold - a[1].gold)),
};
console.log(args.includes('--json') ? JSON.stringify(summary, null, 2) : JSON.stringify(summary));
