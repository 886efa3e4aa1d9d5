"""A large BibTeX file (a whole Zotero library exported by Better BibTeX) read as an index:
every entry's key, type, line and place in the text, found in one pass with regular
expressions; an entry is parsed and mapped to CSL (toolkit/readers/bibtex.py) only when
it is cited. Reading 20,000 entries through bibtexparser and the CSL mapping takes about
20 s, the index well under a second (benchmarks: docs/citations.md).

An entry begins with `@type{` at the start of a line (as every reference manager writes
them). What the index checks for every entry: a header `@type{key,` and balanced braces
(an entry whose braces do not close is an error at its line; the entries after it are
still found); the library reports a key defined twice. What it leaves for the entry's
first citation: its fields (an unknown LaTeX command, a date BibLaTeX cannot read, a
missing comma between fields), reported at their lines when the entry is cited.

Size: one scanner and its entry; small."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # bibtex.py (and bibtexparser) is loaded only when a .bib is read
    from toolkit.readers.bibtex import BibProblem, BibResult

# Files with more entries than this are indexed; smaller ones are read whole, so that
# every field problem of a hand-kept library is reported at once. A file a reference
# manager wrote (a field only they write) is indexed from INDEX_EXPORT_ABOVE entries: a
# full read costs about 1 ms an entry, and the field problems of entries no case cites
# are of no use in an export.
INDEX_ABOVE = 2_000
INDEX_EXPORT_ABOVE = 200

_START = re.compile(r"^[ \t]*@[ \t]*([A-Za-z]+)[ \t]*[{(]", re.MULTILINE)
_KEY = re.compile(r"[ \t\r\n]*([^\s,{}]*)[ \t\r\n]*,")
_CROSSREF = re.compile(r"\b(?:crossref|xdata)\s*=\s*[{\"]([^}\"]+)[}\"]", re.IGNORECASE)
_NOT_ENTRIES = {"comment", "preamble"}


@dataclass
class Span:
    key: str
    entry_type: str
    line: int
    start: int
    end: int


@dataclass
class BibIndex:
    text: str
    spans: list[Span] = field(default_factory=list)
    strings: list[Span] = field(default_factory=list)  # @string blocks, in order
    problems: list[BibProblem] = field(default_factory=list)
    _macros: dict | None = None
    _read: dict[str, BibResult] = field(default_factory=dict)
    _by_key: dict[str, Span] | None = None

    def entry(self, span: Span) -> BibResult:
        """The entry of `span` parsed and mapped, with its problems at their lines (its
        crossref/xdata parents read with it)."""
        if span.key.lower() not in self._read:
            parents = [self.by_key[k.strip().lower()] for found in
                       _CROSSREF.findall(self.text, span.start, span.end)
                       for k in found.split(",") if k.strip().lower() in self.by_key]
            text = self.text[span.start:span.end] + "".join(
                "\n" + self.text[p.start:p.end] for p in parents)
            from toolkit.readers.bibtex import read_bibtex

            result = read_bibtex(text, dict(self.macros()), span.line)
            end_line = span.line + self.text.count("\n", span.start, span.end)
            result.entries = [e for e in result.entries if e.key == span.key]
            result.problems = [p for p in result.problems if p.line <= end_line]
            self._read[span.key.lower()] = result
        return self._read[span.key.lower()]

    def macros(self) -> dict:
        if self._macros is None:
            from toolkit.readers.bibtex import read_bibtex

            self._macros = {}
            for block in self.strings:
                read_bibtex(self.text[block.start:block.end], self._macros, block.line)
        return self._macros

    @property
    def by_key(self) -> dict[str, Span]:
        if self._by_key is None:
            self._by_key = {s.key.lower(): s for s in self.spans}
        return self._by_key


def count_entries(text: str) -> int:
    return sum(1 for _ in _START.finditer(text))


def index_bibtex(text: str) -> BibIndex:
    from toolkit.readers.bibtex import BibProblem

    index = BibIndex(text)
    starts = list(_START.finditer(text))
    line, counted = 1, 0
    for number, match in enumerate(starts):
        line += text.count("\n", counted, match.start())
        counted = match.start()
        end = starts[number + 1].start() if number + 1 < len(starts) else len(text)
        kind = match.group(1).lower()
        if kind in _NOT_ENTRIES:
            continue
        block = Span("", kind, line, match.start(), end)
        if kind == "string":
            index.strings.append(block)
            continue
        key = _KEY.match(text, match.end())
        if not key:
            index.problems.append(BibProblem(line, 1, f"BibTeX entry "
                                             f"{text[match.start():match.end() + 30]!r} has "
                                             "no key followed by ','; it is left out"))
            continue
        block.key = key.group(1)
        if not block.key:
            index.problems.append(BibProblem(line, 1, "BibTeX entry without a key "
                                             "(@type{,…); give it the key you cite it by"))
            continue
        opened = text.count("{", match.start(), end) - text.count("\\{", match.start(), end)
        closed = text.count("}", match.start(), end) - text.count("\\}", match.start(), end)
        if opened != closed and match.group(0).rstrip().endswith("{"):
            index.problems.append(BibProblem(line, 1, f"BibTeX entry '{block.key}' cannot be "
                                             "read: a '}' is missing (unbalanced braces); it "
                                             "is left out, the other entries are read"))
            continue
        index.spans.append(block)
    return index
