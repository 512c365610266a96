/**
 * Training/evaluation corpus readers and the label mapping into the project's seven types.
 * Only the train/eval scripts import this; the recognizer never reads corpora at run time.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { GAZ_BIT, type Gazetteer } from './gazetteer.ts';
import type { NerSpan, NerType } from './labels.ts';
import { TITLE_WORDS } from './titles.ts';

export interface NerSentence {
  readonly doc: string;
  readonly words: string[];
  readonly spans: NerSpan[];
  /** Gold UD POS when the corpus has it (GUM). */
  readonly upos?: string[];
}

const PLACE_BITS = GAZ_BIT.country | GAZ_BIT.capital | GAZ_BIT.city | GAZ_BIT.state;
const GROUP_BITS = GAZ_BIT.demonym | GAZ_BIT.norp;

/** Last words that make a place a natural location rather than a political one. */
const GEO_WORDS = new Set(
  ('river rivers mountain mountains mount mt. mt lake lakes sea ocean bay gulf valley island islands isle desert peninsula ' +
    'coast strait straits canal forest woods park hills hill highlands plain plains basin delta creek falls canyon glacier ' +
    'reef beach shore cape region continent border').split(' '),
);
const GEO_FIRST = new Set('mount mt. mt lake river gulf bay cape isle sea'.split(' '));
/** Last words of buildings, infrastructure and other facilities. */
const FAC_WORDS = new Set(
  ('airport airfield bridge street st. avenue ave. road rd. boulevard highway motorway freeway tunnel hospital stadium arena ' +
    'tower towers palace square station building prison jail museum church cathedral mosque temple synagogue castle fort ' +
    'base hall mall terminal port harbour harbor dam plant memorial monument library theatre theater gate').split(' '),
);

/**
 * The type of a place name. Order matters: listed regions and continents are LOC; countries,
 * capitals, cities (population >= 15k) and states are GPE; geographic feature words make LOC;
 * facility words make FAC; other place names default to GPE (mostly towns and districts).
 */
export function placeType(gaz: Gazetteer, words: readonly string[]): NerType {
  let ws = words.map((w) => w.toLowerCase());
  if (ws.length > 1 && ws[0] === 'the') ws = ws.slice(1);
  const bits = gaz.lookup(ws.join(' '));
  if (bits & GAZ_BIT.region) return 'LOC';
  if (bits & PLACE_BITS) return 'GPE';
  if (bits & GROUP_BITS) return 'NORP';
  const last = ws[ws.length - 1]!;
  if (GEO_WORDS.has(last) || GEO_FIRST.has(ws[0]!)) return 'LOC';
  if (FAC_WORDS.has(last)) return 'FAC';
  return 'GPE';
}

function isCapitalized(w: string): boolean {
  const c = w[0];
  return c !== undefined && c !== c.toLowerCase();
}

/**
 * Demonyms and other group names (Iraqi, Americans, Shiite) that the corpora leave untagged
 * become NORP: capitalized tokens outside any gold span whose one- or two-word phrase is in
 * the demonym/group gazetteer.
 */
