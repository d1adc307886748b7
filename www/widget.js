// @ts-check
//! `<article-checker>`: the checker as a custom element for any site.
//!
//! ```html
//! <script type="module" src="https://example.org/article-checker/widget.js"></script>
//! <article-checker></article-checker>                       <!-- its own editor -->
//! <article-checker for="my-textarea" wasm-url="/assets/article_checker_bg.wasm"></article-checker>
//! ```
//!
//! Invariants:
//! - Everything it shows lives in an open shadow root with its own constructed stylesheet: host styles do
//!   not reach in (inheritance is cut with `all: initial` on the root) and its styles do not leak out.
//!   The only global it defines is the element itself.
//! - Text (its own editor's or the host textarea's) is only ever set with `textContent`/`value`; nothing
//!   from the text is parsed as HTML.
//! - In `for=` mode the host textarea's text changes only when the user clicks a suggestion's apply button,
//!   and only when the text is still the one the shown report was made for.
//! - The text never leaves the page: it goes to the checker's worker and nowhere else.
//!
//! Attributes: `for`, `rules` (ids, space- or comma-separated; empty = all), `min-severity`
//! (info|warning|error), `theme` (light|dark|auto), `wasm-url`. Property `report`, `value`; method
//! `check()`; event `article-check` (bubbles, composed, `detail` = report) after each check.

import { createChecker } from './checker.js';

const TAG = 'article-checker';
const DEBOUNCE_MS = 250;
const MAX_SHOWN = 300;
const EXCERPT_CONTEXT = 24;
const SEVERITIES = ['info', 'warning', 'error'];
const DEFAULT_WASM_URL = new URL('./pkg/article_checker_bg.wasm', import.meta.url).href;

/**
 * @typedef {{ start: number, end: number, message: string }} Related
 * @typedef {{ rule: string, category: string, severity: string, message: string, start: number, end: number,
 *             line: number, column: number, suggestions: string[], related: Related[] }} Issue
 * @typedef {{ issues: Issue[], outline: unknown[], contents: unknown[], stats: Record<string, number>,
 *             timing: { checkMs: number } }} Report
 * @typedef {import('./checker.js').Checker} Checker
 */

