"""The redaction pass: the case is redacted, not the page.

Before any template renders, a public build replaces, in the case files, the briefing
file and the citation library it draws on, every form of every withheld person's name
(forms.py) by that person's label (people.py). The templates' standard wording is never
matched, only the values it interpolates, so "One", "May" or "Will" in the wording stay.

- A withheld person's entry keeps only the label: `name` becomes the label, `aliases`,
  `address`, `birth_date` and `birth_place` are emptied (roles, occupation and
  nationality stay: the report describes a role, not a person).
- Text (facts, arguments, findings, notes, captions, table cells, link text): a name
  becomes the label; a title before it goes with it ("Ms Monitorova" -> "Monitor 1").
- Identifiers and addresses: fields that hold ids (fact ids, people lists, anchors) and
  names inside a link address, an id or a cross-reference get the label's slug
  ("monitor-1"), the same everywhere, so references still meet their targets.
- Markdown: a name split by emphasis ("Mon*itor*ova") is replaced with its markers.
- The library: a source whose author is a withheld person is by the label; names in
  titles and notes are replaced like text.

The output scan (scan.py) then checks every byte the writers produce."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from pydantic import BaseModel

from toolkit.model.case import ID_PATTERN, Person
from toolkit.readers.library import Library, LibraryEntry
from toolkit.redaction.forms import MARKDOWN_MARKS, RUN, Match, Matcher
from toolkit.redaction.inflection import case_of, decline_label
from toolkit.redaction.people import Replacement, is_confidential, plan

# A name inside a token holding one of these is part of an address or an identifier.
_ADDRESS_MARKS = frozenset("/:#@=?&%")
_TOKEN_EDGE = re.compile(r"[\s\[\]()<>\"]")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}<>#|!^~])")
WITHHELD_FIELDS = ("address", "birth_date", "birth_place")


@dataclass
class PublicVersion:
    """What one public document withholds: its replacements and their matcher."""

    replacements: list[Replacement]
    matcher: Matcher

    @property
    def labels(self) -> dict[str, Replacement]:
        return {" ".join(r.name.casefold().split()): r for r in self.replacements}


def public_version(people: list[Person], language: str = "en") -> PublicVersion:
    """The labels of the confidential among `people` and the matcher of their names; a
    part of a withheld name that is also part of a public person's name ("Aliya" of a
    withheld witness and of a named victim) is not withheld alone."""
    replacements = plan(people, language)
    spare = {run for p in people if not is_confidential(p)
             for name in (p.name, *p.aliases) for run in RUN.findall(name)}
    return PublicVersion(replacements, Matcher(replacements, spare))


def _token(text: str, match: Match) -> tuple[str, str]:
    """The text from the start of the match's word-like token to the match, and the
    whole token (tokens end at spaces, brackets and quotes)."""
    start = match.start
    while start > 0 and not _TOKEN_EDGE.match(text[start - 1]):
        start -= 1
    end = match.end
    while end < len(text) and not _TOKEN_EDGE.match(text[end]):
        end += 1
    return text[start:match.start], text[start:end]


def _in_citation_key(text: str, match: Match) -> bool:
    """A citation key ("@notes-sigma") names a library entry and is never printed: it
    is left as written (cross-references, "@fact:id", are ids and are replaced)."""
    before, _ = _token(text, match)
    key = before.rpartition("@")
    return bool(key[1]) and ":" not in key[2]


def _in_address(text: str, match: Match) -> bool:
    """Whether a match stands in a link address, an id or a cross-reference."""
    found = text[match.start:match.end]
    if any(c.isspace() for c in found):
        return False
    _, token = _token(text, match)
    if _ADDRESS_MARKS & set(token):
        return True
    return found == found.lower() and bool(set(token) & set("-_."))


def _balanced(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a span so that it holds Markdown markers in pairs ("*Dana* Monitorova")."""
    for mark in MARKDOWN_MARKS:
        while text.count(mark, start, end) % 2:
            if end < len(text) and text[end] == mark:
                end += 1
            elif start > 0 and text[start - 1] == mark:
                start -= 1
            else:
                break
    return start, end


def replace(text: str, matcher: Matcher, *, ids: bool = False, markdown: bool = True) -> str:
    """`text` with every withheld name replaced: by its label in running text, by the
    label's slug in an id (`ids`) or an address."""
    matches = matcher.find(text, markdown=markdown)
    if not matches:
        return text
    out, at = [], 0
    for match in matches:
        start, end = _balanced(text, match.start, match.end) if markdown else \
            (match.start, match.end)
        if start < at or _in_citation_key(text, match):
            continue
        who = match.form.who
        if ids or _in_address(text, match):
            label = who.slug
        else:
            label = decline_label(who.label, case_of(text[start:end], text[:start], who.name))
            label = _MD_SPECIAL.sub(r"\\\1", label) if markdown else label
        out += [text[at:start], label]
        at = end
    out.append(text[at:])
    return "".join(out)


