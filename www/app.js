// @ts-check
//! The page script: loads the text (saved draft, else the sample article), starts the checker (the wasm
//! core in a Web Worker, see checker.js), re-checks as the user types, and renders the findings list, the summary, the statistics and the outline
//! (the headings as a tree, and the table of contents with each entry found or missing).
//!
//! Invariants:
//! - The text is never lost: it is shown and kept whether or not the checker loads or a check throws,
//!   and every edit is saved as a draft in localStorage.
//! - A report is only rendered for the exact text it was computed from; a result for older text, or one a
//!   newer check superseded, is dropped. The check runs in a worker; long lists are rendered in slices of a
//!   few milliseconds of script each, so the main thread never blocks for long (on a 1 MB article a frame
//!   still costs Chromium 25-110 ms of layout and paint on a 2-core machine, whatever the script does).
//! - User text reaches the DOM only through `textContent`, text nodes, `textarea.value` and highlight ranges
//!   (issue excerpts, outline headings and contents entries alike).
//! - `main[data-check-state]` says where the page is: `loading`, `pending` (an edit awaits its check),
//!   `checked` (list and highlights match the current text) or `error`. Tests wait on it.
//! - Nothing is fetched after start-up except the page's own files.
//! - Pasted HTML and opened .html files become Markdown-ish text (html-to-text.js, an inert parsed document
//!   never attached to the page) and are inserted as plain text; a file that is not readable text (over
//!   10 MB, NUL bytes, not UTF-8) is refused with a message, and the text in the editor stays.
//! - The list shows the findings the filters (category, severity) and "Ignore this" leave, grouped by
//!   category (findings-view.js); exactly those are highlighted, counted in the summary (with how many are
//!   hidden) and walked by next/previous (F8 / Shift+F8, Alt+N / Alt+P) in text order.
//! - A finding's card (issue-card.js) applies a suggestion as an edit of the textarea's own (execCommand),
//!   so Ctrl+Z in the text takes it back; it closes on any edit, so its offsets always fit the text.
//! - Disabled rules are kept in localStorage and restored on load; ignored findings in sessionStorage.

import { createChecker } from './checker.js';
import { CATEGORIES, Editor, highlightsSupported } from './editor.js';
import { applyFixes, readingTime, reportToJson, reportToMarkdown } from './export.js';
import { hasStructure, htmlToText, parseHtml } from './html-to-text.js';
import { categoriesOf, hiddenNote, ignoreKeys, listOrder, stepFrom, textOrder, visibleFindings } from './findings-view.js';
import { IssueCard } from './issue-card.js';

/**
 * @typedef {{ start: number, end: number, message: string }} Related
 * @typedef {{ rule: string, category: string, severity: string, message: string, start: number, end: number,
 *             line: number, column: number, suggestions: string[], related: Related[] }} Issue
 * @typedef {{ words: number, sentences: number, paragraphs: number, headings: number }} Stats
 * @typedef {{ level: number, text: string, start: number, end: number, empty?: boolean }} OutlineEntry
 *   `empty` is set by the page from the report's `empty-section` findings.
 * @typedef {{ text: string, start: number, end: number, target: number | null }} ContentsEntry
 *   `target` indexes the outline; null when no section has the entry's heading.
 * @typedef {{ issues: Issue[], outline?: OutlineEntry[], contents?: ContentsEntry[],
 *             stats: Stats, timing: { checkMs: number } }} Report
 * @typedef {{ id: string, category: string, severity: string, summary: string, what: string, why: string,
 *             example: string, useInstead: string }} RuleInfo
 * @typedef {{ disable?: string[], minSeverity?: string }} CheckOptions
 * @typedef {import('./checker.js').Checker} Checker
 * @typedef {'loading' | 'pending' | 'checked' | 'error'} CheckState
 */

const DRAFT_KEY = 'article-checker:draft';
/** The draft is saved this long after the last keystroke (and at once when the page is hidden): writing
 *  a 1 MB draft to localStorage on every keystroke costs 7–26 ms each. */
const DRAFT_DELAY_MS = 800;
/** The rules switched off in the rules panel (a JSON array of ids), kept across visits. */
const DISABLED_RULES_KEY = 'article-checker:disabled-rules';
/** The findings hidden with "Ignore this" (a JSON array of keys, see findings-view.js), kept for the session. */
const IGNORED_KEY = 'article-checker:ignored';
/** How long the pointer rests on a highlight before its card opens. */
const HOVER_DELAY_MS = 350;
const SAMPLE_URL = 'sample-article.txt';
const CHECK_DELAY_MS = 150;
/** How many list items, and how many outline entries, are added per frame: the browser lays out and
 *  paints what was added before the next frame, and a few hundred items at once take over 50 ms. */
const ISSUES_PER_FRAME = 25;
const OUTLINE_PER_FRAME = 60;
/** The outline and the contents show this many entries at first, the rest on request: on a 1 MB article
 *  with 1,600 headings, each of the 27 frames that built the whole tree cost Chromium a 15 ms commit of
 *  the long textarea, and any of them could go over 50 ms. */
const OUTLINE_PAGE_SIZE = 200;
/** The list shows this many issues at first, and this many more per "Show more": thousands of list
 *  items would make every frame slow to lay out. */
const LIST_PAGE_SIZE = 200;
/** Marks around each check (sent → rendered), for measuring the main thread while it runs. */
const CHECK_START_MARK = 'article-checker:check-start';
const CHECK_END_MARK = 'article-checker:check-end';
/** Between the two: the report is back from the worker and parsed; rendering starts. */
const REPORT_MARK = 'article-checker:report-received';
/** Files over this size are refused: the checker and the editor are made for articles, not archives. */
const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** What "Open file…" and drop accept by name; other names are refused unless the type is text/*. */
const TEXT_FILE_NAME = /\.(txt|text|md|markdown)$/i;
const HTML_FILE_NAME = /\.html?$/i;
/** How many characters of context an excerpt shows on each side of the flagged text. */
const EXCERPT_CONTEXT = 24;
/** Flagged text longer than this is shortened in the middle in the list. */
const EXCERPT_MAX_FLAGGED = 60;

/**
 * @template {HTMLElement} T
 * @param {string} id
 * @param {{ new (): T }} type
 * @returns {T}
 */
function element(id, type) {
  const found = document.getElementById(id);
  if (!(found instanceof type)) throw new Error(`The page is missing #${id}`);
  return found;
}

/**
 * Creates an element with a class and, optionally, its text.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {string} [className]
 * @param {string} [text]
 * @returns {HTMLElementTagNameMap[K]}
 */
