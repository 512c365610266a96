/**
 * Evaluate the quotes stage through the real pipeline (`analyze()`), on the reference article and on
 * the hand-annotated Wikinews fixtures (test/fixtures/quotes/{dev,test}).
 *
 *   node --import tsx scripts/eval-quotes.ts [--split dev|test|all] [--verbose] [--json]
 *
 * Figures: content span P/R/F1 (exact and overlap, one-to-one matching by overlap), kind accuracy,
 * cue accuracy, speaker accuracy (mention or entity name), anonymous accuracy; each with the entities
 * stage, without it, and on the text-pattern fallback alone (no tagger, parser or entities). For the
 * reference article it also gives the speaker-entity accuracy of the 9 core quotes (`speakerEntityAcc`).
 * Issue 6's done-when count, aggregate only (safe on the test split): `directNamedWithoutSpeaker` — gold direct
 * quotes with a named speaker whose matched prediction has no speaker — and `predictedDirectWithoutSpeaker`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../src/index.ts';
import { SHARED_DIR } from './data-path.ts';
import type { Document, Quote, Span } from '../src/core/document.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const splitArg = args.includes('--split') ? args[args.indexOf('--split') + 1]! : 'all';

interface GoldSpan extends Span { text: string }
interface GoldQuote {
  kind: 'direct' | 'indirect' | 'mixed';
  content: GoldSpan;
  cue: GoldSpan | null;
  speaker: GoldSpan | null;
  speakerName: string | null;
  anonymous?: true;
  continuation?: true;
}
interface Fixture { id: string; url: string; date: string; title: string; text: string; quotes: GoldQuote[] }

const WITH_ENTITIES = ['tokenize', 'tag', 'parse', 'entities', 'time', 'quotes'];
const WITHOUT_ENTITIES = ['tokenize', 'tag', 'parse', 'time', 'quotes'];
/** The text-pattern fallback alone: no tagger, parser or entities. */
const TEXT_ONLY = ['tokenize', 'time', 'quotes'];
const RUNS = [['with entities', WITH_ENTITIES], ['without entities', WITHOUT_ENTITIES], ['text only', TEXT_ONLY]] as const;

