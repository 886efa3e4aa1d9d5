"""The `word/footnotes.xml` part, which python-docx has no API for (see PITFALLS.md).

`Footnotes(document_part)` finds the frame's footnotes part or creates one through
python-docx's OPC layer, makes sure it holds the separator notes that `settings.xml`
names (ids -1 and 0 by default), and hands out one `<w:footnote>` paragraph per note.
Notes the frame already holds are kept; ours are numbered after them (`offset`).
"""

from __future__ import annotations

import re

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.oxml import serialize_part_xml
from docx.opc.packuri import PackURI
from docx.opc.part import Part, XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from lxml import etree

_EMPTY = f"<w:footnotes {nsdecls('w', 'r')}/>"
_SEPARATOR = (
    f'<w:footnote {nsdecls("w")} w:type="{{kind}}" w:id="{{id}}"><w:p><w:pPr>'
    '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    "<w:r><w:{kind}/></w:r></w:p></w:footnote>"
)


_SUB = etree.SubElement
W_R, W_T, W_TAB, W_BR, W_P = (qn(t) for t in ("w:r", "w:t", "w:tab", "w:br", "w:p"))
W_RPR, W_PPR, W_RSTYLE, W_PSTYLE, W_VAL = (qn(t) for t in ("w:rPr", "w:pPr", "w:rStyle",
                                                           "w:pStyle", "w:val"))
W_FOOTNOTE, W_FOOTNOTE_REF, W_ID = qn("w:footnote"), qn("w:footnoteRef"), qn("w:id")
XML_SPACE = qn("xml:space")
_CONTROLS = re.compile(r"([\t\r\n])")


def append_text(run, text: str) -> None:
    """Append `text` to a `w:r` as python-docx's `run.text = text` does: `w:t` elements
    (space-preserving when the text has white space at either end), a `w:tab` for each
    tab and a `w:br` for each carriage return or line feed."""
    for piece in _CONTROLS.split(text) if _CONTROLS.search(text) else (text,):
        if piece == "\t":
            _SUB(run, W_TAB)
        elif piece in ("\r", "\n"):
            _SUB(run, W_BR)
        elif piece:
            t = _SUB(run, W_T)
            t.text = piece
            if len(piece.strip()) < len(piece):
                t.set(XML_SPACE, "preserve")


class Footnotes:
    def __init__(self, document_part: Part, styles: dict[str, str | None]) -> None:
        """`styles`: the style ids for "text" and "reference" (None: not in the frame)."""
        self.styles = styles
        self.part: Part | None = None
        for rel in document_part.rels.values():
            if rel.reltype == RT.FOOTNOTES and not rel.is_external:
                self.part = rel.target_part
                break
        if self.part is None:
            self.root = parse_xml(_EMPTY)
            self.part = XmlPart(_free_partname(document_part), CT.WML_FOOTNOTES, self.root,
                                document_part.package)
            document_part.relate_to(self.part, RT.FOOTNOTES)
        elif isinstance(self.part, XmlPart):
            self.root = self.part.element
        else:
            self.root = parse_xml(self.part.blob)
        self._ensure_separators(_separator_ids(document_part))
        ids = [int(note.get(qn("w:id"))) for note in self.root.findall(qn("w:footnote"))]
        self.offset = max([0, *ids])

    def _ensure_separators(self, ids: list[str]) -> None:
        present = {note.get(qn("w:id")) for note in self.root.findall(qn("w:footnote"))}
        for kind, note_id in zip(("separator", "continuationSeparator"), ids, strict=False):
            if note_id not in present:
                self.root.insert(0 if kind == "separator" else 1,
                                 parse_xml(_SEPARATOR.format(kind=kind, id=note_id)))

    def add(self, note_id: int):
        """A new footnote: returns its paragraph, already holding the note's own mark and a
        space, for the caller to fill with the note's inlines."""
        note = _SUB(self.root, W_FOOTNOTE, {W_ID: str(note_id)})
        paragraph = _SUB(note, W_P)
        if self.styles.get("text"):
            _SUB(_SUB(paragraph, W_PPR), W_PSTYLE, {W_VAL: self.styles["text"]})
        mark = _SUB(paragraph, W_R)
        reference_style(mark, self.styles.get("reference"))
        _SUB(mark, W_FOOTNOTE_REF)
        append_text(_SUB(paragraph, W_R), " ")
        return paragraph

    def finish(self) -> None:
        """Write the tree back when the frame's part was loaded as plain bytes."""
        if not isinstance(self.part, XmlPart):
            self.part._blob = serialize_part_xml(self.root)


def reference_style(run, style_id: str | None) -> None:
    """Give a `w:r` the footnote-reference look: the frame's style, else superscript."""
    if style_id and len(run) == 0:  # a new run: the quick way, same XML
        _SUB(_SUB(run, W_RPR), W_RSTYLE, {W_VAL: style_id})
        return
    rpr = run.get_or_add_rPr()
    if style_id:
        rpr.style = style_id
    else:
        rpr.superscript = True


def _separator_ids(document_part: Part) -> list[str]:
    """The separator ids `settings.xml` names (Word complains when footnotes.xml lacks
    them, pandoc #2032); Word's own -1 and 0 when it names none."""
    for rel in document_part.rels.values():
        if rel.reltype == RT.SETTINGS:
            settings = rel.target_part.element
            names = settings.findall(f"{qn('w:footnotePr')}/{qn('w:footnote')}")
            ids = [name.get(qn("w:id")) for name in names]
            if ids:
                return ids
    return ["-1", "0"]


def _free_partname(document_part: Part) -> PackURI:
    taken = {str(part.partname) for part in document_part.package.iter_parts()}
    if "/word/footnotes.xml" not in taken:
        return PackURI("/word/footnotes.xml")
    return document_part.package.next_partname("/word/footnotes%d.xml")
