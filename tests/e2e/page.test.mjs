// @ts-check
//! End-to-end test of the page (www/) against the real wasm build in www/pkg, in headless Chromium.
//!
//! Run with `node --test tests/e2e/` after `wasm-pack build --target web --out-dir www/pkg`.
//! The static server runs in-process on a free port; every test gets a fresh browser context, so
//! localStorage starts empty and the sample article is what loads first.
//!
//! What "the page works" means here, test by test:
//! - it loads with no page errors, no console errors and no CSP violations, and shows findings;
//! - it starts its downloads early: index.html preloads exactly the modules app.js imports, and the wasm,
//!   which is then fetched once;
//! - after a paste, the list has exactly the issues `check(text)` returns, and each issue is painted
//!   in its category's highlight over exactly `text.slice(start, end)`;
//! - choosing an issue (click or Enter) selects exactly its span in the textarea and scrolls it into view;
//! - editing and checking make no network requests;
//! - the outline panel shows `report.outline` as a tree nested by level and `report.contents` with each
//!   entry marked found or missing; choosing a heading or a found entry selects exactly the heading's
//!   text, choosing a missing entry selects the entry's own text; it follows every re-check;
//! - pasted markup stays text (in the list, the editor and the outline): nothing is parsed, loaded or run;
//! - when the module cannot load or `check` throws, the status says so and the text stays.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { assertNoErrors, replaceText, startHarness, stopHarness, waitForCheck, openPage as openWatchedPage } from './harness.mjs';

const SAMPLE_ARTICLE = new URL('../../www/sample-article.txt', import.meta.url);
const WWW = new URL('../../www/', import.meta.url);
const PASTE_FIXTURE = new URL('./fixtures/paste.txt', import.meta.url);
/** Markdown headings H1–H4 (an H4 right under an H2) and a contents list with one entry no section has. */
const OUTLINE_FIXTURE = new URL('./fixtures/outline.txt', import.meta.url);

/** The rules the paste fixture was written to trigger, at least once each. */
const FIXTURE_RULES = ['missing-space', 'lowercase-sentence-start', 'repeated-word', 'unbalanced-delimiter', 'truncated-ending'];

/** The page paints each category in its own highlight; others (the chosen issue) are ignored here. */
const CATEGORY_HIGHLIGHTS = ['ac-structure', 'ac-consistency', 'ac-mechanics', 'ac-style'];

/** Markup a careless page would turn into elements; each sets a flag if it ever runs. */
const HOSTILE_TEXT = [
  'Markup test',
  'An image: <img src=x onerror="window.__xss=1"> and a script: <script>window.__xss=2</script>.',
  'A link <a href="javascript:window.__xss=3">here</a>,and <svg onload="window.__xss=4"></svg> too the the end',
  '## Contents',
  '- Heading <img src=y onerror="window.__xss=5"> and <b>bold</b>',
  '- <svg onload="window.__xss=6"></svg> Nowhere',
  '## Heading <img src=y onerror="window.__xss=5"> and <b>bold</b>',
  'A paragraph under the heading, with markup in its title and in the table of contents.',
].join('\n');

/**
 * @typedef {{ rule: string, category: string, severity: string, message: string, start: number, end: number,
 *             line: number, column: number, suggestions: string[], related: unknown[] }} Issue
 * @typedef {{ name: string, text: string, start: number, end: number }} PaintedRange
 * @typedef {{ text: string, issues: Issue[], ruleIds: string[], painted: PaintedRange[], items: string[] }} Findings
 * @typedef {{ pageErrors: string[], consoleErrors: string[], requests: string[] }} Watch
 * @typedef {{ level: number, text: string, start: number, end: number }} OutlineEntry
 * @typedef {{ text: string, start: number, end: number, target: number | null }} ContentsEntry
 * @typedef {{ index: number, text: string, level: string, parent: number | null }} TreeItem
 * @typedef {{ index: number, status: string, label: string, text: string }} ContentsItem
 * @typedef {{ text: string, outline: OutlineEntry[], contents: ContentsEntry[], tree: TreeItem[],
 *             contentsItems: ContentsItem[], contentsShown: boolean, contentsCount: string,
 *             note: string | null }} OutlineView
 */

/** @type {import('playwright-core').Browser} */
let browser;
/** @type {import('node:http').Server} */
let server;
/** @type {string} */
let baseUrl;

/**
 * Every module `entry` imports statically, directly or through another, as paths relative to www/.
 * @param {string} entry
 * @returns {Promise<string[]>}
 */
