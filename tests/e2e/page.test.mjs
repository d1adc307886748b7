// @ts-check
//! End-to-end test of the page (www/) against the real wasm build in www/pkg, in headless Chromium.
//!
//! Run with `node --test tests/e2e/` after `wasm-pack build --target web --out-dir www/pkg`.
//! The static server runs in-process on a free port; every test gets a fresh browser context, so
//! localStorage starts empty and the sample article is what loads first.
//!
//! What "the page works" means here, test by test:
//! - it loads with no page errors, no console errors and no CSP violations, and shows findings;
//! - after a paste, the list has exactly the issues `check(text)` returns, and each issue is painted
//!   in its category's highlight over exactly `text.slice(start, end)`;
//! - choosing an issue (click or Enter) selects exactly its span in the textarea and scrolls it into view;
//! - editing and checking make no network requests;
//! - pasted markup stays text: nothing is parsed, loaded or run;
//! - when the module cannot load or `check` throws, the status says so and the text stays.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { access, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

const WWW_ROOT = fileURLToPath(new URL('../../www/', import.meta.url));
const PKG_SCRIPT = fileURLToPath(new URL('../../www/pkg/article_checker.js', import.meta.url));
const SAMPLE_ARTICLE = new URL('../../www/sample-article.txt', import.meta.url);
const PASTE_FIXTURE = new URL('./fixtures/paste.txt', import.meta.url);

/** The rules the paste fixture was written to trigger, at least once each. */
const FIXTURE_RULES = ['missing-space', 'lowercase-sentence-start', 'repeated-word', 'unbalanced-delimiter', 'truncated-ending'];

/** The page paints each category in its own highlight; others (the chosen issue) are ignored here. */
const CATEGORY_HIGHLIGHTS = ['ac-structure', 'ac-consistency', 'ac-mechanics', 'ac-style'];

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-default-apps',
  '--disable-extensions',
];

/** Markup a careless page would turn into elements; each sets a flag if it ever runs. */
const HOSTILE_TEXT = [
  'Markup test',
  'An image: <img src=x onerror="window.__xss=1"> and a script: <script>window.__xss=2</script>.',
  'A link <a href="javascript:window.__xss=3">here</a>,and <svg onload="window.__xss=4"></svg> too the the end',
].join('\n');

/**
 * @typedef {{ rule: string, category: string, severity: string, message: string, start: number, end: number,
 *             line: number, column: number, suggestions: string[], related: unknown[] }} Issue
 * @typedef {{ name: string, text: string, start: number, end: number }} PaintedRange
 * @typedef {{ text: string, issues: Issue[], ruleIds: string[], painted: PaintedRange[], items: string[] }} Findings
 * @typedef {{ pageErrors: string[], consoleErrors: string[], requests: string[] }} Watch
 */

/** @type {import('playwright-core').Browser} */
let browser;
/** @type {import('node:http').Server} */
let server;
/** @type {string} */
let baseUrl;

/** @param {string} text */
function normalizeNewlines(text) {
  return text.replace(/\r\n?/g, '\n');
}

/**
 * Opens the page in a fresh context, recording page errors, console errors (CSP violations included)
 * and every request, and waits for the first check (or, with `expectState: 'error'`, for the failure).
 * @param {{ beforeLoad?: (page: import('playwright-core').Page) => Promise<unknown>, expectState?: 'checked' | 'error' }} [options]
 * @returns {Promise<{ page: import('playwright-core').Page, watch: Watch }>}
 */