function make(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const app = element('app', HTMLElement);
const statusLine = element('status', HTMLElement);
const summaryLine = element('summary', HTMLElement);
const statsList = element('stats', HTMLElement);
const issueList = element('issues', HTMLOListElement);
const ruleList = element('rules', HTMLUListElement);
const rulesPanel = element('rules-panel', HTMLDetailsElement);
const outlinePanel = element('outline-panel', HTMLDetailsElement);
const outlineCount = element('outline-count', HTMLElement);
const outlineNote = element('outline-empty', HTMLElement);
const outlineTree = element('outline-tree', HTMLUListElement);
const contentsSection = element('contents', HTMLElement);
const contentsCount = element('contents-count', HTMLElement);
const contentsList = element('contents-list', HTMLOListElement);
const versionLabel = element('version', HTMLElement);
const openButton = element('open-file', HTMLButtonElement);
const fileInput = element('file-input', HTMLInputElement);
const editorBox = element('editor', HTMLElement);
const exportJsonButton = element('export-json', HTMLButtonElement);
const exportMarkdownButton = element('export-markdown', HTMLButtonElement);
const copyFixedButton = element('copy-fixed', HTMLButtonElement);
const clearButton = element('clear-text', HTMLButtonElement);
const clearDialog = element('clear-dialog', HTMLDialogElement);
const clearConfirm = element('clear-confirm', HTMLButtonElement);
const clearCancel = element('clear-cancel', HTMLButtonElement);
const filtersBox = element('issue-filters', HTMLElement);
const cardRoot = element('issue-card', HTMLElement);
const showIgnoredButton = element('show-ignored', HTMLButtonElement);
const editor = new Editor(element('editor-input', HTMLTextAreaElement), element('editor-backdrop', HTMLElement));

/** @type {Checker | null} */
let checker = null;
/** @type {Map<string, RuleInfo>} */
let rulesById = new Map();
/** Rules the user switched off in the rules panel. @type {Set<string>} */
const disabledRules = new Set();
/** All issues of the current report, in text order (the core's order). @type {Issue[]} */
let reportIssues = [];
/** Their "Ignore this" keys, parallel to `reportIssues`, computed when first needed (see reportKeys()). @type {string[] | null} */
let reportKeyCache = null;
/** The issues shown (not filtered out or ignored), in list order: by category, then text order (the list
 *  may show only the first ones; list buttons carry their index here). @type {Issue[]} */
let shownIssues = [];
/** The same issues in text order, for next/previous. @type {Issue[]} */
let walkIssues = [];
/** The text `reportIssues` were found in. */
let shownText = '';
/** `editor.version` when shownText was the editor's text: equal versions mean the text is unchanged,
 *  without reading (and copying) the textarea's value. */
let shownVersion = -1;
/** The per-category lists inside the issue list, filled as items are rendered. @type {Map<string, HTMLOListElement>} */
let groupLists = new Map();
/** Counts renderings of the issue list (a report, a filter or an ignore); a rendering stops when it is no longer the newest. */
let listGeneration = 0;
/** Categories and severities unticked in the filters. @type {Set<string>} */
const hiddenCategories = new Set();
/** @type {Set<string>} */
const hiddenSeverities = new Set();
/** Keys of the findings hidden with "Ignore this". @type {Set<string>} */
const ignoredFindings = new Set(readStoredList(sessionStorageOrNull(), IGNORED_KEY));
/** Headings in the outline tree, in text order; buttons carry their index. @type {OutlineEntry[]} */
let shownOutline = [];
/** Table-of-contents entries in the contents list, in text order. @type {ContentsEntry[]} */
let shownContents = [];
/** @type {ReturnType<typeof setTimeout> | undefined} */
let pendingCheck;
/** Whether the last check threw, so the next good one can take the error message down. */
let lastCheckFailed = false;
/** Counts checks started; a check's answer or rendering stops when it is no longer the newest. */
let checkGeneration = 0;

/** @param {CheckState} state */
function setCheckState(state) {
  app.dataset.checkState = state;
}

/**
 * @param {string} message
 * @param {'info' | 'error'} [kind]
 */
function showStatus(message, kind = 'info') {
  statusLine.textContent = message;
  statusLine.classList.toggle('is-error', kind === 'error');
}

/** @param {unknown} error */
function describeError(error) {
  return error instanceof Error ? error.message : String(error);
}

/** @returns {string | null} */
function readDraft() {
  try {
    return localStorage.getItem(DRAFT_KEY);
  } catch {
    return null;
  }
}

/** @type {ReturnType<typeof setTimeout> | undefined} */
let pendingDraft;

/** @param {string} text */
function saveDraft(text) {
  clearTimeout(pendingDraft);
  pendingDraft = undefined;
  try {
    localStorage.setItem(DRAFT_KEY, text);
  } catch {
    // Storage can be full or disabled (private mode); the text stays in the editor either way.
  }
}

/** Saves the draft once typing pauses. */
function scheduleDraft() {
  clearTimeout(pendingDraft);
  pendingDraft = setTimeout(() => saveDraft(editor.text), DRAFT_DELAY_MS);
}

/** Saves a draft that is still waiting, so closing or hiding the tab loses nothing. */
function flushDraft() {
  if (pendingDraft !== undefined) saveDraft(editor.text);
}

/**
 * An emptied editor saves an empty draft; the next visit then starts from the sample again rather than
 * from a blank page with nothing to show.
 * @returns {Promise<string>} the saved draft if it is not empty, else the sample article
 */
async function loadInitialText() {
  const draft = readDraft();
  if (draft) return draft;
  const response = await fetch(SAMPLE_URL);
  if (!response.ok) throw new Error(`${SAMPLE_URL}: HTTP ${response.status}`);
  return response.text();
}

/** @returns {Promise<{ client: Checker, version: string, rules: RuleInfo[] }>} */
async function loadChecker() {
  const client = createChecker();
  const { version, rules } = await client.ready;
  return { client, version, rules };
}

/**
 * Resolves once the browser has rendered a frame (so what was added so far is laid out and painted, and
 * input was handled), or after 100 ms where no frames come (a hidden tab).
 * @returns {Promise<void>}
 */
function nextFrame() {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }, 0),
    );
  });
}

/**
 * Runs `add(index)` for each index in `[from, to)`, `perFrame` of them per frame. The first batch runs at
 * once, so whatever the caller cleared just before is refilled within the same frame (no flicker).
 * @param {number} from
 * @param {number} to
 * @param {number} perFrame
 * @param {(index: number) => void} add
 * @param {() => boolean} current whether the work is still wanted
 * @returns {Promise<boolean>} false when it stopped because `current()` turned false
 */
async function inFrames(from, to, perFrame, add, current) {
  let index = from;
  while (index < to) {
    const batchEnd = Math.min(to, index + perFrame);
    for (; index < batchEnd; index += 1) add(index);
    if (index < to) {
      await nextFrame();
      if (!current()) return false;
    }
  }
  return true;
}

// ---------------------------------------------------------------------------------------------------
// Rendering

/**
 * Moves `index` off the second half of a surrogate pair, so slicing there never splits a character.
 * @param {string} text
 * @param {number} index
 * @param {-1 | 1} direction
 */
function characterBoundary(text, index, direction) {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff ? index + direction : index;
}

/**
 * The flagged text with a little of its line on each side, for the list.
 * @param {string} text
 * @param {number} start
 * @param {number} end
 * @returns {{ before: string, flagged: string, after: string }}
 */
function excerptOf(text, start, end) {
  const lineStart = start === 0 ? 0 : text.lastIndexOf('\n', start - 1) + 1;
  const newlineAfter = text.indexOf('\n', end);
  const lineEnd = newlineAfter === -1 ? text.length : newlineAfter;
  const beforeStart = characterBoundary(text, Math.max(lineStart, start - EXCERPT_CONTEXT), 1);
  const afterEnd = characterBoundary(text, Math.min(lineEnd, end + EXCERPT_CONTEXT), -1);
  let flagged = text.slice(start, end);
  if (flagged.length > EXCERPT_MAX_FLAGGED) {
    const half = EXCERPT_MAX_FLAGGED / 2;
    flagged = `${flagged.slice(0, characterBoundary(flagged, half, -1))} … ${flagged.slice(characterBoundary(flagged, flagged.length - half, 1))}`;
  }
  return {
    before: (beforeStart > lineStart ? '…' : '') + text.slice(beforeStart, start),
    flagged: flagged.replaceAll('\n', '⏎'),
    after: text.slice(end, afterEnd) + (afterEnd < lineEnd ? '…' : ''),
  };
}

