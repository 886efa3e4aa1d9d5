"""Section and paragraph numbers as a Word multilevel list, so that Word renumbers them
when a lawyer inserts or deletes a paragraph.

The numbering pass has already given every numbered heading ("4") and paragraph
("4.13") its number; this module never numbers anything. It finds the blocks a list can
number (level-1 headings and paragraphs at the top of the body), checks that Word's
count of a two-level list ("%1", "%1.%2", level 2 restarting after each level 1) gives
exactly the pass's numbers, and only then adds the list definition to numbering.xml.
When the count would differ anywhere (a paragraph numbered before the first section, a
number a list cannot make), every number stays typed text, as before: the DOCX must
never show a number the PDF does not.
"""

from __future__ import annotations

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from toolkit.model.document import Document, Heading, Paragraph, walk_blocks

LIST_NAME = "Covenant numbered paragraphs"
LEVEL_TEXT = ("%1", "%1.%2")  # level 0: sections, level 1: their paragraphs


def list_levels(document: Document) -> dict[int, int]:
    """id(block) -> list level for every numbered block, or {} when a Word list would not
    reproduce the pass's numbers exactly (the writer then types them)."""
    top = {id(block) for block in document.blocks}
    levels: dict[int, int] = {}
    section = paragraph = 0
    for block in walk_blocks(document.blocks):
        number = getattr(block, "number", None)
        if not number:
            continue
        if id(block) not in top:
            return {}  # a number inside a list or quote: Word would not count it
        if isinstance(block, Heading) and block.level == 1:
            section, paragraph = section + 1, 0
            expected, level = str(section), 0
        elif isinstance(block, Paragraph) and section:
            paragraph += 1
            expected, level = f"{section}.{paragraph}", 1
        else:
            return {}
        if number != expected:
            return {}
        levels[id(block)] = level
    return levels


def add_list(doc, indents: tuple) -> int:
    """Add the two-level list to the document's numbering part; return its numId.
    `indents`: the `w:ind` of the heading and paragraph styles (or None), copied into the
    levels so that the number hangs in the margin column as the typed one did."""
    numbering = doc.part.numbering_part.element
    abstract_ids = [int(a.get(qn("w:abstractNumId")))
                    for a in numbering.findall(qn("w:abstractNum"))]
    abstract_id = max([-1, *abstract_ids]) + 1
    levels = []
    for level, (text, indent) in enumerate(zip(LEVEL_TEXT, indents, strict=True)):
        ppr = f"<w:pPr>{_ind_xml(indent)}</w:pPr>" if indent is not None else ""
        levels.append(f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/>'
                      f'<w:numFmt w:val="decimal"/><w:suff w:val="tab"/>'
                      f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>{ppr}</w:lvl>')
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        f'<w:multiLevelType w:val="multilevel"/><w:name w:val="{LIST_NAME}"/>'
        + "".join(levels) + "</w:abstractNum>")
    # the schema wants every abstractNum before the first num
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    return numbering.add_num(abstract_id).numId


def _ind_xml(indent) -> str:
    attrs = " ".join(f'w:{name}="{indent.get(qn(f"w:{name}"))}"'
                     for name in ("left", "start", "hanging", "firstLine")
                     if indent.get(qn(f"w:{name}")) is not None)
    return f"<w:ind {attrs}/>"


def style_indent(doc, style_id: str | None):
    """The `w:ind` a paragraph style sets itself, or None."""
    if style_id is None:
        return None
    style = doc.styles.element.get_by_id(style_id)
    ppr = style.pPr if style is not None else None
    return ppr.find(qn("w:ind")) if ppr is not None else None


# CT_PPrBase: the children that come before w:numPr, in order.
_BEFORE_NUMPR = {qn(f"w:{name}") for name in ("pStyle", "keepNext", "keepLines",
                                              "pageBreakBefore", "framePr", "widowControl")}


def number_paragraph(ppr, num_id: int, level: int) -> None:
    """`w:numPr` in its schema place: after `w:pStyle`, `w:keepNext` and the others the
    schema puts before it (or first)."""
    num_pr = parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/>'
                       f'<w:numId w:val="{num_id}"/></w:numPr>')
    before = [child for child in ppr if child.tag in _BEFORE_NUMPR]
    if before:
        before[-1].addnext(num_pr)
    else:
        ppr.insert(0, num_pr)
