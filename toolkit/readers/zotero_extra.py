"""CSL-JSON as Zotero, Better BibTeX and Juris-M write it: keys, dates and "Extra".

- The citation key is `citation-key` (Better CSL JSON, Zotero 7), else a "Citation Key:"
  line of Extra, else `id`; a numeric id (Zotero's CSL JSON export) is used as text
  ("@1234"), a Zotero item URI ("http://zotero.org/users/1/items/ABCD2345") by its item
  key ("@ABCD2345").
- Zotero writes its "Extra" field as CSL `note`. In a Zotero export, Extra is the user's
  own bookkeeping, not text for a footnote: its "Name: value" lines that name a CSL
  variable ("original-date: 1990", "Issued: 2001-02") become that variable, as in
  citeproc-js; "tex.x:" lines (Better BibTeX's BibTeX fields) and the free text are kept
  out of the item (`Extracted.leftover`), so no style prints them.
- Zotero's own names for two variables (`shortTitle`, `journalAbbreviation`, written by
  its older exports) become CSL's (`title-short`, `container-title-short`).
- Dates: string parts (`[["2000", 12, 22]]`) become numbers; `raw` and `edtf` dates are
  parsed; a season given as a month 21–24 becomes CSL's `season`.

Size: one format's conventions; small."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from toolkit.readers.csl_dates import parse_edtf

NAME_VARIABLES = {"author", "collection-editor", "composer", "container-author", "director",
                  "editor", "editorial-director", "illustrator", "interviewer",
                  "original-author", "recipient", "reviewed-author", "translator"}
DATE_VARIABLES = {"accessed", "container", "event-date", "issued", "original-date",
                  "submitted", "available-date"}
TEXT_VARIABLES = {
    "abstract", "annote", "archive", "archive_location", "archive-place", "authority",
    "call-number", "chapter-number", "collection-number", "collection-title",
    "container-title", "container-title-short", "dimensions", "DOI", "edition", "event",
    "event-place", "genre", "ISBN", "ISSN", "issue", "jurisdiction", "keyword", "language",
    "medium", "number", "number-of-pages", "number-of-volumes", "original-publisher",
    "original-publisher-place", "original-title", "page", "PMCID", "PMID", "publisher",
    "publisher-place", "references", "section", "source", "status", "title", "title-short",
    "URL", "version", "volume", "type",
}
_BY_NAME = {v.lower().replace("_", "-"): v for v in
            NAME_VARIABLES | DATE_VARIABLES | TEXT_VARIABLES}
_LINE = re.compile(r"^\s*\{?:?(?P<name>[A-Za-z][\w .-]*?)\s*[:=]\s*(?P<value>.*?)\}?\s*$")
_ZOTERO_URI = re.compile(r"^https?://zotero\.org/(?:users|groups)/[^/]+/items/(\w+)$")


@dataclass
class Extracted:
    key: object
    item: dict
    leftover: list[str] = field(default_factory=list)  # Extra lines no style prints


def citation_key(item: dict, extra_key: str | None):
    for candidate in (item.get("citation-key"), item.get("citation_key"), extra_key):
        if isinstance(candidate, str) and candidate.strip():
            return candidate.strip()
    key = item.get("id")
    if isinstance(key, bool):
        return key
    if isinstance(key, int):
        return str(key)
    if isinstance(key, str) and (match := _ZOTERO_URI.match(key.strip())):
        return match.group(1)
    return key


_EXTRA_KEY = re.compile(r"^\s*citation[ -]key\s*:\s*(\S+)", re.IGNORECASE | re.MULTILINE)


def quick_key(item: dict):
    """The key `read_item` would give `item`, without reading the rest of it (an item of
    a large library that no case may cite)."""
    extra_key = None
    if from_zotero(item) and isinstance(item.get("note"), str) and \
            (found := _EXTRA_KEY.search(item["note"])):
        extra_key = found.group(1)
    return citation_key(item, extra_key)


def from_zotero(item: dict) -> bool:
    """A Zotero, Better BibTeX or Juris-M export (whose `note` is Extra)."""
    key = item.get("id")
    return "citation-key" in item or isinstance(key, int) or \
        (isinstance(key, str) and bool(_ZOTERO_URI.match(key)))


# Zotero's older CSL JSON export writes two Zotero field names for CSL variables.
ZOTERO_NAMES = {"shortTitle": "title-short", "journalAbbreviation": "container-title-short"}


def read_item(item: dict) -> Extracted:
    item = dict(item)
    for zotero, variable in ZOTERO_NAMES.items():
        if zotero in item:
            value = item.pop(zotero)
            item.setdefault(variable, value)
    extra_key, leftover = None, []
    if from_zotero(item) and isinstance(item.get("note"), str):
        extra_key, leftover = _apply_extra(item, item.pop("note"))
    for name in DATE_VARIABLES & set(item):
        item[name] = normalise_date(item[name])
    key = citation_key(item, extra_key)
    item.pop("citation-key", None)
    return Extracted(key, item, leftover)


def _apply_extra(item: dict, extra: str) -> tuple[str | None, list[str]]:
    key, leftover = None, []
    for line in extra.splitlines():
        if not line.strip():
            continue
        match = _LINE.match(line)
        name = match.group("name").strip().lower().replace(" ", "-") if match else ""
        value = match.group("value").strip() if match else ""
        if name == "citation-key":
            key = value
        elif name in _BY_NAME and value:
            variable = _BY_NAME[name]
            if variable in NAME_VARIABLES:
                family, _, given = value.partition("||")
                person = {"family": family.strip(), "given": given.strip()} if given \
                    else {"literal": family.strip()}
                item.setdefault(variable, []).append(person)
            elif variable in DATE_VARIABLES:
                item.setdefault(variable, parse_edtf(value) or {"literal": value})
            else:
                item.setdefault(variable, value)
        else:
            leftover.append(line.strip())
    return key, leftover


def normalise_date(date):
    """CSL dates as exports write them, in the form citeproc-py reads."""
    if not isinstance(date, dict):
        return parse_edtf(date) or {"literal": date} if isinstance(date, str) else date
    if "date-parts" in date:
        parts = []
        for point in date["date-parts"] or []:
            numbers = []
            for value in point or []:
                try:
                    numbers.append(int(value))
                except (TypeError, ValueError):
                    break
            if numbers:
                parts.append(numbers)
        date = dict(date, **{"date-parts": parts})
        for point in parts:
            if len(point) >= 2 and 21 <= point[1] <= 24:
                date["season"] = point[1] - 20
                del point[1:]
        return date if parts else {k: v for k, v in date.items() if k != "date-parts"}
    for name in ("edtf", "raw"):
        if isinstance(date.get(name), str) and (parsed := parse_edtf(date[name])):
            return parsed
    return date
