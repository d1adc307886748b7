// @ts-check
//! Which findings the page shows, and in what order: the issue list's grouping by category, the filters
//! by category and severity, "Ignore this", and the text order that next/previous walks. Pure functions
//! over the report; the page (app.js) renders what they return.
//!
//! Invariants:
//! - An ignored finding is keyed by its rule, the exact text it flags and which occurrence of that pair
//!   it is (in text order), so it stays hidden across re-checks while that text is unchanged and comes
//!   back as soon as the text at that place changes.
//! - The list order is category (CATEGORIES order, unknown ones after, by name), then text order; the
//!   walk order is text order alone. Both are stable, so equal starts keep the core's order.

import { CATEGORIES } from './editor.js';

/** Severities the core reports, most serious first (the filter's order). */
export const SEVERITIES = /** @type {const} */ (['error', 'warning', 'info']);

/**
 * @typedef {{ rule: string, category: string, severity: string, start: number, end: number }} Finding
 */

/**
 * One key per finding, for "Ignore this": rule, flagged text and occurrence of that pair in text order.
 * @param {readonly Finding[]} issues in text order
 * @param {string} text the text they were found in
 * @returns {string[]} parallel to `issues`
 */
export function ignoreKeys(issues, text) {
  /** @type {Map<string, number>} */
  const seen = new Map();
  return issues.map((issue) => {
    const base = `${issue.rule}\u0000${text.slice(issue.start, issue.end)}`;
    const occurrence = seen.get(base) ?? 0;
    seen.set(base, occurrence + 1);
    return `${base}\u0000${occurrence}`;
  });
}

/**
 * @param {string} category
 * @returns {number} its place in the list (unknown categories after the known ones)
 */
function categoryRank(category) {
  const index = CATEGORIES.indexOf(/** @type {any} */ (category));
  return index === -1 ? CATEGORIES.length : index;
}

/**
 * The categories present in `issues`, in list order.
 * @param {readonly Finding[]} issues
 * @returns {string[]}
 */
export function categoriesOf(issues) {
  /** @type {Set<string>} */
  const presentSet = new Set();
  for (const issue of issues) presentSet.add(issue.category);
  const present = [...presentSet];
  return present.sort((a, b) => categoryRank(a) - categoryRank(b) || a.localeCompare(b));
}

/**
 * @template {Finding} T
 * @param {readonly T[]} issues
 * @returns {T[]} sorted by category, then start (stable); linear when `issues` are in text order already
 */
export function listOrder(issues) {
  /** @type {Map<string, T[]>} */
  const groups = new Map();
  for (const issue of textOrder(issues)) {
    const group = groups.get(issue.category);
    if (group) group.push(issue);
    else groups.set(issue.category, [issue]);
  }
  return categoriesOf(issues).flatMap((category) => groups.get(category) ?? []);
}

/**
 * @template {Finding} T
 * @param {readonly T[]} issues
 * @returns {T[]} sorted by start, then end (stable); a copy without sorting when already in that order
 */
export function textOrder(issues) {
  let sorted = true;
  for (let index = 1; index < issues.length && sorted; index += 1) {
    const a = issues[index - 1];
    const b = issues[index];
    sorted = a.start < b.start || (a.start === b.start && a.end <= b.end);
  }
  if (sorted) return [...issues];
  return issues
    .map((issue, index) => ({ issue, index }))
    .sort((a, b) => a.issue.start - b.issue.start || a.issue.end - b.issue.end || a.index - b.index)
    .map(({ issue }) => issue);
}

/**
 * Splits a report's issues into those shown and those hidden, and why.
 * @template {Finding} T
 * @param {readonly T[]} issues in text order
 * @param {() => readonly string[]} keys their ignore keys (computed only when something is ignored)
 * @param {{ hiddenCategories: ReadonlySet<string>, hiddenSeverities: ReadonlySet<string>, ignored: ReadonlySet<string> }} hide
 * @returns {{ visible: T[], filtered: number, ignored: number }}
 */
export function visibleFindings(issues, keys, { hiddenCategories, hiddenSeverities, ignored }) {
  if (hiddenCategories.size === 0 && hiddenSeverities.size === 0 && ignored.size === 0) {
    return { visible: [...issues], filtered: 0, ignored: 0 };
  }
  /** @type {T[]} */
  const visible = [];
  let filtered = 0;
  let ignoredCount = 0;
  /** @type {readonly string[] | undefined} */
  let allKeys;
  issues.forEach((issue, index) => {
    if (hiddenCategories.has(issue.category) || hiddenSeverities.has(issue.severity)) filtered += 1;
    else if (ignored.size > 0 && ignored.has((allKeys ??= keys())[index])) ignoredCount += 1;
    else visible.push(issue);
  });
  return { visible, filtered, ignored: ignoredCount };
}

/**
 * The note after the summary when some findings are hidden: " (3 hidden: 2 filtered out, 1 ignored)".
 * @param {number} filtered
 * @param {number} ignored
 */
export function hiddenNote(filtered, ignored) {
  const hidden = filtered + ignored;
  if (hidden === 0) return '';
  const parts = [];
  if (filtered > 0) parts.push(`${filtered} filtered out`);
  if (ignored > 0) parts.push(`${ignored} ignored`);
  return ` (${hidden} hidden: ${parts.join(', ')})`;
}

/**
 * The issue next/previous goes to, in `walk` (text order): after (or before) `current` when it is one of
 * them, else the first starting at or after (last starting before) the caret. Wraps around at the ends.
 * @template {Finding} T
 * @param {readonly T[]} walk
 * @param {T | null} current
 * @param {number} caret
 * @param {1 | -1} direction
 * @returns {T | undefined}
 */
export function stepFrom(walk, current, caret, direction) {
  if (walk.length === 0) return undefined;
  const at = current === null ? -1 : walk.indexOf(current);
  if (at !== -1) return walk[(at + direction + walk.length) % walk.length];
  if (direction === 1) return walk.find((issue) => issue.start >= caret) ?? walk[0];
  for (let index = walk.length - 1; index >= 0; index -= 1) if (walk[index].start < caret) return walk[index];
  return walk[walk.length - 1];
}
