"""Ids, cross-references and citations inside one case file."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from functools import partial

from toolkit.checks.close_keys import suggest_key
from toolkit.checks.context import (
    CheckContext,
    case_check,
    entries,
    suggest,
    text_items,
    typed_paths,
    values_at,
)
from toolkit.model.case import Markdown, SourceRef
from toolkit.model.citation_syntax import (
    LABEL_SPELLINGS,
    CitationItem,
    CitationSyntaxError,
    find_citations,
    is_crossref_key,
    parse_group,
    unknown_label,
)
from toolkit.readers.yamlsource import LocatedDict, LocatedList, Mark

ID_LISTS = ("people", "facts", "proceedings", "claims")


def _ids(raw, section: str) -> dict[str, tuple] | None:
    """The ids of a section's entries; None when the section is malformed (not a list, or
    an entry without a text id): the schema reports that, and any reference into the
    section would be reported as missing though the lawyer may well have written it."""
    value = raw.get(section)
    if value is None:
        return {}
    if not isinstance(value, LocatedList) or not all(
            isinstance(item, LocatedDict) and isinstance(item.get("id"), str) for item in value):
        return None
    return {item["id"]: path for path, item in entries(raw, section)}


# The case id names the drafts' folder (drafts/<id>/); file systems allow 255 bytes.
MAX_CASE_ID = 100


@case_check
def case_id_fits_a_folder_name(ctx: CheckContext) -> None:
    case = ctx.raw.get("case")
    ident = case.get("id") if isinstance(case, LocatedDict) else None
    if isinstance(ident, str) and len(ident.encode("utf-8")) > MAX_CASE_ID:
        ctx.error(("case", "id"), f"the case id is {len(ident.encode('utf-8'))} bytes long; "
                  f"it names the drafts' folder, so keep it to {MAX_CASE_ID}",
                  "case-id-too-long")


@case_check
def duplicate_ids(ctx: CheckContext) -> None:
    for section in ID_LISTS:
        seen: dict[str, Mark] = {}
        for path, item in entries(ctx.raw, section):
            ident = item.get("id")
            if not isinstance(ident, str):
                continue
            mark = ctx.mark((*path, "id"))
            if ident in seen:
                ctx.error((*path, "id"), f"duplicate id '{ident}' in {section} (first at line "
                          f"{seen[ident].line}); ids must be unique", "duplicate-id")
            else:
                seen[ident] = mark
    numbers: dict[int, Mark] = {}
    for path, annex in entries(ctx.raw, "annexes"):
        number = annex.get("number")
        if isinstance(number, int) and not isinstance(number, bool):
            if number in numbers:
                ctx.error((*path, "number"), f"annex number {number} is used twice (first at "
                          f"line {numbers[number].line})", "duplicate-id")
            numbers.setdefault(number, ctx.mark((*path, "number")))
    if numbers and sorted(numbers) != list(range(1, len(numbers) + 1)):
        first = min(numbers.values(), key=lambda m: m.line)
        ctx.warning((), f"annexes are numbered {sorted(numbers)}; number them 1 to "
                    f"{len(numbers)} without gaps", "annex-numbering", first)


def _check_refs(ctx: CheckContext, path: tuple, known: dict[str, tuple] | None,
                what: str) -> None:
    if known is None:
        return
    for index, ref in text_items(_get(ctx.raw, path[:-1]), path[-1]):
        if ref not in known:
            ctx.error((*path, index), f"{what} '{ref}' does not exist"
                      f"{suggest(ref, list(known))}", f"unknown-{what.split()[0]}")


def _get(node, path: tuple):
    for step in path:
        if isinstance(node, LocatedDict) and isinstance(step, str):
            node = node.get(step)
        elif isinstance(node, LocatedList) and isinstance(step, int) and step < len(node):
            node = node[step]
        else:
            return None
    return node


@case_check
def fact_and_person_references(ctx: CheckContext) -> None:
    facts, people = _ids(ctx.raw, "facts"), _ids(ctx.raw, "people")
    proceedings = _ids(ctx.raw, "proceedings")
    for path, _ in entries(ctx.raw, "claims"):
        _check_refs(ctx, (*path, "facts"), facts, "fact id")
        _check_refs(ctx, (*path, "proceedings"), proceedings, "proceeding id")
    for path, _ in entries(ctx.raw, "international_procedures"):
        _check_refs(ctx, (*path, "facts"), facts, "fact id")
        _check_refs(ctx, (*path, "authors"), people, "person id")
    for path, _ in entries(ctx.raw, "facts"):
        _check_refs(ctx, (*path, "people"), people, "person id")
    for path, proceeding in entries(ctx.raw, "proceedings"):
        _check_refs(ctx, (*path, "defendants"), people, "person id")
        for charge_path, _ in entries(proceeding, "charges"):
            _check_refs(ctx, (*path, *charge_path, "facts"), facts, "fact id")
    monitoring = ctx.raw.get("monitoring")
    if isinstance(monitoring, LocatedDict):
        _check_ref(ctx, ("monitoring", "proceeding"), proceedings, "proceeding id")
        _check_ref(ctx, ("monitoring", "expert"), people, "person id")
        for path, _ in entries(monitoring, "sessions"):
            _check_refs(ctx, ("monitoring", *path, "monitors"), people, "person id")
        for path, _ in entries(monitoring, "findings"):
            _check_refs(ctx, ("monitoring", *path, "facts"), facts, "fact id")
    _check_ref(ctx, ("filing", "signatory"), people, "person id")
    representation = ctx.raw.get("representation")
    if isinstance(representation, LocatedDict):
        for key in ("author", "victim"):
            _check_ref(ctx, ("representation", key), people, "person id")
        _check_annex_ref(ctx, representation.get("annex"), ("representation", "annex"))


def _check_ref(ctx: CheckContext, path: tuple, known: dict[str, tuple] | None,
               what: str) -> None:
    """One id at `path` (if present) must be among `known`."""
    ref = _get(ctx.raw, path)
    if known is not None and isinstance(ref, str) and ref not in known:
        ctx.error(path, f"{what} '{ref}' does not exist{suggest(ref, list(known))}",
                  f"unknown-{what.split()[0]}")


def _annex_numbers(raw) -> set[int] | None:
    """The annex numbers, or None when 'annexes' is malformed (the schema says how)."""
    annexes = raw.get("annexes")
    if annexes is None:
        return set()
    if not isinstance(annexes, LocatedList):
        return None
    numbers = set()
    for annex in annexes:
        number = annex.get("number") if isinstance(annex, LocatedDict) else None
        if not isinstance(number, int) or isinstance(number, bool):
            return None
        numbers.add(number)
    return numbers


def _check_annex_ref(ctx: CheckContext, number, path: tuple) -> None:
    numbers = _annex_numbers(ctx.raw)
    if numbers is None or not isinstance(number, int) or isinstance(number, bool) \
            or number in numbers:
        return
    listed = f"the annexes are {', '.join(map(str, sorted(numbers)))}" if numbers \
        else "the file lists no annexes"
    ctx.error(path, f"annex {number} does not exist ({listed}); add it under 'annexes' or "
              "correct the number", "unknown-annex")


def _cross_reference(ctx: CheckContext, key: str, path: tuple,
                     mark: Callable[[], Mark | None]) -> None:
    """[@fact:ID] and [@claim:ID] must name a fact or claim of this case file; the other
    kinds ([@para:...], [@section:...]) name the templates' anchors, checked at build."""
    kind, _, target = key.partition(":")
    section = {"fact": "facts", "claim": "claims"}.get(kind)
    known = _ids(ctx.raw, section) if section else None
    if known is not None and target not in known:
        ctx.error(path, f"[@{key}] refers to no {kind} of this case file: {kind} id "
                  f"'{target}' does not exist{suggest(target, list(known))}",
                  f"unknown-{kind}", mark())


