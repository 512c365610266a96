/**
 * Lemmatizer: a lookup of training forms whose lemma the rules get wrong (form + XPOS → lemma),
 * a hand-written table of English irregulars (irregulars.ts), and learned suffix rules
 * (XPOS + longest known suffix → most frequent edit script) for everything else.
 *
 * Casing follows UD English: lemmas of proper nouns keep the form's case (a lowercase proper
 * noun is capitalized: "kerala" → "Kerala"); all other lemmas are lowercase ("RFP"/NN → "rfp").
 * An edit script "<strip>|<append>" then rewrites the end of that cased base ("1|" for
 * "dogs" → "dog", "3|y" for "studies" → "study").
 */

import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { IRREGULARS } from './irregulars.ts';

export interface LemmaExample {
  readonly form: string;
  readonly upos: string;
  readonly xpos: string;
  readonly lemma: string;
}

export interface LemmatizerData {
  readonly format: 'dateline.lemma/2';
  /** "form\tXPOS" → lemma, for training forms the rules get wrong. */
  readonly exceptions: ReadonlyMap<string, string>;
  /** "XPOS\tsuffix" → edit script, pruned to entries that differ from their parent suffix. */
  readonly rules: ReadonlyMap<string, string>;
  readonly maxSuffix: number;
}

const MAX_SUFFIX = 7;

function isProper(pos: string): boolean {
  return pos === 'NNP' || pos === 'NNPS' || pos === 'PROPN';
}

/** The form cased as UD English lemmas of this part of speech are. */
export function casedBase(form: string, pos: string): string {
  if (!isProper(pos)) return form.toLowerCase();
  if (form.length > 0 && form === form.toLowerCase() && form !== form.toUpperCase()) {
    return form[0]!.toUpperCase() + form.slice(1);
  }
  return form;
}

export function applyScript(base: string, script: string): string {
  const bar = script.indexOf('|');
  const strip = Number(script.slice(0, bar));
  if (strip > base.length) return base;
  return base.slice(0, base.length - strip) + script.slice(bar + 1);
}

/** The suffix edit turning `base` into `lemma`, or null when the change is not at the end. */
export function editScript(base: string, lemma: string): string | null {
  let p = 0;
  while (p < base.length && p < lemma.length && base[p] === lemma[p]) p++;
  // Only suffix edits generalize; a change at the very start (went → go) is an irregular.
  if (p === 0 && base.length > 0 && lemma.length > 0 && base !== lemma) return null;
  return `${base.length - p}|${lemma.slice(p)}`;
}

function posKey(xpos: string, upos: string): string {
  return xpos && xpos !== '_' ? xpos : upos;
}

export function trainLemmatizer(examples: readonly LemmaExample[]): LemmatizerData {
  // Type-level counts: rules are for unseen words, which resemble rare types more than tokens.
  const typeLemma = new Map<string, Map<string, number>>();
  for (const e of examples) {
    const key = `${e.form}\t${posKey(e.xpos, e.upos)}`;
    let m = typeLemma.get(key);
    if (!m) typeLemma.set(key, (m = new Map()));
    m.set(e.lemma, (m.get(e.lemma) ?? 0) + 1);
  }
  const best = new Map<string, string>();
  for (const [key, m] of typeLemma) best.set(key, [...m].sort((a, b) => b[1] - a[1])[0]![0]);

  const suffixCounts = new Map<string, Map<string, number>>();
  for (const [key, lemma] of best) {
    const [form, pos] = key.split('\t') as [string, string];
    const script = editScript(casedBase(form, pos), lemma);
    if (!script) continue;
    const lw = form.toLowerCase();
    for (let k = 0; k <= Math.min(MAX_SUFFIX, lw.length); k++) {
      const sk = `${pos}\t${lw.slice(lw.length - k)}`;
      let m = suffixCounts.get(sk);
      if (!m) suffixCounts.set(sk, (m = new Map()));
      m.set(script, (m.get(script) ?? 0) + 1);
    }
  }
  const top = new Map<string, string>();
  for (const [sk, m] of suffixCounts) top.set(sk, [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0]);
  const rules = new Map<string, string>();
  for (const [sk, script] of top) {
    const tab = sk.indexOf('\t');
    const suffix = sk.slice(tab + 1);
    if (suffix.length === 0) {
      rules.set(sk, script);
      continue;
    }
    // Drop a suffix whose script equals what the longest kept shorter suffix would give.
    let parent: string | undefined;
    for (let k = suffix.length - 1; k >= 0 && parent === undefined; k--) parent = top.get(`${sk.slice(0, tab)}\t${suffix.slice(suffix.length - k)}`);
    if (parent !== script) rules.set(sk, script);
  }
  const partial: LemmatizerData = { format: 'dateline.lemma/2', exceptions: new Map(), rules, maxSuffix: MAX_SUFFIX };
  const ruleOnly = new Lemmatizer(partial);
  const exceptions = new Map<string, string>();
  for (const [key, lemma] of best) {
    const [form, pos] = key.split('\t') as [string, string];
    if (ruleOnly.lemma(form, pos, pos) !== lemma) exceptions.set(key, lemma);
  }
  return { ...partial, exceptions };
}

