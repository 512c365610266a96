/**
 * Table tests for the constructions the coder reads from the dependency parse: which clauses are no
 * events of their own, and which phrase fills a role. Each row has a parsed sentence (written
 * `word/UPOS/head/deprel/XPOS`, head 1-based), the entity layer's actors, and what must (or must not)
 * come out; most constructions have a negative row beside the positive one.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeDocument, defaultCoderConfig } from './coder.ts';
import { agentTrie, parseDemonyms, type FallbackLexicon } from './fallback.ts';
import { makeDoc, type ActorSpec } from './testing.ts';
import { smallGazetteer } from '../entities/testing.ts';
import type { EventRecord } from '../core/document.ts';

const lex: FallbackLexicon = {
  gazetteer: smallGazetteer({ agents: 'POLICE {} [~COP]\nFORCES [~MIL]\n' }),
  demonyms: parseDemonyms(''),
  agents: agentTrie(''),
};
const config = { ...defaultCoderConfig('events@1'), fallback: lex };

interface Run {
  readonly events: EventRecord[];
  readonly text: string;
}

function run(sentence: string, actors: ActorSpec[]): Run {
  const doc = makeDoc({ sentences: [sentence], actors, referenceDate: '2000-01-01' });
  return { events: codeDocument(doc, config), text: doc.text };
}

const triggers = (r: Run): string[] => r.events.map((e) => r.text.slice(e.trigger.start, e.trigger.end));

function at(r: Run, trigger: string): EventRecord {
  const e = r.events.find((x) => r.text.slice(x.trigger.start, x.trigger.end) === trigger);
  assert.ok(e, `no event on "${trigger}"; got ${triggers(r).join(', ')}`);
  return e;
}

const IRQ: ActorSpec = { text: 'Iraq', code: 'IRQ', id: 'irq' };
const IRN: ActorSpec = { text: 'Iran', code: 'IRN', id: 'irn' };
const SYR: ActorSpec = { text: 'Syria', code: 'SYR', id: 'syr' };
const JOR: ActorSpec = { text: 'Jordan', code: 'JOR', id: 'jor' };
const JORDANIAN: ActorSpec = { text: 'Jordanian', code: 'JOR', id: 'jor', kind: 'demonym' };

// ---- not events of their own: [name, sentence, actors, present triggers, absent triggers] ----------

const NOT_EVENTS: [string, string, ActorSpec[], string[], string[]][] = [
  [
    'a gerund after "of"/"on" on a noun of tasks or agreements is what the noun is about',
    'Iraq/PROPN/2/nsubj/NNP assumed/VERB/0/root/VBD the/DET/4/det/DT duty/NOUN/2/obj/NN of/SCONJ/6/mark/IN guarding/VERB/4/acl/VBG Iranian/ADJ/8/amod/JJ prisoners/NOUN/6/obj/NNS ./PUNCT/2/punct/.',
    [IRQ, { text: 'Iranian', code: 'IRN', kind: 'demonym' }],
    [],
    ['guarding'],
  ],
  [
    '… also with "on" ("the agreement on sending soldiers")',
    'Iraq/PROPN/2/nsubj/NNP denounced/VERB/0/root/VBD the/DET/4/det/DT agreement/NOUN/2/obj/NN on/SCONJ/6/mark/IN sending/VERB/4/acl/VBG soldiers/NOUN/6/obj/NNS to/ADP/9/case/IN Syria/PROPN/6/obl/NNP ./PUNCT/2/punct/.',
    [IRQ, SYR],
    ['denounced'],
    ['sending'],
  ],
  [
    'a gerund after "of" on another noun is still the event (negative case: "days of fighting")',
    'Iraq/PROPN/2/nsubj/NNP ended/VERB/0/root/VBD days/NOUN/2/obj/NNS of/SCONJ/5/mark/IN fighting/VERB/3/acl/VBG with/ADP/7/case/IN Iran/PROPN/5/obl/NNP ./PUNCT/2/punct/.',
    [IRQ, IRN],
    ['fighting'],
    [],
  ],
  [
    'a participle right after a verb, before a noun phrase, is an adjective ("guarding captured militants"), whatever the tagger said',
    'Iraq/PROPN/2/nsubj/NNP freed/VERB/0/root/VBD captured/VERB/2/ccomp/VBD Iranian/ADJ/5/amod/JJ soldiers/NOUN/3/obj/NNS ./PUNCT/2/punct/.',
    [IRQ, { text: 'Iranian', code: 'IRN', kind: 'demonym' }],
    ['freed'],
    ['captured'],
  ],
  [
    'a participle hung on the bare name opening the sentence, with words of its own, is its verb',
    'Syria/PROPN/7/nsubj/NNP extradited/VERB/1/acl/VBN suspected/VERB/2/xcomp/VBN militants/NOUN/3/obj/NNS to/ADP/6/case/IN Iraq/PROPN/4/nmod/NNP said/VERB/0/root/VBD ./PUNCT/7/punct/.',
    [SYR, IRQ],
    ['extradited'],
    ['suspected'],
  ],
  [
    'a participle after a comma hung on a nominal root (a long subject the parser took for the root) is the main verb',
    'Iraq/PROPN/0/root/NNP and/CCONJ/3/cc/CC Iran/PROPN/1/conj/NNP ,/PUNCT/5/punct/, met/VERB/1/acl/VBN in/ADP/7/case/IN Syria/PROPN/5/obl/NNP ./PUNCT/1/punct/.',
    [IRQ, IRN, SYR],
    ['met'],
    [],
  ],
  [
    '… under a verbal root it is a reduced relative (negative case)',
    'Iraq/PROPN/2/nsubj/NNP welcomed/VERB/0/root/VBD the/DET/4/det/DT envoys/NOUN/2/obj/NNS ,/PUNCT/6/punct/, sent/VERB/4/acl/VBN by/ADP/8/case/IN Iran/PROPN/6/obl/NNP ./PUNCT/2/punct/.',
    [IRQ, IRN],
    ['welcomed'],
    ['sent'],
  ],
  [
    'a subjectless clause hung on an accusation as parataxis is what the accusation says',
    'Iraq/PROPN/2/nsubj/NNP accused/VERB/0/root/VBD Iran/PROPN/2/obj/NNP ,/PUNCT/6/punct/, is/AUX/6/aux/VBZ attacking/VERB/2/parataxis/VBG Syria/PROPN/6/obj/NNP ./PUNCT/2/punct/.',
    [IRQ, IRN, SYR],
    ['accused'],
    ['attacking'],
  ],
  [
    '… but a clause after a semicolon is an event of its own (negative case)',
    'Iraq/PROPN/2/nsubj/NNP accused/VERB/0/root/VBD Iran/PROPN/2/obj/NNP ;/PUNCT/6/punct/: then/ADV/6/advmod/RB attacked/VERB/2/parataxis/VBD Syria/PROPN/6/obj/NNP ./PUNCT/2/punct/.',
    [IRQ, IRN, SYR],
    ['accused', 'attacked'],
    [],
  ],
  [
    'a noun with its own modifiers before "to" + verb is a noun, the object of the verb',
    'Syria/PROPN/2/nsubj/NNP rejected/VERB/0/root/VBD a/DET/5/det/DT Jordanian/ADJ/5/amod/JJ request/NOUN/2/obj/NN to/PART/7/mark/TO inspect/VERB/5/acl/VB the/DET/9/det/DT camps/NOUN/7/obj/NNS ./PUNCT/2/punct/.',
    [SYR, JORDANIAN],
    ['rejected'],
    ['request', 'inspect'],
  ],
  [
    'what an agreement is to ("agreed to mediation") is its content; talks as a circumstance have no agent',
    'Iraq/PROPN/2/nsubj/NNP agreed/VERB/0/root/VBD to/ADP/5/case/IN Jordanian/ADJ/5/amod/JJ mediation/NOUN/2/obl/NN in/ADP/9/case/IN the/DET/9/det/DT border/NOUN/9/compound/NN talks/NOUN/2/obl/NNS with/ADP/11/case/IN Iran/PROPN/9/nmod/NNP ./PUNCT/2/punct/.',
    [IRQ, JORDANIAN, IRN],
    ['agreed'],
    ['mediation', 'talks'],
  ],
  [
    'a subjectless participle after a comma (here misparsed as a conjunct), of the same kind as the event before it, is its result',
    'Syria/PROPN/2/nsubj/NNP shelled/VERB/0/root/VBD the/DET/4/det/DT capital/NOUN/2/obj/NN of/ADP/6/case/IN Iraq/PROPN/4/nmod/NNP ,/PUNCT/8/punct/, killing/VERB/2/conj/VBG about/ADV/10/advmod/RB 20/NUM/11/nummod/CD people/NOUN/8/obj/NNS ./PUNCT/2/punct/.',
    [SYR, IRQ],
    ['shelled'],
    ['killing'],
  ],
  [
    'a participle of another kind after the comma is an event of its own (negative case)',
    'Iraq/PROPN/2/nsubj/NNP opened/VERB/0/root/VBD fire/NOUN/2/obj/NN on/ADP/6/case/IN the/DET/6/det/DT Iranians/PROPN/2/obl/NNPS ,/PUNCT/8/punct/, killing/VERB/2/advcl/VBG one/NUM/10/nummod/CD person/NOUN/8/obj/NN and/CCONJ/12/cc/CC arresting/VERB/8/conj/VBG 12/NUM/12/obj/CD ./PUNCT/2/punct/.',
    [IRQ, { text: 'Iranians', code: 'IRN' }],
    ['opened', 'arresting'],
    ['killing'],
  ],
  [
    'a present participle right after its noun describes the noun',
    'Iraq/PROPN/3/nsubj/NNP must/AUX/3/aux/MD cooperate/VERB/0/root/VB with/ADP/6/case/IN UN/PROPN/6/compound/NNP inspectors/NOUN/3/obl/NNS probing/VERB/6/acl/VBG suspect/ADJ/9/amod/JJ sites/NOUN/7/obj/NNS ./PUNCT/3/punct/.',
    [IRQ, { text: 'UN', code: 'IGOUNO', type: 'ORG' }],
    ['cooperate'],
    ['probing'],
  ],
  [
    'the same verb as the main predicate is an event (negative case)',
    'UN/PROPN/2/compound/NNP inspectors/NOUN/3/nsubj/NNS probed/VERB/0/root/VBD sites/NOUN/3/obj/NNS in/ADP/6/case/IN Iraq/PROPN/3/obl/NNP ./PUNCT/3/punct/.',
    [IRQ, { text: 'UN', code: 'IGOUNO', type: 'ORG' }],
    ['probed'],
    [],
  ],
  [
    'a participle opening a noun phrase is an adjective',
    'Newly/ADV/2/advmod/RB appointed/VERB/8/advcl/VBN Iraqi/ADJ/5/amod/NNP Prime/ADJ/5/amod/NNP Minister/PROPN/6/nmod:desc/NNP Ali/PROPN/8/nsubj/NNP Hassan/PROPN/6/flat/NNP refused/VERB/0/root/VBD to/PART/10/mark/TO meet/VERB/8/xcomp/VB Jordan/PROPN/10/obj/NNP ./PUNCT/8/punct/.',
    [{ text: 'Iraqi Prime Minister Ali Hassan', code: 'IRQGOV', type: 'PERSON' }, JOR],
    ['refused'],
    ['appointed'],
  ],
  [
    'what a warning says is the warning\'s content',
    'Iran/PROPN/2/nsubj/NNP warned/VERB/0/root/VBD that/SCONJ/8/mark/IN Iraq/PROPN/8/nsubj/NNP will/AUX/8/aux/MD no/ADV/7/advmod/RB longer/ADV/8/advmod/RBR tolerate/VERB/2/ccomp/VBP attacks/NOUN/8/obj/NNS ./PUNCT/2/punct/.',
    [IRN, IRQ],
    ['warned'],
    ['tolerate'],
  ],
  [
    'a plain report\'s content stays an event (negative case)',
    'Iran/PROPN/2/nsubj/NNP said/VERB/0/root/VBD that/SCONJ/5/mark/IN Iraq/PROPN/5/nsubj/NNP attacked/VERB/2/ccomp/VBD Syria/PROPN/5/obj/NNP ./PUNCT/2/punct/.',
    [IRN, IRQ, SYR],
    ['attacked'],
    [],
  ],
  [
    'a relative clause on an event noun describes that event',
    'Iran/PROPN/2/nsubj/NNP pressured/VERB/0/root/VBD Iraq/PROPN/2/obj/NNP to/PART/5/mark/TO cancel/VERB/2/xcomp/VB the/DET/7/det/DT strike/NOUN/5/obj/NN they/PRON/11/nsubj/PRP have/AUX/11/aux/VBP been/AUX/11/aux/VBN planning/VERB/7/acl:relcl/VBG ./PUNCT/2/punct/.',
    [IRN, IRQ],
    ['pressured'],
    ['planning'],
  ],
  [
    'an event noun modifying an agent noun names what the group is for ("riot police")',
    'Liberian/ADJ/3/amod/JJ riot/NOUN/3/compound/NN police/NOUN/4/nsubj/NNS used/VERB/0/root/VBD tear/NOUN/6/compound/NN gas/NOUN/4/obj/NN in/ADP/8/case/IN Monrovia/PROPN/4/obl/NNP ./PUNCT/4/punct/.',
    [{ text: 'Liberian', code: 'LBR', kind: 'demonym' }, { text: 'Monrovia', code: 'LBR' }],
    ['used'],
    ['riot'],
  ],
  [
    'an event noun modifying an activity noun is the event (negative case), with the head noun\'s phrases',
    'Syria/PROPN/2/nsubj/NNP undertook/VERB/0/root/VBD a/DET/5/det/DT mediation/NOUN/5/compound/NN mission/NOUN/2/obj/NN between/ADP/7/case/IN Iraq/PROPN/5/nmod/NNP and/CCONJ/9/cc/CC Iran/PROPN/7/conj/NNP ./PUNCT/2/punct/.',
    [SYR, IRQ, IRN],
    ['mediation'],
    [],
  ],
  [
    'a main verb the parse hung on its subject as a participle is still the event',
    'Iraqi/ADJ/2/amod/JJ troops/NOUN/0/root/NNS remained/VERB/2/acl/VBN on/ADP/5/case/IN alert/NOUN/3/obl/NN in/ADP/7/case/IN Basra/PROPN/3/obl/NNP ./PUNCT/2/punct/.',
    [{ text: 'Iraqi troops', code: 'IRQMIL', type: 'ORG' }, { text: 'Basra', code: 'IRQ' }],
    ['remained'],
    [],
  ],
  [
    'a verb after a subordinator and its subject, after a coded event, is in an adverbial clause',
    'Iraq/PROPN/2/nsubj/NNP threatened/VERB/0/root/VBD to/PART/4/mark/TO attack/VERB/2/xcomp/VB Iran/PROPN/4/obj/NNP as/ADP/8/case/IN the/DET/8/det/DT leaders/NOUN/4/obl/NNS of/ADP/10/case/IN Syria/PROPN/8/nmod/NNP sought/VERB/2/conj/VBD to/PART/13/mark/TO ease/VERB/11/xcomp/VB tensions/NOUN/13/obj/NNS ./PUNCT/2/punct/.',
    [IRQ, IRN, SYR],
    ['threatened'],
    ['sought', 'ease'],
  ],
  [
    'a gerund after a preposition is no clause: "after five days of fighting" stays (negative case)',
    'Iraq/PROPN/2/nsubj/NNP signed/VERB/0/root/VBD a/DET/4/det/DT truce/NOUN/2/obj/NN with/ADP/6/case/IN Iran/PROPN/4/nmod/NNP after/ADP/9/case/IN five/NUM/9/nummod/CD days/NOUN/2/obl/NNS of/SCONJ/11/mark/IN fighting/VERB/9/acl/VBG ./PUNCT/2/punct/.',
    [IRQ, IRN],
    ['fighting'],
    [],
  ],
  [
    'what someone is accused of is the accusation\'s content',
    'Iraq/PROPN/2/nsubj/NNP accused/VERB/0/root/VBD Syrian/ADJ/4/amod/JJ rebels/NOUN/2/obj/NNS of/SCONJ/6/mark/IN violating/VERB/4/acl/VBG the/DET/8/det/DT ceasefire/NOUN/6/obj/NN ./PUNCT/2/punct/.',
    [IRQ, { text: 'Syrian rebels', code: 'SYRREB', type: 'ORG' }],
    ['accused'],
    ['violating'],
  ],
  [
    'a gerund after "of" and a content noun is what the noun is about',
    'Iraq/PROPN/2/nsubj/NNP protested/VERB/0/root/VBD the/DET/4/det/DT decision/NOUN/2/obj/NN of/SCONJ/6/mark/IN sending/VERB/4/acl/VBG troops/NOUN/6/obj/NNS to/ADP/9/case/IN Syria/PROPN/6/obl/NNP ./PUNCT/2/punct/.',
    [IRQ, SYR],
    ['protested'],
    ['sending'],
  ],
  [
    'a past participle right after a noun of the verb\'s object, misparsed as a conjunct verb, is a reduced relative',
    'Iraq/PROPN/2/nsubj/NNP returned/VERB/0/root/VBD weapons/NOUN/2/obj/NNS and/CCONJ/6/cc/CC equipment/NOUN/6/nsubj/NN seized/VERB/2/conj/VBN last/ADJ/8/amod/JJ year/NOUN/6/obl:unmarked/NN from/ADP/10/case/IN Iran/PROPN/6/obl/NNP ./PUNCT/2/punct/.',
    [IRQ, IRN],
    ['returned'],
    ['seized'],
  ],
  [
    'a conjunct verb with its own subject and object is an event (negative case)',
    'Iraq/PROPN/2/nsubj/NNP attacked/VERB/0/root/VBD Kuwait/PROPN/2/obj/NNP and/CCONJ/6/cc/CC Iran/PROPN/6/nsubj/NNP seized/VERB/2/conj/VBD the/DET/8/det/DT equipment/NOUN/6/obj/NN ./PUNCT/2/punct/.',
    [IRQ, IRN, { text: 'Kuwait', code: 'KWT' }],
    ['attacked', 'seized'],
    [],
  ],
];

for (const [name, sentence, actors, present, absent] of NOT_EVENTS) {
  test(`events: ${name}`, () => {
    const r = run(sentence, actors);
    for (const t of present) at(r, t);
    for (const t of absent) assert.ok(!triggers(r).includes(t), `"${t}" should not be an event; got ${triggers(r).join(', ')}`);
  });
}

// ---- roles: [name, sentence, actors, trigger, source codes, target codes] -------------------------

const ROLES: [string, string, ActorSpec[], string, string[] | undefined, string[] | undefined][] = [
  [
    'the subject of a that-clause is who is asked, before anything inside the clause',
    'Iraqi/ADJ/2/amod/JJ officials/NOUN/3/nsubj/NNS demanded/VERB/0/root/VBD Friday/PROPN/3/obl:unmarked/NNP that/SCONJ/9/mark/IN the/DET/8/det/DT United/ADJ/8/amod/NNP States/PROPN/9/nsubj/NNPS match/VERB/3/ccomp/VBD the/DET/12/det/DT European/ADJ/12/amod/NNP Union/PROPN/14/nmod:poss/NNP \'s/PART/12/case/POS support/NOUN/9/obj/NN ./PUNCT/3/punct/.',
    [{ text: 'Iraqi officials', code: 'IRQGOV', type: 'ORG' }, { text: 'United States', code: 'USA' }, { text: 'European Union', code: 'IGOEUREEC', type: 'ORG' }],
    'demanded',
    ['IRQGOV'],
    ['USA'],
  ],
  [
    'the party a threat\'s unless-clause is on is the target when nothing else is',
    'Syrian/ADJ/2/amod/JJ villagers/NOUN/3/nsubj/NNS threatened/VERB/0/root/VBD today/NOUN/3/obl:unmarked/NN to/PART/6/mark/TO hold/VERB/3/xcomp/VB a/DET/8/det/DT strike/NOUN/6/obj/NN unless/SCONJ/11/mark/IN Israel/PROPN/11/nsubj/NNP rescinded/VERB/6/advcl/VBD its/PRON/13/nmod:poss/PRP$ decision/NOUN/11/obj/NN ./PUNCT/3/punct/.',
    [{ text: 'Syrian villagers', code: 'SYRCVL', type: 'ORG' }, { text: 'Israel', code: 'ISR' }],
    'threatened',
    ['SYRCVL'],
    ['ISR'],
  ],
  [
    '"according to X" is the report\'s source, never a participant',
    'Serb/PROPN/2/compound/NNP forces/NOUN/3/nsubj/NNS attacked/VERB/0/root/VBD the/DET/5/det/DT village/NOUN/3/obj/NN ,/PUNCT/11/punct/, according/VERB/11/case/VBG to/ADP/7/fixed/IN the/DET/11/det/DT US/PROPN/11/compound/NNP government/NOUN/3/obl/NN ./PUNCT/3/punct/.',
    [{ text: 'Serb forces', code: 'SRBMIL', type: 'ORG' }, { text: 'US', code: 'USA' }],
    'attacked',
    ['SRBMIL'],
    undefined,
  ],
  [
    'no participant target: the place the event happened at stands for it',
    'Jordan/PROPN/2/nsubj/NNP extended/VERB/0/root/VBD the/DET/4/det/DT curfew/NOUN/2/obj/NN in/ADP/6/case/IN Amman/PROPN/4/nmod/NNP ./PUNCT/2/punct/.',
    [JOR, { text: 'Amman', code: 'JOR', id: 'amman' }],
    'curfew',
    ['JOR'],
    ['JOR'],
  ],
  [
    'a participant target wins over the place (negative case)',
    'Iraq/PROPN/2/nsubj/NNP attacked/VERB/0/root/VBD Iran/PROPN/2/obj/NNP in/ADP/5/case/IN Basra/PROPN/2/obl/NNP ./PUNCT/2/punct/.',
    [IRQ, IRN, { text: 'Basra', code: 'IRQ', id: 'basra' }],
    'attacked',
    ['IRQ'],
    ['IRN'],
  ],
  [
    'a "passive" without any auxiliary is a misparsed active: its subject is the source',
    'A/DET/3/det/DT French/ADJ/3/amod/JJ minister/NOUN/4/nsubj:pass/NN threatened/VERB/0/root/VBD to/PART/6/mark/TO impose/VERB/4/xcomp/VB restrictions/NOUN/6/obj/NNS on/ADP/9/case/IN Germany/PROPN/6/obl/NNP ./PUNCT/4/punct/.',
    [{ text: 'French minister', code: 'FRAGOV', type: 'ORG' }, { text: 'Germany', code: 'DEU' }],
    'threatened',
    ['FRAGOV'],
    ['DEU'],
  ],
  [
    'a source name misparsed as an oblique is not also the target: the target is looked for again',
    'European/ADJ/2/amod/NNP Community/NOUN/5/obl/NNP foreign/ADJ/4/amod/JJ ministers/NOUN/5/nsubj/NNS agreed/VERB/0/root/VBD to/PART/7/mark/TO provide/VERB/5/xcomp/VB aid/NOUN/7/obj/NN to/ADP/10/case/IN Poland/PROPN/7/obl/NNP ./PUNCT/5/punct/.',
    [{ text: 'European Community', code: 'IGOEUREEC', type: 'ORG' }, { text: 'Poland', code: 'POL' }],
    'agreed',
    ['IGOEUREEC'],
    ['POL'],
  ],
  [
    'a real passive keeps its subject as the target (negative case)',
    'Iraq/PROPN/3/nsubj:pass/NNP was/AUX/3/aux:pass/VBD attacked/VERB/0/root/VBN by/ADP/5/case/IN Iran/PROPN/3/obl:agent/NNP ./PUNCT/3/punct/.',
    [IRQ, IRN],
    'attacked',
    ['IRN'],
    ['IRQ'],
  ],
  [
    'a mention with a more specific code of its own is another actor than its entity\'s name',
    'Serbia/PROPN/2/nsubj/NNP demanded/VERB/0/root/VBD autonomy/NOUN/2/obj/NN from/ADP/6/case/IN Serbian/ADJ/6/amod/JJ authorities/NOUN/2/obl/NNS ./PUNCT/2/punct/.',
    [{ text: 'Serbia', code: 'SRB', id: 'srb' }, { text: 'Serbian authorities', code: 'SRB', id: 'srb', kind: 'nominal', mentionCode: 'SRBGOV' }],
    'demanded',
    ['SRB'],
    ['SRBGOV'],
  ],
  [
    'a hyphenated modifier\'s mention yields to the name it modifies ("NATO-member Norway")',
    'NATO-member/PROPN/4/nsubj/NNP Norway/PROPN/1/flat/NNP has/AUX/4/aux/VBZ attacked/VERB/0/root/VBN Iraq/PROPN/4/obj/NNP ./PUNCT/4/punct/.',
    [{ text: 'NATO', code: 'IGONAT', type: 'ORG' }, { text: 'Norway', code: 'NOR' }, IRQ],
    'attacked',
    ['NOR'],
    ['IRQ'],
  ],
  [
    'the role an appositive states outranks the dictionary\'s country for a person',
    'Kenji/PROPN/7/nsubj/NNP ,/PUNCT/5/punct/, the/DET/5/det/DT UN/PROPN/5/compound/NNP envoy/NOUN/1/appos/NN ,/PUNCT/5/punct/, criticized/VERB/0/root/VBD Iraq/PROPN/7/obj/NNP ./PUNCT/7/punct/.',
    [{ text: 'Kenji', code: 'JPN', type: 'PERSON' }, { text: 'UN', code: 'IGOUNO', type: 'ORG' }, IRQ],
    'criticized',
    ['IGOUNO'],
    ['IRQ'],
  ],
  [
    'a person named "of <country>" belongs to that country',
    'King/PROPN/2/compound/NNP Hassan/PROPN/5/nsubj/NNP of/ADP/4/case/IN Morocco/PROPN/2/nmod/NNP criticized/VERB/0/root/VBD Iraq/PROPN/5/obj/NNP ./PUNCT/5/punct/.',
    [{ text: 'King Hassan', code: 'JORELI', type: 'PERSON' }, { text: 'Morocco', code: 'MAR' }, IRQ],
    'criticized',
    ['MAR'],
    ['IRQ'],
  ],
  [
    'a people located in a country are coded by where they live',
    'Albanians/PROPN/5/nsubj/NNPS in/ADP/3/case/IN Serbia/PROPN/1/nmod/NNP are/AUX/5/aux/VBP demanding/VERB/0/root/VBG autonomy/NOUN/5/obj/NN ./PUNCT/5/punct/.',
    [{ text: 'Albanians', code: 'ALB', type: 'NORP' }, { text: 'Serbia', code: 'SRB' }],
    'demanding',
    ['SRB'],
    undefined,
  ],
  [
    'a people without a place keep their own code (negative case)',
    'Albanians/PROPN/3/nsubj/NNPS are/AUX/3/aux/VBP demanding/VERB/0/root/VBG autonomy/NOUN/3/obj/NN ./PUNCT/3/punct/.',
    [{ text: 'Albanians', code: 'ALB', type: 'NORP' }],
    'demanding',
    ['ALB'],
    undefined,
  ],
  [
    'a name inside a compound modifier codes the phrase ("the UN war crimes court")',
    'Iraq/PROPN/4/nsubj:pass/NNP has/AUX/4/aux/VBZ been/AUX/4/aux:pass/VBN criticized/VERB/0/root/VBN by/ADP/10/case/IN the/DET/10/det/DT UN/PROPN/9/compound/NNP war/NOUN/9/compound/NN crimes/NOUN/10/compound/NNS court/NOUN/4/obl:agent/NN ./PUNCT/4/punct/.',
    [IRQ, { text: 'UN', code: 'IGOUNO', type: 'ORG' }],
    'criticized',
    ['IGOUNO'],
    ['IRQ'],
  ],
  [
    'a withdrawal "from" a place has it as the target and the verb\'s subject as the source',
    'Iraq/PROPN/2/nsubj/NNP speeded/VERB/0/root/VBD up/ADP/2/compound:prt/RP the/DET/5/det/DT withdrawal/NOUN/2/obj/NN of/ADP/7/case/IN troops/NOUN/5/nmod/NNS from/ADP/9/case/IN Kuwait/PROPN/5/nmod/NNP ./PUNCT/2/punct/.',
    [IRQ, { text: 'Kuwait', code: 'KWT' }],
    'withdrawal',
    ['IRQ'],
    ['KWT'],
  ],
  [
    'a demand "from" someone has them as the source (negative case)',
    'Iraq/PROPN/2/nsubj/NNP rejected/VERB/0/root/VBD demands/NOUN/2/obj/NNS from/ADP/5/case/IN Kuwait/PROPN/3/nmod/NNP ./PUNCT/2/punct/.',
    [IRQ, { text: 'Kuwait', code: 'KWT' }],
    'rejected',
    ['IRQ'],
    ['KWT'],
  ],
];

for (const [name, sentence, actors, trigger, src, tgt] of ROLES) {
  test(`roles: ${name}`, () => {
    const e = at(run(sentence, actors), trigger);
    assert.deepEqual(e.sourceCodes, src, 'source');
    assert.deepEqual(e.targetCodes, tgt, 'target');
  });
}

test('a pronoun or a bare country after its own government is the same actor, not a target', () => {
  const r = run(
    'A/DET/3/det/DT French/ADJ/3/amod/JJ minister/NOUN/4/nsubj/NN cancelled/VERB/0/root/VBD a/DET/6/det/DT visit/NOUN/4/obj/NN to/ADP/9/case/IN the/DET/9/det/DT French/ADJ/9/amod/JJ colony/NOUN/6/nmod/NN ./PUNCT/4/punct/.',
    [{ text: 'French minister', code: 'FRAGOV', id: 'fra', kind: 'nominal' }, { text: 'French', code: 'FRA', id: 'fra', nth: 2 }],
  );
  assert.equal(at(r, 'cancelled').targetCodes, undefined);
});

// ---- verb dictionary supplement: [sentence, trigger, CAMEO code] ------------------------------------

const SUPPLEMENT: [string, string, string][] = [
  ['Denmark accepted a formula from Sweden.', 'accepted', '030'],
  ['Denmark accepted an invitation from Sweden.', 'accepted', '036'],
  ['Denmark upgraded its ties with Sweden.', 'upgraded', '050'],
  ['Denmark cancelled a visit to Sweden.', 'cancelled', '161'],
  ['Denmark spoke on the phone with Sweden.', 'spoke', '041'],
  ['Denmark entered into an agreement with Sweden.', 'entered', '057'],
  ['Denmark filed a motion against Sweden.', 'filed', '115'],
  // Negative: talks with someone, without the phone, stay a consultation (046).
  ['Denmark spoke with Sweden.', 'spoke', '046'],
  // Negative: "accept" of demands stays a concession.
  ['Denmark accepted the demands of Sweden.', 'accepted', '080'],
];
for (const [sentence, trigger, want] of SUPPLEMENT) {
  test(`supplement: ${sentence}`, () => {
    const e = at(run(sentence, [{ text: 'Denmark', code: 'DNK' }, { text: 'Sweden', code: 'SWE' }]), trigger);
    assert.equal(e.cameo, want);
  });
}

test('an adjectival participle does not end the phrase a verb pattern is matched in', () => {
  // The parse hung "visit" on a later clause; the word sequence still has "cancelled a planned visit".
  const r = run(
    'Denmark/PROPN/2/nsubj/NNP cancelled/VERB/0/root/VBD a/DET/5/det/DT planned/VERB/5/amod/VBN visit/NOUN/8/nsubj:pass/NN was/AUX/8/aux:pass/VBD then/ADV/8/advmod/RB declared/VERB/2/ccomp/VBN ./PUNCT/2/punct/.',
    [{ text: 'Denmark', code: 'DNK' }],
  );
  assert.equal(at(r, 'cancelled').cameo, '161');
});
