/**
 * Reader for PETRARCH-format verb dictionaries (CAMEO.2.0.txt and user dictionaries in the same
 * format). The file is read as it is:
 *
 *   &SYNSET            a synonym set, followed by `+PHRASE` lines (plurals generated unless the
 *                      label or the phrase ends with `_`)
 *   --- NAME [CODE] ---  starts a block; CODE (`---` = no event) is the default for its words
 *   WORD {FORMS} [CODE] a word of the block; regular forms are generated when no {FORMS} are given;
 *                      `+BEEF_UP` / `RE_+ARREST` are multi-word entries, `+` marking the head word
 *   - PRE * POST [CODE]  a pattern: `*` is the trigger, `(PREP …)` a prepositional phrase, `{A B}` a
 *                      noun phrase with head B, `&SET` a synset, `$`/`+` source/target, `^` any phrase
 *   ~ …                a transformation (kept as text; not interpreted)
 *
 * A dictionary may hold nouns instead of verbs (`kind: 'noun'`): then only plurals are generated.
 */

export type DictKind = 'verb' | 'noun';

/** One pattern element. */
export type PatternElement =
  | { readonly type: 'word'; readonly alts: readonly (readonly string[])[] }
  | { readonly type: 'phrase'; readonly mods: readonly PatternElement[]; readonly head: PatternElement }
  | { readonly type: 'pp'; readonly prep: PatternElement; readonly objects: readonly PatternElement[] }
  | { readonly type: 'actor'; readonly role: 'source' | 'target' | 'any' };

export interface Pattern {
  readonly pre: readonly PatternElement[];
  readonly post: readonly PatternElement[];
  /** CAMEO code, or null for `[---]` (the pattern blocks an event). */
  readonly code: string | null;
  /** The code of the paired, reversed event (`[A:B]`), when present. */
  readonly reverse: string | null;
  /** Actor markers say the usual roles are swapped (a `$` after the trigger or a `+` before it). */
  readonly swapRoles: boolean;
  /** Words matched when the whole pattern matches: the pattern's specificity. */
  readonly weight: number;
  readonly line: number;
  readonly file: string;
}

export interface Block {
  readonly name: string;
  readonly code: string | null;
  readonly patterns: Pattern[];
  readonly file: string;
  /** Order of the dictionary this block came from (later dictionaries win ties). */
  readonly rank: number;
}

/** A form of a dictionary word (`SAID`), pointing to its block and carrying its bare code. */
export interface Entry {
  readonly block: Block;
  /** Code of the bare word: its own `[code]`, else the block's. Null = no event on its own. */
  readonly code: string | null;
  readonly reverse: string | null;
  /** Words that must follow the head word (`UP` in BEEF_UP). */
  readonly after: readonly string[];
  /** Words that must precede it (`RE` in RE_+ARREST). */
  readonly before: readonly string[];
  readonly lemma: string;
}

export interface Dictionary {
  readonly kind: DictKind;
  /** Upper-case surface form → entries (more than one when forms are shared by several blocks). */
  readonly forms: Map<string, Entry[]>;
  readonly synsets: Map<string, string[][]>;
  readonly blocks: Block[];
  readonly transformations: string[];
  /** Pattern lines that could not be read (kept for diagnostics, never thrown). */
  readonly skipped: { file: string; line: number; text: string }[];
}

export function emptyDictionary(kind: DictKind): Dictionary {
  return { kind, forms: new Map(), synsets: new Map(), blocks: [], transformations: [], skipped: [] };
}

const CODE_RE = /\[([^\]]*)\]/;

/** `[042:043]` → primary 042 and reverse 043; `[---]` → null; `[:173]` → only a reverse event. */
export function parseCode(raw: string): { code: string | null; reverse: string | null } {
  const [a = '', b = ''] = raw.trim().split(':');
  const norm = (s: string): string | null => {
    const t = s.trim();
    return /^[0-9]{2,4}$/.test(t) ? t : null;
  };
  return { code: norm(a), reverse: norm(b) };
}

