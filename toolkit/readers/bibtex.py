"""A small BibTeX reader producing CSL-JSON items, with the line of every entry.

Covers what Zotero and Better BibTeX export: @type{key, field = {..} | ".." | number}
with nested braces, @string macros, # concatenation, and the common LaTeX escapes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TYPE_MAP = {
    "article": "article-journal", "book": "book", "booklet": "pamphlet",
    "inbook": "chapter", "incollection": "chapter", "inproceedings": "paper-conference",
    "conference": "paper-conference", "manual": "report", "mastersthesis": "thesis",
    "phdthesis": "thesis", "techreport": "report", "report": "report", "misc": "document",
    "online": "webpage", "electronic": "webpage", "unpublished": "manuscript",
    "legislation": "legislation", "jurisdiction": "legal_case", "legal": "legal_case",
    "treaty": "treaty", "proceedings": "book", "thesis": "thesis", "dataset": "dataset",
}
FIELD_MAP = {
    "title": "title", "booktitle": "container-title", "journal": "container-title",
    "journaltitle": "container-title", "publisher": "publisher", "institution": "publisher",
    "organization": "publisher", "school": "publisher", "address": "publisher-place",
    "location": "publisher-place", "volume": "volume", "number": "number", "pages": "page",
    "edition": "edition", "url": "URL", "doi": "DOI", "isbn": "ISBN", "note": "note",
    "abstract": "abstract", "series": "collection-title", "shorttitle": "title-short",
    "language": "language", "langid": "language", "type": "genre", "howpublished": "medium",
}
_LATEX = [(r"\&", "&"), (r"\%", "%"), (r"\$", "$"), (r"\_", "_"), (r"\#", "#"),
          ("---", "—"), ("--", "–"), ("~", "\u00a0"), ("``", "“"), ("''", "”")]
_ACCENTS = {"'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303",
            "c": "\u0327", "v": "\u030c", "=": "\u0304", "u": "\u0306", ".": "\u0307"}


# A field of a real entry is a few hundred characters; @string macros joined with '#'
# can double at each step (a "bomb"), which this bound stops.
MAX_VALUE_CHARS = 100_000


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


def _delatex(text: str) -> str:
    import unicodedata

    def accent(match: re.Match) -> str:
        mark = _ACCENTS.get(match.group(1))
        return unicodedata.normalize("NFC", match.group(2) + mark) if mark else match.group(2)

    text = re.sub(r"\\([`'^\"~=.]|[cvu](?=[{\s]))\s*\{?\s*([A-Za-z])\}?", accent, text)
    text = re.sub(r"\\(?:emph|textit|textbf|textsc)\{([^{}]*)\}", r"\1", text)
    for old, new in _LATEX:
        text = text.replace(old, new)
    return re.sub(r"\s+", " ", text.replace("{", "").replace("}", "")).strip()


def _names(value: str) -> list[dict]:
    people = []
    for raw in re.split(r"\s+and\s+(?![^{]*\})", value):
        raw = raw.strip()
        if raw.startswith("{") and raw.endswith("}"):
            people.append({"literal": _delatex(raw[1:-1])})
        elif "," in raw:
            family, given = raw.split(",", 1)
            people.append({"family": _delatex(family), "given": _delatex(given)})
        else:
            words = raw.split()
            people.append({"family": _delatex(words[-1]), "given": _delatex(" ".join(words[:-1]))}
                          if len(words) > 1 else {"literal": _delatex(raw)})
    return people


def _date(value: str) -> dict | None:
    parts = [int(p) for p in re.findall(r"\d+", value)[:3]]
    return {"date-parts": [parts]} if parts else None


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text, self.pos = text, 0

    def line(self, pos: int | None = None) -> int:
        return self.text.count("\n", 0, self.pos if pos is None else pos) + 1

    def skip_space(self) -> None:
        while self.pos < len(self.text) and self.text[self.pos].isspace():
            self.pos += 1

    def expect(self, chars: str) -> str:
        self.skip_space()
        if self.pos >= len(self.text) or self.text[self.pos] not in chars:
            found = self.text[self.pos] if self.pos < len(self.text) else "end of file"
            raise BibtexError(f"BibTeX: expected {' or '.join(repr(c) for c in chars)}, "
                              f"found {found!r}", self.line())
        self.pos += 1
        return self.text[self.pos - 1]

    def name(self) -> str:
        self.skip_space()
        match = re.compile(r"[^\s,={}()\"#]+").match(self.text, self.pos)
        if not match:
            raise BibtexError("BibTeX: expected a name", self.line())
        self.pos = match.end()
        return match.group(0)

    def braced(self) -> str:
        start, depth = self.pos, 1
        while depth:
            if self.pos >= len(self.text):
                raise BibtexError("BibTeX: unbalanced braces; a '}' is missing",
                                  self.line(start))
            char = self.text[self.pos]
            depth += {"{": 1, "}": -1}.get(char, 0)
            self.pos += 1
        return self.text[start:self.pos - 1]

    def quoted(self) -> str:
        start, depth = self.pos, 0
        while True:
            if self.pos >= len(self.text):
                raise BibtexError("BibTeX: a closing '\"' is missing", self.line(start))
            char = self.text[self.pos]
            self.pos += 1
            depth += {"{": 1, "}": -1}.get(char, 0)
            if char == '"' and depth == 0:
                return self.text[start:self.pos - 1]

    def value(self, macros: dict[str, str]) -> str:
        parts, size, line = [], 0, self.line()
        while True:
            opener = self.expect('{"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ')
            if opener == "{":
                parts.append(self.braced())
            elif opener == '"':
                parts.append(self.quoted())
            else:
                self.pos -= 1
                word = self.name()
                parts.append(word if word.isdigit() else macros.get(word.lower(), word))
            size += len(parts[-1])
            if size > MAX_VALUE_CHARS:
                raise BibtexError(f"BibTeX: this value expands to more than "
                                  f"{MAX_VALUE_CHARS:,} characters (@string macros that "
                                  "repeat each other?); write it out", line)
            self.skip_space()
            if self.pos < len(self.text) and self.text[self.pos] == "#":
                self.pos += 1
                continue
            return "".join(parts)


def parse_bibtex(text: str) -> list[BibEntry]:
    """Parse BibTeX text; raise BibtexError with the line of the first syntax problem."""
    scanner, macros, entries = _Scanner(text), {}, []
    while True:
        at = text.find("@", scanner.pos)
        if at < 0:
            return entries
        scanner.pos = at + 1
        kind = scanner.name().lower()
        closer = {"{": "}", "(": ")"}[scanner.expect("{(")]
        if kind == "comment":
            scanner.braced() if closer == "}" else None
            continue
        if kind == "preamble":
            scanner.value(macros)
            scanner.expect(closer)
            continue
        if kind == "string":
            name = scanner.name().lower()
            scanner.expect("=")
            macros[name] = scanner.value(macros)
            scanner.expect(closer)
            continue
        key_pos = scanner.pos
        scanner.skip_space()
        key_pos = scanner.pos
        key = scanner.name()
        line = scanner.line(key_pos)
        column = key_pos - text.rfind("\n", 0, key_pos)
        fields: dict[str, str] = {}
        while scanner.expect("," + closer) == ",":
            scanner.skip_space()
            if scanner.pos < len(text) and text[scanner.pos] == closer:
                scanner.pos += 1
                break
            field_name = scanner.name().lower()
            scanner.expect("=")
            fields[field_name] = scanner.value(macros)
        entries.append(BibEntry(key, line, column, _to_csl(key, kind, fields)))


def _to_csl(key: str, kind: str, fields: dict[str, str]) -> dict:
    item: dict = {"id": key, "type": TYPE_MAP.get(kind, "document")}
    for name, value in fields.items():
        if name in ("author", "editor"):
            item[name] = _names(value)
        elif name == "date":
            if parsed := _date(value):
                item["issued"] = parsed
        elif name == "year" and "issued" not in item:
            month = fields.get("month", "")
            parts = [int(value)] if value.strip().isdigit() else []
            months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                      "nov", "dec"]
            if parts and month[:3].lower() in months:
                parts.append(months.index(month[:3].lower()) + 1)
            if parts:
                item["issued"] = {"date-parts": [parts]}
        elif name == "urldate":
            if parsed := _date(value):
                item["accessed"] = parsed
        elif name in FIELD_MAP:
            item[FIELD_MAP[name]] = _delatex(value)
    return item
