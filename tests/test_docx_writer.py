"""The DOCX writer and its frame: real footnotes, styles, literal claim text, determinism.

The package is read back with zipfile and lxml, never python-docx, so the tests see what
Word and LibreOffice see."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import zipfile
from io import BytesIO
from pathlib import Path

import pytest
from lxml import etree

from tests.docx_reading import fields, list_numbers
from toolkit.model.document import (
    BlockQuote,
    Citation,
    Code,
    Document,
    Emph,
    Heading,
    LineBreak,
    Link,
    ListBlock,
    Note,
    NoteRef,
    NumberText,
    PageBreak,
    Paragraph,
    Strong,
    Table,
    Text,
    UnknownNode,
)
from toolkit.model.errors import CovenantError
from toolkit.writers.docx import BODY_MARKER, bookmark_name, write_docx

REPO = Path(__file__).resolve().parent.parent
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"w": W, "r": R}
HOSTILE = "{{ 7*7 }} {% raw %} {# x #} <script>alert(1)</script> <b>x</b> & 'q' \"q\""


def _load_make_frames():
    spec = importlib.util.spec_from_file_location("make_frames", REPO / "scripts/make_frames.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def make_frames():
    return _load_make_frames()


@pytest.fixture(scope="session")
def frame_dir(tmp_path_factory, make_frames) -> Path:
    """A frame freshly built by scripts/make_frames.py (editors may restyle the one in
    templates/; these tests check the writer, not their taste)."""
    folder = tmp_path_factory.mktemp("frame")
    (folder / "frame.docx").write_bytes(make_frames.build_frame())
    return folder


class Notes:
    """Numbered notes in call order, as the passes leave them."""

    def __init__(self) -> None:
        self.notes: list[Note] = []

    def call(self, *children) -> NoteRef:
        note = Note(len(self.notes) + 1, list(children))
        self.notes.append(note)
        return NoteRef(note)


def make_document(blocks, notes: Notes | None = None, **fields) -> Document:
    fields.setdefault("cover", {"title": "Communication", "case_title": "A v State"})
    return Document(kind="memo", title=fields.pop("title", "Abishev v Kazakhstan"),
                    blocks=blocks, notes=notes.notes if notes else [], **fields)


def xml(data: bytes, name: str):
    with zipfile.ZipFile(BytesIO(data)) as package:
        return etree.fromstring(package.read(name))


def text(element) -> str:
    return "".join(element.xpath(".//w:t/text()", namespaces=NS))


def body_paragraphs(data: bytes):
    return xml(data, "word/document.xml").xpath("/w:document/w:body/w:p", namespaces=NS)


def real_footnotes(data: bytes):
    return xml(data, "word/footnotes.xml").xpath(
        "/w:footnotes/w:footnote[not(@w:type)]", namespaces=NS)


@pytest.fixture
def three_notes() -> Document:
    notes = Notes()
    blocks = [
        Heading(1, [Text("Facts")], number="1"),
        Paragraph([Text("The author was arrested."),
                   notes.call(Text("See "), Emph([Text("Smith v Kazakhstan")]),
                              Text(", CCPR/C/120/D/2000/2015, para 8.3."))],
                  numbered=True, number="1.1"),
        Paragraph([Text("He was held incommunicado"),
                   notes.call(Text("Police record of 3 March 2021.")),
                   Text(" for five days."), notes.call(Emph([Text("Ibid.")]))],
                  numbered=True, number="1.2"),
    ]
    return make_document(blocks, notes)


# ---------------------------------------------------------------- footnotes


def test_footnotes_part_is_a_real_part_with_separators_and_one_footnote_per_note(
        three_notes, frame_dir):
    data = write_docx(three_notes, frame_dir)
    with zipfile.ZipFile(BytesIO(data)) as package:
        types = package.read("[Content_Types].xml").decode()
        rels = package.read("word/_rels/document.xml.rels").decode()
    assert ('PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.wordprocessingml.footnotes+xml"') in types
    assert re.search(r'Type="[^"]+/relationships/footnotes" Target="footnotes.xml"', rels)
    notes = xml(data, "word/footnotes.xml").xpath("/w:footnotes/w:footnote", namespaces=NS)
    kinds = {n.get(f"{{{W}}}id"): n.get(f"{{{W}}}type") for n in notes}
    assert kinds == {"-1": "separator", "0": "continuationSeparator",
                     "1": None, "2": None, "3": None}


def test_body_calls_each_footnote_once_in_order_with_matching_ids(three_notes, frame_dir):
    data = write_docx(three_notes, frame_dir)
    calls = xml(data, "word/document.xml").xpath("//w:footnoteReference", namespaces=NS)
    assert [c.get(f"{{{W}}}id") for c in calls] == ["1", "2", "3"]
    for call in calls:
        style = call.getparent().xpath("w:rPr/w:rStyle/@w:val", namespaces=NS)
        assert style == ["FootnoteReference"]


def test_footnote_text_and_italics_survive_in_footnote_text_style(three_notes, frame_dir):
    first, second, third = real_footnotes(write_docx(three_notes, frame_dir))
    assert text(first).strip() == "See Smith v Kazakhstan, CCPR/C/120/D/2000/2015, para 8.3."
    assert text(second).strip() == "Police record of 3 March 2021."
    italic = first.xpath(".//w:r[w:rPr/w:i]/w:t/text()", namespaces=NS)
    assert italic == ["Smith v Kazakhstan"]
    assert third.xpath(".//w:r[w:rPr/w:i]/w:t/text()", namespaces=NS) == ["Ibid."]
    paragraph = first.find("w:p", NS)
    assert paragraph.xpath("w:pPr/w:pStyle/@w:val", namespaces=NS) == ["FootnoteText"]
    mark = paragraph.find("w:r", NS)  # the note's own number comes first
    assert mark.find("w:footnoteRef", NS) is not None
    assert mark.xpath("w:rPr/w:rStyle/@w:val", namespaces=NS) == ["FootnoteReference"]


def test_a_link_in_a_footnote_is_related_from_the_footnotes_part(frame_dir):
    notes = Notes()
    document = make_document([Paragraph([Text("x"), notes.call(
        Text("See "), Link("https://www.ohchr.org/en/treaty-bodies/ccpr", [Text("OHCHR")]))])],
        notes)
    data = write_docx(document, frame_dir)
    (note,) = real_footnotes(data)
    (link,) = note.xpath(".//w:hyperlink", namespaces=NS)
    rels = xml(data, "word/_rels/footnotes.xml.rels")
    (rel,) = rels.xpath(f"//*[@Id='{link.get(f'{{{R}}}id')}']")
    assert rel.get("Target") == "https://www.ohchr.org/en/treaty-bodies/ccpr"


def test_a_bare_frame_without_footnote_styles_still_gets_real_footnotes(three_notes,
                                                                       tmp_path):
    import docx
    frame = docx.Document()  # python-docx's template: no footnote styles, no settings
    frame.add_paragraph("{{ body }}")
    frame.save(str(tmp_path / "frame.docx"))
    data = write_docx(three_notes, tmp_path)
    assert len(real_footnotes(data)) == 3
    calls = xml(data, "word/document.xml").xpath("//w:r[w:footnoteReference]", namespaces=NS)
    assert all(c.xpath("w:rPr/w:vertAlign/@w:val", namespaces=NS) == ["superscript"]
               for c in calls)


def test_a_note_called_twice_or_never_is_refused(frame_dir):
    notes = Notes()
    call = notes.call(Text("once"))
    twice = make_document([Paragraph([Text("a"), call, Text("b"), call])], notes)
    with pytest.raises(CovenantError, match="called twice"):
        write_docx(twice, frame_dir)
    never = make_document([Paragraph([Text("a")])], notes)
    with pytest.raises(CovenantError, match="never called"):
        write_docx(never, frame_dir)


def test_a_frame_that_has_footnotes_keeps_them_and_ours_follow(three_notes, frame_dir,
                                                              tmp_path):
    import docx

    from toolkit.writers.docx_footnotes import Footnotes
    frame = docx.Document(str(frame_dir / "frame.docx"))
    part = Footnotes(frame.part, {"text": "FootnoteText"})
    run = part.add(1)
    run.append(etree.fromstring(f'<w:r xmlns:w="{W}"><w:t>editor note</w:t></w:r>'))
    part.finish()
    frame.save(str(tmp_path / "frame.docx"))
    data = write_docx(three_notes, tmp_path)
    notes = real_footnotes(data)
    assert [n.get(f"{{{W}}}id") for n in notes] == ["1", "2", "3", "4"]
    assert text(notes[0]).strip() == "editor note"
    calls = xml(data, "word/document.xml").xpath("//w:footnoteReference/@w:id",
                                                 namespaces=NS)
    assert calls == ["2", "3", "4"]
    separators = xml(data, "word/footnotes.xml").xpath("//w:footnote[@w:type]",
                                                       namespaces=NS)
    assert len(separators) == 2


# ---------------------------------------------------------------- blocks and inlines


def test_headings_use_word_heading_styles_with_number_and_tab(frame_dir):
    data = write_docx(make_document([
        Heading(1, [Text("Facts")], number="1"),
        Heading(2, [Text("Arrest")], number="1.A"),
        Heading(3, [Text("Annex")]),
    ]), frame_dir)
    headings = [p for p in body_paragraphs(data)
                if p.xpath("w:pPr/w:pStyle[starts-with(@w:val, 'Heading')]", namespaces=NS)]
    assert [h.xpath("string(w:pPr/w:pStyle/@w:val)", namespaces=NS) for h in headings] == [
        "Heading1", "Heading2", "Heading3"]
    first = headings[0].findall("w:r", NS)[0]
    assert first.find("w:t", NS).text == "1" and first.find("w:tab", NS) is not None
    assert text(headings[1]) == "1.AArrest" and text(headings[2]) == "Annex"
    styles = xml(data, "word/styles.xml")
    name = styles.xpath("//w:style[@w:styleId='Heading1']/w:name/@w:val", namespaces=NS)
    assert name == ["heading 1"]  # Word's built-in heading: navigation pane, TOC


def test_numbered_paragraphs_carry_their_number_and_a_tab(frame_dir):
    data = write_docx(make_document([
        Paragraph([Text("First.")], numbered=True, number="2.1"),
        Paragraph([Text("Unnumbered.")]),
        Paragraph([Text("Second.")], numbered=True, number="2.2"),
    ]), frame_dir)
    paragraphs = {text(p): p for p in body_paragraphs(data)}
    for number in ("2.1", "2.2"):
        p = next(p for t, p in paragraphs.items() if t.startswith(number))
        assert p.xpath("string(w:pPr/w:pStyle/@w:val)", namespaces=NS) == "NumberedParagraph"
        assert p.xpath("w:r[1]/w:t/text()", namespaces=NS) == [number]
        assert p.xpath("w:r[1]/w:tab", namespaces=NS)
    assert not paragraphs["Unnumbered."].xpath("w:pPr/w:pStyle", namespaces=NS)


def test_a_link_is_a_word_hyperlink_with_an_external_relationship(frame_dir):
    data = write_docx(make_document([Paragraph([
        Text("See "), Link("https://example.org/r?a=1&b=2", [Emph([Text("the report")])]),
        Text(" and "), Link("javascript:alert(1)", [Text("this")]),
    ])]), frame_dir)
    links = xml(data, "word/document.xml").xpath("//w:hyperlink", namespaces=NS)
    assert len(links) == 1 and text(links[0]) == "the report"
    assert links[0].xpath(".//w:rStyle/@w:val", namespaces=NS) == ["Hyperlink"]
    rid = links[0].get(f"{{{R}}}id")
    rels = xml(data, "word/_rels/document.xml.rels")
    rel = rels.xpath(f"//*[@Id='{rid}']")[0]
    assert rel.get("Target") == "https://example.org/r?a=1&b=2"
    assert rel.get("TargetMode") == "External" and rel.get("Type").endswith("/hyperlink")
    assert "this" in text(xml(data, "word/document.xml"))  # kept as text, not linked


def test_other_blocks_and_inlines_map_to_word(frame_dir):
    data = write_docx(make_document([
        ListBlock(False, [[Paragraph([Text("bullet")]),
                           ListBlock(False, [[Paragraph([Text("nested")])]])]]),
        ListBlock(True, [[Paragraph([Text("one")])], [Paragraph([Text("two")])]]),
        ListBlock(True, [[Paragraph([Text("again")])]], start=3),
        BlockQuote([Paragraph([Text("quoted "), Strong([Text("bold")])])]),
        Table([[Text("Date")], [Text("Event")]], [[[Text("3 March")], [Code("x < y")]]]),
        PageBreak(),
        Paragraph([Text("line"), LineBreak(), Text("next")]),
    ]), frame_dir)
    doc = xml(data, "word/document.xml")
    style_of = {text(p): p.xpath("string(w:pPr/w:pStyle/@w:val)", namespaces=NS)
                for p in body_paragraphs(data)}
    assert style_of["bullet"] == "ListBullet" and style_of["nested"] == "ListBullet2"
    assert style_of["one"] == style_of["again"] == "ListNumber"
    assert style_of["quoted bold"] == "BlockQuote"
    num_ids = {text(p): p.xpath("string(w:pPr/w:numPr/w:numId/@w:val)", namespaces=NS)
               for p in body_paragraphs(data)}
    assert num_ids["one"] == num_ids["two"] != num_ids["again"]  # each list restarts
    numbering = xml(data, "word/numbering.xml")
    start = numbering.xpath(f"//w:num[@w:numId='{num_ids['again']}']//w:startOverride/@w:val",
                            namespaces=NS)
    assert start == ["3"]
    table = doc.find(".//w:tbl", NS)
    assert table.xpath("string(w:tblPr/w:tblStyle/@w:val)", namespaces=NS) == "TableGrid"
    assert table.xpath("w:tr[1]/w:trPr/w:tblHeader", namespaces=NS)
    assert table.xpath("w:tr[2]/w:trPr/w:cantSplit", namespaces=NS)
    assert table.xpath("w:tr[1]//w:r[w:rPr/w:b]/w:t/text()", namespaces=NS) == [
        "Date", "Event"]
    assert table.xpath("w:tr[2]//w:r[w:rPr/w:rStyle/@w:val='Code']/w:t/text()",
                       namespaces=NS) == ["x < y"]
    assert doc.xpath("//w:br[@w:type='page']", namespaces=NS)
    assert doc.xpath("//w:p[.//w:t='line']//w:br[not(@w:type)]", namespaces=NS)


def test_claim_text_with_template_and_markup_syntax_appears_literally(frame_dir):
    notes = Notes()
    document = make_document(
        [Heading(1, [Text(HOSTILE)]),
         Paragraph([Text(HOSTILE), notes.call(Text(HOSTILE), Emph([Text(HOSTILE)]))])],
        notes, cover={"title": HOSTILE, "subtitle": "{{ title }}", "date": "{_{ x }_} {_% %_}"},
        title=HOSTILE)
    data = write_docx(document, frame_dir)
    body = [text(p) for p in body_paragraphs(data)]
    assert body.count(HOSTILE) == 3  # cover title, heading, paragraph
    assert "{{ title }}" in body  # a cover value is data, not a template either
    assert "{_{ x }_} {_% %_}" in body  # docxtpl's own escapes are not undone either
    (note,) = real_footnotes(data)
    assert text(note).strip() == HOSTILE + HOSTILE
    assert "49" not in "".join(body) + text(note)


def test_a_leftover_citation_node_raises_unknown_node(frame_dir):
    with pytest.raises(UnknownNode, match="Citation"):
        write_docx(make_document([Paragraph([Text("see "), Citation(items=[])])]),
                   frame_dir)
    notes = Notes()
    in_note = make_document([Paragraph([notes.call(Citation(items=[]))])], notes)
    with pytest.raises(UnknownNode, match="Citation"):
        write_docx(in_note, frame_dir)


def test_control_characters_are_dropped_instead_of_breaking_the_xml(frame_dir):
    data = write_docx(make_document([Paragraph([Text("a\x00b\x0bc\x1fd\ttab")])],
                                    cover={"title": "t\x07itle"}), frame_dir)
    body = [text(p) for p in body_paragraphs(data)]
    assert "abcd" + "tab" in body and "title" in body


# ---------------------------------------------------------------- frame, cover, properties


def test_cover_fields_fill_the_frame_and_the_body_marker_is_gone(frame_dir):
    data = write_docx(make_document([Paragraph([Text("Body.")])], cover={
        "title": "Communication", "subtitle": "under the Optional Protocol",
        "case_title": "Abishev v Kazakhstan", "date": "22 November 2026"}), frame_dir)
    body = [text(p) for p in body_paragraphs(data)]
    assert body[:4] == ["Communication", "under the Optional Protocol",
                        "Abishev v Kazakhstan", "22 November 2026"]
    assert body[-1] == "Body."
    assert not any(BODY_MARKER in t or "{{" in t for t in body)
    header = "".join(text(xml(data, f"word/header{n}.xml")) for n in (1, 2))
    assert header == "Abishev v Kazakhstan"  # the TITLE field's shown result


def test_core_properties_carry_title_subject_author_and_a_regional_language_tag(frame_dir):
    data = write_docx(make_document([], title="Abishev v Kazakhstan", subject="Article 9",
                                    author="Covenant", language="ru"), frame_dir)
    core = xml(data, "docProps/core.xml")
    value = {el.tag.split("}")[1]: el.text for el in core}
    assert value["title"] == "Abishev v Kazakhstan" and value["subject"] == "Article 9"
    assert value["creator"] == "Covenant" and value["language"] == "ru-RU"
    styles = xml(data, "word/styles.xml")
    assert styles.xpath("string(//w:docDefaults//w:lang/@w:val)", namespaces=NS) == "ru-RU"


@pytest.mark.parametrize(("language", "tag"), [("en", "en-GB"), ("ru", "ru-RU"),
                                               ("fr", "fr-FR"), ("es", "es-ES")])
def test_each_language_is_tagged_with_its_region_for_spelling(frame_dir, language, tag):
    data = write_docx(make_document([Paragraph([Text("x")])], language=language), frame_dir)
    styles = xml(data, "word/styles.xml")
    assert styles.xpath("string(//w:docDefaults//w:lang/@w:val)", namespaces=NS) == tag


def test_settings_ask_for_word_2013_layout_and_a_schema_valid_zoom(three_notes, frame_dir):
    settings = xml(write_docx(three_notes, frame_dir), "word/settings.xml")
    modes = settings.xpath("//w:compatSetting[@w:name='compatibilityMode']/@w:val",
                           namespaces=NS)
    assert modes == ["15"]
    (zoom,) = settings.xpath("w:zoom", namespaces=NS)
    assert zoom.get(f"{{{W}}}percent") == "100"


def test_app_properties_name_covenant_and_count_the_body(three_notes, frame_dir):
    data = write_docx(three_notes, frame_dir)
    app = {el.tag.split("}")[1]: el.text for el in xml(data, "docProps/app.xml")}
    assert app["Application"].startswith("Covenant ") and "Macintosh" not in str(app)
    body = " ".join(text(p) for p in body_paragraphs(data) if text(p))
    assert int(app["Words"]) == len(body.split()) > 10
    assert int(app["CharactersWithSpaces"]) == len(body)
    assert "Pages" not in app  # only Word can lay the pages out: it counts them itself


def test_dejavu_is_declared_with_fallbacks_and_embedded_whole(three_notes, frame_dir):
    from fontTools.ttLib import TTFont

    from toolkit.writers.docx_fonts import obfuscate

    data = write_docx(three_notes, frame_dir)
    table = xml(data, "word/fontTable.xml")
    (serif,) = table.xpath("w:font[@w:name='DejaVu Serif']", namespaces=NS)
    assert serif.xpath("string(w:family/@w:val)", namespaces=NS) == "roman"
    assert serif.xpath("string(w:pitch/@w:val)", namespaces=NS) == "variable"
    assert len(serif.xpath("string(w:panose1/@w:val)", namespaces=NS)) == 20
    mono = table.xpath("w:font[@w:name='DejaVu Sans Mono']", namespaces=NS)
    assert mono[0].xpath("string(w:family/@w:val)", namespaces=NS) == "modern"
    assert not mono[0].xpath("w:embedRegular", namespaces=NS)  # no code in this text
    rels = xml(data, "word/_rels/fontTable.xml.rels")
    targets = {r.get("Id"): r.get("Target") for r in rels}
    faces = {}
    with zipfile.ZipFile(BytesIO(data)) as package:
        for face in ("embedRegular", "embedBold", "embedItalic", "embedBoldItalic"):
            (embed,) = serif.xpath(f"w:{face}", namespaces=NS)
            blob = package.read(f"word/{targets[embed.get(f'{{{R}}}id')]}")
            assert blob[:4] != b"\x00\x01\x00\x00"  # obfuscated, as the standard asks
            font = TTFont(BytesIO(obfuscate(blob, embed.get(f"{{{W}}}fontKey"))))
            faces[face] = font["name"].getDebugName(4)
        types = package.read("[Content_Types].xml").decode()
    assert faces == {"embedRegular": "DejaVu Serif", "embedBold": "DejaVu Serif Bold",
                     "embedItalic": "DejaVu Serif Italic",
                     "embedBoldItalic": "DejaVu Serif Bold Italic"}
    assert "application/vnd.openxmlformats-officedocument.obfuscatedFont" in types
    assert xml(data, "word/settings.xml").xpath("w:embedTrueTypeFonts", namespaces=NS)


def test_source_date_epoch_makes_two_builds_byte_identical(three_notes, frame_dir,
                                                           monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    first = write_docx(three_notes, frame_dir)
    second = write_docx(three_notes, frame_dir)
    assert first == second
    with zipfile.ZipFile(BytesIO(first)) as package:
        assert {info.date_time for info in package.infolist()} == {(2026, 9, 21, 14, 13, 20)}
        assert package.namelist()[0] == "[Content_Types].xml"
    core = xml(first, "docProps/core.xml")
    assert core.xpath("string(//*[local-name()='created'])") == "2026-09-21T14:13:20Z"


def test_frame_without_body_marker_or_with_a_broken_tag_is_reported(frame_dir, tmp_path):
    import docx
    for wrong, message in (("no body here", "whole text is {{ body }}"),
                           ("{{ body }", "Jinja tag in the frame is broken")):
        frame = docx.Document(str(frame_dir / "frame.docx"))
        frame.paragraphs[-1].runs[0].text = wrong
        frame.save(str(tmp_path / "frame.docx"))
        with pytest.raises(CovenantError, match=re.escape(message)):
            write_docx(make_document([]), tmp_path)


def test_make_frames_is_deterministic_and_defines_the_writer_styles(make_frames):
    data = make_frames.build_frame()
    assert data == make_frames.build_frame()
    styles = xml(data, "word/styles.xml")
    for style_id, kind, name in (("FootnoteText", "paragraph", "Footnote Text"),
                                 ("FootnoteReference", "character", "Footnote Reference"),
                                 ("NumberedParagraph", "paragraph", "Numbered Paragraph"),
                                 ("BlockQuote", "paragraph", "Block Quote"),
                                 ("Title", "paragraph", "Title"),
                                 ("Subtitle", "paragraph", "Subtitle")):
        style = styles.xpath(f"//w:style[@w:styleId='{style_id}']", namespaces=NS)
        assert style and style[0].get(f"{{{W}}}type") == kind
        assert style[0].xpath("string(w:name/@w:val)", namespaces=NS) == name
    assert styles.xpath("//w:style[@w:styleId='FootnoteReference']//w:vertAlign/@w:val",
                        namespaces=NS) == ["superscript"]
    assert not styles.xpath("//@w:asciiTheme | //@w:hAnsiTheme", namespaces=NS)
    runs = xml(data, "word/document.xml").xpath("//w:r/w:t/text()", namespaces=NS)
    for field in ("title", "subtitle", "case_title", "date", "confidentiality", "body"):
        assert f"{{{{ {field} }}}}" in runs  # each placeholder whole in one run
    footer = "".join(xml(data, "word/footer2.xml").xpath("//@w:instr", namespaces=NS))
    assert "PAGE" in footer and "NUMPAGES" in footer


@pytest.mark.parametrize("frame", sorted((REPO / "templates").glob("*/frame.docx")),
                         ids=lambda path: path.parent.name)
def test_each_frame_in_templates_takes_a_document(frame, three_notes):
    data = write_docx(three_notes, frame.parent)
    assert len(real_footnotes(data)) == 3


# ---------------------------------------------------------------- LibreOffice round trip


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) missing")
def test_libreoffice_reads_every_footnote_as_a_real_footnote(three_notes, frame_dir,
                                                              tmp_path):
    source = tmp_path / "draft.docx"
    source.write_bytes(write_docx(three_notes, frame_dir))
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless",
         "--convert-to", "odt", "--outdir", str(tmp_path / "out"), str(source)],
        check=True, capture_output=True, timeout=120)
    with zipfile.ZipFile(tmp_path / "out" / "draft.odt") as odt:
        content = etree.fromstring(odt.read("content.xml"))
    ns = {"text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0"}
    notes = content.xpath("//text:note[@text:note-class='footnote']", namespaces=ns)
    assert len(notes) == len(three_notes.notes)
    bodies = ["".join(n.find("text:note-body", ns).itertext()).strip() for n in notes]
    assert bodies == ["See Smith v Kazakhstan, CCPR/C/120/D/2000/2015, para 8.3.",
                      "Police record of 3 March 2021.", "Ibid."]


def test_font_obfuscation_xors_the_first_32_bytes_with_the_reversed_guid():
    """ISO/IEC 29500-1 §17.8.1: the key's last byte meets the font's first."""
    from toolkit.writers.docx_fonts import obfuscate

    key = "{00112233-4455-6677-8899-AABBCCDDEEFF}"
    out = obfuscate(bytes(40), key)
    assert out[0] == 0xFF and out[1] == 0xEE and out[15] == 0x00
    assert out[16] == 0xFF and out[31] == 0x00 and out[32:] == bytes(8)


# ---------------------------------------------------------------- numbers and fields


def _numbered_document() -> Document:
    """Two sections of numbered paragraphs as the numbering pass leaves them, a
    cross-reference to 2.1 and a "(n 1)" in note 2, as the passes write them."""
    notes = Notes()
    first = notes.call(Text("First source."))
    blocks = [
        Heading(1, [Text("Facts")], number="1", anchor="facts"),
        Paragraph([Text("The arrest."), first], numbered=True, number="1.1"),
        Paragraph([Text("The detention.")], numbered=True, number="1.2", anchor="fact:held"),
        Heading(1, [Text("Claims")], number="2"),
        Paragraph([Text("See "), Link("#fact:held", [Text("para "),
                                                     NumberText("1.2", anchor="fact:held")]),
                   Text("."), notes.call(Text("First source (n "),
                                         NumberText("1", note=1), Text(")."))],
                  numbered=True, number="2.1"),
    ]
    return make_document(blocks, notes)


def _list_numbers(data: bytes) -> list[str]:
    body = xml(data, "word/document.xml").find(f"{{{W}}}body")
    shown = list_numbers(body, xml(data, "word/numbering.xml"))
    return [shown[p] for p in body.iter(f"{{{W}}}p") if p in shown]


def test_numbered_headings_and_paragraphs_are_a_word_list_not_typed_numbers(frame_dir):
    data = write_docx(_numbered_document(), frame_dir)
    assert _list_numbers(data) == ["1", "1.1", "1.2", "2", "2.1"]
    body = body_paragraphs(data)
    assert not [p for p in body if re.match(r"\d+(\.\d+)?$", text(p)[:3].strip())]
    numbering = xml(data, "word/numbering.xml")
    (ours,) = numbering.xpath("w:abstractNum[w:name/@w:val='Covenant numbered paragraphs']",
                              namespaces=NS)
    assert ours.xpath("w:lvl/w:lvlText/@w:val", namespaces=NS) == ["%1", "%1.%2"]
    # each numbered paragraph carries a bookmark, its anchor's when it has one
    names = [p.xpath("string(w:bookmarkStart/@w:name)", namespaces=NS) for p in body
             if p.xpath("w:pPr/w:numPr", namespaces=NS)]
    assert names[0] == "_facts" and all(names) and len(set(names)) == len(names)


def test_a_cross_reference_is_a_ref_field_caching_the_paragraph_number(frame_dir):
    data = write_docx(_numbered_document(), frame_dir)
    body = xml(data, "word/document.xml")
    refs = [f for f in fields(body) if f[0].startswith("REF")]
    assert refs == [(f"REF {bookmark_name('fact:held')} \\w \\h", "1.2")]
    assert not body.xpath("//w:hyperlink[@w:anchor]", namespaces=NS)
    assert "See para 1.2." in text(body_paragraphs(data)[-1])


def test_n_12_is_a_noteref_field_to_a_bookmark_around_the_footnote_call(frame_dir):
    data = write_docx(_numbered_document(), frame_dir)
    notes = xml(data, "word/footnotes.xml")
    assert fields(notes) == [("NOTEREF _Note1 \\h", "1")]
    assert "First source (n 1)." in text(real_footnotes(data)[1])
    body = xml(data, "word/document.xml")
    (start,) = body.xpath("//w:bookmarkStart[@w:name='_Note1']", namespaces=NS)
    call = start.getnext()
    assert call.xpath("w:footnoteReference/@w:id", namespaces=NS)
    assert call.getnext().tag == f"{{{W}}}bookmarkEnd"


def test_a_note_number_that_is_not_exactly_the_digits_stays_text(frame_dir):
    notes = Notes()
    notes.call(Text("A."))
    blocks = [Paragraph([Text("x"), NoteRef(notes.notes[0]),
                         notes.call(NumberText("1.", note=1))])]
    data = write_docx(make_document(blocks, notes), frame_dir)
    assert fields(xml(data, "word/footnotes.xml")) == []
    assert text(real_footnotes(data)[1]).strip() == "1."


def test_numbers_a_word_list_cannot_make_stay_typed_and_links_stay_links(frame_dir):
    """A paragraph numbered before any section: the list would show another number, so
    every number is typed, and a cross-reference stays a hyperlink to its bookmark."""
    data = write_docx(make_document([
        Paragraph([Text("Early.")], numbered=True, number="1", anchor="early"),
        Paragraph([Link("#early", [Text("para "), NumberText("1", anchor="early")])]),
    ]), frame_dir)
    assert _list_numbers(data) == []
    assert text(body_paragraphs(data)[-2]).startswith("1")
    assert not fields(xml(data, "word/document.xml"))
    assert xml(data, "word/document.xml").xpath("//w:hyperlink/@w:anchor", namespaces=NS) == [
        "_early"]


def test_a_frame_with_a_toc_paragraph_gets_a_toc_field_with_its_entries(make_frames,
                                                                       tmp_path):
    (tmp_path / "frame.docx").write_bytes(make_frames.build_frame("fairness-report"))
    data = write_docx(_numbered_document(), tmp_path)
    body = xml(data, "word/document.xml")
    toc = [f for f in fields(body) if f[0].startswith("TOC")]
    assert toc and toc[0][0] == 'TOC \\o "1-2" \\h \\z \\u'
    entries = body.xpath("//w:p[w:pPr/w:pStyle/@w:val='TOC1']", namespaces=NS)
    assert [text(p) for p in entries] == ["1Facts", "2Claims"]  # number, tab, heading, tab
    assert all(len(p.xpath(".//w:tab", namespaces=NS)) == 2 for p in entries)
    targets = [p.xpath("string(w:hyperlink/@w:anchor)", namespaces=NS) for p in entries]
    marks = body.xpath("//w:bookmarkStart/@w:name", namespaces=NS)
    assert all(t in marks for t in targets)
    assert [f[0] for f in fields(body) if f[0].startswith("PAGEREF")] == [
        f"PAGEREF {t} \\h" for t in targets]
    assert xml(data, "word/settings.xml").xpath("w:updateFields/@w:val", namespaces=NS) == [
        "true"]
    assert "COVENANT-TOC" not in etree.tostring(body).decode()
    # a frame without one gets none
    plain = xml(write_docx(_numbered_document(), REPO / "templates/communication"),
                "word/document.xml")
    assert not [f for f in fields(plain) if f[0].startswith("TOC")]


def test_a_paragraph_introducing_a_table_stays_on_its_page_in_word_and_the_pdf(frame_dir):
    """keepNext before numPr, as the schema orders them; the HTML for the PDF carries
    break-after: avoid through its class. A paragraph before another paragraph does not."""
    from toolkit.writers.html import write_html

    table = Table([[Text("Step")], [Text("Date")]], [[[Text("judgment")], [Text("2021")]]])
    document = make_document([
        Paragraph([Text("Plain.")], numbered=True, number="3.1"),
        Paragraph([Text("Table 3.1 sets out the remedies.")], numbered=True, number="3.2"),
        table])
    body = xml(write_docx(document, frame_dir), "word/document.xml")
    plain, leading = (body.xpath(f"//w:p[.//w:t[contains(., '{text}')]]", namespaces=NS)[0]
                      for text in ("Plain.", "Table 3.1"))
    assert not plain.xpath("w:pPr/w:keepNext", namespaces=NS)
    names = [etree.QName(child).localname for child in leading.find(f"{{{W}}}pPr")]
    assert "keepNext" in names
    if "numPr" in names:
        assert names.index("keepNext") < names.index("numPr")
    html = write_html(document, REPO / "templates" / "communication").decode()
    assert html.count('class="numbered keep-with-next"') == 1
