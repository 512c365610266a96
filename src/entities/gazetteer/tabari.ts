/**
 * Readers for the TABARI/PETRARCH actor and agent dictionary formats, as documented for PETRARCH:
 *
 *   JAMES_BYRNES_  [USAELI]        primary phrase with an optional default code
 *   +JIMMY_BYRNES_                 synonym phrase
 *   \t[USAGOV 450703-470121]       dated restriction (also <date, >date; YYMMDD or YYYYMMDD)
 *
 * Agents: `PHRASE {PLURAL} [~CODE]` (code appended after the actor's) or `[CODE~]` (before it), with
 * substitution sets `!PERSON! = MAN, MEN, …`. Comments: `#`, `;` and single-line `<!-- -->`.
 *
 * Extension (still valid TABARI, since comments are ignored by other readers): a comment of the form
 * `# role: NATO Secretary General` on a code line names the role; `# type: PERSON` / `# gender: f` on the
 * primary line give the entity type and gender. The dateline supplement uses these.
 */

export type DictEntityType = 'PERSON' | 'ORG' | 'GPE' | 'LOC' | 'NORP' | 'FAC' | 'EVENT';

export interface DatedCode {
  readonly code: string;
  /** ISO date, inclusive; absent = open. */
  readonly from?: string;
  readonly to?: string;
  /** True when the restriction has no dates (a default). */
  readonly isDefault: boolean;
  readonly role?: string;
}

export interface ActorRecord {
  /** The primary phrase as written (e.g. `JENS_STOLTENBERG_`). */
  readonly primary: string;
  /** Every phrase (primary first) as upper-case words, split on `_`, blanks and hyphens. */
  readonly phrases: readonly (readonly string[])[];
  readonly codes: readonly DatedCode[];
  readonly type?: DictEntityType;
  readonly gender?: 'm' | 'f';
  /** File label the record came from (later files take precedence). */
  readonly file: string;
  /** True when the record's comments mark it as coming from CountryInfo (people with dated offices). */
  readonly countryInfo: boolean;
}

export interface AgentRecord {
  readonly words: readonly string[];
  readonly code: string;
  /** `suffix`: `~GOV` goes after the actor code (IRQ + GOV); `prefix`: `NGO~` goes before. */
  readonly position: 'suffix' | 'prefix';
}

/** Split a dictionary phrase into match words: `_`/blank separate words; hyphens too, as in text. */
export function phraseWords(phrase: string): string[] {
  // A hand-rolled split on /[_\s-]+/ (this runs for every dictionary phrase at load).
  const up = phrase.toUpperCase();
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i <= up.length; i++) {
    const sep = i === up.length || isSeparator(up.charCodeAt(i));
    if (sep) {
      if (start >= 0) {
        const w = up.slice(start, i);
        out.push(w.includes('’') || w.includes('‘') ? w.replace(/[’‘]/g, "'") : w);
        start = -1;
      }
    } else if (start < 0) start = i;
  }
  return out;
}

