import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseActorDictionary, codeAt, type ActorRecord } from '../../src/entities/gazetteer/tabari.ts';
import { DEFAULT_ACTOR_FILES } from '../../src/entities/gazetteer/index.ts';

// The project's own dated supplements are hand-kept world knowledge: these checks catch the typing
// slips such files collect (a role ending before it starts, a code that is no CAMEO actor code, the
// same person twice with different roles).
const SUPPLEMENTS = DEFAULT_ACTOR_FILES.filter((f) => /\/dateline\./.test(f));
const read = (f: string): ActorRecord[] =>
  parseActorDictionary(readFileSync(fileURLToPath(new URL(`../../data/${f}`, import.meta.url)), 'utf8'), f);

test('the dateline supplements are loaded by default', () => {
  assert.ok(SUPPLEMENTS.includes('cameo/dateline.supplement.actors.txt'));
  assert.ok(SUPPLEMENTS.includes('cameo/dateline.leaders.actors.txt'));
});

for (const file of SUPPLEMENTS) {
  test(`${file}: every record is well formed`, () => {
    const records = read(file);
    assert.ok(records.length > 50, `${file}: ${records.length} records`);
    for (const r of records) {
      assert.ok(r.codes.length > 0, `${r.primary}: no code`);
      for (const c of r.codes) {
        // Country or IGO/NGO prefix + sectors, in CAMEO's three-letter blocks.
        assert.match(c.code, /^(?:[A-Z]{3})+$/, `${r.primary}: code ${c.code}`);
        if (c.from && c.to) assert.ok(c.from <= c.to, `${r.primary}: ${c.code} ${c.from} after ${c.to}`);
        for (const d of [c.from, c.to]) if (d) assert.match(d, /^(?:19|20)\d\d-\d\d-\d\d$/, `${r.primary}: date ${d}`);
      }
      if (r.type === 'PERSON') assert.ok(r.gender === 'm' || r.gender === 'f', `${r.primary}: gender`);
    }
  });
}

test('no person is kept in two supplements', () => {
  const seen = new Map<string, string>();
  for (const file of SUPPLEMENTS) {
    for (const r of read(file)) {
      const key = r.phrases[0]!.join(' ');
      assert.ok(!seen.has(key) || seen.get(key) === file, `${r.primary} in ${seen.get(key)} and ${file}`);
      seen.set(key, file);
    }
  }
});

test('dated roles resolve by the reference date', () => {
  const byName = new Map(read('cameo/dateline.leaders.actors.txt').map((r) => [r.primary, r]));
  const wickremesinghe = byName.get('RANIL_WICKREMESINGHE_')!;
  assert.equal(codeAt(wickremesinghe, '2016-05-01')?.code, 'LKAGOV');
  assert.equal(codeAt(wickremesinghe, '2018-11-20'), undefined, 'between his terms he held no office here');
  const machar = byName.get('RIEK_MACHAR_')!;
  assert.equal(codeAt(machar, '2016-07-01')?.code, 'SSDREB');
  assert.equal(codeAt(machar, '2021-01-01')?.code, 'SSDGOV');
});
