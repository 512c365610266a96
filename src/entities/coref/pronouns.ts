/**
 * Third-person pronouns → the nearest compatible antecedent, preferring subjects: first earlier in
 * the same sentence, then the previous sentences (up to two back). Gender comes from titles, given
 * names and the dictionaries, and from pronouns already resolved: a person of unknown gender takes
 * "he" or "she" and keeps that gender, so "she" never goes to a person known (or shown) to be male.
 */
import type { SentenceView, WorkEntity, WorkMention, Workspace } from '../model.ts';
import { addMention } from '../model.ts';
import { isSubject } from '../syntax.ts';

type PronounClass = 'male' | 'female' | 'neuter' | 'plural';

const PRONOUNS: Record<string, PronounClass> = {
  HE: 'male',
  HIM: 'male',
  HIS: 'male',
  HIMSELF: 'male',
  SHE: 'female',
  HER: 'female',
  HERS: 'female',
  HERSELF: 'female',
  IT: 'neuter',
  ITS: 'neuter',
  ITSELF: 'neuter',
  THEY: 'plural',
  THEM: 'plural',
  THEIR: 'plural',
  THEMSELVES: 'plural',
};

/** "It is too soon to…", "it was expected that…": no referent. */
function pleonastic(view: SentenceView, i: number): boolean {
  const next = view.words[i + 1]?.key;
  const after = view.words[i + 2]?.key;
  if (!next) return false;
  if (view.words[i]!.deprel === 'expl') return true;
  if (/^(IS|WAS|'S|SEEMS|SEEMED|APPEARS|REMAINS|REMAINED|WOULD|WILL|MAY|MIGHT)$/.test(next)) {
    return /^(TOO|NOT|UNCLEAR|CLEAR|LIKELY|UNLIKELY|POSSIBLE|IMPOSSIBLE|TIME|EXPECTED|BELIEVED|REPORTED|SAID|THOUGHT|IMPORTANT|NECESSARY|HARD|DIFFICULT|EASY|BE|RAINING|ESTIMATED|UNDERSTOOD|KNOWN)$/.test(after ?? '');
  }
  return false;
}

function compatible(e: WorkEntity, cls: PronounClass): boolean {
  switch (cls) {
    case 'male':
      return e.type === 'PERSON' && e.cls === 'person' && e.gender !== 'f';
    case 'female':
      return e.type === 'PERSON' && e.cls === 'person' && e.gender !== 'm';
    case 'neuter':
      return (e.type === 'ORG' && e.cls !== 'agent') || e.cls === 'country' || (e.cls === 'agent' && e.type === 'ORG' && !/S$/i.test(e.agentHead ?? ''));
    case 'plural':
      // Groups: country sectors ("the parliament", "troops"), nationalities, plural-named organisations
      // ("the Houthis"); "they" rarely means a company or a newspaper.
      return (e.type === 'ORG' && e.cls === 'agent') || e.type === 'NORP' || (e.type === 'ORG' && /S$/i.test(e.name) && !/(NEWS|ASSOCIATED PRESS)$/i.test(e.name));
  }
}

interface Antecedent {
  entity: WorkEntity;
  mention: WorkMention;
}

function candidatesIn(ws: Workspace, sentence: number, before: number, cls: PronounClass): Antecedent[] {
  const out: Antecedent[] = [];
  const words = ws.views[sentence]?.words ?? [];
  for (const entity of ws.entities) {
    const ok = compatible(entity, cls);
    // "NATO allies … they": a name modifying a plural noun stands for a group.
    const groupModifier = cls === 'plural' && !ok && (entity.type === 'ORG' || entity.type === 'GPE');
    if (!ok && !groupModifier) continue;
    for (const mention of entity.mentions) {
      if (mention.sentence !== sentence || mention.end > before) continue;
      if (groupModifier) {
        const next = words[mention.w1];
        if (!next || next.cap || next.punct || !/[a-z]s$/.test(next.text) || /ss$/.test(next.text)) continue;
      }
      if (mention.kind === 'pronoun' && cls !== 'male' && cls !== 'female') continue;
      out.push({ entity, mention });
    }
  }
  return out;
}

/** Pick an antecedent: subjects first, then the closest. */
function pick(cands: readonly Antecedent[], sameSentence: boolean): Antecedent | undefined {
  if (cands.length === 0) return undefined;
  const sorted = [...cands].sort((a, b) => {
    if (a.mention.subject !== b.mention.subject) return a.mention.subject ? -1 : 1;
    // Same sentence: nearest first. Earlier sentences: the first mention (the topic) first.
    return sameSentence ? b.mention.start - a.mention.start : a.mention.start - b.mention.start;
  });
  // Two different persons compete as subjects at the same distance: still take the best-ranked.
  return sorted[0];
}

export function resolvePronouns(ws: Workspace, view: SentenceView): void {
  for (let i = 0; i < view.words.length; i++) {
    const w = view.words[i]!;
    const cls = PRONOUNS[w.key];
    if (!cls) continue;
    // "US" written in capitals is not "us"; sentence-initial "It" is still a pronoun.
    if (w.text.length > 1 && w.text === w.key && w.key !== 'IT' && !w.initial) continue;
    if (cls === 'neuter' && pleonastic(view, i)) continue;
    let found: Antecedent | undefined = pick(candidatesIn(ws, view.index, w.start, cls), true);
    for (let back = 1; !found && back <= 2 && view.index - back >= 0; back++) {
      const earlier = candidatesIn(ws, view.index - back, Infinity, cls);
      // "it"/"they" across a sentence boundary: only an entity that was the subject there (most
      // non-subject organisations and places are not what a following "it" is about).
      found = pick(cls === 'neuter' || cls === 'plural' ? earlier.filter((a) => a.mention.subject) : earlier, false);
    }
    if (!found) continue;
    // A pronoun is evidence of gender: after "he", the same person is no antecedent for "she".
    if (cls === 'male' || cls === 'female') found.entity.gender ??= cls === 'male' ? 'm' : 'f';
    const m: WorkMention = {
      start: w.start,
      end: w.end,
      sentence: view.index,
      w0: i,
      w1: i + 1,
      kind: 'pronoun',
      subject: isSubject(view, i, i + 1),
      confidence: found.mention.subject ? 0.75 : 0.6,
    };
    addMention(found.entity, m);
  }
}
