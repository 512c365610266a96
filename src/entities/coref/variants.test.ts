import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseActorDictionary, phraseWords } from '../gazetteer/tabari.ts';
import { variantKey } from './variants.ts';

const [dot, isis, nato] = parseActorDictionary(
  [
    'UNITED_STATES_DEPARTMENT_OF_TRANSPORTATION_',
    '+US_DEPARTMENT_OF_TRANSPORTATION_',
    '+FEDERAL_AVIATION_ADMINISTRATION_',
    '+FAA_',
    '+NATIONAL_TRANSPORTATION_SAFETY_BOARD_',
    '+NTSB_',
    '\t[USAGOV]',
    'THE_ISLAMIC_STATE_OF_IRAQ_AND_SYRIA_',
    '+ISIS_',
    '+ISLAMIC_STATE_',
    '+ISIL_',
    '+ISLAMIC_STATE_OF_IRAQ_AND_THE_LEVANT_',
    '\t[IMGMUSISI]',
    'NATO_',
    '+NORTH_ATLANTIC_TREATY_ORGANIZATION_',
    '\t[IGONAT]',
  ].join('\n'),
  'Phoenix.test.actors.txt',
);

test('a bag record keeps distinct bodies apart and joins acronyms to their names', () => {
  const key = (p: string) => variantKey(dot!, phraseWords(p));
  assert.notEqual(key('FEDERAL_AVIATION_ADMINISTRATION'), key('NATIONAL_TRANSPORTATION_SAFETY_BOARD'));
  assert.equal(key('FAA'), key('FEDERAL_AVIATION_ADMINISTRATION'));
  assert.equal(key('NTSB'), key('NATIONAL_TRANSPORTATION_SAFETY_BOARD'));
  assert.equal(key('US_DEPARTMENT_OF_TRANSPORTATION'), key('UNITED_STATES_DEPARTMENT_OF_TRANSPORTATION'));
});

test('name variants of one body stay together; small records are one body', () => {
  const key = (p: string) => variantKey(isis!, phraseWords(p));
  assert.equal(key('ISIS'), key('ISLAMIC_STATE'));
  assert.equal(key('ISIL'), key('ISLAMIC_STATE'));
  assert.equal(variantKey(nato!, ['NATO']), variantKey(nato!, phraseWords('NORTH_ATLANTIC_TREATY_ORGANIZATION')));
});
