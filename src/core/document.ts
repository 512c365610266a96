/**
 * The document model: one immutable text, its metadata, and stand-off annotation layers.
 * Offsets are UTF-16 code-unit indices into `text`, half-open: `text.slice(start, end)`.
 * The serialized shape is the contract in docs/output.md (schema `dateline.document/1`).
 */

export const SCHEMA_VERSION = 'dateline.document/1';

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Every annotation says which stage made it (`time@1`) and, where estimated, how sure it is. */
export interface Provenance {
  readonly source?: string;
  readonly confidence?: number;
}

export interface Dateline extends Span {
  readonly place?: string;
  /** ISO 3166-1 alpha-3 code when the place is a known city or country. */
  readonly country?: string;
  readonly date?: string;
  readonly agencies: readonly string[];
}

export type ReferenceBasis = 'dateline' | 'published' | 'option' | 'none';

export interface DocumentMeta {
  readonly title?: string;
  readonly url?: string;
  readonly file?: string;
  /** 1-based line in `file` for multi-record inputs (JSONL, CSV). */
  readonly line?: number;
  readonly format?: InputFormat;
  readonly published?: string;
  readonly dateline?: Dateline;
  /** The anchor for relative time expressions; absent when `referenceBasis` is `none`. */
  readonly referenceDate?: string;
  readonly referenceBasis: ReferenceBasis;
  readonly language?: string;
}

export type InputFormat = 'text' | 'jsonl' | 'csv' | 'html' | 'json';

export interface Sentence extends Span, Provenance {
  /** Index of the sentence's first token in the `tokens` layer (internal; not serialized). */
  readonly tokenStart?: number;
  /** Index one past the sentence's last token (internal; not serialized). */
  readonly tokenEnd?: number;
  /** Paragraph index (0-based) the sentence belongs to (internal; not serialized). */
  readonly paragraph?: number;
}

export interface Token extends Span {
  readonly upos?: string;
  readonly xpos?: string;
  readonly lemma?: string;
  /** 1-based index of the head within the sentence; 0 = root. */
  readonly head?: number;
  readonly deprel?: string;
  /** Index of the sentence the token belongs to (internal; not serialized). */
  readonly sentence?: number;
}

export type EntityType = 'PERSON' | 'ORG' | 'GPE' | 'LOC' | 'NORP' | 'FAC' | 'EVENT';
export type MentionKind = 'name' | 'demonym' | 'nominal' | 'pronoun';

export interface Mention extends Span {
  readonly kind: MentionKind;
  /** The mention's own actor code when it differs from the entity's (Baghdad as an agent: IRQGOV). */
  readonly code?: string;
}

export interface Geo {
  readonly lat: number;
  readonly lon: number;
  readonly geonameid?: number;
}

export interface Entity extends Provenance {
  readonly id: string;
  readonly name: string;
  readonly type: EntityType;
  readonly code?: string;
  readonly country?: string;
  readonly role?: string;
  readonly geo?: Geo;
  /** Corpus-wide join key (same actor in two articles), e.g. `IGONAT` or `person:jens-stoltenberg`. */
  readonly key?: string;
  readonly mentions: readonly Mention[];
}

export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

export interface Timex extends Span, Provenance {
  readonly id: string;
  readonly type: TimexType;
  readonly value: string;
  /** What a relative value was computed from: `referenceDate`, `tense:past`, `t3` (another timex)… */
  readonly anchor?: string;
  /** TIMEX3 mod: START, MID, END, APPROX, BEFORE, AFTER… */
  readonly mod?: string;
}

export type QuoteKind = 'direct' | 'indirect' | 'mixed';

export interface Quote extends Span, Provenance {
  readonly id: string;
  readonly kind: QuoteKind;
  readonly cue?: Span;
  /** Entity id of the speaker; absent when unknown. */
  readonly speaker?: string;
  readonly speakerMention?: Span;
  readonly anonymous?: boolean;
  /** True when the quote has no cue of its own and continues the previous speaker. */
  readonly continuation?: boolean;
  readonly date?: string;
}

export interface Modality {
  readonly negated: boolean;
  readonly future: boolean;
  readonly conditional: boolean;
  readonly hypothetical: boolean;
}

export type DateBasis = 'timex' | 'reference' | 'none';

/**
 * An event. Its `source` is the source actor list (OUTPUT.md), so the stage that made it is in
 * `stage` (e.g. `events@1`) rather than in `source` as on other annotations.
 */
export interface EventRecord {
  readonly stage?: string;
  readonly confidence?: number;
  readonly id: string;
  readonly trigger: Span;
  readonly source: readonly string[];
  readonly target: readonly string[];
  readonly sourceCodes?: readonly string[];
  readonly targetCodes?: readonly string[];
  readonly cameo: string;
  readonly root: string;
  readonly plover?: string;
  readonly ploverMode?: string;
  readonly quadClass: number;
  readonly goldstein: number;
  readonly date?: string;
  readonly dateBasis: DateBasis;
  /** Entity id of the place where the event happened. */
  readonly location?: string;
  readonly modality: Modality;
  readonly condition?: Span;
  readonly quote?: string;
  readonly sentence: number;
}

export interface DocError {
  readonly code: string;
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
}

export interface Document {
  readonly schema: typeof SCHEMA_VERSION;
  readonly id: string;
  readonly text: string;
  readonly meta: DocumentMeta;
  readonly sentences: readonly Sentence[];
  readonly tokens: readonly Token[];
  readonly entities: readonly Entity[];
  readonly timexes: readonly Timex[];
  readonly quotes: readonly Quote[];
  readonly events: readonly EventRecord[];
  readonly errors?: readonly DocError[];
}

/** The layers a stage may fill. */
export type LayerName = 'sentences' | 'tokens' | 'entities' | 'timexes' | 'quotes' | 'events';

export interface NewDocument {
  readonly id: string;
  readonly text: string;
  readonly meta: DocumentMeta;
}

/** A document with only text and meta: every layer empty. */
export function createDocument(init: NewDocument): Document {
  return deepFreeze({
    schema: SCHEMA_VERSION,
    id: init.id,
    text: init.text,
    meta: init.meta,
    sentences: [],
    tokens: [],
    entities: [],
    timexes: [],
    quotes: [],
    events: [],
  });
}

/** A new document sharing `doc`'s text and meta with some layers replaced. The input is not changed. */
export function withLayers(doc: Document, layers: Partial<Pick<Document, LayerName | 'errors'>>): Document {
  return deepFreeze({ ...doc, ...layers });
}

/** Freeze an object graph so stages cannot mutate a document they were given. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    if (Array.isArray(value)) {
      // Layers are arrays of thousands of tokens: an index loop spares Object.keys' array of key strings.
      for (let i = 0; i < value.length; i++) deepFreeze(value[i] as unknown);
    } else {
      for (const key of Object.keys(value as object)) deepFreeze((value as Record<string, unknown>)[key]);
    }
  }
  return value;
}

/** The surface string of a span. */
export function surface(doc: { readonly text: string }, span: Span): string {
  return doc.text.slice(span.start, span.end);
}

/** Tokens of sentence `i`, or an empty array when the token layer is absent. */
export function sentenceTokens(doc: Document, i: number): readonly Token[] {
  const s = doc.sentences[i];
  if (!s || s.tokenStart === undefined || s.tokenEnd === undefined) return [];
  return doc.tokens.slice(s.tokenStart, s.tokenEnd);
}

/** Index of the sentence containing offset `pos` (binary search), or -1. */
export function sentenceAt(doc: Document, pos: number): number {
  let lo = 0;
  let hi = doc.sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = doc.sentences[mid]!;
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
