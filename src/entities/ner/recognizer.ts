/**
 * The NER recognizer: features -> constrained Viterbi -> BILOU spans with calibrated
 * confidences, plus a document-level consistency pass.
 */
import { FeatureExtractor, type DocContext, type LexInfo, type PackedWeights } from './features.ts';
import { GAZ_BIT, type Gazetteer } from './gazetteer.ts';
import { NER_TYPES, NUM_LABELS, Part, decodeBilou, labelOf, type NerType } from './labels.ts';
import type { SequenceModel, ModelMeta } from './model.ts';
import { TITLE_WORDS } from './titles.ts';
import { ORG_HEAD_WORDS } from './org-heads.ts';

export interface NerMention {
  /** First token index within the sentence. */
  readonly start: number;
  /** One past the last token index (exclusive). */
  readonly end: number;
  readonly type: NerType;
  /** Estimated probability that the span and its type are right (0..1). */
  readonly confidence: number;
}

export interface NerRecognizer {
  /** Entities in one sentence; `upos` is used only when the model was trained with POS. */
  recognize(words: readonly string[], upos?: readonly string[]): NerMention[];
  /**
   * Entities in every sentence of a document, then made consistent: one surface string keeps one
   * type across the document, and untagged repeats of a tagged name (or of a person's surname)
   * are tagged too.
   */
  recognizeDocument(sentences: readonly (readonly string[])[], upos?: readonly (readonly string[])[]): NerMention[][];
  readonly meta: ModelMeta;
}

/** Lexical resources the features read; they must be the ones the model was trained with. */
export interface NerResources {
  readonly gaz: Gazetteer;
  readonly common: ReadonlySet<string>;
  readonly clusters: ReadonlyMap<string, readonly number[]>;
}

export function createRecognizer(
  model: SequenceModel & { meta: ModelMeta; mask: number; isCached?: (key: string) => boolean; weights?: PackedWeights },
  res: NerResources,
): NerRecognizer {
  if (model.meta.usesClusters && res.clusters.size === 0) throw new Error('NER model needs word clusters (model/clusters.tsv.gz)');
  const fx = new FeatureExtractor(res.gaz, model.mask, res.common, model.meta.usesClusters ? res.clusters : new Map());
  const { a, b } = model.meta.calib;
  const usesPos = model.meta.usesPos;
  // Frozen weights: score features straight from them (same scores, fewer lookups).
  const weights = model.weights;
  const bias = spanBiasOf(model.meta);

  const recognizeIn = (
    words: readonly string[],
    upos: readonly string[] | undefined,
    doc: DocContext | undefined,
    infos?: readonly LexInfo[],
  ): NerMention[] => {
    const n = words.length;
    if (n === 0) return [];
    // Odd input (empty strings, stray whitespace) must not break features.
    let same = true;
    const clean = words.map((w) => {
      const c = typeof w === 'string' && w.trim() ? w.trim() : '_';
      if (c !== w) same = false;
      return c;
    });
    const pos = usesPos && upos && upos.length === n ? upos : undefined;
    // Word infos looked up for the document context serve the scorer too when no word changed.
    const given = same ? infos : undefined;
    const { labels, margins } =
      weights && !pos
        ? model.decodeScores(n, 'spans', (e) => {
            fx.scoreInto(clean, doc, weights, NUM_LABELS, e, given);
            if (bias) addSpanBias(e, n, bias);
          })
        : bias
          ? model.decodeScores(n, true, (e) => {
              model.emissions(fx.extract(clean, pos, model.isCached, doc, true), n, e);
              addSpanBias(e, n, bias);
            })
          : model.decode(fx.extract(clean, pos, model.isCached, doc, true), n, true);
    const out: NerMention[] = [];
    for (const s of decodeBilou(labels)) {
      let m = Infinity;
      for (let i = s.start; i < s.end; i++) m = Math.min(m, margins[i]!);
      const mention = { start: s.start, end: s.end, type: hyphenPlace(res.gaz, clean, s) ?? s.type, confidence: round3(sigmoid(a * m + b)) };
      if (mention.type === 'PERSON') out.push(...personSpan(res.gaz, clean, mention));
      else out.push(mention);
    }
    return acronymDefinitions(res.gaz, clean, out);
  };

  const recognize = (words: readonly string[], upos?: readonly string[]): NerMention[] => recognizeIn(words, upos, undefined);

  const recognizeDocument = (
    sentences: readonly (readonly string[])[],
    upos?: readonly (readonly string[])[],
  ): NerMention[][] => {
    const infos = model.meta.usesDocContext ? sentences.map((ws) => ws.map((w) => fx.info(w))) : undefined;
    const doc = model.meta.usesDocContext ? fx.docContext(sentences, infos) : undefined;
    const out = sentences.map((s, i) => recognizeIn(s, upos?.[i], doc, infos?.[i]));
    return documentConsistency(sentences, out);
  };

  return { recognize, recognizeDocument, meta: model.meta };
}

