// @ts-check
//! The checker client: runs the wasm core in a module Web Worker (checker-worker.js) and offers it as
//! promises, so the page's main thread stays free while a long article is checked.
//!
//! ```js
//! const checker = createChecker();            // or createChecker({ wasmUrl: 'https://cdn.example/…wasm' })
//! const { version, rules } = await checker.ready;
//! const report = await checker.check(text);   // null: a newer check superseded this one
//! ```
//!
//! Start-up: `createChecker` fetches the wasm here, on the page, while the worker starts and loads the
//! package's JS, and then hands the bytes to the worker, which compiles them. Done one after another inside
//! the worker (worker script, then package JS, then wasm), those round trips and index.html's missing
//! preloads made the page's first findings arrive 931-936 ms after navigation on an emulated 40 ms,
//! 20 Mbit/s network, against 664-688 ms now (BENCHMARKS.md, round 6). The compiling stays in the worker:
//! off the page's main thread, and under the worker's own Content-Security-Policy, so an embedding page
//! whose policy forbids WebAssembly still works. When the page may not fetch the wasm at all (its policy's
//! `connect-src`), the worker fetches it itself.
//!
//! Invariants:
//! - At most one check is in the worker at a time, and at most one waits behind it. A new `check` while
//!   one waits resolves the waiting one with `null` at once (it is never run); the one running resolves
//!   with `null` when it finishes if a newer check was asked for meanwhile. So the newest check always
//!   runs, and no caller ever gets a report for anything but the newest text it asked about.
//! - Failures reject with an `Error` whose message can be shown to the user as is: the worker or the
//!   package not loading rejects `ready` and every check; a check that throws rejects that check only.
//! - A check on which the core traps (a panic) is answered by the worker with `restart`: that worker is
//!   replaced by a new one made from the compiled module the first one reported, so no later check runs
//!   on an instance left in an unknown state (see checker-worker.js), and the old instance's memory is
//!   freed with its worker.
//! - After `terminate()`, pending checks resolve with `null` and new ones reject.

/**
 * @typedef {{ id: string, category: string, severity: string, summary: string, what: string, why: string,
 *             example: string, useInstead: string }} RuleMeta
 * @typedef {any} Report the core's report (see app.js for its shape)
 * @typedef {{ text: string, options: object | undefined, resolve: (report: Report | null) => void,
 *             reject: (error: Error) => void }} Job
 * @typedef {{ ready: Promise<{ version: string, rules: RuleMeta[] }>,
 *             check: (text: string, options?: object) => Promise<Report | null>,
 *             terminate: () => void }} Checker
 */

const WORKER_URL = new URL('./checker-worker.js', import.meta.url);
const DEFAULT_WASM_URL = new URL('./pkg/article_checker_bg.wasm', import.meta.url);

/** The server answered the wasm's request with an error status. */
class HttpError extends Error {}

/**
 * Fetches the wasm's bytes, for the worker to compile. Rejects with an `HttpError` when the server
 * answers with an error status, and as `fetch` does when there is no answer.
 * @param {URL} url
 * @returns {Promise<ArrayBuffer>}
 */
async function fetchWasm(url) {
  const response = await fetch(url);
  if (!response.ok) throw new HttpError(`could not load the checker: ${response.status} ${response.statusText} fetching ${url.href}`);
  return response.arrayBuffer();
}

/**
 * @param {{ wasmUrl?: string | URL }} [options]
 * @returns {Checker}
 */
