import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeFacts, loadCameoTables, parsePlover, quadClassOf, rootOf } from './cameo.ts';
import { loadLexicon } from './dictionary/index.ts';

const QUAD: [string, number][] = [['010', 1], ['0312', 1], ['057', 1], ['060', 2], ['0874', 2], ['090', 3], ['1384', 3], ['141', 4], ['186', 4], ['2042', 4]];
for (const [code, q] of QUAD) test(`quad class of ${code} is ${q}`, () => assert.equal(quadClassOf(code), q));

test('root, Goldstein and PLOVER from the shipped tables', () => {
  assert.equal(rootOf('0312'), '03');
  const f = codeFacts('0312', loadCameoTables());
  assert.equal(f.plover, 'AGREE');
  assert.equal(f.ploverMode, 'military');
  assert.equal(f.goldstein, 5.2);
  const a = codeFacts('186');
  assert.equal(a.plover, 'ASSAULT');
  assert.equal(a.ploverMode, 'assassinate');
  assert.ok(a.goldstein < -5);
  // CAMEO 02 (appeal) was dropped by PLOVER: no category rather than a wrong one.
  assert.equal(codeFacts('020').plover, undefined);
});

test('PLOVER table: first line wins for a repeated code; mode and context columns', () => {
  const t = parsePlover('08: CONCEDE\n084: RETREAT, ,  # x\n0841: RETREAT, release,   legal # y\n0841: ASSAULT, , # z\n');
  assert.deepEqual(t.get('0841'), { type: 'RETREAT', mode: 'release', context: 'legal' });
  assert.deepEqual(t.get('084'), { type: 'RETREAT' });
});

test('the shipped dictionaries load without losing many patterns', () => {
  const lex = loadLexicon();
  const patterns = lex.verbs.blocks.reduce((n, b) => n + b.patterns.length, 0);
  assert.ok(patterns > 4500, `only ${patterns} patterns`);
  assert.ok(lex.verbs.skipped.length < 40);
  assert.ok(lex.nouns.forms.has('ASSASSINATION'));
  assert.ok(lex.compose.classes.has('INTENT'));
});
