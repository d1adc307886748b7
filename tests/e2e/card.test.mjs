// @ts-check
//! End-to-end tests of a finding's card, the grouped and filtered issue list, next/previous issue from
//! the keyboard, and rule settings kept across reloads, against the real wasm build in www/pkg.
//!
//! Every test pastes FIXTURE, whose seven findings are known exactly (FINDINGS, in text order), and
//! asserts the exact list, summary, highlights, selection and text that follow each action:
//! - card → apply a suggestion → the text has exactly the replacement → Ctrl+Z brings back exactly the old
//!   text; an empty-looking change is impossible to miss because the whole text is compared;
//! - "Ignore this" hides exactly that finding (not its twin with the same rule and text), in the list, the
//!   summary and the highlights, across a re-check of unchanged text, and it comes back when its text changes;
//! - "Disable rule" removes every finding of that rule, unticks it in the rules panel, and survives a reload;
//! - from the textarea, F8 / Alt+N walk the findings in text order (and Shift+F8 / Alt+P back), selecting
//!   each one's exact text and opening its card; Tab reaches the card, Escape closes it and focus returns;
//! - the category and severity filters change the list, its groups, the highlights and the summary.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoErrors, replaceText, startHarness, stopHarness, waitForCheck, openPage as openWatchedPage } from './harness.mjs';

const FIXTURE = [
  '# Night trams.',
  '',
  'The city runs night trams on weekdays.The first leaves at midnight and the the last one at four.',
  '',
  'Riders said the the service was crowded, and the organisation said it would add cars. The organization also said fares stay the same.',
  '',
  'Critics said the trams are too slow (and too loud.',
  '',
].join('\n');

/**
 * @param {string} flagged
 * @param {number} [from] where to start looking
 */
function spanOf(flagged, from = 0) {
  const start = FIXTURE.indexOf(flagged, from);
  assert.ok(start >= 0, `the fixture contains “${flagged}”`);
  return { start, end: start + flagged.length };
}

const SECOND_THE_THE = spanOf('the the', spanOf('the the').end);

/** The fixture's findings in text order: rule, category, severity and the exact flagged span. */
const FINDINGS = [
  { rule: 'heading-ends-with-period', category: 'structure', severity: 'info', ...spanOf('Night trams.') },
  { rule: 'missing-space', category: 'mechanics', severity: 'warning', ...spanOf('weekdays.The') },
  { rule: 'repeated-word', category: 'mechanics', severity: 'warning', ...spanOf('the the') },
  { rule: 'repeated-word', category: 'mechanics', severity: 'warning', ...SECOND_THE_THE },
  { rule: 'spelling-variant', category: 'consistency', severity: 'warning', ...spanOf('organization') },
  { rule: 'unbalanced-delimiter', category: 'mechanics', severity: 'warning', ...spanOf('(and') },
  { rule: 'truncated-ending', category: 'structure', severity: 'error', ...spanOf('loud.') },
];

/** A finding as the list shows it and the test names it: rule@start-end. */
const label = (/** @type {{ rule: string, start: number, end: number }} */ finding) => `${finding.rule}@${finding.start}-${finding.end}`;

/** FINDINGS in the list's order: structure, consistency, mechanics (text order inside each group). */
const LIST_ORDER = [0, 6, 4, 1, 2, 3, 5].map((index) => label(FINDINGS[index]));

/** @type {import('playwright-core').Browser} */
let browser;
/** @type {import('node:http').Server} */
let server;
/** @type {string} */
let baseUrl;

/**
 * A fresh context (empty storage), the page loaded and FIXTURE typed in and checked.
 * @returns {Promise<{ page: import('playwright-core').Page, watch: import('./harness.mjs').Watch }>}
 */
async function openWithFixture() {
  const { page, watch } = await openWatchedPage(browser, baseUrl);
  await replaceText(page, FIXTURE);
  return { page, watch };
}

/**
 * What the page shows: each listed finding as rule@start-end (the span read from the core's report by
 * the item's line:column), group headings, the summary, the painted category ranges and the card.
 * @param {import('playwright-core').Page} page
 */