/**
 * @param {Issue} issue
 * @param {number} index position in `shownIssues`
 * @param {string} text the text the issue was found in
 * @returns {HTMLLIElement}
 */
function issueItem(issue, index, text) {
  const button = make('button', 'issue');
  button.type = 'button';
  button.dataset.index = String(index);
  button.dataset.category = issue.category;
  button.dataset.severity = issue.severity;
  const rule = rulesById.get(issue.rule);
  if (rule) button.title = rule.summary;

  const head = make('span', 'issue-head');
  head.append(
    make('span', 'badge', issue.category),
    make('code', 'issue-rule', issue.rule),
    make('span', 'issue-severity', issue.severity),
    make('span', 'issue-position', `${issue.line}:${issue.column}`),
  );

  const { before, flagged, after } = excerptOf(text, issue.start, issue.end);
  const excerpt = make('span', 'issue-excerpt');
  excerpt.append(
    make('span', 'excerpt-context', before),
    make('mark', 'excerpt-flagged', flagged === '' ? '‸' : flagged),
    make('span', 'excerpt-context', after),
  );

  button.append(head, make('span', 'issue-message', issue.message), excerpt);
  const suggestions = issue.suggestions ?? [];
  if (suggestions.length > 0) {
    const suggestion = make('span', 'issue-suggestion', 'Suggestion: ');
    // An empty replacement deletes the flagged text (an acronym never used again, a doubled word).
    suggestions.forEach((text, k) => {
      if (k > 0) suggestion.append(' / ');
      suggestion.append(text === '' ? 'delete it' : make('q', undefined, text));
    });
    button.append(suggestion);
  }
  const item = make('li', 'issue-item');
  item.append(button);
  // The other places an issue involves (the first copy, the other spelling): each a button of its own
  // (buttons cannot nest) that selects that place.
  (issue.related ?? []).forEach((related, k) => {
    const jump = make('button', 'issue-related');
    jump.type = 'button';
    jump.dataset.index = String(index);
    jump.dataset.related = String(k);
    const { flagged: other } = excerptOf(text, related.start, related.end);
    jump.append(`↪ ${related.message}: `, make('q', undefined, other));
    item.append(jump);
  });
  return item;
}

/**
 * "7 issues: 2 structure, 5 mechanics".
 * @param {readonly Issue[]} issues
 */
function summarize(issues) {
  if (issues.length === 0) return 'No issues found.';
  /** @type {Map<string, number>} */
  const counts = new Map();
  for (const issue of issues) counts.set(issue.category, (counts.get(issue.category) ?? 0) + 1);
  const known = CATEGORIES.filter((category) => counts.has(category));
  const unknown = [...counts.keys()].filter((category) => !known.includes(/** @type {any} */ (category)));
  const parts = [...known, ...unknown].map((category) => `${counts.get(category)} ${category}`);
  return `${issues.length} ${issues.length === 1 ? 'issue' : 'issues'}: ${parts.join(', ')}`;
}

/**
 * @param {Stats} stats
 * @param {number} checkMs
 * @param {readonly Issue[]} issues every issue of the report, for the counts per category
 */
function renderStats(stats, checkMs, issues) {
  /** @type {[string, string][]} */
  const rows = [
    ['Words', String(stats.words ?? '–')],
    ['Sentences', String(stats.sentences ?? '–')],
    ['Paragraphs', String(stats.paragraphs ?? '–')],
    ['Headings', String(stats.headings ?? '–')],
    ['Reading time', Number.isFinite(stats.words) ? readingTime(stats.words) : '–'],
  ];
  /** @type {Map<string, number>} */
  const perCategory = new Map(CATEGORIES.map((category) => [category, 0]));
  for (const issue of issues) perCategory.set(issue.category, (perCategory.get(issue.category) ?? 0) + 1);
  for (const [category, count] of perCategory) rows.push([`${category[0].toUpperCase()}${category.slice(1)} issues`, String(count)]);
  if (Number.isFinite(checkMs)) rows.push(['Check', `${checkMs < 10 ? checkMs.toFixed(1) : Math.round(checkMs)} ms`]);
  statsList.replaceChildren(
    ...rows.map(([term, value]) => {
      const row = make('div', 'stat');
      row.append(make('dt', undefined, term), make('dd', undefined, value));
      return row;
    }),
  );
}

/**
 * @param {number} count
 * @param {string} one
 * @param {string} many
 */
