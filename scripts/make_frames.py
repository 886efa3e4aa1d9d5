"""Generate the editor-owned Word frames: templates/<kind>/frame.docx.

    python scripts/make_frames.py                      # templates/memo/frame.docx
    python scripts/make_frames.py memo communication fairness-report briefing

The frame is python-docx's default template, adjusted: A4, 2.5 cm margins, DejaVu Serif
(Latin, Cyrillic and Kazakh letters) everywhere, dark headings, the styles the DOCX writer
uses (toolkit/writers/docx.py), a header with a TITLE field, a "Page N of M" footer (its
words are placeholders, `{{ page_label }}` and `{{ of_label }}`, for documents in other
languages), and a cover of docxtpl placeholders ending in the `{{ body }}` paragraph the
writer replaces.
The fairness report's cover adds `{{ court }}`, `{{ monitored }}` and the grade, large
(`{{ grade }}`, `{{ grade_name }}`). The fairness report's and the briefing's frames have a
`{{ toc }}` paragraph after the cover, where the writer puts a table of contents, and
"TOC 1"/"TOC 2" styles for its entries.

Editors may restyle the result in Word; regenerating overwrites their changes. Output is
byte-identical from run to run (fixed timestamps, fixed zip order).
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Mm, Pt, RGBColor

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from toolkit.writers.docx_package import repack_zip  # noqa: E402

KINDS = ("memo", "communication", "fairness-report", "briefing")
WITH_CONTENTS = ("fairness-report", "briefing")  # long documents: a table of contents
FRAME_TIME = datetime(2025, 1, 1, tzinfo=UTC)  # fixed: regenerating gives the same bytes
SERIF = "DejaVu Serif"
MONO = "DejaVu Sans Mono"
INK = RGBColor(0x1A, 0x1A, 0x1A)  # headings and title: dark, not Word's accent blue
GREY = RGBColor(0x4D, 0x4D, 0x4D)
HANG = Cm(1.5)  # the margin column that holds paragraph and heading numbers
THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
# What follows <w:pBdr> in a paragraph's properties (the schema fixes the order).
PPR_AFTER_BORDERS = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
                     "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN",
                     "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
                     "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
                     "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
                     "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
                     "w:pPrChange")
STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"


def build_frame(kind: str = "memo") -> bytes:
    doc = Document()
    _drop_extras(doc)
    _page(doc)
    _fonts(doc)
    _styles(doc)
    _settings(doc)
    _header_footer(doc)
    _cover(doc, kind)
    _properties(doc)
    buffer = BytesIO()
    doc.save(buffer)
    return repack_zip(buffer.getvalue(), FRAME_TIME)


def _drop_extras(doc) -> None:
    """The template's thumbnail (a picture of someone else's page) and Word 2010's
    stylesWithEffects copy, which would disagree with the styles we change."""
    package = doc.part.package
    for rId, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package.rels.pop(rId)
    for rId, rel in list(doc.part.rels.items()):
        if rel.reltype == STYLES_WITH_EFFECTS:
            doc.part.drop_rel(rId)
    settings = doc.settings.element
    for element in settings.findall(qn("w:savePreviewPicture")):
        settings.remove(element)


def _page(doc) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
        setattr(section, side, Cm(2.5))
    section.header_distance = section.footer_distance = Cm(1.25)


def _set_fonts(rpr, name: str) -> None:
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in THEME_ATTRS:
        rfonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), name)


def _fonts(doc) -> None:
    """DejaVu Serif everywhere (Kazakh ә, ғ, қ, ң, ө, ұ, ү, һ, і included): no style keeps
    a theme font (Calibri, Cambria: absent where drafts are built and checked, so they
    would be substituted), and the theme itself names DejaVu Serif."""
    styles = doc.styles.element
    for rfonts in list(styles.iter(qn("w:rFonts"))):
        for attr in THEME_ATTRS:
            rfonts.attrib.pop(qn(attr), None)
        if not rfonts.attrib:
            rfonts.getparent().remove(rfonts)
    defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(defaults, SERIF)
    defaults.find(qn("w:lang")).set(qn("w:val"), "en-GB")
    for rel in doc.part.rels.values():
        if rel.reltype == RT.THEME:
            theme = rel.target_part
            blob = theme.blob
            for face in (b"Calibri", b"Cambria"):
                blob = blob.replace(b'typeface="%s"' % face, b'typeface="%s"' % SERIF.encode())
            theme._blob = blob
    # Accent colours in paragraph and character styles become ink (tables keep theirs).
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:type")) not in ("paragraph", "character"):
            continue
        for color in style.iter(qn("w:color")):
            if color.get(qn("w:themeColor")) not in (None, "text1"):
                for attr in ("w:themeColor", "w:themeShade", "w:themeTint"):
                    color.attrib.pop(qn(attr), None)
                color.set(qn("w:val"), str(INK))
    for borders in styles.iter(qn("w:pBdr")):
        for border in borders:
            for attr in ("w:themeColor", "w:themeShade", "w:themeTint"):
                border.attrib.pop(qn(attr), None)
            border.set(qn("w:color"), str(INK))


def _paragraph_style(doc, name: str, *, builtin: bool = False):
    try:
        return doc.styles[name]
    except KeyError:
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH, builtin=builtin)
        style.base_style = doc.styles["Normal"]
        return style


def _character_style(doc, name: str, *, builtin: bool = False):
    try:
        return doc.styles[name]
    except KeyError:
        style = doc.styles.add_style(name, WD_STYLE_TYPE.CHARACTER, builtin=builtin)
        style.base_style = doc.styles["Default Paragraph Font"]
        return style


def _styles(doc) -> None:
    normal = doc.styles["Normal"]
    normal.font.name = SERIF
    _set_fonts(normal.element.get_or_add_rPr(), SERIF)
    normal.font.size = Pt(11)
    fmt = normal.paragraph_format
    fmt.line_spacing = 1.15
    fmt.space_before, fmt.space_after = Pt(0), Pt(6)
    fmt.widow_control = True

    for level, size, before, italic in ((1, 14, 18, False), (2, 12, 12, False),
                                        (3, 11, 10, True)):
        heading = doc.styles[f"Heading {level}"]
        heading.font.size = Pt(size)
        heading.font.bold = True
        heading.font.italic = italic
        heading.font.color.rgb = INK
        hfmt = heading.paragraph_format
        hfmt.space_before, hfmt.space_after = Pt(before), Pt(6)
        hfmt.left_indent, hfmt.first_line_indent = HANG, -HANG
        hfmt.tab_stops.add_tab_stop(HANG)
        hfmt.keep_with_next = True
        char = doc.styles[f"Heading {level} Char"]
        char.font.size, char.font.bold, char.font.color.rgb = Pt(size), True, INK

    title = doc.styles["Title"]
    title.font.size, title.font.color.rgb = Pt(24), INK
    tfmt = title.paragraph_format
    tfmt.space_before, tfmt.space_after = Pt(96), Pt(12)
    doc.styles["Title Char"].font.size = Pt(24)
    doc.styles["Title Char"].font.color.rgb = INK

    subtitle = doc.styles["Subtitle"]
    ppr = subtitle.element.pPr
    if ppr is not None and ppr.numPr is not None:  # the template's stray <w:numPr>
        ppr.remove(ppr.numPr)
    subtitle.font.size, subtitle.font.italic, subtitle.font.color.rgb = Pt(14), False, GREY
    subtitle.paragraph_format.space_after = Pt(36)
    doc.styles["Subtitle Char"].font.color.rgb = GREY
    doc.styles["Subtitle Char"].font.italic = False

    numbered = _paragraph_style(doc, "Numbered Paragraph")
    nfmt = numbered.paragraph_format
    nfmt.left_indent, nfmt.first_line_indent = HANG, -HANG
    nfmt.tab_stops.add_tab_stop(HANG)
    numbered.quick_style = True

    quote = _paragraph_style(doc, "Block Quote")
    qfmt = quote.paragraph_format
    qfmt.left_indent, qfmt.right_indent = HANG, Cm(1)
    qfmt.line_spacing = 1.0
    quote.font.size = Pt(10)
    quote.quick_style = True

    note = _paragraph_style(doc, "Footnote Text", builtin=True)
    note.font.size = Pt(9)
    note_fmt = note.paragraph_format
    note_fmt.line_spacing, note_fmt.space_before, note_fmt.space_after = 1.0, Pt(0), Pt(0)

    reference = _character_style(doc, "Footnote Reference", builtin=True)
    reference.font.superscript = True

    for level, indent in ((1, Cm(0)), (2, Cm(0.75))):  # table-of-contents entries
        toc = _paragraph_style(doc, f"TOC {level}", builtin=True)
        toc.element.name_val = f"toc {level}"  # Word's own name of the built-in style
        tocfmt = toc.paragraph_format
        tocfmt.left_indent, tocfmt.space_after = indent, Pt(2)
        tocfmt.tab_stops.add_tab_stop(indent + HANG)
        tocfmt.tab_stops.add_tab_stop(Cm(16), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)

    link = _character_style(doc, "Hyperlink", builtin=True)
    link.font.color.rgb = RGBColor(0x1F, 0x3A, 0x5F)
    link.font.underline = True

    code = _character_style(doc, "Code")
    code.font.name = MONO
    _set_fonts(code.element.get_or_add_rPr(), MONO)
    code.font.size = Pt(9.5)

    for name in ("Header", "Footer"):
        hf = doc.styles[name]
        hf.font.size, hf.font.color.rgb = Pt(9), GREY
        hf.paragraph_format.space_after = Pt(0)
        tabs = hf.element.pPr.find(qn("w:tabs")) if hf.element.pPr is not None else None
        if tabs is not None:  # Letter-size tab stops; A4 text is 16 cm wide
            tabs.getparent().remove(tabs)
        hf.paragraph_format.tab_stops.add_tab_stop(Cm(8))
        hf.paragraph_format.tab_stops.add_tab_stop(Cm(16))


def _settings(doc) -> None:
    """Name the separator notes (ids -1 and 0) the writer always puts in footnotes.xml,
    as Word itself does; they must exist there, or Word calls the footnotes corrupt."""
    settings = doc.settings.element
    if settings.find(qn("w:footnotePr")) is None:
        footnote_pr = parse_xml(f'<w:footnotePr {nsdecls("w")}><w:footnote w:id="-1"/>'
                                '<w:footnote w:id="0"/></w:footnotePr>')
        settings.find(qn("w:compat")).addprevious(footnote_pr)


def _field(paragraph, instruction: str, shown: str) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), f" {instruction} \\* MERGEFORMAT ")
    run = OxmlElement("w:r")
    run.text = shown
    field.append(run)
    paragraph._p.append(field)


def _header_footer(doc) -> None:
    section = doc.sections[0]
    section.different_first_page_header_footer = True  # the cover has neither
    for part in (section.first_page_header, section.first_page_footer):
        part.is_linked_to_previous = False
    # The title at the left and the confidentiality marking at the right margin of every
    # page after the cover, as the PDF's @top-left and @top-right have them (the cover
    # shows the marking in its text, in both formats): two cells of a borderless table,
    # so that a long title wraps in its own column instead of pushing the marking down.
    header_part = section.header
    table = header_part.add_table(1, 2, Cm(16))
    table.autofit = False
    for cell, width in zip(table.rows[0].cells, (Cm(10.5), Cm(5.5)), strict=True):
        cell.width = width
    for column, width in zip(table._tbl.tblGrid.iterchildren(), (Cm(10.5), Cm(5.5)),
                             strict=True):
        column.w = width
    # no cell padding: the title starts at the margin, the marking ends at it
    table._tbl.tblPr.find(qn("w:tblLook")).addprevious(parse_xml(
        f'<w:tblCellMar {nsdecls("w")}><w:left w:w="0" w:type="dxa"/>'
        '<w:right w:w="0" w:type="dxa"/></w:tblCellMar>'))
    title, marking = (cell.paragraphs[0] for cell in table.rows[0].cells)
    title.style = marking.style = doc.styles["Header"]
    _field(title, "TITLE", "Title")
    marking.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    marking.add_run("{{ confidentiality }}")
    empty = header_part.paragraphs[0]  # Word wants a paragraph after a table: a small one
    empty.style = doc.styles["Header"]
    empty.paragraph_format.line_spacing = Pt(2)
    table._tbl.addnext(empty._p)
    footer = section.footer.paragraphs[0]
    footer.style = doc.styles["Footer"]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    # The words come from the document's cover (page_label, of_label: "стр." and "из" in
    # Russian); without them the footer reads "Page N of M".
    footer.add_run('{{ page_label or "Page" }} ')
    _field(footer, "PAGE", "1")
    footer.add_run(' {{ of_label or "of" }} ')
    _field(footer, "NUMPAGES", "1")


def _cover(doc, kind: str = "memo") -> None:
    """Every placeholder is alone in one run, so docxtpl sees the tag whole."""
    doc.add_paragraph("{{ title }}", style="Title")
    doc.add_paragraph("{{ subtitle }}", style="Subtitle")
    case = doc.add_paragraph().add_run("{{ case_title }}")
    case.bold, case.font.size = True, Pt(13)
    if kind == "fairness-report":
        _grade_cover(doc)
    doc.add_paragraph("{{ date }}")
    secret = doc.add_paragraph()
    secret.paragraph_format.space_before = Pt(24)
    secret.add_run("{{ confidentiality }}").font.small_caps = True
    # The page break ends the cover's last paragraph: a paragraph of its own would leave
    # an empty line at the top of the first body page (LibreOffice, Word before 2013).
    secret.add_run().add_break(WD_BREAK.PAGE)
    if kind in WITH_CONTENTS:  # the writer puts a TOC field here, its entries filled in
        doc.add_paragraph("{{ toc }}")
    doc.add_paragraph("{{ body }}")


def _grade_cover(doc) -> None:
    """The fairness report's cover: the court, the dates monitored and the grade, large,
    in a ruled box."""
    doc.add_paragraph("{{ court }}")
    doc.add_paragraph("{{ monitored }}")
    label = doc.add_paragraph()
    label.paragraph_format.space_before = Pt(30)
    label.paragraph_format.space_after = Pt(0)
    label.paragraph_format.keep_with_next = True
    word = label.add_run('{{ grade_label or "Grade" }}')
    word.font.small_caps, word.font.size, word.font.color.rgb = True, Pt(12), GREY
    grade = doc.add_paragraph()
    grade.paragraph_format.space_before = grade.paragraph_format.space_after = Pt(0)
    grade.paragraph_format.line_spacing = 1.0
    grade.paragraph_format.keep_with_next = True
    letter = grade.add_run("{{ grade }}")
    letter.bold, letter.font.size, letter.font.color.rgb = True, Pt(80), INK
    name = doc.add_paragraph()
    name.paragraph_format.space_after = Pt(30)
    name.add_run("{{ grade_name }}").font.size = Pt(13)
    for paragraph in (label, grade, name):  # one box around the three (same borders)
        paragraph.paragraph_format.left_indent = Cm(0.3)
        paragraph.paragraph_format.right_indent = Cm(7)
        borders = parse_xml(
            f'<w:pBdr {nsdecls("w")}>'
            + "".join(f'<w:{side} w:val="single" w:sz="12" w:space="6" w:color="{INK}"/>'
                      for side in ("top", "left", "bottom", "right"))
            + "</w:pBdr>")
        paragraph._p.get_or_add_pPr().insert_element_before(borders, *PPR_AFTER_BORDERS)


def _properties(doc) -> None:
    props = doc.core_properties
    props.title = props.subject = props.author = props.comments = ""
    props.last_modified_by = props.keywords = props.category = ""
    props.language = "en-GB"
    props.created = props.modified = FRAME_TIME
    props.revision = 1


def main(argv: list[str]) -> int:
    kinds = argv or ["memo"]
    unknown = [kind for kind in kinds if kind not in KINDS]
    if unknown:
        print(f"unknown kind(s): {', '.join(unknown)}; known: {', '.join(KINDS)}",
              file=sys.stderr)
        return 2
    for kind in kinds:
        data = build_frame(kind)
        target = REPO / "templates" / kind / "frame.docx"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        print(f"wrote {target.relative_to(REPO)} ({len(data):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
