"""Format every citation in one pass, in note order: the only caller of citeproc-py.

Positions follow what a lawyer expects: the full form the first time, a short form with
"(n 12)" after, and ibid only when the immediately preceding footnote cites the same
source and nothing else (a note with no citation breaks the chain, which citeproc-py
alone would miss); a published style takes the CSL specification's narrower rule, and
its order of the cites in a citation (toolkit/passes/citation_order.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from toolkit.model.citation_syntax import CitationItem
from toolkit.model.document import Citation, Document, Emph, Inline, Note, Strong, Text
from toolkit.passes.citation_language import KEEPS_ITS_STOP
from toolkit.passes.citation_markup import clean_debris, html_to_inlines
from toolkit.passes.citation_order import in_style_order, names_of
from toolkit.passes.citeproc_engine import CiteprocEngine, Request, to_request


@dataclass
class _Cited:
    key: str
    locator: str | None
    label: str | None


class PositionTracker:
    """Decides first / subsequent / ibid / ibid-with-locator, note by note.

    The house style's rule (`csl` False): ibid when the preceding footnote cites this
    source and nothing else, however many times. A published style's (`csl` True): the
    CSL specification's, for the first cite of a citation (a `[...]` group, or cites side
    by side) ibid only when the previous citation is a single cite of this source."""

    def __init__(self, csl: bool = False) -> None:
        self.csl = csl
        self.first_note: dict[str, int] = {}
        self.previous_note: list[_Cited] = []
        self.current: list[_Cited] = []
        self.previous_citation: list[_Cited] = []
        self.citation: list[_Cited] = []
        self.current_number = 0

    def start_note(self, number: int) -> None:
        if number != self.current_number:
            contiguous = number == self.current_number + 1
            self.previous_note = self.current if contiguous else []
            self.previous_citation = self.citation if contiguous else []
            self.current, self.citation = [], []
            self.current_number = number

    def start_citation(self) -> None:
        if self.citation:
            self.previous_citation, self.citation = self.citation, []

    def _preceding(self, key: str) -> _Cited | None:
        """The cite an ibid would point back to, if it is one of `key`."""
        if self.csl:
            if self.citation:
                before = self.citation[-1:]
            else:
                before = self.previous_citation if len(self.previous_citation) == 1 else []
            return before[-1] if before and before[-1].key == key else None
        if self.current:
            return self.current[-1] if self.current[-1].key == key else None
        before = self.previous_note
        return before[-1] if before and all(c.key == key for c in before) else None

    def position(self, item: CitationItem) -> tuple[str, int]:
        key = item.key.lower()
        if key not in self.first_note:
            self.first_note[key] = self.current_number
            position = "first"
        elif (last := self._preceding(key)) is not None:
            locator = (item.locator_label, item.locator)
            if item.locator and locator != (last.label, last.locator):
                position = "ibid-with-locator"
            elif item.locator or not last.locator:
                position = "ibid"
            else:
                position = "subsequent"
        else:
            position = "subsequent"
        cited = _Cited(key, item.locator, item.locator_label)
        self.current.append(cited)
        self.citation.append(cited)
        return position, self.first_note[key]


def _note_end(inlines: list[Inline], house: bool = True) -> list[Inline]:
    """Capitalise the note's first letter and end it with a full stop. The house style
    keeps OSCOLA's lower-case "ibid" (OSCOLA 4th edn 1.3); any other style is capitalised
    as pandoc's citeproc and citeproc-js capitalise a note (published OSCOLA's "Ibid")."""
    first = inlines[0] if inlines else None
    while isinstance(first, Emph | Strong) and first.children:
        first = first.children[0]
    if isinstance(first, Text) and first.text and not (house and
                                                       first.text.startswith("ibid")):
        first.text = first.text[0].upper() + first.text[1:]
    last = inlines[-1] if inlines else None
    innermost = last
    while isinstance(innermost, Emph | Strong) and innermost.children:
        innermost = innermost.children[-1]
    if isinstance(last, Text):
        last.text = last.text.rstrip()
    ended = isinstance(innermost, Text) and innermost.text.rstrip().endswith((".", "?", "!"))
    if last is not None and not ended:
        if isinstance(last, Text):
            last.text += "."
        else:
            inlines.append(Text("."))  # after the italics, not inside them
    return inlines


@lru_cache(maxsize=4096)
def _cleaned(fragment: str) -> str:
    """A citation's HTML without debris and without the style's closing full stop (the
    same fragment recurs in many notes: cleaned once)."""
    return _drop_final_stop(clean_debris(fragment))


def _drop_final_stop(fragment: str) -> str:
    """Drop a style's closing full stop; one inside italics ("*Ibid.*") or ending an
    abbreviation ("Указ. соч.", "et al.") is the word's."""
    stripped = fragment.rstrip()
    if stripped.endswith(KEEPS_ITS_STOP):
        return stripped
    if stripped.endswith(".") and not stripped.endswith(".."):
        return stripped[:-1]
    return stripped


