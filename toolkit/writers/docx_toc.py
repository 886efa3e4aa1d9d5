"""The table of contents of a DOCX: a Word TOC field whose cached result already lists
the headings, where the frame asks for one with a paragraph whose whole text is
`{{ toc }}` (the fairness report's and the briefing's frames do).

Each entry is the heading's number and text, linked to its bookmark, and a PAGEREF
field for its page. Only Word can paginate a Word document, so the cached page numbers
are left empty and settings.xml asks Word to update fields when the file is opened
(`w:updateFields`): Word then fills them in (after asking), and every later update
keeps them right. LibreOffice shows the entries without page numbers until Tools >
Update > Update All.

Size: one field of many paragraphs; kept apart from the body's blocks.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from toolkit.model.i18n import word
from toolkit.writers.docx_fields import add_field
from toolkit.writers.docx_package import add_setting

TOC_MARKER = "COVENANT-TOC-MARKER"
LEVELS = 2  # headings of levels 1 and 2, as the PDF's outline shows them


@dataclass
class Entry:
    level: int
    number: str | None
    text: str
    bookmark: str


def toc_paragraph(doc):
    """The frame's `{{ toc }}` paragraph (docxtpl has put TOC_MARKER there), or None."""
    for p in doc.element.body.iter(qn("w:p")):
        if "".join(t.text or "" for t in p.iter(qn("w:t"))).strip() == TOC_MARKER:
            return p
    return None


def fill_toc(doc, marker, entries: list[Entry], language: str, styles, make_run) -> None:
    """Replace `marker` with a heading and the TOC field, its entries cached; a page
    break ends it. `styles(level)`: the paragraph style id of an entry (or None);
    `make_run(parent, text)`: a plain run."""
    heading = OxmlElement("w:p")
    style = styles(0)
    if style:
        _style(heading, style)
    make_run(heading, word(language, "contents"))
    marker.addprevious(heading)
    paragraphs = []
    for entry in entries or [Entry(1, None, "", "")]:
        p = OxmlElement("w:p")
        style = styles(entry.level)
        if style:
            _style(p, style)
        marker.addprevious(p)
        paragraphs.append((p, entry))
    first, last = paragraphs[0][0], paragraphs[-1][0]
    _field_start(first, f'TOC \\o "1-{LEVELS}" \\h \\z \\u', make_run)
    for p, entry in paragraphs:
        if not entry.bookmark:
            continue
        link = OxmlElement("w:hyperlink")
        link.set(qn("w:anchor"), entry.bookmark)
        link.set(qn("w:history"), "1")
        p.append(link)
        label = f"{entry.number}\t{entry.text}" if entry.number else entry.text
        make_run(link, f"{label}\t")
        add_field(link, f"PAGEREF {entry.bookmark} \\h", "", make_run)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    make_run(last, "").append(end)
    br = OxmlElement("w:br")
    br.set(qn("w:type"), "page")
    make_run(last, "").append(br)
    marker.getparent().remove(marker)
    _update_fields_on_open(doc)


def _style(p, style_id: str) -> None:
    ppr = OxmlElement("w:pPr")
    pstyle = OxmlElement("w:pStyle")
    pstyle.set(qn("w:val"), style_id)
    ppr.append(pstyle)
    p.append(ppr)


def _field_start(p, instruction: str, make_run) -> None:
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    make_run(p, "").append(begin)
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    make_run(p, "").append(code)
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    make_run(p, "").append(separate)


def _update_fields_on_open(doc) -> None:
    add_setting(doc, "w:updateFields", "true")
