import { sentenceAt, sentenceTokens, type Document, type Span, type Token } from '../core/document.ts';
import {
  addDays,
  toDayNumber,
  weekdayFrom,
  weekdayInWeek,
  weekdayNearest,
  type Ymd,
} from './values.ts';

/**
 * Tense-aware anchoring. A weekday or a month without a year is resolved against the reference date
 * in the direction the governing verb's tense points: `said on Tuesday` looks back, `will meet on
 * Thursday` looks forward. Tense comes from the dependency tree when present, else from XPOS tags,
 * else from surface cues (will, would, said, -ed verbs) so the stage works before the tagger exists.
 */

export type Tense = 'past' | 'present' | 'future' | 'unknown';
export type TenseBasis = 'deps' | 'xpos' | 'surface' | 'none';

export interface TenseInfo {
  readonly tense: Tense;
  readonly basis: TenseBasis;
}

const UNKNOWN: TenseInfo = { tense: 'unknown', basis: 'none' };

const FUTURE_WORDS = new Set(['will', "'ll", '’ll', 'shall', 'wo', "won't", 'won’t', 'would', "'d", '’d']);
/** Verbs that put what follows them in the future: `expected to`, `plans to`, `due to`. */
const PLAN_WORDS = new Set([
  'expected', 'expects', 'expect', 'scheduled', 'due', 'set', 'slated', 'poised', 'plans', 'plan', 'planned', 'planning',
  'intends', 'intend', 'intended', 'aims', 'aim', 'hopes', 'hope', 'hoped', 'going', 'wants', 'want', 'seeks', 'seek',
  'promised', 'promises', 'pledged', 'vowed', 'threatened', 'threatens', 'agreed', 'agree', 'agrees', 'decided',
]);
/** Words that mean the future even without a following `to`: `the vote is expected on Friday`. */
const FUTURE_PARTICIPLES = new Set(['expected', 'scheduled', 'due', 'slated']);
const PRESENT_WORDS = new Set(['is', 'are', 'am', "'s", '’s', 'says', 'say', 'do', 'does', 'has', 'have']);
const PAST_IRREGULAR = new Set([
  'said', 'told', 'was', 'were', 'had', 'did', 'met', 'made', 'took', 'went', 'came', 'gave', 'held', 'saw', 'began',
  'left', 'won', 'lost', 'sent', 'paid', 'fell', 'rose', 'led', 'spoke', 'wrote', 'became', 'brought', 'bought',
  'thought', 'found', 'got', 'kept', 'knew', 'felt', 'heard', 'meant', 'ran', 'sat', 'stood', 'struck', 'threw',
  'flew', 'fought', 'caught', 'taught', 'sought', 'sold', 'built', 'hit', 'quit', 'shot', 'broke', 'chose', 'drove',
  'ate', 'forgot', 'froze', 'hid', 'hung', 'laid', 'lay', 'lit', 'rode', 'rang', 'sang', 'sank', 'shook', 'slid',
  'spent', 'spun', 'split', 'spread', 'stole', 'stuck', 'stung', 'swore', 'swept', 'swam', 'tore', 'understood',
  'woke', 'wore', 'wove', 'withdrew', 'overtook', 'undertook', 'upheld', 'arose', 'beat', 'bled', 'bent', 'bit',
  'blew', 'bore', 'bound', 'bred', 'burnt', 'dealt', 'dug', 'drew', 'dreamt', 'drank', 'fed', 'fled', 'forbade',
  'forgave', 'grew', 'ground', 'leapt', 'lent', 'meant', 'mistook', 'overcame', 'oversaw', 'rebuilt', 'retook',
  'shed', 'shut', 'slept', 'slew', 'strove', 'swung', 'wept', 'won', 'wound', 'wrung', 'announced',
]);
/** -ed words that are usually adjectives or not verbs at all. */
const ED_NOT_VERBS = new Set([
  'need', 'speed', 'seed', 'feed', 'bed', 'red', 'shed', 'hundred', 'united', 'limited', 'based', 'alleged', 'proposed',
  'armed', 'detailed', 'advanced', 'interested', 'concerned', 'experienced', 'sophisticated', 'skilled', 'qualified',
  'supposed', 'so-called', 'indeed', 'creed', 'greed', 'breed', 'embed', 'naked', 'wicked', 'sacred', 'beloved',
  'aged', 'ed', 'med', 'fed', 'led', 'wed', 'sled', 'bled', 'unprecedented', 'unexpected', 'expected', 'scheduled',
  'related', 'elected', 'renewed', 'increased', 'reduced', 'combined', 'organised', 'organized', 'coordinated',
  'talked-about', 'failed', 'ensued', 'ensuing', 'planned', 'owned', 'backed', 'appointed', 'named',
]);