def _parts(locator: str) -> list[str]:
    return [p.strip() for p in locator.split(",") if p.strip()]


def merge_pinpoints(items: list[CitationItem]) -> list[CitationItem]:
    """Adjacent cites of one source in one citation, pinpointed under the same label
    ('@a, para 3; @a, para 6'), as one cite with the pinpoints joined ('paras 3, 6'), so
    the note reads "ibid paras 3, 6", never "ibid; ibid para 6"; a pinpoint given twice
    is given once. A prefix on the second, a suffix on either, or a different label
    (or none beside one) keeps them apart: the words may belong to one pinpoint only."""
    merged: list[CitationItem] = []
    for item in items:
        last = merged[-1] if merged else None
        if (last is None or last.key.lower() != item.key.lower() or item.prefix
                or last.suffix or item.suffix or last.locator_label != item.locator_label
                or bool(last.locator) != bool(item.locator)):
            merged.append(item)
        elif item.locator:
            parts = _parts(last.locator or "")
            parts += [p for p in _parts(item.locator) if p not in parts]
            merged[-1] = replace(last, locator=", ".join(_in_order(parts)))
    return merged


_NUMBERED = re.compile(r"(\d+(?:\.\d+)*)(?:[-–]\d+(?:\.\d+)*)?")


def _in_order(parts: list[str]) -> list[str]:
    """Pinpoints joined from several cites, in the source's order ("paras 36, 71", not
    the order the facts cited them in), when every one is a number or a range of them."""
    starts = [_NUMBERED.fullmatch(part) for part in parts]
    if not all(starts):
        return parts
    return [part for _, part in sorted(
        zip([tuple(int(n) for n in m[1].split(".")) for m in starts], parts, strict=True),
        key=lambda pair: pair[0])]


def _format_citation(node: Citation, tracker: PositionTracker, engine: CiteprocEngine,
                     context) -> list[Inline]:
    fragments, delimiters = [], []
    tracker.start_citation()
    for placed in in_style_order(merge_pinpoints(node.items), engine, context.library):
        item = placed.item
        delimiters.append(placed.delimiter)
        position, first = tracker.position(item)
        if item.key not in context.library:
            file, _, line = node.source.rpartition(":")
            context.report.error(file or "<template>", int(line) if line.isdigit() else 1, 1,
                                 f"citation key '@{item.key}' is not in the citation library",
                                 "unknown-citation")
            fragments.append(f"[@{item.key}?]")
            continue
        try:
            ambiguous = position == "subsequent" and _ambiguous(
                item.key, first, tracker, context.library,
                engine.cited if engine.house else None)
            if first == tracker.current_number:
                first = 0  # cited earlier in this very note: the short form, no "(n 32)"
            fragments.append(engine.format(to_request(item, position, first, ambiguous,
                                                      placed.names_suppressed)))
        except Exception as exc:  # noqa: BLE001 - citeproc-py fails in many ways on styles
            context.report.error(str(context.style), 1, 1, f"the citation style could not "
                                 f"format '@{item.key}' ({type(exc).__name__}: {exc})",
                                 "style-failure")
            fragments.append(f"[@{item.key}]")
    # The note's own full stop is added once at its end (_note_end); a style's closing
    # full stop would otherwise stand mid-note ("2016., the point stands").
    joined = "".join((delimiter if index else "") + _cleaned(fragment) for index,
                     (fragment, delimiter) in enumerate(zip(fragments, delimiters, strict=True)))
    return html_to_inlines(joined)