export function addNorp(gaz: Gazetteer, words: readonly string[], spans: NerSpan[]): NerSpan[] {
  const covered = new Uint8Array(words.length);
  for (const s of spans) for (let i = s.start; i < s.end; i++) covered[i] = 1;
  const out = spans.slice();
  for (let i = 0; i < words.length; i++) {
    if (covered[i] || !isCapitalized(words[i]!)) continue;
    let len = 0;
    if (i + 1 < words.length && !covered[i + 1] && isCapitalized(words[i + 1]!)) {
      const b = gaz.lookup(`${words[i]!.toLowerCase()} ${words[i + 1]!.toLowerCase()}`);
      if (b & GROUP_BITS && !(b & PLACE_BITS)) len = 2;
    }
    if (!len) {
      const b = gaz.lookup(words[i]!.toLowerCase());
      if (b & GROUP_BITS && !(b & PLACE_BITS)) len = 1;
    }
    if (len) {
      out.push({ start: i, end: i + len, type: 'NORP' });
      i += len - 1;
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

// ---------------------------------------------------------------- UNER-EWT (IOB2)

/** One IOB2 sentence: its words and the raw typed spans (`PER`, `ORG`, `LOC`, …). */
interface Iob2Sentence {
  readonly doc: string;
  readonly words: string[];
  readonly spans: { start: number; end: number; ty: string }[];
}

/** Read an IOB2 file (index, token, tag columns; `# newdoc id =` comments) into sentences. */
function readIob2(file: string): Iob2Sentence[] {
  const out: Iob2Sentence[] = [];
  let doc = '';
  for (const block of readFileSync(file, 'utf8').split(/\n\s*\n/)) {
    const words: string[] = [];
    const tags: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('# newdoc id = ')) doc = line.slice(14).trim();
      if (!line || line.startsWith('#')) continue;
      const cols = line.split('\t');
      if (cols.length < 3 || !/^\d+$/.test(cols[0]!)) continue;
      words.push(cols[1]!);
      tags.push(cols[2]!);
    }
    if (words.length === 0) continue;
    const spans: { start: number; end: number; ty: string }[] = [];
    for (let i = 0; i < tags.length; i++) {
      const tag = tags[i]!;
      if (!tag.startsWith('B-') && !tag.startsWith('I-')) continue;
      const ty = tag.slice(2);
      let j = i + 1;
      while (j < tags.length && tags[j] === 'I-' + ty) j++;
      spans.push({ start: i, end: j, ty });
      i = j - 1;
    }
    out.push({ doc, words, spans });
  }
  return out;
}

/** UNER-EWT: PER -> PERSON, ORG -> ORG, LOC -> placeType(); demonyms added as NORP when `norp`. */
export function readUner(file: string, gaz: Gazetteer, norp = true): NerSentence[] {
  return readIob2(file).map(({ doc, words, spans: raw }) => {
    const spans: NerSpan[] = [];
    for (const { start, end, ty } of raw) {
      const type: NerType | null =
        ty === 'PER' ? 'PERSON' : ty === 'ORG' ? 'ORG' : ty === 'LOC' ? placeType(gaz, words.slice(start, end)) : null;
      if (type) spans.push({ start, end, type });
    }
    return { doc, words, spans: norp ? addNorp(gaz, words, spans) : spans };
  });
}

/** UNER gold as coarse PER/ORG/LOC spans for scoring (no mapping, no NORP). */
export function readUnerCoarse(file: string): { words: string[]; doc: string; gold: CoarseSpan[] }[] {
  return readIob2(file).map(({ doc, words, spans }) => ({
    words,
    doc,
    gold: spans.flatMap(({ start, end, ty }) => (ty === 'PER' || ty === 'ORG' || ty === 'LOC' ? [{ start, end, type: ty }] : [])),
  }));
}

export type CoarseType = 'PER' | 'ORG' | 'LOC';
export interface CoarseSpan {
  readonly start: number;
  readonly end: number;
  readonly type: CoarseType;
}

// ---------------------------------------------------------------- GUM (CoNLL-U, Entity=)

interface GumToken {
  form: string;
  upos: string;
  xpos: string;
  head: number;
  misc: string;
}

function isPropn(t: GumToken): boolean {
  return t.upos === 'PROPN' || t.xpos === 'NNP' || t.xpos === 'NNPS';
}

const NAME_LINKS = new Set(['of', 'and', '&', 'de', 'for', 'the', '-', 'on', 'du', 'van', 'von', 'al', 'la', 'del']);

/**
 * GUM: person -> PERSON, organization -> ORG, place -> placeType(), event -> EVENT, only for
 * mentions whose syntactic head is a proper noun; the mention is trimmed to the proper-noun run
 * around its head (GUM spans are whole noun phrases: "the University of Portsmouth, UK").
 * Nested names keep the outermost one (Durham University over Durham).
 */
export function readGum(file: string, gaz: Gazetteer): NerSentence[] {
  const out: NerSentence[] = [];
  let doc = '';
  for (const block of readFileSync(file, 'utf8').split(/\n\s*\n/)) {
    const toks: GumToken[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('# newdoc id = ')) doc = line.slice(14).trim();
      if (!line || line.startsWith('#')) continue;
      const c = line.split('\t');
      if (c.length < 10 || !/^\d+$/.test(c[0]!)) continue;
      toks.push({ form: c[1]!, upos: c[3]!, xpos: c[4]!, head: Number(c[6]), misc: c[9]! });
    }
    if (toks.length === 0) continue;
    const mentions: { start: number; end: number; etype: string }[] = [];
    const open = new Map<string, { start: number; etype: string }[]>();
    toks.forEach((t, i) => {
      const m = /(?:^|\|)Entity=([^|]*)/.exec(t.misc);
      if (!m) return;
      const s = m[1]!;
      let p = 0;
      while (p < s.length) {
        if (s[p] === '(') {
          let q = p + 1;
          while (q < s.length && s[q] !== '(' && s[q] !== ')') q++;
          const body = s.slice(p + 1, q);
          const parts = body.split('-');
          const id = parts[0]!;
          const etype = parts[1] ?? '';
          if (s[q] === ')') {
            mentions.push({ start: i, end: i + 1, etype });
            q++;
          } else {
            const list = open.get(id) ?? [];
            list.push({ start: i, etype });
            open.set(id, list);
          }
          p = q;
        } else {
          let q = p;
          while (q < s.length && s[q] !== ')' && s[q] !== '(') q++;
          const id = s.slice(p, q);
          const list = open.get(id);
          const o = list?.pop();
          if (o) mentions.push({ start: o.start, end: i + 1, etype: o.etype });
          p = s[q] === ')' ? q + 1 : q;
        }
      }
    });
    const cands: NerSpan[] = [];
    for (const m of mentions) {
      const type: NerType | 'place' | null =
        m.etype === 'person' ? 'PERSON' : m.etype === 'organization' ? 'ORG' : m.etype === 'event' ? 'EVENT' : m.etype === 'place' ? 'place' : null;
      if (!type) continue;
      // Syntactic head: the first token whose head lies outside the mention.
      let h = -1;
      for (let i = m.start; i < m.end; i++) {
        const hd = toks[i]!.head - 1;
        if (hd < m.start || hd >= m.end) {
          h = i;
          break;
        }
      }
      if (h < 0 || !isPropn(toks[h]!)) continue;
      let a = h;
      let b = h + 1;
      while (a > m.start && isPropn(toks[a - 1]!)) a--;
      while (b < m.end) {
        if (isPropn(toks[b]!) || (toks[b]!.upos === 'NUM' && type === 'EVENT')) b++;
        else if (NAME_LINKS.has(toks[b]!.form.toLowerCase()) && b + 1 < m.end && isPropn(toks[b + 1]!)) b += 2;
        else break;
      }
      // "Bank of America": extend leftwards across a link word too.
      while (a - 2 >= m.start && NAME_LINKS.has(toks[a - 1]!.form.toLowerCase()) && toks[a - 1]!.form !== 'the' && isPropn(toks[a - 2]!)) {
        a -= 2;
        while (a > m.start && isPropn(toks[a - 1]!)) a--;
      }
      // UD tags titles as PROPN ("President Obama"); names exclude them, as in UNER.
      if (type === 'PERSON') while (a < h && TITLE_WORDS.has(toks[a]!.form.toLowerCase())) a++;
      const words = toks.slice(a, b).map((t) => t.form);
      cands.push({ start: a, end: b, type: type === 'place' ? placeType(gaz, words) : type });
    }
    cands.sort((x, y) => y.end - y.start - (x.end - x.start) || x.start - y.start);
    const taken = new Uint8Array(toks.length);
    const spans: NerSpan[] = [];
    for (const c of cands) {
      let free = true;
      for (let i = c.start; i < c.end; i++) if (taken[i]) free = false;
      if (!free) continue;
      for (let i = c.start; i < c.end; i++) taken[i] = 1;
      spans.push(c);
    }
    spans.sort((x, y) => x.start - y.start);
    const words = toks.map((t) => t.form);
    out.push({ doc, words, spans: addNorp(gaz, words, spans), upos: toks.map((t) => t.upos) });
  }
  return out;
}

