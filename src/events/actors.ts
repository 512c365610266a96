/**
 * Actor mentions as the event coder sees them: every entity mention with its entity id, actor code
 * and type, indexed by the sentence tokens it covers.
 */
import type { Document, EntityType, MentionKind } from '../core/document.ts';
import type { SentenceView } from './syntax.ts';

export interface ActorMention {
  readonly entity: string;
  readonly start: number;
  readonly end: number;
  readonly kind: MentionKind;
  readonly type: EntityType;
  /** The mention's own code, else its entity's, else its entity's country. */
  readonly code?: string;
  /** First and last token index (within the sentence) the mention covers. */
  readonly first: number;
  readonly last: number;
}

export const PLACE_TYPES: ReadonlySet<EntityType> = new Set<EntityType>(['GPE', 'LOC', 'FAC']);

export interface MentionIndex {
  /** All mentions in the sentence, by start. */
  readonly all: readonly ActorMention[];
  /** Mentions covering each token, outermost (longest) first. */
  readonly byToken: readonly (readonly ActorMention[])[];
}

interface FlatMention {
  readonly entity: string;
  readonly start: number;
  readonly end: number;
  readonly kind: MentionKind;
  readonly type: EntityType;
  readonly code?: string;
}

/** All mentions of a document sorted by start (computed once per document). */
export function flattenMentions(doc: Document): FlatMention[] {
  const out: FlatMention[] = [];
  for (const e of doc.entities) {
    for (const m of e.mentions) {
      const code = m.code ?? e.code ?? e.country;
      out.push({ entity: e.id, start: m.start, end: m.end, kind: m.kind, type: e.type, ...(code ? { code } : {}) });
    }
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

export function indexMentions(v: SentenceView, mentions: readonly FlatMention[]): MentionIndex {
  const byToken: ActorMention[][] = v.tokens.map(() => []);
  const all: ActorMention[] = [];
  // Mentions are sorted by start: skip to the sentence by binary search.
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid]!.start < v.start) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < mentions.length && mentions[k]!.start < v.end; k++) {
    const m = mentions[k]!;
    if (m.end > v.end) continue;
    let first = -1;
    let last = -1;
    for (let i = 0; i < v.tokens.length; i++) {
      const t = v.tokens[i]!;
      if (t.end > m.start && t.start < m.end) {
        if (first < 0) first = i;
        last = i;
      }
    }
    if (first < 0) continue;
    const am: ActorMention = { ...m, first, last };
    all.push(am);
    for (let i = first; i <= last; i++) byToken[i]!.push(am);
  }
  for (const list of byToken) list.sort((a, b) => b.end - b.start - (a.end - a.start));
  return { all, byToken };
}

/** The outermost mention covering token `i` and lying inside [lo, hi] (token indices), if any. */
export function mentionAt(ix: MentionIndex, i: number, lo = 0, hi = Number.MAX_SAFE_INTEGER): ActorMention | undefined {
  return ix.byToken[i]?.find((m) => m.first >= lo && m.last <= hi);
}

/** Actor list for event output: entity ids and codes, without duplicates. */
export function actorLists(mentions: readonly ActorMention[]): { ids: string[]; codes: string[] } {
  const ids: string[] = [];
  const codes: string[] = [];
  const seen = new Set<string>();
  for (const m of mentions) {
    if (seen.has(m.entity)) continue;
    seen.add(m.entity);
    // Actors the fallback coded from the dictionaries have no entity: a code, no id.
    if (!m.entity.startsWith('#')) ids.push(m.entity);
    if (m.code && !codes.includes(m.code)) codes.push(m.code);
  }
  return { ids, codes };
}

/** Actors already in a role, to keep out of the other one. */
export interface ActorSet {
  has(m: ActorMention): boolean;
}

/**
 * The same actor: the same entity, unless the mention has a more specific code of its own ("Serbian
 * authorities" SRBGOV after "Serbia" SRB: one entity for the entity layer, two actors). A pronoun, or
 * a bare country after its government ("French" after "a French minister"), is the same actor.
 */
export function actorSet(ms: readonly ActorMention[]): ActorSet {
  return {
    has: (m) => ms.some((s) => s.entity === m.entity && (m.kind === 'pronoun' || !m.code || !s.code || s.code.startsWith(m.code))),
  };
}
