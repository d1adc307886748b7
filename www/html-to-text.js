// @ts-check
//! HTML (from the clipboard or an .html file) to the Markdown-ish plain text the checker reads.
//!
//! - h1–h6 become `#`…`######` lines; li become `- ` or `1. ` items (nested lists indented two spaces
//!   per level); tr become `| a | b |` rows with a `| --- |` delimiter row after the first; p, div,
//!   blockquote, br and the other blocks become line breaks (paragraph-like blocks a blank line); pre
//!   becomes a fenced code block; everything else contributes its text, with whitespace collapsed as a
//!   browser would render it.
//! - The HTML is parsed with DOMParser into an inert document that is never attached to the page: no
//!   script runs, no image loads, no handler fires. Only text comes out; script, style, template and
//!   other non-content elements contribute nothing.

/** Elements whose content is not text a reader sees. */
const SKIPPED = new Set([
  'HEAD', 'SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'TITLE', 'META', 'LINK', 'IFRAME', 'OBJECT', 'EMBED',
  'SVG', 'MATH', 'CANVAS', 'VIDEO', 'AUDIO', 'SELECT', 'DATALIST', 'OPTION',
]);
/** Blocks set off by a blank line. */
const PARAGRAPHS = new Set(['P', 'BLOCKQUOTE', 'FIGURE', 'ADDRESS', 'DETAILS', 'FIELDSET', 'DL']);
/** Blocks that only start and end a line. */
const BLOCKS = new Set([
  'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'FOOTER', 'ASIDE', 'NAV', 'FIGCAPTION', 'SUMMARY', 'DT', 'DD',
  'FORM', 'LEGEND', 'CAPTION', 'CENTER', 'HGROUP', 'BODY', 'HTML', 'LI', 'UL', 'OL', 'MENU',
]);
const HEADINGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

/**
 * Whether `html` has any structure worth keeping (headings, list items, table rows, code blocks, quotes,
 * paragraphs); HTML without any is better pasted as its own plain text, which keeps exact spacing.
 * @param {Document} doc
 */
export function hasStructure(doc) {
  return doc.body?.querySelector('h1, h2, h3, h4, h5, h6, li, tr, pre, blockquote, p, hr') != null;
}

/** Elements whose whole content goes before parsing: it is never text, and the page's CSP would report them. */
const ACTIVE_ELEMENT = /<(script|style|template|noscript|iframe|object|svg|math)\b[\s\S]*?<\/\1\s*>/gi;
/**
 * A start tag with its attributes, ended where the HTML tokenizer ends it: at the first `>` outside a
 * quoted value (a quote opens a value only after `=`), or at the end of the text. It matches at every `<`
 * followed by a letter, so no start tag the parser would see escapes it; `/` separates attributes as
 * spaces do (`<svg/onload=…>`), and a tag left open (`<img src=x onerror=…` followed by `</h2>`) swallows
 * the rest as the parser does. Where it reads more into a tag than the parser would, that text is dropped.
 */
const START_TAG = /<([a-zA-Z][^\t\n\f\r />]*)((?:[^>"'=]|=[\t\n\f\r ]*(?:"[^"]*"|'[^']*')|=|["'])*)(?:>|$)/g;
/** The only attributes the conversion reads. */
const KEPT_ATTRIBUTE = /\s(start|colspan)\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+)/gi;

/**
 * Drops scripts, styles and every attribute but `start` and `colspan` from the HTML text, so that parsing
 * it does not even create (CSP-blocked, never-run) inline handlers or styles. Not what keeps the page safe
 * (the parsed document is never attached and scripting is off in it); it keeps the console quiet.
 * @param {string} html
 */
function stripActiveMarkup(html) {
  return html
    .replace(ACTIVE_ELEMENT, '')
    .replace(START_TAG, (_, name, attributes) => {
      const kept = [...attributes.matchAll(KEPT_ATTRIBUTE)].map((match) => ` ${match[1]}=${match[2]}`).join('');
      return `<${name}${kept}>`;
    });
}

/**
 * @param {string} html
 * @returns {Document} inert: never attached, so nothing in it runs or loads
 */
export function parseHtml(html) {
  return new DOMParser().parseFromString(stripActiveMarkup(html), 'text/html');
}

/**
 * A table cell's text on one line, `|` escaped.
 * @param {Element} cell
 */
function cellText(cell) {
  return collapse(cell.textContent ?? '').trim().replaceAll('|', '\\|');
}

/** @param {string} text */
function collapse(text) {
  return text.replace(/[ \t\n\r\f]+/g, ' ');
}

/**
 * @param {Document | string} input a parsed document, or HTML text
 * @returns {string} the text, lines joined with "\n", no leading or trailing blank lines
 */
