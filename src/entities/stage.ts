import { withLayers, type Document, type Entity, type Mention } from '../core/document.ts';
import { stageSource, type Stage } from '../core/pipeline.ts';
import { assignCodes } from './actors/codes.ts';
import { resolveAgentNominals, resolveAgents } from './actors/agents.ts';
import { addDatelinePlace, Clusterer } from './coref/cluster.ts';
import { resolveAppositions, resolveDescriptions } from './coref/descriptions.ts';
import { resolvePronouns } from './coref/pronouns.ts';
import { defaultGazetteer, type Gazetteer } from './gazetteer/index.ts';
import { applyDocumentNames } from './display-name.ts';
import { geocode } from './geo/geocode.ts';
import { entityKey } from './key.ts';
import type { Candidate, SentenceView, WorkEntity, Workspace } from './model.ts';
import { dictionaryCandidates, nerCandidates, personCandidates, selectCandidates } from './recognize/candidates.ts';
import { fuzzyCandidates, personNameWords } from './recognize/fuzzy.ts';
import { loadRecognizer, type DocumentRecognizer } from './recognize/ner-adapter.ts';
import { sentenceWords } from './words.ts';

export interface EntitiesStageOptions {
  /** Dictionaries and gazetteers (default: the repo's data/, loaded once on first use). */
  readonly gazetteer?: Gazetteer | (() => Gazetteer);
  /** The NER model; `null` runs on dictionaries and capitalisation only. */
  readonly recognizer?: DocumentRecognizer | null;
}

/**
 * Proposes name mentions (dictionaries, gazetteers, titles, the NER model), clusters them into
 * entities, then refines in document order: codes → descriptions → agents → pronouns → places.
 */
export function extractEntities(doc: Document, gaz: Gazetteer, recognizer: DocumentRecognizer | undefined, source: string): Entity[] {
  const date = doc.meta.referenceDate;
  const views: SentenceView[] = doc.sentences.map((_, i) => {
    const words = sentenceWords(doc, i);
    return { index: i, words, keys: words.map((w) => w.key) };
  });
  const ws: Workspace = { text: doc.text, ...(date ? { date } : {}), views, entities: [] };
  const ctx = { gaz, ...(date ? { date } : {}) };

  let ner: readonly (readonly { start: number; end: number; type: Entity['type']; confidence: number }[])[] | undefined;
  if (recognizer && doc.tokens.length > 0) {
    const sentTokens = doc.sentences.map((s) =>
      s.tokenStart !== undefined && s.tokenEnd !== undefined ? doc.tokens.slice(s.tokenStart, s.tokenEnd) : [],
    );
    const words = sentTokens.map((ts) => ts.map((t) => doc.text.slice(t.start, t.end)));
    const hasPos = doc.tokens.some((t) => t.upos !== undefined);
    ner = recognizer.recognizeDocument(words, hasPos ? sentTokens.map((ts) => ts.map((t) => t.upos ?? 'X')) : undefined);
  }

  const nerRaw = views.map((view) => (ner ? nerCandidates(view, ner[view.index] ?? [], gaz) : []));
  const persons = views.map((view) => personCandidates(ctx, view));
  // Misspelt names are re-read only when they are no word of a person named in the document.
  const personWords = ner ? personNameWords([...nerRaw, ...persons], [...views, ...views]) : new Set<string>();
  const selected: Candidate[][] = views.map((view) => {
    const fromNer = ner ? fuzzyCandidates(gaz, view, nerRaw[view.index]!, personWords, date) : [];
    const fromDict = dictionaryCandidates(ctx, view).filter((c) => !ner || nerSupportsCity(c, fromNer));
    return selectCandidates([...fromDict, ...persons[view.index]!, ...fromNer]);
  });

  const clusterer = new Clusterer(ws, gaz);
  const dl = doc.meta.dateline;
  if (dl?.place) {
    const at = doc.text.indexOf(dl.place, dl.start);
    if (at >= 0 && at < dl.end) addDatelinePlace(ws, gaz, clusterer, dl.place, at, dl.country);
  }
  views.forEach((view, i) => {
    for (const c of selected[i]!) {
      clusterer.add(view, c);
      clusterer.addNestedCountries(view, c);
    }
  });
  // Words inside a selected name, per sentence (looked up for every word by the refiners).
  const coveredMask = views.map((view, i) => {
    const mask = new Uint8Array(view.words.length + 1);
    for (const c of selected[i]!) for (let w = Math.max(0, c.w0); w < c.w1 && w < mask.length; w++) mask[w] = 1;
    return mask;
  });
  const covered = (sentence: number, w: number): boolean => w >= 0 && coveredMask[sentence]![w] === 1;
  for (const view of views) clusterer.addSurnames(view, covered);

  for (const view of views) resolveAppositions(ws, gaz, view);
  assignCodes(ws, gaz);
  for (const view of views) {
    const inNames = (w: number): boolean => covered(view.index, w);
    resolveDescriptions(ws, gaz, view);
    resolveAgents(ws, gaz, view, inNames);
    resolveAgentNominals(ws, gaz, view, inNames);
    resolvePronouns(ws, view);
  }
  geocode(ws, gaz, dl?.country);
  applyDocumentNames(ws, gaz);
  return toEntities(ws.entities, source);
}