async function staticImports(entry) {
  const found = new Set();
  const queue = [entry];
  while (queue.length > 0) {
    const source = await readFile(new URL(/** @type {string} */ (queue.pop()), WWW), 'utf8');
    for (const [, name] of source.matchAll(/^import [^;]*? from '\.\/([^']+)';$/gm)) {
      if (!found.has(name)) {
        found.add(name);
        queue.push(name);
      }
    }
  }
  return [...found].sort();
}

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
  const { page, watch } = await openWatchedPage(browser, baseUrl, { beforeLoad, expectState });
  if (expectState === 'checked') {
    // The page checks in a worker; the tests compare against the module loaded on the main thread
    // (readFindings, readOutline). Loading it here, once, keeps those loads out of the request checks.
    await page.evaluate(async () => {
      const checkerUrl = '/pkg/article_checker.js';
      await (await import(checkerUrl)).default();
    });
  }
  return { page, watch };
}

/**
 * The textarea's text, what the module's own `check` says about it (in the list's order), every painted highlight range and
 * the list items' text, all read inside the page.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<Findings>}
 */
async function readFindings(page) {
  const findings = await page.evaluate(async () => {
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
      items: [...document.querySelectorAll('#issues li.issue-item')].map((item) => item.textContent ?? ''),
    };
  });
  return { ...findings, issues: inListOrder(findings.issues) };
}

/** The list's order: grouped by category (structure, consistency, mechanics, style), text order within a group. */
const LIST_CATEGORIES = ['structure', 'consistency', 'mechanics', 'style'];

/**
 * @param {Issue[]} issues in the core's (text) order
 * @returns {Issue[]} in the order the page lists them
 */