function plural(count, one, many) {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * A heading's level as a usable number: levels below 1 or missing count as 1.
 * @param {OutlineEntry} heading
 */
function levelOf(heading) {
  return Number.isFinite(heading.level) && heading.level >= 1 ? heading.level : 1;
}

/**
 * The outline entry a contents entry points at, if it is a real one.
 * @param {ContentsEntry} entry
 * @returns {OutlineEntry | undefined}
 */
function targetOf(entry) {
  return typeof entry.target === 'number' ? shownOutline[entry.target] : undefined;
}

/**
 * @param {OutlineEntry} heading
 * @param {number} index position in `shownOutline`
 * @returns {HTMLLIElement}
 */
function outlineItem(heading, index) {
  const button = make('button', 'outline-heading');
  button.type = 'button';
  button.dataset.index = String(index);
  button.append(
    make('span', 'outline-level', `H${levelOf(heading)}`),
    make('span', 'outline-text', heading.text === '' ? '(untitled)' : heading.text),
  );
  if (heading.empty) {
    button.dataset.empty = 'true';
    button.append(make('span', 'outline-empty-mark', 'empty'));
    button.title = 'This section has no text before the next heading';
  }
  const item = make('li', 'outline-item');
  item.append(button);
  return item;
}

/**
 * Builds the headings as nested lists in `root`, one heading per call, in text order: each heading goes
 * under the nearest heading before it with a lower level, so a skipped level (an H4 right under an H2)
 * nests one step, not two, and a heading with no such parent (even one deeper than what follows) sits at
 * the top.
 * @param {HTMLUListElement} root
 * @returns {(heading: OutlineEntry, index: number) => void}
 */
function outlineBuilder(root) {
  /** Open ancestors, outermost first. @type {{ level: number, item: HTMLLIElement, children: HTMLUListElement | null }[]} */
  const open = [];
  return (heading, index) => {
    const level = levelOf(heading);
    while (open.length > 0 && open[open.length - 1].level >= level) open.pop();
    const item = outlineItem(heading, index);
    const parent = open[open.length - 1];
    if (parent === undefined) {
      root.append(item);
    } else {
      if (parent.children === null) {
        parent.children = make('ul', 'outline-children');
        parent.children.setAttribute('role', 'list');
        parent.item.append(parent.children);
      }
      parent.children.append(item);
    }
    open.push({ level, item, children: null });
  };
}

/**
 * @param {ContentsEntry} entry
 * @param {number} index position in `shownContents`
 * @returns {HTMLLIElement}
 */
function contentsItem(entry, index) {
  const target = targetOf(entry);
  const button = make('button', 'contents-entry');
  button.type = 'button';
  button.dataset.index = String(index);
  button.dataset.status = target ? 'found' : 'missing';
  button.title = target
    ? 'Select the heading of this section in the text'
    : 'No section has this heading; select the entry in the table of contents';
  const status = make('span', 'contents-status');
  const icon = make('span', 'contents-icon', target ? '✓' : '✗');
  icon.setAttribute('aria-hidden', 'true');
  status.append(icon, target ? ' found' : ' missing');
  button.append(status, make('span', 'contents-text', entry.text));
  if (target && target.text !== entry.text) button.append(make('span', 'contents-target', `→ ${target.text}`));
  const item = make('li', 'contents-item');
  item.append(button);
  return item;
}

/**
 * Renders the outline panel, OUTLINE_PER_FRAME entries per frame.
 * @param {readonly OutlineEntry[]} outline
 * @param {readonly ContentsEntry[]} contents
 * @param {() => boolean} current whether this outline is still the one to show
 * @returns {Promise<boolean>} false when it stopped because a newer check or edit came
 */
async function renderOutline(outline, contents, current) {
  const headings = [...outline];
  shownOutline = headings;
  shownContents = [...contents];
  const still = () => current() && shownOutline === headings;
  outlineCount.textContent = outline.length > 0 ? plural(outline.length, 'heading', 'headings') : '';
  outlineNote.textContent = 'No headings found.';
  outlineNote.hidden = outline.length > 0;
  const found = shownContents.filter((entry) => targetOf(entry) !== undefined).length;
  contentsCount.textContent = `${found} of ${plural(shownContents.length, 'entry', 'entries')} found`;
  contentsSection.hidden = shownContents.length === 0;

  outlineTree.replaceChildren();
  const addHeading = outlineBuilder(outlineTree);
  outlineRest = null;
  const firstHeadings = Math.min(headings.length, OUTLINE_PAGE_SIZE);
  if (!(await inFrames(0, firstHeadings, OUTLINE_PER_FRAME, (index) => addHeading(headings[index], index), still))) {
    return false;
  }
  if (firstHeadings < headings.length) {
    outlineRest = (/** @type {() => boolean} */ wanted) =>
      inFrames(firstHeadings, headings.length, OUTLINE_PER_FRAME, (index) => addHeading(headings[index], index), wanted);
    outlineTree.append(outlineMoreItem('outline', headings.length - firstHeadings, plural(headings.length, 'heading', 'headings')));
  }
  contentsList.replaceChildren();
  const entries = shownContents;
  const firstEntries = Math.min(entries.length, OUTLINE_PAGE_SIZE);
  const addEntry = (/** @type {number} */ index) => contentsList.append(contentsItem(entries[index], index));
  if (!(await inFrames(0, firstEntries, OUTLINE_PER_FRAME, addEntry, still))) return false;
  contentsRest = null;
  if (firstEntries < entries.length) {
    contentsRest = (/** @type {() => boolean} */ wanted) => inFrames(firstEntries, entries.length, OUTLINE_PER_FRAME, addEntry, wanted);
    contentsList.append(outlineMoreItem('contents', entries.length - firstEntries, plural(entries.length, 'entry', 'entries')));
  }
  return true;
}

/** The rest of the outline's headings, added on request; null when all are shown. @type {((wanted: () => boolean) => Promise<boolean>) | null} */
let outlineRest = null;
/** The rest of the contents entries, likewise. @type {((wanted: () => boolean) => Promise<boolean>) | null} */
let contentsRest = null;

/**
 * The "Show all" item at the end of a cut outline or contents list.
 * @param {'outline' | 'contents'} which
 * @param {number} hidden how many entries are not shown yet
 * @param {string} all e.g. "1,600 headings"
 */
function outlineMoreItem(which, hidden, all) {
  const button = make('button', 'outline-more-button tool-button', `Show all ${all}`);
  button.type = 'button';
  button.dataset.which = which;
  const item = make('li', 'outline-more');
  item.append(button, make('span', 'issues-more-note', ` (${hidden} not shown yet)`));
  return item;
}

/**
 * Shows the rest of the outline or the contents after its "Show all" button was pressed.
 * @param {HTMLButtonElement} button
 */
function showRestOfOutline(button) {
  const rest = button.dataset.which === 'contents' ? contentsRest : outlineRest;
  if (rest === null) return;
  if (button.dataset.which === 'contents') contentsRest = null;
  else outlineRest = null;
  const headings = shownOutline;
  button.closest('li')?.remove();
  void nextFrame().then(() => rest(() => headings === shownOutline));
}

/** @param {string} note what the empty outline says */
function clearOutline(note) {
  shownOutline = [];
  shownContents = [];
  outlineRest = null;
  contentsRest = null;
  outlineTree.replaceChildren();
  contentsList.replaceChildren();
  outlineCount.textContent = '';
  outlineNote.textContent = note;
  outlineNote.hidden = false;
  contentsSection.hidden = true;
}

/**
 * Appends list items for `shownIssues[from, to)`, ISSUES_PER_FRAME per frame, then a "Show more" item if
 * issues remain.
 * @param {number} from
 * @param {number} to
 * @param {() => boolean} current whether this list is still the one to show
 * @returns {Promise<boolean>} false when it stopped because a newer check or edit came
 */
async function appendIssueItems(from, to, current) {
  issueList.querySelector(':scope > li.issues-more')?.remove();
  const issues = shownIssues;
  const text = shownText;
  if (to - from > ISSUES_PER_FRAME) issueList.setAttribute('aria-busy', 'true');
  const done = await inFrames(
    from,
    to,
    ISSUES_PER_FRAME,
    (index) => (groupLists.get(issues[index].category) ?? issueList).append(issueItem(issues[index], index, text)),
    () => current() && issues === shownIssues,
  );
  if (!done) return false;
  issueList.removeAttribute('aria-busy');
  if (to < issues.length) {
    const more = make('button', 'issues-more-button tool-button', `Show ${Math.min(LIST_PAGE_SIZE, issues.length - to)} more`);
    more.type = 'button';
    more.dataset.shown = String(to);
    const item = make('li', 'issues-more');
    item.append(more, make('span', 'issues-more-note', ` (${issues.length - to} not listed yet)`));
    issueList.append(item);
  }
  noteUnlistedInGroups();
  return true;
}

/**
 * Renders the report: summary, statistics and highlights at once, then the issue list's first
 * LIST_PAGE_SIZE items and the outline a frame's worth at a time.
 * @param {Report} report
 * @param {string} text the text the report is for
 * @param {() => boolean} current whether this report is still the one to show
 * @returns {Promise<boolean>} false when it stopped because a newer check or edit came
 */
async function renderReport(report, text, current) {
  // A long report was just parsed in this task; the rest of the work gets a task of its own.
  if (report.issues.length > LIST_PAGE_SIZE) {
    await nextFrame();
    if (!current()) return false;
  }
  reportIssues = report.issues;
  reportKeyCache = null;
  shownText = text;
  shownVersion = editor.version;
  renderStats(report.stats ?? {}, report.timing?.checkMs ?? Number.NaN, report.issues);
  setReportActionsEnabled(true);
  if (!(await renderIssueView(current))) return false;
  refreshCard();
  return renderOutline(markEmptySections(report.outline ?? [], report.issues), report.contents ?? [], current);
}

/**
 * The outline with `empty` set on the headings that `empty-section` flags (a finding starts where its
 * heading starts), so the outline and the list agree on what is empty.
 * @param {readonly OutlineEntry[]} outline
 * @param {readonly Issue[]} issues
 * @returns {OutlineEntry[]}
 */
function markEmptySections(outline, issues) {
  const emptyStarts = new Set(issues.filter((issue) => issue.rule === 'empty-section').map((issue) => issue.start));
  return outline.map((heading) => ({ ...heading, empty: emptyStarts.has(heading.start) }));
}

function renderNotChecked() {
  closeCard(false);
  reportIssues = [];
  reportKeyCache = null;
  shownIssues = [];
  walkIssues = [];
  shownText = '';
  shownVersion = -1;
  issueList.replaceChildren();
  editor.clearSpans();
  summaryLine.textContent = 'Not checked.';
  statsList.replaceChildren();
  setReportActionsEnabled(false);
  clearOutline('Not checked.');
}

/** @param {readonly RuleInfo[]} rules */
function renderRules(rules) {
  ruleList.replaceChildren(
    ...rules.map((rule) => {
      const toggle = make('input');
      toggle.type = 'checkbox';
      toggle.checked = !disabledRules.has(rule.id);
      toggle.dataset.rule = rule.id;
      const label = make('label', 'rule-label');
      label.append(toggle, make('code', 'rule-id', rule.id), make('span', 'badge', rule.category));
      label.dataset.category = rule.category;
      const item = make('li', 'rule');
      item.append(label, make('p', 'rule-summary', rule.summary));
      if (rule.why) item.append(make('p', 'rule-why', rule.why));
      return item;
    }),
  );
  rulesPanel.hidden = rules.length === 0;
}

// ---------------------------------------------------------------------------------------------------
// The issue list's view: grouped by category, filtered, ignored findings left out (findings-view.js)

/**
 * The "Ignore this" keys of the current report's issues (parallel to `reportIssues`); slicing thousands of
 * flagged texts out of a long article is only done once something is ignored or a card opens.
 * @returns {string[]}
 */
function reportKeys() {
  reportKeyCache ??= ignoreKeys(reportIssues, shownText);
  return reportKeyCache;
}

/**
 * Renders the findings the filters and "Ignore this" leave: highlights and summary at once, then the
 * list grouped by category (its first LIST_PAGE_SIZE items, a frame's worth at a time).
 * @param {() => boolean} current whether the report is still the one to show
 * @returns {Promise<boolean>} false when it stopped because a newer check or edit came (a newer
 *   rendering of the same report, after a filter change, is not a reason to stop the caller)
 */
async function renderIssueView(current) {
  const generation = ++listGeneration;
  const still = () => current() && generation === listGeneration;
  const { visible, filtered, ignored } = visibleFindings(reportIssues, reportKeys, {
    hiddenCategories,
    hiddenSeverities,
    ignored: ignoredFindings,
  });
  shownIssues = listOrder(visible);
  walkIssues = textOrder(visible);
  editor.showSpans(visible);
  const note = hiddenNote(filtered, ignored);
  summaryLine.textContent = visible.length === 0 && note !== '' ? `No issues shown${note}` : summarize(visible) + note;
  showIgnoredButton.hidden = ignored === 0;
  showIgnoredButton.textContent = `Show ${plural(ignored, 'ignored finding', 'ignored findings')} again`;
  // Thousands of new highlights take a frame of their own; a short list follows in the same frame, so
  // the list and the highlights never disagree on screen.
  if (visible.length > ISSUES_PER_FRAME) {
    await nextFrame();
    if (!still()) return current();
  }
  renderGroups(shownIssues);
  const done = await appendIssueItems(0, Math.min(LIST_PAGE_SIZE, shownIssues.length), still);
  return done || current();
}

/**
 * Empties the list and adds one group per category present, each with its heading and count and an empty
 * list that appendIssueItems fills.
 * @param {readonly Issue[]} issues in list order
 */
function renderGroups(issues) {
  /** @type {Map<string, number>} */
  const counts = new Map();
  for (const issue of issues) counts.set(issue.category, (counts.get(issue.category) ?? 0) + 1);
  groupLists = new Map();
  issueList.replaceChildren(
    ...categoriesOf(issues).map((category, k) => {
      const count = counts.get(category) ?? 0;
      const title = make('h3', 'issue-group-title');
      title.id = `issue-group-${k}`;
      title.append(make('span', 'badge', category), make('span', 'issue-group-count', ` (${count})`));
      title.setAttribute('aria-label', `${category}: ${plural(count, 'issue', 'issues')}`);
      const list = make('ol', 'issue-group-list');
      list.setAttribute('role', 'list');
      list.setAttribute('aria-labelledby', title.id);
      const note = make('p', 'issue-group-note');
      note.hidden = true;
      note.dataset.count = String(count);
      const group = make('li', 'issue-group');
      group.dataset.category = category;
      group.append(title, list, note);
      groupLists.set(category, list);
      return group;
    }),
  );
}

/** Under each group whose items are not all listed yet, says how many are missing and how to see them. */
function noteUnlistedInGroups() {
  for (const [category, list] of groupLists) {
    const note = list.nextElementSibling;
    if (!(note instanceof HTMLElement)) continue;
    const missing = Number(note.dataset.count) - list.childElementCount;
    note.hidden = missing <= 0;
    note.textContent =
      missing > 0 ? `${plural(missing, `${category} issue`, `${category} issues`)} not listed yet: “Show more” below, or untick the other categories.` : '';
  }
}

/** Re-renders the list and highlights of the current report after a filter or an ignore (no re-check). */
function rerenderIssueView() {
  // Before the first report, or while an edit awaits its check, the next check's rendering applies them.
  if (app.dataset.checkState !== 'checked') return;
  const version = shownVersion;
  void renderIssueView(() => version === editor.version).then(() => refreshCard());
}

filtersBox.addEventListener('change', (event) => {
  const box = event.target;
  if (!(box instanceof HTMLInputElement)) return;
  const hidden = box.dataset.filter === 'category' ? hiddenCategories : box.dataset.filter === 'severity' ? hiddenSeverities : null;
  if (hidden === null) return;
  if (box.checked) hidden.delete(box.value);
  else hidden.add(box.value);
  rerenderIssueView();
});

/**
 * "Ignore this": hides the finding until the text it flags changes (kept for the session).
 * @param {Issue} issue
 */
function ignoreIssue(issue) {
  const index = reportIssues.indexOf(issue);
  if (index === -1) return;
  ignoredFindings.add(reportKeys()[index]);
  storeList(sessionStorageOrNull(), IGNORED_KEY, ignoredFindings);
  closeCard(true);
  showStatus(`Ignored one ${issue.rule} finding for this session; it comes back if its text changes.`);
  rerenderIssueView();
}

showIgnoredButton.addEventListener('click', () => {
  ignoredFindings.clear();
  storeList(sessionStorageOrNull(), IGNORED_KEY, ignoredFindings);
  showIgnoredButton.hidden = true;
  // The button hides itself; focus goes to the summary that now counts them again.
  summaryLine.focus();
  rerenderIssueView();
});

// ---------------------------------------------------------------------------------------------------
// Settings kept in storage: disabled rules (localStorage), ignored findings (sessionStorage)

/** @returns {Storage | null} */
function localStorageOrNull() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** @returns {Storage | null} */
function sessionStorageOrNull() {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/**
 * @param {Storage | null} storage
 * @param {string} key
 * @returns {string[]} the stored JSON array of strings, or [] when missing or unreadable
 */
function readStoredList(storage, key) {
  try {
    const value = JSON.parse(storage?.getItem(key) ?? '[]');
    return Array.isArray(value) ? value.filter((item) => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * @param {Storage | null} storage
 * @param {string} key
 * @param {Iterable<string>} values
 */
function storeList(storage, key, values) {
  try {
    storage?.setItem(key, JSON.stringify([...values]));
  } catch {
    // Full or disabled storage: the setting still holds for this page.
  }
}

/**
 * Restores the rules switched off on an earlier visit (only ids the core still has).
 * @param {ReadonlyMap<string, RuleInfo>} known
 */
function restoreDisabledRules(known) {
  for (const id of readStoredList(localStorageOrNull(), DISABLED_RULES_KEY)) if (known.has(id)) disabledRules.add(id);
}

/**
 * Turns a rule on or off (the rules panel's checkbox and the card's "Disable rule"), remembers it, and
 * re-checks.
 * @param {string} id
 * @param {boolean} enabled
 */
function setRuleEnabled(id, enabled) {
  if (enabled) disabledRules.delete(id);
  else disabledRules.add(id);
  storeList(localStorageOrNull(), DISABLED_RULES_KEY, disabledRules);
  for (const toggle of ruleList.querySelectorAll('input[data-rule]')) {
    if (toggle instanceof HTMLInputElement && toggle.dataset.rule === id) toggle.checked = enabled;
  }
  clearTimeout(pendingCheck);
  void runCheck();
}

// ---------------------------------------------------------------------------------------------------
// The card (issue-card.js): opened by hovering or clicking a highlight, choosing or focusing a list
// item, and next/previous; closed by Escape, its × button, an edit, or a click on plain text

const card = new IssueCard(cardRoot, {
  onApply: applySuggestion,
  onIgnore: ignoreIssue,
  onDisable: (issue) => {
    closeCard(true);
    setRuleEnabled(issue.rule, false);
    showStatus(`Rule ${issue.rule} is off; turn it back on under Rules.`);
  },
  onJump: (_issue, related) => editor.select(related.start, related.end),
  onClose: () => closeCard(true),
});
/** The "Ignore this" key of the card's issue, to find it again in the next report of the same text. */
let cardKey = '';
/** Where focus goes back to when the card closes with focus inside it. @type {HTMLElement | null} */
let cardReturnFocus = null;
/** @type {ReturnType<typeof setTimeout> | undefined} */
let hoverTimer;
let cardPlaceFrame = 0;

/**
 * @param {Issue} issue one of `shownIssues`
 * @param {{ pinned: boolean, returnFocus?: HTMLElement }} how
 */
function openCard(issue, { pinned, returnFocus }) {
  const rule = rulesById.get(issue.rule);
  card.show(issue, { text: shownText, why: rule?.why ?? '', summary: rule?.summary ?? '', pinned });
  cardKey = reportKeys()[reportIssues.indexOf(issue)] ?? '';
  cardReturnFocus = returnFocus ?? editor.textarea;
  placeCard();
}

/** Puts the card next to its issue's flagged text (or at the top of the editor when that is out of view). */
function placeCard() {
  const issue = card.issue;
  if (issue === null) return;
  const rects = editor.rangeOf(issue.start, issue.end).getClientRects();
  card.place(rects.length > 0 ? rects[0] : null, editor.textarea.getBoundingClientRect());
}

function schedulePlaceCard() {
  if (!card.isOpen || cardPlaceFrame !== 0) return;
  cardPlaceFrame = requestAnimationFrame(() => {
    cardPlaceFrame = 0;
    placeCard();
  });
}

/** @param {boolean} restoreFocus whether focus inside the card goes back to where it came from */
function closeCard(restoreFocus) {
  if (!card.isOpen) return;
  const hadFocus = cardRoot.contains(document.activeElement);
  card.hide();
  cardKey = '';
  if (restoreFocus && hadFocus) (cardReturnFocus?.isConnected ? cardReturnFocus : editor.textarea).focus();
  cardReturnFocus = null;
}

/** After a re-render of the same text: the card follows its issue into the new report, or closes. */
function refreshCard() {
  if (!card.isOpen) return;
  const index = shownVersion === editor.version ? reportKeys().indexOf(cardKey) : -1;
  const issue = index === -1 ? undefined : reportIssues[index];
  if (issue && shownIssues.includes(issue)) card.issue = issue;
  else closeCard(true);
}

/**
 * Replaces exactly the issue's `[start, end)` with `replacement` (empty: deletes it) as an edit of the
 * textarea's own, so Ctrl+Z brings the old text back.
 * @param {Issue} issue
 * @param {string} replacement
 */
function applySuggestion(issue, replacement) {
  // The card closes on every edit, so its offsets are those of the current text; checked anyway.
  if (editor.version !== shownVersion) return;
  closeCard(false);
  const { textarea } = editor;
  textarea.focus();
  textarea.setSelectionRange(issue.start, issue.end);
  if (replacement === '') {
    const before = textarea.value;
    if (!document.execCommand('delete', false) || textarea.value === before) {
      textarea.setRangeText('', issue.start, issue.end, 'end');
      textarea.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'deleteContentBackward' }));
    }
  } else {
    insertAtCaret(replacement);
  }
  showStatus('Applied the suggestion; Ctrl+Z in the text takes it back.');
}

/**
 * The shortest shown issue whose span holds `offset` (ends included, so a caret right after a word counts).
 * @param {number} offset
 * @returns {Issue | undefined}
 */
function issueAtCaret(offset) {
  if (editor.version !== shownVersion) return undefined;
  /** @type {Issue | undefined} */
  let best;
  for (const issue of walkIssues) {
    if (issue.start > offset) break;
    if (issue.end >= offset && (!best || issue.end - issue.start < best.end - best.start)) best = issue;
  }
  return best;
}

/**
 * The shortest shown issue whose painted text is under the point (viewport coordinates).
 * @param {number} x
 * @param {number} y
 * @returns {Issue | undefined}
 */
function issueAtPoint(x, y) {
  if (walkIssues.length === 0 || editor.version !== shownVersion) return undefined;
  const { from, to } = editor.visibleOffsets(0);
  /** @type {Issue | undefined} */
  let best;
  for (const issue of walkIssues) {
    if (issue.start > to) break;
    if (issue.end < from || issue.end === issue.start) continue;
    for (const rect of editor.rangeOf(issue.start, issue.end).getClientRects()) {
      const inside = x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom;
      if (inside && (!best || issue.end - issue.start < best.end - best.start)) best = issue;
    }
  }
  return best;
}

editor.textarea.addEventListener('mousemove', (event) => {
  clearTimeout(hoverTimer);
  if (event.buttons !== 0) return;
  const { clientX, clientY } = event;
  hoverTimer = setTimeout(() => {
    const issue = issueAtPoint(clientX, clientY);
    if (issue && issue !== card.issue) openCard(issue, { pinned: false });
    else if (!issue && card.isOpen && !card.pinned) closeCard(false);
  }, HOVER_DELAY_MS);
});
editor.textarea.addEventListener('mouseleave', () => clearTimeout(hoverTimer));

editor.textarea.addEventListener('click', () => {
  const { selectionStart, selectionEnd } = editor.textarea;
  if (selectionStart !== selectionEnd) return;
  const issue = issueAtCaret(selectionStart);
  if (issue) openCard(issue, { pinned: true, returnFocus: editor.textarea });
  else closeCard(false);
});

editor.textarea.addEventListener('input', () => {
  clearTimeout(hoverTimer);
  closeCard(false);
});
editor.textarea.addEventListener('scroll', schedulePlaceCard);
window.addEventListener('scroll', schedulePlaceCard, { passive: true });
window.addEventListener('resize', schedulePlaceCard);

// A list item focused from the keyboard opens its card; focus stays on the item.
issueList.addEventListener('focusin', (event) => {
  const button = event.target instanceof Element ? event.target.closest('button.issue') : null;
  const issue = button instanceof HTMLButtonElement ? shownIssues[Number(button.dataset.index)] : undefined;
  if (button instanceof HTMLButtonElement && issue && issue !== card.issue) openCard(issue, { pinned: true, returnFocus: button });
});

// ---------------------------------------------------------------------------------------------------
// Next/previous issue (F8 / Shift+F8, or Alt+N / Alt+P), anywhere on the page

/**
 * @param {KeyboardEvent} event
 * @returns {0 | 1 | -1}
 */
function walkDirection(event) {
  if (event.ctrlKey || event.metaKey) return 0;
  if (event.key === 'F8' && !event.altKey) return event.shiftKey ? -1 : 1;
  if (event.altKey && !event.shiftKey && event.code === 'KeyN') return 1;
  if (event.altKey && !event.shiftKey && event.code === 'KeyP') return -1;
  return 0;
}

/**
 * Marks the issue's list item (if it is listed yet), selects its text and opens its card.
 * @param {Issue} issue
 */
function chooseIssue(issue) {
  const button = issueList.querySelector(`button.issue[data-index="${shownIssues.indexOf(issue)}"]`);
  if (button instanceof HTMLButtonElement) {
    choose(button, issue);
  } else {
    for (const current of app.querySelectorAll('[aria-current]')) current.removeAttribute('aria-current');
    editor.select(issue.start, issue.end);
  }
  openCard(issue, { pinned: true, returnFocus: editor.textarea });
}

/** @param {1 | -1} direction */
function walk(direction) {
  if (editor.version !== shownVersion || walkIssues.length === 0) {
    showStatus(editor.version !== shownVersion ? 'Checking… try again in a moment.' : 'No issues to go to.');
    return;
  }
  const { selectionStart, selectionEnd } = editor.textarea;
  // The card's issue is where the walk stands while its text is still the selection.
  const open = card.issue;
  const current = open && open.start === selectionStart && open.end === selectionEnd ? open : null;
  const issue = stepFrom(walkIssues, current, selectionStart, direction);
  if (issue) chooseIssue(issue);
}

document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && card.isOpen) {
    event.preventDefault();
    closeCard(true);
    return;
  }
  const direction = walkDirection(event);
  if (direction === 0) return;
  event.preventDefault();
  walk(direction);
});

