// @ts-check
//! End-to-end test of the `<article-checker>` widget (www/widget.js) on its demo host page
//! (www/embed-demo.html, whose own CSS is deliberately hostile), against the real wasm build in www/pkg.
//!
//! What "the widget works" means here, test by test:
//! - own-editor mode: it loads with no page errors, console errors or CSP violations, lists exactly the
//!   issues `check(text)` returns, fires `article-check` (bubbling out of the shadow root) with the report,
//!   re-checks after typing, and `check()` / `report` give the same report;
//! - `for=` mode: it checks the host textarea without changing it; clicking a finding selects its range in
//!   the host textarea; only clicking a suggestion's apply button changes the host text (exactly that
//!   range), and Ctrl+Z takes it back; `rules` and `min-severity` filter the findings;
//! - the host's CSS does not reach the widget (list items visible, not 30px, not red) and the widget's CSS
//!   does not reach the host (elements with the widget's class names keep the host's styles);
//! - pasted markup shows as text: no element is made from it and nothing in it runs;
//! - nothing is requested after the page has loaded, whatever is typed, checked or applied;
//! - screenshots of the demo page, light and dark, go to test-artifacts/screenshots/.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { assertNoErrors, startHarness, stopHarness } from './harness.mjs';

const SCREENSHOTS = fileURLToPath(new URL('../../test-artifacts/screenshots/', import.meta.url));

/** Markup a careless widget would turn into elements; each sets a flag if it ever runs. */
const HOSTILE_TEXT = [
  'Markup test',
  'An image: <img src=x onerror="window.__xss=1"> and a script: <script>window.__xss=2</script>.',
  'A link <a href="javascript:window.__xss=3">here</a>,and <svg onload="window.__xss=4"></svg> too the the end.',
  'Short <b>bold</b> and and <img src=y onerror="window.__xss=5">.',
].join('\n');

/**
 * @typedef {{ rule: string, category: string, severity: string, message: string, start: number, end: number,
 *             line: number, column: number, suggestions: string[] }} Issue
 * @typedef {{ id: string, value: string, issues: Issue[], bubbledTo: string[] }} CheckEvent
 * @typedef {{ pageErrors: string[], consoleErrors: string[], requests: string[] }} Watch
 */

/** @type {import('playwright-core').Browser} */
let browser;
/** @type {import('node:http').Server} */
let server;
/** @type {string} */
let baseUrl;

/**
 * Opens the demo page in a fresh context, recording errors (CSP violations included), requests and every
 * `article-check` event (as seen on `document`, i.e. after bubbling out of the shadow root), and waits
 * until both widgets have checked once.
 * @param {{ colorScheme?: 'light' | 'dark', viewport?: { width: number, height: number } }} [options]
 * @returns {Promise<{ page: import('playwright-core').Page, watch: Watch }>}
 */
