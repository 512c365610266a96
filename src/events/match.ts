/**
 * Matching dictionary entries and patterns against a sentence: which tokens are triggers, and which
 * pattern of their blocks fits the words around them (the most specific one wins).
 */
import type { Entry, Pattern, PatternElement, Dictionary, Block } from './dictionary/petrarch.ts';
import { isPreposition, type SentenceView } from './syntax.ts';

export interface TriggerMatch {
  /** The trigger's token index (the head word of a multi-word entry). */
  readonly token: number;
  /** Tokens of the entry's multi-word context (BEEF *UP*): never triggers themselves. */
  readonly extra: readonly number[];
  readonly entries: readonly Entry[];
  readonly lemma: string;
}

function formsFor(dict: Dictionary, v: SentenceView, i: number): Entry[] | undefined {
  const u = v.upper[i]!;
  const direct = dict.forms.get(u) ?? dict.forms.get(v.lemma[i]!);
  if (direct) return direct;
  // Hyphenated prefixes ("re-arrest") reach the word after the hyphen.
  const dash = u.lastIndexOf('-');
  if (dash > 0) return dict.forms.get(u.slice(dash + 1));
  return undefined;
}

/** Entries for token `i` whose multi-word context is satisfied, the longest contexts first. */
export function lookupTrigger(dict: Dictionary, v: SentenceView, i: number): TriggerMatch | null {
  const list = formsFor(dict, v, i);
  if (!list) return null;
  const ok: { e: Entry; extra: number[] }[] = [];
  for (const e of list) {
    const extra: number[] = [];
    let fits = true;
    for (let k = 0; k < e.after.length && fits; k++) {
      // A particle may follow at once or after a short object ("called the strike off").
      const want = e.after[k]!;
      let found = -1;
      const from = (extra[extra.length - 1] ?? i) + 1;
      for (let j = from; j < Math.min(v.tokens.length, from + (k === 0 ? 4 : 1)); j++) {
        if (v.upper[j] === want) {
          found = j;
          break;
        }
        if (v.hasDeps && v.head[j] !== i && k === 0 && j > from) break;
      }
      if (found < 0) fits = false;
      else extra.push(found);
    }
    for (let k = 0; k < e.before.length && fits; k++) {
      const want = e.before[e.before.length - 1 - k]!;
      const j = i - 1 - k;
      const u = v.upper[i]!;
      if (!(v.upper[j] === want || u.startsWith(`${want}-`))) fits = false;
      else if (v.upper[j] === want) extra.push(j);
    }
    if (fits) ok.push({ e, extra });
  }
  if (ok.length === 0) return null;
  const longest = Math.max(...ok.map((o) => o.e.after.length + o.e.before.length));
  const best = ok.filter((o) => o.e.after.length + o.e.before.length === longest);
  return { token: i, extra: best[0]!.extra, entries: best.map((o) => o.e), lemma: primaryEntry(best.map((o) => o.e)).lemma };
}

/**
 * The entry that decides a trigger's bare code: a later dictionary overrides an earlier one; within
 * one dictionary the first block that lists the form wins, as in PETRARCH (generated forms of
 * different verbs may collide, "ADDED", and the first listing is the intended one).
 */
export function primaryEntry(entries: readonly Entry[]): Entry {
  let best = entries[0]!;
  // The latest file wins; within it, an entry with a code of its own over a bare one.
  for (const e of entries) if (e.block.rank > best.block.rank || (e.block.rank === best.block.rank && best.code === null && e.code !== null)) best = e;
  return best;
}

export function bareCode(m: TriggerMatch): { code: string | null; reverse: string | null } {
  const e = primaryEntry(m.entries);
  return { code: e.code, reverse: e.reverse };
}

export interface PatternHit {
  readonly pattern: Pattern;
  readonly block: Block;
  /** Tokens the pattern's words matched (event nouns among them are part of this event). */
  readonly tokens: readonly number[];
}