const ACRONYM_RE = /^[A-Z][A-Z&]*[A-Z]$/;
/** Lower-case words a long form may contain without contributing a letter to its acronym. */
const LINK_WORDS = new Set(['of', 'and', 'for', 'the', 'on', 'in', 'de', 'du', 'des', 'la', 'le', '&', '-', 'to', 'at']);

/**
 * Acronym definitions, "Long Form Name ( LFN )" (after Schwartz & Hearst's abbreviation finder):
 * when the capitalized words before the parenthesis have the acronym's letters as initials, the
 * long form is one name (replacing what the tagger found inside it) and the acronym gets its type;
 * when the tagger already found a name right before the parenthesis, the acronym takes its type
 * ("World Conservation Union ( IUCN )"). Organisations are the usual case in news, so an unknown
 * long form is an ORG unless the gazetteer lists it as a place.
 */
export function acronymDefinitions(gaz: Gazetteer, words: readonly string[], found: NerMention[]): NerMention[] {
  let out = found;
  for (let i = 2; i + 1 < words.length; i++) {
    const acr = words[i]!;
    if (words[i - 1] !== '(' || words[i + 1] !== ')' || !ACRONYM_RE.test(acr) || acr.length > 10) continue;
    if (out.some((m) => m.start <= i && m.end > i)) continue;
    const letters = acr.replace(/&/g, '').toLowerCase();
    const end = i - 1;
    let hit: NerMention | null = null;
    // Walk back over the long form: capitalized words (one letter each) and link words.
    let k = letters.length;
    let j = end;
    while (j > 0 && k > 0) {
      const w = words[j - 1]!;
      if (LINK_WORDS.has(w.toLowerCase()) && j - 1 < end - 1) {
        j--;
        continue;
      }
      const c = w[0]!;
      if (c === c.toLowerCase() || c.toLowerCase() !== letters[k - 1]) break;
      k--;
      j--;
    }
    // Concepts have acronyms too ("Basic Travel Allowance ( BTA )"): a long form is a name only
    // when the tagger found a name inside it or it ends in an organisation word.
    const isName = (from: number): boolean =>
      ORG_HEAD_WORDS.has(words[end - 1]!.toLowerCase()) || out.some((m) => m.type !== 'PERSON' && m.start < end && m.end > from);
    if (k === 0 && end - j >= 2 && !LINK_WORDS.has(words[j]!.toLowerCase()) && isName(j)) {
      // A person reading of a long form that is an acronym's definition is the tagger's mistake.
      const prior = out.find((m) => m.start === j && m.end === end && m.type !== 'PERSON');
      const bits = gaz.lookup(words.slice(j, end).join(' ').toLowerCase());
      const placeType: NerType | null = bits & (GAZ_BIT.country | GAZ_BIT.capital | GAZ_BIT.city | GAZ_BIT.state) ? 'GPE' : null;
      const type: NerType = prior?.type ?? placeType ?? 'ORG';
      hit = prior ?? { start: j, end, type, confidence: 0.7 };
      if (!prior) out = [...out.filter((m) => m.end <= j || m.start >= end), hit];
    } else {
      hit = out.find((m) => m.end === end && m.type !== 'PERSON') ?? null;
    }
    if (!hit) continue;
    out = [...out, { start: i, end: i + 1, type: hit.type, confidence: round3(Math.max(0.6, hit.confidence * 0.9)) }];
  }
  return out === found ? found : out.sort((x, y) => x.start - y.start);
}