const PERFECT_AUX = new Set(['has', 'have', 'had', "'ve", '’ve']);
const PASSIVE_AUX = new Set(['be', 'been', 'being', 'is', 'are', 'was', 'were', 'am', "'s", '’s', 're', "'re"]);
/** Modals other than `will`: `may be signed on September 12` looks ahead, `may have met` back. */
const OTHER_MODALS = new Set(['should', 'may', 'might', 'could', 'must', 'can', 'ought']);

interface Word {
  readonly text: string;
  /** Capitalized inside the sentence: `May` there is the month, not the modal. */
  readonly capital?: boolean;
  readonly xpos?: string;
}

/** Tense of one surface word in context (`next` is the following word); undefined when it says nothing. */
function surfaceTense(words: readonly Word[], i: number): Tense | undefined {
  const w = words[i]!.text;
  const next = words[i + 1]?.text;
  const prev = words[i - 1]?.text;
  if (FUTURE_WORDS.has(w)) return 'future';
  if (OTHER_MODALS.has(w) && !words[i]!.capital) return next === 'have' ? 'past' : 'future';
  // `to be held on October 12`: an infinitive looks ahead.
  if (w === 'be' && prev === 'to') return 'future';
  if (PLAN_WORDS.has(w) && next === 'to') return 'future';
  if (FUTURE_PARTICIPLES.has(w) && prev !== 'the' && prev !== 'a' && prev !== 'an') return 'future';
  if (prev !== undefined && PASSIVE_AUX.has(prev) && (w.endsWith('ed') || PAST_IRREGULAR.has(w))) {
    // a passive participle: its auxiliary (`will be finalized`, `was signed`) decides
    if (w.endsWith('ed') || prev === 'be' || prev === 'been' || prev === 'being') return undefined;
  }
  if (PAST_IRREGULAR.has(w)) return 'past';
  if (w.length > 4 && w.endsWith('ed') && !w.includes('-') && !ED_NOT_VERBS.has(w) && prev !== 'the' && prev !== 'a' && prev !== 'an') return 'past';
  if (PRESENT_WORDS.has(w)) {
    if ((w === 'is' || w === 'are' || w === "'s" || w === '’s') && (next === 'to' || next === 'going')) return 'future';
    if (PERFECT_AUX.has(w) && next === 'been' && FUTURE_PARTICIPLES.has(words[i + 2]?.text ?? '')) return 'future';
    if (PERFECT_AUX.has(w) && next !== undefined && (next.endsWith('ed') || PAST_IRREGULAR.has(next) || next === 'been')) return 'past';
    if (w === "'s" || w === '’s') return undefined; // possessive more often than `is`
    return 'present';
  }
  return undefined;
}

