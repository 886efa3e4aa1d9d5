"""The DOCX writer: the finished document poured into the editor-owned frame.docx.

Only the cover goes through Jinja (docxtpl, sandboxed, autoescaped); body and footnotes
are added afterwards with python-docx, so claim text is never read as a template or as
markup: a `{{ 7*7 }}` or a `<b>` in a claim appears in the draft exactly as typed.

Footnotes are real Word footnotes (docx_footnotes.py). Numbers stay right when the draft
is edited in Word: sections and numbered paragraphs are a Word list (docx_numbering.py),
cross-references REF fields and "(n 12)" NOTEREF fields whose cached results are the
passes' numbers (docx_fields.py), and a frame's `{{ toc }}` becomes a TOC field
(docx_toc.py); fonts are declared and, where licensed, embedded (docx_fonts.py); see
docs/word-and-pdf.md. With SOURCE_DATE_EPOCH set, the
same document gives byte-identical output (docx_package.py: fixed dates, zip entries and
order). Styles are looked up by name in the frame, with fallbacks, so an editor's frame
that lacks one degrades to Normal rather than failing.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
from pathlib import Path

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_UNDERLINE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu
from lxml import etree

from toolkit.model.document import (
    BlockQuote,
    Code,
    Document,
    Emph,
    Heading,
    LineBreak,
    Link,
    ListBlock,
    NoteRef,
    NumberText,
    PageBreak,
    Paragraph,
    Strong,
    Table,
    Text,
    UnknownNode,
    kept_with_next,
    plain_text,
)
from toolkit.model.errors import CovenantError
from toolkit.writers.docx_cover import BODY_MARKER, body_marker, render_cover
from toolkit.writers.docx_fields import (
    add_field,
    note_bookmark,
    noteref_instruction,
    paragraph_bookmark,
    ref_instruction,
)
from toolkit.writers.docx_fonts import embed_fonts
from toolkit.writers.docx_footnotes import Footnotes, append_text, reference_style
from toolkit.writers.docx_numbering import (
    add_list,
    list_levels,
    number_paragraph,
    style_indent,
)
from toolkit.writers.docx_package import (
    build_time,
    fill_title_fields,
    read_frame,
    repack_zip,
    set_properties,
    xml_safe,
)
from toolkit.writers.docx_toc import LEVELS as TOC_LEVELS
from toolkit.writers.docx_toc import Entry, fill_toc, toc_paragraph

LINK_SCHEMES = ("http://", "https://", "mailto:", "ftp://")
MONO = "DejaVu Sans Mono"
# Runs and paragraphs are made with lxml directly (the same XML python-docx's setters
# make): python-docx's `run.text =` and `rPr.style =` cost most of a long document's
# DOCX time (a finite-state machine per character, a search for the insertion point per
# property).
_SUB = etree.SubElement
W_R, W_RPR, W_PPR, W_RSTYLE, W_PSTYLE = (qn(t) for t in ("w:r", "w:rPr", "w:pPr", "w:rStyle",
                                                           "w:pStyle"))
W_RFONTS, W_B, W_I, W_U, W_VAL = (qn(t) for t in ("w:rFonts", "w:b", "w:i", "w:u", "w:val"))
W_ASCII, W_HANSI = qn("w:ascii"), qn("w:hAnsi")
__all__ = ["BODY_MARKER", "repack_zip", "write_docx", "xml_safe"]


def write_docx(document: Document, frame_dir: Path) -> bytes:
    frame = Path(frame_dir) / "frame.docx"
    if not os.path.lexists(frame):
        raise CovenantError(f"{frame}: no Word frame here (make one with "
                            f"`python scripts/make_frames.py {document.kind}`)")
    template = render_cover(frame, document, read_frame(frame, Path(frame_dir).parent))
    doc = template.docx
    marker = body_marker(doc, frame)
    body = _BodyWriter(doc, marker, document)
    notes = Footnotes(doc.part, {"text": body.style("paragraph", "Footnote Text"),
                                 "reference": body.style("character", "Footnote Reference")})
    body.note_offset = notes.offset
    body.blocks(document.blocks)
    _check_note_calls(body.calls, document)
    for note in document.notes:
        paragraph = notes.add(note.number + notes.offset)
        body.inlines(paragraph, note.children, notes.part, in_note=True)
    notes.finish()
    if body.toc_marker is not None:
        fill_toc(doc, body.toc_marker, body.toc, document.language, body.toc_style,
                 lambda p, t: body._run(p, t, set()))
    body.remove_marker()
    fill_title_fields(doc, xml_safe(document.title))
    when = build_time()
    set_properties(doc, document, when)
    fonts = embed_fonts(doc)
    buffer = io.BytesIO()
    template.save(buffer)
    return repack_zip(buffer.getvalue(), when, fonts)


# ---------------------------------------------------------------- the body (python-docx)


class _BodyWriter:
    def __init__(self, doc, marker, document: Document) -> None:
        self.doc = doc
        self.marker = marker
        self.calls: list[int] = []
        self.note_offset = 0
        self._styles = {(s.type, s.name.lower()): s.style_id for s in doc.styles
                        if s.name is not None}
        starts = doc.element.body.iter(qn("w:bookmarkStart"))
        self._bookmark_id = max([0, *(int(b.get(qn("w:id"), 0)) for b in starts)])
        self._unnamed = 0  # bookmarks of numbered paragraphs that have no anchor
        # Numbers as a Word list (docx_numbering.py) when it reproduces them exactly;
        # then cross-references to them can be REF fields, else they stay links.
        self.levels = list_levels(document)
        self.keep_with_next = kept_with_next(document.blocks)
        self.num_id = add_list(doc, (
            style_indent(doc, self.style("paragraph", "Heading 1")),
            style_indent(doc, self.style("paragraph", "Numbered Paragraph")),
        )) if self.levels else None
        self.listed_anchors = {b.anchor for b in document.blocks
                               if id(b) in self.levels and b.anchor}
        self.note_numbers = {note.number for note in document.notes}
        self.toc_marker = toc_paragraph(doc)  # the frame asks for a table of contents
        self.toc: list[Entry] = []

    def style(self, kind: str, *names: str) -> str | None:
        """The id of the first of `names` that the frame defines (kind: paragraph,
        character, table), or None: the writer then falls back to Normal."""
        wanted = getattr(WD_STYLE_TYPE, kind.upper())
        for name in names:
            style_id = self._styles.get((wanted, name.lower()))
            if style_id:
                return style_id
        return None

    # ------------------------------------------------------------ blocks

    def _paragraph(self, style_id: str | None):
        p = OxmlElement("w:p")
        if style_id:
            _SUB(_SUB(p, W_PPR), W_PSTYLE, {W_VAL: style_id})
        self.marker.addprevious(p)
        return p

    def blocks(self, blocks, quote: bool = False) -> None:
        for block in blocks:
            self.block(block, quote)

    def block(self, block, quote: bool = False) -> None:
        if isinstance(block, Heading):
            level = min(max(block.level, 1), 9)
            listed = self.levels.get(id(block))
            fallback = None
            if self.toc_marker is not None and level <= TOC_LEVELS:
                fallback = self._toc_bookmark(block, listed)
            self.text_block(self._paragraph(self.style("paragraph", f"Heading {level}")),
                             block.children, block.number, block.anchor, listed, fallback)
        elif isinstance(block, Paragraph):
            names = ([block.style] if block.style else []) + (
                ["Block Quote", "Quote"] if quote else
                ["Numbered Paragraph"] if block.number else [])
            p = self._paragraph(self.style("paragraph", *names))
            if id(block) in self.keep_with_next:
                ppr = p.find(W_PPR)
                _SUB(ppr if ppr is not None else _SUB(p, W_PPR), qn("w:keepNext"))
            self.text_block(p, block.children, block.number, block.anchor,
                            self.levels.get(id(block)))
        elif isinstance(block, ListBlock):
            self.list(block, 1, quote)
        elif isinstance(block, BlockQuote):
            self.blocks(block.children, quote=True)
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, PageBreak):
            self._run(self._paragraph(None), "", set()).append(_page_break())
        else:
            raise UnknownNode(block, "docx")

    def text_block(self, p, inlines, number: str | None, anchor: str | None,
                   level: int | None = None, bookmark: str | None = None) -> None:
        """`level`: the block's level in the Word list, which then shows its number (and
        the block carries a bookmark, for REF fields); None: the number is typed.
        `bookmark`: a name for the block's bookmark when it has no anchor."""
        if level is not None:
            number_paragraph(p.find(W_PPR) if p.find(W_PPR) is not None
                             else p.get_or_add_pPr(), self.num_id, level)
            if not anchor:
                self._unnamed += 1
                bookmark = paragraph_bookmark(self._unnamed)
        bookmark_id = self._bookmark_start(p, anchor, bookmark)
        if number and level is None:
            self._run(p, f"{number}\t", set())
        self.inlines(p, inlines, self.doc.part)
        if bookmark_id is not None:
            self._bookmark_end(p, bookmark_id)

    def _bookmark_start(self, p, anchor: str | None, name: str | None = None) -> str | None:
        if not anchor and not name:
            return None
        self._bookmark_id += 1
        start = OxmlElement("w:bookmarkStart")
        start.set(qn("w:id"), str(self._bookmark_id))
        start.set(qn("w:name"), bookmark_name(anchor) if anchor else name)
        p.append(start)
        return str(self._bookmark_id)

    def _toc_bookmark(self, block: Heading, listed: int | None) -> str | None:
        """Record the heading's table-of-contents entry; return the bookmark name it
        needs when it has no anchor (a listed one gets the next _Num name)."""
        if block.anchor:
            name, fallback = bookmark_name(block.anchor), None
        elif listed is not None:
            name, fallback = paragraph_bookmark(self._unnamed + 1), None
        else:
            name = fallback = f"_Toc{len(self.toc) + 1}"
        self.toc.append(Entry(block.level, block.number, plain_text(block.children), name))
        return fallback

    def toc_style(self, level: int) -> str | None:
        """The frame's style for the contents' heading (0) or an entry of `level`."""
        if level == 0:
            return self.style("paragraph", "TOC Heading", "Heading 1")
        return self.style("paragraph", f"TOC {level}", f"toc {level}")

    def _bookmark_end(self, parent, bookmark_id: str) -> None:
        end = OxmlElement("w:bookmarkEnd")
        end.set(qn("w:id"), bookmark_id)
        parent.append(end)

    def list(self, block: ListBlock, level: int, quote: bool) -> None:
        kind = "Number" if block.ordered else "Bullet"
        names = [f"List {kind} {n}" if n > 1 else f"List {kind}" for n in range(level, 0, -1)]
        style_id = self.style("paragraph", *names, "List Paragraph")
        num_id = self._restart(style_id, block.start) if block.ordered else None
        cont = [f"List Continue {n}" if n > 1 else "List Continue" for n in range(level, 0, -1)]
        continue_id = self.style("paragraph", *cont)
        for item in block.items:
            marked = False
            for child in item:
                if not marked:  # the item's mark goes on its first paragraph
                    p = self._paragraph(style_id)
                    if num_id is not None:
                        _number(p, num_id)
                    marked = True
                    if isinstance(child, Paragraph):
                        self.text_block(p, child.children, child.number, child.anchor)
                        continue
                if isinstance(child, Paragraph):
                    self.text_block(self._paragraph(continue_id), child.children,
                                    child.number, child.anchor)
                elif isinstance(child, ListBlock):
                    self.list(child, level + 1, quote)
                else:
                    self.block(child, quote)
            if not marked:
                self._paragraph(style_id)

    def _restart(self, style_id: str | None, start: int) -> int | None:
        """A fresh numbering instance for an ordered list, so that each list starts at
        its own `start` instead of continuing the previous list's count."""
        if style_id is None:
            return None
        style = self.doc.styles.element.get_by_id(style_id)
        ppr = style.pPr if style is not None else None
        num_pr = ppr.numPr if ppr is not None else None
        if num_pr is None or num_pr.numId is None:
            return None
        numbering = self.doc.part.numbering_part.element
        try:
            abstract = numbering.num_having_numId(num_pr.numId.val).abstractNumId.val
        except KeyError:
            return None
        num = numbering.add_num(abstract)
        num.add_lvlOverride(ilvl=0).add_startOverride(start)
        return num.numId

    def table(self, block: Table) -> None:
        rows = ([block.header] if block.header else []) + list(block.rows)
        columns = max((len(row) for row in rows), default=0)
        if not columns:
            return
        table = self.doc.add_table(rows=len(rows), cols=columns)
        table_style = self.style("table", "Table Grid")
        if table_style:
            table._tbl.tblPr.style = table_style
        self.marker.addprevious(table._tbl)
        if block.widths and len(block.widths) == columns and sum(block.widths) > 0:
            total = self.doc._block_width
            for index, column in enumerate(table.columns):
                width = Emu(int(total * block.widths[index] / sum(block.widths)))
                column.width = width
                for cell in column.cells:
                    cell.width = width
        # Row by row: python-docx's table.cell(r, c) rebuilds the whole grid on every
        # call, which made a table of 135 rows cost seconds (quadratic in the cells).
        for r, (table_row, row) in enumerate(zip(table.rows, rows, strict=True)):
            header = bool(block.header) and r == 0
            row_pr = table_row._tr.get_or_add_trPr()
            row_pr.append(OxmlElement("w:cantSplit"))  # a row stays on one page
            if header:  # and the header row repeats on every page the table spans
                row_pr.append(OxmlElement("w:tblHeader"))
            cells = table_row.cells
            for c, cell_inlines in enumerate(row):
                p = cells[c].paragraphs[0]._p
                self.inlines(p, cell_inlines, self.doc.part, fmt={"b"} if header else set())

    def remove_marker(self) -> None:
        marker = self.marker
        previous, following = marker.getprevious(), marker.getnext()
        ppr = marker.pPr
        if ppr is not None and ppr.sectPr is not None:  # it ends a section: keep it, empty
            for child in list(marker):
                if child is not ppr:
                    marker.remove(child)
            return
        # Word wants a paragraph between a table and the end of the document
        if previous is not None and previous.tag == qn("w:tbl") and (
                following is None or following.tag == qn("w:sectPr")):
            marker.addprevious(OxmlElement("w:p"))
        marker.getparent().remove(marker)

    # ------------------------------------------------------------ inlines

    def inlines(self, parent, nodes, part, fmt: set[str] | None = None,
                in_note: bool = False) -> None:
        fmt = fmt or set()
        for node in nodes:
            if isinstance(node, NumberText) and self._is_note_number(node):
                add_field(parent, noteref_instruction(note_bookmark(node.note)), node.text,
                          lambda p, t: self._run(p, t, fmt))
            elif isinstance(node, Text):
                self._run(parent, node.text, fmt)
            elif isinstance(node, Emph):
                self.inlines(parent, node.children, part, fmt | {"i"}, in_note)
            elif isinstance(node, Strong):
                self.inlines(parent, node.children, part, fmt | {"b"}, in_note)
            elif isinstance(node, Code):
                self._run(parent, node.text, fmt | {"code"})
            elif isinstance(node, Link):
                self.link(parent, node, part, fmt, in_note)
            elif isinstance(node, LineBreak):
                self._run(parent, "", fmt).append(OxmlElement("w:br"))
            elif isinstance(node, NoteRef):
                if in_note:
                    raise CovenantError(f"footnote calls footnote {node.note.number}: Word "
                                        "has no notes inside notes")
                # the call in a bookmark: what a NOTEREF field ("(n 12)") points at
                bookmark_id = self._bookmark_start(parent, None,
                                                   note_bookmark(node.note.number))
                run = OxmlElement("w:r")
                reference_style(run, self.style("character", "Footnote Reference"))
                call = OxmlElement("w:footnoteReference")
                call.set(qn("w:id"), str(node.note.number + self.note_offset))
                run.append(call)
                parent.append(run)
                self._bookmark_end(parent, bookmark_id)
                self.calls.append(node.note.number)
            else:
                raise UnknownNode(node, "docx")

    def link(self, parent, node: Link, part, fmt: set[str], in_note: bool) -> None:
        url = xml_safe(node.url).strip()
        if parent.tag == qn("w:hyperlink") or not (
                url.startswith("#") or url.lower().startswith(LINK_SCHEMES)):
            # no links inside links, and no javascript:, file: or data: targets
            self.inlines(parent, node.children, part, fmt, in_note)
            return
        if url.startswith("#") and url[1:] in self.listed_anchors:
            self.cross_reference(parent, node, url[1:], part, fmt, in_note)
            return
        hyperlink = OxmlElement("w:hyperlink")
        if url.startswith("#"):
            hyperlink.set(qn("w:anchor"), bookmark_name(url[1:]))
        else:
            hyperlink.set(qn("r:id"), part.relate_to(url, RT.HYPERLINK, is_external=True))
        hyperlink.set(qn("w:history"), "1")
        parent.append(hyperlink)
        self.inlines(hyperlink, node.children, part, fmt | {"link"}, in_note)

    def cross_reference(self, parent, node: Link, anchor: str, part, fmt: set[str],
                        in_note: bool) -> None:
        """"para 4.13" as the word and a REF field whose cached result is the number:
        Word's \\h makes it a link, as the hyperlink was (and the PDF's link is)."""
        for child in node.children:
            if isinstance(child, NumberText) and child.anchor == anchor:
                add_field(parent, ref_instruction(bookmark_name(anchor)), child.text,
                          lambda p, t: self._run(p, t, fmt))
            else:
                self.inlines(parent, [child], part, fmt, in_note)

    def _is_note_number(self, node: NumberText) -> bool:
        """A "(n 12)" number the body calls, still exactly the number's digits (a note's
        closing full stop may have been added to the same text)."""
        return node.note in self.note_numbers and node.text == str(node.note)

    def _run(self, parent, text: str, fmt: set[str]):
        run = _SUB(parent, W_R)
        if fmt:
            rpr = _SUB(run, W_RPR)
            style = fonts = None
            underline = False
            if "code" in fmt:
                style = self.style("character", "Code", "Verbatim Char", "HTML Code")
                fonts = None if style else MONO
            elif "link" in fmt:
                style = self.style("character", "Hyperlink")
                underline = style is None
            # the order CT_RPr requires: rStyle, rFonts, b, i, u
            if style:
                _SUB(rpr, W_RSTYLE, {W_VAL: style})
            if fonts:
                _SUB(rpr, W_RFONTS, {W_ASCII: fonts, W_HANSI: fonts})
            if "b" in fmt:
                _SUB(rpr, W_B)
            if "i" in fmt:
                _SUB(rpr, W_I)
            if underline:
                _SUB(rpr, W_U, {W_VAL: WD_UNDERLINE.SINGLE.xml_value})  # "single"
        if text:
            append_text(run, xml_safe(text))
        return run