/** `_`, `-` or a character of the regex class `\s`. */
function isSeparator(c: number): boolean {
  if (c === 95 || c === 45 || c === 32) return true;
  if (c < 128) return c >= 9 && c <= 13;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** TABARI/PETRARCH date: YYMMDD (≤ 7 chars; YY 00–30 → 20YY) or YYYYMMDD (first 8 chars). */
export function tabariDate(s: string): string | undefined {
  const d = s.trim();
  if (!/^\d+$/.test(d)) return undefined;
  let y: number;
  let m: number;
  let day: number;
  if (d.length <= 7) {
    if (d.length !== 6) return undefined;
    const yy = Number(d.slice(0, 2));
    y = yy <= 30 ? 2000 + yy : 1900 + yy;
    m = Number(d.slice(2, 4));
    day = Number(d.slice(4, 6));
  } else {
    y = Number(d.slice(0, 4));
    m = Number(d.slice(4, 6));
    day = Number(d.slice(6, 8));
  }
  if (m < 1 || m > 12 || day < 1 || day > 31) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Parse the inside of `[...]`: `CODE`, `CODE >date`, `CODE <date`, `CODE date-date`. */
export function parseRestriction(inner: string, role?: string): DatedCode | undefined {
  const m = RESTRICTION.exec(inner);
  if (!m) return undefined;
  const code = m[1]!.toUpperCase();
  if (code === '---') return undefined;
  const tail = m[2]!;
  const rest = tail === '' ? '' : tail.replace(/\s+/g, '');
  let d: DatedCode | undefined;
  if (rest === '') d = { code, isDefault: true };
  else if (rest.startsWith('>')) {
    const from = tabariDate(rest.slice(1));
    d = from ? { code, from, isDefault: false } : undefined;
  } else if (rest.startsWith('<')) {
    const to = tabariDate(rest.slice(1));
    d = to ? { code, to, isDefault: false } : undefined;
  } else {
    const dash = rest.indexOf('-');
    if (dash > 0 && isDigits(rest, 0, dash) && isDigits(rest, dash + 1, rest.length) && dash + 1 < rest.length) {
      const from = tabariDate(rest.slice(0, dash));
      const to = tabariDate(rest.slice(dash + 1));
      d = from && to ? { code, from, to, isDefault: false } : undefined;
    } else {
      const single = tabariDate(rest);
      d = single ? { code, from: single, isDefault: false } : undefined;
    }
  }
  return d && role ? { ...d, role } : d;
}

const RESTRICTION = /^\s*([A-Za-z0-9~-]+)\s*(.*)$/;

function isDigits(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

interface SplitLine {
  body: string;
  comment: string;
}

function splitComment(line: string): SplitLine {
  const noXml = line.includes('<!--') ? line.replace(/<!--.*?-->/g, '') : line;
  const hash = noXml.indexOf('#');
  const semi = noXml.indexOf(';');
  const cut = hash < 0 ? semi : semi < 0 ? hash : Math.min(hash, semi);
  if (cut < 0) return { body: noXml, comment: '' };
  return { body: noXml.slice(0, cut), comment: noXml.slice(cut + 1) };
}

const FIELD_RES = new Map<string, RegExp>();

function commentField(comment: string, field: string): string | undefined {
  if (!comment.includes(':')) return undefined;
  let re = FIELD_RES.get(field);
  if (!re) FIELD_RES.set(field, (re = new RegExp(`(?:^|[#;\\s])${field}:\\s*([^#;]+)`, 'i')));
  const m = re.exec(comment);
  return m ? m[1]!.trim() : undefined;
}

/** Lines as `text.split(/\r?\n/)` gives them, without the regex. */
function splitLines(text: string): string[] {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length - 1; i++) {
    const l = lines[i]!;
    if (l.charCodeAt(l.length - 1) === 13) lines[i] = l.slice(0, -1);
  }
  return lines;
}

const TYPES = new Set<DictEntityType>(['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'FAC', 'EVENT']);

/** Parse a TABARI/PETRARCH actor dictionary. Records appear in file order. */
export function parseActorDictionary(text: string, file = 'actors'): ActorRecord[] {
  const records: ActorRecord[] = [];
  let current:
    | { primary: string; phrases: string[][]; codes: DatedCode[]; type?: DictEntityType; gender?: 'm' | 'f'; countryInfo: boolean }
    | undefined;
  const flush = (): void => {
    if (current && current.phrases.length > 0) {
      const rec: ActorRecord = {
        primary: current.primary,
        phrases: current.phrases,
        codes: current.codes,
        file,
        countryInfo: current.countryInfo,
        ...(current.type ? { type: current.type } : {}),
        ...(current.gender ? { gender: current.gender } : {}),
      };
      records.push(rec);
    }
    current = undefined;
  };
  let inXmlComment = false;
  for (const raw of splitLines(text)) {
    let line = raw;
    if (line.length === 0) continue;
    if (inXmlComment) {
      const end = line.indexOf('-->');
      if (end < 0) continue;
      line = line.slice(end + 3);
      inXmlComment = false;
    }
    const open = line.includes('<!--') ? line.indexOf('<!--') : -1;
    if (open >= 0 && line.indexOf('-->', open) < 0) {
      line = line.slice(0, open);
      inXmlComment = true;
    }
    const { body, comment } = splitComment(line);
    const trimmed = body.trim();
    const codes: DatedCode[] = [];
    const hasCode = body.includes('[');
    if (hasCode) {
      const role = commentField(comment, 'role');
      for (const m of body.matchAll(/\[([^\]]*)\]/g)) {
        const dc = parseRestriction(m[1]!, role);
        if (dc) codes.push(dc);
      }
    }
    const phraseText = hasCode ? trimmed.replace(/\[[^\]]*\]/g, '').trim() : trimmed;
    if (trimmed === '') {
      continue;
    }
    if (phraseText === '' && /^\s/.test(body)) {
      // An indented restriction line belongs to the current record.
      if (current) current.codes.push(...codes);
      continue;
    }
    if (phraseText === '') {
      if (current) current.codes.push(...codes);
      continue;
    }
    if (phraseText.startsWith('+')) {
      const words = phraseWords(phraseText.slice(1));
      if (!current) current = { primary: phraseText.slice(1), phrases: [], codes: [], countryInfo: false };
      if (words.length > 0) current.phrases.push(words);
      current.codes.push(...codes);
      continue;
    }
    flush();
    const words = phraseWords(phraseText);
    const type = commentField(comment, 'type')?.toUpperCase() as DictEntityType | undefined;
    const gender = commentField(comment, 'gender')?.toLowerCase();
    current = {
      primary: phraseText,
      phrases: words.length > 0 ? [words] : [],
      codes,
      countryInfo: comment !== '' && /CountryInfo/i.test(comment),
      ...(type && TYPES.has(type) ? { type } : {}),
      ...(gender === 'm' || gender === 'f' ? { gender } : {}),
    };
  }
  flush();
  return records;
}

/**
 * The record's code on `date` (ISO): the first dated restriction that covers it; else the first
 * default. Without a date, the default, else the most recently starting role.
 */
export function codeAt(record: Pick<ActorRecord, 'codes'>, date?: string): DatedCode | undefined {
  if (date) {
    for (const c of record.codes) {
      if (c.isDefault) continue;
      if ((c.from === undefined || c.from <= date) && (c.to === undefined || date <= c.to)) return c;
    }
  }
  const def = record.codes.find((c) => c.isDefault);
  if (def) return def;
  if (date) return undefined;
  let best: DatedCode | undefined;
  for (const c of record.codes) if (!best || (c.from ?? '') > (best.from ?? '')) best = c;
  return best;
}

function pluralOf(word: string): string {
  if (/SS$/.test(word)) return word + 'ES';
  if (/[^AEIOU]Y$/.test(word)) return word.slice(0, -1) + 'IES';
  return word + 'S';
}

/** Parse a PETRARCH agents dictionary (substitution sets, `{plural}` and `[~CODE]`/`[CODE~]`). */
export function parseAgentDictionary(text: string): AgentRecord[] {
  const out: AgentRecord[] = [];
  const sets = new Map<string, string[]>();
  for (const raw of splitLines(text)) {
    const { body } = splitComment(raw);
    const line = body.trim();
    if (line === '') continue;
    const setDef = /^(![A-Z]+!)\s*=\s*(.+)$/.exec(line);
    if (setDef) {
      sets.set(setDef[1]!, setDef[2]!.split(',').map((s) => s.trim()).filter(Boolean));
      continue;
    }
    const codeMatch = /\[([^\]]*)\]/.exec(line);
    if (!codeMatch) continue;
    const rawCode = codeMatch[1]!.trim();
    let position: 'suffix' | 'prefix';
    let code: string;
    if (rawCode.startsWith('~')) {
      position = 'suffix';
      code = rawCode.slice(1);
    } else if (rawCode.endsWith('~')) {
      position = 'prefix';
      code = rawCode.slice(0, -1);
    } else continue;
    if (!/^[A-Z0-9]+$/i.test(code)) continue;
    code = code.toUpperCase();
    const before = line.slice(0, codeMatch.index);
    const plural = /\{([^}]*)\}/.exec(before);
    const phrase = before.replace(/\{[^}]*\}/, '').trim();
    const variants: { text: string; noPlural: boolean }[] = [];
    const marker = /![A-Z]+!/.exec(phrase);
    const members = marker ? sets.get(marker[0]) : undefined;
    if (marker && members) {
      for (const m of members) variants.push({ text: phrase.replace(marker[0], ` ${m} `), noPlural: true });
    } else if (!marker) {
      variants.push({ text: phrase, noPlural: phrase.endsWith('_') });
    }
    for (const v of variants) {
      const words = phraseWords(v.text);
      if (words.length === 0) continue;
      out.push({ words, code, position });
      if (plural) {
        const pw = phraseWords(plural[1]!);
        if (pw.length > 0) out.push({ words: pw, code, position });
      } else if (!v.noPlural) {
        out.push({ words: [...words.slice(0, -1), pluralOf(words[words.length - 1]!)], code, position });
      }
    }
  }
  return out;
}
