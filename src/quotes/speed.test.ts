import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createDocument, withLayers, type Token } from '../core/document.ts';
import { findCues } from './cues.ts';
import { colonLead } from './direct.ts';
import { lastClauseLead } from './indirect.ts';
import { buildSyntax } from './syntax.ts';
import type { Entity, EntityType, MentionKind, Span } from '../core/document.ts';
import { entityForSpan, headWordOf, indexWords, namesPersonIn, WORD_RE, wordsIn, type Word } from './mentions.ts';

/** The reference definition of wordsIn: the word regex over the slice alone. */
function reference(text: string, start: number, end: number): Word[] {
  const out: Word[] = [];
  const slice = text.slice(start, end);
  for (const m of slice.matchAll(new RegExp(WORD_RE.source, WORD_RE.flags))) {
    let w = m[0];
    if (w.endsWith('.') && !/^(?:[A-Z][a-z]?|[A-Z](?:\.[A-Z])+|Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|Sgt|Rep|Sen|Gov|Prof|Jr|Sr)\.$/.test(w)) w = w.slice(0, -1);
    out.push({ start: start + m.index!, end: start + m.index! + w.length, w, lower: w.toLowerCase() });
  }
  return out;
}

// Characters around the word pattern's edges: separators, periods, marks, accents, astral letters, surrogates.
const PIECES = ['a', 'B', 'é', 'Z', '7', ' ', '.', '-', "'", '’', ',', 'U.S.', 'Dr.', 'e\u0301', '\u0301', '𝐀', '😀', '\ud835', 'Qa’ida', '\n', 'said', 'Mr.', '--', '.a', 'x.y.'];
const textArb = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((xs) => xs.join(''));

test('wordsIn from the document index equals a scan of the slice, for any range', () => {
  fc.assert(
    fc.property(textArb, fc.nat(), fc.nat(), (text, a, b) => {
      // (ranges may reach past either end of the text, as `slice` allows)
      const start = (a % (text.length + 7)) - 3;
      const end = (b % (text.length + 7)) - 3;
      const [s, e] = start <= end ? [start, end] : [end, start];
      indexWords(text);
      assert.deepEqual(wordsIn(text, s, e), reference(text, s, e));
      // and without an index for this text (another document indexed)
      indexWords(`${text} other`);
      assert.deepEqual(wordsIn(text, s, e), reference(text, s, e));
    }),
    { numRuns: 3000 },
  );
});

test('wordsIn keeps abbreviation periods and drops sentence-final ones', () => {
  const text = 'Dr. Lin of the U.S. said it. Then-mayor Qa’ida’s e\u0301lan.';
  indexWords(text);
  assert.deepEqual(wordsIn(text, 0, text.length).map((w) => w.w), ['Dr.', 'Lin', 'of', 'the', 'U.S.', 'said', 'it', 'Then-mayor', 'Qa’ida’s', 'e\u0301lan']);
  // A range that starts or ends inside a word scans only its part, as the slice does.
  assert.deepEqual(wordsIn(text, 1, 12).map((w) => w.w), ['r', 'Lin', 'of', 't']);
});

test('findCues answers a repeated range the same and returns a fresh array', () => {
  const text = 'The minister said that talks failed, and officials added that more would follow.';
  const a = findCues(text, 0, text.length);
  a.pop();
  const b = findCues(text, 0, text.length);
  assert.deepEqual(b.map((c) => c.lemma), ['say', 'add']);
  assert.deepEqual(findCues(text, text.indexOf('failed'), text.length).map((c) => c.lemma), ['add']);
});