// ---------------------------------------------------------------- MEANTIME (CAT XML)

/** Sentence numbers 0 (title), 1 (date line) and 2..6 (first five body sentences). */
export const MEANTIME_FULL_SENTENCES = 6;

export interface MeantimeDoc {
  readonly name: string;
  readonly corpus: string;
  readonly sentences: { words: string[]; gold: CoarseSpan[]; spans: NerSpan[] }[];
}


const FUNCTION_WORDS = new Set('the a an it its we our us they their them he his him she her this that these those i you my your'.split(' '));

/** Runs of capitalized tokens (with internal link words) inside [a, b). */
function capRuns(words: readonly string[], a: number, b: number, allowLinks: boolean): [number, number][] {
  const runs: [number, number][] = [];
  let i = a;
  while (i < b) {
    if (!isCapitalized(words[i]!)) {
      i++;
      continue;
    }
    let j = i + 1;
    for (;;) {
      if (j < b && isCapitalized(words[j]!)) j++;
      else if (allowLinks && j + 1 < b && NAME_LINKS.has(words[j]!.toLowerCase()) && words[j] !== '-' && isCapitalized(words[j + 1]!)) j += 2;
      else if (j + 1 < b && (words[j] === '-' || words[j] === '&' || words[j] === '&amp;') && isCapitalized(words[j + 1]!)) j += 2;
      else break;
    }
    runs.push([i, j]);
    i = j;
  }
  return runs;
}

