import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { cli } from './helpers/cli.ts';

const schema = JSON.parse(readFileSync(new URL('../schema/dateline.document-1.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
const EXAMPLE = new URL('../examples/dpa-2020-02-12-nato-iraq.txt', import.meta.url).pathname;
const SAMPLE = new URL('../examples/wikinews-sample.csv', import.meta.url).pathname;

function assertValid(doc: unknown): void {
  const ok = validate(doc);
  assert.ok(ok, JSON.stringify(validate.errors?.slice(0, 5), null, 1));
}

/** Every span of every layer lies inside the text. */
function assertSpansInside(doc: { text: string } & Record<string, unknown>): void {
  const n = doc.text.length;
  const check = (s: { start: number; end: number }, what: string): void => {
    assert.ok(s.start >= 0 && s.start <= s.end && s.end <= n, `${what} ${s.start}-${s.end} outside 0-${n}`);
  };
  for (const layer of ['sentences', 'tokens', 'timexes', 'quotes'] as const) {
    for (const s of (doc[layer] as Array<{ start: number; end: number }> | undefined) ?? []) check(s, layer);
  }
  for (const e of doc.entities as Array<{ mentions: Array<{ start: number; end: number }> }>) for (const m of e.mentions) check(m, 'mention');
  for (const v of doc.events as Array<{ trigger: { start: number; end: number } }>) check(v.trigger, 'trigger');
}

test('analyze the example article: valid dateline.document/1, metadata and 20 sentences', async () => {
  const r = await cli(['analyze', EXAMPLE, '--format', 'json', '--tokens']);
  const docs = JSON.parse(r.stdout) as Array<Record<string, any>>;
  assert.equal(docs.length, 1);
  const d = docs[0]!;
  assertValid(d);
  assertSpansInside(d as never);
  assert.equal(d.id, 'dpa-2020-02-12-nato-iraq');
  assert.equal(d.meta.published, '2020-02-13');
  assert.equal(d.meta.referenceDate, '2020-02-12');
  assert.equal(d.meta.referenceBasis, 'dateline');
  assert.deepEqual(
    { place: d.meta.dateline.place, country: d.meta.dateline.country, date: d.meta.dateline.date, agencies: d.meta.dateline.agencies },
    { place: 'Brussels', country: 'BEL', date: '2020-02-12', agencies: ['dpa', 'MIA'] },
  );
  assert.ok(d.text.startsWith('Brussels, 12 February 2020 (dpa/MIA) – NATO allies plan'));
  assert.equal(d.sentences.length, 20);
  assert.ok(d.text.slice(d.sentences[0].start).startsWith('NATO allies plan'));
  assert.ok(Array.isArray(d.tokens) && d.tokens.length > 400);
});

test('jsonl output: one valid document per line for the Wikinews sample', async () => {
  const r = await cli(['analyze', SAMPLE, '--format', 'jsonl']);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines.length, 40);
  for (const line of lines) {
    const d = JSON.parse(line);
    assertValid(d);
    assertSpansInside(d);
    assert.equal(d.meta.referenceBasis === 'dateline' || d.meta.referenceBasis === 'published', true);
    assert.equal(d.tokens, undefined, 'tokens only with --tokens');
  }
});

test('exit codes and per-document errors: 1 when some documents fail, 2 on bad usage', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-cli-'));
  writeFileSync(join(dir, 'good.txt'), 'WASHINGTON (AP) — The Senate met on Tuesday.');
  writeFileSync(join(dir, 'bad.txt'), Buffer.from([0, 1, 2, 0]));
  const r = await cli(['analyze', dir, '--format', 'jsonl']);
  assert.equal(r.code, 1);
  assert.equal(r.stdout.trim().split('\n').length, 1);
  assert.match(r.stderr, /E_BINARY: .*bad\.txt/);
  assert.equal((await cli(['analyze'])).code, 2);
  assert.equal((await cli(['analyze', EXAMPLE, '--format', 'xml'])).code, 2);
  assert.equal((await cli(['analyze', EXAMPLE, '--date', '2020-13-45'])).code, 2);
  assert.equal((await cli(['analyze', EXAMPLE, '--bogus'])).code, 2);
  assert.equal((await cli(['nope'])).code, 2);
});

test('stdin with --date and pretty output', async () => {
  const r = await cli(['analyze', '-', '--date', '2020-02-12', '--format', 'pretty'], 'The council met and agreed on a plan.');
  assert.equal(r.code, 0);
  assert.match(r.stdout, /reference\s+2020-02-12 \(option\)/);
  assert.match(r.stdout, /1 sentences/);
});

test('every command has --help', async () => {
  const main = await cli(['--help']);
  const names = [...main.stdout.matchAll(/^ {2}(\w+) /gm)].map((m) => m[1]!);
  assert.ok(names.length >= 10);
  for (const name of names) {
    const r = await cli([name, '--help']);
    assert.equal(r.code, 0, name);
    assert.match(r.stdout, new RegExp(`Usage: dateline ${name}`));
  }
});