export function pluralOf(word: string): string {
  if (/(S|SH|CH|X|Z)$/.test(word)) return `${word}ES`;
  if (/[^AEIOU]Y$/.test(word)) return `${word.slice(0, -1)}IES`;
  return `${word}S`;
}

function verbForms(stem: string): string[] {
  const forms = [stem];
  forms.push(pluralOf(stem));
  forms.push(stem.endsWith('E') ? `${stem}D` : /[^AEIOU]Y$/.test(stem) ? `${stem.slice(0, -1)}IED` : `${stem}ED`);
  forms.push(stem.endsWith('E') && stem.length > 2 && !'AEIOU'.includes(stem[stem.length - 2]!) ? `${stem.slice(0, -1)}ING` : `${stem}ING`);
  return forms;
}

function stripComment(line: string): string {
  let out = line;
  const hash = out.indexOf('#');
  if (hash >= 0) out = out.slice(0, hash);
  const semi = out.indexOf(';');
  if (semi >= 0) out = out.slice(0, semi);
  return out.replace(/<!--.*?-->/g, '');
}

/** Split a multi-word entry like `+BEEF_UP` or `RE_+ARREST` into head and context words. */
function splitCompound(token: string): { head: string; before: string[]; after: string[] } {
  if (!token.includes('_') && !token.startsWith('+')) return { head: token, before: [], after: [] };
  const plus = token.indexOf('+');
  const words = token.replace('+', '').split('_').filter((w) => w.length > 0);
  if (plus < 0) return { head: words[0] ?? token, before: [], after: words.slice(1) };
  const beforePart = token.slice(0, plus).split('_').filter((w) => w.length > 0);
  const rest = token.slice(plus + 1).split('_').filter((w) => w.length > 0);
  return { head: rest[0] ?? '', before: beforePart, after: rest.slice(1) };
}

function tokenizePattern(body: string): string[] {
  return body
    .replace(/([(){}])/g, ' $1 ')
    .split(/\s+/)
    .filter((t) => t.length > 0);
}

interface ParseState {
  readonly synsets: Map<string, string[][]>;
}

