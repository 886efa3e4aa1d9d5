"""Why a note of ours differs from pandoc's: the classes of difference compare_pandoc.py
reports (docs/citations.md, "Agreement with pandoc", explains each one).

A difference is put in a class when undoing that one cause (e.g. pandoc's capital on
"Ibid") brings the two texts closer; a note is "explained" when its classes account for
the whole difference.
"""

from __future__ import annotations

import difflib
import itertools
import re
import unicodedata
from dataclasses import dataclass

from toolkit.model.citation_syntax import find_citations


def normalise(text: str) -> str:
    """White space collapsed, every quotation mark (straight or curly, single or double)
    made one ASCII double quote, Unicode in NFC."""
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"[\"'“”„‟‘’‚‛«»]", '"', text)
    return re.sub(r"\s+", " ", text).strip()


@dataclass
class Context:
    source: str  # the Markdown that made this note
    previous: str  # ... and the note before it


def _in_note(ctx: Context) -> bool:
    return ctx.source.startswith("^[") and "@" in ctx.source


def _has_article(source: str) -> bool:
    return re.search(r",\s*arts?\s", source) is not None


def _ibid(text: str) -> bool:
    return re.match(r"ibid\b", text, re.I) is not None


def _position_article(o: str, t: str, ctx: Context) -> tuple[str, str]:
    if not (_has_article(ctx.previous) or _has_article(ctx.source)):
        return o, t
    if _ibid(o) != _ibid(t) or (_ibid(o) and re.search(r"\barts? \d", t) and
                                not re.search(r"\barts? \d", o)):
        return t, t  # a different position: nothing else to compare
    return o, t


def _position_same_source_twice(o: str, t: str, ctx: Context) -> tuple[str, str]:
    keys = [i.key.lower() for m in find_citations(ctx.previous) for i in m.items]
    if len(keys) > 1 and len(set(keys)) == 1 and _ibid(o) and not _ibid(t):
        return t, t
    return o, t


def _article_lost(o: str, t: str, ctx: Context) -> tuple[str, str]:
    if _has_article(ctx.source) and not _ibid(t):
        return o, re.sub(r",? arts? \d[\d–-]*", "", t)
    return o, t


def _article_comma(o: str, t: str, ctx: Context) -> tuple[str, str]:
    return o, re.sub(r",( arts? \S)", r"\1", t) if re.search(r"[^,] arts? \S", o) else t


def _capital(o: str, t: str, ctx: Context) -> tuple[str, str]:
    return o[:1].lower() + o[1:], t[:1].lower() + t[1:]


def _final_stop(o: str, t: str, ctx: Context) -> tuple[str, str]:
    return o.removesuffix("."), t.removesuffix(".")


def _in_note_parens(o: str, t: str, ctx: Context) -> tuple[str, str]:
    if _in_note(ctx):
        t = re.sub(r"held \((.*)\), the point", r"held \1, the point", t)
    return o, t


def _stray_stop(o: str, t: str, ctx: Context) -> tuple[str, str]:
    return (re.sub(r"\.(, the point)", r"\1", o) if _in_note(ctx) else o), t


def _url_space(o: str, t: str, ctx: Context) -> tuple[str, str]:
    return re.sub(r"(?<=\S)<(?=https?://)", " <", o), t


def _repeated_title(o: str, t: str, ctx: Context) -> tuple[str, str]:
    return re.sub(r"(?<![^\s;])([^,;]{4,}), \1(?=[ ,.;]|$)", r"\1", o), t


def _chapter_label(o: str, t: str, ctx: Context) -> tuple[str, str]:
    return o, re.sub(r"\b(?:ch|chs|l|ll)\. (?=\d)", "", t)


def _disambiguate(o: str, t: str, ctx: Context) -> tuple[str, str]:
    return re.sub(r', "[^;]+?"(?= \(n \d)', "", o), t


def _bracket_comma(o: str, t: str, ctx: Context) -> tuple[str, str]:
    """The house style's pinpoint after a closing bracket without the style's comma:
    "(22 April 2021) para 1" where pandoc, given the same CSL, prints "(…), para 1"."""
    return o, re.sub(r"\), ((?:[^\s,()]+ )?[^\s,();]+\.?)$", r") \1", t)


def _title_case(o: str, t: str, ctx: Context) -> tuple[str, str]:
    def lower(text: str) -> str:
        return re.sub(r"(?<=\w-)[A-Z]|(?<=\")[A-Z]", lambda m: m.group(0).lower(), text)

    return lower(o), lower(t)


def _date_comma(o: str, t: str, ctx: Context) -> tuple[str, str]:
    return o, t.replace(", (", " (")