/** The reference definitions: a scan of every mention of every entity. */
function entityForSpanByScan(entities: readonly Entity[], text: string, span: Span, head?: Span): string | undefined {
  let best: { id: string; score: number } | undefined;
  const h = head ?? headWordOf(text, span);
  for (const e of entities) {
    for (const m of e.mentions) {
      if (m.end <= span.start || m.start >= span.end) continue;
      let score = 0;
      if (h && m.start <= h.start && m.end >= h.end) score += 8;
      if (m.start >= span.start && m.end <= span.end) score += 4;
      if (m.start === span.start && m.end === span.end) score += 2;
      if (e.type === 'PERSON') score += 3;
      else if (e.type === 'ORG' || e.type === 'NORP') score += 1;
      score -= Math.abs(span.end - m.end) / 100;
      if (!best || score > best.score) best = { id: e.id, score };
    }
  }
  return best?.id;
}

test('entityForSpan and namesPersonIn from the mention index equal a scan of all mentions', () => {
  const text = 'The minister of the interior Ana Lopez and Tesco CEO Dave Lewis said the plan of the agency was sound today.';
  const mentionArb = fc.record({ start: fc.nat(100), len: fc.nat(12), kind: fc.constantFrom<MentionKind>('name', 'nominal', 'pronoun') });
  const entityArb = fc.record({ type: fc.constantFrom<EntityType>('PERSON', 'ORG', 'GPE', 'NORP'), mentions: fc.array(mentionArb, { maxLength: 4 }) });
  fc.assert(
    fc.property(fc.array(entityArb, { maxLength: 8 }), fc.nat(100), fc.nat(20), (raw, s, len) => {
      const entities: Entity[] = raw.map((e, i) => ({ id: `e${i}`, name: `E${i}`, type: e.type, mentions: e.mentions.map((m) => ({ start: m.start, end: m.start + m.len, kind: m.kind })) }));
      const span = { start: s, end: s + len };
      const doc = { text, entities };
      assert.equal(entityForSpan(doc as never, span), entityForSpanByScan(entities, text, span));
      const byScan = entities.some((e) => e.type === 'PERSON' && e.mentions.some((m) => m.kind === 'name' && m.start >= span.start && m.end <= span.end));
      assert.equal(namesPersonIn(doc, span), byScan);
    }),
    { numRuns: 2000 },
  );
});

test('tokenAt by offset table equals the binary search over token starts (ties and overlaps included)', () => {
  const tokenArb = fc.array(fc.record({ start: fc.nat(40), len: fc.nat(6) }), { minLength: 1, maxLength: 12 });
  fc.assert(
    fc.property(tokenArb, (raw) => {
      const tokens: Token[] = raw.map((t) => ({ start: t.start, end: t.start + t.len, upos: 'NOUN' })).sort((a, b) => a.start - b.start);
      const doc = withLayers(createDocument({ id: 't', text: 'x'.repeat(44), meta: { referenceBasis: 'none' } }), { tokens });
      const syn = buildSyntax(doc);
      for (let pos = -1; pos <= 46; pos++) {
        let best = -1;
        tokens.forEach((t, i) => { if (t.start <= pos) best = i; });
        assert.equal(syn.tokenAt(pos), best >= 0 && pos < tokens[best]!.end ? best : -1, `pos ${pos}`);
      }
    }),
    { numRuns: 500 },
  );
});

test('the backward scans give what the clause-lead and colon regexes match', () => {
  const pieces = [' ', 'and', ' the ', 'but', 'while', 'whereas', ';', ':', ',', '.', 'X', 'Lin', '"', '“', '”', '?', 'band', 'an', ' a ', '\n', '  '];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((xs) => xs.join('')), (seg) => {
      const lead = /.*(?:;|\bwhile\b|\bwhereas\b|\bbut\b|\band\b(?=\s+(?:the|a|an)\b))/su.exec(seg);
      assert.equal(lastClauseLead(seg), lead ? lead[0].length : -1);
      const colon = /([^.:;!?"“”]+):\s*$/u.exec(seg);
      assert.deepEqual(colonLead(seg), colon ? { start: colon.index, lead: colon[1] } : undefined);
    }),
    { numRuns: 3000 },
  );
});
