import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDocument, withLayers, type Document, type Entity, type Sentence, type Token } from '../core/document.ts';
import { extractQuotes } from './extract.ts';
import { CHARACTERISING_VERBS, inflect, REPORTING_VERBS } from './lexicon.ts';
import { findMarkedSpans } from './marks.ts';

function doc(text: string, layers: Partial<Pick<Document, 'entities' | 'tokens' | 'sentences'>> = {}): Document {
  return withLayers(createDocument({ id: 't', text, meta: { referenceBasis: 'option', referenceDate: '2020-02-12' } }), layers);
}
const s = (text: string, span: { start: number; end: number } | undefined): string | undefined => (span ? text.slice(span.start, span.end) : undefined);
function run(text: string, layers: Partial<Pick<Document, 'entities' | 'tokens' | 'sentences'>> = {}) {
  return extractQuotes(doc(text, layers), 'quotes@2').map((q) => ({ q, content: s(text, q), cue: s(text, q.cue), speaker: s(text, q.speakerMention) }));
}
function expectQuote(text: string, content: string, kind: string, cue: string | undefined, speaker: string | undefined, layers = {}): void {
  const rs = run(text, layers);
  const found = rs.find((r) => r.content === content);
  assert.ok(found, `no quote "${content}" in: ${text}\n got ${JSON.stringify(rs.map((r) => [r.content, r.cue, r.speaker]))}`);
  assert.equal(found.q.kind, kind, text);
  assert.equal(found.cue, cue, text);
  assert.equal(found.speaker, speaker, text);
}

test('lexicon: inflections are generated from lemmas', () => {
  assert.deepEqual(inflect('argue'), ['argue', 'argues', 'argued', 'arguing']);
  assert.deepEqual(inflect('deny'), ['deny', 'denies', 'denied', 'denying']);
  assert.ok(inflect('admit').includes('admitted'));
  for (const form of ['recommended', 'offered', 'urges', 'disclosed', 'reiterated', 'tweeted', 'posted', 'testified', 'cautioned', 'vowed']) {
    assert.ok(REPORTING_VERBS.has(form), form);
  }
  assert.ok(CHARACTERISING_VERBS.has('branded'));
  // Cognitive verbs are deliberately not cues.
  for (const form of ['believed', 'thinks', 'hoped']) assert.ok(!REPORTING_VERBS.has(form), form);
});

// [text, content, kind, cue, speaker]
const NEW_VERBS: [string, string, string, string, string][] = [
  ['The panel recommended that the plant be closed by June.', 'the plant be closed by June', 'indirect', 'recommended', 'The panel'],
  ['The minister reiterated the troops would stay until the vote.', 'the troops would stay until the vote', 'indirect', 'reiterated', 'The minister'],
  ['Lee disclosed that the company had lost two contracts.', 'the company had lost two contracts', 'indirect', 'disclosed', 'Lee'],
  ['The coach conceded that his side needed to work on some things.', 'his side needed to work on some things', 'indirect', 'conceded', 'The coach'],
  ['“We will rebuild the school,” the mayor vowed.', 'We will rebuild the school,', 'direct', 'vowed', 'the mayor'],
  ['Officials cautioned that the roads would stay closed.', 'the roads would stay closed', 'indirect', 'cautioned', 'Officials'],
  ['Legislator Tanya Chan spoke to the press after the speech: "Please step down now, we cannot go on like this."', 'Please step down now, we cannot go on like this.', 'direct', 'spoke', 'Legislator Tanya Chan'],
  ['Ebrard said, "As far as I know, this is the first case", adding, "For Mexico, this man is a terrorist".', 'For Mexico, this man is a terrorist', 'direct', 'adding', 'Ebrard'],
  ['Russell Zimmerman added that other products are also in high demand.', 'other products are also in high demand', 'indirect', 'added', 'Russell Zimmerman'],
  ['Stardom\'s official statement yesterday read "We are very sorry to report that she has passed away."', 'We are very sorry to report that she has passed away.', 'direct', 'read', 'Stardom\'s official statement'],
  ['She went on to say, "People tend to blame a whole group for the disease."', 'People tend to blame a whole group for the disease.', 'direct', 'say', 'She'],
  ['The Department of Health declared the outbreak a "public health emergency" on Friday.', 'public health emergency', 'direct', 'declared', 'The Department of Health'],
];

test('uncommon reporting verbs and cue shapes', () => {
  for (const [text, content, kind, cue, speaker] of NEW_VERBS) expectQuote(text, content, kind, cue, speaker);
});

