// @ts-check
//! End-to-end tests of the page's input paths: HTML paste keeps its structure as Markdown-ish text
//! (and nothing in it is created, loaded or run), plain paste, "Open file…" with .md and .html files,
//! drop, and files that are not readable text refused with a message while the text stays.
//!
//! Run with `node --test tests/e2e/` after `./scripts/build.sh`.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoErrors, replaceText, startHarness, stopHarness, waitForCheck, openPage as openWatchedPage } from './harness.mjs';

/** Clipboard HTML as Chromium puts it there, with hostile parts that must stay inert. */
const CLIPBOARD_HTML = [
  '<meta charset="utf-8"><!--StartFragment--><h2>Getting   there</h2>',
  '<p>Take the <b>night bus</b> from the',
  'station.<img src="/pasted-image.png" onerror="window.__xss=1"></p>',
  '<script>window.__xss=2</script><style>p { color: red }</style>',
  '<ul><li>Buy a ticket</li><li>Board at <i>stop 4</i><ul><li>Sit near the driver</li></ul></li></ul>',
  '<ol start="3"><li>Ring the bell</li><li>Get off</li></ol>',
  '<table><thead><tr><th>Line</th><th>Hours</th></tr></thead>',
  '<tbody><tr><td>N1</td><td>0–5 | late</td></tr><tr><td>N2</td><td>1–4</td></tr></tbody></table>',
  '<pre>let x = 1;\n  indented</pre>',
  '<div>A div line</div><div>Another <a href="javascript:window.__xss=3">link</a></div>',
  '<p>Last line<br>after a break <svg onload="window.__xss=4"><text>svg text</text></svg></p><!--EndFragment-->',
].join('\n');

const CLIPBOARD_TEXT = [
  '## Getting there',
  '',
  'Take the night bus from the station.',
  '',
  '- Buy a ticket',
  '- Board at stop 4',
  '  - Sit near the driver',
  '',
  '3. Ring the bell',
  '4. Get off',
  '',
  '| Line | Hours |',
  '| --- | --- |',
  '| N1 | 0–5 \\| late |',
  '| N2 | 1–4 |',
  '',
  '```',
  'let x = 1;',
  '  indented',
  '```',
  '',
  'A div line',
  'Another link',
  '',
  'Last line',
  'after a break',
].join('\n');

const HTML_FILE = `<!doctype html>
<html><head><meta charset="utf-8"><title>Not part of the text</title>
<style>h1 { color: red }</style><script>window.__xss = 'file'</script></head>
<body>
  <h1>Night buses</h1>
  <p>The night network has
     four lines.</p>
  <h3>Tickets</h3>
  <ul>
    <li>Single</li>
    <li>Day pass</li>
  </ul>
  <img src="/file-image.png" onerror="window.__xss = 'file-img'">
</body></html>`;

const HTML_FILE_TEXT = '# Night buses\n\nThe night network has four lines.\n\n### Tickets\n\n- Single\n- Day pass';

/** @type {import('playwright-core').Browser} */
let browser;
/** @type {import('node:http').Server} */
let server;
/** @type {string} */
let baseUrl;

/** A fresh page with the sample checked, and a watch on its errors and requests. */
function openPage() {
  return openWatchedPage(browser, baseUrl);
}

/** @param {import('playwright-core').Page} page */
function textOf(page) {
  return page.locator('#editor-input').inputValue();
}

/** @param {import('playwright-core').Page} page */
function elementCounts(page) {
  return page.evaluate(() => ({
    img: document.getElementsByTagName('img').length,
    script: document.getElementsByTagName('script').length,
    svg: document.getElementsByTagName('svg').length,
    a: document.getElementsByTagName('a').length,
    style: document.getElementsByTagName('style').length,
  }));
}

