/**
 * The web UI in a real browser: Debian's chromium driven by playwright-core, against `buildApp`
 * serving a store filled from the bundled sample plus a hostile article. Screenshots of every page
 * go to test-artifacts/screenshots/.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildApp } from '../../src/api/app.ts';
import { openStore, type Store } from '../../src/store/store.ts';
import { ensureWebBuild } from '../../src/cli/commands/demo.ts';
import { cli } from '../helpers/cli.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SHOTS = join(ROOT, 'test-artifacts', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const skip = existsSync(CHROMIUM) ? false : `no chromium at ${CHROMIUM} (.ci/run installs Debian's chromium)`;

let store: Store;
let app: FastifyInstance;
let browser: Browser;
let page: Page;
let base = '';
const problems: string[] = [];

const HOSTILE = `LONDON (Reuters) - Officials said on Monday that <script>window.__xss = 1</script> the payload <img src=x onerror="window.__xss = 2"> was reported by "<b onmouseover=alert(1)>Mallory</b>" in London.

"We never run <script>alert(document.cookie)</script> code," the minister said.`;

before(async () => {
  if (skip) return;
  const dir = mkdtempSync(join(tmpdir(), 'dateline-ui-'));
  const corpus = join(dir, 'corpus');
  mkdirSync(corpus);
  writeFileSync(join(corpus, 'hostile-article.txt'), HOSTILE);
  const db = join(dir, 'ui.db');
  const r1 = await cli(['ingest', join(ROOT, 'examples'), corpus, '--db', db]);
  assert.ok(r1.code <= 1, r1.stderr);
  await ensureWebBuild(() => {});
  store = await openStore(db);
  app = await buildApp({ store, staticDir: join(ROOT, 'src', 'web', 'dist'), logger: false });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
});

after(async () => {
  await browser?.close();
  await app?.close();
  await store?.close();
});

async function open(hash: string, ready: string): Promise<void> {
  await page.goto(`${base}/${hash}`);
  await page.waitForFunction((r) => document.body.dataset.ready === r, ready, { timeout: 20_000 });
}

const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

test('documents page lists the sample and full-text search finds the reference article', { skip }, async () => {
  await open('#/documents', 'documents');
  const count = await page.locator('.count').textContent();
  assert.match(count ?? '', /^4\d documents$/);
  await shot('documents');
  await page.fill('input[name=q]', 'NATO Iraq training');
  await page.press('input[name=q]', 'Enter');
  await page.waitForSelector('a[href="#/doc/dpa-2020-02-12-nato-iraq"]');
  await shot('documents-search');
});

test('article reader highlights every layer, toggles them, and an event row highlights its sentence', { skip }, async () => {
  await page.click('a[href="#/doc/dpa-2020-02-12-nato-iraq"]');
  await page.waitForFunction(() => document.body.dataset.ready === 'doc');
  for (const layer of ['entities', 'timexes', 'quotes', 'events']) {
    assert.ok((await page.locator(`.article-text .hl-${layer}`).count()) > 0, `no ${layer} highlighted`);
  }
  await shot('reader');
  const quoteBg = () => page.locator('.article-text .hl-quotes').first().evaluate((el) => getComputedStyle(el).backgroundColor);
  const before = await quoteBg();
  await page.uncheck('input[name=quotes]');
  assert.notEqual(await quoteBg(), before);
  assert.ok(await page.locator('.article-text.hide-quotes').count());
  await page.check('input[name=quotes]');
  await page.locator('.events-table button').first().click();
  assert.ok((await page.locator('.article-text .hl-sentence').count()) > 0, 'the event row did not highlight its sentence');
  assert.match((await page.locator('.details').textContent()) ?? '', /CAMEO/);
  await shot('reader-event-selected');
});

test('keyboard: a highlight is reachable with Tab and opens its details with Enter', { skip }, async () => {
  await page.locator('.article-text .hl[tabindex="0"]').first().focus();
  await page.keyboard.press('Enter');
  assert.ok((await page.locator('.details dl').count()) > 0);
});

test('hostile article text is shown as text, never run as markup', { skip }, async () => {
  await open('#/doc/hostile-article', 'doc');
  const text = (await page.locator('.article-text').textContent()) ?? '';
  assert.match(text, /<script>window\.__xss = 1<\/script>/);
  assert.match(text, /<img src=x onerror=/);
  assert.equal(await page.locator('.article-text script, .article-text img, .article-text b, .details script').count(), 0);
  assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
  await shot('reader-hostile');
});

test('events explorer renders timeline, network, map and table, and filters', { skip }, async () => {
  await open('#/events', 'events');
  assert.ok((await page.locator('.timeline canvas').count()) > 0, 'timeline not drawn');
  assert.ok((await page.locator('.network canvas').count()) > 0, 'network not drawn');
  assert.ok((await page.locator('.map svg .land path').count()) > 100, 'map not drawn');
  assert.ok((await page.locator('.events-list tbody tr').count()) > 0);
  await shot('events');
  await page.selectOption('select[name=quadClass]', '4');
  await page.click('.filters button[type=submit]');
  await page.waitForFunction(() => location.hash.includes('quadClass=4') && document.body.dataset.ready === 'events');
  const total = await page.locator('.events-list .toolbar').textContent();
  assert.match(total ?? '', /\d+ events?/);
  await shot('events-filtered');
});

test('actor page shows mentions, events and quotes of an actor', { skip }, async () => {
  await open('#/actors', 'actors');
  await page.locator('table.data tbody a').first().click();
  await page.waitForFunction(() => document.body.dataset.ready === 'actor');
  assert.ok((await page.locator('h1').textContent())?.length);
  assert.match((await page.locator('main').textContent()) ?? '', /Events as source/);
  await shot('actor');
});

test('quotes page searches by speaker', { skip }, async () => {
  await open('#/quotes?speaker=Stoltenberg', 'quotes');
  assert.ok((await page.locator('.quotes li').count()) > 0);
  await shot('quotes');
});

test('readable on a narrow window; no console errors anywhere', { skip }, async () => {
  await page.setViewportSize({ width: 400, height: 800 });
  await open('#/doc/dpa-2020-02-12-nato-iraq', 'doc');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `page is ${overflow}px wider than the window`);
  await shot('reader-narrow');
  await page.setViewportSize({ width: 1280, height: 720 });
  assert.deepEqual(problems, []);
});