// ---------------------------------------------------------------------------------------------------
// Checking

async function runCheck() {
  pendingCheck = undefined;
  if (checker === null) return;
  const text = editor.text;
  const version = editor.version;
  const generation = ++checkGeneration;
  const current = () => generation === checkGeneration && version === editor.version;
  setCheckState('pending');
  performance.mark(CHECK_START_MARK);
  /** @type {Report | null} */
  let report;
  try {
    report = await checker.check(text, disabledRules.size > 0 ? { disable: [...disabledRules] } : undefined);
    performance.mark(REPORT_MARK);
  } catch (error) {
    // A newer check is already on its way; its answer will say what is what.
    if (generation !== checkGeneration) return;
    renderNotChecked();
    showStatus(`The check failed: ${describeError(error)}. Your text is unchanged.`, 'error');
    lastCheckFailed = true;
    setCheckState('error');
    return;
  }
  // Superseded by a newer check, or the text changed meanwhile (its own check is scheduled).
  if (report === null || !current()) return;
  if (!(await renderReport(report, text, current))) return;
  if (lastCheckFailed) {
    lastCheckFailed = false;
    showStatus(readyMessage());
  }
  setCheckState('checked');
  performance.mark(CHECK_END_MARK);
}

function scheduleCheck() {
  if (checker === null) return;
  setCheckState('pending');
  clearTimeout(pendingCheck);
  pendingCheck = setTimeout(() => void runCheck(), CHECK_DELAY_MS);
}