export class Lemmatizer {
  private readonly data: LemmatizerData;

  constructor(data: LemmatizerData) {
    this.data = data;
  }

  lemma(form: string, upos: string, xpos: string): string {
    const pos = posKey(xpos, upos);
    const exact = this.data.exceptions.get(`${form}\t${pos}`);
    if (exact !== undefined) return exact;
    const lw = form.toLowerCase();
    const irregular = IRREGULARS.get(`${lw}\t${pos}`);
    if (irregular !== undefined) return irregular;
    const proper = isProper(pos);
    if (lw !== form && !proper) {
      // "Went" at the start of a sentence behaves like "went".
      const lower = this.data.exceptions.get(`${lw}\t${pos}`);
      if (lower !== undefined) return lower;
    }
    const base = casedBase(form, pos);
    // Singular proper nouns are their own lemma; guessing rewrites there does more harm than good.
    if (pos === 'NNP' || pos === 'PROPN') return base;
    const { rules, maxSuffix } = this.data;
    for (let k = Math.min(maxSuffix, lw.length); k >= 0; k--) {
      const script = rules.get(`${pos}\t${lw.slice(lw.length - k)}`);
      if (script !== undefined) return applyScript(base, script);
    }
    return base;
  }
}

export function encodeLemmatizer(data: LemmatizerData): Buffer {
  const text = JSON.stringify({
    format: data.format,
    maxSuffix: data.maxSuffix,
    exceptions: [...data.exceptions].map(([k, v]) => `${k}\t${v}`).join('\n'),
    rules: [...data.rules].map(([k, v]) => `${k}\t${v}`).join('\n'),
  });
  return gzipSync(Buffer.from(text, 'utf8'), { level: 9 });
}

export function decodeLemmatizer(file: Uint8Array): LemmatizerData {
  const raw = JSON.parse(gunzipSync(file).toString('utf8')) as {
    format: string;
    maxSuffix: number;
    exceptions: string;
    rules: string;
  };
  if (raw.format !== 'dateline.lemma/2') throw new Error(`unsupported lemmatizer format ${raw.format}`);
  const toMap = (s: string): Map<string, string> => {
    const m = new Map<string, string>();
    if (s === '') return m;
    for (const line of s.split('\n')) {
      const last = line.lastIndexOf('\t');
      m.set(line.slice(0, last), line.slice(last + 1));
    }
    return m;
  };
  return { format: 'dateline.lemma/2', maxSuffix: raw.maxSuffix, exceptions: toMap(raw.exceptions), rules: toMap(raw.rules) };
}

const DEFAULT_PATH = new URL('../tagger/model/lemma.bin', import.meta.url);
let cached: Lemmatizer | null = null;

/** The shipped lemmatizer, loaded once. */
export function loadLemmatizer(): Lemmatizer {
  cached ??= new Lemmatizer(decodeLemmatizer(readFileSync(DEFAULT_PATH)));
  return cached;
}