const COMPLEX_SUBJECTS: [string, string, string, string, string][] = [
  // apposition: the name, not the description, whether the description is lower-case or capitalised
  ['Matt Simister, Tesco’s CEO for Central Europe, explained that the company held a 4% share.', 'the company held a 4% share', 'indirect', 'explained', 'Matt Simister'],
  ['In a report, Dave Lewis, CEO of Tesco, stated they did not plan to leave Poland.', 'they did not plan to leave Poland', 'indirect', 'stated', 'Dave Lewis'],
  ['Dr Ana Klaire, the lead author of the study and an addiction specialist, said the kit cost 75 cents.', 'the kit cost 75 cents', 'indirect', 'said', 'Dr Ana Klaire'],
  // a bracketed short form after the name
  ['Deutsche Welle (DW) reported in mid-2019, 62 outlets had closed within a year.', '62 outlets had closed within a year', 'indirect', 'reported', 'Deutsche Welle'],
  // relative pronouns stand for their antecedent
  ['The shooting began at 10:39 local time, according to police, who said officers arrived six minutes later.', 'officers arrived six minutes later', 'indirect', 'said', 'police'],
  ['The bill was drafted by Alex Green who said on the floor, "It follows decades of work from campaigners."', 'It follows decades of work from campaigners.', 'direct', 'said', 'Alex Green'],
  ['The stores were reluctant, according to a report in which they said they had no plans to act.', 'they had no plans to act', 'indirect', 'said', 'they'],
  // participles share the main clause's subject
  ['US Secretary of State Mike Pompeo posted a message blaming Iran, saying there was "no evidence the attacks came from Yemen."', 'there was "no evidence the attacks came from Yemen."', 'mixed', 'saying', 'US Secretary of State Mike Pompeo'],
  ['Members of the House of Commons protested by shouting "shame on you!" during the session.', 'shame on you!', 'direct', 'shouting', 'Members of the House of Commons'],
  // “quoted X as saying”
  ['Politico quoted Tim Manning, formerly a deputy at FEMA, as saying "FEMA has an important role in the response".', 'FEMA has an important role in the response', 'direct', 'saying', 'Tim Manning'],
];

test('complex subjects: apposition, brackets, relative clauses, participles', () => {
  for (const [text, content, kind, cue, speaker] of COMPLEX_SUBJECTS) expectQuote(text, content, kind, cue, speaker);
});

test('dash-introduced quotes inside a paragraph', () => {
  expectQuote('The general spoke after the meeting. – We will not leave the country, he said. The talks resume on Monday.', 'We will not leave the country', 'direct', 'said', 'he');
  expectQuote('The general was asked about the plan. – We will stay as long as needed, said General Anna Berg.', 'We will stay as long as needed', 'direct', 'said', 'General Anna Berg');
  expectQuote('The mayor said: – We have done all we could.', 'We have done all we could.', 'direct', 'said', 'The mayor');
  // A dash aside or an unattributed dash sentence is not a quote.
  assert.deepEqual(run('Prices rose in 2019 – mostly in the north – and fell later.'), []);
  assert.deepEqual(run('The vote was close. – The result surprised many observers in the capital.'), []);
  assert.deepEqual(findMarkedSpans('He was working on a travelator — a moving walkway — at the station.').length, 0);
});

test('colon after an attributed clause and coordinated quoted terms', () => {
  const text = 'According to Attorney Bash, the manifesto could strengthen the case: "The key factor here is an intent to intimidate."';
  expectQuote(text, 'The key factor here is an intent to intimidate.', 'direct', 'According to', 'Attorney Bash');
  expectQuote(text, 'the manifesto could strengthen the case', 'indirect', 'According to', 'Attorney Bash');
  const both = 'Senator Ross has called the decision "gamesmanship" and a "stunt".';
  expectQuote(both, 'gamesmanship', 'direct', 'called', 'Senator Ross');
  expectQuote(both, 'stunt', 'direct', 'called', 'Senator Ross');
});

// Not attributions: noun uses of cue words, passives, negated speech acts, noun-phrase objects, naming.
const NEGATIVE: string[] = [
  'University won 22 points to 10 over Maroochydore on Saturday.',
  'A 1989 report from the safety board listed the aircraft.',
  'The opioid crisis claimed 15,393 lives in Canada between 2016 and 2019.',
  'The Taliban have claimed responsibility for the attack.',
  'Tesco and Salling announced their agreement over selling the stores to Salling.',
  'The agency did not mention if there were casualties in the attack.',
  'It was commonly called "swine flu" at the time.',
  'Van Biljon was referred to as "The Lion Man" by his neighbours.',
  'The video broadcast of the speech was delayed by an hour.',
  'It is Johnson\'s stated intent for the country to leave the union.',
  'Members held signs which read "silenced" during the session.',
  'The manifesto, if written by the suspect, was posted online.',
  'In a Facebook post on Tuesday the chain listed its new opening hours.',
];

test('negative cases: no attribution', () => {
  for (const text of NEGATIVE) assert.deepEqual(run(text).map((r) => [r.content, r.cue]), [], text);
});

