/**
 * What an event is attached to besides its actors: the time expression of its clause, the place
 * it happened, and the quote it is known from.
 */
import type { Document, Quote, Timex } from '../core/document.ts';
import { PLACE_TYPES, type MentionIndex, type ActorMention } from './actors.ts';
import { LOCATIVE_PREPS } from './roles.ts';
import { baseRel, childrenWith, shallowClause, type SentenceView } from './syntax.ts';

const DATE_VALUE = /^(\d{4})(-(\d{2}|W\d{2}|Q[1-4]|SU|SP|FA|WI|H[12]))?(-\d{2})?/;

/** A timex value usable as an event date (`2020-01`, `2020-02-12`); null for durations, sets, PRESENT_REF… */
export function eventDateValue(t: Timex): string | null {
  if (t.type !== 'DATE' && t.type !== 'TIME') return null;
  const m = DATE_VALUE.exec(t.value);
  return m ? m[0] : null;
}

export interface SentenceTimex {
  readonly timex: Timex;
  readonly value: string;
  readonly first: number;
  readonly last: number;
  /** The token the timex attaches to (dependency path), else -1. */
  readonly anchor: number;
}

export function sentenceTimexes(doc: Document, v: SentenceView): SentenceTimex[] {
  const out: SentenceTimex[] = [];
  for (const t of doc.timexes) {
    if (t.start < v.start || t.end > v.end) continue;
    const value = eventDateValue(t);
    if (!value) continue;
    let first = -1;
    let last = -1;
    v.tokens.forEach((tok, i) => {
      if (tok.end > t.start && tok.start < t.end) {
        if (first < 0) first = i;
        last = i;
      }
    });
    if (first < 0) continue;
    let anchor = -1;
    if (v.hasDeps) {
      for (let i = first; i <= last; i++) {
        const h = v.head[i]!;
        if (h < first || h > last) {
          anchor = h;
          break;
        }
      }
    }
    out.push({ timex: t, value, first, last, anchor });
  }
  return out;
}

/**
 * The timex of an event anchored at `anchors` (trigger, governor, complement): one attached to them,
 * else (for an event noun) one attached to the verb the noun depends on.
 */
export function attachTimex(v: SentenceView, timexes: readonly SentenceTimex[], anchors: readonly number[], noun: boolean): SentenceTimex | null {
  if (timexes.length === 0) return null;
  if (v.hasDeps) {
    // A verb's own timex, else that of the verb it is the complement of ("called last month for X to play").
    const verbTimex = (start: number): SentenceTimex | null => {
      let k = start;
      for (let hops = 0; hops < 4 && k >= 0; hops++) {
        const found = timexes.find((t) => t.anchor === k);
        if (found) return found;
        const rel = baseRel(v.deprel[k]!);
        const toMark = childrenWith(v, k, ['mark']).some((m) => v.upper[m] === 'TO');
        // A conjoined verb without a timex of its own shares its first conjunct's ("voted last month … and violated").
        if (!(rel === 'xcomp' || rel === 'conj' || (rel === 'advcl' && toMark))) return null;
        k = v.head[k]!;
      }
      return null;
    };
    for (const a of anchors) {
      const found = noun && a === anchors[0] ? timexes.find((t) => t.anchor === a) : verbTimex(a);
      if (found) return found;
    }
    if (noun) {
      // Climb from the noun to the verb of its clause ("voted last month … in protest at the assassination").
      let k = v.head[anchors[0]!] ?? -1;
      for (let hops = 0; hops < 6 && k >= 0; hops++) {
        if (v.upos[k] === 'VERB') return verbTimex(k);
        const found = timexes.find((t) => t.anchor === k);
        if (found) return found;
        k = v.head[k]!;
      }
    }
    return null;
  }
  const t = anchors[0]!;
  const { first, last } = shallowClause(v, t);
  let best: SentenceTimex | null = null;
  let dist = Infinity;
  for (const x of timexes) {
    if (x.first < first || x.last > last) continue;
    const d = x.first > t ? x.first - t : t - x.last;
    if (d < dist) {
      dist = d;
      best = x;
    }
  }
  return best;
}

const LOCATION_SKIP = ['nsubj', 'csubj', 'advcl', 'parataxis', 'ccomp', 'conj', 'punct', 'acl:relcl'];

