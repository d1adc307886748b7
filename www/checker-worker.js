// @ts-check
//! The checker's worker: runs the wasm core off the main thread, so checking a long article never
//! freezes the page. Started by `createChecker` (checker.js) as a module worker.
//!
//! Protocol (all messages are plain objects):
//! - in:  `{ type: 'init', bytes: ArrayBuffer }` once, first: the wasm, which checker.js fetches on the
//!        page while this worker starts; or `{ type: 'init', wasmUrl: string }` when the page could not
//!        fetch it, for the worker to fetch; or `{ type: 'init', module: WebAssembly.Module }`, the
//!        module an earlier worker compiled, for a worker that replaces it;
//!        `{ type: 'check', id: number, text: string, options?: object }`.
//! - out: `{ type: 'ready', version: string, rules: RuleMeta[], module?: WebAssembly.Module }` or
//!        `{ type: 'failed', message }` for init;
//!        `{ type: 'result', id, json }` (the report as JSON text) or `{ type: 'error', id, message }` for
//!        each check; `{ type: 'error', id, message, restart: true }` when the check trapped, after which
//!        this worker closes itself.
//!
//! Invariants:
//! - The package's JS is imported dynamically, as soon as the worker starts (while the page fetches the
//!   wasm), so a missing or broken package is reported by `init` as a message (with the reason) instead of
//!   killing the worker silently.
//! - Checks run one at a time in arrival order; every `check` message gets exactly one answer with its id.
//! - A check that traps (a panic in the core, or the stack running out) leaves the instance in an unknown
//!   state: a trap does not unwind the module's own stack pointer, and in Chromium an instance failed on
//!   every text after a few thousand traps ("table index is out of bounds"). So the worker answers that
//!   check with `restart: true` and closes; checker.js starts a new worker from the compiled module, and
//!   all of the old instance's memory goes with the old worker. An error the core returns on purpose (an
//!   unknown option) is not a trap and keeps the instance.

/** @type {{ check: (text: string, options?: object) => unknown } | null} */
let core = null;

/** @param {unknown} error */
function describe(error) {
  return error instanceof Error ? error.message : String(error);
}

const glue = import('./pkg/article_checker.js');
// Reported by init; without this a failed import would also be an unhandled rejection.
glue.catch(() => {});

/** @param {{ bytes?: ArrayBuffer, wasmUrl?: string, module?: WebAssembly.Module }} message */
async function init(message) {
  try {
    const module = await glue;
    const compiled = message.module ?? (await WebAssembly.compile(message.bytes ?? (await fetchWasm(String(message.wasmUrl)))));
    await module.default({ module_or_path: compiled });
    core = module;
    const ready = { type: 'ready', version: String(module.version()), rules: module.rules() };
    try {
      self.postMessage({ ...ready, module: compiled });
    } catch {
      // A browser that cannot send a compiled module: a replacement worker fetches the wasm instead.
      self.postMessage(ready);
    }
  } catch (error) {
    self.postMessage({ type: 'failed', message: `could not load the checker: ${describe(error)}` });
  }
}

/** @param {string} url */
async function fetchWasm(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.status} ${response.statusText} fetching ${url}`);
  return response.arrayBuffer();
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
    if (error instanceof WebAssembly.RuntimeError || error instanceof RangeError) {
      core = null;
      self.postMessage({ type: 'error', id: message.id, message: `the checker hit an internal error on this text (${describe(error)}) and was restarted`, restart: true });
      self.close();
    } else {
      self.postMessage({ type: 'error', id: message.id, message: describe(error) });
    }
  }
}

/** Init is async; checks that arrive before it finishes wait for it. */
let initialized = Promise.resolve();

self.addEventListener('message', (event) => {
  const message = event.data;
  if (message?.type === 'init') initialized = init(message);
  else if (message?.type === 'check') initialized.then(() => check(message));
});