/**
 * Per-label emission offsets from `meta.spanBias` (one number per entity type, added to its B and
 * U labels, i.e. once per span). A perceptron trained on sparsely annotated web text leans towards
 * O; the offsets, tuned on the tuning split after training, trade precision for recall per type.
 */
export function spanBiasOf(meta: ModelMeta): Float32Array | undefined {
  const sb = meta['spanBias'];
  if (!Array.isArray(sb) || sb.length !== NER_TYPES.length || sb.every((x) => x === 0)) return undefined;
  const out = new Float32Array(NUM_LABELS);
  for (let t = 0; t < NER_TYPES.length; t++) {
    const v = Number(sb[t]);
    if (!Number.isFinite(v)) throw new Error('NER model: bad spanBias');
    out[labelOf(t, Part.B)] = v;
    out[labelOf(t, Part.U)] = v;
  }
  return out;
}

function addSpanBias(e: Float32Array, n: number, bias: Float32Array): void {
  const L = NUM_LABELS;
  for (let t = 0; t < n; t++) {
    const o = t * L;
    for (let l = 1; l < L; l++) e[o + l] = e[o + l]! + bias[l]!;
  }
}

/**
 * Tokenizers that keep hyphenated words whole give "United States-led", "Iraqi-born", which the
 * training corpora (split at hyphens) never show; when the part before a lower-case suffix is a
 * listed place, the span names that place.
 */
function hyphenPlace(gaz: Gazetteer, words: readonly string[], s: { start: number; end: number }): NerType | undefined {
  const last = words[s.end - 1]!;
  const m = /^(.*\p{L})-\p{Ll}+$/u.exec(last);
  if (!m) return undefined;
  const phrase = [...words.slice(s.start, s.end - 1), m[1]!].join(' ').toLowerCase();
  const bits = gaz.lookup(phrase);
  if (bits & (GAZ_BIT.country | GAZ_BIT.capital | GAZ_BIT.city | GAZ_BIT.state)) return 'GPE';
  if (bits & (GAZ_BIT.demonym | GAZ_BIT.norp)) return 'NORP';
  return undefined;
}

/**
 * Person spans follow the convention of the training data: no leading titles ("Senator [Ron
 * Wyden]"), and a trailing "of <listed place>" is the place ("Ron Wyden of [Oregon]"). A span
 * that is only a title phrase ("Secretary of State") is dropped.
 */
