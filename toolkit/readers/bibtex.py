"""BibTeX and BibLaTeX files (as Zotero and Better BibTeX export them) to CSL items, with
the line of every entry and every problem.

bibtexparser 2 splits the file into blocks; a block it cannot read (an unbalanced brace,
a missing comma) is reported at its own line and the other entries of the file are still
read, as are the entries after it. Field values are evaluated here (`@string` macros,
`#` concatenation, month names), then mapped to CSL by toolkit/readers/biblatex_csl.py.
A field the mapping cannot use is reported (`BibResult.unused`), never dropped silently.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from toolkit.readers.biblatex_csl import entry_to_csl
from toolkit.readers.csl_items import MAX_FIELD_CHARS
from toolkit.readers.latex_text import leftover_latex

# A field of a real entry is a few hundred characters (an abstract a few thousand); a
# longer one is refused as written, before it is scanned, and @string macros joined with
# '#', which can double at each step (a "bomb"), are stopped at the same bound: that of
# a CSL item's field.
MAX_VALUE_CHARS = MAX_FIELD_CHARS


class BibtexError(ValueError):
    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


@dataclass
class BibEntry:
    key: str
    line: int
    column: int
    item: dict


@dataclass
class BibProblem:
    line: int
    column: int
    message: str
    error: bool = True


@dataclass
class BibResult:
    entries: list[BibEntry] = field(default_factory=list)
    problems: list[BibProblem] = field(default_factory=list)
    unused: Counter = field(default_factory=Counter)  # field name -> entries
    unused_first: dict[str, int] = field(default_factory=dict)  # field name -> first line


MONTH_MACROS = {m: m for m in ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
                               "sep", "oct", "nov", "dec")}


def read_bibtex(text: str, macros: dict | None = None, first_line: int = 1) -> BibResult:
    """Every entry of a BibTeX/BibLaTeX text, and every problem found, together.
    `macros`: @string values defined before the text (filled with the text's own);
    `first_line`: the line of the text's start in its file (a part of a large file)."""
    import logging

    import bibtexparser
    from bibtexparser import model

    logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)
    library = bibtexparser.parse_string(text, parse_stack=[])
    result = BibResult()
    if macros is None:
        macros = {}
    for name, value in MONTH_MACROS.items():
        macros.setdefault(name, value)
    read: list[_Read] = []
    shift = first_line - 1
    for block in library.blocks:
        line = block.start_line + 1 + shift
        if isinstance(block, model.String):
            macros[block.key.lower()] = _evaluate(block.value, macros, line, result)
        elif isinstance(block, model.Entry):
            read.append(_fields(block, line, macros, result, shift))
        elif isinstance(block, model.DuplicateBlockKeyBlock):
            # the library reports the duplicate key, naming both places
            read.append(_fields(block.ignore_error_block, line, macros, result, shift))
        elif isinstance(block, model.DuplicateFieldKeyBlock):
            duplicated = Counter(f.key.lower() for f in block.ignore_error_block.fields)
            names = ", ".join(sorted(k for k, n in duplicated.items() if n > 1))
            result.problems.append(BibProblem(line, 1, f"BibTeX entry "
                                              f"'{block.ignore_error_block.key}' gives the "
                                              f"field {names} twice; keep one"))
        elif isinstance(block, model.ParsingFailedBlock):
            result.problems.append(BibProblem(line, 1, _failure(block, text, shift)))
    by_key = {r.key.lower(): r for r in read}
    for entry in read:
        _inherit(entry, by_key, result)
        _map(entry, result)
    return result


@dataclass
class _Read:
    key: str
    entry_type: str
    line: int
    column: int
    fields: dict[str, str]
    lines: dict[str, int]


