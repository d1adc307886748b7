// @ts-check
//! Minimal checker worker (the widget branch's stand-in; the shared one replaces it at merge).
//! Messages in: `{ type: 'init', wasmUrl?: string }`, `{ type: 'check', id, text, options }`.
//! Messages out: `{ type: 'ready', version, rules }`, `{ type: 'init-error', message }`,
//! `{ type: 'result', id, report }`, `{ type: 'error', id, message }`.

import init, { check, rules, version } from './pkg/article_checker.js';

/** @type {Promise<unknown> | null} */
let loading = null;

/** @param {unknown} error */
function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}

self.addEventListener('message', async (event) => {
  const data = event.data;
  if (data?.type === 'init') {
    loading = init(data.wasmUrl ? { module_or_path: data.wasmUrl } : undefined);
    try {
      await loading;
      self.postMessage({ type: 'ready', version: version(), rules: rules() });
    } catch (error) {
      self.postMessage({ type: 'init-error', message: `The checker could not load: ${messageOf(error)}` });
    }
  } else if (data?.type === 'check') {
    try {
      await loading;
      self.postMessage({ type: 'result', id: data.id, report: check(data.text, data.options ?? undefined) });
    } catch (error) {
      self.postMessage({ type: 'error', id: data.id, message: messageOf(error) });
    }
  }
});
