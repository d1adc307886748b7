// @ts-check
//! What the page gives back and keeps: statistics (reading time, issues per category), empty sections
//! marked in the outline, the report exported as JSON and Markdown, the fixed text copied, "Clear" that
//! asks first and can be undone, the draft kept across a reload, and screenshots of the page in light and
//! dark for the CI artefacts (test-artifacts/screenshots/).
//!
//! The pure functions behind export (www/export.js) are tested first on their own, in Node.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { applyFixes, readingTime, reportToJson, reportToMarkdown } from '../../www/export.js';
import { assertNoErrors, replaceText, startHarness, stopHarness, waitForCheck, openPage as openWatchedPage } from './harness.mjs';

const SCREENSHOTS = fileURLToPath(new URL('../../test-artifacts/screenshots/', import.meta.url));
const CATEGORIES = ['structure', 'consistency', 'mechanics', 'style'];

/**
 * @param {Partial<import('../../www/export.js').Issue> & { start: number, end: number }} fields
 * @returns {import('../../www/export.js').Issue}
 */
function issue(fields) {
  return { rule: 'r', category: 'mechanics', severity: 'warning', message: 'm', line: 1, column: 1, suggestions: [], related: [], ...fields };
}

describe('export.js', () => {
  it('applies the first suggestion of each issue in text order, skipping overlaps and fix-less issues', () => {
    const text = 'the the cat sat.on teh mat';
    const fixed = applyFixes(text, [
      issue({ start: 19, end: 22, suggestions: ['the', 'tea'] }),
      issue({ start: 0, end: 8, suggestions: ['the '] }),
      // Overlaps the first fix: skipped.
      issue({ start: 4, end: 7, suggestions: ['THE'] }),
      // No suggestion: skipped.
      issue({ start: 8, end: 11, suggestions: [] }),
      // An insertion (empty range) of a space after the full stop.
      issue({ start: 16, end: 16, suggestions: [' '] }),
      // An empty suggestion deletes.
      issue({ start: 22, end: 26, suggestions: [''] }),
    ]);
    assert.deepEqual(fixed, { text: 'the cat sat. on the', applied: 4, skipped: 2 });
  });

  it('leaves the text alone when nothing can be fixed, and ignores ranges outside the text', () => {
    assert.deepEqual(applyFixes('abc', []), { text: 'abc', applied: 0, skipped: 0 });
    assert.deepEqual(applyFixes('abc', [issue({ start: 2, end: 9, suggestions: ['x'] })]), { text: 'abc', applied: 0, skipped: 1 });
  });

  it('gives reading time at 230 words a minute', () => {
    assert.equal(readingTime(0), '0 min');
    assert.equal(readingTime(100), 'under 1 min');
    assert.equal(readingTime(230), '1 min');
    assert.equal(readingTime(1150), '5 min');
  });

  it('writes the report as JSON with every issue, and as Markdown grouped by category with markup escaped', () => {
    const issues = [
      issue({ rule: 'missing-space', category: 'mechanics', message: 'No space after “sat.”.', line: 2, column: 5, start: 10, end: 14, suggestions: ['sat. '] }),
      issue({ rule: 'empty-section', category: 'structure', message: 'Section “<b>Costs</b> | *x*” is empty.', line: 1, column: 1, start: 0, end: 8 }),
      issue({ rule: 'acronym-unused', category: 'consistency', severity: 'info', message: 'Unused.', line: 3, column: 2, start: 20, end: 26, suggestions: [''] }),
    ];
    assert.deepEqual(JSON.parse(reportToJson(issues, { version: '1.2.3' })), { checker: 'article-checker', version: '1.2.3', issues });
    assert.equal(
      reportToMarkdown(issues, CATEGORIES),
      [
        '# Article check',
        '',
        '3 issues: 1 structure, 1 consistency, 1 mechanics',
        '',
        '## Structure (1)',
        '',
        '- 1:1 `empty-section` (warning): Section “\\<b\\>Costs\\</b\\> \\| \\*x\\*” is empty.',
        '',
        '## Consistency (1)',
        '',
        '- 3:2 `acronym-unused` (info): Unused. → delete it',
        '',
        '## Mechanics (1)',
        '',
        '- 2:5 `missing-space` (warning): No space after “sat.”. → “sat. ”',
        '',
      ].join('\n'),
    );
    assert.equal(reportToMarkdown([], CATEGORIES), '# Article check\n\nNo issues found.\n');
  });
});