function inListOrder(issues) {
  const rank = (/** @type {Issue} */ issue) => LIST_CATEGORIES.indexOf(issue.category);
  return issues.map((issue, index) => ({ issue, index }))
    .sort((a, b) => rank(a.issue) - rank(b.issue) || a.issue.start - b.issue.start || a.index - b.index)
    .map(({ issue }) => issue);
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

/**
 * What the module's `check` says about the textarea's text (outline and contents), and what the outline
 * panel shows: each tree button in document order with the index of the tree item it sits under, and
 * each contents button.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<OutlineView>}
 */
function readOutline(page) {
  return page.evaluate(async () => {
    const checkerUrl = '/pkg/article_checker.js';
    const checker = await import(checkerUrl);
    await checker.default();
    const text = /** @type {HTMLTextAreaElement} */ (document.getElementById('editor-input')).value;
    const report = checker.check(text);
    const tree = [...document.querySelectorAll('#outline-tree button.outline-heading')].map((button) => {
      const item = /** @type {HTMLElement} */ (button.closest('li'));
      const parentButton = item.parentElement?.closest('li')?.querySelector(':scope > button');
      return {
        index: Number(/** @type {HTMLElement} */ (button).dataset.index),
        text: button.querySelector('.outline-text')?.textContent ?? '',
        level: button.querySelector('.outline-level')?.textContent ?? '',
        parent: parentButton instanceof HTMLElement ? Number(parentButton.dataset.index) : null,
      };
    });
    const contentsItems = [...document.querySelectorAll('#contents-list button.contents-entry')].map((button) => ({
      index: Number(/** @type {HTMLElement} */ (button).dataset.index),
      status: /** @type {HTMLElement} */ (button).dataset.status ?? '',
      label: button.querySelector('.contents-status')?.textContent ?? '',
      text: button.querySelector('.contents-text')?.textContent ?? '',
    }));
    const note = /** @type {HTMLElement} */ (document.getElementById('outline-empty'));
    const contents = /** @type {HTMLElement} */ (document.getElementById('contents'));
    return {
      text,
      outline: report.outline,
      contents: report.contents,
      tree,
      contentsItems,
      contentsShown: !contents.hidden && contents.getClientRects().length > 0,
      contentsCount: document.getElementById('contents-count')?.textContent ?? '',
      note: note.hidden ? null : note.textContent,
    };
  });
}

/**
 * The tree shows every heading of the report once, in order, each under the nearest heading before it
 * with a lower level (none: at the top); the contents list shows every entry, found exactly when it has
 * a target, with the count.
 * @param {OutlineView} view
 */
function assertOutlineMatches(view) {
  const { outline, contents, tree, contentsItems } = view;
  assert.deepEqual(
    tree.map((item) => item.text),
    outline.map((heading) => heading.text),
    'the tree shows the headings in order',
  );
  assert.deepEqual(tree.map((item) => item.index), outline.map((_, index) => index), 'tree items in text order');
  outline.forEach((heading, index) => {
    let parent = null;
    for (let before = index - 1; before >= 0; before -= 1) {
      if (outline[before].level < heading.level) {
        parent = before;
        break;
      }
    }
    assert.equal(tree[index].parent, parent, `“${heading.text}” (H${heading.level}) is nested under heading ${parent}`);
    assert.equal(tree[index].level, `H${heading.level}`, `“${heading.text}” shows its level`);
  });
  assert.equal(view.note, outline.length === 0 ? 'No headings found.' : null, 'the empty note shows only with no headings');

  assert.equal(view.contentsShown, contents.length > 0, 'the contents section shows only when there is a table of contents');
  assert.equal(contentsItems.length, contents.length, 'one contents item per entry');
  contents.forEach((entry, index) => {
    const item = contentsItems[index];
    const found = entry.target !== null;
    assert.equal(item.text, entry.text, `contents item ${index} shows the entry’s text`);
    assert.equal(item.status, found ? 'found' : 'missing', `“${entry.text}” is marked ${found ? 'found' : 'missing'}`);
    assert.equal(item.label, found ? '✓ found' : '✗ missing', `“${entry.text}” says so in words`);
  });
  if (contents.length > 0) {
    const found = contents.filter((entry) => entry.target !== null).length;
    assert.equal(view.contentsCount, `${found} of ${contents.length} ${contents.length === 1 ? 'entry' : 'entries'} found`);
  }
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
    ({ browser, server, baseUrl } = await startHarness());
  });

  after(async () => {
    await stopHarness({ browser, server });
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

  it('starts its downloads early: the modules app.js imports and the wasm are preloaded, the wasm fetched once', async () => {
    // Without the preloads each module app.js imports waits for app.js, and the wasm for all of them.
    const html = await readFile(new URL('index.html', WWW), 'utf8');
    const preloaded = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map(([, href]) => href).sort();
    const imports = await staticImports('app.js');
    assert.ok(imports.length >= 5, `app.js's imports were found: ${imports.join(', ')}`);
    assert.deepEqual(preloaded, imports, 'index.html preloads exactly the modules app.js imports');
    assert.match(html, /<link rel="preload" href="pkg\/article_checker_bg\.wasm" as="fetch" type="application\/wasm" crossorigin="anonymous">/);

    // This page's own openPage would load the module a second time, on the main thread.
    const { page, watch } = await openWatchedPage(browser, baseUrl);
    const wasm = watch.requests.filter((request) => request.endsWith('.wasm'));
    assert.deepEqual(wasm, [`GET ${baseUrl}pkg/article_checker_bg.wasm`], 'the preloaded wasm is the one compiled: fetched once');
    assertNoErrors(watch);
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

  it('shows an issue’s other places as buttons that select them', async () => {
    const { page, watch } = await openPage();
    const paragraph = 'The council approved the second tram line on Tuesday after a four-hour debate about costs.';
    const text = `${paragraph}\n\nRiders queued from dawn to see the first tram.\n\n${paragraph}\n`;
    await replaceText(page, text);
    const { issues } = await readFindings(page);
    const index = issues.findIndex((issue) => issue.rule === 'duplicate-paragraph');
    assert.ok(index >= 0, 'the repeated paragraph is reported');
    const issue = issues[index];
    assert.equal(issue.related.length, 1);
    const jump = page.locator('#issues li.issue-item').nth(index).locator('button.issue-related');
    assert.equal(await jump.count(), 1, 'one button per related place');
    assert.match(await jump.textContent(), /first copy|first|earlier/i);
    await jump.click();
    const selection = await readSelection(page);
    assert.equal(selection.start, issue.related[0].start, 'the related button selects the first copy');
    assert.equal(selection.end, issue.related[0].end);
    await page.locator('#issues li.issue-item').nth(index).locator('button.issue').click();
    const own = await readSelection(page);
    assert.equal(own.start, issue.start, 'the issue button still selects the flagged text');
    assertNoErrors(watch);
    await page.context().close();
  });

  it('shows the outline as a tree and the contents found or missing; choosing one selects its text', async () => {
    const { page, watch } = await openPage();
    const fixture = normalizeNewlines(await readFile(OUTLINE_FIXTURE, 'utf8'));
    await replaceText(page, fixture);
    let view = await readOutline(page);
    assert.equal(view.text, fixture);
    // The fixture's shape, so the assertions below cannot pass on an empty outline.
    assert.deepEqual(
      view.outline.map((heading) => heading.level),
      [1, 2, 4, 2, 3, 2],
      'the fixture has an H1, H2s, an H3 and an H4 that skips a level',
    );
    assert.deepEqual(
      view.contents.map((entry) => entry.target === null),
      [false, false, true, false],
      'the fixture’s third contents entry has no section',
    );
    for (const heading of view.outline) assert.equal(fixture.slice(heading.start, heading.end), heading.text);
    for (const entry of view.contents) assert.equal(fixture.slice(entry.start, entry.end), entry.text);
    assertOutlineMatches(view);
    assert.equal(view.contentsCount, '3 of 4 entries found');
    assert.deepEqual(
      view.tree.map((item) => item.parent),
      [null, 0, 1, 0, 3, 0],
      'the H4 nests one step under its H2',
    );

    // A found entry selects its section's heading, not the entry.
    const found = view.contents.findIndex((entry) => entry.target !== null);
    const heading = view.outline[/** @type {number} */ (view.contents[found].target)];
    await page.locator('#contents-list button.contents-entry').nth(found).click();
    let selection = await readSelection(page);
    assert.deepEqual([selection.start, selection.end], [heading.start, heading.end], 'a found entry selects its heading');
    assert.ok(selection.textareaIsFocused && selection.spanVisible, 'the heading is in view');

    // A missing entry selects its own text in the table of contents.
    const missing = view.contents.findIndex((entry) => entry.target === null);
    await page.locator('#contents-list button.contents-entry').nth(missing).click();
    selection = await readSelection(page);
    assert.deepEqual(
      [selection.start, selection.end],
      [view.contents[missing].start, view.contents[missing].end],
      'a missing entry selects its own text',
    );

    // A tree item, clicked or chosen with Enter, selects exactly its heading (UTF-16 offsets past an emoji).
    for (const index of [2, view.outline.length - 1]) {
      await page.locator('#outline-tree button.outline-heading').nth(index).focus();
      await page.keyboard.press('Enter');
      selection = await readSelection(page);
      assert.deepEqual([selection.start, selection.end], [view.outline[index].start, view.outline[index].end], `Enter on tree item ${index}`);
      assert.ok(selection.textareaIsFocused && selection.scrollInSync && selection.spanVisible, `heading ${index} is in view`);
    }
    await page.locator('#outline-tree button.outline-heading').first().click();
    selection = await readSelection(page);
    assert.deepEqual([selection.start, selection.end], [view.outline[0].start, view.outline[0].end], 'click on the first tree item');
    assert.equal(await page.locator('#app [aria-current="true"]').count(), 1, 'one chosen item at a time');

    // Typing the missing section re-checks, and the panel follows.
    await page.keyboard.press('ControlOrMeta+End');
    const added = '\n## Lost property\n\nAsk the driver, or call the depot the next morning.\n';
    await page.keyboard.insertText(added);
    await waitForCheck(page, fixture + added);
    view = await readOutline(page);
    assert.equal(view.outline.length, 7);
    assert.ok(view.contents.every((entry) => entry.target !== null), 'every entry now has a section');
    assertOutlineMatches(view);
    assert.equal(view.contentsCount, '4 of 4 entries found');
    const lost = view.contents.findIndex((entry) => entry.text === 'Lost property');
    await page.locator('#contents-list button.contents-entry').nth(lost).click();
    selection = await readSelection(page);
    const lostHeading = view.outline[/** @type {number} */ (view.contents[lost].target)];
    assert.deepEqual([selection.start, selection.end], [lostHeading.start, lostHeading.end], 'the new section’s heading is selected');
    assert.equal(view.text.slice(selection.start, selection.end), 'Lost property');

    // A first heading deeper than a later one sits at the top with it; no contents list.
    const deepFirst = '### Starts deep\n\nSome words about the start.\n\n# Then the title\n\nMore words about the rest.\n';
    await replaceText(page, deepFirst);
    view = await readOutline(page);
    assert.deepEqual(view.outline.map((entry) => entry.level), [3, 1]);
    assertOutlineMatches(view);
    assert.deepEqual(view.tree.map((item) => item.parent), [null, null]);

    // No headings: the tree is empty and says so.
    await replaceText(page, 'Just one paragraph, with no headings at all.');
    view = await readOutline(page);
    assert.deepEqual(view.outline, []);
    assertOutlineMatches(view);
    assert.equal(view.note, 'No headings found.');
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
    const outline = await readOutline(page);
    assertOutlineMatches(outline);
    const markupHeading = 'Heading <img src=y onerror="window.__xss=5"> and <b>bold</b>';
    assert.deepEqual(outline.tree.map((item) => item.text), [markupHeading], 'the heading with markup is shown as text');
    assert.deepEqual(
      outline.contentsItems.map((item) => [item.text, item.status]),
      [[markupHeading, 'found'], ['<svg onload="window.__xss=6"></svg> Nowhere', 'missing']],
      'contents entries with markup are shown as text',
    );
    assert.equal(await page.locator('#outline-panel b, #outline-panel img, #outline-panel svg').count(), 0);
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