function readyMessage() {
  return highlightsSupported
    ? 'Ready: findings are checked as you type.'
    : 'Ready, but this browser cannot highlight text in place; use the list of findings.';
}

// ---------------------------------------------------------------------------------------------------
// Input: paste with structure, open and drop files

/**
 * Inserts `text` at the caret as if typed, so Ctrl+Z takes it back (execCommand keeps the textarea's
 * native undo; setRangeText is the fallback where it is missing). Fires `input` either way.
 * @param {string} text
 */
function insertAtCaret(text) {
  const { textarea } = editor;
  if (document.activeElement !== textarea) textarea.focus();
  const before = textarea.value;
  const { selectionStart, selectionEnd } = textarea;
  if (document.execCommand('insertText', false, text) && textarea.value !== before) return;
  textarea.setRangeText(text, selectionStart, selectionEnd, 'end');
  textarea.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
}

/**
 * Replaces the whole text with an opened file's, undoably, and puts the caret at the top.
 * @param {string} text
 */
function replaceAllText(text) {
  const { textarea } = editor;
  textarea.focus();
  textarea.select();
  insertAtCaret(text);
  if (textarea.value !== text) {
    // The insertion did not take (an old browser); set the text directly.
    editor.setText(text);
    saveDraft(text);
    scheduleCheck();
  }
  textarea.setSelectionRange(0, 0);
  textarea.scrollTop = 0;
  editor.syncScroll();
}