/** Tense of a tagged token in context; undefined when it is not a finite verb that decides. */
function taggedTense(words: readonly Word[], i: number): Tense | undefined {
  const { text: w, xpos } = words[i]!;
  if (!xpos) return undefined;
  const next = words[i + 1];
  if (xpos === 'MD') {
    if (FUTURE_WORDS.has(w)) return 'future';
    if (OTHER_MODALS.has(w)) return next?.text === 'have' ? 'past' : 'future';
    return undefined;
  }
  if (!xpos.startsWith('VB')) return undefined;
  if (PLAN_WORDS.has(w) && next?.text === 'to') return 'future';
  if (FUTURE_PARTICIPLES.has(w) && xpos === 'VBN') return 'future';
  if (xpos === 'VBD') return (w === 'was' || w === 'were') && next?.text === 'going' ? 'future' : 'past';
  if (xpos === 'VBZ' || xpos === 'VBP') {
    if (PERFECT_AUX.has(w) || w === "'s" || w === '’s') {
      // `has said`: the present perfect reports a past event.
      for (let j = i + 1; j < Math.min(words.length, i + 4); j++) {
        const x = words[j]!.xpos;
        if (x === 'VBN') return 'past';
        if (x && x.startsWith('VB')) break;
      }
    }
    if (next?.text === 'to' || next?.text === 'going') return 'future';
    return 'present';
  }
  if (xpos === 'VBN') {
    const prev = words[i - 1];
    if (prev && (prev.xpos === 'DT' || prev.xpos === 'JJ' || PASSIVE_AUX.has(prev.text))) return undefined;
    return 'past';
  }
  if (xpos === 'VB' && w === 'be' && words[i - 1]?.text === 'to') return 'future';
  return undefined;
}

/** Nearest deciding word: left of the timex first (the verb it modifies usually precedes it), then right. */
function nearestTense(
  words: readonly Word[],
  leftEnd: number,
  rightStart: number,
  classify: (words: readonly Word[], i: number) => Tense | undefined,
): Tense | undefined {
  let left: Tense | undefined;
  let leftDist = Infinity;
  for (let i = leftEnd - 1, d = 1; i >= 0 && d <= 15; i--, d++) {
    const w = words[i]!.text;
    if (w === ';' || w === ':') break;
    const t = classify(words, i);
    if (t) {
      left = t;
      leftDist = d;
      break;
    }
  }
  let right: Tense | undefined;
  let rightDist = Infinity;
  for (let i = rightStart, d = 1; i < words.length && d <= 15; i++, d++) {
    const w = words[i]!.text;
    if (w === ';' || w === ':') break;
    const t = classify(words, i);
    if (t) {
      right = t;
      rightDist = d;
      break;
    }
  }
  // A timex that opens its clause (`On Thursday, talks … will turn`) belongs to the verb after it.
  if (left && right && leftDist > rightDist + 6) return right;
  return left ?? right;
}

const WORD_RE = /[\p{L}\p{N}]+(?:[’'.-][\p{L}\p{N}]+)*|['’](?:ll|s|d|ve)\b|[;:]/gu;

function surfaceWords(text: string, from: number, to: number, span: Span): { words: Word[]; left: number; right: number } {
  const words: Word[] = [];
  let left = 0;
  let right = 0;
  WORD_RE.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = WORD_RE.exec(text)) !== null && m.index < to) {
    const end = m.index + m[0].length;
    if (end <= span.start) left = words.length + 1;
    if (m.index < span.end) right = words.length + 1;
    const capital = m.index > from && words.length > 0 && m[0].charCodeAt(0) >= 65 && m[0].charCodeAt(0) <= 90;
    words.push(capital ? { text: m[0].toLowerCase(), capital } : { text: m[0].toLowerCase() });
  }
  return { words, left, right };
}

function tokenWords(doc: Document, tokens: readonly Token[], span: Span): { words: Word[]; left: number; right: number } {
  let left = 0;
  let right = 0;
  const words = tokens.map((t, i) => {
    if (t.end <= span.start) left = i + 1;
    if (t.start < span.end) right = i + 1;
    return { text: doc.text.slice(t.start, t.end).toLowerCase(), ...(t.xpos ? { xpos: t.xpos } : {}) };
  });
  return { words, left, right };
}

/** Follow the dependency tree from the timex up to the verb it modifies and read that verb's tense. */
function depsTense(tokens: readonly Token[], words: readonly Word[], left: number, right: number): Tense | undefined {
  for (let i = left; i < right; i++) {
    let h = tokens[i]!.head;
    let guard = 0;
    while (h !== undefined && h > 0 && guard++ < 20) {
      const idx = h - 1;
      const tok = tokens[idx];
      if (!tok) break;
      if (idx < left || idx >= right) {
        const x = tok.xpos ?? '';
        if (x.startsWith('VB') || tok.upos === 'VERB' || tok.upos === 'AUX') {
          // the verb's own auxiliaries decide (`will turn`, `has said`), then the verb itself
          for (let j = 0; j < tokens.length; j++) {
            const aux = tokens[j]!;
            if (aux.head === idx + 1 && (aux.deprel === 'aux' || aux.deprel === 'aux:pass')) {
              const t = taggedTense(words, j);
              if (t) return t;
            }
          }
          if (tok.deprel === 'xcomp' && tok.head) {
            const governor = words[tok.head - 1];
            if (governor && PLAN_WORDS.has(governor.text)) return 'future';
          }
          return taggedTense(words, idx);
        }
      }
      h = tok.head;
    }
  }
  return undefined;
}