def _number(p, num_id: int) -> None:
    num_pr = p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = num_id


def _page_break():
    br = OxmlElement("w:br")
    br.set(qn("w:type"), "page")
    return br


def bookmark_name(anchor: str) -> str:
    """A Word bookmark name for an anchor: at most 40 characters, letters, digits and
    underscores; a leading underscore hides it from Word's bookmark list."""
    safe = re.sub(r"[^A-Za-z0-9_]", "_", anchor)
    if safe != anchor or len(safe) > 39:
        digest = hashlib.sha1(anchor.encode("utf-8")).hexdigest()[:8]
        safe = f"{safe[:30]}_{digest}"
    return f"_{safe}"


def _check_note_calls(calls: list[int], document: Document) -> None:
    """Every note called exactly once, in order: Word shows no footnote that is never
    called, and a call to a missing note makes the file corrupt."""
    numbers = [note.number for note in document.notes]
    if calls != numbers:
        missing = sorted(set(numbers) - set(calls))
        unknown = sorted(set(calls) - set(numbers))
        twice = sorted({n for n in calls if calls.count(n) > 1})
        raise CovenantError(
            "footnote calls and notes disagree: "
            f"notes never called {missing}, calls without a note {unknown}, "
            f"notes called twice {twice}, calls in order {calls[:20]}")
