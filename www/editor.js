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
//! - In a long text (over LONG_TEXT) the mirror catches up with typing only once it pauses
//!   (SYNC_PAUSE_MS), and the highlights are hidden until it has: re-laying out a 1 MB mirror on every
//!   keystroke doubled the cost of a keystroke. Everything that reads the mirror (painting, selecting)
//!   brings it up to date first.
//! - A report of more than PAINT_ALL spans is painted a window at a time: only the spans within a few
//!   screens of the visible text get a range, and scrolling moves the window. Chromium's paint cost grows
//!   with the number of ranges, not with what is on screen: 5,800 ranges over a 1 MB article made every
//!   frame that followed a DOM change take 50–65 ms.

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
/** In a long text, the mirror is brought up to date this long after the last keystroke. */
const SYNC_PAUSE_MS = 300;
/** Up to this many spans are all painted at once; more are painted a window at a time. */
export const PAINT_ALL = 1500;
/** The painted window reaches this many screens above and below the visible text. */
const WINDOW_SCREENS = 2;

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

    /** @type {readonly Span[]} the spans of the last report, by start, while they are painted a window at a time */
    this.windowed = [];
    /** @type {{ from: number, to: number } | null} the offsets the painted ranges cover */
    this.painted = null;
    /** Whether the text changed since the windowed spans were shown (their offsets are then stale). */
    this.stale = false;
    this.windowFrame = 0;

    /** @type {ReturnType<typeof setTimeout> | undefined} a deferred syncText, in a long text */
    this.pendingSync = undefined;
    /** @type {Map<string, Highlight> | undefined} highlights taken out while the mirror lags */
    this.hidden = undefined;

    /** Counts changes of the text: comparing it instead would copy a 1 MB value on every look. */
    this.version = 0;

    textarea.addEventListener('input', () => {
      this.version += 1;
      if (this.textarea.value.length > LONG_TEXT && this.mirror.length > LONG_TEXT) {
        this.hideHighlights();
        clearTimeout(this.pendingSync);
        this.pendingSync = setTimeout(() => this.syncText(), SYNC_PAUSE_MS);
      } else {
        this.syncText();
      }
    });
    textarea.addEventListener('scroll', () => {
      this.syncScroll();
      this.scheduleWindow();
    });
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
    this.version += 1;
    this.textarea.value = text;
    // Setting the value leaves the caret at the end; a reader starts at the top.
    this.textarea.setSelectionRange(0, 0);
    this.syncText();
    this.textarea.scrollTop = 0;
    this.syncScroll();
  }

  /** Brings the mirror up to date with the textarea, touching only the span that changed. */
  syncText() {
    clearTimeout(this.pendingSync);
    this.pendingSync = undefined;
    const before = this.mirror.data;
    const after = this.textarea.value;
    if (before !== after) {
      const { prefix, suffix } = commonEnds(before, after);
      this.mirror.replaceData(prefix, before.length - prefix - suffix, after.slice(prefix, after.length - suffix));
    }
    this.showHiddenHighlights();
    if (before === after) return;
    this.stale = true;
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
    if (this.pendingSync !== undefined) this.syncText();
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
    if (this.pendingSync !== undefined) this.syncText();
    this.stale = false;
    if (spans.length <= PAINT_ALL) {
      this.windowed = [];
      this.painted = null;
      this.paint(spans);
    } else {
      this.windowed = [...spans].sort((a, b) => a.start - b.start);
      this.painted = null;
      // In the next frame: finding the visible offsets reads the layout, which the caller's DOM changes
      // have just invalidated; at animation-frame time that layout is the one the frame does anyway.
      this.clearPainted();
      cancelAnimationFrame(this.windowFrame);
      this.windowFrame = requestAnimationFrame(() => {
        this.windowFrame = 0;
        if (this.windowed.length > 0 && this.painted === null) this.paintWindow();
      });
    }
    CSS.highlights.delete(CURRENT_HIGHLIGHT);
  }

  clearSpans() {
    this.windowed = [];
    this.painted = null;
    this.hidden = undefined;
    if (!highlightsSupported) return;
    this.clearPainted();
    CSS.highlights.delete(CURRENT_HIGHLIGHT);
  }

  /**
   * Takes the highlights out of the registry while the mirror lags behind the text (they would sit in the
   * wrong places), keeping them to put back. Not a style change on the backdrop: that made Chromium lay
   * out the whole 1 MB mirror again (540 ms) instead of the changed line.
   */
  hideHighlights() {
    if (!highlightsSupported || this.hidden !== undefined) return;
    /** @type {Map<string, Highlight>} */
    const hidden = new Map();
    for (const name of [...CATEGORIES.map((category) => HIGHLIGHT_PREFIX + category), CURRENT_HIGHLIGHT]) {
      const highlight = CSS.highlights.get(name);
      if (highlight) hidden.set(name, highlight);
      CSS.highlights.delete(name);
    }
    this.hidden = hidden;
  }

  /** Puts back what hideHighlights took out (its ranges have moved with the text). */
  showHiddenHighlights() {
    const hidden = this.hidden;
    this.hidden = undefined;
    if (!hidden) return;
    for (const [name, highlight] of hidden) CSS.highlights.set(name, highlight);
  }

  /** Removes the category highlights (not the chosen finding's). */
  clearPainted() {
    for (const category of CATEGORIES) CSS.highlights.delete(HIGHLIGHT_PREFIX + category);
  }

  /**
   * Replaces the painted highlights with one range per span.
   * @param {Iterable<Span>} spans
   */
  paint(spans) {
    /** @type {Map<string, Range[]>} */
    const byCategory = new Map(CATEGORIES.map((category) => [category, []]));
    for (const span of spans) byCategory.get(span.category)?.push(this.rangeOf(span.start, span.end));
    for (const [category, ranges] of byCategory) {
      CSS.highlights.set(HIGHLIGHT_PREFIX + category, new Highlight(...ranges));
    }
  }

  /** After a scroll, repaints the window in the next frame if the visible text has left it. */
  scheduleWindow() {
    if (this.windowed.length === 0 || this.windowFrame !== 0) return;
    this.windowFrame = requestAnimationFrame(() => {
      this.windowFrame = 0;
      // After an edit the spans' offsets are stale; the live ranges already painted have moved with the
      // text, and the next check brings fresh spans.
      if (this.windowed.length === 0 || this.stale || this.pendingSync !== undefined) return;
      const { from, to } = this.visibleOffsets(0);
      if (this.painted === null || from < this.painted.from || to > this.painted.to) this.paintWindow();
    });
  }

  /** Paints the spans that overlap the visible text and WINDOW_SCREENS screens above and below it. */
  paintWindow() {
    const window = this.visibleOffsets(WINDOW_SCREENS);
    this.painted = window;
    const spans = this.windowed;
    const inWindow = [];
    for (const span of spans) {
      if (span.start > window.to) break;
      if (span.end >= window.from) inWindow.push(span);
    }
    this.paint(inWindow);
  }

  /**
   * The text offsets at the top and bottom of the textarea's visible box, widened by `screens` box
   * heights each way, found by binary search over the mirror's layout (about 20 rectangles each).
   * @param {number} screens
   * @returns {{ from: number, to: number }}
   */
  visibleOffsets(screens) {
    const { textarea, backdrop } = this;
    const height = textarea.clientHeight;
    const top = textarea.scrollTop - screens * height;
    const bottom = textarea.scrollTop + (1 + screens) * height;
    const length = this.mirror.length;
    if (length === 0) return { from: 0, to: 0 };
    const origin = backdrop.getBoundingClientRect().top - backdrop.scrollTop;
    /** The top of the line holding the first character at or after `offset` that has a box, in content pixels. */
    const lineTop = (/** @type {number} */ offset) => {
      for (let at = offset; at < Math.min(length, offset + 16); at += 1) {
        const rects = this.rangeOf(at, at + 1).getClientRects();
        if (rects.length > 0 && rects[0].height > 0) return rects[0].top - origin;
      }
      return this.rangeOf(offset, offset).getBoundingClientRect().top - origin;
    };
    /** The first offset whose line starts at or below `y`. */
    const firstAtOrBelow = (/** @type {number} */ y) => {
      let low = 0;
      let high = length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (lineTop(middle) < y) low = middle + 1;
        else high = middle;
      }
      return low;
    };
    // Back one line's worth at the top, so a span starting on the partly visible first line is in.
    const from = top <= 0 ? 0 : Math.max(0, firstAtOrBelow(top) - 1);
    const to = Math.min(length, firstAtOrBelow(bottom));
    return { from, to };
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