def _order_grouping(o: str, t: str, ctx: Context) -> tuple[str, str]:
    """Pandoc's order of the cites, and an author left out when the cite before it (in
    that order) begins with the same author; otherwise the cites are the same. Since we
    sort and collapse as the style asks (toolkit/passes/citation_order.py), what is left
    here is pandoc's order for a cite whose sort key is empty."""
    def fold(text: str) -> str:
        return text[:1].lower() + text[1:]

    if o.endswith(".") != t.endswith("."):
        return o, t
    ours, theirs = o.removesuffix(".").split("; "), t.removesuffix(".").split("; ")
    if len(ours) != len(theirs) or len(ours) < 2:
        return o, t
    unused = list(range(len(ours)))
    for index, part in enumerate(theirs):
        before = re.sub(r"^(?:see also|see|cf\.|but see) ", "", theirs[index - 1], flags=re.I) \
            if index else ""
        for i in unused:
            author = ours[i][:len(ours[i]) - len(part)]
            if fold(ours[i]) == fold(part) or (
                    ours[i].endswith(fold(part)) and author.endswith(", ")
                    and before.startswith(author)):
                unused.remove(i)
                break
        else:
            return o, t
    return t, t


@dataclass(frozen=True)
class DiffClass:
    code: str
    title: str
    change: object  # (ours, theirs, Context) -> (ours, theirs)


# docs/citations.md ("Agreement with pandoc") explains each class, with its status.
CLASSES = [
    # Positions and pinpoints: our rules, on purpose.
    DiffClass("A", "article pinpoint: a pinpoint to us, a suffix to pandoc (position)",
              _position_article),
    DiffClass("B", "ibid after a note citing one source twice: the house rule, not CSL's",
              _position_same_source_twice),
    DiffClass("C", "article pinpoint: pandoc puts a comma before it as a suffix",
              _article_comma),
    # Conventions: pandoc's or ours.
    DiffClass("D", "pandoc capitalises the first letter of every note", _capital),
    DiffClass("E", "we end every note with a full stop", _final_stop),
    DiffClass("F", "pandoc puts a citation inside a footnote in parentheses", _in_note_parens),
    DiffClass("G", "cite order: pandoc sorts a cite without author first, CSL 1.0.1 last",
              _order_grouping),
    DiffClass("H", "stray 'Vols' removed with the style's comma before a bracketed date",
              _date_comma),
    # citeproc-py.
    DiffClass("I", "FIXED citeproc-py's title case: no capital after a hyphen or a quote",
              _title_case),
    DiffClass("J", "FIXED citeproc-py drops the chapter/line label (is-numeric on the locator)",
              _chapter_label),
    DiffClass("K", "citeproc-py repeats a title that replaced a missing author",
              _repeated_title),
    DiffClass("L", "house style: author and title when one author has several works "
              "(OSCOLA 1.3)", _disambiguate),
    DiffClass("P", "house style: no comma between a closing bracket and the pinpoint "
              "(OSCOLA)", _bracket_comma),
    # Our bugs, fixed (kept to catch a regression).
    DiffClass("M", "FIXED the style's full stop stays after a citation inside a footnote",
              _stray_stop),
    DiffClass("N", "FIXED the space before a <URL> is lost", _url_space),
    DiffClass("O", "FIXED an article pinpoint is lost in a style without ibid",
              _article_lost),
]


def _distance(a: str, b: str) -> int:
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in matcher.get_opcodes()
               if op != "equal")


def explain(ours: str, theirs: str, ctx: Context) -> tuple[list[str], bool]:
    """The classes that account for a difference, and whether they account for all of it.
    A class is kept only if its change brings the two texts closer."""
    found: list[str] = []
    progress = True
    while progress and ours != theirs:  # until no class brings them closer
        progress = False
        for diff_class in CLASSES:
            if diff_class.code in found or ours == theirs:
                continue
            new_ours, new_theirs = diff_class.change(ours, theirs, ctx)
            if _distance(new_ours, new_theirs) < _distance(ours, theirs):
                found.append(diff_class.code)
                ours, theirs = new_ours, new_theirs
                progress = True
    if ours != theirs:  # two changes that only together bring the texts closer
        rest = [c for c in CLASSES if c.code not in found]
        for first, second in itertools.permutations(rest, 2):
            new_ours, new_theirs = second.change(*first.change(ours, theirs, ctx), ctx)
            if new_ours == new_theirs:
                found += [first.code, second.code]
                ours, theirs = new_ours, new_theirs
                break
    return sorted(found, key=[c.code for c in CLASSES].index), ours == theirs