# BibLaTeX's crossref inheritance (its manual, appendix B): what a child takes from a
# parent under another name; fields never inherited.
_RENAMED = {("book", "title"): "booktitle", ("book", "subtitle"): "booksubtitle",
            ("book", "titleaddon"): "booktitleaddon", ("mv", "title"): "maintitle",
            ("mv", "subtitle"): "mainsubtitle", ("mv", "titleaddon"): "maintitleaddon",
            ("periodical", "title"): "journaltitle",
            ("periodical", "subtitle"): "journalsubtitle"}
_NOT_INHERITED = {"ids", "crossref", "xref", "entryset", "entrysubtype", "execute", "label",
                  "options", "presort", "related", "relatedoptions", "relatedstring",
                  "relatedtype", "shorthand", "shorthandintro", "sortkey", "shorttitle",
                  "sorttitle", "indextitle", "indexsorttitle", "xdata"}


def _inherit(entry: _Read, by_key: dict, result: BibResult, depth: int = 0) -> None:
    for link in ("crossref", "xdata"):
        for parent_key in filter(None, re.split(r"[\s,]+", entry.fields.get(link, ""))):
            parent = by_key.get(parent_key.lower())
            if parent is None:
                result.problems.append(BibProblem(entry.lines.get(link, entry.line), 1,
                                                  f"BibTeX entry '{entry.key}': its {link} "
                                                  f"'{parent_key}' is not in this file",
                                                  error=False))
                continue
            if depth < 5:
                _inherit(parent, by_key, result, depth + 1)
            kind = "mv" if parent.entry_type.startswith("mv") else \
                "periodical" if parent.entry_type == "periodical" else \
                "book" if parent.entry_type in ("book", "collection", "proceedings",
                                                "reference") else ""
            for name, value in parent.fields.items():
                if name in _NOT_INHERITED:
                    continue
                target = _RENAMED.get((kind, name), name) if entry.entry_type.startswith(
                    ("in", "book", "supp")) or kind == "periodical" else name
                entry.fields.setdefault(target, value)

def _failure(block, text: str, shift: int = 0) -> str:
    reason = getattr(block.error, "abort_reason", "") or str(block.error)
    head = block.raw.lstrip()[:60].split("\n")[0]
    if "closing `}`" in reason or "closing `,` or `}`" in reason:
        what = "a '}' is missing (unbalanced braces), or a ',' between two fields"
    elif "closing `\"`" in reason:
        what = "a closing '\"' is missing"
    else:
        what = reason.strip() or "it cannot be read"
    end = getattr(block.error, "end_index", None)
    stop = f", read up to line {text.count(chr(10), 0, end) + 1 + shift}" if end else ""
    return (f"BibTeX entry {head!r} cannot be read: {what}{stop}; it is left out, the "
            "other entries are read")


def _fields(entry, line: int, macros: dict, result: BibResult, shift: int = 0) -> _Read:
    raw_key = entry.raw.find(entry.key) if entry.raw else -1
    column = 1
    if raw_key >= 0:
        line += entry.raw.count("\n", 0, raw_key)
        column = raw_key - entry.raw.rfind("\n", 0, raw_key)
    fields = {}
    lines = {}
    for f in entry.fields:
        name = f.key.lower()
        if len(f.value) > MAX_VALUE_CHARS + 2:  # its braces or quotes
            result.problems.append(BibProblem((f.start_line or 0) + 1 + shift, 1,
                                              f"BibTeX entry '{entry.key}': the field "
                                              f"'{name}' is {len(f.value):,} characters long"
                                              f", more than the {MAX_VALUE_CHARS:,} a field "
                                              "may have; shorten it or delete it"))
            continue
        evaluated = _evaluate(f.value, macros, (f.start_line or 0) + 1 + shift, result)
        fields[name] = "" if evaluated is TOO_LONG else evaluated
        lines[name] = (f.start_line + shift if f.start_line else line - 1) + 1
    return _Read(entry.key, entry.entry_type.lower(), line, column, fields, lines)