@cache
def _id_fields(model: type[BaseModel]) -> frozenset[str]:
    """The fields of a model that hold ids (`Id`, alone, in a list or optional)."""
    marker = f"pattern='{ID_PATTERN}'"
    return frozenset(name for name, info in model.model_fields.items()
                     if marker in repr(info.metadata) or marker in repr(info.annotation))


def _withheld(person: Person, labels: dict[str, Replacement], matcher: Matcher) -> Person:
    who = labels[" ".join(person.name.casefold().split())]
    update = {"id": replace(person.id, matcher, ids=True), "name": who.label, "aliases": [],
              "label": who.label, **dict.fromkeys(WITHHELD_FIELDS)}
    return person.model_copy(update=update)


def redact_model(value, version: PublicVersion, ids: bool = False):
    """A copy of a case file, a briefing file or any part of one, names withheld."""
    if isinstance(value, Person) and is_confidential(value) and \
            " ".join(value.name.casefold().split()) in version.labels:
        return _withheld(value, version.labels, version.matcher)
    if isinstance(value, BaseModel):
        id_fields = _id_fields(type(value))
        update = {name: redact_model(getattr(value, name), version, name in id_fields)
                  for name in type(value).model_fields}
        return value.model_copy(update=update)
    if isinstance(value, list):
        return [redact_model(v, version, ids) for v in value]
    if isinstance(value, dict):
        return {k: redact_model(v, version, ids) for k, v in value.items()}
    if isinstance(value, str):
        return replace(value, version.matcher, ids=ids)
    return value


_NAME_FIELDS = ("author", "editor", "translator", "container-author", "collection-editor",
                "director", "interviewer", "recipient", "reviewed-author", "composer")


def _csl_name(name: dict, version: PublicVersion) -> dict:
    """A CSL name ({family, given} or {literal}): the label alone where it is a withheld
    person, else each part with names inside it replaced."""
    whole = name.get("literal") or " ".join(str(name[k]) for k in ("given", "family")
                                            if name.get(k))
    matches = version.matcher.find(whole)
    if matches and matches[0].start == 0 and matches[-1].end == len(whole) and \
            len(matches) == 1:
        return {"literal": matches[0].form.who.label}
    return {k: replace(v, version.matcher, markdown=False) if isinstance(v, str) else v
            for k, v in name.items()}


def _csl(value, version: PublicVersion, key: str = ""):
    if key in _NAME_FIELDS and isinstance(value, list):
        return [_csl_name(n, version) if isinstance(n, dict) else _csl(n, version)
                for n in value]
    if isinstance(value, dict):
        return {k: v if k == "id" else _csl(v, version, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_csl(v, version) for v in value]
    if isinstance(value, str):
        return replace(value, version.matcher, markdown=False)
    return value


class _RedactedEntry(LibraryEntry):
    """An entry whose item is redacted when first used: a public build citing two
    sources of a 20,000-item library redacts those two (and parses only those two of an
    indexed file, toolkit/readers/library.py)."""

    def __init__(self, entry: LibraryEntry, version: PublicVersion) -> None:
        self._source, self._version, self._item = entry, version, None
        super().__init__(entry.key, None, entry.file, entry.line, entry.column)

    @property
    def item(self) -> dict:
        if self._item is None:
            self._item = _csl(self._source.item, self._version)
        return self._item

    @item.setter
    def item(self, value) -> None:
        self._item = value


class _RedactedEntries(Mapping):
    """The redacted library's entries, each made when first looked up: a briefing's
    public build redacts the library once per document, which must cost what the
    document cites, not the size of the library."""

    def __init__(self, entries: Mapping[str, LibraryEntry], version: PublicVersion) -> None:
        self._entries, self._version, self._made = entries, version, {}

    def __getitem__(self, key: str) -> LibraryEntry:
        if key not in self._made:
            self._made[key] = _RedactedEntry(self._entries[key], self._version)
        return self._made[key]

    def __iter__(self):
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, key) -> bool:
        return key in self._entries


def redact_library(library: Library, version: PublicVersion) -> Library:
    """A copy of the library whose entries withhold every name (keys unchanged), each
    redacted when the document first uses it."""
    redacted = Library()
    redacted.files = list(library.files)
    redacted.entries = _RedactedEntries(library.entries, version)
    return redacted
