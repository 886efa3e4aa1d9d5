"""What the library checks of one CSL item (an item of a CSL-JSON or CSL-YAML file, or a
BibTeX entry mapped to CSL) before a style is given it: a type CSL knows, a title, the
shape of names and dates citeproc relies on, and fields of a bounded length.

Size: the checks of one item; small."""

from __future__ import annotations

import difflib

from toolkit.model.errors import Report

CSL_TYPES = frozenset([
    "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book",
    "broadcast", "chapter", "classic", "collection", "dataset", "document", "entry",
    "entry-dictionary", "entry-encyclopedia", "event", "figure", "graphic", "hearing",
    "interview", "legal_case", "legislation", "manuscript", "map", "motion_picture",
    "musical_score", "pamphlet", "paper-conference", "patent", "performance", "periodical",
    "personal_communication", "post", "post-weblog", "regulation", "report", "review",
    "review-book", "software", "song", "speech", "standard", "thesis", "treaty", "webpage",
])

# A field of a real item is a few hundred characters, an abstract a few thousand; one
# longer than this is a mistake (a whole document pasted in) that would make each
# citation of it slow to format. A BibTeX field has the same bound (bibtex.py).
MAX_FIELD_CHARS = 100_000


def check_item(key: str, item: dict, shown: str, line: int, column: int,
               report: Report) -> None:
    kind = item.get("type")
    if kind not in CSL_TYPES:
        close = difflib.get_close_matches(str(kind), sorted(CSL_TYPES), n=1)
        said = f"has the CSL type {kind!r}, which CSL does not know" if kind else \
            "has no `type:`"
        hint = f"; did you mean {close[0]!r}?" if close and kind else \
            "; give one, e.g. 'report', 'legal_case', 'treaty', 'article-newspaper', " \
            "'webpage' (docs/citations.md lists the types)"
        report.error(shown, line, column, f"citation {key!r} {said}{hint}",
                     "citation-entry")
    if not item.get("title"):
        report.warning(shown, line, column, f"citation {key!r} has no title",
                       "citation-entry")
    for problem in shape_problems(item):
        report.error(shown, line, column, f"citation {key!r}: {problem}",
                     "citation-entry")
    for name, value in item.items():
        if isinstance(value, str) and len(value) > MAX_FIELD_CHARS:
            report.error(shown, line, column, f"citation {key!r}: the field '{name}' is "
                         f"{len(value):,} characters long, more than the "
                         f"{MAX_FIELD_CHARS:,} a field may have; shorten it or delete it",
                         "citation-field-length")


# CSL's name and date variables have a shape citeproc relies on; a string in their place
# passes through to the style, which then fails on every citation of the build.
NAME_FIELDS = ("author", "editor", "translator", "container-author", "collection-editor",
               "composer", "director", "interviewer", "illustrator", "recipient",
               "reviewed-author", "editorial-director", "original-author")
DATE_FIELDS = ("issued", "accessed", "event-date", "original-date", "submitted")


def _date_problem(value) -> str | None:
    if not isinstance(value, dict):
        return "must be a mapping such as {date-parts: [[2021, 5, 14]]}"
    parts = value.get("date-parts")
    if parts is None:
        return None if isinstance(value.get("raw", value.get("literal")), str) else \
            "needs 'date-parts' (e.g. [[2021, 5, 14]]) or 'raw' text"
    if not (isinstance(parts, list) and parts and all(
            isinstance(p, list) and p and len(p) <= 3 and all(
                (isinstance(n, int) and not isinstance(n, bool))
                or (isinstance(n, str) and n.strip().lstrip("-").isdigit()) for n in p)
            for p in parts)):
        return "'date-parts' must be a list of [year, month, day] lists of numbers"
    return None


def shape_problems(item: dict) -> list[str]:
    """What in a CSL item has not the shape citeproc expects (names, dates)."""
    problems = []
    for name in NAME_FIELDS:
        if name in item and not (isinstance(item[name], list) and all(
                isinstance(person, dict) for person in item[name])):
            problems.append(f"'{name}' must be a list of names such as "
                            "[{family: Doe, given: Jane}] or [{literal: Human Rights Watch}]")
    for name in DATE_FIELDS:
        if name in item and (problem := _date_problem(item[name])):
            problems.append(f"'{name}' {problem}")
    return problems
