import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { codeDocument, defaultCoderConfig } from './coder.ts';
import { makeDoc } from './testing.ts';

const config = defaultCoderConfig('events@1');
const WORDS = ['Iraq', 'Iran', 'attacked', 'will', 'not', 'if', 'the', 'talks', 'with', 'agreed', 'to', 'cooperate', 'refused', 'meet', 'assuming', 'in', 'Syria', 'demands', 'no', 'made', ',', 'that', 'must', 'was', 'by', 'plans', 'called', 'for'];

test('any word sequence: no throw, spans inside their sentence, one event per trigger', () => {
  fc.assert(
    fc.property(fc.array(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 14 }), { minLength: 1, maxLength: 3 }), (sents) => {
      const doc = makeDoc({
        sentences: sents.map((s) => `${s.join(' ')}.`),
        actors: [{ text: 'Iraq', code: 'IRQ' }, { text: 'Iran', code: 'IRN' }, { text: 'Syria', code: 'SYR' }],
        referenceDate: '2020-02-12',
      });
      const events = codeDocument(doc, config);
      const seen = new Set<number>();
      for (const e of events) {
        const s = doc.sentences[e.sentence]!;
        assert.ok(e.trigger.start >= s.start && e.trigger.end <= s.end);
        if (e.condition) assert.ok(e.condition.start >= s.start && e.condition.end <= s.end);
        assert.ok(!seen.has(e.trigger.start));
        seen.add(e.trigger.start);
        assert.match(e.cameo, /^\d{3,4}$/);
        assert.equal(e.root, e.cameo.slice(0, 2));
      }
    }),
    { numRuns: 200 },
  );
});
