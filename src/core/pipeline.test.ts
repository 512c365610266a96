import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDocument, withLayers, type Document } from './document.ts';
import { createPipeline, type Stage } from './pipeline.ts';
import { DatelineError } from './errors.ts';
import { pipelineFromNames } from '../stages.ts';

const stage = (name: string, requires: Stage['requires'], assigns: Stage['assigns'], run?: Stage['run'], uses?: Stage['uses']): Stage => ({
  name,
  version: 1,
  requires,
  assigns,
  ...(uses ? { uses } : {}),
  run: run ?? ((d) => d),
});

const doc = (): Document => createDocument({ id: 'd', text: 'Hello world.', meta: { referenceBasis: 'none' } });

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof DatelineError ? e.code : 'other';
  }
  return undefined;
}

test('createPipeline accepts stages in a valid order', () => {
  const p = createPipeline([stage('a', [], ['tokens', 'sentences']), stage('b', ['tokens'], ['entities'])]);
  assert.equal(p.stages.length, 2);
});

test('createPipeline fails fast when a requirement comes later or never', () => {
  assert.equal(codeOf(() => createPipeline([stage('b', ['tokens'], ['entities']), stage('a', [], ['tokens'])])), 'E_PIPELINE_ORDER');
  assert.equal(codeOf(() => createPipeline([stage('b', ['deps'], ['events'])])), 'E_PIPELINE_ORDER');
});

test('a used capability assigned by a later stage is an order error; absent is fine', () => {
  assert.equal(
    codeOf(() => createPipeline([stage('t', [], ['tokens']), stage('x', ['tokens'], ['timexes'], undefined, ['pos']), stage('p', ['tokens'], ['pos'])])),
    'E_PIPELINE_ORDER',
  );
  assert.equal(codeOf(() => createPipeline([stage('t', [], ['tokens']), stage('x', ['tokens'], ['timexes'], undefined, ['pos'])])), undefined);
});

test('two stages assigning the same capability is an error', () => {
  assert.equal(codeOf(() => createPipeline([stage('a', [], ['tokens']), stage('b', [], ['tokens'])])), 'E_PIPELINE_DUPLICATE');
});

test('unknown stage names give E_PIPELINE_UNKNOWN_STAGE; the default pipeline builds', () => {
  assert.equal(codeOf(() => pipelineFromNames(['tokenize', 'nope'])), 'E_PIPELINE_UNKNOWN_STAGE');
  assert.equal(codeOf(() => pipelineFromNames()), undefined);
  assert.equal(codeOf(() => pipelineFromNames(['entities'])), 'E_PIPELINE_ORDER');
});

test('documents are immutable and stages return new documents', () => {
  const d = doc();
  assert.throws(() => {
    (d as { text: string }).text = 'x';
  });
  const p = createPipeline([
    stage('a', [], ['sentences'], (x) => withLayers(x, { sentences: [{ start: 0, end: 12 }] })),
  ]);
  const out = p.run(d);
  assert.equal(d.sentences.length, 0);
  assert.equal(out.sentences.length, 1);
  assert.ok(Object.isFrozen(out.sentences[0]));
});

test('a failing stage is reported as a document error and later stages still run', () => {
  const p = createPipeline([
    stage('bad', [], ['tokens'], () => {
      throw new Error('boom');
    }),
    stage('good', [], ['sentences'], (x) => withLayers(x, { sentences: [{ start: 0, end: 5 }] })),
  ]);
  const out = p.run(doc());
  assert.equal(out.errors?.length, 1);
  assert.match(out.errors![0]!.message, /bad@1.*boom/);
  assert.equal(out.sentences.length, 1);
});