editor.textarea.addEventListener('paste', (event) => {
  const data = event.clipboardData;
  // Plain text is pasted by the browser itself.
  if (!data || !data.types.includes('text/html')) return;
  const doc = parseHtml(data.getData('text/html'));
  // HTML with no headings, lists, tables or paragraphs adds nothing to its own plain text.
  if (!hasStructure(doc) && data.types.includes('text/plain')) return;
  event.preventDefault();
  let text = htmlToText(doc);
  if (text === '') return;
  // Blocks (more than one line) pasted mid-line start and end on lines of their own, so a pasted
  // heading or list is still one.
  if (text.includes('\n')) {
    const { value, selectionStart, selectionEnd } = editor.textarea;
    if (selectionStart > 0 && value[selectionStart - 1] !== '\n') text = `\n\n${text}`;
    if (selectionEnd < value.length && value[selectionEnd] !== '\n') text = `${text}\n\n`;
  }
  insertAtCaret(text);
});

/** @param {number} bytes */
function formatSize(bytes) {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/**
 * Reads a file as the text the checker reads; throws an Error saying why when it is not readable text.
 * @param {File} file
 * @returns {Promise<string>}
 */
async function readArticleFile(file) {
  const name = `“${file.name || 'the file'}”`;
  const isHtml = HTML_FILE_NAME.test(file.name) || file.type === 'text/html';
  const hasExtension = /\.[^./]+$/.test(file.name);
  if (!isHtml && !TEXT_FILE_NAME.test(file.name) && hasExtension && !file.type.startsWith('text/')) {
    throw new Error(`${name} is not a text file: open a .txt, .md or .html file`);
  }
  if (file.size > MAX_FILE_BYTES) {
    throw new Error(`${name} is ${formatSize(file.size)}; files over ${formatSize(MAX_FILE_BYTES)} are not opened`);
  }
  /** @type {Uint8Array} */
  let bytes;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    throw new Error(`${name} could not be read`);
  }
  if (bytes.includes(0)) throw new Error(`${name} looks like a binary file, not text`);
  /** @type {string} */
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`${name} is not UTF-8 text (save it as UTF-8 and open it again)`);
  }
  text = isHtml ? htmlToText(text) : text.replace(/\r\n?/g, '\n');
  if (text.trim() === '') throw new Error(`${name} has no text`);
  return text;
}

/** @param {File} file */
async function openFile(file) {
  try {
    const text = await readArticleFile(file);
    replaceAllText(text);
    showStatus(`Opened “${file.name}” (${text.length.toLocaleString('en')} characters). Ctrl+Z brings back the previous text.`);
  } catch (error) {
    showStatus(`Not opened: ${describeError(error)}. Your text is unchanged.`, 'error');
  }
}

openButton.addEventListener('click', () => fileInput.click());
fileInput.addEventListener('change', () => {
  const file = fileInput.files?.[0];
  // Cleared, so choosing the same file again fires `change` again.
  fileInput.value = '';
  if (file) void openFile(file);
});

