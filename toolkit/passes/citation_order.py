"""The order of the cites in one citation, and which of them print their names, as a
published CSL style asks.

A style's `<citation>` may hold a `<sort>` (EJIL sorts the cites of a note by author,
then date) and a `collapse` ("year": the names of a cite that follows a cite with the
same names are left out, "UN Human Rights Committee, *supra* note 119; *supra* note
123"). CSL 1.0.1, "Sorting" and "Cite Grouping and Collapsing"; pandoc's citeproc and
citeproc-js do both. citeproc-py sorts only the cites of one rendering, and we render
each cite on its own (toolkit/passes/citeproc_engine.py), so the order is decided here,
with citeproc-py's own sort keys, before positions (ibid) are decided: the cite before
an ibid is the one printed before it. Ties keep the order the lawyer wrote.

The house style (templates/styles/covenant-oscola.csl) sorts nothing: a lawyer lists
authorities in the order of the argument, and a style that has no `<sort>` keeps that
order too.

Size: small; one decision about a citation, kept apart from the formatting pass."""

from __future__ import annotations

import re
from dataclasses import dataclass

from toolkit.model.citation_syntax import CitationItem

_CITATION = re.compile(r"<citation\b([^>]*)>(.*?)<layout\b", re.S)
_COLLAPSE = re.compile(r'\bcollapse="([^"]+)"')
_GROUP_DELIMITER = re.compile(r'\bcite-group-delimiter="([^"]*)"')
# The collapse values that leave a repeated name out; "citation-number" is for numeric
# styles (refused for footnotes: toolkit/passes/style_lookup.py).
NAME_COLLAPSES = ("year", "year-suffix", "year-suffix-ranged")


@dataclass(frozen=True)
class CitationRules:
    sorts: bool = False  # the style's <citation> holds a <sort>
    collapses_names: bool = False  # collapse="year..."
    group_delimiter: str = ", "  # cite-group-delimiter (CSL 1.0.1: ", " by default)


@dataclass(frozen=True)
class Placed:
    """One cite of a citation as the style prints it."""

    item: CitationItem
    names_suppressed: bool = False
    delimiter: str = "; "  # printed before it (unused for the first)


def citation_rules(style_text: str) -> CitationRules:
    """What the style's `<citation>` element asks of the cites of one citation."""
    found = _CITATION.search(style_text)
    if found is None:
        return CitationRules()
    collapse = _COLLAPSE.search(found.group(1))
    group = _GROUP_DELIMITER.search(found.group(1))
    return CitationRules("<sort" in found.group(2),
                         bool(collapse) and collapse.group(1) in NAME_COLLAPSES,
                         group.group(1) if group else ", ")


def names_of(entry) -> tuple:
    """The people or bodies a library entry names first (its authors, else editors), as
    (family or literal, given) pairs: what "the same names" compares."""
    names = entry.item.get("author") or entry.item.get("editor") or []
    return tuple((n.get("family") or n.get("literal") or "", n.get("given") or "")
                 for n in names if isinstance(n, dict))


def _suffixed(item: CitationItem, csl_locators: set[str]) -> bool:
    """A suffix of the lawyer's, or a pinpoint CSL has no term for (art 19), which a
    published style prints as one."""
    return bool(item.suffix) or bool(item.locator) and item.locator_label not in csl_locators


def in_style_order(items: list[CitationItem], engine, library) -> list[Placed]:
    """The cites in the order the style prints them, each with whether its names are left
    out and the delimiter before it.

    As pandoc's citeproc does (measured with pandoc 3.9, docs/citations.md, class G): a
    citation whose cites carry a prefix or a suffix keeps the written order, since "see"
    or "and the cases cited there" belongs where the lawyer put it; a cite's names are
    left out after a cite of other work by the same names, unless a suffix ends the one
    before or a prefix starts this one; and the cite-group delimiter (", ") joins such
    cites only when neither has a pinpoint. An empty sort key sorts last (CSL 1.0.1,
    "Sorting"), where pandoc sorts it first (class G). Unchanged for the house style, a
    style without these rules, or a citation holding a key the library lacks (reported
    by the pass, printed where it was written)."""
    rules = engine.citation_rules
    plain = [Placed(item) for item in items]
    if engine.house or len(items) < 2 or not (rules.sorts or rules.collapses_names):
        return plain
    entries = [library.get(item.key) for item in items]
    if any(entry is None for entry in entries):
        return plain
    locators = engine.csl_locators
    affixed = any(item.prefix or _suffixed(item, locators) for item in items)
    if rules.sorts and not affixed:
        order = engine.citation_order([item.key for item in items])
        items = [items[i] for i in order]
        entries = [entries[i] for i in order]
    placed = [Placed(items[0])]
    for index in range(1, len(items)):
        item, before = items[index], items[index - 1]
        names = names_of(entries[index])
        suppressed = (rules.collapses_names and bool(names)
                      and names == names_of(entries[index - 1])
                      and item.key.lower() != before.key.lower()
                      and not _suffixed(before, locators) and not item.prefix)
        delimiter = rules.group_delimiter if suppressed and not (item.locator or
                                                                  before.locator) else "; "
        placed.append(Placed(item, suppressed, delimiter))
    return placed
