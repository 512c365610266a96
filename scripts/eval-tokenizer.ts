/**
 * Token and sentence F1 of the tokenizer and sentence splitter on UD English-EWT dev raw text.
 *
 * Reconstruction of the raw text: per document (`# newdoc`), the `# text =` lines of the
 * sentences of one paragraph (`# newpar`) are joined with a single space, and paragraphs with a
 * blank line. Gold tokens are the syntactic words located in that text (the words of a
 * multi-word token such as "didn't" → "did" + "n't" get their own character spans); gold
 * sentences are the spans from a sentence's first to its last word. A predicted token or sentence
 * counts as correct only when both of its offsets match a gold one (as in the CoNLL 2018 shared
 * task's Tokens and Sentences metrics). With --no-paragraphs, a whole document is one paragraph
 * (all sentences joined with a space), which is harder for the splitter.
 *
 *   node --import tsx scripts/eval-tokenizer.ts [--no-paragraphs] [--errors 20]
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Span } from '../src/core/document.ts';
import { parseConllu, type ConlluSentence } from '../src/language/conllu.ts';
import { splitSentences, tokenize } from '../src/language/tokenize/index.ts';
import { spanF1, wordSpans } from '../src/language/tagger/align.ts';
import { DATA_DIR } from './data-path.ts';

const args = process.argv.slice(2);
const DATA = DATA_DIR;
const paragraphs = !args.includes('--no-paragraphs');
const errorsIdx = args.indexOf('--errors');
const showErrors = errorsIdx >= 0 ? Number(args[errorsIdx + 1] ?? 20) : 0;

const dev = parseConllu(readFileSync(join(DATA, 'ud-ewt/en_ewt-ud-dev.conllu'), 'utf8')).filter((s) => s.tokens.length);

interface Doc {
  text: string;
  tokens: Span[];
  sentences: Span[];
}

const docs: Doc[] = [];
let cur: Doc | null = null;
let skipped = 0;
for (const s of dev) {
  const newDoc = s.comments.some((c) => c.startsWith('# newdoc'));
  const newPar = s.comments.some((c) => c.startsWith('# newpar'));
  if (newDoc || !cur) {
    cur = { text: '', tokens: [], sentences: [] };
    docs.push(cur);
  } else {
    cur.text += newPar && paragraphs ? '\n\n' : ' ';
  }
  const text = s.text ?? s.tokens.map((t) => t.form).join(' ');
  const base = cur.text.length;
  cur.text += text;
  const spans = wordSpans(text, words(s), base);
  if (!spans) {
    skipped++;
    continue;
  }
  cur.tokens.push(...spans);
  cur.sentences.push({ start: spans[0]!.start, end: spans[spans.length - 1]!.end });
}

function words(s: ConlluSentence): string[] {
  return s.tokens.map((t) => t.form);
}

/**
 * The project keeps hyphenated compounds whole (`500-personnel-strong`), while EWT splits them
 * (`15 - year`). This merges contiguous word-hyphen-word runs in gold, to also report F1 under the
 * project's convention.
 */
function mergeHyphens(text: string, spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < spans.length; i++) {
    let cur = spans[i]!;
    while (
      i + 2 < spans.length &&
      text.slice(spans[i + 1]!.start, spans[i + 1]!.end) === '-' &&
      spans[i + 1]!.start === cur.end &&
      spans[i + 2]!.start === spans[i + 1]!.end &&
      /\w/.test(text[cur.end - 1] ?? '') &&
      /\w/.test(text[spans[i + 2]!.start] ?? '')
    ) {
      cur = { start: cur.start, end: spans[i + 2]!.end };
      i += 2;
    }
    out.push(cur);
  }
  return out;
}

let goldTok = 0;
let goldTokM = 0;
let tpTokM = 0;
let predTok = 0;
let tpTok = 0;
let goldSent = 0;
let predSent = 0;
let tpSent = 0;
let chars = 0;
const errors: string[] = [];
const t0 = performance.now();
const predicted = docs.map((d) => {
  const toks = tokenize(d.text);
  const sents = splitSentences(d.text, toks);
  return { toks, sents };
});
const seconds = (performance.now() - t0) / 1000;
docs.forEach((d, k) => {
  const { toks, sents } = predicted[k]!;
  chars += d.text.length;
  const ft = spanF1(d.tokens, toks);
  goldTok += d.tokens.length;
  predTok += toks.length;
  tpTok += ft.tp;
  const merged = mergeHyphens(d.text, d.tokens);
  goldTokM += merged.length;
  tpTokM += spanF1(merged, toks).tp;
  const sentSpans = sents.map((s) => ({ start: s.start, end: s.end }));
  const fs = spanF1(d.sentences, sentSpans);
  goldSent += d.sentences.length;
  predSent += sentSpans.length;
  tpSent += fs.tp;
  if (showErrors && errors.length < showErrors) {
    const predSet = new Set(toks.map((t) => `${t.start}:${t.end}`));
    for (const g of d.tokens) {
      if (!predSet.has(`${g.start}:${g.end}`) && errors.length < showErrors) {
        const around = toks.filter((t) => t.end > g.start - 1 && t.start < g.end + 1).map((t) => d.text.slice(t.start, t.end));
        errors.push(`gold "${d.text.slice(g.start, g.end)}" pred [${around.join(' | ')}] in "…${d.text.slice(Math.max(0, g.start - 25), g.end + 25).replace(/\n/g, '⏎')}…"`);
      }
    }
  }
});

const f1 = (tp: number, gold: number, pred: number): string => {
  const p = tp / pred;
  const r = tp / gold;
  return `P ${(100 * p).toFixed(2)} R ${(100 * r).toFixed(2)} F1 ${((200 * p * r) / (p + r)).toFixed(2)}`;
};
console.log(`EWT dev raw text: ${docs.length} documents, ${paragraphs ? 'paragraphs separated by a blank line' : 'documents as one paragraph'}; ${skipped} sentences skipped (words do not spell the text)`);
console.log(`tokens    (${goldTok} gold, ${predTok} predicted): ${f1(tpTok, goldTok, predTok)}`);
console.log(`tokens, EWT hyphen splits merged (project convention; ${goldTokM} gold): ${f1(tpTokM, goldTokM, predTok)}`);
console.log(`sentences (${goldSent} gold, ${predSent} predicted): ${f1(tpSent, goldSent, predSent)}`);
console.log(`speed: ${Math.round(predTok / seconds).toLocaleString('en')} tokens/s (${Math.round(chars / seconds / 1000).toLocaleString('en')} k chars/s, tokenize + split)`);
for (const e of errors) console.log(`  ${e}`);