async function openPage({ beforeLoad, expectState = 'checked' } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
  const page = await context.newPage();
  /** @type {Watch} */
  const watch = { pageErrors: [], consoleErrors: [], requests: [] };
  page.on('pageerror', (error) => watch.pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') watch.consoleErrors.push(message.text());
  });
  page.on('request', (request) => watch.requests.push(`${request.method()} ${request.url()}`));
  // Chromium also logs violations itself; the event makes sure none goes unseen.
  await page.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (event) => console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`),
      true,
    );
  });
  await beforeLoad?.(page);
  await page.goto(baseUrl);
  if (expectState === 'checked') await waitForCheck(page, null);
  else await page.waitForSelector('main[data-check-state="error"]', { timeout: 20_000 });
  return { page, watch };
}

/**
 * Waits until the list and highlights match the textarea's current text (and that text is `expected`).
 * @param {import('playwright-core').Page} page
 * @param {string | null} expected
 */
async function waitForCheck(page, expected) {
  await page.waitForFunction(
    (text) => {
      const app = document.getElementById('app');
      const textarea = /** @type {HTMLTextAreaElement | null} */ (document.getElementById('editor-input'));
      if (app?.dataset.checkState === 'error') throw new Error(document.getElementById('status')?.textContent ?? 'error');
      return app?.dataset.checkState === 'checked' && (text === null || textarea?.value === text);
    },
    expected,
    { timeout: 20_000 },
  );
}

/**
 * Replaces the editor's text the way a user would: focus, select all, type the text in one go.
 * @param {import('playwright-core').Page} page
 * @param {string} text
 */
async function replaceText(page, text) {
  await page.locator('#editor-input').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(text);
  await waitForCheck(page, text);
}

/**
 * The textarea's text, what the module's own `check` says about it, every painted highlight range and
 * the list items' text, all read inside the page.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<Findings>}
 */
function readFindings(page) {
  return page.evaluate(async () => {
    // The page's own copy of the module (same URL, same instance); not resolved by node.
    const checkerUrl = '/pkg/article_checker.js';
    const checker = await import(checkerUrl);
    await checker.default();
    const textarea = /** @type {HTMLTextAreaElement} */ (document.getElementById('editor-input'));
    const text = textarea.value;
    /** @type {PaintedRange[]} */
    const painted = [];
    for (const [name, highlight] of CSS.highlights) {
      for (const range of highlight) {
        painted.push({ name, text: range.toString(), start: range.startOffset, end: range.endOffset });
      }
    }
    return {
      text,
      issues: checker.check(text).issues,
      ruleIds: checker.rules().map((/** @type {{ id: string }} */ rule) => rule.id),
      painted,
      items: [...document.querySelectorAll('#issues > li')].map((item) => item.textContent ?? ''),
    };
  });
}

/**
 * Every issue is in the list, in order, and painted in its category's highlight over exactly its text;
 * no other category highlight ranges exist.
 * @param {Findings} findings
 */
function assertListAndHighlightsMatch(findings) {
  const { text, issues, painted, items } = findings;
  assert.equal(items.length, issues.length, 'the list shows one item per issue check() returns');
  const categoryRanges = painted.filter((range) => CATEGORY_HIGHLIGHTS.includes(range.name));
  assert.equal(categoryRanges.length, issues.length, 'one highlight range per issue');
  issues.forEach((issue, index) => {
    const flagged = text.slice(issue.start, issue.end);
    const match = categoryRanges.find(
      (range) =>
        range.name === `ac-${issue.category}` && range.start === issue.start && range.end === issue.end && range.text === flagged,
    );
    assert.ok(match, `issue ${index} (${issue.rule} at ${issue.line}:${issue.column}, “${flagged}”) is painted in ac-${issue.category}`);
    assert.ok(items[index].includes(issue.rule), `list item ${index} names rule ${issue.rule}`);
    assert.ok(items[index].includes(`${issue.line}:${issue.column}`), `list item ${index} shows ${issue.line}:${issue.column}`);
    assert.ok(items[index].includes(issue.message), `list item ${index} shows the message`);
  });
}

/** @param {Watch} watch */
function assertNoErrors(watch) {
  assert.deepEqual(watch.pageErrors, [], 'no page errors');
  assert.deepEqual(watch.consoleErrors, [], 'no console errors or CSP violations');
}

/**
 * The selection in the textarea and whether the selected span is inside the textarea's visible box,
 * measured on the backdrop mirror (which must be scrolled exactly like the textarea).
 * @param {import('playwright-core').Page} page
 */
function readSelection(page) {
  return page.evaluate(() => {
    const textarea = /** @type {HTMLTextAreaElement} */ (document.getElementById('editor-input'));
    const backdrop = /** @type {HTMLElement} */ (document.getElementById('editor-backdrop'));
    const mirror = /** @type {Text} */ (backdrop.firstChild);
    const range = document.createRange();
    range.setStart(mirror, textarea.selectionStart);
    range.setEnd(mirror, textarea.selectionEnd);
    const span = range.getBoundingClientRect();
    const box = textarea.getBoundingClientRect();
    return {
      start: textarea.selectionStart,
      end: textarea.selectionEnd,
      textareaIsFocused: document.activeElement === textarea,
      scrollInSync: backdrop.scrollTop === textarea.scrollTop,
      mirrorMatches: mirror.data === textarea.value,
      spanVisible: span.top >= box.top && span.bottom <= box.bottom && span.height > 0,
      spanInViewport: span.top >= 0 && span.bottom <= window.innerHeight,
    };
  });
}

describe('article-checker page', { timeout: 120_000 }, () => {
  before(async () => {
    await access(PKG_SCRIPT).catch(() => {
      throw new Error(`${PKG_SCRIPT} is missing: build it first with \`wasm-pack build --target web --out-dir www/pkg\``);
    });
    ({ server, url: baseUrl } = await startServer({ root: WWW_ROOT, port: 0, host: '127.0.0.1' }));
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  });

  it('loads the sample article with findings, without errors or CSP violations', async (t) => {
    const { page, watch } = await openPage();
    const sample = normalizeNewlines(await readFile(SAMPLE_ARTICLE, 'utf8'));
    const findings = await readFindings(page);
    assert.equal(findings.text, sample, 'the textarea holds the sample article');
    assert.ok(findings.items.length > 0, 'the issue list is not empty');
    assertListAndHighlightsMatch(findings);
    assert.match(await page.locator('#summary').innerText(), new RegExp(`^${findings.issues.length} issues?: `));
    assert.equal(await page.locator('#status.is-error').count(), 0, 'no error in the status line');
    assert.ok(await page.evaluate(() => CSS.highlights.size > 0), 'highlights are registered');
    assertNoErrors(watch);
    t.diagnostic(`sample article: ${findings.issues.length} issues shown`);
    console.log(`e2e: sample article shows ${findings.issues.length} issues (${[...new Set(findings.issues.map((issue) => issue.rule))].join(', ')})`);
    await page.context().close();
  });

  it('re-checks a pasted article: one list item and one highlight per issue, over the exact text', async (t) => {
    const { page, watch } = await openPage();
    const fixture = normalizeNewlines(await readFile(PASTE_FIXTURE, 'utf8'));
    await replaceText(page, fixture);
    const findings = await readFindings(page);
    assert.equal(findings.text, fixture);
    assertListAndHighlightsMatch(findings);
    const rulesSeen = new Set(findings.issues.map((issue) => issue.rule));
    for (const rule of FIXTURE_RULES.filter((id) => findings.ruleIds.includes(id))) {
      assert.ok(rulesSeen.has(rule), `the fixture triggers ${rule}`);
    }

    await page.reload();
    await waitForCheck(page, fixture);
    assert.equal(await page.locator('#editor-input').inputValue(), fixture, 'the draft survives a reload');
    assertNoErrors(watch);
    t.diagnostic(`pasted fixture: ${findings.issues.length} issues shown`);
    console.log(`e2e: pasted fixture shows ${findings.issues.length} issues`);
    await page.context().close();
  });

  it('selects exactly the issue’s text when an issue is clicked or chosen with Enter', async () => {
    const { page, watch } = await openPage();
    const { issues } = await readFindings(page);
    assert.ok(issues.length >= 2, 'the sample article has at least two issues');

    // The last issue sits at the end of the article, below the fold of the textarea.
    const lastIndex = issues.length - 1;
    await page.locator('#issues button.issue').nth(lastIndex).click();
    let selection = await readSelection(page);
    assert.equal(selection.start, issues[lastIndex].start);
    assert.equal(selection.end, issues[lastIndex].end);
    assert.ok(selection.textareaIsFocused, 'the textarea has focus');
    assert.ok(selection.scrollInSync, 'the backdrop is scrolled like the textarea');
    assert.ok(selection.mirrorMatches, 'the backdrop mirrors the text');
    assert.ok(selection.spanVisible, 'the selected text is scrolled into the textarea’s view');

    await page.locator('#issues button.issue').first().focus();
    await page.keyboard.press('Enter');
    selection = await readSelection(page);
    assert.equal(selection.start, issues[0].start);
    assert.equal(selection.end, issues[0].end);
    assert.ok(selection.textareaIsFocused, 'the textarea has focus after Enter');
    assert.ok(selection.scrollInSync && selection.spanVisible && selection.spanInViewport, 'the first issue is in view');
    assertNoErrors(watch);
    await page.context().close();
  });

  it('makes no network request while editing and checking', async () => {
    const { page, watch } = await openPage();
    watch.requests.length = 0;
    const fixture = normalizeNewlines(await readFile(PASTE_FIXTURE, 'utf8'));
    await replaceText(page, fixture);
    await page.keyboard.type(' More words. and more');
    await waitForCheck(page, `${fixture} More words. and more`);
    await page.locator('#issues button.issue').first().click();
    await page.locator('#rules-heading').click();
    await page.locator('#rules input[type="checkbox"]').first().uncheck();
    await waitForCheck(page, null);
    await page.locator('#rules input[type="checkbox"]').first().check();
    await waitForCheck(page, null);
    assert.deepEqual(watch.requests, [], 'no requests after start-up');
    assertNoErrors(watch);
    await page.context().close();
  });

  it('keeps pasted markup as plain text: nothing is created, loaded or run', async () => {
    const { page, watch } = await openPage();
    const elementCounts = () =>
      page.evaluate(() => ({
        img: document.getElementsByTagName('img').length,
        script: document.getElementsByTagName('script').length,
        svg: document.getElementsByTagName('svg').length,
        a: document.getElementsByTagName('a').length,
        backdropElements: /** @type {HTMLElement} */ (document.getElementById('editor-backdrop')).children.length,
      }));
    const countsBefore = await elementCounts();
    watch.requests.length = 0;

    // A real paste through the clipboard, as a user would do it.
    await page.evaluate((text) => navigator.clipboard.writeText(text), HOSTILE_TEXT);
    await page.locator('#editor-input').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('ControlOrMeta+V');
    await waitForCheck(page, HOSTILE_TEXT);
    // Give any handler that might have slipped through the time to fire.
    await page.waitForTimeout(300);

    assert.equal(await page.evaluate(() => /** @type {any} */ (window).__xss), undefined, 'no pasted handler ran');
    assert.deepEqual(await elementCounts(), countsBefore, 'no element was created from the pasted text');
    const findings = await readFindings(page);
    assertListAndHighlightsMatch(findings);
    assert.ok(findings.items.join('\n').includes('<'), 'markup near a finding is listed as text');
    assert.deepEqual(watch.requests, [], 'nothing was fetched because of the pasted text');
    assertNoErrors(watch);
    await page.context().close();
  });

  it('says so when the checker cannot load or a check throws, and keeps the text', async () => {
    const sample = normalizeNewlines(await readFile(SAMPLE_ARTICLE, 'utf8'));

    const missing = await openPage({
      expectState: 'error',
      beforeLoad: (page) => page.route('**/pkg/**', (route) => route.fulfill({ status: 404, body: 'not built' })),
    });
    assert.match(await missing.page.locator('#status.is-error').innerText(), /checker could not be loaded/);
    assert.equal(await missing.page.locator('#editor-input').inputValue(), sample, 'the text is still shown');
    assert.equal(await missing.page.locator('#issues > li').count(), 0);
    assert.deepEqual(missing.watch.pageErrors, []);
    await missing.page.context().close();

    // A stand-in module whose check always throws, to exercise the page's error path.
    const throwing = await openPage({
      expectState: 'error',
      beforeLoad: (page) =>
        page.route('**/pkg/article_checker.js', (route) =>
          route.fulfill({
            contentType: 'text/javascript',
            body: [
              'export default async function init() {}',
              "export function check() { throw new Error('unknown option “colour”'); }",
              "export function rules() { return []; }",
              "export function version() { return '0.0.0'; }",
            ].join('\n'),
          }),
        ),
    });
    assert.match(await throwing.page.locator('#status.is-error').innerText(), /check failed: unknown option “colour”/);
    await throwing.page.locator('#editor-input').click();
    await throwing.page.keyboard.press('ControlOrMeta+End');
    await throwing.page.keyboard.type(' typed');
    await throwing.page.waitForFunction(() => document.getElementById('app')?.dataset.checkState === 'error');
    assert.equal(await throwing.page.locator('#editor-input').inputValue(), `${sample} typed`, 'the edit is kept');
    assert.deepEqual(throwing.watch.pageErrors, []);
    await throwing.page.context().close();
  });
});