/**
 * MEANTIME name spans. Mentions of PER/ORG/LOC entities with syntactic type NAM or PRE.NAM
 * (or no syntactic type, as some documents leave it empty) are reduced to a name: the last run
 * of capitalized tokens in the mention ("U.S. automaker Chrysler" -> "Chrysler"); for PER the
 * run must not contain title words ("Prime Minister John Howard" -> "John Howard") and is dropped
 * when it is a place ("Prime Minister of Canada"). Leading "The" is dropped.
 * LOC names map via placeType(); a LOC "name" that is a demonym ("American") becomes NORP.
 */
export function readMeantimeDoc(file: string, corpus: string, gaz: Gazetteer, common: ReadonlySet<string>): MeantimeDoc {
  const xml = readFileSync(file, 'utf8');
  const tokens: { id: string; sent: number; text: string }[] = [];
  for (const m of xml.matchAll(/<token [^>]*?sentence="(\d+)" t_id="(\d+)"[^>]*>([^<]*)<\/token>/g)) {
    tokens.push({ sent: Number(m[1]), id: m[2]!, text: decodeXml(m[3]!) });
  }
  const tokIndex = new Map(tokens.map((t, i) => [t.id, i]));
  const entType = new Map<string, string>();
  for (const m of xml.matchAll(/<ENTITY ([^>]*?)\/?>/g)) {
    const id = /m_id="(\d+)"/.exec(m[1]!)?.[1];
    const ty = /ent_type="(\w+)"/.exec(m[1]!)?.[1];
    if (id && ty) entType.set(id, ty);
  }
  const mentionType = new Map<string, string>();
  for (const m of xml.matchAll(/<REFERS_TO[^>]*>([\s\S]*?)<\/REFERS_TO>/g)) {
    const target = /<target m_id="(\d+)"/.exec(m[1]!)?.[1];
    const ty = target ? entType.get(target) : undefined;
    if (!ty) continue;
    for (const s of m[1]!.matchAll(/<source m_id="(\d+)"/g)) mentionType.set(s[1]!, ty);
  }
  const words = tokens.map((t) => t.text);
  const cands: NerSpan[] = [];
  for (const m of xml.matchAll(/<ENTITY_MENTION [^>]*?m_id="(\d+)" syntactic_type="([^"]*)">([\s\S]*?)<\/ENTITY_MENTION>/g)) {
    const synt = m[2]!;
    if (synt !== 'NAM' && synt !== 'PRE.NAM' && synt !== '') continue;
    const ty = mentionType.get(m[1]!);
    if (ty !== 'PER' && ty !== 'ORG' && ty !== 'LOC') continue;
    const idx = [...m[3]!.matchAll(/t_id="(\d+)"/g)].map((x) => tokIndex.get(x[1]!)).filter((x): x is number => x !== undefined);
    if (idx.length === 0) continue;
    const a = Math.min(...idx);
    const b = Math.max(...idx) + 1;
    let span: [number, number] | undefined;
    const nameLike = (x: number, y: number): boolean => {
      for (let k = x; k < y; k++) if (!common.has(words[k]!.toLowerCase()) && !FUNCTION_WORDS.has(words[k]!.toLowerCase())) return true;
      return false;
    };
    if (ty === 'PER') {
      // The words after the last title word of the first run that has any ("Apple CEO Steve Jobs").
      for (const [x, y] of capRuns(words, a, b, false)) {
        let s = x;
        for (let k = x; k < y; k++) if (TITLE_WORDS.has(words[k]!.toLowerCase())) s = k + 1;
        while (s < y && gaz.lookup(words[s]!.toLowerCase()) & (GROUP_BITS | PLACE_BITS)) s++;
        if (s >= y || !nameLike(s, y)) continue;
        if (gaz.lookup(words.slice(s, y).join(' ').toLowerCase()) & (PLACE_BITS | GAZ_BIT.region)) continue;
        span = [s, y];
        break;
      }
    } else {
      const runs = capRuns(words, a, b, true);
      span = runs[runs.length - 1];
      // Without a syntactic type the mention may be nominal ("European aircraft manufacturer"):
      // keep the name only when it is the head, i.e. ends the mention.
      if (span && synt === '' && span[1] !== b) span = undefined;
      if (span && synt === '' && !nameLike(span[0], span[1]) && !gaz.lookup(words.slice(span[0], span[1]).join(' ').toLowerCase())) span = undefined;
    }
    if (!span) continue;
    let [s, e] = span;
    if (e - s === 1 && FUNCTION_WORDS.has(words[s]!.toLowerCase())) continue;
    if (e - s > 1 && words[s]!.toLowerCase() === 'the') s++;
    // A sentence-initial capital on a common word ("Automobile manufacturer Ford") is not a name
    // unless it is the whole mention; capRuns already prefers the last run.
    const surface = words.slice(s, e);
    let type: NerType = ty === 'PER' ? 'PERSON' : ty === 'ORG' ? 'ORG' : placeType(gaz, surface);
    if (ty !== 'PER' && ty !== 'ORG' && gaz.lookup(surface.join(' ').toLowerCase()) & GROUP_BITS && !(gaz.lookup(surface.join(' ').toLowerCase()) & PLACE_BITS)) type = 'NORP';
    cands.push({ start: s, end: e, type });
  }
  // Longest first, no overlaps; all in document token indices.
  cands.sort((x, y) => y.end - y.start - (x.end - x.start) || x.start - y.start);
  const taken = new Uint8Array(words.length);
  const docSpans: NerSpan[] = [];
  for (const c of cands) {
    let free = true;
    for (let i = c.start; i < c.end; i++) if (taken[i]) free = false;
    if (!free) continue;
    for (let i = c.start; i < c.end; i++) taken[i] = 1;
    docSpans.push(c);
  }
  // Split into sentences.
  const sentences: MeantimeDoc['sentences'][number][] = [];
  let i = 0;
  while (i < tokens.length) {
    let j = i;
    while (j < tokens.length && tokens[j]!.sent === tokens[i]!.sent) j++;
    const sw = words.slice(i, j);
    const spans = docSpans
      .filter((s) => s.start >= i && s.end <= j)
      .map((s) => ({ start: s.start - i, end: s.end - i, type: s.type }))
      .sort((x, y) => x.start - y.start);
    const gold: CoarseSpan[] = spans
      .filter((s) => s.type !== 'NORP' && s.type !== 'EVENT')
      .map((s) => ({ start: s.start, end: s.end, type: coarse(s.type)! }));
    // MEANTIME annotates all entity mentions only in the title and the first sentences (later ones
    // only where they take part in annotated events): keep the title, dateline and 5 sentences.
    if (tokens[i]!.sent <= MEANTIME_FULL_SENTENCES) sentences.push({ words: sw, gold, spans: addNorp(gaz, sw, spans) });
    i = j;
  }
  const name = file.split('/').pop()!.replace(/\.xml$/, '');
  return { name, corpus, sentences };
}

