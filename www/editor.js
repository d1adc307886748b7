// @ts-check
//! The editor: a `<textarea>` over a backdrop that mirrors its text, with findings painted on the
//! backdrop through the CSS Custom Highlight API.
//!
//! Invariants:
//! - The backdrop's first child is one text node whose data always equals `textarea.value`, so a report's
//!   UTF-16 offsets apply unchanged to both. A second text node after it only makes a trailing newline
//!   take up a line, as it does in the textarea; no range ever points into it.
//! - The backdrop covers the textarea's box exactly and has the same font, padding, border width and
//!   wrapping; both reserve the same scrollbar gutter (`scrollbar-gutter: stable`), so lines break at the
//!   same places, even at fractional widths. This is all CSS (style.css); the script only copies the
//!   scroll offsets across, so the backdrop's glyphs sit under the textarea's. The backdrop's own text is
//!   transparent; only the highlights show.
//! - Text is only ever set through `textarea.value` and text-node data, never parsed as HTML.
//! - Highlights are live `Range`s: when the text changes before the next check they move with the text
//!   (the mirror is updated with `replaceData` on the changed span only), so typing does not make them
//!   jump or blink.

/** @typedef {'structure' | 'consistency' | 'mechanics' | 'style'} Category */

/**
 * The part of an issue the editor needs.
 * @typedef {{ start: number, end: number, category: string }} Span
 */

/** Categories the stylesheet has a `::highlight(ac-…)` rule for. */
export const CATEGORIES = /** @type {const} */ (['structure', 'consistency', 'mechanics', 'style']);

const HIGHLIGHT_PREFIX = 'ac-';
/** Over this many UTF-16 units the backdrop gets `is-long`, and its highlights lose their underlines
 *  (style.css): with any underline, Chromium re-measures the whole text on every frame that follows a
 *  DOM change, which on a 1 MB article takes over 100 ms a frame. */
export const LONG_TEXT = 250_000;
const CURRENT_HIGHLIGHT = 'ac-current';

/** Whether this browser can paint highlights (the text still works without them). */
export const highlightsSupported = typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';

/**
 * Length of the common prefix and common suffix of two strings, the suffix not overlapping the prefix.
 * @param {string} before
 * @param {string} after
 * @returns {{ prefix: number, suffix: number }}
 */
function commonEnds(before, after) {
  const limit = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < limit && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix += 1;
  let suffix = 0;
  while (
    suffix < limit - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix += 1;
  }
  return { prefix, suffix };
}

export class Editor {
  /**
   * @param {HTMLTextAreaElement} textarea
   * @param {HTMLElement} backdrop
   */
  constructor(textarea, backdrop) {
    this.textarea = textarea;
    this.backdrop = backdrop;
    this.mirror = document.createTextNode('');
    // A trailing "\n" ends a line in the textarea but not in a pre-wrap div; this space gives it one.
    this.trailer = document.createTextNode(' ');
    backdrop.replaceChildren(this.mirror, this.trailer);

    textarea.addEventListener('input', () => this.syncText());
    textarea.addEventListener('scroll', () => this.syncScroll());
    // A resize rewraps the text and can clamp the textarea's scroll offset.
    new ResizeObserver(() => this.syncScroll()).observe(textarea);
  }

  /** @returns {string} */
  get text() {
    return this.textarea.value;
  }

  /**
   * Replaces the whole text, as loading a draft or a file does (not undoable, fires no input event).
   * @param {string} text
   */
  setText(text) {
    this.textarea.value = text;
    // Setting the value leaves the caret at the end; a reader starts at the top.
    this.textarea.setSelectionRange(0, 0);
    this.syncText();
    this.textarea.scrollTop = 0;
    this.syncScroll();
  }

  /** Brings the mirror up to date with the textarea, touching only the span that changed. */
  syncText() {
    const before = this.mirror.data;
    const after = this.textarea.value;
    if (before === after) return;
    const { prefix, suffix } = commonEnds(before, after);
    this.mirror.replaceData(prefix, before.length - prefix - suffix, after.slice(prefix, after.length - suffix));
    this.backdrop.classList.toggle('is-long', after.length > LONG_TEXT);
    this.syncScroll();
  }

  syncScroll() {
    this.backdrop.scrollTop = this.textarea.scrollTop;
    this.backdrop.scrollLeft = this.textarea.scrollLeft;
  }

  /**
   * A live range over `[start, end)` of the mirrored text, clamped to it.
   * @param {number} start
   * @param {number} end
   * @returns {Range}
   */
  rangeOf(start, end) {
    const length = this.mirror.length;
    const from = Math.max(0, Math.min(start, length));
    const to = Math.max(from, Math.min(end, length));
    const range = document.createRange();
    range.setStart(this.mirror, from);
    range.setEnd(this.mirror, to);
    return range;
  }

  /**
   * Paints one highlight per category; spans of an unknown category are not painted.
   * @param {readonly Span[]} spans offsets into the current text
   */
  showSpans(spans) {
    if (!highlightsSupported) return;
    /** @type {Map<string, Range[]>} */
    const byCategory = new Map(CATEGORIES.map((category) => [category, []]));
    for (const span of spans) byCategory.get(span.category)?.push(this.rangeOf(span.start, span.end));
    for (const [category, ranges] of byCategory) {
      CSS.highlights.set(HIGHLIGHT_PREFIX + category, new Highlight(...ranges));
    }
    CSS.highlights.delete(CURRENT_HIGHLIGHT);
  }

  clearSpans() {
    if (!highlightsSupported) return;
    for (const category of CATEGORIES) CSS.highlights.delete(HIGHLIGHT_PREFIX + category);
    CSS.highlights.delete(CURRENT_HIGHLIGHT);
  }

  /**
   * Focuses the textarea, selects exactly `[start, end)` and scrolls it to about a third of the way down.
   * @param {number} start
   * @param {number} end
   */
  select(start, end) {
    const { textarea } = this;
    textarea.focus({ preventScroll: true });
    textarea.setSelectionRange(start, end);
    const range = this.rangeOf(start, end);
    if (highlightsSupported) {
      const current = new Highlight(range);
      // Above the category highlights, so the outline of the chosen finding stays visible.
      current.priority = 1;
      CSS.highlights.set(CURRENT_HIGHLIGHT, current);
    }
    this.scrollToRange(range);
    textarea.scrollIntoView({ block: 'nearest' });
  }

  /**
   * Scrolls the textarea (and with it the backdrop) so `range` is visible.
   * @param {Range} range a range over the mirror
   */
  scrollToRange(range) {
    const { textarea, backdrop } = this;
    const rects = range.getClientRects();
    const rect = rects.length > 0 ? rects[0] : range.getBoundingClientRect();
    const backdropTop = backdrop.getBoundingClientRect().top;
    const contentTop = rect.top - backdropTop + backdrop.scrollTop;
    const visibleTop = textarea.scrollTop;
    const visibleBottom = visibleTop + textarea.clientHeight;
    if (contentTop < visibleTop || contentTop + rect.height > visibleBottom) {
      textarea.scrollTop = Math.max(0, contentTop - textarea.clientHeight / 3);
    }
    this.syncScroll();
  }
}