async function openDemo({ colorScheme = 'light', viewport = { width: 1100, height: 900 } } = {}) {
  const context = await browser.newContext({ viewport, colorScheme });
  const page = await context.newPage();
  /** @type {Watch} */
  const watch = { pageErrors: [], consoleErrors: [], requests: [] };
  page.on('pageerror', (error) => watch.pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') watch.consoleErrors.push(message.text());
  });
  page.on('request', (request) => watch.requests.push(`${request.method()} ${request.url()} ${request.postData() ?? ''}`));
  await page.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (event) => console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`),
      true,
    );
    /** @type {CheckEvent[]} */
    const events = [];
    Object.defineProperty(window, '__checkEvents', { value: events });
    document.addEventListener('article-check', (event) => {
      const target = /** @type {HTMLElement & { value: string }} */ (event.target);
      const detail = /** @type {CustomEvent} */ (event).detail;
      events.push({ id: target.id, value: target.value, issues: detail.issues, bubbledTo: ['document'] });
    });
  });
  await page.goto(`${baseUrl}embed-demo.html`);
  await waitForEvent(page, 'own-checker', null);
  await waitForEvent(page, 'attached-checker', null);
  return { page, watch };
}

/**
 * Waits for an `article-check` event from the widget `id` for exactly `text` (any text when null) and
 * returns it.
 * @param {import('playwright-core').Page} page
 * @param {string} id
 * @param {string | null} text
 * @returns {Promise<CheckEvent>}
 */
async function waitForEvent(page, id, text) {
  const handle = await page.waitForFunction(
    ([id, text]) => {
      const element = document.getElementById(/** @type {string} */ (id));
      const state = element?.shadowRoot?.querySelector('.ac')?.getAttribute('data-state');
      if (state === 'error') throw new Error(element?.shadowRoot?.querySelector('.summary')?.textContent ?? 'error');
      // @ts-ignore the recorder set up in openDemo
      const events = /** @type {CheckEvent[]} */ (window.__checkEvents);
      return events.findLast((event) => event.id === id && (text === null || event.value === text)) ?? false;
    },
    [id, text],
    { timeout: 20_000 },
  );
  return /** @type {CheckEvent} */ (await handle.jsonValue());
}

/**
 * What the module itself reports for `text` (the page's own copy, loaded in the page).
 * @param {import('playwright-core').Page} page
 * @param {string} text
 * @param {object} [options]
 * @returns {Promise<Issue[]>}
 */
function expectedIssues(page, text, options) {
  return page.evaluate(
    async ([text, options]) => {
      const url = '/pkg/article_checker.js';
      const checker = await import(url);
      await checker.default();
      return checker.check(text, options ?? undefined).issues;
    },
    /** @type {[string, object | undefined]} */ ([text, options]),
  );
}

/**
 * The widget's list items (text) and its state.
 * @param {import('playwright-core').Page} page
 * @param {string} id
 */
function readWidget(page, id) {
  return page.evaluate((id) => {
    const root = /** @type {ShadowRoot} */ (document.getElementById(id)?.shadowRoot);
    return {
      items: [...root.querySelectorAll('li.finding')].map((item) => item.textContent ?? ''),
      summary: root.querySelector('.summary')?.textContent ?? '',
      state: root.querySelector('.ac')?.getAttribute('data-state') ?? '',
    };
  }, id);
}

/**
 * @param {{ items: string[] }} widget
 * @param {Issue[]} issues
 */
function assertListMatches(widget, issues) {
  assert.equal(widget.items.length, issues.length, 'one list item per issue');
  issues.forEach((issue, index) => {
    assert.ok(widget.items[index].includes(issue.rule), `item ${index} names ${issue.rule}`);
    assert.ok(widget.items[index].includes(issue.message), `item ${index} shows the message`);
    assert.ok(widget.items[index].includes(`${issue.line}:${issue.column}`), `item ${index} shows the position`);
  });
}

describe('<article-checker> on the demo host page', { timeout: 60_000 }, () => {
  before(async () => {
    ({ browser, server, baseUrl } = await startHarness());
  });

  after(async () => {
    await stopHarness({ browser, server });
  });

  it('own editor: finds the issues, fires article-check with the report, re-checks after typing', async () => {
    const { page, watch } = await openDemo();
    const first = await waitForEvent(page, 'own-checker', null);
    const initial = await page.evaluate(() => /** @type {any} */ (document.getElementById('own-checker')).value);
    assert.ok(initial.startsWith('Night Buses'), 'the element’s text content is the editor’s first text');
    const expected = await expectedIssues(page, initial);
    assert.ok(expected.length >= 3, 'the demo text has findings');
    assert.deepEqual(first.issues, expected, 'the event’s detail is the report of the editor’s text');
    assertListMatches(await readWidget(page, 'own-checker'), expected);

    // Typing in the widget's own editor: a debounced re-check and a new event.
    const editor = page.locator('#own-checker').locator('textarea.editor');
    const typed = 'Short note.It has a missing space and and a doubled word.';
    await editor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.insertText(typed);
    const event = await waitForEvent(page, 'own-checker', typed);
    const typedIssues = await expectedIssues(page, typed);
    assert.deepEqual(event.issues, typedIssues);
    assertListMatches(await readWidget(page, 'own-checker'), typedIssues);

    // The method and the property agree with the event.
    const viaMethod = await page.evaluate(async () => {
      const element = /** @type {any} */ (document.getElementById('own-checker'));
      const report = await element.check();
      return { issues: report.issues, same: element.report === report };
    });
    assert.deepEqual(viaMethod.issues, typedIssues, 'check() resolves to the report');
    assert.ok(viaMethod.same, 'report is the last report');
    assertNoErrors(watch);
    await page.context().close();
  });

  it('for= mode: checks the host textarea without changing it; selects on click; changes it only on apply', async () => {
    const { page, watch } = await openDemo();
    const host = page.locator('#host-text');
    const original = await page.evaluate(() => /** @type {HTMLTextAreaElement} */ (document.getElementById('host-text')).defaultValue);
    const first = await waitForEvent(page, 'attached-checker', original);
    const expected = await expectedIssues(page, original);
    assert.deepEqual(first.issues, expected, 'the report is that of the host textarea’s text');
    assertListMatches(await readWidget(page, 'attached-checker'), expected);
    assert.equal(await host.inputValue(), original, 'checking left the host text unchanged');
    assert.equal(await page.locator('#attached-checker').locator('textarea.editor').isVisible(), false, 'no own editor in for= mode');

    // Clicking a finding selects its range in the host textarea, text unchanged.
    const widget = page.locator('#attached-checker');
    const last = expected.length - 1;
    await widget.locator('li.finding button.select').nth(last).click();
    const selection = await page.evaluate(() => {
      const textarea = /** @type {HTMLTextAreaElement} */ (document.getElementById('host-text'));
      return { start: textarea.selectionStart, end: textarea.selectionEnd, focused: document.activeElement === textarea };
    });
    assert.deepEqual(selection, { start: expected[last].start, end: expected[last].end, focused: true });
    assert.equal(await host.inputValue(), original, 'selecting left the host text unchanged');

    // Typing in the host textarea: debounced re-check of the new text.
    const typed = `${original}\nA new line,with a missing space.`;
    await host.focus();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.insertText('\nA new line,with a missing space.');
    const afterTyping = await waitForEvent(page, 'attached-checker', typed);
    assert.deepEqual(afterTyping.issues, await expectedIssues(page, typed));

    // Apply: exactly the flagged range becomes the suggestion; Ctrl+Z brings the text back.
    const index = afterTyping.issues.findIndex((issue) => issue.rule === 'repeated-word' && issue.suggestions.length > 0);
    assert.ok(index >= 0, 'the host text has a repeated word with a suggestion');
    const issue = afterTyping.issues[index];
    await widget.locator('li.finding').nth(index).locator('button.apply').first().click();
    const fixed = typed.slice(0, issue.start) + issue.suggestions[0] + typed.slice(issue.end);
    assert.equal(await host.inputValue(), fixed, 'apply replaced exactly the flagged text');
    const afterApply = await waitForEvent(page, 'attached-checker', fixed);
    assert.ok(!afterApply.issues.some((found) => found.rule === 'repeated-word'), 'the applied fix is no longer reported');
    await host.focus();
    await page.keyboard.press('ControlOrMeta+Z');
    assert.equal(await host.inputValue(), typed, 'Ctrl+Z in the host textarea undoes the apply');

    // rules and min-severity filter the findings.
    await waitForEvent(page, 'attached-checker', typed);
    await page.evaluate(() => document.getElementById('attached-checker')?.setAttribute('rules', 'missing-space, no-such-rule'));
    await page.waitForFunction(() => {
      const element = /** @type {any} */ (document.getElementById('attached-checker'));
      return element.report?.issues.every((/** @type {Issue} */ found) => found.rule === 'missing-space');
    });
    const onlyMissing = await readWidget(page, 'attached-checker');
    const expectedMissing = await expectedIssues(page, typed, { enable: ['missing-space'] });
    assertListMatches(onlyMissing, expectedMissing);
    assert.match(onlyMissing.summary, /no-such-rule/, 'an unknown rule id is named, not fatal');
    await page.evaluate(() => {
      const element = document.getElementById('attached-checker');
      element?.removeAttribute('rules');
      element?.setAttribute('min-severity', 'error');
    });
    await page.waitForFunction(() => {
      const element = /** @type {any} */ (document.getElementById('attached-checker'));
      return element.report?.issues.length === 0;
    });
    assert.deepEqual(await expectedIssues(page, typed, { minSeverity: 'error' }), [], 'no error-level finding in the text');
    assert.equal(await host.inputValue(), typed, 'the host text is unchanged by every re-check');
    assertNoErrors(watch);
    await page.context().close();
  });

  it('host CSS does not reach the widget and the widget’s CSS does not reach the host', async () => {
    const { page, watch } = await openDemo();
    const styles = await page.evaluate(() => {
      // Host elements wearing the widget's class names: they must keep the host's styles.
      const probe = document.createElement('div');
      probe.className = 'ac';
      const list = document.createElement('ol');
      list.className = 'findings';
      const item = document.createElement('li');
      item.className = 'finding';
      const button = document.createElement('button');
      button.className = 'apply';
      button.textContent = 'host button';
      probe.append(list, button);
      list.append(item);
      document.body.append(probe);
      /** @param {Element} element */
      const read = (element) => {
        const style = getComputedStyle(element);
        return { display: style.display, fontSize: style.fontSize, color: style.color, borderLeftWidth: style.borderLeftWidth, fontFamily: style.fontFamily };
      };
      const root = /** @type {ShadowRoot} */ (document.getElementById('attached-checker')?.shadowRoot);
      const result = {
        widgetItem: read(/** @type {Element} */ (root.querySelector('li.finding'))),
        widgetMessage: read(/** @type {Element} */ (root.querySelector('.message'))),
        widgetButton: read(/** @type {Element} */ (root.querySelector('button.apply'))),
        widgetSummary: read(/** @type {Element} */ (root.querySelector('.summary'))),
        hostItem: read(item),
        hostButton: read(button),
        hostListItem: read(/** @type {Element} */ (document.getElementById('host-item'))),
        hostTextarea: read(/** @type {Element} */ (document.getElementById('host-text'))),
        buttonBackground: getComputedStyle(/** @type {Element} */ (root.querySelector('button.apply'))).backgroundColor,
      };
      probe.remove();
      return result;
    });
    const RED = 'rgb(255, 0, 0)';
    for (const [name, style] of Object.entries({ item: styles.widgetItem, message: styles.widgetMessage, summary: styles.widgetSummary })) {
      assert.notEqual(style.display, 'none', `the widget's ${name} is visible despite li { display: none }`);
      assert.notEqual(style.fontSize, '30px', `the widget's ${name} is not 30px`);
      assert.notEqual(style.color, RED, `the widget's ${name} is not the host's red`);
      assert.doesNotMatch(style.fontFamily, /^serif$/, `the widget's ${name} keeps its own font`);
    }
    assert.equal(styles.widgetItem.borderLeftWidth, '4px', 'the widget keeps its own category border');
    assert.notEqual(styles.buttonBackground, 'rgb(0, 255, 0)', 'the host’s lime buttons stay outside');
    assert.equal(styles.hostListItem.display, 'none', 'the host’s own list items stay hidden');
    assert.equal(styles.hostItem.display, 'none', 'a host li.finding keeps the host’s styles');
    assert.equal(styles.hostItem.borderLeftWidth, '0px', 'the widget’s border does not leak to the host');
    assert.equal(styles.hostButton.fontSize, '30px', 'a host button.apply keeps the host’s font');
    assert.equal(styles.hostButton.color, RED);
    assert.equal(styles.hostTextarea.fontSize, '30px', 'the host textarea keeps the host’s font');
    assert.deepEqual(
      await page.evaluate(() => Object.keys(window).filter((key) => /article|checker|widget/i.test(key))),
      [],
      'no globals besides the element',
    );
    assert.equal(await page.evaluate(() => typeof customElements.get('article-checker')), 'function');
    assertNoErrors(watch);
    await page.context().close();
  });

  it('wasm-url: a bad URL shows the error in the widget; a good one (relative to the page) checks', async () => {
    const { page, watch } = await openDemo();
    const text = 'A note,with a missing space.';
    const state = () =>
      page.evaluate(() => {
        const root = /** @type {ShadowRoot} */ (document.getElementById('made-later')?.shadowRoot);
        return { state: root.querySelector('.ac')?.getAttribute('data-state'), summary: root.querySelector('.summary')?.textContent };
      });
    await page.evaluate((text) => {
      const element = /** @type {any} */ (document.createElement('article-checker'));
      element.id = 'made-later';
      element.setAttribute('wasm-url', 'no/such/file.wasm');
      element.value = text;
      document.body.append(element);
    }, text);
    await page.waitForFunction(
      () => document.getElementById('made-later')?.shadowRoot?.querySelector('.ac')?.getAttribute('data-state') === 'error',
      null,
      { timeout: 20_000 },
    );
    const failed = await state();
    assert.match(failed.summary ?? '', /could not load/i, 'the widget says the checker could not load');
    assert.ok(watch.requests.some((request) => request.includes('/no/such/file.wasm')), 'the wasm was asked for at the given URL');
    await page.evaluate(() => document.getElementById('made-later')?.setAttribute('wasm-url', 'pkg/article_checker_bg.wasm'));
    const event = await waitForEvent(page, 'made-later', text);
    assert.deepEqual(event.issues, await expectedIssues(page, text));
    // Loading the module again (another URL, same element name) neither throws nor redefines it.
    const again = await page.evaluate(async () => {
      const before = customElements.get('article-checker');
      const url = '/widget.js?again';
      await import(url);
      return customElements.get('article-checker') === before;
    });
    assert.ok(again, 'a second copy of the module leaves the first definition alone');
    // The 404 for the bad URL is the one expected console error.
    assert.deepEqual(watch.pageErrors, []);
    assert.ok(watch.consoleErrors.every((message) => /404|Not Found|no\/such/i.test(message)), watch.consoleErrors.join('\n'));
    await page.context().close();
  });

  it('pasted markup shows as text: no element is made from it and nothing runs', async () => {
    const { page, watch } = await openDemo();
    await page.locator('#own-checker').locator('textarea.editor').fill(HOSTILE_TEXT);
    await page.locator('#host-text').fill(HOSTILE_TEXT);
    const own = await waitForEvent(page, 'own-checker', HOSTILE_TEXT);
    const attached = await waitForEvent(page, 'attached-checker', HOSTILE_TEXT);
    assert.ok(own.issues.length > 0 && attached.issues.length > 0, 'the hostile text has findings');
    await page.waitForTimeout(300); // give an injected onerror/onload the chance to fire
    const seen = await page.evaluate(() => {
      const roots = [...document.querySelectorAll('article-checker')].map((element) => /** @type {ShadowRoot} */ (element.shadowRoot));
      return {
        // @ts-ignore set only if injected markup ran
        xss: window.__xss ?? null,
        injected: roots.map((root) => root.querySelectorAll('img, script, svg, a, b, iframe').length),
        hostInjected: document.querySelectorAll('img, script:not([src]), svg, a').length,
        text: roots.map((root) => root.querySelector('.findings')?.textContent ?? ''),
      };
    });
    assert.equal(seen.xss, null, 'no injected script or handler ran');
    assert.deepEqual(seen.injected, [0, 0], 'no element was made from the text inside the widgets');
    assert.equal(seen.hostInjected, 0, 'nor on the host page');
    for (const text of seen.text) {
      assert.ok(text.includes('<b>bold</b> and and <img src=y'), 'the markup shows as literal text in the findings');
    }
    assertNoErrors(watch);
    await page.context().close();
  });

  it('makes no request after load, whatever is typed, checked or applied', async () => {
    const { page, watch } = await openDemo();
    const loaded = watch.requests.length;
    assert.ok(watch.requests.some((request) => request.includes('article_checker_bg.wasm')), 'the wasm came from the pkg next to the module');
    const secret = 'Secret draft,about the merger the the board kept quiet';
    await page.locator('#own-checker').locator('textarea.editor').fill(secret);
    await page.locator('#host-text').fill(secret);
    await waitForEvent(page, 'own-checker', secret);
    const attached = await waitForEvent(page, 'attached-checker', secret);
    await page.locator('#attached-checker').locator('li.finding button.select').first().click();
    const index = attached.issues.findIndex((issue) => issue.suggestions.length > 0);
    await page.locator('#attached-checker').locator('li.finding').nth(index).locator('button.apply').first().click();
    await page.evaluate(() => /** @type {any} */ (document.getElementById('own-checker')).check());
    await page.waitForTimeout(300);
    const after = watch.requests.slice(loaded);
    assert.deepEqual(after, [], 'no request after load');
    assert.ok(!watch.requests.some((request) => request.includes('Secret')), 'no request carries the text');
    assertNoErrors(watch);
    await page.context().close();
  });

  it('saves screenshots of the demo page, light and dark; theme="dark" turns the widget dark', async (t) => {
    await mkdir(SCREENSHOTS, { recursive: true });
    for (const colorScheme of /** @type {const} */ (['light', 'dark'])) {
      const { page, watch } = await openDemo({ colorScheme, viewport: { width: 1100, height: 1400 } });
      const background = await page.evaluate(
        () => getComputedStyle(/** @type {Element} */ (document.getElementById('own-checker')?.shadowRoot?.querySelector('.ac'))).backgroundColor,
      );
      assert.equal(background, colorScheme === 'dark' ? 'rgb(22, 26, 34)' : 'rgb(255, 255, 255)', `theme auto follows ${colorScheme}`);
      const path = `${SCREENSHOTS}widget-demo-${colorScheme}.png`;
      await page.screenshot({ path, fullPage: true });
      t.diagnostic(`screenshot: ${path}`);
      if (colorScheme === 'light') {
        await page.evaluate(() => document.getElementById('own-checker')?.setAttribute('theme', 'dark'));
        const forced = await page.evaluate(
          () => getComputedStyle(/** @type {Element} */ (document.getElementById('own-checker')?.shadowRoot?.querySelector('.ac'))).backgroundColor,
        );
        assert.equal(forced, 'rgb(22, 26, 34)', 'theme="dark" wins over a light system scheme');
      }
      assertNoErrors(watch);
      await page.context().close();
    }
  });
});
