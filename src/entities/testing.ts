/**
 * Test support: documents with hand-made tokens and sentences, and a small gazetteer built from the
 * repo's lexical resources plus dictionary snippets given by the test (no large files are read).
 */
import { createDocument, deepFreeze, type Document, type Sentence, type Token } from '../core/document.ts';
import {
  buildGazetteer,
  readCountries,
  readLexicalSources,
  type City,
  type Gazetteer,
  type GazetteerSources,
} from './gazetteer/index.ts';

/** Split text into sentences at . ! ? and into tokens (words, possessive 's, punctuation). */
export function makeDoc(text: string, referenceDate?: string): Document {
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  const re = /[\p{L}\p{N}][\p{L}\p{N}.\-]*?(?=['’]s\b|[^\p{L}\p{N}.\-]|\.(?:\s|$)|$)|['’]s\b|[^\s\p{L}\p{N}]/gu;
  let sStart = -1;
  let tStart = 0;
  for (const m of text.matchAll(re)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (sStart < 0) {
      sStart = start;
      tStart = tokens.length;
    }
    tokens.push({ start, end, sentence: sentences.length });
    if (/^[.!?]$/.test(m[0])) {
      sentences.push({ start: sStart, end, tokenStart: tStart, tokenEnd: tokens.length });
      sStart = -1;
    }
  }
  if (sStart >= 0) sentences.push({ start: sStart, end: text.length, tokenStart: tStart, tokenEnd: tokens.length });
  const base = createDocument({
    id: 'test',
    text,
    meta: referenceDate ? { referenceDate, referenceBasis: 'option' } : { referenceBasis: 'none' },
  });
  return deepFreeze({ ...base, tokens, sentences });
}

export function city(name: string, country: string, population: number, lat: number, lon: number, geonameid: number, feature = 'PPL'): City {
  return { geonameid, name, country, lat, lon, population, feature, admin1: '' };
}

let lexical: GazetteerSources | undefined;

/** A gazetteer with the real countries, titles, names… and the given actor/agent dictionary text. */
export function smallGazetteer(parts: { actors?: string; agents?: string; cities?: readonly City[] } = {}): Gazetteer {
  lexical ??= { ...readLexicalSources(), countries: readCountries() };
  return buildGazetteer({
    ...lexical,
    actorFiles: parts.actors ? [{ text: parts.actors, file: 'test.actors.txt' }] : [],
    ...(parts.agents ? { agentsText: parts.agents } : {}),
    ...(parts.cities ? { cities: parts.cities } : {}),
  });
}