def _ambiguous(key: str, first: int, tracker: PositionTracker, library,
               cited: set[str] | None = None) -> bool:
    """CSL's disambiguate="true": whether "Author (n 4)" alone would leave the reader
    unsure which work is meant. For a published style (`cited` None), as pandoc decides
    it: another work by the same author first cited in the same note. For the house style
    (`cited`: every key the document cites), as OSCOLA 4th edn 1.3 does: another work by
    the same author cited anywhere in the document."""
    entries = library.entries
    own = entries.get(key.lower())
    if own is None or not names_of(own):
        return False
    others = cited if cited is not None else {
        other for other, note in tracker.first_note.items() if note == first}
    return any(other != key.lower() and other in entries
               and names_of(entries[other]) == names_of(own) for other in others)


def _replace(inlines: list[Inline], tracker, engine, context) -> list[Inline]:
    out: list[Inline] = []
    for node in inlines:
        if isinstance(node, Citation):
            out.extend(_format_citation(node, tracker, engine, context))
        else:
            if hasattr(node, "children"):
                node.children = _replace(node.children, tracker, engine, context)
            out.append(node)
    return out


def run(document: Document, context) -> None:
    keys = {item.key.lower() for note in document.notes for item in _items(note.children)}
    # Only the cited entries are looked up (in the library's order): an entry of a large
    # library is parsed, and in a public build redacted, only when cited.
    entries = context.library.entries
    items = {key: entries[key].item for key in entries if key in keys}
    locale = {"ru": "ru-RU", "en": "en-GB", "fr": "fr-FR", "es": "es-ES"}.get(
        document.language)
    cache = None
    if context.cache_dir is not None:
        from toolkit.passes import citeproc_engine, citeproc_patches
        from toolkit.passes.citation_cache import CitationCache

        cache = CitationCache(context.cache_dir, context.style, locale,
                              (Path(citeproc_engine.__file__),
                               Path(citeproc_patches.__file__)))
        if cache.problem:
            context.report.warning(str(cache.path), 1, 1, f"the citation cache "
                                   f"{cache.problem}; ignored it, formatting again",
                                   "cache-ignored")
    engine = CiteprocEngine(context.style, items, locale, cache)
    # What the table of authorities is built from (toolkit/passes/authorities.py): each
    # citation's note and key, and the engine that formatted them.
    context.cited = [(note.number, item.key.lower()) for note in document.notes
                     for item in _items(note.children)]
    context.citation_engine = engine
    tracker = PositionTracker(csl=not engine.house)
    for note in document.notes:
        tracker.start_note(note.number)
        note.children = _note_end(_replace(note.children, tracker, engine, context),
                                  engine.house)
    engine.save()
    context.stats["distinct_citations"] = len(engine._cache)
    context.stats["citeproc_renders"] = engine.renders


def full_form(engine: CiteprocEngine, key: str) -> list[Inline]:
    """A source's full citation without pinpoint, as its first note prints it, cleaned
    and capitalised as a note is but without the closing full stop (the table of
    authorities)."""
    from toolkit.model.document import plain_text

    inlines = html_to_inlines(_cleaned(engine.format(
        Request(key.lower(), "first", None, None, "", "", 0))))
    ended = plain_text(inlines).rstrip().endswith((".", "?", "!"))
    inlines = _note_end(inlines)
    last = inlines[-1] if inlines else None
    if not ended and isinstance(last, Text) and last.text.endswith("."):
        last.text = last.text[:-1]  # the full stop _note_end added
        if not last.text:
            inlines.pop()
    return inlines


def _items(inlines: list[Inline]):
    for node in inlines:
        if isinstance(node, Citation):
            yield from node.items
        elif hasattr(node, "children") and not isinstance(node, Note):
            yield from _items(node.children)
