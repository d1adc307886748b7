// @ts-check
//! Security end-to-end tests: pasted or typed text is never parsed as HTML, nothing in it runs or loads,
//! the Content-Security-Policy holds, and nothing is requested once the page's own files are in.
//!
//! The corpus (tests/e2e/xss-vectors.mjs, 80 vectors) goes in every way text gets in:
//! - the page: a real clipboard paste (Ctrl+V) of plain text, with every vector as a heading, as a
//!   table-of-contents entry and in a paragraph, so it reaches the list, the outline and the contents
//!   panels; then each vector pasted as text/html (the page converts HTML to Markdown), raw and inside an
//!   <h2>, and once more all of it through the real clipboard as HTML;
//! - the widget on www/embed-demo.html: typed into its own editor and into the host textarea it checks
//!   in for= mode.
//! Each way, these detectors must stay silent:
//! - `__xss(n)`, which every vector calls if it ever runs, and any dialog (alert/confirm/prompt);
//! - a MutationObserver (on the document and on every shadow root) recording any element added whose tag
//!   can run, load or navigate (script, img, iframe, svg, object, embed, link, meta, style, base, form, a,
//!   …) or any element given an on* attribute; it is cleared once the page has loaded, so the page's own
//!   markup does not count, and the app never makes such elements;
//! - `securitypolicyviolation` events, and console errors;
//! - requests: before the paste only the page's own files (same origin), after it none at all.
//! The flagged text shows verbatim in each list item (its <mark>), and every vector shows verbatim in the
//! outline and contents panels. Controls prove each detector can fail: an element injected on purpose
//! is recorded, an inline script injected on purpose is blocked with a violation, a fetch to another
//! origin is blocked with a violation, and a marker call and an alert made on purpose are seen.
//! The CSP in effect is read from the page; www/*.html are checked statically for inline script.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { WWW_ROOT, startHarness, stopHarness, waitForCheck } from './harness.mjs';
import { vectors } from './xss-vectors.mjs';

const VECTORS = vectors();

/** Plain text with each vector as a contents entry, a heading and in its section's paragraph. */
const ARTICLE = [
  '# Hostile input',
  '',
  'Every section below is named after a piece of markup that must stay text.',
  '',
  '## Contents',
  '',
  ...VECTORS.map((vector, index) => `- Vector ${index + 1}: ${vector}`),
  '',
  ...VECTORS.flatMap((vector, index) => [
    `## Vector ${index + 1}: ${vector}`,
    '',
    `The markup ${vector} is text,and the checker reads it as text.`,
    '',
  ]),
].join('\n');

/** Elements whose tag can run script, load something or navigate; none may come from the text. */
const DANGEROUS_TAGS = [
  'script', 'img', 'image', 'iframe', 'frame', 'svg', 'math', 'object', 'embed', 'link', 'meta', 'style', 'base',
  'form', 'a', 'video', 'audio', 'source', 'input', 'details', 'template', 'noscript', 'marquee', 'body', 'xmp',
  'plaintext',
];

/**
 * @typedef {{ pageErrors: string[], consoleErrors: string[], requests: string[], dialogs: string[] }} Watch
 * @typedef {{ fired: number[], added: string[], violations: string[] }} Seen
 */

/** @type {import('playwright-core').Browser} */
let browser;
/** @type {import('node:http').Server} */
let server;
/** @type {string} */
let baseUrl;

/**
 * Installed before any of the page's scripts: the marker, the element recorder (document and every
 * shadow root) and the violation recorder, all on `window.__security`.
 * @param {string[]} dangerousTags
 */
