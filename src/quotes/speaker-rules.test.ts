import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDocument, type Document } from '../core/document.ts';
import { extractQuotes } from './extract.ts';

// Issue 6, “no direct quote left without a speaker where the text names one”: one table per rule of
// the sieve added for it, each with negative cases where no speaker is named and none may be invented.
// Documents carry text only (the text-pattern fallback), so the rules are tested without a parse.

function run(text: string): { content: string; cue?: string; speaker?: string; confidence: number }[] {
  const doc: Document = createDocument({ id: 't', text, meta: { referenceBasis: 'option', referenceDate: '2020-02-12' } });
  const s = (sp: { start: number; end: number } | undefined): string | undefined => (sp ? text.slice(sp.start, sp.end) : undefined);
  return extractQuotes(doc, 'quotes@2').map((q) => ({ content: text.slice(q.start, q.end), ...(q.cue ? { cue: s(q.cue)! } : {}), ...(q.speakerMention ? { speaker: s(q.speakerMention)! } : {}), confidence: q.confidence ?? 0 }));
}

function speakerOf(text: string, content: string): string | undefined {
  const rs = run(text);
  const q = rs.find((r) => r.content === content);
  assert.ok(q, `no quote "${content}" in: ${text}\n got ${JSON.stringify(rs)}`);
  return q.speaker;
}

// [text, content, expected speaker]
const PARTICIPLE: [string, string, string][] = [
  // A participle opening the sentence shares the subject of the main clause after the quotation.
  ['Saying "there are too many cases despite the law", President Ruiz added, "The state must act."', 'there are too many cases despite the law', 'President Ruiz'],
  // After a comma it shares the subject of the clause before it, past a fronted adverbial.
  ['In a statement issued the next day, the Foreign Ministry denounced the summit, calling the deal "fully compatible with international law".', 'fully compatible with international law', 'the Foreign Ministry'],
  ['A number of senators condemned the decision, citing it as a "grave abuse of governmental power".', 'grave abuse of governmental power', 'A number of senators'],
];

test('participle cue: the speaker is the subject of the clause the participle modifies', () => {
  for (const [text, content, speaker] of PARTICIPLE) assert.equal(speakerOf(text, content), speaker, text);
});

test('participle cue: a gerund that is the subject names no speaker', () => {
  // Hypothetical speech in “a task saying …”: nobody is named, none is invented.
  // A gerund subject (“Saying "…" is easy”) has no speaker either.
  const text = 'Saying "we will win this war by the end of the year" is easy; doing it is not.';
  assert.ok(!run(text).some((r) => r.speaker !== undefined), JSON.stringify(run(text)));
});

test('participle fragment: a sentence of its own takes the previous sentence’s subject, with low confidence', () => {
  const text = 'They fired me from there too. Saying, "No, we do not need a gardener right now."';
  const q = run(text).find((r) => r.content.startsWith('No, we do not'));
  assert.equal(q?.speaker, 'They');
  assert.ok(q!.confidence <= 0.5);
  // Opening a paragraph there is no previous sentence to share a subject with.
  const alone = 'The market closed early.\nSaying, "No, we do not need a gardener right now."';
  assert.equal(run(alone).find((r) => r.content.startsWith('No, we do not'))?.speaker, undefined);
});

test('a past participle after a noun names something: not a quotation', () => {
  for (const text of ['There is a concept called "game" which is a stand-alone modpack.', 'They sailed on a ship named "Endurance" last year.']) {
    assert.deepEqual(run(text).filter((r) => /game|Endurance/.test(r.content)), [], text);
  }
});

// [text, content, cue, speaker]
const ADDRESSEE: [string, string, string, string][] = [
  ['The head of the internal investigators told the court "Basic investigations weren\'t done."', "Basic investigations weren't done.", 'told', 'The head of the internal investigators'],
  ['The captain warned the passengers "Stay in your seats until we land."', 'Stay in your seats until we land.', 'warned', 'The captain'],
];

test('tell-like cue with its addressee before the quotation', () => {
  for (const [text, content, cue, speaker] of ADDRESSEE) {
    const q = run(text).find((r) => r.content === content);
    assert.equal(q?.cue, cue, text);
    assert.equal(q?.speaker, speaker, text);
  }
  // A clause between cue and quotation is no addressee: the reading stays mixed (“told the court that the police had "…"”).
  const text = 'The officer told the court the police had "not done basic investigations at all".';
  const q = run(text).find((r) => r.content.includes('not done basic investigations'));
  assert.ok(q && q.content !== 'not done basic investigations at all', JSON.stringify(run(text)));
});

test('inverted attribution with a long post-modified speaker: the phrase before the preposition', () => {
  const text = '"Warm water is cutting into the shelf from below," said study co-author Ted Lee of the Institute for Research in Environmental Sciences at the University of Colorado.';
  assert.equal(speakerOf(text, 'Warm water is cutting into the shelf from below,'), 'study co-author Ted Lee');
  // Without a capitalised word before the preposition nothing names a speaker there.
  const none = '"Warm water is cutting into the shelf from below," said in a statement of the Institute for Research in Environmental Sciences at the University of Colorado.';
  assert.ok(!run(none).some((r) => r.speaker !== undefined), JSON.stringify(run(none)));
  const desc = '"Warm water is cutting into the shelf from below," said the spokesman for the regional office of the national railway company in the north.';
  assert.equal(speakerOf(desc, 'Warm water is cutting into the shelf from below,'), 'the spokesman');
});

// [text, content, speaker]
const COLON_PARAGRAPH: [string, string, string][] = [
  ['Prices rose again.\nIn comments on his blog, party chairman Mark Hill, whose profile lists #VOTE and #WIN, writes:\n"It is a long shot, but our ticket may draw enough votes."', 'It is a long shot, but our ticket may draw enough votes.', 'party chairman Mark Hill'],
  ['Lee defended the payments in comments on a news site and denied any wrongdoing:\n"The advances were to cover hotels and travel expenses in the state."', 'The advances were to cover hotels and travel expenses in the state.', 'Lee'],
];

test('a paragraph ending in “X writes:” introduces the quotation that opens the next one', () => {
  for (const [text, content, speaker] of COLON_PARAGRAPH) assert.equal(speakerOf(text, content), speaker, text);
  // A colon after no speaker (“as follows:”) names nobody: the quotation gets no speaker.
  const text = 'The rules of the contest are as follows:\n"Every entry must be original and no longer than five pages."';
  assert.ok(!run(text).some((r) => r.speaker !== undefined), JSON.stringify(run(text)));
});