/** Nouns that name a place by their modifier ("on Iraqi soil", "in the Syrian capital"). */
const PLACE_NOUNS = new Set(['SOIL', 'TERRITORY', 'LAND', 'WATERS', 'AIRSPACE', 'BORDER', 'CAPITAL', 'CITY', 'TOWN', 'VILLAGE', 'REGION', 'PROVINCE', 'STATE', 'COUNTRY', 'PORT', 'COAST', 'DISTRICT', 'AREA', 'ZONE']);

/** The place a locative phrase headed by `c` names: a place mention on its head, or on a modifier of a place noun. */
function placeOf(v: SentenceView, ix: MentionIndex, c: number, prep: string): ActorMention | undefined {
  const own = ix.byToken[c]?.find((mm) => PLACE_TYPES.has(mm.type));
  const viaModifier = (): ActorMention | undefined => {
    if (!PLACE_NOUNS.has(v.lemma[c]!) && !PLACE_NOUNS.has(v.upper[c]!)) return undefined;
    for (const k of childrenWith(v, c, ['amod', 'compound', 'nmod:poss', 'nmod'])) {
      const m = ix.byToken[k]?.find((mm) => PLACE_TYPES.has(mm.type));
      if (m) return m;
    }
    return undefined;
  };
  const m = own ?? viaModifier();
  // "protest at the US" names a target, not a place: "at" locates only at places that are not countries.
  if (m && prep === 'AT' && m.type === 'GPE') return undefined;
  return m;
}

/** The place an event happened: a place mention inside a locative phrase of the trigger ("on Iraqi soil", "in Syria"). */
export function attachLocation(v: SentenceView, ix: MentionIndex, anchors: readonly number[]): ActorMention | undefined {
  if (v.hasDeps) {
    for (const a of anchors) {
      const queue = [a];
      const seen = new Set<number>(queue);
      const depth = new Map<number, number>([[a, 0]]);
      while (queue.length > 0) {
        const k = queue.shift()!;
        // A place three phrases down belongs to something else ("… in protest at the assassination of X on Iraqi soil").
        if ((depth.get(k) ?? 0) >= 3) continue;
        for (const c of (v.children[k] ?? []).slice().sort((x, y) => x - y)) {
          if (seen.has(c)) continue;
          seen.add(c);
          const rel = v.deprel[c]!;
          if (k === a && (LOCATION_SKIP.includes(rel) || LOCATION_SKIP.includes(baseRel(rel)))) continue;
          if (baseRel(rel) === 'acl' && rel !== 'acl') continue;
          const prep = childrenWith(v, c, ['case']).map((p) => v.upper[p]!)[0];
          if (prep !== undefined && LOCATIVE_PREPS.has(prep)) {
            const m = placeOf(v, ix, c, prep);
            if (m) return m;
          }
          // Places inside another clause ("in promoting goals in the Middle East") belong to that clause.
          if (v.upos[c] !== 'VERB') {
            depth.set(c, (depth.get(k) ?? 0) + 1);
            queue.push(c);
          }
        }
      }
    }
    return undefined;
  }
  const t = anchors[0]!;
  const { last } = shallowClause(v, t);
  for (let k = t + 1; k <= last; k++) {
    if (!LOCATIVE_PREPS.has(v.upper[k]!)) continue;
    for (let j = k + 1; j <= Math.min(last, k + 4); j++) {
      if ((v.hasPos && (v.upos[j] === 'VERB' || v.upos[j] === 'ADP')) || v.upper[j] === ',') break;
      const m = ix.byToken[j]?.find((mm) => PLACE_TYPES.has(mm.type));
      // "protest at the US" names a target, not a place: "at" locates only at places that are not countries.
      if (m && !(v.upper[k] === 'AT' && m.type === 'GPE')) return m;
      if (m) break;
    }
  }
  return undefined;
}

/** The quote whose content holds offset `pos` (innermost when quotes nest). */
export function quoteAtOffset(quotes: readonly Quote[], pos: number): Quote | undefined {
  let best: Quote | undefined;
  for (const q of quotes) {
    if (q.start <= pos && pos < q.end && (!best || q.end - q.start < best.end - best.start)) best = q;
  }
  return best;
}