const overlap = (a: Span, b: Span): number => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
const norm = (s: string): string => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[’']s$/, '').trim();

/** One-to-one matching of gold to predicted quotes, largest overlaps first. */
function match(gold: readonly GoldQuote[], pred: readonly Quote[]): Map<number, number> {
  const pairs: [number, number, number][] = [];
  gold.forEach((g, gi) => pred.forEach((p, pi) => {
    const o = overlap(g.content, p);
    if (o > 0) pairs.push([o, gi, pi]);
  }));
  pairs.sort((a, b) => b[0] - a[0]);
  const m = new Map<number, number>();
  const used = new Set<number>();
  for (const [, gi, pi] of pairs) if (!m.has(gi) && !used.has(pi)) { m.set(gi, pi); used.add(pi); }
  return m;
}

/** Whether the predicted speaker is the gold one: by mention overlap or by the entity's name. */
function speakerOk(doc: Document, gold: readonly GoldQuote[], g: GoldQuote, p: Quote): boolean {
  if (!g.speakerName) return !p.speakerMention;
  if (!p.speakerMention && !p.speaker) return false;
  const sameSpeaker = gold.filter((x) => x.speakerName === g.speakerName && x.speaker);
  if (p.speakerMention && (g.speaker ? overlap(g.speaker, p.speakerMention) > 0 : sameSpeaker.some((x) => overlap(x.speaker!, p.speakerMention!) > 0))) return true;
  const ent = p.speaker ? doc.entities.find((e) => e.id === p.speaker) : undefined;
  const name = norm(g.speakerName);
  if (ent) {
    const en = norm(ent.name);
    const last = en.split(/\s+/).pop()!;
    if (en === name || name.includes(last) && last.length > 2) return true;
  }
  return false;
}

interface Tally {
  gold: number; pred: number; exact: number; overlapTp: number; overlapPredTp: number;
  kind: number; cueN: number; cue: number; spkN: number; spk: number; anonN: number; anon: number;
  directNamedNoSpeaker: number;
  /** Predicted direct/mixed quotes with neither speaker mention nor entity (gold-free; whatever the text names). */
  predDirectNoSpeaker: number;
}
const emptyTally = (): Tally => ({ gold: 0, pred: 0, exact: 0, overlapTp: 0, overlapPredTp: 0, kind: 0, cueN: 0, cue: 0, spkN: 0, spk: 0, anonN: 0, anon: 0, directNamedNoSpeaker: 0, predDirectNoSpeaker: 0 });

function score(t: Tally, doc: Document, gold: readonly GoldQuote[], label: string): void {
  const pred = doc.quotes;
  const m = match(gold, pred);
  t.gold += gold.length;
  t.pred += pred.length;
  t.predDirectNoSpeaker += pred.filter((p) => p.kind !== 'indirect' && !p.speakerMention && !p.speaker).length;
  t.overlapTp += m.size;
  t.overlapPredTp += m.size;
  const exactUsed = new Set<number>();
  for (const g of gold) {
    const pi = pred.findIndex((p, i) => !exactUsed.has(i) && p.start === g.content.start && p.end === g.content.end);
    if (pi >= 0) { exactUsed.add(pi); t.exact++; }
  }
  gold.forEach((g, gi) => {
    const pi = m.get(gi);
    const p = pi === undefined ? undefined : pred[pi];
    if (g.speakerName) t.spkN++;
    t.cueN++;
    if (g.anonymous) t.anonN++;
    if (!p) {
      if (verbose) console.error(`  MISS ${label} [${g.kind}] ${g.content.text.slice(0, 70)}`);
      return;
    }
    if (p.kind === g.kind) t.kind++;
    const cueOk = g.cue ? !!p.cue && overlap(g.cue, p.cue) > 0 : !p.cue;
    if (cueOk) t.cue++;
    const sOk = g.speakerName ? speakerOk(doc, gold, g, p) : false;
    if (sOk) t.spk++;
    if (g.anonymous && p.anonymous) t.anon++;
    if (g.kind === 'direct' && g.speakerName && !p.speakerMention && !p.speaker) t.directNamedNoSpeaker++;
    if (verbose && (!sOk || !cueOk || p.kind !== g.kind)) {
      const sm = p.speakerMention ? doc.text.slice(p.speakerMention.start, p.speakerMention.end) : '-';
      const cu = p.cue ? doc.text.slice(p.cue.start, p.cue.end) : '-';
      console.error(`  ERR  ${label} gold[${g.kind} cue=${g.cue?.text ?? '-'} spk=${g.speaker?.text ?? '-'}/${g.speakerName}] pred[${p.kind} cue=${cu} spk=${sm}${p.speaker ? '=' + doc.entities.find((e) => e.id === p.speaker)?.name : ''}] ${g.content.text.slice(0, 50)}`);
    }
  });
  if (verbose) {
    const matched = new Set(m.values());
    pred.forEach((p, i) => {
      if (!matched.has(i)) console.error(`  FP   ${label} [${p.kind}] ${doc.text.slice(p.start, p.end).slice(0, 70)}`);
    });
  }
}

function report(t: Tally): Record<string, number> {
  const P = t.pred ? t.overlapPredTp / t.pred : 0;
  const R = t.gold ? t.overlapTp / t.gold : 0;
  const eP = t.pred ? t.exact / t.pred : 0;
  const eR = t.gold ? t.exact / t.gold : 0;
  const f = (p: number, r: number): number => (p + r ? (2 * p * r) / (p + r) : 0);
  const r3 = (x: number): number => Math.round(x * 1000) / 1000;
  return {
    gold: t.gold, predicted: t.pred,
    exactP: r3(eP), exactR: r3(eR), exactF1: r3(f(eP, eR)),
    overlapP: r3(P), overlapR: r3(R), overlapF1: r3(f(P, R)),
    kindAcc: r3(t.overlapTp ? t.kind / t.overlapTp : 0),
    cueAcc: r3(t.cueN ? t.cue / t.cueN : 0),
    speakerAcc: r3(t.spkN ? t.spk / t.spkN : 0),
    anonymousRecall: r3(t.anonN ? t.anon / t.anonN : 0),
    directNamedWithoutSpeaker: t.directNamedNoSpeaker,
    predictedDirectWithoutSpeaker: t.predDirectNoSpeaker,
  };
}

const seenErrors = new Set<string>();

function loadFixtures(split: string): Fixture[] {
  const dir = join(root, 'test/fixtures/quotes', split);
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Fixture);
}