export function createChecker({ wasmUrl } = {}) {
  // A relative URL means relative to the page.
  const base = globalThis.document?.baseURI ?? globalThis.location?.href;
  const url = wasmUrl === undefined ? DEFAULT_WASM_URL : new URL(String(wasmUrl), base);
  const wasm = fetchWasm(url);
  let worker = startWorker();
  /** The compiled wasm, as the first worker reported it: a worker that replaces one starts from it. @type {WebAssembly.Module | null} */
  let compiled = null;
  /** Why the checker cannot work, once it cannot. @type {Error | null} */
  let broken = null;
  let loaded = false;
  let nextId = 1;
  /** The check in the worker. @type {(Job & { id: number }) | null} */
  let running = null;
  /** The newest check, waiting for the running one. @type {Job | null} */
  let waiting = null;

  /** @type {(value: { version: string, rules: RuleMeta[] }) => void} */
  let resolveReady = () => {};
  /** @type {(error: Error) => void} */
  let rejectReady = () => {};
  /** @type {Promise<{ version: string, rules: RuleMeta[] }>} */
  const ready = new Promise((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  // A page that only calls check() must not see an unhandled rejection for `ready` as well.
  ready.catch(() => {});

  /** Sends the waiting check if the worker is free. */
  function pump() {
    if (!loaded || running !== null || waiting === null) return;
    running = { ...waiting, id: nextId++ };
    waiting = null;
    worker.postMessage({ type: 'check', id: running.id, text: running.text, options: running.options });
  }

  /** @param {Error} error */
  function fail(error) {
    if (broken === null) broken = error;
    rejectReady(broken);
    for (const job of [running, waiting]) job?.reject(broken);
    running = null;
    waiting = null;
  }

  /** A worker with the handlers of this checker. */
  function startWorker() {
    const started = new Worker(WORKER_URL, { type: 'module', name: 'article-checker' });
    started.addEventListener('message', onMessage);
    // The worker script itself could not load or run (404, syntax error, out of memory).
    started.addEventListener('error', (event) => {
      event.preventDefault();
      fail(new Error(event.message || 'the checker’s worker could not start'));
    });
    started.addEventListener('messageerror', () => fail(new Error('the checker sent a message that could not be read')));
    return started;
  }

  /** @param {MessageEvent} event */
  function onMessage(event) {
    if (event.target !== worker) return;
    const message = event.data;
    switch (message?.type) {
      case 'ready':
        loaded = true;
        compiled ??= message.module instanceof WebAssembly.Module ? message.module : null;
        resolveReady({ version: message.version, rules: message.rules });
        pump();
        break;
      case 'failed':
        fail(new Error(message.message));
        worker.terminate();
        break;
      case 'result':
      case 'error': {
        if (running === null || message.id !== running.id) break;
        const job = running;
        running = null;
        // The core trapped on that text: its instance is not to be trusted again, so a new worker takes
        // over (the old one has closed itself), and the checks after this one wait for it.
        if (message.restart === true) {
          loaded = false;
          worker.terminate();
          worker = startWorker();
          worker.postMessage(compiled !== null ? { type: 'init', module: compiled } : { type: 'init', wasmUrl: url.href });
        }
        // Superseded: a newer check is waiting, so this answer is of no use to anyone.
        if (waiting !== null) job.resolve(null);
        else if (message.type === 'result') job.resolve(JSON.parse(message.json));
        else job.reject(new Error(message.message));
        pump();
        break;
      }
      default:
        break;
    }
  }

  wasm.then(
    (bytes) => {
      // Transferred, not copied.
      if (broken === null) worker.postMessage({ type: 'init', bytes }, [bytes]);
    },
    (/** @type {unknown} */ error) => {
      if (error instanceof HttpError) {
        // The server answered, and not with the wasm: asking again from the worker would not help.
        fail(error);
        worker.terminate();
      } else if (broken === null) {
        // No answer at all: the page's policy may forbid the request, which the worker's may allow.
        worker.postMessage({ type: 'init', wasmUrl: url.href });
      }
    },
  );

  return {
    ready,
    check(text, options) {
      if (broken !== null) return Promise.reject(broken);
      return new Promise((resolve, reject) => {
        waiting?.resolve(null);
        waiting = { text, options, resolve, reject };
        pump();
      });
    },
    terminate() {
      worker.terminate();
      for (const job of [running, waiting]) job?.resolve(null);
      running = null;
      waiting = null;
      if (broken === null) broken = new Error('the checker was stopped');
      rejectReady(broken);
    },
  };
}
