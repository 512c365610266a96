import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyDictionary, parseCode, pluralOf, readDictionary } from './petrarch.ts';
import { classOf, composeCode, emptyComposeRules, readComposeRules } from './compose.ts';

const SAMPLE = `
&CURRENCY
+DOLLAR
+KRONER_

&AUXVERB_
+WILL

---  GRANT   [070]  ---
GRANT
GIVE {GAVE GIVEN GIVING GIVES}
+HAND_OVER [071]
- * &CURRENCY                     [071]   # GIVE
- * {MILITARY AID} (TO +)          [072]
- * ADVICE                        [---]
- $ * (FROM +)                    [:073]

---  CALL   [041:041]  ---
CALL
- * (FOR TALKS)                   [026]
- * BAD/BROKEN                    [110]
~ a (a b ATTACK) SAY = a b 015
`;

test('reads synsets with generated plurals, and no plural after "_"', () => {
  const d = readDictionary(emptyDictionary('verb'), SAMPLE, 'sample');
  assert.deepEqual(d.synsets.get('&CURRENCY'), [['DOLLAR'], ['DOLLARS'], ['KRONER']]);
  assert.deepEqual(d.synsets.get('&AUXVERB_'), [['WILL']]);
});

test('reads verbs: regular forms generated, irregular forms as given, multi-words, own codes', () => {
  const d = readDictionary(emptyDictionary('verb'), SAMPLE, 'sample');
  for (const f of ['GRANT', 'GRANTS', 'GRANTED', 'GRANTING']) assert.equal(d.forms.get(f)?.[0]?.code, '070', f);
  assert.equal(d.forms.get('GAVE')?.[0]?.code, '070');
  assert.equal(d.forms.get('GIVED'), undefined);
  const hand = d.forms.get('HANDED')?.[0];
  assert.equal(hand?.code, '071');
  assert.deepEqual(hand?.after, ['OVER']);
  assert.equal(d.forms.get('CALLED')?.[0]?.code, '041');
  assert.equal(d.transformations.length, 1);
});

test('reads patterns: phrases, prepositional phrases, null codes, reversed codes, actor markers', () => {
  const d = readDictionary(emptyDictionary('verb'), SAMPLE, 'sample');
  const grant = d.blocks.find((b) => b.name === 'GRANT')!;
  assert.equal(grant.patterns.length, 4);
  const [cur, mil, advice, rev] = grant.patterns;
  assert.equal(cur!.code, '071');
  assert.equal(mil!.post[0]!.type, 'phrase');
  assert.equal(mil!.post[1]!.type, 'pp');
  assert.equal(mil!.weight, 3);
  assert.equal(advice!.code, null);
  assert.equal(rev!.code, null);
  assert.equal(rev!.reverse, '073');
  assert.equal(rev!.swapRoles, false);
  const call = d.blocks.find((b) => b.name === 'CALL')!;
  const alt = call.patterns[1]!.post[0]!;
  assert.ok(alt.type === 'word');
  assert.deepEqual(alt.alts, [['BAD'], ['BROKEN']]);
});

test('a later dictionary overrides a bare code and adds patterns, keeping the old ones', () => {
  const d = readDictionary(emptyDictionary('verb'), SAMPLE, 'sample');
  readDictionary(d, '---  CALL2   [---]  ---\nCALL [020]\n- * (FOR HELP) [0234]\n', 'user');
  const entries = d.forms.get('CALL')!;
  assert.equal(entries[entries.length - 1]!.code, '020');
  assert.equal(entries[entries.length - 1]!.block.rank > entries[0]!.block.rank, true);
});

test('malformed patterns are skipped and reported, never thrown', () => {
  const d = readDictionary(emptyDictionary('verb'), '---  X   [010]  ---\nX\n- * (UNCLOSED [020]\n- * &UNDEFINED [030]\n', 'bad');
  assert.equal(d.blocks[0]!.patterns.length, 0);
  assert.equal(d.skipped.length, 2);
});

test('codes and plurals', () => {
  assert.deepEqual(parseCode('042:043'), { code: '042', reverse: '043' });
  assert.deepEqual(parseCode('---'), { code: null, reverse: null });
  assert.deepEqual(parseCode(':173'), { code: null, reverse: '173' });
  assert.equal(pluralOf('PARTY'), 'PARTIES');
  assert.equal(pluralOf('ADDRESS'), 'ADDRESSES');
  assert.equal(pluralOf('TALK'), 'TALKS');
});

test('composition rules: longest prefix, fallbacks, classes by word and by root', () => {
  const r = readComposeRules(emptyComposeRules(), 'CLASS INTENT AGREE\nROOT INTENT 03\nRULE INTENT 062 0312\nRULE INTENT 06 031\nRULE INTENT - 030\nRULE INTENT * =comp\n');
  const c = classOf(r, 'agree', null)!;
  assert.equal(c.name, 'INTENT');
  assert.equal(classOf(r, 'PLEDGE', '0311')?.name, 'INTENT');
  assert.equal(classOf(r, 'PLEDGE', '120'), null);
  assert.equal(composeCode(c, '050', '0621'), '0312');
  assert.equal(composeCode(c, '050', '060'), '031');
  assert.equal(composeCode(c, '050', null), '030');
  assert.equal(composeCode(c, '050', '190'), '190');
});

test('a word in two blocks of one file: its own [code] is its bare code, not the other block\'s none', async () => {
  const { primaryEntry } = await import('../match.ts');
  const text = `---  MEET_DEMANDS   [---]  ---\nACCEPT\n- * DEMANDS   [080]\n\n---  ACCEPT_PROPOSAL   [---]  ---\nACCEPT [030]\n`;
  const d = readDictionary(emptyDictionary('verb'), text, 'sample');
  assert.equal(primaryEntry(d.forms.get('ACCEPTED')!).code, '030');
  // A later file's code still wins over the earlier one's.
  readDictionary(d, `---  X   [---]  ---\nACCEPT [120]\n`, 'later');
  assert.equal(primaryEntry(d.forms.get('ACCEPTED')!).code, '120');
});