function wordMatches(v: SentenceView, i: number, w: string): boolean {
  const u = v.upper[i];
  if (u === undefined) return false;
  if (u === w || v.lemma[i] === w) return true;
  // Legacy entries mix singular and plural nouns; accept either.
  const d = u.length - w.length;
  if (u.length > 3 && (d === 1 || d === 2 || d === -1) && u.startsWith(w.slice(0, Math.min(u.length, w.length)))) {
    if ((d === 1 && u.endsWith('S')) || (d === 2 && u.endsWith('ES')) || (d === -1 && w.endsWith('S'))) return true;
  }
  return (u.includes('-') || w.includes('-')) && u.replace(/-/g, '') === w.replace(/-/g, '');
}

/** Every word form in a sentence (surface, lemma, singular and plural variants): a quick filter for patterns. */
export function sentenceWords(v: SentenceView): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < v.upper.length; i++) {
    for (const u of [v.upper[i]!, v.lemma[i]!]) {
      out.add(u);
      out.add(`${u}S`);
      if (u.endsWith('S')) out.add(u.slice(0, -1));
      if (u.endsWith('ES')) out.add(u.slice(0, -2));
      if (u.includes('-')) {
        out.add(u.replace(/-/g, ''));
        for (const part of u.split('-')) out.add(part);
      }
    }
  }
  return out;
}

/** Words a pattern cannot match without (from its single-alternative elements), computed once per pattern. */
const MUST = new WeakMap<Pattern, readonly string[]>();

function mustWords(p: Pattern): readonly string[] {
  let m = MUST.get(p);
  if (!m) {
    const out: string[] = [];
    const walk = (el: PatternElement): void => {
      if (el.type === 'word') {
        if (el.alts.length === 1) for (const w of el.alts[0]!) out.push(w.replace(/-/g, ''));
      } else if (el.type === 'phrase') {
        walk(el.head);
        el.mods.forEach(walk);
      } else if (el.type === 'pp') {
        walk(el.prep);
        el.objects.forEach(walk);
      }
    };
    p.pre.forEach(walk);
    p.post.forEach(walk);
    m = out;
    MUST.set(p, m);
  }
  return m;
}

function possible(el: PatternElement, words: ReadonlySet<string>): boolean {
  switch (el.type) {
    case 'actor':
      return true;
    case 'word':
      return el.alts.some((alt) => alt.every((w) => words.has(w) || words.has(w.replace(/-/g, ''))));
    case 'phrase':
      return possible(el.head, words) && el.mods.every((m) => possible(m, words));
    case 'pp':
      return possible(el.prep, words) && el.objects.every((m) => possible(m, words));
  }
}

function phraseBreak(v: SentenceView, i: number): boolean {
  const tag = v.upos[i];
  // Untagged, a participle after a noun starts a clause of its own ("troops fighting …").
  if (!v.hasPos && /ING$/.test(v.upper[i]!) && i > 0 && !isPreposition(v, i - 1) && !['THE', 'A', 'AN', 'ITS', 'THEIR'].includes(v.upper[i - 1]!)) return true;
  return tag === 'VERB' || tag === 'PUNCT' || tag === 'SCONJ' || isPreposition(v, i) || /^[,;:–—()]$/.test(v.upper[i]!);
}