export function personSpan(gaz: Gazetteer, words: readonly string[], m: NerMention): NerMention[] {
  let start = m.start;
  let end = m.end;
  while (end - start > 1 && TITLE_WORDS.has(words[start]!.toLowerCase())) start++;
  const first = words[start]!;
  if (start > m.start && first === first.toLowerCase() && first !== first.toUpperCase()) return [];
  const out: NerMention[] = [];
  for (let k = start + 1; k < end - 1; k++) {
    if (words[k] !== 'of') continue;
    const rest = words.slice(k + 1, end).join(' ').toLowerCase();
    if (gaz.lookup(rest) & (GAZ_BIT.country | GAZ_BIT.capital | GAZ_BIT.city | GAZ_BIT.state)) {
      out.push({ start: k + 1, end, type: 'GPE', confidence: m.confidence });
      end = k;
    }
    break;
  }
  if (TITLE_WORDS.has(words[end - 1]!.toLowerCase()) && end - start === 1) return out;
  return [{ ...m, start, end }, ...out];
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
/** Three decimals, kept inside (0, 1): a model score is never certainty. */
function round3(x: number): number {
  return Math.min(0.999, Math.max(0.001, Math.round(x * 1000) / 1000));
}

/**
 * Document-level post-pass (after Ratinov & Roth's "a name keeps its type in the document"):
 * 1. every occurrence of a tagged surface string takes the type with the highest summed confidence;
 * 2. untagged, case-identical repeats of a confidently tagged name are tagged with that type;
 * 3. the surname of a multi-word PERSON, capitalized and untagged elsewhere, is a PERSON.
 */
export function documentConsistency(
  sentences: readonly (readonly string[])[],
  found: readonly NerMention[][],
): NerMention[][] {
  const votes = new Map<string, Map<NerType, number>>();
  const key = (words: readonly string[], m: { start: number; end: number }): string => words.slice(m.start, m.end).join(' ');
  found.forEach((ms, si) => {
    for (const m of ms) {
      const k = key(sentences[si]!, m);
      let v = votes.get(k);
      if (!v) votes.set(k, (v = new Map()));
      v.set(m.type, (v.get(m.type) ?? 0) + m.confidence);
    }
  });
  const best = new Map<string, { type: NerType; score: number; share: number }>();
  for (const [k, v] of votes) {
    let bt: NerType | null = null;
    let bs = -1;
    let total = 0;
    for (const [t, s] of v) {
      total += s;
      if (s > bs) {
        bs = s;
        bt = t;
      }
    }
    best.set(k, { type: bt!, score: bs, share: bs / total });
  }
  // Names worth propagating: confident, capitalized, not a lone function-like token.
  const propagate = new Map<string, { type: NerType; conf: number; len: number }>();
  for (const [k, v] of best) {
    const c = k[0];
    if (!c || c === c.toLowerCase() || k.length < 2) continue;
    if (v.score >= 0.6) propagate.set(k, { type: v.type, conf: Math.min(0.9, v.score * v.share), len: k.split(' ').length });
  }
  found.forEach((ms, si) => {
    const words = sentences[si]!;
    for (const m of ms) {
      if (m.type !== 'PERSON' || m.end - m.start < 2) continue;
      const last = words[m.end - 1]!;
      const c = last[0];
      if (!c || c === c.toLowerCase() || last.length < 2 || propagate.has(last)) continue;
      if (!best.has(last)) propagate.set(last, { type: 'PERSON', conf: Math.min(0.85, m.confidence), len: 1 });
    }
  });
  const maxLen = Math.max(0, ...[...propagate.values()].map((p) => p.len));
  // A key's text up to its first space: a word without spaces can only start keys that begin
  // with it, which spares building every candidate phrase.
  const heads = new Set<string>();
  for (const k of propagate.keys()) {
    const sp = k.indexOf(' ');
    heads.add(sp < 0 ? k : k.slice(0, sp));
  }

  return found.map((ms, si) => {
    const words = sentences[si]!;
    const out: NerMention[] = ms.map((m) => {
      const b = best.get(key(words, m))!;
      return b.type === m.type ? m : { ...m, type: b.type, confidence: round3(m.confidence * b.share) };
    });
    if (propagate.size === 0) return out;
    const covered = new Uint8Array(words.length);
    for (const m of out) for (let i = m.start; i < m.end; i++) covered[i] = 1;
    for (let i = 0; i < words.length; i++) {
      if (covered[i]) continue;
      const w = words[i]!;
      if (!heads.has(w) && !w.includes(' ')) continue;
      for (let len = Math.min(maxLen, words.length - i); len >= 1; len--) {
        let free = true;
        for (let j = i; j < i + len; j++) if (covered[j]) free = false;
        if (!free) continue;
        const p = propagate.get(words.slice(i, i + len).join(' '));
        if (!p || p.len !== len) continue;
        // Don't split a longer capitalized name: "Washington" inside "George Washington Bridge".
        const prevCap = i > 0 && isCap(words[i - 1]!) && !covered[i - 1];
        const nextCap = i + len < words.length && isCap(words[i + len]!) && !covered[i + len];
        if ((prevCap && i - 1 > 0) || nextCap) continue;
        out.push({ start: i, end: i + len, type: p.type, confidence: round3(p.conf) });
        for (let j = i; j < i + len; j++) covered[j] = 1;
        i += len - 1;
        break;
      }
    }
    return out.sort((x, y) => x.start - y.start);
  });
}

function isCap(w: string): boolean {
  const c = w[0];
  return c !== undefined && c !== c.toLowerCase();
}
