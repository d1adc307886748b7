#!/usr/bin/env python3
"""Precision survey: how often the checker raises findings on well-edited prose that no one here wrote.

The corpus is documentation shipped with the Rust toolchain on this machine (`rustc --print sysroot` /
share/doc/rust/html): mdBook books such as The Rust Programming Language. Each chapter's <main> is turned
into the Markdown a user would paste (headings as `#`, paragraphs on one line, list items, tables as pipe
rows, code fenced, inline code in backticks), written to a temporary folder, and checked by the release
CLI. The script prints the words checked and the findings per rule, category and 1,000 words.

    python3 scripts/precision.py                       # The Rust book, every rule
    python3 scripts/precision.py --books book nomicon  # several books
    python3 scripts/precision.py --category consistency --max-per-1000 1 --show 20

Exit status 1 when --max-per-1000 is given and the rate of the selected category is above it. Needs the
rust-docs component (`rustup component add rust-docs`); stdlib Python only.
"""

import argparse
import collections
import html.parser
import json
import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
BLOCK = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "tr", "blockquote", "dt", "dd"}
SKIP = {"script", "style", "nav", "button", "svg"}


class MainText(html.parser.HTMLParser):
    """Collects the text of <main> as Markdown-like lines."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.in_main = 0
        self.skip = 0
        self.pre = 0
        self.lines = []
        self.current = []
        self.prefix = ""
        self.cells = None
        self.list_depth = 0
        self.code_start = 0

    def flush(self):
        text = "".join(self.current)
        if not self.pre:
            text = " ".join(text.split())
        if text.strip():
            self.lines.append(self.prefix + text)
            self.lines.append("")
        self.current = []
        self.prefix = ""

    def handle_starttag(self, tag, attrs):
        if tag == "main":
            self.in_main += 1
        if not self.in_main:
            return
        if tag in SKIP:
            self.skip += 1
        if self.skip:
            return
        if tag in ("ul", "ol"):
            self.list_depth += 1
        if tag in BLOCK:
            self.flush()
            if tag.startswith("h") and len(tag) == 2:
                self.prefix = "#" * int(tag[1]) + " "
            elif tag == "li":
                self.prefix = "  " * max(self.list_depth - 1, 0) + "- "
            elif tag == "blockquote":
                self.prefix = "> "
            elif tag == "pre":
                self.pre += 1
                self.lines.append("```")
            elif tag == "tr":
                self.cells = []
        elif tag in ("td", "th") and self.cells is not None:
            self.current = []
        elif tag == "code" and not self.pre:
            self.code_start = len(self.current)
        elif tag in ("em", "i"):
            self.current.append("*")
        elif tag in ("strong", "b"):
            self.current.append("**")
        elif tag == "br":
            self.current.append(" ")

    def handle_endtag(self, tag):
        if not self.in_main:
            return
        if tag in SKIP and self.skip:
            self.skip -= 1
            return
        if self.skip:
            return
        if tag == "main":
            self.flush()
            self.in_main -= 1
        elif tag in ("td", "th") and self.cells is not None:
            # A pipe inside a cell is escaped, as Markdown writers do, so it does not split the cell.
            self.cells.append(" ".join("".join(self.current).split()).replace("|", "\\|"))
            self.current = []
        elif tag == "tr" and self.cells is not None:
            self.lines.append("| " + " | ".join(self.cells) + " |")
            if tag == "tr" and len(self.lines) >= 2 and not self.lines[-2].startswith("|"):
                self.lines.append("|" + "---|" * len(self.cells))
            self.cells = None
        elif tag == "table":
            self.lines.append("")
        elif tag == "pre":
            self.lines.extend("".join(self.current).rstrip("\n").split("\n"))
            self.lines.append("```")
            self.lines.append("")
            self.current = []
            self.pre -= 1
        elif tag in ("ul", "ol"):
            self.list_depth -= 1
            self.flush()
        elif tag in BLOCK:
            self.flush()
        elif tag == "code" and not self.pre:
            # Code holding a backtick is fenced with two, as Markdown writers do.
            code = "".join(self.current[self.code_start:])
            fence = "`` " if "`" in code else "`"
            self.current[self.code_start:] = [fence, code, fence[::-1]]
        elif tag in ("em", "i"):
            self.current.append("*")
        elif tag in ("strong", "b"):
            self.current.append("**")

    def handle_data(self, data):
        if self.in_main and not self.skip:
            self.current.append(data)


def chapter_text(path):
    parser = MainText()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    text = "\n".join(parser.lines)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip() + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--books", nargs="+", default=["book"], help="mdBook folders under share/doc/rust/html")
    ap.add_argument("--category", default="consistency", help="category whose rate is judged (or 'all')")
    ap.add_argument("--max-per-1000", type=float, help="fail when the category's rate is above this")
    ap.add_argument("--show", type=int, default=10, help="print this many findings of the category")
    ap.add_argument("--keep", help="write the converted chapters to this folder")
    args = ap.parse_args()

    sysroot = subprocess.run(["rustc", "--print", "sysroot"], capture_output=True, text=True, check=True).stdout.strip()
    html_root = pathlib.Path(sysroot) / "share/doc/rust/html"
    cli = ROOT / "target/release/article-checker"
    subprocess.run(["cargo", "build", "--release", "--locked", "--quiet"], cwd=ROOT, check=True)

    out_dir = pathlib.Path(args.keep) if args.keep else pathlib.Path(tempfile.mkdtemp(prefix="precision-"))
    files = []
    for book in args.books:
        chapters = sorted((html_root / book).glob("*.html"))
        chapters = [c for c in chapters if c.name not in ("print.html", "toc.html", "404.html", "index.html")]
        if not chapters:
            sys.exit(f"no chapters under {html_root / book}: is the rust-docs component installed?")
        for chapter in chapters:
            text = chapter_text(chapter)
            if len(text.split()) < 50:
                continue
            target = out_dir / book / (chapter.stem + ".md")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            files.append(target)

    result = subprocess.run([str(cli), "--format", "json", *map(str, files)], capture_output=True, text=True)
    if result.returncode not in (0, 1):
        sys.exit(f"checker failed ({result.returncode}): {result.stderr[:500]}")
    reports = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]

    words = sum(r["stats"]["words"] for r in reports)
    by_rule = collections.Counter()
    by_category = collections.Counter()
    shown = []
    for report in reports:
        text = pathlib.Path(report["path"]).read_text(encoding="utf-8")
        for issue in report["issues"]:
            by_rule[(issue["category"], issue["rule"])] += 1
            by_category[issue["category"]] += 1
            if args.category in ("all", issue["category"]) and len(shown) < args.show:
                excerpt = text.encode("utf-16-le")[issue["start"] * 2:issue["end"] * 2].decode("utf-16-le")
                shown.append(f"  {pathlib.Path(report['path']).name}:{issue['line']}:{issue['column']} "
                             f"{issue['rule']} “{excerpt[:60]}” {issue['message'][:140]}")

    print(f"corpus: {', '.join(args.books)} from {html_root} ({len(files)} chapters, {words:,} words)")
    print(f"converted text: {out_dir}")
    for category in ("structure", "consistency", "mechanics"):
        n = by_category[category]
        print(f"{category:12} {n:5} findings  {1000 * n / max(words, 1):6.3f} per 1,000 words")
    print("by rule:")
    for (category, rule), n in sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {n:5}  {category:12} {rule}")
    if shown:
        print(f"first {len(shown)} {args.category} findings:")
        print("\n".join(shown))

    judged = sum(by_category.values()) if args.category == "all" else by_category[args.category]
    rate = 1000 * judged / max(words, 1)
    print(f"{args.category}: {judged} findings in {words:,} words = {rate:.3f} per 1,000 words")
    if args.max_per_1000 is not None and rate > args.max_per_1000:
        print(f"above the limit of {args.max_per_1000} per 1,000 words", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
