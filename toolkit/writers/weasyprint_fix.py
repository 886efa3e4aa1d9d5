"""A fix for WeasyPrint 70.0 dropping footnote bodies at page bottoms (PITFALLS).

The cause, found by instrumenting layout/block.py (`_linebox_layout`): when a line
overflows the page and orphans/widows forbid breaking before it, WeasyPrint moves the
page's last footnotes to the next page to make room, and when the line then fits it adds
the line to the page and stops, skipping the code that lays out the footnotes called
in that line. Those notes stay in the waiting list for ever: the call is printed, the
body appears on no page (4 of 1,000 notes in a 131-page test document).

The fix wraps `_linebox_layout`: after it, any footnote called in a line that was put on
the page but never laid out is laid out now, or moved to the next page exactly as
WeasyPrint does when a note does not fit (the body then follows its call on the next
page). Applied only to the version it was written against; write_pdf's count of placed
notes stays the safety net for every version.

Size: one version-guarded fix, kept apart so that it is dropped in one step."""

from __future__ import annotations

FIXED_VERSIONS = ("70.0",)


def apply() -> bool:
    """Patch WeasyPrint's line layout once; False when this version is not known."""
    import weasyprint
    from weasyprint.layout import block

    if weasyprint.__version__ not in FIXED_VERSIONS:
        return False
    if getattr(block._linebox_layout, "covenant_fix", False):
        return True
    original = block._linebox_layout

    def linebox_layout(context, box, index, child, new_children, page_is_empty,
                       absolute_boxes, fixed_boxes, adjoining_margins, bottom_space,
                       *args, **kwargs):
        placed = len(new_children)
        result = original(context, box, index, child, new_children, page_is_empty,
                          absolute_boxes, fixed_boxes, adjoining_margins, bottom_space,
                          *args, **kwargs)
        abort, _stop, _resume_at, position_y, new_footnotes, _max_lines = result
        if not abort and context.footnotes:
            place_stranded_footnotes(
                context, new_children[placed:], bottom_space, position_y, new_footnotes)
        return result

    linebox_layout.covenant_fix = True
    linebox_layout.original = original
    block._linebox_layout = linebox_layout
    return True


def place_stranded_footnotes(context, lines, bottom_space, position_y, new_footnotes):
    """Lay out (or report to the next page) notes called in `lines` but still waiting."""
    for line in lines:
        for box in line.descendants():
            footnote = getattr(box, "footnote", None)
            if footnote is None or footnote not in context.footnotes:
                continue
            overflow = context.layout_footnote(footnote)
            new_footnotes.append(footnote)
            # as WeasyPrint does for a line's notes: an earlier note already moved to
            # the next page, or no room left on this one, moves this note too
            if (overflow or context.reported_footnotes
                    or context.overflows_page(bottom_space, position_y)):
                context.report_footnote(footnote)
