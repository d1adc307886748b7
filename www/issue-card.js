// @ts-check
//! The card of one finding: a small non-modal dialog next to the flagged text with the message, why it
//! matters (the rule's own docs), the suggestions as buttons, the related places, "Ignore this" and
//! "Disable rule". The page (app.js) decides when it opens and what the buttons do.
//!
//! Invariants:
//! - Every piece of user text (the flagged text, suggestions, related excerpts) reaches the DOM through
//!   `textContent` only.
//! - The card never takes focus by itself: it sits after the textarea in tab order, so Tab from the
//!   editor reaches its buttons, and Escape closes it (app.js puts focus back where it was).
//! - It is placed with `position: fixed` inside the editor's box (never over the findings pane), below
//!   the flagged line when there is room, else above it.

/**
 * @typedef {{ start: number, end: number, message: string }} Related
 * @typedef {{ rule: string, category: string, severity: string, message: string, start: number, end: number,
 *             suggestions: string[], related: Related[] }} CardIssue
 * @typedef {{ onApply: (issue: CardIssue, replacement: string) => void, onIgnore: (issue: CardIssue) => void,
 *             onDisable: (issue: CardIssue) => void, onJump: (issue: CardIssue, related: Related) => void,
 *             onClose: () => void }} CardActions
 */

/** Quoted text longer than this is shortened in the middle. */
const QUOTE_MAX = 48;
/** Gap between the flagged line and the card, and between the card and the editor's edges. */
const GAP = 6;

/**
 * @param {string} text
 * @returns {string}
 */
function shorten(text) {
  const flat = text.replaceAll('\n', '⏎');
  if (flat.length <= QUOTE_MAX) return flat;
  const half = QUOTE_MAX / 2;
  return `${flat.slice(0, half)}…${flat.slice(flat.length - half)}`;
}

/**
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

/**
 * @param {string} className
 * @param {string | Node} label
 * @param {() => void} action
 */
function actionButton(className, label, action) {
  const button = make('button', className);
  button.type = 'button';
  button.append(label);
  button.addEventListener('click', action);
  return button;
}

export class IssueCard {
  /**
   * @param {HTMLElement} root the (empty, hidden) card element
   * @param {CardActions} actions
   */
  constructor(root, actions) {
    this.root = root;
    this.actions = actions;
    /** @type {CardIssue | null} */
    this.issue = null;
    /** Whether it was opened by a click or the keyboard (a hover-opened card closes when the pointer leaves). */
    this.pinned = false;
    root.hidden = true;
    root.setAttribute('role', 'dialog');
    root.setAttribute('aria-modal', 'false');
    root.setAttribute('aria-labelledby', 'issue-card-message');
    root.setAttribute('aria-describedby', 'issue-card-why');
  }

  get isOpen() {
    return !this.root.hidden;
  }

  /**
   * Fills and shows the card for `issue`.
   * @param {CardIssue} issue
   * @param {{ text: string, why: string, summary: string, pinned: boolean }} details `text` is the text the issue was found in
   */
  show(issue, { text, why, summary, pinned }) {
    this.issue = issue;
    this.pinned = pinned;
    const { root, actions } = this;
    root.dataset.category = issue.category;
    root.dataset.rule = issue.rule;

    const head = make('div', 'card-head');
    // The buttons act on `this.issue` when clicked: a re-check of the same text swaps in the new report's copy.
    const close = actionButton('card-close', '×', () => actions.onClose());
    close.setAttribute('aria-label', 'Close the card (Escape)');
    close.title = 'Close (Escape)';
    head.append(
      make('span', 'badge', issue.category),
      make('code', 'card-rule', issue.rule),
      make('span', 'card-severity', issue.severity),
      close,
    );

    const message = make('p', 'card-message', issue.message);
    message.id = 'issue-card-message';
    const whyLine = make('p', 'card-why');
    whyLine.id = 'issue-card-why';
    if (why || summary) {
      whyLine.append(make('strong', undefined, 'Why it matters: '), why || summary);
    }

    const flagged = text.slice(issue.start, issue.end);
    const fixes = make('div', 'card-suggestions');
    fixes.setAttribute('role', 'group');
    fixes.setAttribute('aria-label', 'Suggestions');
    for (const suggestion of issue.suggestions ?? []) {
      // An empty suggestion deletes the flagged text.
      const label = suggestion === '' ? `Delete “${shorten(flagged)}”` : `Replace with “${shorten(suggestion)}”`;
      const button = actionButton('card-apply tool-button', label, () => this.issue && actions.onApply(this.issue, suggestion));
      button.dataset.replacement = suggestion;
      fixes.append(button);
    }

    const related = make('div', 'card-related');
    related.setAttribute('role', 'group');
    related.setAttribute('aria-label', 'Related places');
    (issue.related ?? []).forEach((place, k) => {
      const label = make('span');
      label.append(`↪ ${place.message}: `, make('q', undefined, shorten(text.slice(place.start, place.end))));
      const jump = actionButton('card-jump', label, () => {
        const target = this.issue?.related?.[k];
        if (this.issue && target) actions.onJump(this.issue, target);
      });
      related.append(jump);
    });

    const more = make('div', 'card-actions');
    more.append(
      actionButton('card-ignore tool-button', 'Ignore this', () => this.issue && actions.onIgnore(this.issue)),
      actionButton('card-disable tool-button', `Disable rule ${issue.rule}`, () => this.issue && actions.onDisable(this.issue)),
    );

    root.replaceChildren(head, message);
    if (whyLine.childNodes.length > 0) root.append(whyLine);
    if (fixes.childElementCount > 0) root.append(fixes);
    if (related.childElementCount > 0) root.append(related);
    root.append(more);
    root.hidden = false;
  }

  hide() {
    this.issue = null;
    this.pinned = false;
    this.root.hidden = true;
    this.root.replaceChildren();
  }

  /**
   * Places the card under (or above) `anchor`, inside `bounds` (viewport coordinates).
   * @param {DOMRect | null} anchor the flagged text's first box, or null to sit at the top of `bounds`
   * @param {DOMRect} bounds the editor's box
   */
  place(anchor, bounds) {
    const { root } = this;
    const width = Math.min(root.offsetWidth, bounds.width - 2 * GAP);
    const height = root.offsetHeight;
    const inside = anchor !== null && anchor.bottom > bounds.top && anchor.top < bounds.bottom;
    let top;
    let left;
    if (inside && anchor) {
      left = anchor.left;
      top = anchor.bottom + GAP;
      if (top + height > bounds.bottom - GAP && anchor.top - GAP - height >= bounds.top + GAP) top = anchor.top - GAP - height;
    } else {
      left = bounds.left + GAP;
      top = bounds.top + GAP;
    }
    left = Math.max(bounds.left + GAP, Math.min(left, bounds.right - GAP - width));
    top = Math.max(GAP, Math.min(top, window.innerHeight - GAP - height));
    root.style.left = `${Math.round(left)}px`;
    root.style.top = `${Math.round(top)}px`;
    root.style.maxWidth = `${Math.round(bounds.width - 2 * GAP)}px`;
  }
}
