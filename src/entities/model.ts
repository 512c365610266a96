import type { EntityType, Geo, MentionKind } from '../core/document.ts';
import type { Admin, City, Country, Region, Title } from './gazetteer/index.ts';
import type { ActorRecord } from './gazetteer/tabari.ts';
import type { Word } from './words.ts';

/** What a proposed name mention denotes, before clustering. */
export type Denotation =
  | { readonly kind: 'country'; readonly country: Country }
  | { readonly kind: 'demonym'; readonly country: Country }
  | { readonly kind: 'city'; readonly cities: readonly City[]; readonly country?: string }
  | { readonly kind: 'place'; readonly country: string; readonly record?: ActorRecord; readonly admin?: Admin }
  | { readonly kind: 'region'; readonly region: Region }
  | { readonly kind: 'actor'; readonly record: ActorRecord; readonly type: EntityType }
  | { readonly kind: 'person' }
  | { readonly kind: 'other'; readonly type: EntityType };

/** A mention proposal over the words of one sentence. */
export interface Candidate {
  readonly sentence: number;
  /** Word range in the sentence, end exclusive. */
  readonly w0: number;
  readonly w1: number;
  readonly start: number;
  readonly end: number;
  readonly denotes: Denotation;
  readonly source: 'dict' | 'gazetteer' | 'ner' | 'title' | 'names' | 'dateline';
  readonly confidence: number;
  /** Title words before a person's name ("Secretary General"), outside [w0, w1). */
  readonly title?: { readonly w0: number; readonly titles: readonly Title[]; readonly country?: string };
}

export interface WorkMention {
  start: number;
  end: number;
  sentence: number;
  w0: number;
  w1: number;
  kind: MentionKind;
  code?: string;
  /** The mention is the grammatical subject (or the agent) of its clause. */
  subject: boolean;
  confidence: number;
}

export type EntityClass = 'country' | 'city' | 'place' | 'region' | 'person' | 'org' | 'norp' | 'agent' | 'other';

export interface WorkEntity {
  cls: EntityClass;
  type: EntityType;
  name: string;
  mentions: WorkMention[];
  country?: string;
  countryRec?: Country;
  cities?: readonly City[];
  region?: Region;
  admin?: Admin;
  record?: ActorRecord;
  gender?: 'm' | 'f';
  /** Person name words (upper case), for surname matching. */
  nameWords?: readonly string[];
  titles: Title[];
  /**
   * Country (alpha-3) stated with the title: "President of Argentina X", "King X of Jordan". It beats
   * a dictionary namesake coded for another country.
   */
  statedCountry?: string;
  /** Country (alpha-3) or organisation code given by a modifier of a title ("US Ambassador"). */
  affiliation?: string;
  /** The entity named in an apposition or before the title ("the Dutch prime minister" → the Netherlands). */
  affiliationEntity?: WorkEntity;
  /** For agent entities: the sector code (LEG, MIL…) and the head words. */
  agent?: string;
  agentHead?: string;
  code?: string;
  role?: string;
  geo?: Geo;
  confidence: number;
  sources: Set<string>;
}

export interface SentenceView {
  readonly index: number;
  readonly words: readonly Word[];
  readonly keys: readonly string[];
}

/** Everything the refiners share while one document is analysed. */
export interface Workspace {
  readonly text: string;
  readonly date?: string;
  readonly views: readonly SentenceView[];
  readonly entities: WorkEntity[];
}

/** Add a mention unless the entity already has one at that exact span. */
export function addMention(e: WorkEntity, m: WorkMention): boolean {
  if (e.mentions.some((x) => x.start === m.start && x.end === m.end)) return false;
  e.mentions.push(m);
  return true;
}

/** Every mention in the document at a span, with its entity. */
export function mentionsAt(ws: Workspace, start: number, end: number): { entity: WorkEntity; mention: WorkMention }[] {
  const out: { entity: WorkEntity; mention: WorkMention }[] = [];
  for (const entity of ws.entities) {
    for (const mention of entity.mentions) if (mention.start === start && mention.end === end) out.push({ entity, mention });
  }
  return out;
}

/** Lower-case slug for keys: "Angela Merkel" → "angela-merkel". */
const TRANSLIT: Record<string, string> = { ł: 'l', Ł: 'l', ø: 'o', Ø: 'o', æ: 'ae', Æ: 'ae', ß: 'ss', đ: 'd', Đ: 'd', ı: 'i', œ: 'oe', Œ: 'oe', þ: 'th', ð: 'd' };

export function slug(s: string): string {
  return s
    .replace(/[łŁøØæÆßđĐıœŒþð]/g, (c) => TRANSLIT[c] ?? c)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
