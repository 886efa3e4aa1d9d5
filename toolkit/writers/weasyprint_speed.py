"""Two speed-ups for WeasyPrint 70.0 (with pydyf 0.13.0), each a cost that grew with
the square of a document's size (issue 17; py-spy on one document of 10,000 notes).

1. Its waiting list of footnotes answers `in` at once. WeasyPrint keeps every footnote
not yet placed in `LayoutContext.footnotes`, a list that starts with all the document's
notes. For every line it lays out it asks, for each box of the line,
`descendant.footnote in context.footnotes` (layout/block.py, `_linebox_layout`); most
boxes have no footnote, so `None in ...` scans the whole list. The cost per line grows
with the notes still waiting, and a document's cost with the square of its notes:
10,000 notes took 475 s, a third of it in that one line. Here the list also counts its
members by identity (boxes compare by identity: WeasyPrint defines no `__eq__` on
them), so the test takes constant time and every list operation behaves as before.

2. The page references of the tag tree are made once. Every structure element of a
tagged PDF (ours are all tagged) asks for `pdf.page_references[page]`, a pydyf
property that builds the tuple of every page's reference each time: elements × pages.
They are now kept until a page is added.

Applied only to the versions they were checked against, like weasyprint_fix.py; the
PDFs are the same bytes with and without them.

Size: two version-guarded speed-ups, kept apart so that they are dropped in one step."""

from __future__ import annotations

from collections import Counter

CHECKED_VERSIONS = ("70.0",)
CHECKED_PYDYF = ("0.13.0",)


class WaitingFootnotes(list):
    """A list that knows how often it holds each object, so `x in list` is O(1)."""

    def __init__(self, items=()) -> None:
        super().__init__(items)
        self._held = Counter(map(id, self))

    def _recount(self) -> None:
        self._held = Counter(map(id, self))

    def __contains__(self, item) -> bool:
        return self._held.get(id(item), 0) > 0

    def append(self, item) -> None:
        super().append(item)
        self._held[id(item)] += 1

    def insert(self, index, item) -> None:
        super().insert(index, item)
        self._held[id(item)] += 1

    def extend(self, items) -> None:
        super().extend(items)
        self._recount()

    def __iadd__(self, items):
        super().__iadd__(items)
        self._recount()
        return self

    def remove(self, item) -> None:
        index = self.index(item)
        gone = self[index]
        super().__delitem__(index)
        self._held[id(gone)] -= 1

    def pop(self, index=-1):
        item = super().pop(index)
        self._held[id(item)] -= 1
        return item

    def clear(self) -> None:
        super().clear()
        self._held.clear()

    def __setitem__(self, index, value) -> None:
        super().__setitem__(index, value)
        self._recount()

    def __delitem__(self, index) -> None:
        super().__delitem__(index)
        self._recount()


def apply() -> bool:
    """Both speed-ups, once; False when these versions are not known (WeasyPrint then
    runs as it is)."""
    import pydyf
    import weasyprint
    from weasyprint.layout import LayoutContext

    if weasyprint.__version__ not in CHECKED_VERSIONS or \
            pydyf.__version__ not in CHECKED_PYDYF:
        return False
    if isinstance(LayoutContext.__dict__.get("footnotes"), property):
        return True
    _keep_page_references(pydyf.PDF)

    def get(context):
        return context.__dict__["footnotes"]

    def set_(context, value):
        # WeasyPrint assigns a fresh list at the start and a copy at each repagination
        context.__dict__["footnotes"] = (
            value if isinstance(value, WaitingFootnotes) else WaitingFootnotes(value))

    LayoutContext.footnotes = property(get, set_)
    return True


def _keep_page_references(pdf_class) -> None:
    original = pdf_class.page_references.fget

    def page_references(pdf):
        kids = pdf.pages["Kids"]
        key = (id(kids), len(kids))  # pydyf only ever extends Kids, in add_page
        kept = pdf.__dict__.get("_covenant_page_references")
        if kept is None or kept[0] != key:
            kept = pdf.__dict__["_covenant_page_references"] = (key, original(pdf))
        return kept[1]

    page_references.original = original
    pdf_class.page_references = property(page_references)
