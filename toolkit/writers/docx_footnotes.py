"""The `word/footnotes.xml` part, which python-docx has no API for (see PITFALLS.md).

`Footnotes(document_part)` finds the frame's footnotes part or creates one through
python-docx's OPC layer, makes sure it holds the separator notes that `settings.xml`
names (ids -1 and 0 by default), and hands out one `<w:footnote>` paragraph per note.
Notes the frame already holds are kept; ours are numbered after them (`offset`).
"""

from __future__ import annotations

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.oxml import serialize_part_xml
from docx.opc.packuri import PackURI
from docx.opc.part import Part, XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

_EMPTY = f"<w:footnotes {nsdecls('w', 'r')}/>"
_SEPARATOR = (
    f'<w:footnote {nsdecls("w")} w:type="{{kind}}" w:id="{{id}}"><w:p><w:pPr>'
    '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    "<w:r><w:{kind}/></w:r></w:p></w:footnote>"
)


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
        note = OxmlElement("w:footnote")
        note.set(qn("w:id"), str(note_id))
        paragraph = OxmlElement("w:p")
        if self.styles.get("text"):
            paragraph.get_or_add_pPr().style = self.styles["text"]
        mark = OxmlElement("w:r")
        reference_style(mark, self.styles.get("reference"))
        mark.append(OxmlElement("w:footnoteRef"))
        space = OxmlElement("w:r")
        space.text = " "
        paragraph.extend([mark, space])
        note.append(paragraph)
        self.root.append(note)
        return paragraph

    def finish(self) -> None:
        """Write the tree back when the frame's part was loaded as plain bytes."""
        if not isinstance(self.part, XmlPart):
            self.part._blob = serialize_part_xml(self.root)


def reference_style(run, style_id: str | None) -> None:
    """Give a `w:r` the footnote-reference look: the frame's style, else superscript."""
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
