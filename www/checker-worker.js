// @ts-check
//! The checker's worker: runs the wasm core off the main thread, so checking a long article never
//! freezes the page. Started by `createChecker` (checker.js) as a module worker.
//!
//! Protocol (all messages are plain objects):
//! - in:  `{ type: 'init', bytes: ArrayBuffer }` once, first: the wasm, which checker.js fetches on the
//!        page while this worker starts; or `{ type: 'init', wasmUrl: string }` when the page could not
//!        fetch it, for the worker to fetch;
//!        `{ type: 'check', id: number, text: string, options?: object }`.
//! - out: `{ type: 'ready', version: string, rules: RuleMeta[] }` or `{ type: 'failed', message }` for init;
//!        `{ type: 'result', id, json }` (the report as JSON text) or `{ type: 'error', id, message }` for
//!        each check.
//!
//! Invariants:
//! - The package's JS is imported dynamically, as soon as the worker starts (while the page fetches the
//!   wasm), so a missing or broken package is reported by `init` as a message (with the reason) instead of
//!   killing the worker silently.
//! - Checks run one at a time in arrival order; every `check` message gets exactly one answer with its id.

/** @type {{ check: (text: string, options?: object) => unknown } | null} */
let core = null;

/** @param {unknown} error */
function describe(error) {
  return error instanceof Error ? error.message : String(error);
}

const glue = import('./pkg/article_checker.js');
// Reported by init; without this a failed import would also be an unhandled rejection.
glue.catch(() => {});

/** @param {{ bytes?: ArrayBuffer, wasmUrl?: string }} message */
async function init(message) {
  try {
    const module = await glue;
    await module.default({ module_or_path: message.bytes ?? message.wasmUrl });
    core = module;
    self.postMessage({ type: 'ready', version: String(module.version()), rules: module.rules() });
  } catch (error) {
    self.postMessage({ type: 'failed', message: `could not load the checker: ${describe(error)}` });
  }
}

/** @param {{ id: number, text: string, options?: object }} message */
function check(message) {
  if (core === null) {
    self.postMessage({ type: 'error', id: message.id, message: 'the checker is not loaded' });
    return;
  }
  try {
    const report = message.options === undefined ? core.check(message.text) : core.check(message.text, message.options);
    // As JSON text: on the page, JSON.parse of a report with thousands of issues is about three times
    // faster than receiving the same objects by structured clone, and it runs on the main thread.
    self.postMessage({ type: 'result', id: message.id, json: JSON.stringify(report) });
  } catch (error) {
    self.postMessage({ type: 'error', id: message.id, message: describe(error) });
  }
}

/** Init is async; checks that arrive before it finishes wait for it. */
let initialized = Promise.resolve();

self.addEventListener('message', (event) => {
  const message = event.data;
  if (message?.type === 'init') initialized = init(message);
  else if (message?.type === 'check') initialized.then(() => check(message));
});