function installDetectors(dangerousTags) {
  const dangerous = new Set(dangerousTags);
  /** @type {{ fired: number[], added: string[], violations: string[] }} */
  const seen = { fired: [], added: [], violations: [] };
  Object.defineProperty(window, '__security', { value: seen });
  Object.defineProperty(window, '__xss', { value: (/** @type {number} */ n) => seen.fired.push(n) });
  /** @type {{ id: string, value: string }[]} the widget's checks, for the tests to wait on */
  const checks = [];
  Object.defineProperty(window, '__checks', { value: checks });
  document.addEventListener('article-check', (event) => {
    const target = /** @type {HTMLElement & { value: string }} */ (event.target);
    checks.push({ id: target.id, value: target.value });
  });
  /** @param {Element} element */
  const describe = (element) => {
    const handlers = [...element.attributes].filter((attribute) => /^on/i.test(attribute.name)).map((attribute) => attribute.name);
    if (dangerous.has(element.localName.toLowerCase()) || handlers.length > 0) {
      seen.added.push(`<${element.localName}${handlers.map((name) => ` ${name}`).join('')}> in ${element.parentNode?.nodeName}`);
    }
  };
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes' && record.target instanceof Element && /^on/i.test(record.attributeName ?? '')) {
        seen.added.push(`${record.attributeName} set on <${record.target.localName}>`);
      }
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        describe(node);
        node.querySelectorAll('*').forEach(describe);
      }
    }
  });
  const options = { childList: true, subtree: true, attributes: true };
  observer.observe(document, options);
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    observer.observe(root, options);
    return root;
  };
  document.addEventListener(
    'securitypolicyviolation',
    (event) => seen.violations.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} ${event.sample}`),
    true,
  );
}

/**
 * A fresh context on `path`, with the detectors in and errors, dialogs and requests recorded.
 * @param {string} path
 * @returns {Promise<{ page: import('playwright-core').Page, watch: Watch }>}
 */
async function open(path) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
  const page = await context.newPage();
  /** @type {Watch} */
  const watch = { pageErrors: [], consoleErrors: [], requests: [], dialogs: [] };
  page.on('pageerror', (error) => watch.pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') watch.consoleErrors.push(message.text());
  });
  page.on('request', (request) => watch.requests.push(request.url()));
  page.on('dialog', (dialog) => {
    watch.dialogs.push(`${dialog.type()} ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.addInitScript(installDetectors, DANGEROUS_TAGS);
  await page.goto(new URL(path, baseUrl).href);
  return { page, watch };
}

/** @param {import('playwright-core').Page} page @returns {Promise<Seen>} */
function readSeen(page) {
  // @ts-ignore installed by installDetectors
  return page.evaluate(() => JSON.parse(JSON.stringify(window.__security)));
}

/**
 * The page's own files only, then clears the detectors and the request log: what follows is the text's.
 * @param {import('playwright-core').Page} page
 * @param {Watch} watch
 */
async function startRecording(page, watch) {
  const foreign = watch.requests.filter((url) => !url.startsWith(baseUrl) && !url.startsWith('data:'));
  assert.deepEqual(foreign, [], 'before the paste, only the page’s own files were requested');
  assert.ok(watch.requests.some((url) => url.endsWith('.wasm')), 'the page loaded its wasm');
  const seen = await readSeen(page);
  assert.deepEqual([seen.fired, seen.violations], [[], []], 'the page loads with no marker call and no violation');
  // The page's own markup (parsed while the observer watched) is not the text's doing.
  await page.evaluate(() => {
    // @ts-ignore installed by installDetectors
    window.__security.added.length = 0;
  });
  watch.requests.length = 0;
}

/**
 * Nothing ran, was created, was blocked, was requested or was logged as an error.
 * @param {import('playwright-core').Page} page
 * @param {Watch} watch
 * @param {string} how
 */
async function assertInert(page, watch, how) {
  await page.waitForTimeout(300); // give a handler that slipped through the time to fire
  const seen = await readSeen(page);
  assert.deepEqual(seen.fired, [], `${how}: no vector ran (numbers of those that did)`);
  assert.deepEqual(watch.dialogs, [], `${how}: no dialog opened`);
  assert.deepEqual(seen.added, [], `${how}: no element that can run or load was created`);
  assert.deepEqual(seen.violations, [], `${how}: no CSP violation`);
  assert.deepEqual(watch.requests, [], `${how}: nothing was requested`);
  assert.deepEqual(watch.pageErrors, [], `${how}: no page error`);
  assert.deepEqual(watch.consoleErrors, [], `${how}: no console error`);
}