describe('the page: stats, outline, export, copy, clear, draft', () => {
  /** @type {import('playwright-core').Browser} */
  let browser;
  /** @type {import('node:http').Server} */
  let server;
  /** @type {string} */
  let baseUrl;

  before(async () => {
    ({ browser, server, baseUrl } = await startHarness());
  });

  after(async () => {
    await stopHarness({ browser, server });
  });

  /** @param {{ colorScheme?: 'light' | 'dark' }} [options] */
  function openPage(options) {
    return openWatchedPage(browser, baseUrl, options);
  }

  /**
   * The report for the page's current text, from the wasm module on the main thread.
   * @param {import('playwright-core').Page} page
   */
  async function reportOf(page) {
    return page.evaluate(async () => {
      const module = await import('/pkg/article_checker.js');
      await module.default();
      const text = /** @type {HTMLTextAreaElement} */ (document.getElementById('editor-input')).value;
      return { text, report: module.check(text) };
    });
  }

  /** @param {import('playwright-core').Page} page */
  async function stats(page) {
    return page.evaluate(() =>
      Object.fromEntries([...document.querySelectorAll('#stats .stat')].map((row) => [row.querySelector('dt')?.textContent, row.querySelector('dd')?.textContent])),
    );
  }

  it('shows reading time and issues per category, and marks exactly the empty sections in the outline', async () => {
    const { page, watch } = await openPage();
    const article = [
      '# Night buses',
      '',
      'The city runs four night routes across the river and up to the hospital on the hill.',
      '',
      '## Routes',
      '',
      '## Fares',
      '',
      'A single ticket costs two pounds, and a weekly pass is valid at night as well.',
      '',
      '## Safety',
      '',
    ].join('\n');
    await replaceText(page, article);
    const { report } = await reportOf(page);
    const shown = await stats(page);
    assert.equal(shown.Words, String(report.stats.words));
    assert.equal(shown['Reading time'], readingTime(report.stats.words));
    for (const category of CATEGORIES) {
      const label = `${category[0].toUpperCase()}${category.slice(1)} issues`;
      assert.equal(shown[label], String(report.issues.filter((/** @type {{ category: string }} */ i) => i.category === category).length), label);
    }
    const marked = await page.evaluate(() =>
      [...document.querySelectorAll('#outline-tree button.outline-heading')].map((button) => [
        button.querySelector('.outline-text')?.textContent,
        /** @type {HTMLElement} */ (button).dataset.empty === 'true',
        button.querySelector('.outline-empty-mark')?.textContent ?? null,
      ]),
    );
    assert.deepEqual(marked, [
      ['Night buses', false, null],
      ['Routes', true, 'empty'],
      ['Fares', false, null],
      ['Safety', true, 'empty'],
    ]);
    assertNoErrors(watch);
    await page.context().close();
  });

  it('exports the report as JSON and Markdown, and copies the text with the fixes applied', async () => {
    const { page, watch } = await openPage();
    const article = 'The plan was was approved.It starts in May.\n\nThe council will meet again in June to review teh costs.\n';
    await replaceText(page, article);
    const { report } = await reportOf(page);
    assert.ok(report.issues.length >= 3, `the article has findings (${report.issues.map((/** @type {{ rule: string }} */ i) => i.rule).join(', ')})`);
    const loaded = watch.requests.length;

    const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.locator('#export-json').click()]);
    assert.equal(jsonDownload.suggestedFilename(), 'article-check.json');
    const json = JSON.parse(await readFile(/** @type {string} */ (await jsonDownload.path()), 'utf8'));
    assert.deepEqual(json.issues, report.issues, 'the JSON holds exactly the report’s issues');

    const [markdownDownload] = await Promise.all([page.waitForEvent('download'), page.locator('#export-markdown').click()]);
    assert.equal(markdownDownload.suggestedFilename(), 'article-check.md');
    const markdown = await readFile(/** @type {string} */ (await markdownDownload.path()), 'utf8');
    assert.equal(markdown, reportToMarkdown(report.issues, CATEGORIES));

    await page.locator('#copy-fixed').click();
    await page.waitForFunction(() => /^Copied/.test(document.getElementById('status')?.textContent ?? ''));
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, applyFixes(article, report.issues).text);
    assert.ok(!copied.includes('was was') && !copied.includes('teh') && copied.includes('approved. It'), `the fixes are in: ${JSON.stringify(copied)}`);
    assert.equal(await page.locator('#editor-input').inputValue(), article, 'the editor keeps the original text');
    assert.deepEqual(watch.requests.slice(loaded).filter((request) => !request.includes(' blob:')), [], 'nothing is sent anywhere');
    assertNoErrors(watch);
    await page.context().close();
  });

  it('asks before clearing; "Keep the text" keeps it, "Clear" empties the editor and Ctrl+Z brings it back', async () => {
    const { page, watch } = await openPage();
    const sample = await page.locator('#editor-input').inputValue();
    assert.ok(sample.length > 1000);
    await page.locator('#clear-text').click();
    assert.equal(await page.locator('#clear-dialog').getAttribute('open'), '', 'the dialog asks first');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'clear-cancel', 'the safe choice has the focus');
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('#clear-dialog').getAttribute('open'), null);
    assert.equal(await page.locator('#editor-input').inputValue(), sample, '"Keep the text" keeps it');

    await page.locator('#clear-text').click();
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('#editor-input').inputValue(), sample, 'Escape keeps it too');

    await page.locator('#clear-text').click();
    await page.locator('#clear-confirm').click();
    await waitForCheck(page, '');
    assert.equal(await page.locator('#summary').textContent(), 'No issues found.');
    await page.locator('#editor-input').focus();
    await page.keyboard.press('ControlOrMeta+Z');
    await waitForCheck(page, sample);
    assertNoErrors(watch);
    await page.context().close();
  });

  it('keeps the draft: saved once typing pauses, and at once when the page goes away', async () => {
    const { page, watch } = await openPage();
    await replaceText(page, 'First draft of the story.');
    await page.locator('#editor-input').press('End');
    await page.keyboard.type(' More.');
    // Not written on every keystroke ...
    const right = await page.evaluate(() => localStorage.getItem('article-checker:draft'));
    assert.notEqual(right, 'First draft of the story. More.', 'not saved on each keystroke');
    // ... but once typing pauses.
    await page.waitForFunction(() => localStorage.getItem('article-checker:draft') === 'First draft of the story. More.', null, { timeout: 5000 });
    // Typing and reloading at once: the pending save happens as the page goes.
    await page.keyboard.type(' Last words.');
    await page.reload();
    await waitForCheck(page, 'First draft of the story. More. Last words.');
    assertNoErrors(watch);
    await page.context().close();
  });

  it('fits a phone screen and a wide one: nothing sticks out sideways, the editor and the list are side by side only when wide', async (t) => {
    for (const [width, height] of [[375, 740], [1600, 900]]) {
      const context = await browser.newContext({ viewport: { width, height }, isMobile: width < 500, hasTouch: width < 500 });
      const page = await context.newPage();
      await page.goto(baseUrl);
      await waitForCheck(page, null);
      const layout = await page.evaluate(() => {
        const limit = document.documentElement.clientWidth;
        const outside = [...document.querySelectorAll('body *')]
          .filter((element) => !(element instanceof HTMLElement && element.offsetParent === null && getComputedStyle(element).position !== 'fixed'))
          .filter((element) => element.getBoundingClientRect().right > limit + 1)
          .map((element) => `${element.tagName.toLowerCase()}#${element.id}.${element.className}`);
        const editor = /** @type {Element} */ (document.getElementById('editor')).getBoundingClientRect();
        const results = /** @type {Element} */ (document.querySelector('.results-pane')).getBoundingClientRect();
        return { scrollWidth: document.documentElement.scrollWidth, limit, outside, sideBySide: results.left >= editor.right };
      });
      assert.equal(layout.scrollWidth, layout.limit, `no horizontal scrolling at ${width} px`);
      assert.deepEqual(layout.outside, [], `no element sticks out at ${width} px`);
      assert.equal(layout.sideBySide, width >= 1000, `side by side at ${width} px: ${layout.sideBySide}`);
      t.diagnostic(`${width} px: fits, ${layout.sideBySide ? 'two columns' : 'one column'}`);
      await context.close();
    }
  });

  it('saves screenshots of the page, light and dark', async (t) => {
    await mkdir(SCREENSHOTS, { recursive: true });
    for (const colorScheme of /** @type {const} */ (['light', 'dark'])) {
      const { page, watch } = await openPage({ colorScheme });
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.equal(background, colorScheme === 'dark' ? 'rgb(22, 23, 26)' : 'rgb(246, 246, 243)', `the page follows ${colorScheme}`);
      // The first issue chosen, so the picture shows a highlight and the chosen item.
      await page.locator('#issues button.issue').first().click();
      const path = `${SCREENSHOTS}page-${colorScheme}.png`;
      await page.screenshot({ path });
      t.diagnostic(`screenshot: ${path}`);
      assertNoErrors(watch);
      await page.context().close();
    }
  });
});
