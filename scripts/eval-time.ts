/**
 * Evaluate the time stage on MEANTIME (CAT XML with gold TIMEX3 and the document creation time),
 * TempEval-3 style: strict and relaxed span P/R/F1, value accuracy and type accuracy on matched
 * gold spans, and value F1 (a relaxed match with the right value).
 *
 *   node --import tsx scripts/eval-time.ts [--data DIR] [--tagged] [--errors] [--json]
 *
 * The text is rebuilt from the corpus tokens (detokenized), so offsets are character offsets into
 * that text. Each document's creation time is its reference date. MEANTIME annotates TIMEX3 only
 * in the first six sentences of each article (title, date line and four body sentences: no gold
 * timex lies beyond sentence 5 in any document), so system timexes are scored in that part only. `--tagged` runs the tagger and
 * parser stages on the gold tokens first (tense from XPOS/deps instead of surface cues).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createDocument, withLayers, type Document, type Sentence, type Token } from '../src/core/document.ts';
import { tagStage } from '../src/language/tagger/stage.ts';
import { parseStage } from '../src/language/parser/stage.ts';
import { timeStage } from '../src/time/stage.ts';
import { DATA_DIR } from './data-path.ts';

interface GoldTimex {
  readonly start: number;
  readonly end: number;
  readonly type: string;
  readonly value: string;
  readonly dct: boolean;
}

interface EvalDoc {
  readonly name: string;
  /** End offset of the part of the text annotated with timexes. */
  readonly scopeEnd: number;
  readonly doc: Document;
  readonly gold: readonly GoldTimex[];
}

const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(name);
const option = (name: string, fallback: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const dataDir = option('--data', `${DATA_DIR}/meantime`);

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/(\w+)="([^"]*)"/g)) out[m[1]!] = unescapeXml(m[2]!);
  return out;
}

