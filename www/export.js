// @ts-check
//! What the page hands back to the user: the report as JSON or Markdown, the text with every fix applied,
//! and the reading time. Pure functions of a report and its text, with no DOM, so the page and the tests
//! share them.

/**
 * @typedef {{ start: number, end: number, message: string }} Related
 * @typedef {{ rule: string, category: string, severity: string, message: string, start: number, end: number,
 *             line: number, column: number, suggestions: string[], related: Related[] }} Issue
 */

/** Words a minute for reading time: the usual figure for adult silent reading of non-fiction. */
export const WORDS_PER_MINUTE = 230;

/**
 * "4 min read" style reading time; under half a minute reads "under 1 min".
 * @param {number} words
 */
export function readingTime(words) {
  if (!Number.isFinite(words) || words <= 0) return '0 min';
  const minutes = Math.round(words / WORDS_PER_MINUTE);
  return minutes < 1 ? 'under 1 min' : `${minutes} min`;
}

/**
 * The text with the first suggestion of every issue applied, in text order. An issue whose range overlaps
 * one already fixed is skipped (the two fixes would disagree on the text between them), as is one with
 * no suggestion or with a range outside the text.
 * @param {string} text
 * @param {readonly Issue[]} issues
 * @returns {{ text: string, applied: number, skipped: number }}
 */
export function applyFixes(text, issues) {
  const fixable = issues
    .filter((issue) => issue.suggestions.length > 0 && issue.start >= 0 && issue.start <= issue.end && issue.end <= text.length)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const parts = [];
  let at = 0;
  let applied = 0;
  let lastEnd = -1;
  for (const issue of fixable) {
    // Two fixes at the same point (both inserting) or overlapping: the first one wins.
    if (issue.start < at || (issue.start === lastEnd && issue.start === issue.end)) continue;
    parts.push(text.slice(at, issue.start), issue.suggestions[0]);
    at = issue.end;
    lastEnd = issue.end;
    applied += 1;
  }
  parts.push(text.slice(at));
  return { text: parts.join(''), applied, skipped: issues.length - applied };
}

/**
 * The report as pretty JSON: the issues (with line and column) and a summary, not the outline.
 * @param {readonly Issue[]} issues
 * @param {{ version?: string }} [about]
 */
export function reportToJson(issues, about = {}) {
  return `${JSON.stringify({ checker: 'article-checker', version: about.version ?? null, issues }, null, 2)}\n`;
}

/**
 * Markdown text for a table cell or list line: no line breaks, and the characters Markdown would read as
 * markup escaped, so a finding's quoted text stays text wherever the report is pasted.
 * @param {string} value
 */
function inline(value) {
  return value.replace(/\s+/g, ' ').replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`);
}

/**
 * The report as Markdown: a summary line, then one section per category with a list of its findings in
 * text order ("line:column rule — message", the suggestion after an arrow).
 * @param {readonly Issue[]} issues
 * @param {readonly string[]} categories the order of the sections
 * @param {{ title?: string }} [about]
 */
export function reportToMarkdown(issues, categories, about = {}) {
  const lines = [`# ${inline(about.title ?? 'Article check')}`, ''];
  if (issues.length === 0) {
    lines.push('No issues found.', '');
    return lines.join('\n');
  }
  /** @type {Map<string, Issue[]>} */
  const groups = new Map();
  for (const issue of issues) {
    const group = groups.get(issue.category) ?? [];
    group.push(issue);
    groups.set(issue.category, group);
  }
  const order = [...categories.filter((c) => groups.has(c)), ...[...groups.keys()].filter((c) => !categories.includes(c))];
  lines.push(`${issues.length} ${issues.length === 1 ? 'issue' : 'issues'}: ${order.map((c) => `${groups.get(c)?.length} ${c}`).join(', ')}`, '');
  for (const category of order) {
    const group = /** @type {Issue[]} */ (groups.get(category)).slice().sort((a, b) => a.start - b.start || a.end - b.end);
    lines.push(`## ${category[0].toUpperCase()}${category.slice(1)} (${group.length})`, '');
    for (const issue of group) {
      let line = `- ${issue.line}:${issue.column} \`${issue.rule}\` (${issue.severity}): ${inline(issue.message)}`;
      if (issue.suggestions.length > 0) {
        line += ` → ${issue.suggestions.map((s) => (s === '' ? 'delete it' : `“${inline(s)}”`)).join(' or ')}`;
      }
      lines.push(line);
    }
    lines.push('');
  }
  return lines.join('\n');
}
