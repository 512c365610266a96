import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { readInputs, type InputItem, type ReadOptions } from '../src/ingest/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'dateline-ingest-'));
const put = (name: string, content: string | Uint8Array): string => {
  const p = join(dir, name);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, content);
  return p;
};
async function all(paths: string[], options: ReadOptions = {}): Promise<InputItem[]> {
  const out: InputItem[] = [];
  for await (const x of readInputs(paths, options)) out.push(x);
  return out;
}
const docs = (items: InputItem[]) => items.flatMap((i) => (i.ok ? [i.doc] : []));
const errors = (items: InputItem[]) => items.flatMap((i) => (i.ok ? [] : [i.error]));

const WIRE = ' date 2020-02-13 Brussels, 12 February 2020 (dpa/MIA) – NATO allies plan to do things.\n\nThey said so.';

test('seed wire text: date token is metadata, dateline parsed, reference from dateline', async () => {
  const [item] = await all([put('wire.txt', WIRE)]);
  assert.ok(item?.ok);
  const d = item.doc;
  assert.equal(d.id, 'wire');
  assert.ok(d.text.startsWith('Brussels, 12 February 2020'));
  assert.equal(d.meta.published, '2020-02-13');
  assert.equal(d.meta.referenceDate, '2020-02-12');
  assert.equal(d.meta.referenceBasis, 'dateline');
  assert.deepEqual(d.meta.dateline?.agencies, ['dpa', 'MIA']);
  assert.equal(d.text.slice(d.meta.dateline!.start, d.meta.dateline!.end), 'Brussels, 12 February 2020 (dpa/MIA) –');
});

test('plain text: reference date from --date, else none', async () => {
  const p = put('plain.txt', 'The council met and agreed.\n');
  assert.equal(docs(await all([p]))[0]?.meta.referenceBasis, 'none');
  const d = docs(await all([p], { date: '2021-03-04' }))[0]!;
  assert.equal(d.meta.referenceDate, '2021-03-04');
  assert.equal(d.meta.referenceBasis, 'option');
});

test('JSONL: ids, dates, malformed lines reported with line numbers', async () => {
  const p = put('dump.jsonl', [
    JSON.stringify({ id: 'a1', text: 'WASHINGTON (AP) — One.', date: '2020-05-01T10:00:00Z', title: 'T', url: 'http://x/1' }),
    '{not json',
    '',
    JSON.stringify({ text: 'No id here.', published: '2020-05-02' }),
    JSON.stringify({ id: 'a3' }),
    JSON.stringify({ id: 'a4', text: '   ' }),
  ].join('\n'));
  const items = await all([p]);
  const ds = docs(items);
  assert.deepEqual(ds.map((d) => d.id), ['a1', 'dump#4']);
  assert.equal(ds[0]!.meta.published, '2020-05-01');
  assert.equal(ds[0]!.meta.referenceBasis, 'published');
  assert.equal(ds[0]!.meta.title, 'T');
  assert.equal(ds[0]!.text, 'WASHINGTON (AP) — One.');
  assert.deepEqual(errors(items).map((e) => [e.code, e.line]), [['E_PARSE', 2], ['E_PARSE', 5], ['E_EMPTY', 6]]);
});

test('CSV with id,url,title,date,text and a Wikinews-style weekday date line', async () => {
  const text = 'Friday, January 4, 2019\u00a0\n\n\nAn apartment building collapsed on Monday.';
  const p = put('news.csv', `id,url,title,date,text\nw1,https://x/1,"A title, with comma",2019-01-05,"${text}"\nw2,,,2019-02-01,"Second ""quoted"" article"\n`);
  const ds = docs(await all([p]));
  assert.equal(ds.length, 2);
  assert.equal(ds[0]!.id, 'w1');
  assert.equal(ds[0]!.text, text);
  assert.equal(ds[0]!.meta.title, 'A title, with comma');
  assert.equal(ds[0]!.meta.referenceDate, '2019-01-04');
  assert.equal(ds[0]!.meta.referenceBasis, 'dateline');
  assert.equal(ds[1]!.text, 'Second "quoted" article');
  assert.equal(ds[1]!.meta.referenceBasis, 'published');
});

test('CSV without id column uses file#line; a malformed row is an error, the rest goes on', async () => {
  const p = put('noid.csv', 'url,date,title,text\nhttp://a,2020-01-01,A,"First"\nhttp://b,2020-01-02,B,"Sec"ond"\nhttp://c,2020-01-03,C,"Third"\n');
  const items = await all([p]);
  const ds = docs(items);
  assert.deepEqual(ds.map((d) => d.id), ['noid#2', 'noid#4']);
  assert.equal(errors(items).length, 1);
  assert.equal(errors(items)[0]!.code, 'E_PARSE');
});