function readView(page) {
  return page.evaluate(async () => {
    const checkerUrl = '/pkg/article_checker.js';
    const checker = await import(checkerUrl);
    await checker.default();
    const text = /** @type {HTMLTextAreaElement} */ (document.getElementById('editor-input')).value;
    const issues = /** @type {{ rule: string, start: number, end: number, line: number, column: number }[]} */ (checker.check(text).issues);
    const items = [...document.querySelectorAll('#issues li.issue-item button.issue')].map((button) => {
      const rule = button.querySelector('.issue-rule')?.textContent ?? '';
      const position = button.querySelector('.issue-position')?.textContent ?? '';
      const issue = issues.find((candidate) => candidate.rule === rule && `${candidate.line}:${candidate.column}` === position);
      return issue ? `${rule}@${issue.start}-${issue.end}` : `${rule}@?${position}`;
    });
    const painted = [];
    for (const [name, highlight] of CSS.highlights) {
      if (name === 'ac-current') continue;
      for (const range of /** @type {Iterable<Range>} */ (/** @type {unknown} */ (highlight))) {
        painted.push(`${name}@${range.startOffset}-${range.endOffset}`);
      }
    }
    painted.sort();
    const card = /** @type {HTMLElement} */ (document.getElementById('issue-card'));
    return {
      text,
      items,
      groups: [...document.querySelectorAll('#issues .issue-group-title')].map((title) => title.textContent ?? ''),
      summary: document.getElementById('summary')?.textContent ?? '',
      painted,
      card: card.hidden
        ? null
        : {
            rule: card.dataset.rule ?? '',
            message: card.querySelector('.card-message')?.textContent ?? '',
            why: card.querySelector('.card-why')?.textContent ?? '',
            buttons: [...card.querySelectorAll('button')].map((button) => button.textContent ?? ''),
          },
    };
  });
}

/**
 * The painted ranges expected for `findings`, sorted like readView's.
 * @param {typeof FINDINGS} findings
 */
function paintedFor(findings) {
  return findings.map((finding) => `ac-${finding.category}@${finding.start}-${finding.end}`).sort();
}

/** @param {import('playwright-core').Page} page */
function readSelection(page) {
  return page.evaluate(() => {
    const textarea = /** @type {HTMLTextAreaElement} */ (document.getElementById('editor-input'));
    return {
      start: textarea.selectionStart,
      end: textarea.selectionEnd,
      text: textarea.value.slice(textarea.selectionStart, textarea.selectionEnd),
      focused: document.activeElement === textarea,
    };
  });
}

/**
 * The rule's own docs, from the core.
 * @param {import('playwright-core').Page} page
 * @param {string} id
 * @returns {Promise<{ why: string, summary: string }>}
 */
function ruleDocs(page, id) {
  return page.evaluate(async (ruleId) => {
    const checkerUrl = '/pkg/article_checker.js';
    const checker = await import(checkerUrl);
    await checker.default();
    return checker.rules().find((/** @type {{ id: string }} */ rule) => rule.id === ruleId);
  }, id);
}

/**
 * Clicks the list item of the finding with this label and waits for its card.
 * @param {import('playwright-core').Page} page
 * @param {string} findingLabel
 */
async function openCardFromList(page, findingLabel) {
  const index = (await readView(page)).items.indexOf(findingLabel);
  assert.ok(index >= 0, `${findingLabel} is listed`);
  await page.locator('#issues button.issue').nth(index).click();
  await page.waitForSelector('#issue-card:not([hidden])');
}

before(async () => {
  ({ browser, server, baseUrl } = await startHarness());
});

after(async () => {
  await stopHarness({ browser, server });
});