const STYLES = `
:host { display: block; }
:host([hidden]) { display: none; }
.ac {
  all: initial;
  --ac-bg: #ffffff; --ac-fg: #1d2330; --ac-muted: #5b6473; --ac-border: #c9ced8; --ac-panel: #f5f6f9;
  --ac-accent: #2456c7; --ac-focus: #1a5fff; --ac-error: #b3261e; --ac-warning: #8a5a00; --ac-info: #3d5a80;
  --ac-structure: #7b3fb3; --ac-consistency: #0b7a75; --ac-mechanics: #b3261e; --ac-style: #8a5a00;
  display: flex; flex-direction: column; gap: 8px; box-sizing: border-box; width: 100%;
  padding: 10px; border: 1px solid var(--ac-border); border-radius: 8px;
  background: var(--ac-bg); color: var(--ac-fg); color-scheme: light;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; text-align: start;
}
.ac *, .ac *::before, .ac *::after { box-sizing: border-box; }
:host([theme="dark"]) .ac {
  --ac-bg: #161a22; --ac-fg: #e6e9ef; --ac-muted: #a3abba; --ac-border: #3a4252; --ac-panel: #1f2430;
  --ac-accent: #8fb0ff; --ac-focus: #8fb0ff; --ac-error: #ff8a80; --ac-warning: #ffc766; --ac-info: #9cc0ee;
  --ac-structure: #cc9cff; --ac-consistency: #5fd8d0; --ac-mechanics: #ff8a80; --ac-style: #ffc766;
  color-scheme: dark;
}
@media (prefers-color-scheme: dark) {
  :host(:not([theme="light"]):not([theme="dark"])) .ac {
    --ac-bg: #161a22; --ac-fg: #e6e9ef; --ac-muted: #a3abba; --ac-border: #3a4252; --ac-panel: #1f2430;
    --ac-accent: #8fb0ff; --ac-focus: #8fb0ff; --ac-error: #ff8a80; --ac-warning: #ffc766; --ac-info: #9cc0ee;
    --ac-structure: #cc9cff; --ac-consistency: #5fd8d0; --ac-mechanics: #ff8a80; --ac-style: #ffc766;
    color-scheme: dark;
  }
}
.bar { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
.title { font-weight: 600; margin: 0; }
.summary { margin: 0; color: var(--ac-muted); flex: 1 1 12em; }
.ac[data-state="error"] .summary { color: var(--ac-error); font-weight: 600; }
.editor {
  display: block; width: 100%; min-height: 12em; resize: vertical; margin: 0; padding: 8px;
  font: 14px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: var(--ac-fg);
  background: var(--ac-bg); border: 1px solid var(--ac-border); border-radius: 6px; white-space: pre-wrap;
}
.editor[hidden] { display: none; }
.findings { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 6px;
  max-height: 24em; overflow: auto; }
.finding {
  display: block; margin: 0; padding: 6px 8px; border: 1px solid var(--ac-border);
  border-left: 4px solid var(--ac-cat, var(--ac-border)); border-radius: 6px; background: var(--ac-panel);
}
.finding[data-category="structure"] { --ac-cat: var(--ac-structure); }
.finding[data-category="consistency"] { --ac-cat: var(--ac-consistency); }
.finding[data-category="mechanics"] { --ac-cat: var(--ac-mechanics); }
.finding[data-category="style"] { --ac-cat: var(--ac-style); }
.more { color: var(--ac-muted); padding: 4px 8px; }
button {
  font: inherit; color: inherit; cursor: pointer; margin: 0;
}
.select {
  display: block; width: 100%; text-align: start; padding: 0; border: 0; background: none;
}
.meta { display: flex; gap: 6px; flex-wrap: wrap; align-items: baseline; font-size: 12px; color: var(--ac-muted); }
.category { color: var(--ac-cat); font-weight: 600; text-transform: uppercase; letter-spacing: 0.04em; }
.severity { border: 1px solid currentColor; border-radius: 4px; padding: 0 4px; }
.severity[data-severity="error"] { color: var(--ac-error); }
.severity[data-severity="warning"] { color: var(--ac-warning); }
.severity[data-severity="info"] { color: var(--ac-info); }
.rule { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.message { display: block; margin-top: 2px; }
.excerpt { display: block; margin-top: 2px; color: var(--ac-muted); white-space: pre-wrap; overflow-wrap: anywhere;
  font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.excerpt mark { background: none; color: var(--ac-fg); text-decoration: underline wavy var(--ac-cat); text-underline-offset: 3px; }
.suggestions { display: flex; flex-wrap: wrap; align-items: baseline; gap: 6px; margin-top: 6px; }
.fix-label { font-size: 12px; color: var(--ac-muted); }
.apply, .check {
  padding: 2px 8px; border: 1px solid var(--ac-accent); border-radius: 4px; background: var(--ac-bg); color: var(--ac-accent);
}
.apply:hover, .check:hover { background: var(--ac-accent); color: var(--ac-bg); }
button:focus-visible, .editor:focus-visible { outline: 2px solid var(--ac-focus); outline-offset: 2px; }
`;

/** @type {CSSStyleSheet | null} */
let sharedSheet = null;

/**
 * Styles for one shadow root: a constructed sheet (not subject to a page's `style-src` CSP), or a
 * `<style>` element filled with textContent where constructed sheets are missing.
 * @param {ShadowRoot} root
 */
function adoptStyles(root) {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    if (!sharedSheet) {
      sharedSheet = new CSSStyleSheet();
      sharedSheet.replaceSync(STYLES);
    }
    root.adoptedStyleSheets = [sharedSheet];
  } else {
    const style = document.createElement('style');
    style.textContent = STYLES;
    root.append(style);
  }
}

/**
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {{ className?: string, text?: string, attrs?: Record<string, string> }} [options]
 * @returns {HTMLElementTagNameMap[K]}
 */
function el(tag, { className, text, attrs } = {}) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  for (const [name, value] of Object.entries(attrs ?? {})) node.setAttribute(name, value);
  return node;
}

/**
 * The flagged text with a little of its line on each side.
 * @param {string} text
 * @param {number} start
 * @param {number} end
 */