function evalFixtures(split: string): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const [label, stages] of RUNS) {
    const t = emptyTally();
    for (const fx of loadFixtures(split)) {
      const doc = analyze({ id: fx.id, text: fx.text, published: fx.date, url: fx.url, title: fx.title }, { stages });
      if (doc.text !== fx.text) throw new Error(`${fx.id}: analyze() changed the text; offsets would not line up`);
      for (const e of doc.errors ?? []) {
        const key = `${e.code} ${e.message}`;
        if (!seenErrors.has(key)) console.error(`note: ${fx.id}: ${key}`);
        seenErrors.add(key);
      }
      if (verbose && label === 'with entities') console.error(`# ${split} ${fx.id}`);
      score(t, doc, fx.quotes, verbose && label === 'with entities' ? fx.id : '');
    }
    out[label] = report(t);
  }
  return out;
}

/** The reference article: its gold lists quotes by surface text and speaker name. */
function evalExample(): Record<string, Record<string, number>> {
  const exDir = join(SHARED_DIR, 'examples');
  const base = 'dpa-2020-02-12-nato-iraq';
  const raw = readFileSync(join(exDir, `${base}.txt`), 'utf8');
  const gold = JSON.parse(readFileSync(join(exDir, `${base}.gold.json`), 'utf8')) as {
    quotes: { kind: GoldQuote['kind']; text: string; speaker: string | null; speaker_text?: string; speaker_mention?: string; cue: string | null; anonymous?: boolean; core: boolean }[];
  };
  const out: Record<string, Record<string, number>> = {};
  for (const [label, stages] of RUNS) {
    const doc = analyze(raw, { id: base, stages });
    const core = gold.quotes.filter((q) => q.core);
    let found = 0, kind = 0, speaker = 0, speakerEntity = 0, cue = 0;
    for (const g of core) {
      const start = doc.text.indexOf(g.text);
      const span = { start, end: start + g.text.length };
      const p = doc.quotes.filter((q) => overlap(q, span) > 0).sort((a, b) => overlap(b, span) - overlap(a, span))[0];
      if (start < 0 || !p) { if (verbose) console.error(`  MISS example ${g.text.slice(0, 60)}`); continue; }
      found++;
      if (p.kind === g.kind) kind++;
      const cueText = p.cue ? doc.text.slice(p.cue.start, p.cue.end) : null;
      if ((cueText ?? null) === g.cue || (!!cueText && !!g.cue && cueText.includes(g.cue))) cue++;
      const mention = p.speakerMention ? doc.text.slice(p.speakerMention.start, p.speakerMention.end) : '';
      const ent = p.speaker ? doc.entities.find((e) => e.id === p.speaker) : undefined;
      const want = g.speaker ?? g.speaker_text ?? '';
      const last = norm(want).split(/\s+/).pop() ?? '';
      const mentionOk = g.anonymous ? norm(mention) === norm(g.speaker_text ?? '') && p.anonymous === true
        : (!!mention && (norm(mention).includes(last) || (g.speaker_mention ? norm(mention) === norm(g.speaker_mention) : false))) || (!!p.continuation && !!mention && norm(mention).includes(last));
      const entityOk = g.anonymous ? mentionOk : !!ent && norm(ent.name) === norm(want);
      if (mentionOk || entityOk) speaker++;
      if (entityOk) speakerEntity++;
      if (verbose) console.error(`  ${label} [${p.kind}/${g.kind}] cue=${cueText} spk=${mention}${ent ? '=' + ent.name : ''} ${mentionOk ? '' : 'MENTION✗'} ${entityOk ? '' : 'ENTITY✗'} :: ${g.text.slice(0, 50)}`);
    }
    out[label] = { core: core.length, found, kindOk: kind, cueOk: cue, speakerOk: speaker, speakerEntityOk: speakerEntity, speakerEntityAcc: Math.round((speakerEntity / core.length) * 1000) / 1000, predicted: doc.quotes.length };
  }
  return out;
}

const results: Record<string, unknown> = { example: evalExample() };
if (splitArg === 'dev' || splitArg === 'all') results.dev = evalFixtures('dev');
if (splitArg === 'test' || splitArg === 'all') results.test = evalFixtures('test');
console.log(JSON.stringify(results, null, 2));