export function htmlToText(input) {
  const doc = typeof input === 'string' ? parseHtml(input) : input;
  /** @type {string[]} */
  const lines = [];
  /** The line being built. */
  let line = '';
  /** List markers around the line being built, outermost first. `used`: its first line was written. */
  /** @type {{ first: string, rest: string, used: boolean }[]} */
  const prefixes = [];

  /** Ends the line being built; with `force`, an empty line is kept too (a `<br>`). */
  const endLine = (force = false) => {
    const text = line.trim();
    line = '';
    if (text === '' && !force) return;
    const prefix = prefixes.map((entry) => (entry.used ? entry.rest : entry.first)).join('');
    for (const entry of prefixes) entry.used = true;
    lines.push(text === '' ? '' : prefix + text);
  };
  /** Ends the line and leaves one blank line, except inside a list item (a tight list stays tight). */
  const blankLine = () => {
    endLine();
    if (prefixes.length === 0 && lines.length > 0 && lines[lines.length - 1] !== '') lines.push('');
  };
  /** @param {string} text */
  const addText = (text) => {
    const collapsed = collapse(text);
    line += line === '' || line.endsWith(' ') ? collapsed.replace(/^ /, '') : collapsed;
  };

  /** @param {Element} list */
  const walkList = (list) => {
    const ordered = list.tagName === 'OL';
    let number = ordered ? Number.parseInt(list.getAttribute('start') ?? '1', 10) : 1;
    if (!Number.isFinite(number)) number = 1;
    if (prefixes.length === 0) blankLine();
    else endLine();
    for (const child of list.children) {
      if (child.tagName !== 'LI') {
        walk(child);
        continue;
      }
      const marker = ordered ? `${number}. ` : '- ';
      number += 1;
      prefixes.push({ first: marker, rest: ' '.repeat(marker.length), used: false });
      walkChildren(child);
      endLine();
      prefixes.pop();
    }
    if (prefixes.length === 0) blankLine();
  };

  /** @param {Element} table */
  const walkTable = (table) => {
    blankLine();
    const caption = table.querySelector(':scope > caption');
    if (caption) {
      addText(caption.textContent ?? '');
      blankLine();
    }
    const rows = [...table.querySelectorAll('tr')].filter((row) => row.closest('table') === table);
    rows.forEach((row, index) => {
      /** @type {string[]} */
      const cells = [];
      for (const cell of row.children) {
        if (cell.tagName !== 'TD' && cell.tagName !== 'TH') continue;
        cells.push(cellText(cell));
        const span = Math.min(Number.parseInt(cell.getAttribute('colspan') ?? '1', 10) || 1, 50);
        for (let extra = 1; extra < span; extra += 1) cells.push('');
      }
      if (cells.length === 0) return;
      line = `| ${cells.join(' | ')} |`;
      endLine();
      if (index === 0) {
        line = `| ${cells.map(() => '---').join(' | ')} |`;
        endLine();
      }
    });
    blankLine();
  };

  /** @param {Element} pre */
  const walkPre = (pre) => {
    blankLine();
    const code = (pre.textContent ?? '').replace(/\r\n?/g, '\n').replace(/\n$/, '');
    const longestRun = Math.max(2, ...[...code.matchAll(/`+/g)].map((match) => match[0].length));
    const fence = '`'.repeat(longestRun + 1);
    const prefix = prefixes.map((entry) => entry.rest).join('');
    for (const codeLine of [fence, ...code.split('\n'), fence]) lines.push(prefix + codeLine);
    blankLine();
  };

  /** @param {Node} node */
  const walkChildren = (node) => {
    for (const child of node.childNodes) walk(child);
  };

  /** @param {Node} node */
  const walk = (node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      addText(/** @type {Text} */ (node).data);
      return;
    }
    if (!(node instanceof Element)) return;
    const tag = node.tagName.toUpperCase();
    if (SKIPPED.has(tag)) return;
    if (HEADINGS.has(tag)) {
      blankLine();
      line = `${'#'.repeat(Number(tag[1]))} `;
      walkChildren(node);
      if (line.trim().replace(/^#+/, '') === '') line = '';
      blankLine();
    } else if (tag === 'UL' || tag === 'OL' || tag === 'MENU') {
      walkList(node);
    } else if (tag === 'TABLE') {
      walkTable(node);
    } else if (tag === 'PRE') {
      walkPre(node);
    } else if (tag === 'BR') {
      endLine(true);
    } else if (tag === 'HR') {
      blankLine();
      lines.push('---');
      blankLine();
    } else if (PARAGRAPHS.has(tag)) {
      blankLine();
      walkChildren(node);
      blankLine();
    } else if (BLOCKS.has(tag)) {
      endLine();
      walkChildren(node);
      endLine();
    } else {
      walkChildren(node);
    }
  };

  walk(doc.body ?? doc.documentElement);
  endLine();
  while (lines.length > 0 && lines[0] === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n').replace(/\n{3,}/g, '\n\n');
}