/** Match an element at the first position ≥ `from` in `window`; returns [next window position, matched tokens]. */
function matchElement(v: SentenceView, window: readonly number[], from: number, el: PatternElement, span = Infinity): [number, number[]] | null {
  const limit = Math.min(window.length, from + span);
  switch (el.type) {
    case 'actor':
      return [from, []];
    case 'word': {
      for (let p = from; p < limit; p++) {
        for (const alt of el.alts) {
          let ok = true;
          for (let k = 0; k < alt.length && ok; k++) {
            const tok = window[p + k];
            if (tok === undefined || (k > 0 && tok !== window[p + k - 1]! + 1) || !wordMatches(v, tok, alt[k]!)) ok = false;
          }
          if (ok) return [p + alt.length, window.slice(p, p + alt.length)];
        }
      }
      return null;
    }
    case 'phrase': {
      // Modifiers, then the head, close together (a noun phrase).
      for (let p = from; p < limit; p++) {
        let q = p;
        const got: number[] = [];
        let ok = true;
        for (const m of el.mods) {
          const r = matchElement(v, window, q, m, q === p ? 1 : 3);
          if (!r) {
            ok = false;
            break;
          }
          q = r[0];
          got.push(...r[1]);
        }
        if (!ok) continue;
        const r = matchElement(v, window, q, el.head, el.mods.length === 0 ? limit - q : 3);
        if (r) return [r[0], [...got, ...r[1]]];
        if (el.mods.length === 0) return null;
      }
      return null;
    }
    case 'pp': {
      for (let p = from; p < limit; p++) {
        const r = matchElement(v, window, p, el.prep, 1);
        if (!r) continue;
        let q = r[0];
        const got = [...r[1]];
        let ok = true;
        // The objects belong to this phrase: they come before the next verb, preposition or comma.
        let end = q;
        while (end < window.length && end < q + 6 && !phraseBreak(v, window[end]!)) end += 1;
        for (const o of el.objects) {
          const s = matchElement(v, window, q, o, end - q);
          if (!s) {
            ok = false;
            break;
          }
          q = s[0];
          got.push(...s[1]);
        }
        if (ok) return [q, got];
      }
      return null;
    }
  }
}

/** Position of the next preposition in the window (particles excepted), or the window's end. */
function nextPreposition(v: SentenceView, window: readonly number[], from: number): number {
  for (let p = from; p < window.length; p++) {
    if (isPreposition(v, window[p]!)) return p;
  }
  return window.length;
}

function matchSequence(v: SentenceView, window: readonly number[], els: readonly PatternElement[], after: boolean): number[] | null {
  let pos = 0;
  const got: number[] = [];
  for (const el of els) {
    // After the trigger, a bare noun is its object: it is not looked for inside a prepositional phrase.
    const span = after && (el.type === 'word' || el.type === 'phrase') ? nextPreposition(v, window, pos) - pos : Infinity;
    const r = matchElement(v, window, pos, el, span);
    if (!r) return null;
    pos = r[0];
    got.push(...r[1]);
  }
  return got;
}

/**
 * The most specific pattern of the trigger's blocks that matches: `pre` and `post` are the token
 * windows before and after the trigger (in sentence order). Ties go to the longer code, then to the
 * later dictionary.
 */
export function bestPattern(v: SentenceView, m: TriggerMatch, pre: readonly number[], post: readonly number[], words: ReadonlySet<string> = sentenceWords(v)): PatternHit | null {
  let best: PatternHit | null = null;
  const blocks: Block[] = [];
  for (const e of m.entries) if (!blocks.includes(e.block)) blocks.push(e.block);
  for (const block of blocks) {
    for (const p of block.patterns) {
      if (p.weight === 0) continue;
      if (best && p.weight < best.pattern.weight) continue;
      const must = mustWords(p);
      let ok = true;
      for (let k = 0; k < must.length && ok; k++) if (!words.has(must[k]!)) ok = false;
      if (!ok) continue;
      if (!p.pre.every((el) => possible(el, words)) || !p.post.every((el) => possible(el, words))) continue;
      const a = p.pre.length ? matchSequence(v, pre, p.pre, false) : [];
      if (!a) continue;
      const b = p.post.length ? matchSequence(v, post, p.post, true) : [];
      if (!b) continue;
      const hit: PatternHit = { pattern: p, block, tokens: [...a, ...b] };
      if (!best || better(hit, best)) best = hit;
    }
  }
  return best;
}

function better(a: PatternHit, b: PatternHit): boolean {
  if (a.pattern.weight !== b.pattern.weight) return a.pattern.weight > b.pattern.weight;
  const la = a.pattern.code?.length ?? 0;
  const lb = b.pattern.code?.length ?? 0;
  if (la !== lb) return la > lb;
  return a.block.rank > b.block.rank;
}
