"""The one wrapper around citeproc-py: format one citation item at a position we choose.

citeproc-py derives positions (first, subsequent, ibid) from the order of its `cite()`
calls and knows no note numbers (PITFALLS.md). We decide each position ourselves from the
footnotes and hand citeproc a history that yields exactly that position; it then renders
the style. Each distinct (source, position, locator, prefix, suffix, first note) is
formatted once and cached, which is most of the cost of a long document; a pinpoint or
note number that is a plain number is formatted as a stand-in and put in afterwards, so
"para 12" and "para 31" of one source cost one rendering; and with a persistent cache
(toolkit/passes/citation_cache.py) renderings are kept between builds.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from pathlib import Path

from toolkit.model.citation_syntax import CitationItem
from toolkit.passes import citeproc_patches
from toolkit.passes.citation_language import (
    KEEPS_ITS_STOP,
    adapt_fragment,
    adapt_item,
    article_pinpoint,
    in_language,
    punctuate,
    rules_for,
    year_alone,
)
from toolkit.passes.citation_order import citation_rules
from toolkit.passes.style_lookup import StyleError, find_style

__all__ = ["CiteprocEngine", "Request", "StyleError", "resolve_style", "to_request"]

# Our locator labels that CSL 1.0.1 knows as terms; others are printed by us as a suffix.
CSL_LOCATORS = {"paragraph", "page", "section", "chapter", "note", "volume", "line"}
OUR_LABELS = {"article": ("art", "arts"), "annex": ("annex", "annexes"), "rule": ("r", "rr")}
# The same labels in other languages, by the language of the locale ("ru-RU" -> "ru").
OUR_LABELS_BY_LANGUAGE = {
    "ru": {"article": ("ст.", "ст."), "annex": ("прил.", "прил."),
           "rule": ("правило", "правила")},
    "fr": {"article": ("art.", "art."), "annex": ("annexe", "annexes"),
           "rule": ("art.", "art.")},  # the Committee's rules of procedure have "articles"
    "es": {"article": ("art.", "arts."), "annex": ("anexo", "anexos"),
           "rule": ("art.", "arts.")},
}

POSITIONS = ("first", "subsequent", "ibid", "ibid-with-locator")


def resolve_style(name_or_path: str, templates: Path | None) -> Path:
    """A note style by path or name (toolkit/passes/style_lookup.py: renamed and
    dependent styles, did-you-mean, in-text styles refused)."""
    return find_style(name_or_path, templates)[0]


@dataclass(frozen=True)
class Request:
    key: str
    position: str
    locator_label: str | None
    locator: str | None
    prefix: str
    suffix: str
    first_note: int  # note number of the first full citation, for "(n 12)"
    ambiguous: bool = False  # another source, same author, same first note (disambiguate)
    names_suppressed: bool = False  # the cite before names the same (citation_order.py)


# Stand-ins formatted in place of a plain-number pinpoint and of the "(n 12)" note number,
# then replaced by the real number: one rendering serves every paragraph of a source and
# every note number (a pinpoint "para 12" and "para 31" differ only in those digits).
LOCATOR_SENTINEL = "90817"
NOTE_SENTINEL = "70913"
_NUMBER_FORM = r'<number\b[^>]*\bvariable="[^"]*\b{}\b'
# The "(n 12)" number, marked so that the citations pass can tell it from other digits
# (it becomes a NumberText, a NOTEREF field in Word); its text is the number alone.
NOTE_NUMBER = '<span class="note-number">{}</span>'


@dataclass(frozen=True)
class _Core:
    """What citeproc-py is asked to format: a request without what we print ourselves."""

    key: str
    position: str
    label: str | None  # a CSL locator term, or None
    locator: str | None
    prefix: str
    first_note: int
    ambiguous: bool = False
    names_suppressed: bool = False


class CiteprocEngine:
    """Formats citation items in one style; returns citeproc's HTML fragment.

    Each distinct (source, position, pinpoint, prefix) is formatted once; a pinpoint that
    is a plain number and the "(n 12)" number are formatted as stand-ins and put in
    afterwards (unless the style formats them as numbers, e.g. ordinals), so one rendering
    serves all of them. With a `cache` (toolkit.passes.citation_cache), renderings are also kept
    between builds. citeproc-py itself is loaded only when something must be formatted."""

    def __init__(self, style_path: Path, items: dict[str, dict], locale: str | None = None,
                 cache=None):
        self.style_path = Path(style_path)
        self.locale = locale
        language = (locale or "en").split("-")[0].lower()
        self.labels = {**OUR_LABELS, **OUR_LABELS_BY_LANGUAGE.get(language, {})}
        text = self.style_path.read_text(encoding="utf-8")
        self.house = 'id="covenant-' in text[:4000] or "<id>covenant-" in text[:4000]
        self.citation_rules = citation_rules(text)
        self.csl_locators = CSL_LOCATORS
        # the house style's rules for the document's language (citation_language.py)
        self.rules = rules_for(locale) if self.house else None
        self.items = {key.lower(): self._prepared(key, item) for key, item in items.items()}
        self.stand_in_locator = not re.search(_NUMBER_FORM.format("locator"), text)
        self.stand_in_note = not re.search(
            _NUMBER_FORM.format("first-reference-note-number"), text)
        self.cache = cache
        self._cache: dict[Request, str] = {}
        self._rendered: dict[_Core, str] = {}
        self._digests: dict[str, str] = {}
        self._orders: dict[tuple[str, ...], list[int]] = {}
        self._citeproc = None
        self.renders = 0  # calls into citeproc-py
        self.cited = set(self.items)  # the keys this document cites (for disambiguation)

    def _prepared(self, key: str, item: dict) -> dict:
        """What citeproc-py is given: never `annote` (the library's internal remarks), and
        for the house style the entry as its language rules want it."""
        entry = item
        item = in_language({k: v for k, v in item.items() if k != "annote"}, self.locale)
        if self.rules is not None:
            item = adapt_item(item, self.rules, entry)
        return dict(item, id=key.lower())

    def format(self, request: Request) -> str:
        cached = self._cache.get(request)
        if cached is None:
            cached = self._cache[request] = self._format(request)
        return cached

    def _format(self, request: Request) -> str:
        label, extra = request.locator_label, ""
        position = request.position
        csl_label = locator = None
        if request.locator and label in CSL_LOCATORS:
            csl_label, locator = label, request.locator
        elif request.locator:
            # A pinpoint CSL has no term for (art, annex): we print it, citeproc sees none,
            # so "ibid with another article" is citeproc's plain ibid plus our suffix.
            position = "ibid" if position == "ibid-with-locator" else position
            single, plural = self.labels.get(label or "", (label or "", label or ""))
            word = plural if re.search(r"[-–,&]|\band\b", request.locator) else single
            written = article_pinpoint(request.locator, self.rules) \
                if self.rules is not None and label == "article" else None
            extra = f" {written}" if written else \
                f" {word} {request.locator}".rstrip() if self.house else \
                f", {word} {request.locator}"
            if self.house and request.position == "ibid":
                extra = ""  # the same article again: OSCOLA's plain "ibid" (the house
                # style has ibid; a style without it needs the article, so keeps it)
        suffix = extra + (f", {request.suffix}" if request.suffix else "")
        first_note = request.first_note
        if self.rules is not None and not self.rules.cross_reference:
            first_note = 0  # GOST: a repeated citation without the note's number
        core = _Core(request.key.lower(), position, csl_label, locator, request.prefix,
                     first_note, request.ambiguous, request.names_suppressed)
        # in the house style an abbreviation's stop stays before a suffix of ours ("Ibid.
        # art. 19"); a published style's "Ibid." may be its layout's closing stop instead
        html = _append_suffix(self._with_stand_ins(core), suffix,
                              KEEPS_ITS_STOP if self.house else ())
        if self.rules is not None:
            ending = locator if request.position == "first" and not suffix else None
            html = punctuate(year_alone(html, self.rules), self.rules, ending)
            if request.position != "first":
                html = adapt_fragment(html, self.rules)
        return html

    def _with_stand_ins(self, core: _Core) -> str:
        stand_ins = {}
        if self.stand_in_locator and core.locator and core.locator.isdigit():
            stand_ins[LOCATOR_SENTINEL] = core.locator
        if self.stand_in_note and core.first_note:
            stand_ins[NOTE_SENTINEL] = str(core.first_note)
        if not stand_ins:
            return self._core(core)
        general = _Core(core.key, core.position, core.label,
                        LOCATOR_SENTINEL if LOCATOR_SENTINEL in stand_ins else core.locator,
                        core.prefix, int(NOTE_SENTINEL) if NOTE_SENTINEL in stand_ins
                        else core.first_note, core.ambiguous, core.names_suppressed)
        html = self._core(general)
        # once: put it in; never: this form does not print it (ibid, a style without
        # "(n 12)"), so it cannot change the text; twice: ambiguous, format it as is
        if all(html.count(sentinel) <= 1 for sentinel in stand_ins):
            for sentinel, value in stand_ins.items():
                html = html.replace(sentinel, NOTE_NUMBER.format(value)
                                    if sentinel == NOTE_SENTINEL else value)
            return html
        return self._core(core)  # the style did something else with it: format it as is

    def _core(self, core: _Core) -> str:
        found = self._rendered.get(core)
        if found is not None:
            return found
        key = None
        if self.cache is not None and core.key in self.items:
            digest = self._digests.get(core.key)
            if digest is None:
                from toolkit.passes.citation_cache import entry_digest

                digest = self._digests[core.key] = entry_digest(self.items[core.key])
            key = "\x1f".join([digest, core.position, core.label or "", core.locator or "",
                               core.prefix, str(core.first_note),
                               "a" if core.ambiguous else "",
                               "s" if core.names_suppressed else ""])
            found = self.cache.get(key)
        if found is None:
            found = self._render(core)
            if key is not None:
                self.cache.put(key, found)
        self._rendered[core] = found
        return found

    def _load(self):
        if self._citeproc is None:
            _memoize_style_lookups()
            citeproc_patches.apply()
            from citeproc import CitationStylesBibliography, CitationStylesStyle, formatter
            from citeproc.source.json import CiteProcJSON

            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                style = CitationStylesStyle(str(self.style_path), locale=self.locale,
                                            validate=False)
                source = CiteProcJSON(list(self.items.values()))
            self._citeproc = (style, source,
                              CitationStylesBibliography(style, source, formatter.html))
        return self._citeproc

    def _render(self, core: _Core) -> str:
        from citeproc import Citation, Locator
        from citeproc import CitationItem as CpItem

        style, source, bibliography = self._load()
        self.renders += 1
        args = {}
        if core.locator and core.label:
            args["locator"] = Locator(core.label, core.locator)
        if core.prefix:
            args["prefix"] = core.prefix + " "
        item = CpItem(core.key, **args)
        citation = Citation([item])
        bibliography.register(citation)
        reference = source[core.key]
        if core.first_note:
            reference["first_reference_note_number"] = str(core.first_note)
        else:  # no "(n 0)": the group that prints it is left out
            reference.pop("first_reference_note_number", None)
        reference[citeproc_patches.AMBIGUOUS] = core.ambiguous
        reference[citeproc_patches.NAMES_SUPPRESSED] = core.names_suppressed
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            history = self._history(core.position, item)
            html = style.render_citation(citation, history, lambda _: None)
        return str(html)

    def citation_order(self, keys: list[str]) -> list[int]:
        """The indices of `keys` in the order the style's `<citation><sort>` puts them,
        by citeproc-py's own sort keys; ties keep the written order."""
        from citeproc import Citation
        from citeproc import CitationItem as CpItem

        remembered = self._orders.get(tuple(keys))
        if remembered is not None:
            return remembered
        style, _, bibliography = self._load()
        items = [CpItem(key.lower()) for key in keys]
        bibliography.register(Citation(items))
        element = style.root.citation
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ordered = element.sort.sort(items, element.layout)
        place = {id(item): index for index, item in enumerate(items)}
        found = self._orders[tuple(keys)] = [place[id(item)] for item in ordered]
        return found

    def _history(self, position: str, item) -> list:
        """Earlier cites that make citeproc compute `position` for `item`."""
        from citeproc import Citation, Locator
        from citeproc import CitationItem as CpItem

        if position == "first":
            return []
        same_args = {}
        if position == "ibid" and "locator" in item:
            same_args["locator"] = item["locator"]
        elif position == "ibid-with-locator":
            same_args["locator"] = Locator("page", "\u2063")  # differs from any real one
        same = CpItem(item.key, **same_args)
        Citation([same])
        if position in ("ibid", "ibid-with-locator"):
            return [same]
        other = CpItem("\u2063-none")
        Citation([other])
        return [same, other]

    def save(self) -> None:
        """Keep this build's new renderings for the next build (with a cache)."""
        if self.cache is not None:
            self.cache.save()


# citeproc-py versions whose style lookups _memoize_style_lookups was checked against.
MEMOIZED_VERSIONS = ("0.11.1",)
MEMO_LIMIT = 2_000  # lookups remembered at most (one style makes about 100)


def _memoize_style_lookups() -> bool:
    """Remember citeproc-py's XPath lookups in the style and locale trees.

    A third of citeproc-py's time goes to `xpath_search`, which looks up the same macros,
    terms and ancestors (cs:macro[@name=...], cs:term[...], ancestor::cs:layout) in trees
    that do not change while formatting: the only change citeproc-py makes to a style,
    adding a missing cs:name to a cs:names, alters no lookup it makes. The key holds the
    element itself, so its identity is stable. Applied only to the versions checked;
    benchmarks/compare_pandoc.py gives the same notes, to the character, with and
    without it."""
    from importlib.metadata import version

    from citeproc import model

    if version("citeproc-py") not in MEMOIZED_VERSIONS:
        return False
    base = model.CitationStylesElement
    if getattr(base.xpath_search, "covenant_memo", False):
        return True
    original = base.xpath_search
    found: dict = {}

    def xpath_search(self, expression):
        key = (self, expression)
        result = found.get(key)
        if result is None:
            if len(found) >= MEMO_LIMIT:  # each document parses its style anew: forget
                found.clear()             # old trees rather than keep them alive
            result = found[key] = original(self, expression)
        return list(result)  # callers may not change what is remembered

    xpath_search.covenant_memo = True
    base.xpath_search = xpath_search
    return True


def _append_suffix(html: str, suffix: str, abbreviations: tuple[str, ...] = ()) -> str:
    if not suffix:
        return html
    from html import escape

    stripped = html.rstrip()
    if abbreviations and stripped.endswith(abbreviations):
        return stripped + escape(suffix, quote=False)  # "Ibid. art. 19", not "Ibid art. 19."
    end = "." if stripped.endswith(".") and not stripped.endswith("..") else ""
    body = stripped[:-1] if end else stripped
    return body + escape(suffix, quote=False) + end


def to_request(item: CitationItem, position: str, first_note: int,
               ambiguous: bool = False, names_suppressed: bool = False) -> Request:
    """The note of the first citation goes with every later position: a style without
    ibid prints "(n 12)" where we decided "ibid" (oscola-no-ibid printed "(n 0)")."""
    return Request(item.key, position, item.locator_label, item.locator, item.prefix,
                   item.suffix, first_note if position != "first" else 0, ambiguous,
                   names_suppressed)