/** The tense that governs a time expression, and what it was read from. */
export function tenseAt(doc: Document, span: Span): TenseInfo {
  const si = sentenceAt(doc, span.start);
  if (si < 0) return UNKNOWN;
  const sentence = doc.sentences[si]!;
  const tokens = sentenceTokens(doc, si);
  if (tokens.length > 0 && tokens.some((t) => t.xpos !== undefined)) {
    if (tokens.some((t) => t.head !== undefined && t.deprel !== undefined)) {
      const { words, left, right } = tokenWords(doc, tokens, span);
      const t = depsTense(tokens, words, left, right);
      if (t) return { tense: t, basis: 'deps' };
    }
    // the nearest-verb search looks at most 15 words each way: only map that neighbourhood
    const first = Math.max(0, tokens.findIndex((t) => t.end > span.start) - 16);
    const near = tokens.slice(first, first + 40);
    const { words, left, right } = tokenWords(doc, near, span);
    const t = nearestTense(words, left, right, taggedTense);
    return t ? { tense: t, basis: 'xpos' } : UNKNOWN;
  }
  const from = Math.max(sentence.start, span.start - 160);
  const to = Math.min(sentence.end, span.end + 160);
  const { words, left, right } = surfaceWords(doc.text, from, to, span);
  const t = nearestTense(words, left, right, surfaceTense);
  return t ? { tense: t, basis: 'surface' } : UNKNOWN;
}

/** Which way a tense looks from the reference date: -1 back, 1 forward, 0 nearest. */
export function direction(tense: Tense): -1 | 0 | 1 {
  if (tense === 'past') return -1;
  if (tense === 'future' || tense === 'present') return 1;
  return 0;
}

/**
 * The day a weekday names. `last`/`next` skip the reference day itself; `this` stays in its week;
 * a bare weekday goes back for the past tense, forward for the future and the present (news
 * present tense is mostly scheduled: `meets on Friday`), to the nearest day otherwise.
 */
export function anchorWeekday(ref: Ymd, weekday: number, shift: -1 | 0 | 1 | undefined, tense: Tense): Ymd {
  if (shift === -1) return weekdayFrom(addDays(ref, -1), weekday, -1);
  if (shift === 1) return weekdayFrom(addDays(ref, 1), weekday, 1);
  if (shift === 0) return weekdayInWeek(ref, weekday, 0);
  const dir = direction(tense);
  if (dir === 0) return weekdayNearest(ref, weekday);
  return weekdayFrom(ref, weekday, dir);
}

/**
 * The year of a month (and day) given without one: the latest one not after the reference date
 * in the past tense, the earliest one not before it in the future, the nearest one otherwise.
 */
export function anchorYear(ref: Ymd, month: number, day: number | undefined, tense: Tense): number {
  const dir = direction(tense);
  const cmp = month !== ref.month ? month - ref.month : day === undefined ? 0 : day - ref.day;
  if (dir < 0) return cmp > 0 ? ref.year - 1 : ref.year;
  if (dir > 0) return cmp < 0 ? ref.year + 1 : ref.year;
  const d = day ?? 15;
  const refDay = toDayNumber(ref);
  let best = ref.year;
  let bestDist = Infinity;
  for (const y of [ref.year - 1, ref.year, ref.year + 1]) {
    const dist = Math.abs(toDayNumber({ year: y, month, day: Math.min(d, 28) }) - refDay);
    if (dist < bestDist) {
      bestDist = dist;
      best = y;
    }
  }
  return best;
}
