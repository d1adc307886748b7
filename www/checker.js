// @ts-check
//! Minimal shared checker client (the widget branch's stand-in; the shared one replaces it at merge).
//!
//! `createChecker({ wasmUrl })` starts a module worker (./checker-worker.js) that loads the wasm from
//! `wasmUrl` (default: the pkg's own URL) and returns
//! `{ ready: Promise<{ version, rules }>, check(text, options?): Promise<Report | null>, terminate() }`.
//! At most one check runs in the worker and one waits; a newer call replaces the waiting one, whose
//! promise resolves to null (superseded). Errors reject with an Error whose message is for the user.

/**
 * @typedef {{ id: string, category: string, severity: string, summary: string, what: string, why: string,
 *             example: string, useInstead: string }} RuleMeta
 * @typedef {{ version: string, rules: RuleMeta[] }} Ready
 * @typedef {{ text: string, options: object | undefined, resolve: (report: any) => void,
 *             reject: (error: Error) => void }} Job
 * @typedef {{ ready: Promise<Ready>, check: (text: string, options?: object) => Promise<any>,
 *             terminate: () => void }} Checker
 */

/**
 * @param {{ wasmUrl?: string | URL }} [options]
 * @returns {Checker}
 */
export function createChecker({ wasmUrl } = {}) {
  const base = globalThis.document?.baseURI ?? import.meta.url;
  const resolvedWasmUrl = wasmUrl ? new URL(String(wasmUrl), base).href : undefined;
  const worker = new Worker(new URL('./checker-worker.js', import.meta.url), { type: 'module' });
  /** @type {(value: Ready) => void} */
  let resolveReady = () => {};
  /** @type {(error: Error) => void} */
  let rejectReady = () => {};
  /** @type {Promise<Ready>} */
  const ready = new Promise((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  ready.catch(() => {});
  /** @type {Error | null} */
  let failure = null;
  /** @type {(Job & { id: number }) | null} */
  let running = null;
  /** @type {Job | null} */
  let waiting = null;
  let nextId = 1;

  /** @param {Error} error */
  function fail(error) {
    failure = error;
    rejectReady(error);
    running?.reject(error);
    waiting?.reject(error);
    running = null;
    waiting = null;
  }

  function pump() {
    if (running || !waiting || failure) return;
    running = { ...waiting, id: nextId++ };
    waiting = null;
    worker.postMessage({ type: 'check', id: running.id, text: running.text, options: running.options });
  }

  worker.addEventListener('message', (event) => {
    const data = event.data;
    if (data?.type === 'ready') {
      resolveReady({ version: data.version, rules: data.rules });
    } else if (data?.type === 'init-error') {
      fail(new Error(data.message));
    } else if ((data?.type === 'result' || data?.type === 'error') && running?.id === data.id) {
      const job = running;
      running = null;
      // A newer request arrived while this one ran: this result is already stale.
      if (data.type === 'error') job.reject(new Error(data.message));
      else job.resolve(waiting ? null : data.report);
      pump();
    }
  });
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    fail(new Error(`The checker could not load${event.message ? `: ${event.message}` : ''}`));
  });
  worker.postMessage({ type: 'init', wasmUrl: resolvedWasmUrl });

  return {
    ready,
    check(text, options) {
      if (failure) return Promise.reject(failure);
      return new Promise((resolve, reject) => {
        waiting?.resolve(null);
        waiting = { text, options, resolve, reject };
        pump();
      });
    },
    terminate() {
      worker.terminate();
      fail(new Error('The checker was stopped'));
    },
  };
}