function wordElement(tok: string, state: ParseState): PatternElement | null {
  if (tok === '$') return { type: 'actor', role: 'source' };
  if (tok === '+') return { type: 'actor', role: 'target' };
  if (tok === '^' || tok === '%') return { type: 'actor', role: 'any' };
  if (tok.startsWith('&')) {
    const set = state.synsets.get(tok);
    if (!set) return null;
    return { type: 'word', alts: set };
  }
  // `A/B` is TABARI's disjunction: kept as alternatives.
  const alts: string[][] = [];
  for (const part of tok.split('/')) {
    const clean = part.replace(/_$/, '');
    if (!/^[A-Z0-9'\-_.]+$/.test(clean) || clean.includes('*')) return null;
    const words = clean.split('_').filter((w) => w.length > 0);
    if (words.length === 0) return null;
    alts.push(words);
  }
  return { type: 'word', alts };
}

function elementWeight(el: PatternElement): number {
  switch (el.type) {
    case 'word':
      return Math.min(...el.alts.map((a) => a.length));
    case 'phrase':
      return el.mods.reduce((s, m) => s + elementWeight(m), elementWeight(el.head));
    case 'pp':
      return el.objects.reduce((s, m) => s + elementWeight(m), elementWeight(el.prep));
    case 'actor':
      return 0;
  }
}

/** Parse a sequence of pattern tokens into elements; null when malformed. */
function parseElements(tokens: readonly string[], state: ParseState): PatternElement[] | null {
  const out: PatternElement[] = [];
  let i = 0;
  const readGroup = (close: string): PatternElement[] | null => {
    const inner: PatternElement[] = [];
    while (i < tokens.length && tokens[i] !== close) {
      const tok = tokens[i]!;
      if (tok === '{') {
        i += 1;
        const phrase = readGroup('}');
        if (!phrase || phrase.length === 0) return null;
        i += 1;
        inner.push({ type: 'phrase', mods: phrase.slice(0, -1), head: phrase[phrase.length - 1]! });
        continue;
      }
      if (tok === '(' || tok === ')' || tok === '}') return null;
      const el = wordElement(tok, state);
      if (!el) return null;
      inner.push(el);
      i += 1;
    }
    if (i >= tokens.length) return null;
    return inner;
  };
  while (i < tokens.length) {
    const tok = tokens[i]!;
    if (tok === '(') {
      i += 1;
      const group = readGroup(')');
      if (!group || group.length === 0) return null;
      i += 1;
      out.push({ type: 'pp', prep: group[0]!, objects: group.slice(1) });
    } else if (tok === '{') {
      i += 1;
      const group = readGroup('}');
      if (!group || group.length === 0) return null;
      i += 1;
      out.push({ type: 'phrase', mods: group.slice(0, -1), head: group[group.length - 1]! });
    } else if (tok === ')' || tok === '}') {
      // A stray closer (a few legacy lines have one): ignore it rather than drop the pattern.
      i += 1;
    } else {
      const el = wordElement(tok, state);
      if (!el) return null;
      out.push(el);
      i += 1;
    }
  }
  return out;
}

function parsePattern(text: string, file: string, line: number, state: ParseState): Pattern | null {
  const body = stripComment(text).replace(/^-\s*/, '');
  const codeMatch = CODE_RE.exec(body);
  if (!codeMatch) return null;
  const { code, reverse } = parseCode(codeMatch[1] ?? '');
  const spec = body.slice(0, codeMatch.index).replace(/\*\*/g, '*');
  const tokens = tokenizePattern(spec);
  const star = tokens.indexOf('*');
  if (star < 0 || tokens.indexOf('*', star + 1) >= 0) return null;
  const preTokens = tokens.slice(0, star);
  const postTokens = tokens.slice(star + 1);
  const pre = parseElements(preTokens, state);
  const post = parseElements(postTokens, state);
  if (!pre || !post) return null;
  const swapRoles = postTokens.includes('$') || preTokens.includes('+');
  const weight = [...pre, ...post].reduce((s, el) => s + elementWeight(el), 0);
  return { pre, post, code, reverse, swapRoles, weight, line, file };
}

/**
 * Read a PETRARCH-format dictionary text into `dict` (mutated: dictionaries are built once, at load
 * time, and frozen by use). Words already known from an earlier dictionary keep their patterns and
 * gain the new block's; an explicit `[code]` (or a coded block) replaces their bare code.
 */
export function readDictionary(dict: Dictionary, text: string, file: string): Dictionary {
  const state: ParseState = { synsets: dict.synsets };
  const rank = new Set(dict.blocks.map((b) => b.file)).size + (dict.blocks.some((b) => b.file === file) ? 0 : 1);
  const lines = text.split(/\r?\n/);
  let block: Block | null = null;
  let synset: { label: string; plural: boolean } | null = null;
  let inComment = false;
  for (let n = 0; n < lines.length; n++) {
    let raw = lines[n]!;
    if (inComment) {
      const end = raw.indexOf('-->');
      if (end < 0) continue;
      raw = raw.slice(end + 3);
      inComment = false;
    }
    if (raw.includes('<!--') && !raw.includes('-->')) {
      raw = raw.slice(0, raw.indexOf('<!--'));
      inComment = true;
    }
    const trimmed = raw.trim();
    if (trimmed.length === 0 || trimmed.startsWith('#')) {
      if (trimmed.length === 0) synset = null;
      continue;
    }
    const lineNo = n + 1;
    if (trimmed.startsWith('---')) {
      const m = /^---+\s*(.*?)\s*(?:\[([^\]]*)\])?\s*---*\s*$/.exec(trimmed);
      const name = (m?.[1] ?? trimmed).trim();
      const { code } = parseCode(m?.[2] ?? '---');
      block = { name, code, patterns: [], file, rank };
      dict.blocks.push(block);
      synset = null;
      continue;
    }
    if (trimmed.startsWith('&')) {
      const label = stripComment(trimmed).trim().split(/\s+/)[0]!;
      synset = { label, plural: !label.endsWith('_') };
      if (!dict.synsets.has(label)) dict.synsets.set(label, []);
      // Patterns may name a `&SET_` label with or without its no-plural underscore.
      if (label.endsWith('_') && !dict.synsets.has(label.slice(0, -1))) dict.synsets.set(label.slice(0, -1), dict.synsets.get(label)!);
      continue;
    }
    if (trimmed.startsWith('~')) {
      dict.transformations.push(trimmed);
      continue;
    }
    if (synset && trimmed.startsWith('+')) {
      const phrase = stripComment(trimmed.slice(1)).trim();
      if (phrase.length === 0) continue;
      const noPlural = phrase.endsWith('_');
      const words = phrase.replace(/_$/, '').split(/[_\s]+/).filter((w) => w.length > 0);
      const set = dict.synsets.get(synset.label)!;
      set.push(words);
      if (synset.plural && !noPlural && words.length > 0) {
        set.push([...words.slice(0, -1), pluralOf(words[words.length - 1]!)]);
      }
      continue;
    }
    if (!block) continue;
    if (trimmed.startsWith('-')) {
      const pattern = parsePattern(trimmed, file, lineNo, state);
      if (pattern) block.patterns.push(pattern);
      else dict.skipped.push({ file, line: lineNo, text: trimmed });
      continue;
    }
    addWordLine(dict, block, stripComment(trimmed));
  }
  return dict;
}

function addWordLine(dict: Dictionary, block: Block, text: string): void {
  const codeMatch = CODE_RE.exec(text);
  const own = codeMatch ? parseCode(codeMatch[1] ?? '') : null;
  const bare = codeMatch ? text.slice(0, codeMatch.index) + text.slice(codeMatch.index + codeMatch[0].length) : text;
  const hasForms = bare.includes('{');
  const words = bare
    .replace(/[{}]/g, ' ')
    .split(/[\s,]+/)
    .filter((w) => w.length > 0);
  if (words.length === 0) return;
  const first = splitCompound(words[0]!);
  if (!/^[A-Z][A-Z'\-]*$/.test(first.head)) return;
  const forms: { head: string; before: string[]; after: string[] }[] = [];
  if (hasForms || words.length > 1) {
    for (const w of words) {
      const c = splitCompound(w);
      forms.push(c.before.length || c.after.length || w.includes('+') ? c : { ...c, before: first.before, after: first.after });
    }
  } else if (dict.kind === 'noun') {
    forms.push(first, { ...first, head: pluralOf(first.head) });
  } else {
    for (const f of verbForms(first.head)) forms.push({ ...first, head: f });
  }
  const blockCode = { code: block.code, reverse: null };
  const explicit = own ?? (block.code !== null ? blockCode : null);
  for (const f of forms) {
    if (!/^[A-Z][A-Z'\-]*$/.test(f.head)) continue;
    const key = `${f.before.join(' ')}|${f.head}|${f.after.join(' ')}`;
    const list = dict.forms.get(f.head) ?? [];
    const existing = list.filter((e) => `${e.before.join(' ')}|${f.head}|${e.after.join(' ')}` === key);
    const inherited = existing[existing.length - 1];
    const code = explicit ? explicit.code : inherited ? inherited.code : null;
    const reverse = explicit ? explicit.reverse : inherited ? inherited.reverse : null;
    list.push({ block, code, reverse, after: f.after, before: f.before, lemma: first.head });
    dict.forms.set(f.head, list);
  }
}