const ANNOTATED_SENTENCES = 6;
const NO_SPACE_BEFORE = /^(?:[,.;:!?)\]}%]|'s|'re|'ve|'ll|'d|'m|n't|'|’s)$/i;
const NO_SPACE_AFTER = /^(?:[(\[{$]|``)$/;

/** A DCT value as the corpus writes it (`2009-05-14`, once `03-02-2009`) → `YYYY-MM-DD`. */
function normalizeDct(value: string): string | undefined {
  if (/^\d{4}-\d\d-\d\d/.test(value)) return value.slice(0, 10);
  const m = /^(\d\d)-(\d\d)-(\d{4})$/.exec(value);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : undefined;
}

function loadDocument(path: string): EvalDoc {
  const xml = readFileSync(path, 'utf8');
  const raw: { id: string; sentence: number; text: string }[] = [];
  for (const m of xml.matchAll(/<token\b([^>]*)>([^<]*)<\/token>/g)) {
    const a = attrs(m[1]!);
    raw.push({ id: a.t_id!, sentence: Number(a.sentence), text: unescapeXml(m[2]!) });
  }
  let text = '';
  const offsets = new Map<string, { start: number; end: number }>();
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  let quoteOpen = false;
  let prevText = '';
  let sentStart = 0;
  let sentTokStart = 0;
  raw.forEach((tok, i) => {
    const prev = raw[i - 1];
    if (prev && prev.sentence !== tok.sentence) {
      sentences.push({ start: sentStart, end: text.length, tokenStart: sentTokStart, tokenEnd: tokens.length });
      // title and dateline are lines of their own; body sentences run on
      text += tok.sentence <= 2 ? '\n' : ' ';
      sentStart = text.length;
      sentTokStart = tokens.length;
    } else if (prev) {
      const isQuote = tok.text === '"';
      const attach = NO_SPACE_BEFORE.test(tok.text) || NO_SPACE_AFTER.test(prevText) || (isQuote && quoteOpen) || (prevText === '"' && quoteOpen);
      if (!attach) text += ' ';
    }
    if (tok.text === '"') quoteOpen = !quoteOpen;
    const start = text.length;
    text += tok.text;
    offsets.set(tok.id, { start, end: text.length });
    tokens.push({ start, end: text.length, sentence: sentences.length });
    prevText = tok.text;
  });
  sentences.push({ start: sentStart, end: text.length, tokenStart: sentTokStart, tokenEnd: tokens.length });

  const gold: GoldTimex[] = [];
  let dct: string | undefined;
  for (const m of xml.matchAll(/<TIMEX3\b([^>]*)>([\s\S]*?)<\/TIMEX3>/g)) {
    const a = attrs(m[1]!);
    const ids = [...m[2]!.matchAll(/t_id="(\d+)"/g)].map((x) => x[1]!);
    const isDct = a.functionInDocument === 'CREATION_TIME';
    if (isDct) dct = normalizeDct(a.value ?? '') ?? dct;
    if (ids.length === 0) continue;
    const spans = ids.map((id) => offsets.get(id)!).filter(Boolean);
    gold.push({
      start: Math.min(...spans.map((s) => s.start)),
      end: Math.max(...spans.map((s) => s.end)),
      type: a.type ?? 'DATE',
      value: isDct ? (normalizeDct(a.value ?? '') ?? a.value ?? '') : (a.value ?? ''),
      dct: isDct,
    });
  }
  const name = path.split('/').slice(-1)[0]!.replace(/\.xml$/, '');
  // A few documents do not mark their creation time: read it from the date line, as ingest would.
  if (!dct) {
    const probe = timeStage.run(withLayers(createDocument({ id: name, text, meta: { referenceBasis: 'none' } }), { tokens, sentences }), { options: {} });
    const line = sentences[1];
    dct = probe.timexes.find((t) => line && t.start >= line.start && t.end <= line.end && /^\d{4}-\d\d-\d\d$/.test(t.value))?.value;
  }
  let doc = createDocument({
    id: name,
    text,
    meta: dct ? { referenceDate: dct, referenceBasis: 'published' } : { referenceBasis: 'none' },
  });
  doc = withLayers(doc, { tokens, sentences });
  const scopeEnd = (sentences[Math.min(ANNOTATED_SENTENCES, sentences.length) - 1] ?? { end: text.length }).end;
  return { name, doc, gold, scopeEnd };
}

function listXml(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const p = join(dir, entry);
    if (statSync(p).isDirectory()) out.push(...listXml(p));
    else if (entry.endsWith('.xml')) out.push(p);
  }
  return out;
}

function f1(p: number, r: number): number {
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

const docs = listXml(dataDir).map(loadDocument);
let goldCount = 0;
let sysCount = 0;
let strict = 0;
let relaxed = 0;
let valueOk = 0;
let typeOk = 0;
let strictValueOk = 0;
const errors: string[] = [];
let words = 0;
let elapsed = 0;

for (const { name, doc: base, gold, scopeEnd } of docs) {
  let doc = base;
  if (flag('--tagged')) {
    doc = tagStage.run(doc, { options: {} });
    doc = parseStage.run(doc, { options: {} });
  }
  words += doc.tokens.length;
  const t0 = process.hrtime.bigint();
  doc = timeStage.run(doc, { options: {} });
  elapsed += Number(process.hrtime.bigint() - t0) / 1e9;
  const sys = doc.timexes.filter((t) => t.start < scopeEnd);
  goldCount += gold.length;
  sysCount += sys.length;
  const used = new Set<number>();
  // exact matches first, so a range (`from 2009 to 2011`) does not take the year that matches exactly
  const exactOf = gold.map((g) => {
    const i = sys.findIndex((s, j) => !used.has(j) && s.start === g.start && s.end === g.end);
    if (i >= 0) used.add(i);
    return i;
  });
  gold.forEach((g, gi) => {
    const exact = exactOf[gi]!;
    const idx = exact >= 0 ? exact : sys.findIndex((s, i) => !used.has(i) && s.start < g.end && g.start < s.end);
    const surface = doc.text.slice(g.start, g.end);
    if (idx < 0) {
      errors.push(`MISS\t${name}\t${JSON.stringify(surface)}\t${g.type}\t${g.value}\tref=${doc.meta.referenceDate}`);
      return;
    }
    used.add(idx);
    const s = sys[idx]!;
    relaxed++;
    if (exact >= 0) strict++;
    if (s.value === g.value) {
      valueOk++;
      if (exact >= 0) strictValueOk++;
    } else {
      errors.push(`VALUE\t${name}\t${JSON.stringify(surface)}\tgold=${g.value}\tsys=${s.value}\t${s.anchor ?? ''}\tref=${doc.meta.referenceDate}`);
    }
    if (s.type === g.type) typeOk++;
    else errors.push(`TYPE\t${name}\t${JSON.stringify(surface)}\tgold=${g.type}\tsys=${s.type}`);
    if (exact < 0) errors.push(`SPAN\t${name}\tgold=${JSON.stringify(surface)}\tsys=${JSON.stringify(doc.text.slice(s.start, s.end))}`);
  });
  sys.forEach((s, i) => {
    if (!used.has(i)) {
      const ctx = doc.text.slice(Math.max(0, s.start - 30), Math.min(doc.text.length, s.end + 30)).replace(/\n/g, ' ');
      errors.push(`EXTRA\t${name}\t${JSON.stringify(doc.text.slice(s.start, s.end))}\t${s.type}\t${s.value}\t…${ctx}…`);
    }
  });
}

const strictP = strict / sysCount;
const strictR = strict / goldCount;
const relaxedP = relaxed / sysCount;
const relaxedR = relaxed / goldCount;
const valueP = valueOk / sysCount;
const valueR = valueOk / goldCount;
const result = {
  corpus: 'MEANTIME (en)',
  documents: docs.length,
  gold: goldCount,
  system: sysCount,
  strict: { precision: strictP, recall: strictR, f1: f1(strictP, strictR) },
  relaxed: { precision: relaxedP, recall: relaxedR, f1: f1(relaxedP, relaxedR) },
  valueAccuracy: valueOk / relaxed,
  typeAccuracy: typeOk / relaxed,
  valueF1: f1(valueP, valueR),
  strictValueAccuracy: strictValueOk / strict,
  tagged: flag('--tagged'),
  wordsPerSecond: Math.round(words / elapsed),
};

if (flag('--errors')) for (const e of errors) console.log(e);
if (flag('--json')) console.log(JSON.stringify(result, null, 2));
else {
  const pct = (x: number): string => (100 * x).toFixed(1).padStart(5);
  console.log(`MEANTIME: ${result.documents} documents, ${goldCount} gold timexes, ${sysCount} found${result.tagged ? ' (tagged)' : ''}`);
  console.log(`strict  span  P ${pct(strictP)}  R ${pct(strictR)}  F1 ${pct(result.strict.f1)}`);
  console.log(`relaxed span  P ${pct(relaxedP)}  R ${pct(relaxedR)}  F1 ${pct(result.relaxed.f1)}`);
  console.log(`value accuracy on matched gold spans ${pct(result.valueAccuracy)}  (value F1 ${pct(result.valueF1)})`);
  console.log(`type accuracy on matched gold spans  ${pct(result.typeAccuracy)}`);
}
