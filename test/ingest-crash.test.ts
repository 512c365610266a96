/**
 * Ingest crash safety: kill -9 an ingest child process at random moments, re-run it, and check the
 * final store equals the one an uninterrupted run builds. Also: a second run over the same input
 * stores nothing new, and duplicates are linked to the first copy.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { fixtureDocument, rng, syndicatedCopy } from '../src/store/fixtures.ts';
import { openStore } from '../src/store/store.ts';

const BIN = fileURLToPath(new URL('../bin/dateline.js', import.meta.url));
const DOCS = 48;
// Only tokenization: crash safety is about the store, and a small stage set keeps the runs short.
const ARGS = ['--stages', 'tokenize', '--batch-size', '3', '--workers', '1', '--format', 'json'];

function ingest(corpus: string, db: string, killAfterMs?: number): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'ingest', corpus, '--db', db, ...ARGS], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = killAfterMs !== undefined ? setTimeout(() => child.kill('SIGKILL'), killAfterMs) : undefined;
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** Everything the store holds, in a form two stores can be compared by. */
async function dump(db: string): Promise<unknown> {
  const store = await openStore(db);
  try {
    const list = await store.listDocuments({ includeDuplicates: true });
    const docs = [];
    for (const d of list.items) docs.push(await store.getDocument(d.id));
    const events = [];
    for await (const e of store.streamEvents({})) events.push(e);
    const entities = await store.entities({ sort: 'name' });
    return { stats: await store.stats(), docs, events, entities: entities.items };
  } finally {
    await store.close();
  }
}

describe('ingest: kill -9 and resume', () => {
  let dir: string;
  let corpus: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'dateline-ingest-'));
    corpus = join(dir, 'corpus.jsonl');
    const lines: string[] = [];
    for (let i = 0; i < DOCS; i++) {
      const d = fixtureDocument(i);
      lines.push(JSON.stringify({ id: d.id, text: d.text, date: d.meta.published, title: d.meta.title }));
      if (i === 10) lines.push(JSON.stringify({ id: 'exact-copy', text: d.text, date: d.meta.published }));
      if (i === 20) lines.push(JSON.stringify({ id: 'near-copy', text: syndicatedCopy(d, 'near-copy').text, date: d.meta.published }));
    }
    writeFileSync(corpus, lines.join('\n') + '\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('ends with the same store as an uninterrupted run, and a re-run adds nothing', async () => {
    const refDb = join(dir, 'ref.db');
    const ref = await ingest(corpus, refDb);
    assert.equal(ref.code, 0, ref.stderr);
    const summary = JSON.parse(ref.stdout) as { stored: number; duplicates: number; exactDuplicates: number; nearDuplicates: number };
    assert.equal(summary.stored, DOCS);
    assert.equal(summary.exactDuplicates, 1);
    assert.equal(summary.nearDuplicates, 1);

    const crashDb = join(dir, 'crash.db');
    const rand = rng(20240611);
    let killed = 0;
    for (let k = 0; k < 3; k++) {
      // Start-up (tsx, worker) takes about a second; aim the kill anywhere in the run.
      const r = await ingest(corpus, crashDb, 700 + Math.floor(rand() * 2300));
      if (r.signal === 'SIGKILL') killed++;
    }
    const final = await ingest(corpus, crashDb);
    assert.equal(final.code, 0, final.stderr);
    assert.ok(killed >= 1, 'at least one run should have been killed mid-way');
    assert.deepEqual(await dump(crashDb), await dump(refDb));

    const again = await ingest(corpus, refDb);
    assert.equal(again.code, 0);
    const s2 = JSON.parse(again.stdout) as { stored: number; duplicates: number; skipped: number };
    assert.equal(s2.stored, 0);
    assert.equal(s2.duplicates, 0);
    assert.equal(s2.skipped, DOCS + 2);
    const st = (await dump(refDb)) as { stats: { documents: number; duplicates: number } };
    assert.equal(st.stats.documents, DOCS);
    assert.equal(st.stats.duplicates, 2);
  });

  it('reports unreadable documents with code, file and line and exits 1', async () => {
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, `${JSON.stringify({ id: 'ok-1', text: fixtureDocument(1).text })}\n{not json\n${JSON.stringify({ id: 'empty', text: '  ' })}\n`);
    const r = await ingest(bad, join(dir, 'bad.db'));
    assert.equal(r.code, 1);
    assert.match(r.stderr, /E_PARSE: .*bad\.jsonl:2/);
    assert.match(r.stderr, /E_EMPTY: .*bad\.jsonl:3/);
    assert.equal((JSON.parse(r.stdout) as { stored: number }).stored, 1);
  });
});