/** @param {DragEvent} event */
function carriesFiles(event) {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

// A file dropped anywhere on the page is opened (and never navigated to, which would leave the page).
document.addEventListener('dragover', (event) => {
  if (!carriesFiles(event)) return;
  event.preventDefault();
  if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
  editorBox.classList.add('is-drop-target');
});
document.addEventListener('dragleave', (event) => {
  if (event.relatedTarget === null) editorBox.classList.remove('is-drop-target');
});
document.addEventListener('drop', (event) => {
  editorBox.classList.remove('is-drop-target');
  if (!carriesFiles(event)) return;
  event.preventDefault();
  const file = event.dataTransfer?.files[0];
  if (file) void openFile(file);
});

// ---------------------------------------------------------------------------------------------------
// Export, copy the fixed text, clear

/** @param {boolean} enabled whether there is a report for the current text to export */
function setReportActionsEnabled(enabled) {
  for (const button of [exportJsonButton, exportMarkdownButton, copyFixedButton]) button.disabled = !enabled;
}

/**
 * Offers `content` as a file download. The file is made here from a Blob: nothing is sent anywhere.
 * @param {string} content
 * @param {string} name
 * @param {string} type
 */
function download(content, name, type) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = make('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL; it can go once this task is over.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

exportJsonButton.addEventListener('click', () => {
  download(reportToJson(walkIssues, { version: versionLabel.textContent?.replace(/^v/, '') }), 'article-check.json', 'application/json');
  showStatus(`Exported ${plural(walkIssues.length, 'issue', 'issues')} as article-check.json.`);
});

exportMarkdownButton.addEventListener('click', () => {
  download(reportToMarkdown(walkIssues, CATEGORIES), 'article-check.md', 'text/markdown');
  showStatus(`Exported ${plural(walkIssues.length, 'issue', 'issues')} as article-check.md.`);
});

copyFixedButton.addEventListener('click', async () => {
  const fixed = applyFixes(shownText, walkIssues);
  try {
    await navigator.clipboard.writeText(fixed.text);
    showStatus(
      `Copied the text with ${plural(fixed.applied, 'fix', 'fixes')} applied` +
        (fixed.skipped > 0 ? ` (${plural(fixed.skipped, 'issue has', 'issues have')} no fix or overlaps another).` : '.') +
        ' Your text here is unchanged.',
    );
  } catch (error) {
    showStatus(`Could not copy to the clipboard: ${describeError(error)}. Your text is unchanged.`, 'error');
  }
});

clearButton.addEventListener('click', () => {
  if (editor.text === '') return;
  clearDialog.showModal();
  clearCancel.focus();
});
clearCancel.addEventListener('click', () => clearDialog.close());
clearConfirm.addEventListener('click', () => {
  clearDialog.close();
  // Undoable, like any edit: Ctrl+Z in the editor brings the text back.
  replaceAllText('');
  editor.textarea.focus();
  showStatus('Cleared. Ctrl+Z in the editor brings the text back.');
});

// ---------------------------------------------------------------------------------------------------
// Events and start-up

editor.textarea.addEventListener('input', () => {
  scheduleDraft();
  scheduleCheck();
});
addEventListener('pagehide', flushDraft);
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') flushDraft();
});

/**
 * Marks `button` as the chosen item, in the issue list or the outline (one at a time across both), and
 * selects `[start, end)` in the editor.
 * @param {HTMLButtonElement} button
 * @param {{ start: number, end: number }} span
 */
function choose(button, span) {
  for (const list of [issueList, outlinePanel]) {
    for (const current of list.querySelectorAll('[aria-current]')) current.removeAttribute('aria-current');
  }
  button.setAttribute('aria-current', 'true');
  editor.select(span.start, span.end);
}

/**
 * The button inside `selector` that a click landed on, if any.
 * @param {Event} event
 * @param {string} selector
 * @returns {HTMLButtonElement | null}
 */
function clickedButton(event, selector) {
  const button = event.target instanceof Element ? event.target.closest(selector) : null;
  return button instanceof HTMLButtonElement ? button : null;
}

issueList.addEventListener('click', (event) => {
  const more = clickedButton(event, 'button.issues-more-button');
  if (more) {
    if (more.getAttribute('aria-disabled') === 'true') return;
    more.setAttribute('aria-disabled', 'true');
    const from = Number(more.dataset.shown);
    const issues = shownIssues;
    const current = () => issues === shownIssues;
    // The items come in the frames after the click's own, which on a long article is busy enough.
    void nextFrame()
      .then(() => current() && appendIssueItems(from, Math.min(from + LIST_PAGE_SIZE, issues.length), current))
      .then((done) => {
        // Keyboard users land on the first new item rather than at the top of the page.
        if (done) issueList.querySelector(`button.issue[data-index="${from}"]`)?.focus();
      });
    return;
  }
  const button = clickedButton(event, 'button.issue, button.issue-related');
  const issue = button ? shownIssues[Number(button.dataset.index)] : undefined;
  if (!button || !issue) return;
  // A related button goes to the other place; the issue's own button to the flagged text.
  const related = button.dataset.related === undefined ? undefined : issue.related?.[Number(button.dataset.related)];
  choose(button, related ?? issue);
  if (!related) openCard(issue, { pinned: true, returnFocus: editor.textarea });
});

// One listener each for the whole lists: the items are rebuilt on every check.
outlineTree.addEventListener('click', (event) => {
  const more = clickedButton(event, 'button.outline-more-button');
  if (more) {
    showRestOfOutline(more);
    return;
  }
  const button = clickedButton(event, 'button.outline-heading');
  const heading = button ? shownOutline[Number(button.dataset.index)] : undefined;
  if (button && heading) choose(button, heading);
});

contentsList.addEventListener('click', (event) => {
  const more = clickedButton(event, 'button.outline-more-button');
  if (more) {
    showRestOfOutline(more);
    return;
  }
  const button = clickedButton(event, 'button.contents-entry');
  const entry = button ? shownContents[Number(button.dataset.index)] : undefined;
  // A found entry goes to its section's heading; a missing one to the entry itself.
  if (button && entry) choose(button, targetOf(entry) ?? entry);
});

ruleList.addEventListener('change', (event) => {
  const toggle = event.target;
  if (!(toggle instanceof HTMLInputElement) || !toggle.dataset.rule) return;
  setRuleEnabled(toggle.dataset.rule, toggle.checked);
});

async function start() {
  const [text, loadedChecker] = await Promise.allSettled([loadInitialText(), loadChecker()]);
  // Something typed while the sample was loading wins over the sample.
  if (text.status === 'fulfilled' && editor.text === '') editor.setText(text.value);

  if (loadedChecker.status === 'rejected') {
    renderNotChecked();
    showStatus(
      `The checker could not be loaded (${describeError(loadedChecker.reason).replace(/^could not load the checker: /, '')}). ` +
        'Your text is kept and saved here, but it is not being checked.',
      'error',
    );
    setCheckState('error');
    return;
  }
  checker = loadedChecker.value.client;
  versionLabel.textContent = `v${loadedChecker.value.version}`;
  const rules = loadedChecker.value.rules;
  rulesById = new Map(rules.map((rule) => [rule.id, rule]));
  restoreDisabledRules(rulesById);
  renderRules(rules);
  showStatus(
    text.status === 'fulfilled'
      ? readyMessage()
      : `The sample article could not be loaded (${describeError(text.reason)}); paste an article to check it.`,
    text.status === 'fulfilled' ? 'info' : 'error',
  );
  await runCheck();
}

start().catch((error) => {
  showStatus(`The page failed to start: ${describeError(error)}`, 'error');
  setCheckState('error');
});