/**
 * A city name found only in the gazetteer ("in March", "on Street…") is kept when the NER model also
 * sees a place there, or when it is a very large city.
 */
function nerSupportsCity(c: Candidate, fromNer: readonly Candidate[]): boolean {
  if (c.source !== 'gazetteer' || c.denotes.kind !== 'city') return true;
  if ((c.denotes.cities[0]?.population ?? 0) >= 1_000_000) return true;
  return fromNer.some(
    (n) => n.w0 < c.w1 && c.w0 < n.w1 && n.denotes.kind === 'other' && ['GPE', 'LOC', 'FAC'].includes(n.denotes.type),
  );
}

function toEntities(work: readonly WorkEntity[], source: string): Entity[] {
  const kept = work
    .filter((e) => e.mentions.length > 0)
    .map((e) => ({ e, first: Math.min(...e.mentions.map((m) => m.start)) }))
    .sort((a, b) => a.first - b.first);
  return kept.map(({ e }, i) => {
    const mentions: Mention[] = [...e.mentions]
      .sort((a, b) => a.start - b.start || b.end - a.end)
      .map((m) => ({ start: m.start, end: m.end, kind: m.kind, ...(m.code && m.code !== e.code ? { code: m.code } : {}) }));
    const confidence = Math.round(Math.max(e.confidence, ...e.mentions.filter((m) => m.kind === 'name').map((m) => m.confidence)) * 100) / 100;
    const entity: Entity = {
      id: `e${i + 1}`,
      name: e.name,
      type: e.type,
      ...(e.code ? { code: e.code } : {}),
      ...(e.country ? { country: e.country } : {}),
      ...(e.role ? { role: e.role } : {}),
      ...(e.geo ? { geo: e.geo } : {}),
      key: entityKey(e),
      mentions,
      source,
      confidence: Math.min(1, confidence),
    };
    return entity;
  });
}

export function createEntitiesStage(options: EntitiesStageOptions = {}): Stage {
  const stage: Stage = {
    name: 'entities',
    version: 2,
    requires: ['tokens', 'sentences'],
    uses: ['pos', 'lemma', 'deps'],
    assigns: ['entities'],
    run(doc) {
      const g = options.gazetteer;
      const gaz = typeof g === 'function' ? g() : (g ?? defaultGazetteer());
      const recognizer = options.recognizer === null ? undefined : (options.recognizer ?? loadRecognizer());
      return withLayers(doc, { entities: extractEntities(doc, gaz, recognizer, stageSource(stage)) });
    },
  };
  return stage;
}

/** Entities, actor codes, coreference and coordinates (see src/entities/README.md). */
export const entitiesStage: Stage = createEntitiesStage();