test('HTML: main text via Readability, title and published date from meta tags, scripts dropped', async () => {
  const body = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i} of the story, which is long enough to count as article text for the extractor.</p>`).join('');
  const html = `<!doctype html><html><head><title>Site | Story</title><meta property="og:title" content="The Story">
  <meta property="article:published_time" content="2020-02-13T08:00:00+01:00"><script>alert(1)</script></head>
  <body><nav>Home | News</nav><article><h1>The Story</h1><p>BERLIN (dpa) - The lead paragraph of the story says what happened.</p>${body}<script>document.write('x')</script></article><footer>© Site</footer></body></html>`;
  const [d] = docs(await all([put('page.html', html)]));
  assert.ok(d);
  assert.equal(d.meta.title, 'The Story');
  assert.equal(d.meta.published, '2020-02-13');
  assert.match(d.text, /Paragraph 5 of the story/);
  assert.doesNotMatch(d.text, /alert|document\.write|Home \| News/);
  assert.equal(d.meta.dateline?.place, 'Berlin');
});

test('HTML: <time datetime> gives the published date; hostile markup is inert', async () => {
  const html = `<html><body><time datetime="2019-07-01">July 1</time><p>Short text &lt;b&gt; with <img src=x onerror="alert(1)"> an image.</p></body></html>`;
  const [d] = docs(await all([put('small.htm', html)]));
  assert.equal(d?.meta.published, '2019-07-01');
  assert.match(d!.text, /Short text <b> with\s+an image\./);
});

test('encodings: UTF-8 BOM, UTF-16 LE/BE with BOM, Windows-1252, CRLF', async () => {
  const s = 'Café “quoted” – naïve.\r\nSecond line.';
  const expected = 'Café “quoted” – naïve.\nSecond line.';
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
  const be = Buffer.from(le);
  be.swap16();
  be[0] = 0xfe;
  be[1] = 0xff;
  const cp1252 = Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x71, 0x94, 0x20, 0x96, 0x20, 0x6e, 0x61, 0xef, 0x76, 0x65, 0x2e]);
  const got = docs(
    await all([
      put('enc/a-bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s)])),
      put('enc/b-le.txt', le),
      put('enc/c-be.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), be.subarray(2)])),
      put('enc/d-1252.txt', cp1252),
    ]),
  );
  assert.equal(got[0]!.text, expected);
  assert.equal(got[1]!.text, expected);
  assert.equal(got[2]!.text, expected);
  assert.equal(got[3]!.text, 'Café “q” – naïve.');
});

test('bad input: empty, binary, undecodable, too large, missing — each a coded error with its file', async () => {
  const items = await all([
    put('bad/empty.txt', ''),
    put('bad/blank.txt', ' \n\t\n'),
    put('bad/binary.bin', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0x02])),
    put('bad/utf16-broken.txt', Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41])),
    put('bad/large.txt', 'x'.repeat(2000)),
    join(dir, 'bad/missing.txt'),
  ], { maxBytes: 1000 });
  assert.deepEqual(
    errors(items).map((e) => [e.code, e.file?.split('/').pop()]),
    [['E_EMPTY', 'empty.txt'], ['E_EMPTY', 'blank.txt'], ['E_BINARY', 'binary.bin'], ['E_ENCODING', 'utf16-broken.txt'], ['E_TOO_LARGE', 'large.txt'], ['E_NOT_FOUND', 'missing.txt']],
  );
  assert.equal(docs(items).length, 0);
});

test('large JSONL files stream with a per-line limit', async () => {
  const lines = Array.from({ length: 30 }, (_, i) => JSON.stringify({ id: `r${i}`, text: `Article number ${i}. ${'word '.repeat(10)}` }));
  lines[7] = JSON.stringify({ id: 'huge', text: 'y'.repeat(500) });
  const items = await all([put('big.jsonl', lines.join('\n'))], { maxBytes: 400 });
  assert.equal(docs(items).length, 29);
  assert.deepEqual(errors(items).map((e) => [e.code, e.line]), [['E_TOO_LARGE', 8]]);
});

test('a folder of 20 good files and 1 bad one yields 20 documents and 1 error; recursion and globs', async () => {
  for (let i = 0; i < 20; i++) put(`folder/${i < 10 ? 'a' : 'sub/b'}${i}.txt`, `LONDON (Reuters) - Story ${i} happened.`);
  put('folder/sub/broken.txt', Buffer.from([0, 1, 2, 3, 0, 0]));
  const items = await all([join(dir, 'folder')]);
  assert.equal(docs(items).length, 20);
  assert.deepEqual(errors(items).map((e) => e.code), ['E_BINARY']);
  const globbed = await all([join(dir, 'folder/sub/b1*.txt')]);
  assert.equal(docs(globbed).length, 10);
  assert.equal(errors(await all([join(dir, 'folder/*.nothing')]))[0]?.code, 'E_NOT_FOUND');
});

test('standard input with -', async () => {
  const items = await all(['-'], { stdin: Readable.from([Buffer.from('PARIS (AFP) - Hello from stdin.')]), date: '2020-01-01' });
  const [d] = docs(items);
  assert.equal(d?.id, 'stdin');
  assert.equal(d?.meta.dateline?.country, 'FRA');
  assert.equal(d?.meta.referenceBasis, 'option');
});