describe('page input: paste, open and drop', { timeout: 60_000 }, () => {
  before(async () => {
    ({ browser, server, baseUrl } = await startHarness());
  });

  after(async () => {
    await stopHarness({ browser, server });
  });

  it('turns pasted HTML into Markdown structure at the caret, inert, and undoable', async () => {
    const { page, watch } = await openPage();
    const start = 'Intro paragraph.\n\n';
    const end = '\n\nClosing paragraph.';
    await replaceText(page, start + end);
    const countsBefore = await elementCounts(page);
    watch.requests.length = 0;

    // The caret between the two paragraphs, then a paste event carrying text/html (and its plain text).
    await page.evaluate(
      ([html, caret]) => {
        const textarea = /** @type {HTMLTextAreaElement} */ (document.getElementById('editor-input'));
        textarea.focus();
        textarea.setSelectionRange(caret, caret);
        const data = new DataTransfer();
        data.setData('text/html', html);
        data.setData('text/plain', 'the plain-text version, which must not be used');
        textarea.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      },
      /** @type {[string, number]} */ ([CLIPBOARD_HTML, start.length]),
    );
    const expected = start + CLIPBOARD_TEXT + end;
    await waitForCheck(page, expected);
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => /** @type {any} */ (window).__xss), undefined, 'no pasted script or handler ran');
    assert.deepEqual(await elementCounts(page), countsBefore, 'no element was created from the pasted HTML');
    assert.deepEqual(watch.requests, [], 'nothing was fetched because of the pasted HTML');

    // The checker reads the structure: the pasted H2 is in the outline.
    const outline = await page.locator('#outline-tree .outline-text').allInnerTexts();
    assert.deepEqual(outline, ['Getting there']);

    // Undo takes the whole paste back in one step.
    await page.keyboard.press('ControlOrMeta+Z');
    await waitForCheck(page, start + end);
    assertNoErrors(watch);
    await page.context().close();
  });

  it('keeps the structure of HTML pasted through the real clipboard (Ctrl+V)', async () => {
    const { page, watch } = await openPage();
    // Pasted mid-line, the blocks start on a line of their own.
    await replaceText(page, 'Before. ');
    await page.evaluate(async () => {
      const html = '<h3>From a web page</h3><ul><li>one</li><li>two</li></ul><p>After the list.</p>';
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/html': new Blob([html], { type: 'text/html' }),
          'text/plain': new Blob(['From a web page one two After the list.'], { type: 'text/plain' }),
        }),
      ]);
    });
    await page.locator('#editor-input').focus();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.press('ControlOrMeta+V');
    await waitForCheck(page, 'Before. \n\n### From a web page\n\n- one\n- two\n\nAfter the list.');
    assertNoErrors(watch);
    await page.context().close();
  });

  it('pastes plain text as is, at the caret', async () => {
    const { page, watch } = await openPage();
    await replaceText(page, 'First line.\nLast line.');
    const plain = 'Pasted <b>not bold</b>\n- a list item\r\n# not a heading yet';
    await page.evaluate((text) => navigator.clipboard.writeText(text), plain);
    await page.evaluate(() => {
      const textarea = /** @type {HTMLTextAreaElement} */ (document.getElementById('editor-input'));
      textarea.setSelectionRange(12, 12);
    });
    await page.locator('#editor-input').focus();
    await page.keyboard.press('ControlOrMeta+V');
    const expected = `First line.\n${plain.replace(/\r\n/g, '\n')}Last line.`;
    await waitForCheck(page, expected);
    assert.equal(await page.locator('#editor-input b').count(), 0);
    assertNoErrors(watch);
    await page.context().close();
  });

  it('opens .md and .html files with "Open file…", undoably', async () => {
    const { page, watch } = await openPage();
    const original = await textOf(page);
    const markdown = '# Timetable\r\n\r\nThe first bus leaves at six.\r\n\r\n- Line 1\r\n- Line 2\r\n';
    await page.locator('#file-input').setInputFiles({ name: 'timetable.md', mimeType: 'text/markdown', buffer: Buffer.from(markdown) });
    const expected = markdown.replace(/\r\n/g, '\n');
    await waitForCheck(page, expected);
    assert.match(await page.locator('#status').innerText(), /Opened “timetable\.md”/);
    assert.equal(await page.locator('#status.is-error').count(), 0);
    assert.deepEqual(await page.locator('#outline-tree .outline-text').allInnerTexts(), ['Timetable']);
    const caret = await page.evaluate(() => /** @type {HTMLTextAreaElement} */ (document.getElementById('editor-input')).selectionStart);
    assert.equal(caret, 0, 'the opened text is shown from the top');

    // Ctrl+Z brings back the text from before the file.
    await page.locator('#editor-input').focus();
    await page.keyboard.press('ControlOrMeta+Z');
    await waitForCheck(page, original);

    // An .html file: the document's text with its structure; head, script and style are left out.
    const countsBefore = await elementCounts(page);
    watch.requests.length = 0;
    await page.locator('#file-input').setInputFiles({ name: 'night.html', mimeType: 'text/html', buffer: Buffer.from(HTML_FILE) });
    await waitForCheck(page, HTML_FILE_TEXT);
    await page.waitForTimeout(200);
    assert.equal(await page.evaluate(() => /** @type {any} */ (window).__xss), undefined, 'nothing in the file ran');
    assert.deepEqual(await elementCounts(page), countsBefore, 'no element was created from the file');
    assert.deepEqual(watch.requests, [], 'nothing was fetched because of the file');
    assert.deepEqual(await page.locator('#outline-tree .outline-text').allInnerTexts(), ['Night buses', 'Tickets']);

    // The button opens the same input (a file chooser), for keyboard users too.
    const chooser = page.waitForEvent('filechooser');
    await page.locator('#open-file').focus();
    await page.keyboard.press('Enter');
    await (await chooser).setFiles({ name: 'short.txt', mimeType: 'text/plain', buffer: Buffer.from('Just a short note.') });
    await waitForCheck(page, 'Just a short note.');
    assertNoErrors(watch);
    await page.context().close();
  });

  it('opens a file dropped on the page', async () => {
    const { page, watch } = await openPage();
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.items.add(new File(['## Dropped\n\nA dropped file, checked at once.\n'], 'dropped.md', { type: 'text/markdown' }));
      const target = /** @type {HTMLElement} */ (document.getElementById('editor-input'));
      for (const type of ['dragenter', 'dragover', 'drop']) {
        target.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
      }
    });
    await waitForCheck(page, '## Dropped\n\nA dropped file, checked at once.\n');
    assert.match(await page.locator('#status').innerText(), /Opened “dropped\.md”/);
    assertNoErrors(watch);
    await page.context().close();
  });

  it('refuses binary, non-UTF-8, oversized and non-text files with a message, and keeps the text', async () => {
    const { page, watch } = await openPage();
    const text = 'My draft, which must survive every refused file.';
    await replaceText(page, text);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    /** @type {[{ name: string, mimeType: string, buffer: Buffer }, RegExp][]} */
    const cases = [
      [{ name: 'photo.txt', mimeType: 'text/plain', buffer: png }, /“photo\.txt” looks like a binary file/],
      [{ name: 'latin1.md', mimeType: 'text/markdown', buffer: Buffer.from('caf\xe9 cr\xe8me', 'latin1') }, /“latin1\.md” is not UTF-8 text/],
      [{ name: 'huge.txt', mimeType: 'text/plain', buffer: Buffer.alloc(10 * 1024 * 1024 + 1, 'a') }, /“huge\.txt” is 10\.0 MB; files over 10\.0 MB are not opened/],
      [{ name: 'picture.png', mimeType: 'image/png', buffer: png }, /“picture\.png” is not a text file/],
      [{ name: 'empty.md', mimeType: 'text/markdown', buffer: Buffer.from(' \n') }, /“empty\.md” has no text/],
    ];
    for (const [file, message] of cases) {
      await page.locator('#file-input').setInputFiles(file);
      await page.waitForFunction(() => document.querySelector('#status.is-error') !== null);
      const status = await page.locator('#status').innerText();
      assert.match(status, message);
      assert.match(status, /Your text is unchanged/);
      assert.equal(await textOf(page), text, `${file.name}: the text stays`);
      assert.equal(await page.locator('#app').getAttribute('data-check-state'), 'checked');
      // The next file's message must be its own.
      await page.evaluate(() => {
        const status = /** @type {HTMLElement} */ (document.getElementById('status'));
        status.textContent = '';
        status.classList.remove('is-error');
      });
    }
    assertNoErrors(watch);
    await page.context().close();
  });
});