/** Tokens with tags and a parse, built by hand: [word, upos, lemma, head (1-based), deprel]. */
function parsed(text: string, rows: [string, string, string, number, string][]): Pick<Document, 'tokens' | 'sentences'> {
  const tokens: Token[] = [];
  let pos = 0;
  for (const [w, upos, lemma, head, deprel] of rows) {
    const start = text.indexOf(w, pos);
    assert.ok(start >= 0, w);
    tokens.push({ start, end: start + w.length, upos, lemma, head, deprel, sentence: 0 });
    pos = start + w.length;
  }
  const sentences: Sentence[] = [{ start: 0, end: text.length, tokenStart: 0, tokenEnd: tokens.length, paragraph: 0 }];
  return { tokens, sentences };
}

test('tagger lemma: a verb outside the word lists counts by its lemma; a noun reading does not', () => {
  const text = 'The regulator forewarned that prices would rise.';
  const layers = parsed(text, [
    ['The', 'DET', 'the', 2, 'det'], ['regulator', 'NOUN', 'regulator', 3, 'nsubj'], ['forewarned', 'VERB', 'warn', 0, 'root'],
    ['that', 'SCONJ', 'that', 7, 'mark'], ['prices', 'NOUN', 'price', 7, 'nsubj'], ['would', 'AUX', 'would', 7, 'aux'],
    ['rise', 'VERB', 'rise', 3, 'ccomp'], ['.', 'PUNCT', '.', 3, 'punct'],
  ]);
  expectQuote(text, 'prices would rise', 'indirect', 'forewarned', 'The regulator', layers);
  assert.deepEqual(run(text), [], 'without the lemma the unknown form is no cue');
  const noun = 'The reports on Monday were late.';
  const nounLayers = parsed(noun, [
    ['The', 'DET', 'the', 2, 'det'], ['reports', 'NOUN', 'report', 6, 'nsubj'], ['on', 'ADP', 'on', 4, 'case'],
    ['Monday', 'PROPN', 'Monday', 2, 'nmod'], ['were', 'AUX', 'be', 6, 'cop'], ['late', 'ADJ', 'late', 0, 'root'], ['.', 'PUNCT', '.', 6, 'punct'],
  ]);
  assert.deepEqual(run(noun, nounLayers), []);
});

test('parser: the subject is the nsubj of the cue verb, past a fronted clause', () => {
  // Without the parse the text patterns would pick the name inside the fronted clause.
  const text = 'After meeting Ola Berg in Oslo the envoy said the talks would resume.';
  const layers = parsed(text, [
    ['After', 'SCONJ', 'after', 2, 'mark'], ['meeting', 'VERB', 'meet', 9, 'advcl'], ['Ola', 'PROPN', 'Ola', 2, 'obj'],
    ['Berg', 'PROPN', 'Berg', 3, 'flat'], ['in', 'ADP', 'in', 6, 'case'], ['Oslo', 'PROPN', 'Oslo', 2, 'obl'],
    ['the', 'DET', 'the', 8, 'det'], ['envoy', 'NOUN', 'envoy', 9, 'nsubj'], ['said', 'VERB', 'say', 0, 'root'],
    ['the', 'DET', 'the', 11, 'det'], ['talks', 'NOUN', 'talk', 13, 'nsubj'], ['would', 'AUX', 'would', 13, 'aux'],
    ['resume', 'VERB', 'resume', 9, 'ccomp'], ['.', 'PUNCT', '.', 9, 'punct'],
  ]);
  expectQuote(text, 'the talks would resume', 'indirect', 'said', 'the envoy', layers);
});

test('speaker entity: the mention holding the phrase head wins over an organisation inside it', () => {
  const text = 'Tesco chief executive Dave Lewis said the stores would stay open.';
  const tesco: Entity = { id: 'e1', name: 'Tesco', type: 'ORG', mentions: [{ start: 0, end: 5, kind: 'name' }] };
  const lewis: Entity = { id: 'e2', name: 'Dave Lewis', type: 'PERSON', mentions: [{ start: 22, end: 32, kind: 'name' }] };
  const r = run(text, { entities: [tesco, lewis] })[0]!;
  assert.equal(r.speaker, 'Tesco chief executive Dave Lewis');
  assert.equal(r.q.speaker, 'e2');
  // An organisation as the head of its own phrase is the speaker.
  const org = 'The board of Tesco said the stores would stay open.';
  const board: Entity = { id: 'e3', name: 'Tesco board', type: 'ORG', mentions: [{ start: 0, end: 9, kind: 'nominal' }] };
  const tesco2: Entity = { id: 'e1', name: 'Tesco', type: 'ORG', mentions: [{ start: 13, end: 18, kind: 'name' }] };
  assert.equal(run(org, { entities: [tesco2, board] })[0]!.q.speaker, 'e3');
});