function excerptOf(text, start, end) {
  const lineStart = start === 0 ? 0 : text.lastIndexOf('\n', start - 1) + 1;
  const newline = text.indexOf('\n', end);
  const lineEnd = newline === -1 ? text.length : newline;
  const from = Math.max(lineStart, start - EXCERPT_CONTEXT);
  const to = Math.min(lineEnd, end + EXCERPT_CONTEXT);
  let flagged = text.slice(start, end);
  if (flagged.length > 80) flagged = `${flagged.slice(0, 38)} … ${flagged.slice(-38)}`;
  return {
    before: (from > lineStart ? '…' : '') + text.slice(from, start),
    flagged: flagged.replaceAll('\n', '⏎'),
    after: text.slice(end, to) + (to < lineEnd ? '…' : ''),
  };
}

/** @param {unknown} error */
function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}

class ArticleChecker extends HTMLElement {
  static get observedAttributes() {
    return ['for', 'rules', 'min-severity', 'theme', 'wasm-url'];
  }

  /** @type {ShadowRoot} */
  #root;
  /** @type {HTMLDivElement} */
  #container;
  /** @type {HTMLTextAreaElement} */
  #editor;
  /** @type {HTMLParagraphElement} */
  #summary;
  /** @type {HTMLOListElement} */
  #list;
  /** @type {Checker | null} */
  #checker = null;
  /** @type {string | null} the wasm URL #checker was made with */
  #checkerUrl = null;
  /** @type {{ version: string, rules: { id: string }[] } | null} */
  #meta = null;
  /** @type {HTMLTextAreaElement | null} the host textarea in `for=` mode */
  #target = null;
  /** @type {Report | null} */
  #report = null;
  /** @type {string | null} the text #report was made for */
  #reportText = null;
  /** @type {Promise<Report> | null} the newest check */
  #latest = null;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  #timer;
  #connected = false;
  #onInput = () => this.#schedule();

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    adoptStyles(this.#root);
    this.#container = el('div', { className: 'ac', attrs: { part: 'container', 'data-state': 'loading' } });
    const bar = el('div', { className: 'bar' });
    const title = el('p', { className: 'title', text: 'Article checker' });
    this.#summary = el('p', { className: 'summary', text: 'Loading the checker…', attrs: { role: 'status', 'aria-live': 'polite' } });
    const checkButton = el('button', { className: 'check', text: 'Check', attrs: { type: 'button', part: 'button' } });
    checkButton.addEventListener('click', () => {
      this.check().catch(() => {});
    });
    bar.append(title, this.#summary, checkButton);
    this.#editor = el('textarea', {
      className: 'editor',
      attrs: { part: 'editor', 'aria-label': 'Text to check', spellcheck: 'false', autocomplete: 'off' },
    });
    this.#editor.addEventListener('input', this.#onInput);
    this.#list = el('ol', { className: 'findings', attrs: { part: 'findings', 'aria-label': 'Findings' } });
    this.#list.addEventListener('click', (event) => this.#onListClick(event));
    this.#container.append(bar, this.#editor, this.#list);
    this.#root.append(this.#container);
  }

  connectedCallback() {
    this.#connected = true;
    if (document.readyState === 'loading') {
      // Upgraded while the parser is still here: children (the initial text) and a later `for=` target
      // may not exist yet.
      document.addEventListener('DOMContentLoaded', () => this.#start(), { once: true });
    } else {
      this.#start();
    }
  }

  disconnectedCallback() {
    this.#connected = false;
    clearTimeout(this.#timer);
    this.#detach();
    this.#checker?.terminate();
    this.#checker = null;
    this.#checkerUrl = null;
    this.#meta = null;
  }

  /**
   * @param {string} name
   * @param {string | null} oldValue
   * @param {string | null} newValue
   */
  attributeChangedCallback(name, oldValue, newValue) {
    if (!this.#connected || oldValue === newValue) return;
    if (name === 'theme') return; // CSS alone follows it
    if (name === 'for') this.#attach();
    if (name === 'wasm-url') this.#ensureChecker();
    this.#schedule(0);
  }

  /** The last report, or null before the first check. */
  get report() {
    return this.#report;
  }

  /** The text being checked: the host textarea's in `for=` mode, else the widget's own editor's. */
  get value() {
    return (this.#target ?? this.#editor).value;
  }

  /** Sets the widget's own editor's text (never the host's) and checks it soon. */
  set value(text) {
    this.#editor.value = String(text);
    if (!this.#target) this.#schedule();
  }

  /**
   * Checks the current text now.
   * @returns {Promise<Report>} the report (that of a newer check, should one overtake this one)
   */
  check() {
    clearTimeout(this.#timer);
    const run = this.#run();
    this.#latest = run;
    return run;
  }

  #start() {
    if (!this.#connected) return;
    if (!this.#editor.value && !this.hasAttribute('for')) {
      this.#editor.value = (this.textContent ?? '').replace(/^\s*\n/, '').replace(/\s+$/, '');
    }
    this.#attach();
    this.#ensureChecker();
    this.#schedule(0);
  }

  #ensureChecker() {
    const url = new URL(this.getAttribute('wasm-url') || DEFAULT_WASM_URL, document.baseURI).href;
    if (this.#checker && this.#checkerUrl === url) return;
    this.#checker?.terminate();
    this.#meta = null;
    this.#checkerUrl = url;
    this.#checker = createChecker({ wasmUrl: url });
    this.#container.dataset.state = 'loading';
    this.#summary.textContent = 'Loading the checker…';
  }

  #attach() {
    this.#detach();
    const id = this.getAttribute('for');
    if (id) {
      const root = /** @type {Document | ShadowRoot} */ (this.getRootNode());
      const found = (root.getElementById ? root.getElementById(id) : null) ?? document.getElementById(id);
      if (found instanceof HTMLTextAreaElement) {
        this.#target = found;
        found.addEventListener('input', this.#onInput);
      }
    }
    this.#editor.hidden = Boolean(id);
    this.#container.dataset.mode = id ? 'for' : 'editor';
  }

  #detach() {
    this.#target?.removeEventListener('input', this.#onInput);
    this.#target = null;
  }

  /** @param {number} [delay] */
  #schedule(delay = DEBOUNCE_MS) {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.check().catch(() => {});
    }, delay);
  }

  /** Check options from the attributes; unknown rule ids are dropped (and named in the summary). */
  #options() {
    /** @type {{ enable?: string[], minSeverity?: string }} */
    const options = {};
    /** @type {string[]} */
    const unknown = [];
    const ids = (this.getAttribute('rules') ?? '').split(/[\s,]+/).filter(Boolean);
    if (ids.length > 0) {
      const known = new Set((this.#meta?.rules ?? []).map((rule) => rule.id));
      options.enable = ids.filter((id) => known.has(id));
      unknown.push(...ids.filter((id) => !known.has(id)));
    }
    const severity = (this.getAttribute('min-severity') ?? '').trim().toLowerCase();
    if (SEVERITIES.includes(severity)) options.minSeverity = severity;
    return { options, unknown };
  }

  /** @returns {Promise<Report>} */
  async #run() {
    if (!this.#connected) throw new Error('The element is not in a document');
    this.#ensureChecker();
    if (this.hasAttribute('for') && !this.#target) this.#attach();
    const checker = /** @type {Checker} */ (this.#checker);
    try {
      if (this.hasAttribute('for') && !this.#target) {
        throw new Error(`No <textarea id="${this.getAttribute('for')}"> on this page`);
      }
      this.#meta ??= await checker.ready;
      const text = this.value;
      const { options, unknown } = this.#options();
      this.#container.dataset.state = 'checking';
      const report = await checker.check(text, options);
      if (report === null) {
        // Overtaken by a newer check: that one's report is this call's answer.
        const newer = this.#latest;
        return newer ? newer : Promise.reject(new Error('The check was cancelled'));
      }
      if (checker !== this.#checker) throw new Error('The checker was replaced');
      this.#report = report;
      this.#reportText = text;
      this.#render(report, text, unknown);
      this.#container.dataset.state = 'checked';
      this.dispatchEvent(new CustomEvent('article-check', { detail: report, bubbles: true, composed: true }));
      return report;
    } catch (error) {
      if (checker === this.#checker || !this.#checker) {
        this.#container.dataset.state = 'error';
        this.#summary.textContent = messageOf(error);
      }
      throw error;
    }
  }

  /**
   * @param {Report} report
   * @param {string} text
   * @param {string[]} unknown
   */
  #render(report, text, unknown) {
    const count = report.issues.length;
    const byCategory = new Map();
    for (const issue of report.issues) byCategory.set(issue.category, (byCategory.get(issue.category) ?? 0) + 1);
    let summary = count === 0 ? 'No issues found.' : `${count} ${count === 1 ? 'issue' : 'issues'}: ${[...byCategory].map(([c, n]) => `${n} ${c}`).join(', ')}.`;
    if (unknown.length > 0) summary += ` Unknown rule ${unknown.length === 1 ? 'id' : 'ids'} ignored: ${unknown.join(', ')}.`;
    this.#summary.textContent = summary;

    const items = report.issues.slice(0, MAX_SHOWN).map((issue, index) => {
      const item = el('li', { className: 'finding', attrs: { part: 'finding', 'data-category': issue.category } });
      const select = el('button', {
        className: 'select',
        attrs: { type: 'button', 'data-index': String(index), title: 'Select this in the text' },
      });
      const meta = el('span', { className: 'meta' });
      meta.append(
        el('span', { className: 'category', text: issue.category }),
        el('span', { className: 'severity', text: issue.severity, attrs: { 'data-severity': issue.severity } }),
        el('span', { className: 'rule', text: issue.rule }),
        el('span', { className: 'position', text: `${issue.line}:${issue.column}` }),
      );
      const { before, flagged, after } = excerptOf(text, issue.start, issue.end);
      const excerpt = el('span', { className: 'excerpt' });
      excerpt.append(before, el('mark', { text: flagged }), after);
      select.append(meta, el('span', { className: 'message', text: issue.message }), excerpt);
      item.append(select);
      if (issue.suggestions.length > 0) {
        const suggestions = el('div', { className: 'suggestions' });
        suggestions.append(el('span', { className: 'fix-label', text: 'Fix:' }));
        issue.suggestions.forEach((suggestion, which) => {
          const shown = suggestion === '' ? '(remove)' : suggestion.replaceAll('\n', '⏎');
          const button = el('button', {
            className: 'apply',
            text: shown,
            attrs: {
              type: 'button',
              part: 'apply',
              'data-index': String(index),
              'data-suggestion': String(which),
              'aria-label': `Apply: replace “${flagged}” with “${shown}”`,
            },
          });
          suggestions.append(button);
        });
        item.append(suggestions);
      }
      return item;
    });
    if (count > MAX_SHOWN) items.push(el('li', { className: 'more', text: `…and ${count - MAX_SHOWN} more` }));
    this.#list.replaceChildren(...items);
  }

  /** @param {MouseEvent} event */
  #onListClick(event) {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (!button || !this.#report) return;
    const issue = this.#report.issues[Number(button.dataset.index)];
    if (!issue) return;
    const textarea = this.#target ?? this.#editor;
    if (textarea.value !== this.#reportText) {
      // The text changed since this report: its offsets no longer hold.
      this.#summary.textContent = 'The text changed; checking again…';
      this.check().catch(() => {});
      return;
    }
    if (button.classList.contains('apply')) {
      const suggestion = issue.suggestions[Number(button.dataset.suggestion)];
      if (suggestion === undefined) return;
      this.#replace(textarea, issue.start, issue.end, suggestion);
      this.check().catch(() => {});
    } else {
      this.#select(textarea, issue.start, issue.end);
    }
  }

  /**
   * Selects [start, end) and brings it into view.
   * @param {HTMLTextAreaElement} textarea
   * @param {number} start
   * @param {number} end
   */
  #select(textarea, start, end) {
    textarea.focus({ preventScroll: true });
    // Collapsing to the start first and then selecting makes the browser scroll the span into view.
    textarea.setSelectionRange(start, start);
    textarea.blur();
    textarea.focus({ preventScroll: true });
    textarea.setSelectionRange(start, end);
    textarea.scrollIntoView({ block: 'nearest' });
  }

  /**
   * Replaces [start, end) with `replacement` as an edit the textarea's undo (Ctrl+Z) can take back,
   * firing `input` like typing would.
   * @param {HTMLTextAreaElement} textarea
   * @param {number} start
   * @param {number} end
   * @param {string} replacement
   */
  #replace(textarea, start, end, replacement) {
    textarea.focus({ preventScroll: true });
    textarea.setSelectionRange(start, end);
    let done = false;
    try {
      done = document.execCommand('insertText', false, replacement);
    } catch {
      done = false;
    }
    if (!done || textarea.value.slice(start, start + replacement.length) !== replacement) {
      textarea.setRangeText(replacement, start, end, 'end');
      textarea.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: replacement }));
    }
  }
}

if (!customElements.get(TAG)) customElements.define(TAG, ArticleChecker);