function decodeXml(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Our types to the PER/ORG/LOC scheme of UNER and MEANTIME; NORP and EVENT have no counterpart. */
export function coarse(t: NerType): CoarseType | null {
  switch (t) {
    case 'PERSON':
      return 'PER';
    case 'ORG':
      return 'ORG';
    case 'GPE':
    case 'LOC':
    case 'FAC':
      return 'LOC';
    default:
      return null;
  }
}

/**
 * The fixed MEANTIME split, decided before training: in each topic corpus (airbus, apple, gm),
 * files sorted by name, every third file (positions 2, 5, 8, ...) is held out for evaluation.
 */
export function meantimeSplit(root: string): { train: string[]; test: string[] } {
  const train: string[] = [];
  const test: string[] = [];
  for (const corpus of readdirSync(root).filter((d) => d.startsWith('corpus_')).sort()) {
    const files = readdirSync(join(root, corpus)).filter((f) => f.endsWith('.xml')).sort();
    files.forEach((f, i) => (i % 3 === 2 ? test : train).push(join(root, corpus, f)));
  }
  return { train, test };
}

export function readMeantime(files: readonly string[], gaz: Gazetteer, common: ReadonlySet<string>): MeantimeDoc[] {
  return files.map((f) => readMeantimeDoc(f, f.split('/').slice(-2, -1)[0]!, gaz, common));
}
