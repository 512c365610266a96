/**
 * Composition rules for a trigger governing another event ("agreed to enhance", "refused to meet",
 * "called for X to withdraw", "voted to expel", "is expected to resume"). Read from a small text
 * file (data/events/compose.txt) whose lines are:
 *
 *   CLASS <class> <WORD> <WORD> …    governor words (lemmas, upper case) of a class
 *   ROOT <class> <root> …            governors whose own CAMEO code has one of these roots
 *   MOOD <class> future|negated|hypothetical   modality the class puts on the composed event
 *   TRIGGER <class> governor|complement        which word the composed event is anchored to
 *   COMPLEMENT <class> xcomp|ccomp|for …       complement links the class accepts
 *   RULE <class> <prefix>|-|* <code>|=gov|=comp   composed code by the complement's code prefix
 *                                    (longest prefix wins; `-` = complement has no code)
 *   RECODE <class> <from> <to>       the class's own codes starting with <from> start with <to> instead
 *   SOLO <class> <code>|---          the code of a governor of the class found without a complement
 */

export type ComposeMood = 'future' | 'negated' | 'hypothetical';
export type ComplementLink = 'xcomp' | 'ccomp' | 'for';

export interface ComposeClass {
  readonly name: string;
  readonly words: Set<string>;
  readonly roots: Set<string>;
  readonly moods: Set<ComposeMood>;
  trigger: 'governor' | 'complement';
  readonly links: Set<ComplementLink>;
  /** prefix → code (`=gov`, `=comp` or a CAMEO code); keys `-` and `*` are the fallbacks. */
  readonly rules: Map<string, string>;
  readonly recode: Map<string, string>;
  /** Code for a governor without a complement (undefined = its own code). */
  solo?: string;
}

export interface ComposeRules {
  readonly classes: Map<string, ComposeClass>;
}

export function emptyComposeRules(): ComposeRules {
  return { classes: new Map() };
}

function getClass(rules: ComposeRules, name: string): ComposeClass {
  let c = rules.classes.get(name);
  if (!c) {
    c = {
      name,
      words: new Set(),
      roots: new Set(),
      moods: new Set(),
      trigger: 'governor',
      links: new Set(),
      rules: new Map(),
      recode: new Map(),
    };
    rules.classes.set(name, c);
  }
  return c;
}

export function readComposeRules(rules: ComposeRules, text: string): ComposeRules {
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.split('#')[0]!.trim();
    if (!line) continue;
    const [kw, name, ...rest] = line.split(/\s+/);
    if (!kw || !name) continue;
    const c = getClass(rules, name);
    switch (kw) {
      case 'CLASS':
        for (const w of rest) c.words.add(w.toUpperCase());
        break;
      case 'ROOT':
        for (const r of rest) c.roots.add(r);
        break;
      case 'MOOD':
        for (const m of rest) if (m === 'future' || m === 'negated' || m === 'hypothetical') c.moods.add(m);
        break;
      case 'TRIGGER':
        if (rest[0] === 'governor' || rest[0] === 'complement') c.trigger = rest[0];
        break;
      case 'COMPLEMENT':
        for (const l of rest) if (l === 'xcomp' || l === 'ccomp' || l === 'for') c.links.add(l);
        break;
      case 'RULE':
        if (rest.length >= 2) c.rules.set(rest[0]!, rest[1]!);
        break;
      case 'SOLO':
        if (rest[0]) c.solo = rest[0];
        break;
      case 'RECODE':
        if (rest.length >= 2) c.recode.set(rest[0]!, rest[1]!);
        break;
      default:
        break;
    }
  }
  return rules;
}

/** The class of a governor, by its lemma first, else by the root of its own code. */
export function classOf(rules: ComposeRules, lemma: string, code: string | null): ComposeClass | null {
  const upper = lemma.toUpperCase();
  for (const c of rules.classes.values()) if (c.words.has(upper)) return c;
  if (code) {
    const root = code.slice(0, 2);
    for (const c of rules.classes.values()) if (c.roots.has(root)) return c;
  }
  return null;
}

/**
 * The composed code for a governor of class `c` (own code `govCode`) over a complement coded
 * `compCode` (null = the complement has no code). Null means no event.
 */
export function composeCode(c: ComposeClass, govCode: string | null, compCode: string | null): string | null {
  let rule: string | undefined;
  if (compCode === null) rule = c.rules.get('-');
  else {
    for (let n = compCode.length; n >= 2 && rule === undefined; n--) rule = c.rules.get(compCode.slice(0, n));
    rule ??= c.rules.get('*');
  }
  if (rule === undefined) return compCode ?? govCode;
  if (rule === '=gov') return govCode;
  if (rule === '=comp') return compCode;
  if (rule === '---') return null;
  return rule;
}

/** A governor's own code after its class's RECODE lines (`021` → `101` for DEMAND). */
export function recodeOwn(c: ComposeClass, code: string | null): string | null {
  if (!code) return code;
  for (const [from, to] of c.recode) if (code.startsWith(from)) return to + code.slice(from.length);
  return code;
}
