// End-to-end test of the dashboard in Debian's headless Chromium (docs/DASHBOARD.md).
//
//   node dashboard.test.mjs --depeche BUILD/apps/depeche/depeche --seeds ../shared/seeds --out DIR
//
// Starts `depeche serve --port 0` on a fresh database holding the seeds and three hostile
// articles, then drives top stories -> story -> entity -> article, the watches page, every
// page of the hostile articles (nothing of theirs may run), the phone width and the keyboard.
// Screenshots go to --out. Exit 0: passed; 1: failed; 77: skipped (what is missing is named).
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SKIP = 77;
const here = path.dirname(fileURLToPath(import.meta.url));
const started = Date.now();

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}
const depeche = arg('depeche');
const seeds = path.resolve(arg('seeds', path.join(here, '../../../shared/seeds')));
const outDir = path.resolve(arg('out', path.join(os.tmpdir(), 'depeche-e2e-output')));
const chromiumPath = process.env.DEPECHE_CHROMIUM || '/usr/bin/chromium';

const missing = [];
if (!depeche || !fs.existsSync(depeche)) missing.push(`the depeche binary (${depeche || 'no --depeche'})`);
if (!fs.existsSync(seeds)) missing.push(`the seeds (${seeds})`);
if (!fs.existsSync(chromiumPath)) missing.push(`chromium (${chromiumPath}; apt-get install chromium)`);
if (missing.length) {
  console.log(`SKIP: missing ${missing.join(', ')}`);
  process.exit(SKIP);
}

// playwright-core from tests/e2e/node_modules, installed from the lockfile when absent.
if (!fs.existsSync(path.join(here, 'node_modules', 'playwright-core'))) {
  console.log('installing playwright-core (npm ci) into tests/e2e/node_modules');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--silent'], { cwd: here, stdio: 'inherit' });
}
const { chromium } = await import('playwright-core');

let failures = 0;
function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures++;
  return ok;
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'depeche-e2e-'));
fs.mkdirSync(outDir, { recursive: true });
const db = path.join(tmp, 'depeche.db');
let server;
let browser;

const HOSTILE = [
  {
    url: 'https://example.org/hostile-script',
    published: '2022-02-16',
    source: 'Hostile <script>window.__xss=1;alert(1)</script> Wire',
    title: 'Storm <script>window.__xss=1;alert(1)</script> hits the coast of Brittany',
    text: 'A storm <script>window.__xss=1;alert(1)</script> hit the coast of Brittany on Tuesday, ' +
      'cutting power to 40,000 homes, the French grid operator Enedis said. ' +
      '"We have never seen <script>window.__xss=1;alert(1)</script> such winds," said Marie Dupont, the mayor of Brest. ' +
      'Repairs are expected to last until Friday, 18 February 2022.\n',
  },
  {
    url: 'https://example.org/hostile-img',
    published: '2022-02-16',
    title: 'Flood <img src=x onerror="window.__xss=1"> warning for the Loire valley',
    text: 'Flood warnings <img src=x onerror="window.__xss=1"> were issued for the Loire valley on Wednesday ' +
      'after 120 millimetres of rain fell in two days, Meteo-France said. ' +
      'The prefect of Loiret, Jean Martin, said "<img src=x onerror="window.__xss=1">" was the message of the night.\n',
  },
  {
    url: 'javascript:window.__xss=1',
    link: 'javascript:window.__xss=1',
    published: '2022-02-16',
    title: 'Click javascript:window.__xss=1 for the harbour strike news',
    text: 'Dockers in the port of Marseille went on strike on Thursday over pay, the CGT union said. ' +
      'See javascript:window.__xss=1 for details. About 2,000 workers stopped work, according to the union.\n',
  },
];

