import type { EntityType } from '../../core/document.ts';
import { loadNer } from '../ner/index.ts';

/** A span from the trained NER model: token indices within the sentence, end exclusive. */
export interface NerSpan {
  readonly start: number;
  readonly end: number;
  readonly type: EntityType;
  readonly confidence: number;
}

export interface DocumentRecognizer {
  /** Spans for every sentence of a document (one list per sentence). */
  recognizeDocument(sentences: readonly (readonly string[])[], upos?: readonly (readonly string[])[]): readonly (readonly NerSpan[])[];
}

let cached: DocumentRecognizer | null | undefined;

/**
 * The trained NER model (src/entities/ner), loaded once. When its model file cannot be read the
 * stage still works from dictionaries and capitalisation, so a missing model is not fatal here.
 */
export function loadRecognizer(): DocumentRecognizer | undefined {
  if (cached === undefined) {
    try {
      cached = loadNer();
    } catch {
      cached = null;
    }
  }
  return cached ?? undefined;
}