def _map(read: _Read, result: BibResult) -> None:
    entry, line, column, fields, lines = read, read.line, read.column, read.fields, read.lines
    try:
        mapped = entry_to_csl(entry.key, entry.entry_type, fields)
    except Exception as exc:  # noqa: BLE001 - one odd entry must not stop the library
        result.problems.append(BibProblem(line, column, f"BibTeX entry '{entry.key}' could "
                                          f"not be read ({type(exc).__name__}: {exc}); it is "
                                          "left out: please report this entry"))
        return
    for name, message in mapped.problems:
        result.problems.append(BibProblem(lines.get(name, line), 1,
                                          f"citation {entry.key!r}: {message}", error=False))
    for name in mapped.unused:
        result.unused[name] += 1
        result.unused_first.setdefault(name, lines.get(name, line))
    for variable, value in mapped.item.items():
        texts = [value] if isinstance(value, str) else \
            [part for name in value for part in name.values()] \
            if isinstance(value, list) else []
        if variable not in ("URL", "DOI") and any(leftover_latex(t) for t in texts
                                                  if isinstance(t, str)):
            result.problems.append(BibProblem(
                lines.get(variable, line), 1, f"citation {entry.key!r}: the {variable} "
                f"keeps LaTeX this reader cannot turn into text: {texts[0]!r}", error=False))
    result.entries.append(BibEntry(entry.key, line, column, mapped.item))


_PART = re.compile(r'\s*(?:\{(?P<braced>)|"(?P<quoted>)|(?P<word>[^\s#{}"]+))')


# What a value too long to expand stands for: reported once, where it first grew too
# long; a macro or field built from it is left empty without a second report.
TOO_LONG = "\x00too-long\x00"


def _evaluate(value: str, macros: dict, line: int, result: BibResult) -> str:
    """A raw field value: `{...}`, `"..."`, a number or a macro, joined by `#`; one that
    would expand past MAX_VALUE_CHARS is an error at its line, and TOO_LONG."""
    parts, pos, size = [], 0, 0
    value = value.strip()
    while pos < len(value):
        match = _PART.match(value, pos)
        if not match:
            break
        if match.group("braced") is not None:
            end = _close(value, match.end(), "{", "}")
            parts.append(value[match.end():end])
            pos = end + 1
        elif match.group("quoted") is not None:
            end = _close(value, match.end(), None, '"')
            parts.append(value[match.end():end])
            pos = end + 1
        else:
            word = match.group("word")
            if word.isdigit():
                parts.append(word)
            elif word.lower() in macros:
                parts.append(macros[word.lower()])
            else:
                result.problems.append(BibProblem(line, 1, f"BibTeX: the @string {word!r} "
                                                  "is not defined; it is kept as written",
                                                  error=False))
                parts.append(word)
            pos = match.end()
        if parts and parts[-1] is TOO_LONG:
            return TOO_LONG
        size += len(parts[-1]) if parts else 0
        if size > MAX_VALUE_CHARS:
            result.problems.append(BibProblem(line, 1, "BibTeX: this value expands to more "
                                              f"than {MAX_VALUE_CHARS:,} characters "
                                              "(@string macros that repeat each other?); "
                                              "write it out"))
            return TOO_LONG
        while pos < len(value) and value[pos] in " \t\r\n#":
            pos += 1
    return "".join(parts)


def _close(value: str, start: int, opener: str | None, closer: str) -> int:
    depth, pos = 0, start
    while pos < len(value):
        char = value[pos]
        if char == "\\":
            pos += 2
            continue
        if char == "{" and (opener or closer == '"'):
            depth += 1
        elif char == "}" and depth > 0:
            depth -= 1
        elif char == closer and depth == 0:
            return pos
        pos += 1
    return len(value)


def parse_bibtex(text: str) -> list[BibEntry]:
    """The entries of a BibTeX text; raise BibtexError at the first problem (for callers
    that want all or nothing; the library uses read_bibtex and reports every problem)."""
    result = read_bibtex(text)
    errors = [p for p in result.problems if p.error]
    if errors:
        raise BibtexError(errors[0].message, errors[0].line)
    return result.entries
