import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Entity } from '../core/document.ts';
import { entityAt, entitiesIn } from './index.ts';

const entities: Entity[] = [
  { id: 'e1', name: 'Iraq', type: 'GPE', code: 'IRQ', mentions: [{ start: 10, end: 15, kind: 'demonym' }, { start: 40, end: 47, kind: 'name', code: 'IRQGOV' }] },
  { id: 'e2', name: 'Iraqi troops', type: 'ORG', code: 'IRQMIL', mentions: [{ start: 10, end: 22, kind: 'nominal' }] },
  { id: 'e3', name: 'NATO', type: 'ORG', code: 'IGONAT', mentions: [{ start: 60, end: 64, kind: 'name' }, { start: 70, end: 82, kind: 'nominal' }] },
  { id: 'e4', name: 'Jane Doe', type: 'PERSON', code: 'IGONAT', mentions: [{ start: 70, end: 88, kind: 'nominal' }] },
];
const doc = { entities };

test('entityAt: an exact mention wins, with the mention’s own code', () => {
  assert.equal(entityAt(doc, 10, 22)?.entity.id, 'e2');
  assert.equal(entityAt(doc, 10, 15)?.entity.id, 'e1');
  assert.equal(entityAt(doc, 40, 47)?.code, 'IRQGOV');
});

test('entityAt: else the smallest covering mention, else the largest covered one', () => {
  assert.equal(entityAt(doc, 11, 13)?.entity.id, 'e1');
  assert.equal(entityAt(doc, 80, 84)?.entity.id, 'e4');
  assert.equal(entityAt(doc, 55, 66)?.entity.id, 'e3');
  assert.equal(entityAt(doc, 0, 5), undefined);
});

test('entitiesIn lists the entities mentioned inside a span', () => {
  assert.deepEqual(entitiesIn(doc, 0, 65).map((h) => h.entity.id), ['e1', 'e2', 'e3']);
});