def _cite_key(ctx: CheckContext, key: str, path: tuple,
              mark: Callable[[], Mark | None] = lambda: None) -> None:
    """`mark` gives the place within the text to report; it is asked for only when there
    is something to report (locating an offset in a YAML scalar is not free)."""
    if is_crossref_key(key):
        _cross_reference(ctx, key, path, mark)
        return
    ctx.used_keys.add(key.lower())
    if key not in ctx.library:
        ctx.error(path, f"citation key '@{key}' is not in the citation library"
                  f"{suggest_key(key, ctx.library)}; add it to citations/ or correct the key",
                  "unknown-citation", mark())


# The labels a warning lists: the short forms lawyers type (CSL's locator terms).
SHORT_LABELS = "para, paras, p, pp, art, arts, ch, sec, s, n, fn, vol, l, r, annex"


def _cite_item(ctx: CheckContext, item: CitationItem, path: tuple,
               mark: Callable[[], Mark | None] = lambda: None) -> None:
    _cite_key(ctx, item.key, path, mark)
    label = unknown_label(item)
    if label is None:
        return
    close = difflib.get_close_matches(label.lower(), LABEL_SPELLINGS, n=1, cutoff=0.6)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    ctx.warning(path, f"'{label}' in '@{item.key}, {item.suffix}' is not a pinpoint label"
                f"{hint}; it is printed as written, not as a pinpoint; write one of "
                f"{SHORT_LABELS}", "unknown-locator-label", mark())


@case_check
def citation_keys(ctx: CheckContext) -> None:
    """Every citation in a source list ('@key, para 3') and in Markdown text ([@key]),
    wherever the schema has such fields."""
    for pattern in typed_paths(SourceRef):
        for path, text in values_at(ctx.raw, pattern):
            if not isinstance(text, str):
                continue
            try:
                citations = parse_group(text)
            except CitationSyntaxError:
                continue  # reported by the schema
            for citation in citations:
                _cite_item(ctx, citation, path)
    for pattern in typed_paths(Markdown):
        for path, text in values_at(ctx.raw, pattern):
            _markdown_citations(ctx, text, path)


def _markdown_citations(ctx: CheckContext, text, path: tuple) -> None:
    if not isinstance(text, str):
        return
    for found in find_citations(text):
        mark = partial(ctx.mark_within, path, found.start, found.end)
        for citation in found.items:
            _cite_item(ctx, citation, path, mark)


@case_check
def facts_have_sources(ctx: CheckContext) -> None:
    for path, fact in entries(ctx.raw, "facts"):
        sources = fact.get("sources")
        text = fact.get("text")
        inline = isinstance(text, str) and find_citations(text)
        if not (isinstance(sources, LocatedList) and sources) and not inline:
            label = fact.get("id", f"number {path[-1] + 1}")
            ctx.warning((*path, "id") if "id" in fact else path,
                        f"fact '{label}' cites no source; add sources: ['@key, para N']",
                        "fact-without-source")
