// @ts-check
//! Shared set-up of the end-to-end tests: the in-process static server over www/ (on a free port of
//! 127.0.0.1) and headless Chromium from /usr/bin/chromium with the flags this closed network needs.

import assert from 'node:assert/strict';
import { access } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

export const WWW_ROOT = fileURLToPath(new URL('../../www/', import.meta.url));
export const PKG_SCRIPT = fileURLToPath(new URL('../../www/pkg/article_checker.js', import.meta.url));

/** No sandbox (containers), no GPU, and nothing that would reach for the network on its own. */
export const CHROMIUM_ARGS = [
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

/**
 * Starts the server and the browser; fails with a clear message when the wasm package is not built.
 * @returns {Promise<{ browser: import('playwright-core').Browser, server: import('node:http').Server, baseUrl: string }>}
 */
export async function startHarness() {
  await access(PKG_SCRIPT).catch(() => {
    throw new Error(`${PKG_SCRIPT} is missing: build it first with ./scripts/build.sh`);
  });
  const { server, url: baseUrl } = await startServer({ root: WWW_ROOT, port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return { browser, server, baseUrl };
}

/**
 * @param {{ browser?: import('playwright-core').Browser, server?: import('node:http').Server }} harness
 */
export async function stopHarness({ browser, server }) {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
}

/**
 * No uncaught page error and no console error (CSP violations are console errors) were recorded.
 * @param {{ pageErrors: string[], consoleErrors: string[] }} watch
 */
export function assertNoErrors(watch) {
  assert.deepEqual(watch.pageErrors, [], 'no page errors');
  assert.deepEqual(watch.consoleErrors, [], 'no console errors or CSP violations');
}

/**
 * Waits until the list and highlights match the textarea's current text (and that text is `expected`).
 * @param {import('playwright-core').Page} page
 * @param {string | null} expected
 */
export async function waitForCheck(page, expected) {
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
export async function replaceText(page, text) {
  await page.locator('#editor-input').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(text);
  await waitForCheck(page, text);
}

/**
 * @typedef {{ pageErrors: string[], consoleErrors: string[], requests: string[] }} Watch
 *   what a page did: uncaught errors, console errors (CSP violations are among them) and every request
 *   as "METHOD url"
 */

/**
 * A fresh context (empty storage) with the clipboard allowed, the page at `url` loaded, and a watch on
 * its errors (CSP violations reported as console errors) and requests from the first one on. Waits for
 * the first check, or with `expectState: 'error'` for the page to report its failure.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 * @param {{ colorScheme?: 'light' | 'dark', viewport?: { width: number, height: number },
 *           beforeLoad?: (page: import('playwright-core').Page) => Promise<unknown>,
 *           expectState?: 'checked' | 'error' }} [options]
 * @returns {Promise<{ page: import('playwright-core').Page, watch: Watch }>}
 */
export async function openPage(
  browser,
  url,
  { colorScheme = 'light', viewport = { width: 1280, height: 860 }, beforeLoad, expectState = 'checked' } = {},
) {
  const context = await browser.newContext({ viewport, colorScheme, acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
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
  await page.goto(url);
  if (expectState === 'checked') await waitForCheck(page, null);
  else await page.waitForSelector('main[data-check-state="error"]', { timeout: 20_000 });
  return { page, watch };
}
