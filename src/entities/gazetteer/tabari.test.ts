import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeAt, parseActorDictionary, parseAgentDictionary, phraseWords, tabariDate } from './tabari.ts';

test('TABARI dates: YYMMDD with the 00–30 → 20YY rule, YYYYMMDD, invalid', () => {
  const cases: [string, string | undefined][] = [
    ['450703', '1945-07-03'],
    ['141001', '2014-10-01'],
    ['301231', '2030-12-31'],
    ['20200212', '2020-02-12'],
    ['201302', undefined],
    ['abc', undefined],
  ];
  for (const [input, expected] of cases) assert.equal(tabariDate(input), expected, input);
});

test('actor records: primary, synonyms, inline and indented dated codes, comments', () => {
  const text = [
    '# a comment',
    'JAMES_BYRNES_  ; CountryInfo.txt',
    '+JIMMY_BYRNES_',
    '\t[USAELI 18970101-450703]',
    '\t[USAGOV 450703-470121]',
    'AFGHANISTAN_  [AFG]',
    '+KABUL_ # capital',
    'ANN_VENEMAN_\t[USAGOV 010120-050120] [IGOUNOKID >050501]# two inline codes',
    'JANE_DOE_ # type: PERSON # gender: f',
    '\t[FRAGOV >20170514] # role: President of France',
    '<!-- X_Y_ [ZZZ] -->',
  ].join('\n');
  const recs = parseActorDictionary(text, 'f');
  assert.deepEqual(recs.map((r) => r.primary), ['JAMES_BYRNES_', 'AFGHANISTAN_', 'ANN_VENEMAN_', 'JANE_DOE_']);
  assert.deepEqual(recs[0]!.phrases, [['JAMES', 'BYRNES'], ['JIMMY', 'BYRNES']]);
  assert.equal(recs[0]!.countryInfo, true);
  assert.equal(codeAt(recs[0]!, '1946-01-01')?.code, 'USAGOV');
  assert.equal(codeAt(recs[0]!, '1960-01-01'), undefined);
  assert.equal(codeAt(recs[1]!, '2020-01-01')?.code, 'AFG');
  assert.equal(codeAt(recs[2]!, '2003-01-01')?.code, 'USAGOV');
  assert.equal(codeAt(recs[2]!, '2010-01-01')?.code, 'IGOUNOKID');
  assert.equal(recs[3]!.type, 'PERSON');
  assert.equal(recs[3]!.gender, 'f');
  assert.equal(codeAt(recs[3]!, '2020-01-01')?.role, 'President of France');
  assert.equal(codeAt(recs[3]!, '2010-01-01'), undefined);
});

test('without a date the default code wins, else the most recent role', () => {
  const [a, b] = parseActorDictionary('A_ [XXX]\n\t[YYY 100101-120101]\nB_\n\t[OLD 900101-950101]\n\t[NEW >100101]');
  assert.equal(codeAt(a!)?.code, 'XXX');
  assert.equal(codeAt(b!)?.code, 'NEW');
});

test('agents: plurals, {} for none, explicit plurals, substitution sets, prefix codes', () => {
  const agents = parseAgentDictionary(
    ['!MINIST! = MINISTER, MINISTRY', 'TROOP [~MIL]', 'POLICE {} [~COP]', 'ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~JUD]', 'FOREIGN_!MINIST! [~GOV]', 'HUMAN_RIGHTS_BODY [NGO~]', 'ARMY [~MIL]'].join('\n'),
  );
  const phrases = agents.map((a) => `${a.words.join(' ')}:${a.position === 'suffix' ? '~' : ''}${a.code}`);
  assert.ok(phrases.includes('TROOPS:~MIL'));
  assert.ok(phrases.includes('POLICE:~COP') && !phrases.includes('POLICES:~COP'));
  assert.ok(phrases.includes('ATTORNEYS GENERAL:~JUD'));
  assert.ok(phrases.includes('FOREIGN MINISTRY:~GOV') && !phrases.includes('FOREIGN MINISTRYS:~GOV'));
  assert.ok(phrases.includes('HUMAN RIGHTS BODY:NGO'));
  assert.ok(phrases.includes('ARMIES:~MIL'));
});

test('phrase words split on underscores, blanks and hyphens', () => {
  assert.deepEqual(phraseWords('ABU_BAKR_AL-BAGHDADI_'), ['ABU', 'BAKR', 'AL', 'BAGHDADI']);
  assert.deepEqual(phraseWords('U.S._ARMY'), ['U.S.', 'ARMY']);
});