/**
 * Dispatches a paste of `html` (text/html only, so the page converts it) at the end of the editor.
 * @param {import('playwright-core').Page} page
 * @param {string[]} htmls
 */
function pasteHtmlEach(page, htmls) {
  return page.evaluate((htmls) => {
    const textarea = /** @type {HTMLTextAreaElement} */ (document.getElementById('editor-input'));
    textarea.focus();
    for (const html of htmls) {
      textarea.setSelectionRange(textarea.value.length, textarea.value.length);
      const data = new DataTransfer();
      data.setData('text/html', html);
      textarea.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }
    return textarea.value;
  }, htmls);
}

describe('security: hostile text stays text', { timeout: 60_000 }, () => {
  before(async () => {
    ({ browser, server, baseUrl } = await startHarness());
  });

  after(async () => {
    await stopHarness({ browser, server });
  });

  it(`has a corpus of at least 50 vectors, each calling its own marker (${VECTORS.length})`, () => {
    assert.ok(VECTORS.length >= 50);
    VECTORS.forEach((vector, index) => assert.match(vector, new RegExp(`\\b${index + 1}\\b`), vector));
    assert.equal(new Set(VECTORS).size, VECTORS.length, 'no vector twice');
  });

  it('www/*.html have no inline script or handler and the CSP meta tag', async () => {
    const pages = (await readdir(WWW_ROOT)).filter((name) => name.endsWith('.html'));
    assert.ok(pages.includes('index.html') && pages.includes('embed-demo.html'));
    for (const name of pages) {
      const html = await readFile(join(WWW_ROOT, name), 'utf8');
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)];
      for (const [, attributes, body] of scripts) {
        assert.match(attributes, /\bsrc=/, `${name}: every script has a src`);
        assert.equal(body.trim(), '', `${name}: no inline script`);
      }
      assert.doesNotMatch(html, /<[a-z][^>]*\son[a-z]+\s*=/i, `${name}: no inline event handler`);
      assert.doesNotMatch(html, /javascript:/i, `${name}: no javascript: URL`);
      const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)?.[1] ?? '';
      assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'(;|$)/, `${name}: script-src`);
      assert.match(csp, /connect-src 'self'(;|$)/, `${name}: connect-src`);
    }
  });

  it('controls: the detectors see an injected element, an inline script, a foreign fetch, a marker call and a dialog', async () => {
    for (const path of ['/', '/embed-demo.html']) {
      const { page, watch } = await open(path);
      if (path === '/') await waitForCheck(page, null);
      // @ts-ignore installed by installDetectors
      else await page.waitForFunction(() => window.__checks.some((check) => check.id === 'own-checker'), null, { timeout: 20_000 });
      const csp = await page.evaluate(
        () => [...document.querySelectorAll('meta[http-equiv="Content-Security-Policy" i]')].map((meta) => meta.getAttribute('content')),
      );
      assert.equal(csp.length, 1, `${path}: one CSP in effect`);
      const directives = new Map(
        (csp[0] ?? '').split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name, values.join(' ')]),
      );
      assert.equal(directives.get('script-src'), "'self' 'wasm-unsafe-eval'", `${path}: script-src`);
      assert.equal(directives.get('connect-src'), "'self'", `${path}: connect-src`);
      await startRecording(page, watch);

      const outcome = await page.evaluate(async () => {
        // An element with a handler, where the app's list or the widget's shadow root would put it.
        const image = document.createElement('img');
        image.setAttribute('onerror', '__xss(-1)');
        image.src = 'data:,';
        const host = document.getElementById('own-checker')?.shadowRoot?.querySelector('.findings') ?? document.getElementById('issues');
        host?.append(image);
        // An inline script: CSP must block it.
        const script = document.createElement('script');
        script.textContent = '__xss(-2)';
        document.head.append(script);
        // A fetch to another origin (another port): connect-src must block it.
        const fetched = await fetch(`http://127.0.0.1:9/`).then(() => 'fetched', () => 'blocked');
        // The marker itself, called on purpose.
        // @ts-ignore installed by installDetectors
        window.__xss(-3);
        await new Promise((resolve) => setTimeout(resolve, 200));
        return { fetched };
      });
      await page.evaluate(() => alert('control'));
      const seen = await readSeen(page);
      assert.equal(outcome.fetched, 'blocked');
      assert.deepEqual(seen.fired, [-3], `${path}: only the marker's deliberate call ran; the inline script and handler did not`);
      assert.ok(seen.added.some((entry) => entry.startsWith('<img onerror>')), `${path}: the injected image was recorded: ${seen.added}`);
      assert.ok(seen.added.some((entry) => entry.startsWith('<script>')), `${path}: the injected script was recorded`);
      assert.ok(seen.violations.some((entry) => entry.startsWith('script-src-elem blocked inline')), `${path}: the inline script was blocked: ${seen.violations}`);
      assert.ok(seen.violations.some((entry) => entry.startsWith('connect-src')), `${path}: the fetch was blocked: ${seen.violations}`);
      assert.deepEqual(watch.dialogs, ['alert control'], `${path}: the dialog was seen`);
      await page.context().close();
    }
  });

  it(`page: the corpus pasted as plain text (Ctrl+V) shows as text in the list, outline and contents`, async () => {
    const { page, watch } = await open('/');
    await waitForCheck(page, null);
    await startRecording(page, watch);
    await page.evaluate((text) => navigator.clipboard.writeText(text), ARTICLE);
    await page.locator('#editor-input').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('ControlOrMeta+V');
    await waitForCheck(page, ARTICLE);
    await assertInert(page, watch, 'plain paste');

    const view = await page.evaluate(() => ({
      outline: [...document.querySelectorAll('#outline-tree .outline-text')].map((node) => node.textContent),
      contents: [...document.querySelectorAll('#contents-list .contents-text')].map((node) => node.textContent),
      issues: [...document.querySelectorAll('#issues li.issue-item')].map((item) => ({
        text: item.textContent ?? '',
        flagged: item.querySelector('mark.excerpt-flagged')?.textContent ?? '',
      })),
    }));
    const headings = VECTORS.map((vector, index) => `Vector ${index + 1}: ${vector}`);
    assert.deepEqual(view.outline, ['Hostile input', ...headings], 'every vector shows verbatim in the outline');
    assert.deepEqual(view.contents, headings, 'every vector shows verbatim in the contents');
    const flagged = view.issues.filter((issue) => issue.flagged === 'text,and');
    assert.equal(flagged.length, VECTORS.length, 'each paragraph’s missing space is listed');
    for (const vector of VECTORS.filter((vector) => !vector.includes('\u0000'))) {
      assert.ok(view.issues.some((issue) => issue.text.includes(vector.slice(-14))), `the excerpt around “${vector}” shows it as text`);
    }
    await page.context().close();
  });

  it('page: each vector pasted as HTML (raw and in a heading), and all of it through the real clipboard, is inert', async () => {
    const { page, watch } = await open('/');
    await waitForCheck(page, null);
    await startRecording(page, watch);
    await page.locator('#editor-input').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    const pasted = await pasteHtmlEach(page, [
      ...VECTORS,
      ...VECTORS.map((vector, index) => `<h2>Vector ${index + 1}: ${vector}</h2><p>After ${index + 1}.</p>`),
    ]);
    await waitForCheck(page, pasted);
    await assertInert(page, watch, 'HTML paste events');
    const outline = await page.locator('#outline-tree .outline-text').allTextContents();
    assert.ok(outline.length >= 40, `the pasted headings reach the outline as text (${outline.length})`);
    assert.equal(await page.locator('#outline-panel *:is(img, svg, script, a, iframe, b)').count(), 0);

    // The real clipboard, which Chromium sanitizes on write; what is left must be inert too.
    await page.evaluate(async (html) => {
      await navigator.clipboard.write([new ClipboardItem({ 'text/html': new Blob([html], { type: 'text/html' }) })]);
    }, VECTORS.map((vector) => `<p>${vector}</p>`).join('\n'));
    // Chromium sanitizes HTML written to the clipboard by parsing it in the page, which CSP reports;
    // that is the test's own doing, before the paste.
    const written = await readSeen(page);
    assert.deepEqual([written.fired, written.added], [[], []], 'writing to the clipboard ran and created nothing');
    await page.evaluate(() => {
      // @ts-ignore installed by installDetectors
      window.__security.violations.length = 0;
    });
    assert.ok(watch.consoleErrors.every((message) => /Content Security Policy/.test(message)), watch.consoleErrors.join('\n'));
    watch.consoleErrors.length = 0;
    await page.locator('#editor-input').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('ControlOrMeta+V');
    await page.waitForFunction(() => /** @type {HTMLTextAreaElement} */ (document.getElementById('editor-input')).value !== '');
    await waitForCheck(page, await page.locator('#editor-input').inputValue());
    await assertInert(page, watch, 'HTML through the clipboard');
    await page.context().close();
  });

  it('widget: the corpus typed into its own editor and into the host textarea (for=) shows as text', async () => {
    const { page, watch } = await open('/embed-demo.html');
    /** @param {string} id @param {string} text */
    const waitForWidget = (id, text) =>
      page.waitForFunction(
        ([id, text]) => {
          const element = /** @type {any} */ (document.getElementById(id));
          // @ts-ignore installed by installDetectors
          const last = /** @type {{ id: string, value: string }[]} */ (window.__checks).findLast((check) => check.id === id);
          return last?.value === text && element.value === text
            && element.shadowRoot.querySelectorAll('li.finding').length === element.report.issues.length;
        },
        [id, text],
        { timeout: 20_000 },
      );
    await waitForWidget('own-checker', await page.evaluate(() => /** @type {any} */ (document.getElementById('own-checker')).value));
    await startRecording(page, watch);
    const hostBefore = await page.locator('#host-text').inputValue();

    for (const [id, editor] of [['own-checker', page.locator('#own-checker textarea.editor')], ['attached-checker', page.locator('#host-text')]]) {
      await editor.click();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.insertText(ARTICLE);
      await waitForWidget(/** @type {string} */ (id), ARTICLE);
      await assertInert(page, watch, `widget ${id}`);
      const view = await page.evaluate((id) => {
        const element = /** @type {any} */ (document.getElementById(id));
        const text = element.value;
        return element.report.issues.map((/** @type {{ start: number, end: number }} */ issue, /** @type {number} */ index) => ({
          flagged: text.slice(issue.start, issue.end),
          shown: element.shadowRoot.querySelectorAll('li.finding')[index]?.querySelector('mark')?.textContent ?? '',
          item: element.shadowRoot.querySelectorAll('li.finding')[index]?.textContent ?? '',
        }));
      }, /** @type {string} */ (id));
      assert.ok(view.filter((issue) => issue.flagged === 'text,and').length === VECTORS.length, `${id}: each paragraph’s missing space is listed`);
      for (const issue of view.filter((issue) => issue.flagged.length <= 80 && !issue.flagged.includes('\n'))) {
        assert.equal(issue.shown, issue.flagged, `${id}: the flagged text “${issue.flagged}” shows verbatim`);
      }
      for (const vector of VECTORS.filter((vector) => !vector.includes('\u0000'))) {
        assert.ok(view.some((issue) => issue.item.includes(vector.slice(-14))), `${id}: the excerpt around “${vector}” shows it as text`);
      }
    }
    assert.notEqual(hostBefore, ARTICLE);
    await page.context().close();
  });
});