function startServer() {
  return new Promise((resolve, reject) => {
    const proc = spawn(depeche, ['--db', db, 'serve', '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    const timer = setTimeout(() => reject(new Error(`depeche serve did not start: ${err}`)), 15000);
    proc.stderr.on('data', (chunk) => {
      err += chunk;
      const m = /serving .* on (http:\/\/[^\s]+?:(\d+))\//.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve({ proc, base: `http://127.0.0.1:${m[2]}` });
      }
    });
    proc.on('exit', (code) => reject(new Error(`depeche serve exited (${code}): ${err}`)));
  });
}

async function getJson(base, p) {
  const r = await fetch(base + p);
  return { status: r.status, body: await r.json().catch(() => null) };
}

const shots = [];
async function shot(page, name) {
  const file = path.join(outDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  shots.push(file);
}

// Goes to a route and waits until the page says it is drawn.
async function open(page, hash) {
  await page.evaluate((h) => { location.hash = h; }, hash);
  await drawn(page, hash);
}
async function drawn(page, hash) {
  await page.waitForFunction((h) => {
    const main = document.getElementById('content');
    return main.dataset.route === h && main.dataset.state !== 'loading';
  }, hash, { timeout: 10000 });
  const state = await page.$eval('#content', (m) => m.dataset.state);
  const said = state === 'ready' ? '' : `: ${await page.textContent('#status')}`;
  check(state === 'ready', `${hash} drawn (${state}${said})`);
}
async function clickTo(page, locator) {
  const href = await locator.getAttribute('href');
  await locator.click();
  await drawn(page, href);
  return href;
}

const dialogs = [];
const pageErrors = [];
// Nothing of the hostile articles may run or become markup or a javascript: link.
async function assertInert(page, where) {
  const r = await page.evaluate(() => ({
    xss: typeof window.__xss,
    scripts: document.querySelectorAll('#content script, #status script').length,
    handlers: document.querySelectorAll('#content [onerror], #content [onload], #content img').length,
    jsLinks: [...document.querySelectorAll('a[href]')].filter((a) => a.protocol === 'javascript:' ||
      /^\s*javascript:/i.test(a.getAttribute('href'))).length,
  }));
  check(r.xss === 'undefined' && r.scripts === 0 && r.handlers === 0 && r.jsLinks === 0 && dialogs.length === 0,
    `${where}: inert (window.__xss ${r.xss}, scripts ${r.scripts}, handlers ${r.handlers}, javascript: links ${r.jsLinks}, dialogs ${dialogs.length})`);
}

try {
  execFileSync(depeche, ['--db', db, 'ingest', seeds], { stdio: ['ignore', 'ignore', 'pipe'] });
  let base;
  ({ proc: server, base } = await startServer());
  console.log(`server at ${base}`);

  // The hostile articles go in over the API (POST /api/articles, JSONL).
  const post = await fetch(`${base}/api/articles`, {
    method: 'POST', headers: { 'Content-Type': 'application/x-ndjson' },
    body: HOSTILE.map((a) => JSON.stringify(a)).join('\n') + '\n',
  });
  const ingest = await post.json();
  check(post.status === 200 && ingest.inserted.length === 3, `hostile articles stored (${JSON.stringify(ingest.issues)})`);
  const hostile = ingest.inserted || [];

  browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--no-proxy-server'] });
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  // Console errors count (a policy violation says "Refused to ..."), except the failed
  // requests the pages expect (an endpoint this server lacks answers 404 or 400).
  page.on('console', (m) => {
    if (m.type() === 'error' && !/^Failed to load resource/.test(m.text())) pageErrors.push(m.text());
  });

  // The answer's headers: the policy.
  const index = await page.goto(`${base}/#/`);
  const headers = index.headers();
  check(/script-src 'self'/.test(headers['content-security-policy'] || '') &&
    /object-src 'none'/.test(headers['content-security-policy']) && headers['x-content-type-options'] === 'nosniff',
  'index.html has the Content-Security-Policy and nosniff');
  await drawn(page, '#/');

  // Top stories.
  const titles = await page.$$eval('#story-list li h3 a', (as) => as.map((a) => a.textContent));
  check(titles.length >= 2, `top stories listed (${titles.length})`);
  const seedsLink = page.locator('#story-list li h3 a', { hasText: 'Blinken' }).first();
  check(await seedsLink.count() === 1, 'the seeds story is among the top stories');
  const metas = await page.$$eval('#story-list .meta', (ps) => ps.map((p) => p.textContent));
  check(metas.some((t) => /^5 articles · fr · 2022-01-18 – 2022-02-17/.test(t)) &&
    metas.some((t) => /1 source · en/.test(t)), `stories show their counts, languages and dates (${metas.join(' | ')})`);
  await assertInert(page, 'top stories');
  await shot(page, 'top-stories');

  // "More stories" follows X-Next-Cursor to the end, each story once.
  await open(page, '#/?sort=activity&limit=2');
  check(await page.locator('#story-list > li').count() === 2, 'a page of two stories');
  for (let i = 0; i < 5 && await page.locator('button.more').isVisible(); ++i) {
    const before = await page.locator('#story-list > li').count();
    await page.click('button.more');
    await page.waitForFunction((n) => document.querySelectorAll('#story-list > li').length > n ||
      document.querySelector('button.more').hidden, before, { timeout: 10000 });
  }
  const paged = await page.$$eval('#story-list > li h3 a', (as) => as.map((a) => a.getAttribute('href')));
  check(paged.length === 4 && new Set(paged).size === 4 && await page.locator('button.more').isHidden(),
    `"More stories" reaches every story once (${paged.length})`);

  // Offsets are code points: marks land right after astral characters, nested and overlapping.
  const hl = await page.evaluate(async () => {
    const { highlight } = await import('/static/highlight.js');
    const text = 'x😀 Ann Lee said “hi 🇫🇷 there” on Monday.';
    const cps = [...text];
    const at = (s) => cps.findIndex((_, i) => cps.slice(i, i + [...s].length).join('') === s);
    const ann = at('Ann Lee');
    const quote = at('hi 🇫🇷 there');
    const mon = at('Monday');
    const box = document.createElement('div');
    box.append(...highlight(text, [
      { begin: ann, end: ann + 7, cls: 'ent' },
      { begin: quote - 1, end: quote + [...'hi 🇫🇷 there'].length + 1, cls: 'quote' },
      { begin: quote + 3, end: quote + 5, cls: 'fig' },
      { begin: ann + 4, end: mon + 6, cls: 'time' },
      { begin: 1000, end: 1002, cls: 'bp' },
    ]));
    const of = (c) => [...box.querySelectorAll(`.${c}`)].map((e) => e.textContent).join('');
    return { same: box.textContent === text, ent: of('ent'), quote: of('quote'), fig: of('fig'), time: of('time'), bp: of('bp') };
  });
  check(hl.same && hl.ent === 'Ann Lee' && hl.quote === '“hi 🇫🇷 there”' && hl.fig === '🇫🇷' &&
    hl.time === 'Lee said “hi 🇫🇷 there” on Monday' && hl.bp === '', `highlight by code points (${JSON.stringify(hl)})`);

  // Keyboard: Tab reaches the skip link, the search box and a story link.
  await open(page, '#/');
  await page.reload();
  await drawn(page, '#/');
  const reached = [];
  for (let i = 0; i < 25; ++i) {
    await page.keyboard.press('Tab');
    reached.push(await page.evaluate(() => {
      const e = document.activeElement;
      return e.id || (e.closest('#story-list') ? 'story-link' : e.tagName.toLowerCase());
    }));
  }
  check(reached[0] === 'skip', `the first Tab reaches the skip link (${reached[0]})`);
  check(reached.includes('q'), 'Tab reaches the search box');
  check(reached.includes('story-link'), 'Tab reaches a story link');

  // Story page.
  const storyHash = await clickTo(page, seedsLink);
  check(/Blinken/.test(await page.textContent('h1')), 'the story headline');
  const summary = await page.$$eval('ul.summary > li', (lis) => lis.map((li) => ({
    text: li.querySelector('.line').textContent, links: li.querySelectorAll('a.source').length })));
  check(summary.length >= 3 && summary.every((l) => l.text.length > 20 && l.links >= 1),
    `summary lines with their source links (${summary.length})`);
  const timeline = await page.$$eval('ol.timeline > li time', (ts) => ts.map((t) => t.textContent));
  check(timeline.includes('2022-01-21'), `the timeline has 2022-01-21 (${timeline.join(', ')})`);
  check(await page.locator('ol.timeline > li a.source').count() >= timeline.length, 'each timeline entry links its source');
  check(await page.locator('figure.quote').count() > 0, 'quotes by speaker');
  check(await page.locator('ul.figures li').count() > 0, 'figures');
  check(await page.locator('ol.article-groups a').count() === 5, 'the five articles, by duplicate group');
  await shot(page, 'story');

  // A summary line's source: its article with the passage marked.
  await clickTo(page, page.locator('ul.summary a.source').first());
  check(await page.locator('#passage').count() === 1, 'the cited passage is marked in its article');

  // Entity page.
  await open(page, storyHash);
  await clickTo(page, page.locator('.entity-types a', { hasText: 'Blinken' }).first());
  check(/Blinken/.test(await page.textContent('h1')), 'the entity page');
  const aliases = await page.$$eval('ul.aliases li', (lis) => lis.map((li) => li.firstChild.textContent));
  check(aliases.includes('Blinken'), `its aliases (${aliases.slice(0, 4).join(', ')})`);
  check(await page.locator('#estories-h + ul a').count() >= 1, 'its stories');
  await page.waitForSelector('#equotes-h ~ figure.quote, #equotes-h ~ p', { timeout: 10000 });
  check(await page.locator('#equotes-h ~ figure.quote').count() > 0, 'its quotes');
  await shot(page, 'entity');

  // Article page: the seed with boilerplate (found through the API), reached from the entity page.
  const ids = await page.$$eval('#earts-h + ul a', (as) => as.map((a) => a.getAttribute('href').split('/').pop()));
  let withBoilerplate = null;
  for (const id of ids) {
    const { body } = await getJson(base, `/api/articles/${id}`);
    if (body && body.boilerplate.length && !withBoilerplate) withBoilerplate = id;
  }
  check(withBoilerplate !== null, 'a seed with boilerplate');
  await clickTo(page, page.locator(`#earts-h + ul a[href="#/article/${withBoilerplate}"]`));
  const marks = await page.evaluate(() => Object.fromEntries(['ent', 'quote', 'fig', 'time', 'bp'].map((c) =>
    [c, document.querySelectorAll(`.article-text .${c}`).length])));
  check(Object.values(marks).every((n) => n > 0), `facts and boilerplate marked (${JSON.stringify(marks)})`);
  const shown = await page.$eval('.article-text', (d) => d.textContent);
  const { body: shownDoc } = await getJson(base, `/api/articles/${withBoilerplate}`);
  check(shown === shownDoc.text, 'the marked text is the article text, character for character');
  // The marks sit on the characters the API names (offsets in code points).
  const ent = shownDoc.entities.flatMap((e) => e.mentions).filter((m) => !m.in_title)
    .sort((x, y) => x.begin - y.begin)[0];
  const firstEnt = await page.$eval('.article-text .ent', (e) => e.textContent);
  const mention = [...shownDoc.text].slice(ent.begin, ent.end).join('');
  check(firstEnt.length > 0 && mention.startsWith(firstEnt),
    `the first entity mark is on the first mention (${firstEnt} / ${mention})`);
  await shot(page, 'article');

  // Watches: when the server has them, add one and read its matches; else the page says so.
  const watchesApi = await getJson(base, '/api/watches');
  await open(page, '#/watches');
  if (watchesApi.status === 200) {
    await page.fill('#w-query', 'Blinken');
    await page.fill('#w-name', 'Blinken <script>window.__xss=1</script>');
    await page.click('.watch-form button[type=submit]');
    await page.waitForFunction(() => /^#\/watches\/[0-9a-f]+/.test(location.hash) &&
      document.getElementById('content').dataset.state === 'ready', null, { timeout: 10000 });
    // "New" is since the watch was made, after the ingest: the last 24 hours hold the seeds.
    const watchHash = await page.evaluate(() => location.hash);
    await page.selectOption('#since', '1');
    await drawn(page, `${watchHash}?days=1`);
    check(await page.locator('ol.hits li').count() > 0, 'the watch lists the articles of the last 24 hours');
    check(await page.locator('ol.stories li').count() > 0, 'and their stories');
    await assertInert(page, 'watch');
    await shot(page, 'watch');
    await open(page, '#/watches');
    check(await page.locator('#watch-list a').count() >= 1, 'the watch is listed');
  } else {
    check(await page.locator('#watches-unavailable').count() === 1,
      `a server without watches (GET /api/watches ${watchesApi.status}) says so`);
  }
  await shot(page, 'watches');

  // Every page of the hostile articles.
  const pages = new Set(['#/', '#/?q=script', '#/?q=javascript', '#/?sort=activity']);
  for (const h of hostile) {
    pages.add(`#/article/${h.id}`);
    if (h.story_id) pages.add(`#/story/${h.story_id}`);
    const { body } = await getJson(base, `/api/articles/${h.id}`);
    for (const e of (body && body.entities) || []) pages.add(`#/entity/${e.id}`);
  }
  for (const hash of pages) {
    await open(page, hash);
    await assertInert(page, hash);
  }
  await open(page, `#/article/${hostile[0].id}`);
  check((await page.textContent('h1')).includes('<script>'), 'a hostile title shows as text');
  await open(page, `#/article/${hostile[2].id}`);
  check(await page.locator('.facts-table a.url').count() === 0 &&
    (await page.textContent('.facts-table')).includes('javascript:window.__xss=1'), 'a javascript: URL is plain text');
  await shot(page, 'hostile-article');
  check(pageErrors.length === 0, `no script error or policy violation in the page (${pageErrors.join(' | ')})`);

  // Phone width: nothing wider than the screen on the story page.
  const phone = await browser.newPage({ viewport: { width: 360, height: 740 } });
  phone.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  await phone.goto(`${base}/${storyHash}`);
  await drawn(phone, storyHash);
  const widths = await phone.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  check(widths[0] <= widths[1], `no horizontal scroll at 360 px (${widths[0]} <= ${widths[1]})`);
  await shot(phone, 'story-phone');
  check(dialogs.length === 0, `no dialog opened (${dialogs.join(' | ')})`);
} catch (error) {
  check(false, `the test ran through: ${error.stack || error}`);
  if (pageErrors.length) console.log(`page errors: ${pageErrors.join(" | ")}`);
} finally {
  if (browser) await browser.close().catch(() => {});
  if (server) server.kill('SIGTERM');
  fs.rmSync(tmp, { recursive: true, force: true });
}

for (const file of shots) console.log(`screenshot: ${file}`);
console.log(`${failures ? 'FAILED' : 'passed'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(failures ? 1 : 0);