describe('the card, the grouped list, filters and next/previous', () => {
  it('lists the findings grouped by category with counts, in text order inside each group', async () => {
    const { page, watch } = await openWithFixture();
    const view = await readView(page);
    assert.deepEqual(view.items, LIST_ORDER);
    assert.deepEqual(view.groups, ['structure (2)', 'consistency (1)', 'mechanics (4)']);
    assert.equal(view.summary, '7 issues: 2 structure, 1 consistency, 4 mechanics');
    assert.deepEqual(view.painted, paintedFor(FINDINGS));

    // Resting the pointer on a highlight opens its card; a click on another one opens that one's.
    const centreOf = (/** @type {{ start: number, end: number }} */ span) =>
      page.evaluate(({ start, end }) => {
        const mirror = /** @type {Text} */ (document.getElementById('editor-backdrop')?.firstChild);
        const range = document.createRange();
        range.setStart(mirror, start);
        range.setEnd(mirror, end);
        const rect = range.getClientRects()[0];
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }, span);
    const hoverAt = await centreOf(FINDINGS[4]);
    await page.mouse.move(hoverAt.x, hoverAt.y);
    await page.waitForSelector('#issue-card[data-rule="spelling-variant"]:not([hidden])');
    const card = (await readView(page)).card;
    const docs = await ruleDocs(page, 'spelling-variant');
    const relatedMessage = await page.evaluate(async (text) => {
      const checkerUrl = '/pkg/article_checker.js';
      const checker = await import(checkerUrl);
      await checker.default();
      return checker.check(text).issues.find((/** @type {{ rule: string }} */ issue) => issue.rule === 'spelling-variant').related[0].message;
    }, FIXTURE);
    assert.deepEqual(card, {
      rule: 'spelling-variant',
      message: '“organization” and “organisation” are both used, as often each (1 to 1); the article writes “organisation” first.',
      why: `Why it matters: ${docs.why}`,
      buttons: ['×', 'Replace with “organisation”', `↪ ${relatedMessage}: organisation`, 'Ignore this', 'Disable rule spelling-variant'],
    });
    const clickAt = await centreOf(FINDINGS[1]);
    await page.mouse.click(clickAt.x, clickAt.y);
    await page.waitForSelector('#issue-card[data-rule="missing-space"]:not([hidden])');
    assertNoErrors(watch);
    await page.context().close();
  });

  it('applies a suggestion from the card, and Ctrl+Z brings back the exact old text', async () => {
    const { page, watch } = await openWithFixture();
    const missing = FINDINGS[1];
    await openCardFromList(page, label(missing));
    const docs = await ruleDocs(page, 'missing-space');
    let view = await readView(page);
    assert.deepEqual(view.card, {
      rule: 'missing-space',
      message: 'No space after “.” in “weekdays.The”.',
      why: `Why it matters: ${docs.why}`,
      buttons: ['×', 'Replace with “weekdays. The”', 'Ignore this', 'Disable rule missing-space'],
    });

    await page.locator('#issue-card button.card-apply').click();
    const fixed = `${FIXTURE.slice(0, missing.start)}weekdays. The${FIXTURE.slice(missing.end)}`;
    await waitForCheck(page, fixed);
    view = await readView(page);
    assert.equal(view.text, fixed, 'exactly [start, end) was replaced');
    assert.equal(view.card, null, 'the card closed');
    assert.equal(view.items.length, 6, 'the fixed finding is gone');
    assert.equal(view.summary, '6 issues: 2 structure, 1 consistency, 3 mechanics');

    await page.keyboard.press('ControlOrMeta+Z');
    await waitForCheck(page, FIXTURE);
    view = await readView(page);
    assert.equal(view.text, FIXTURE, 'Ctrl+Z restores the exact old text');
    assert.deepEqual(view.items, LIST_ORDER);

    // A suggestion that shortens the text ("the the" → "the"), and the related place of another finding.
    await openCardFromList(page, label(FINDINGS[3]));
    await page.locator('#issue-card button.card-apply').click();
    const shortened = `${FIXTURE.slice(0, SECOND_THE_THE.start)}the${FIXTURE.slice(SECOND_THE_THE.end)}`;
    await waitForCheck(page, shortened);
    assert.equal((await readView(page)).text, shortened);
    await page.keyboard.press('ControlOrMeta+Z');
    await waitForCheck(page, FIXTURE);

    await openCardFromList(page, label(FINDINGS[4]));
    await page.locator('#issue-card button.card-jump').click();
    const related = spanOf('organisation');
    assert.deepEqual(await readSelection(page), { ...related, text: 'organisation', focused: true }, 'the related place is selected');
    assertNoErrors(watch);
    await page.context().close();
  });

  it('an empty suggestion deletes the flagged text, and Ctrl+Z brings it back', async () => {
    const { page, watch } = await openWithFixture();
    const text = 'The World Health Organization (WHO) met on Monday. The meeting was long.\n';
    await replaceText(page, text);
    assert.deepEqual((await readView(page)).items, ['acronym-unused@29-35']);
    await openCardFromList(page, 'acronym-unused@29-35');
    assert.deepEqual((await readView(page)).card?.buttons, ['×', 'Delete “ (WHO)”', 'Ignore this', 'Disable rule acronym-unused']);
    await page.locator('#issue-card button.card-apply').click();
    const deleted = 'The World Health Organization met on Monday. The meeting was long.\n';
    await waitForCheck(page, deleted);
    assert.equal((await readView(page)).summary, 'No issues found.');
    await page.keyboard.press('ControlOrMeta+Z');
    await waitForCheck(page, text);
    assert.deepEqual((await readView(page)).items, ['acronym-unused@29-35']);
    assertNoErrors(watch);
    await page.context().close();
  });

  it('“Ignore this” hides exactly that finding until its text changes', async () => {
    const { page, watch } = await openWithFixture();
    const ignored = label(FINDINGS[3]);
    await openCardFromList(page, ignored);
    await page.locator('#issue-card button.card-ignore').click();
    await page.waitForFunction(() => document.querySelectorAll('#issues li.issue-item').length === 6);
    let view = await readView(page);
    assert.deepEqual(view.items, LIST_ORDER.filter((item) => item !== ignored), 'only that one is gone, its twin stays');
    assert.deepEqual(view.painted, paintedFor(FINDINGS.filter((_, index) => index !== 3)), 'and its highlight');
    assert.equal(view.summary, '6 issues: 2 structure, 1 consistency, 3 mechanics (1 hidden: 1 ignored)');
    assert.deepEqual(view.groups, ['structure (2)', 'consistency (1)', 'mechanics (3)']);
    assert.equal(view.card, null);
    assert.equal(await page.locator('#show-ignored').innerText(), 'Show 1 ignored finding again');

    // An edit before it re-checks and moves it; the finding stays ignored.
    const insertAt = FIXTURE.indexOf('night trams');
    await page.locator('#editor-input').focus();
    await page.evaluate((offset) => {
      /** @type {HTMLTextAreaElement} */ (document.getElementById('editor-input')).setSelectionRange(offset, offset);
    }, insertAt);
    await page.keyboard.insertText('new ');
    const edited = `${FIXTURE.slice(0, insertAt)}new ${FIXTURE.slice(insertAt)}`;
    await waitForCheck(page, edited);
    view = await readView(page);
    const moved = (/** @type {(typeof FINDINGS)[number]} */ finding) =>
      finding.start > insertAt ? { ...finding, start: finding.start + 4, end: finding.end + 4 } : finding;
    assert.deepEqual(view.items, [0, 6, 4, 1, 2, 5].map((index) => label(moved(FINDINGS[index]))));
    assert.equal(view.summary, '6 issues: 2 structure, 1 consistency, 3 mechanics (1 hidden: 1 ignored)');

    // Changing the flagged text ends the ignore: "the the service" → "a a service" is a new finding.
    const changed = `${FIXTURE.slice(0, SECOND_THE_THE.start)}a a${FIXTURE.slice(SECOND_THE_THE.end)}`;
    await replaceText(page, changed);
    view = await readView(page);
    assert.deepEqual(
      view.items,
      LIST_ORDER.map((item) => (item === ignored ? `repeated-word@${SECOND_THE_THE.start}-${SECOND_THE_THE.start + 3}` : item))
        .map((item) => item.replace(/@(\d+)-(\d+)$/, (_, start, end) => (Number(start) > SECOND_THE_THE.start ? `@${start - 4}-${end - 4}` : `@${start}-${end}`))),
      'the changed place is flagged again',
    );
    assert.equal(await page.locator('#show-ignored').isHidden(), true, 'nothing is hidden any more');

    // "Show … again" brings ignored findings back.
    await openCardFromList(page, label(FINDINGS[0]));
    await page.locator('#issue-card button.card-ignore').click();
    await page.waitForFunction(() => document.querySelectorAll('#issues li.issue-item').length === 6);
    await page.locator('#show-ignored').click();
    await page.waitForFunction(() => document.querySelectorAll('#issues li.issue-item').length === 7);
    assert.equal((await readView(page)).summary, '7 issues: 2 structure, 1 consistency, 4 mechanics');
    assert.equal(view.summary, '7 issues: 2 structure, 1 consistency, 4 mechanics');
    assertNoErrors(watch);
    await page.context().close();
  });

  it('“Disable rule” removes all of its findings, unticks it, and survives a reload', async () => {
    const { page, watch } = await openWithFixture();
    await openCardFromList(page, label(FINDINGS[2]));
    await page.locator('#issue-card button.card-disable').click();
    await page.waitForFunction(() => document.querySelectorAll('#issues li.issue-item').length === 5);
    await waitForCheck(page, FIXTURE);
    const remaining = FINDINGS.filter((finding) => finding.rule !== 'repeated-word');
    const expectDisabled = async () => {
      const view = await readView(page);
      assert.deepEqual(view.items, LIST_ORDER.filter((item) => !item.startsWith('repeated-word@')));
      assert.deepEqual(view.painted, paintedFor(remaining));
      assert.equal(view.summary, '5 issues: 2 structure, 1 consistency, 2 mechanics');
      assert.equal(await page.locator('#rules input[data-rule="repeated-word"]').isChecked(), false, 'unticked in the rules panel');
      assert.equal(await page.locator('#rules input[data-rule="missing-space"]').isChecked(), true);
    };
    await expectDisabled();

    await page.reload();
    await waitForCheck(page, FIXTURE);
    await expectDisabled();
    assert.equal(
      await page.evaluate(() => localStorage.getItem('article-checker:disabled-rules')),
      '["repeated-word"]',
    );

    // Ticking it again in the panel brings the findings back, and that is remembered too.
    await page.locator('#rules-heading').click();
    await page.locator('#rules input[data-rule="repeated-word"]').check();
    await page.waitForFunction(() => document.querySelectorAll('#issues li.issue-item').length === 7);
    await page.reload();
    await waitForCheck(page, FIXTURE);
    assert.deepEqual((await readView(page)).items, LIST_ORDER);
    assertNoErrors(watch);
    await page.context().close();
  });

  it('walks the findings in text order from the keyboard alone, each card reachable and closable', async () => {
    const { page, watch } = await openWithFixture();
    await page.locator('#editor-input').focus();
    await page.keyboard.press('ControlOrMeta+Home');
    for (const [step, finding] of FINDINGS.entries()) {
      await page.keyboard.press(step % 2 === 0 ? 'F8' : 'Alt+N');
      const selection = await readSelection(page);
      assert.deepEqual(
        selection,
        { start: finding.start, end: finding.end, text: FIXTURE.slice(finding.start, finding.end), focused: true },
        `step ${step + 1} selects ${label(finding)}`,
      );
      const view = await readView(page);
      assert.equal(view.card?.rule, finding.rule, `step ${step + 1} opens the card of ${finding.rule}`);
      assert.equal(
        await page.locator('#issues button.issue[aria-current="true"] .issue-rule').textContent(),
        finding.rule,
        'its list item is marked current',
      );
    }
    // Past the last it wraps to the first; back from the first to the last.
    await page.keyboard.press('F8');
    assert.deepEqual(await readSelection(page), { start: FINDINGS[0].start, end: FINDINGS[0].end, text: 'Night trams.', focused: true });
    await page.keyboard.press('Shift+F8');
    assert.deepEqual(await readSelection(page), { start: FINDINGS[6].start, end: FINDINGS[6].end, text: 'loud.', focused: true });
    await page.keyboard.press('Alt+P');
    assert.deepEqual(await readSelection(page), { start: FINDINGS[5].start, end: FINDINGS[5].end, text: '(and', focused: true });

    // Tab goes from the text into the card; Escape closes it and focus goes back to the text.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.closest('#issue-card') !== null), true, 'Tab reaches the card');
    await page.keyboard.press('Escape');
    assert.equal((await readView(page)).card, null, 'Escape closes the card');
    assert.equal((await readSelection(page)).focused, true, 'focus is back in the text');

    // From a caret in the middle, the next one is the first finding after it.
    await page.evaluate((offset) => {
      const textarea = /** @type {HTMLTextAreaElement} */ (document.getElementById('editor-input'));
      textarea.setSelectionRange(offset, offset);
    }, FINDINGS[4].start - 1);
    await page.keyboard.press('F8');
    assert.deepEqual(await readSelection(page), { start: FINDINGS[4].start, end: FINDINGS[4].end, text: 'organization', focused: true });
    assert.equal(await page.locator('#shortcut-help').innerText().then((text) => /F8/.test(text) && /Alt \+ N|Alt\+N/.test(text)), true, 'the page shows the keys');
    assertNoErrors(watch);
    await page.context().close();
  });

  it('filters by category and severity: the list, its groups, the highlights and the summary follow', async () => {
    const { page, watch } = await openWithFixture();
    await page.locator('#issue-filters input[value="mechanics"]').uncheck();
    await page.waitForFunction(() => document.querySelectorAll('#issues li.issue-item').length === 3);
    let view = await readView(page);
    assert.deepEqual(view.items, [label(FINDINGS[0]), label(FINDINGS[6]), label(FINDINGS[4])]);
    assert.deepEqual(view.groups, ['structure (2)', 'consistency (1)']);
    assert.deepEqual(view.painted, paintedFor([FINDINGS[0], FINDINGS[4], FINDINGS[6]]));
    assert.equal(view.summary, '3 issues: 2 structure, 1 consistency (4 hidden: 4 filtered out)');

    await page.locator('#issue-filters input[value="error"]').uncheck();
    await page.waitForFunction(() => document.querySelectorAll('#issues li.issue-item').length === 2);
    view = await readView(page);
    assert.deepEqual(view.items, [label(FINDINGS[0]), label(FINDINGS[4])]);
    assert.equal(view.summary, '2 issues: 1 structure, 1 consistency (5 hidden: 5 filtered out)');
    assert.deepEqual(view.painted, paintedFor([FINDINGS[0], FINDINGS[4]]));

    // Next/previous skips what is filtered out.
    await page.locator('#editor-input').focus();
    await page.keyboard.press('ControlOrMeta+Home');
    await page.keyboard.press('F8');
    await page.keyboard.press('F8');
    assert.deepEqual(await readSelection(page), { start: FINDINGS[4].start, end: FINDINGS[4].end, text: 'organization', focused: true });

    await page.locator('#issue-filters input[value="mechanics"]').check();
    await page.locator('#issue-filters input[value="warning"]').uncheck();
    await page.waitForFunction(() => document.querySelectorAll('#issues li.issue-item').length === 1);
    view = await readView(page);
    assert.deepEqual(view.items, [label(FINDINGS[0])]);
    assert.equal(view.summary, '1 issue: 1 structure (6 hidden: 6 filtered out)');

    await page.locator('#issue-filters input[value="info"]').uncheck();
    await page.waitForFunction(() => document.querySelectorAll('#issues li.issue-item').length === 0);
    view = await readView(page);
    assert.equal(view.summary, 'No issues shown (7 hidden: 7 filtered out)');
    assert.deepEqual(view.painted, []);

    for (const value of ['error', 'warning', 'info']) await page.locator(`#issue-filters input[value="${value}"]`).check();
    await page.waitForFunction(() => document.querySelectorAll('#issues li.issue-item').length === 7);
    view = await readView(page);
    assert.deepEqual(view.items, LIST_ORDER);
    assert.equal(view.summary, '7 issues: 2 structure, 1 consistency, 4 mechanics');
    assertNoErrors(watch);
    await page.context().close();
  });
});
