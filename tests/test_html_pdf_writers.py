"""The HTML and PDF writers and their frame (templates/<kind>/frame.html + style.css)."""

from __future__ import annotations

import io
import logging
import os
import socket
import subprocess
import sys

import pytest
from pypdf import PdfReader

from tests.html_pdf_helpers import (
    FRAME,
    KAZAKH,
    REPO,
    Builder,
    copy_frame,
    dropping_document,
    many_notes_document,
    normalise,
    note_text,
    page_texts,
    tags_in,
)
from toolkit.model.citation_syntax import CitationItem
from toolkit.model.document import (
    BlockQuote,
    Citation,
    Document,
    Emph,
    Heading,
    Link,
    ListBlock,
    Note,
    NoteRef,
    Paragraph,
    Table,
    Text,
    UnknownNode,
)
from toolkit.writers.html import NoteNumberingError, render_html, write_html

TEMPLATES = REPO / "templates"
FETCHING_TAGS = {"script", "img", "link", "iframe", "object", "embed", "video", "audio",
                 "source", "frame", "svg", "base", "form"}


@pytest.fixture
def weasyprint_quiet(caplog):
    """Fail a test when WeasyPrint logs a warning or an error (a CSS property it ignored,
    a resource it could not load), except the HarfBuzz-Subset fallback notice."""
    caplog.set_level(logging.WARNING, logger="weasyprint")
    yield
    unexpected = [r.getMessage() for r in caplog.records
                  if r.name.startswith("weasyprint") and r.levelno >= logging.WARNING
                  and "HarfBuzz-Subset" not in r.getMessage()]
    assert not unexpected, unexpected


@pytest.fixture(scope="module")
def sixty():
    """One 60-note PDF for the tests that only read it (layout costs about a second)."""
    from toolkit.writers.pdf import check_footnotes, write_pdf

    document = many_notes_document(60)
    pdf = write_pdf(document, FRAME)
    import weasyprint

    rendered = weasyprint.HTML(string=render_html(document, FRAME),
                               base_url=str(FRAME) + "/").render()
    return document, pdf, check_footnotes(rendered, 60)


# ---------------------------------------------------------------- HTML


HOSTILE = ["<script>alert(1)</script>", "{{ 7*7 }}", "{% if true %}x{% endif %}"]


def hostile_document() -> Document:
    b = Builder()
    text = " and ".join(HOSTILE)
    blocks = [
        Heading(1, [Text(text)], number="1"),
        Paragraph([Text(text), b.note(Text("note " + text), Emph([Text(text)]))],
                  numbered=True, number="1.1", anchor='x" onload="alert(1)'),
        BlockQuote([Paragraph([Text(text)])]),
        Table(header=[[Text(text)]], rows=[[[Text(text)]]]),
        ListBlock(False, [[Paragraph([Text(text)])]]),
    ]
    return b.document(blocks, title=text, author=text, subject=text,
                      cover={"title": text, "subtitle": text, "case_title": text,
                             "date": text, "confidentiality": text})


def test_html_escapes_markup_and_never_evaluates_jinja_in_text_notes_and_cover(monkeypatch):
    # a fixed build time, so that "49" (7*7) cannot come from the clock (06:55:49)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    html = render_html(hostile_document(), FRAME)
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "{{ 7*7 }}" in html
    assert "{% if true %}x{% endif %}" in html
    assert "49" not in html
    assert 'onload="' not in html
    assert not tags_in(html) & FETCHING_TAGS


def test_html_is_utf8_bytes_with_style_inlined_and_metadata():
    b = Builder()
    document = b.document([Paragraph([Text(KAZAKH), b.note(Text("n"))])],
                          title="T", author="A. Author", subject="S", language="kk")
    out = write_html(document, FRAME)
    html = out.decode("utf-8")
    assert KAZAKH in html
    assert '<html lang="kk">' in html
    assert "<title>T</title>" in html
    assert '<meta name="author" content="A. Author">' in html
    assert '<meta name="description" content="S">' in html
    assert "<style>" in html and "float: footnote" in html
    assert '<span class="footnote" id="fn-1">n</span>' in html


def test_only_http_https_and_mailto_urls_become_links():
    document = Builder().document([Paragraph([
        Link("https://www.ohchr.org/en/treaty-bodies", [Text("OHCHR")]),
        Link("mailto:petitions@ohchr.org", [Text("write")]),
        Link("#para-2-1", [Text("para 2.1")]),
        Link("#not an anchor", [Text("odd")]),
        Link("file:///etc/passwd", [Text("file:///etc/passwd")]),
        Link("javascript:alert(1)", [Text("click")]),
        Link(" JavaScript:alert(2)", [Text("click")]),
        Link("data:text/html,<b>x</b>", [Text("data")]),
    ])])
    html = render_html(document, FRAME)
    assert '<a href="https://www.ohchr.org/en/treaty-bodies">OHCHR</a>' in html
    assert '<a href="mailto:petitions@ohchr.org">write</a>' in html
    assert '<a href="#para-2-1">para 2.1</a>' in html
    assert html.count("<a ") == 3
    assert "odd (#not an anchor)" in html
    assert '<span class="link-refused">file:///etc/passwd</span>' in html
    assert "click (javascript:alert(1))" in html
    assert "data (data:text/html,&lt;b&gt;x&lt;/b&gt;)" in html


def test_leftover_citation_raises_unknown_node_in_text_and_in_notes():
    citation = Citation(items=[CitationItem(key="gc32")])
    with pytest.raises(UnknownNode, match="html writer does not know Citation"):
        render_html(Builder().document([Paragraph([Text("a"), citation])]), FRAME)
    b = Builder()
    document = b.document([Paragraph([b.note(Text("see "), citation)])])
    with pytest.raises(UnknownNode, match="Citation"):
        render_html(document, FRAME)
    with pytest.raises(UnknownNode, match="str"):
        render_html(Builder().document(["a stray string block"]), FRAME)


def test_notes_out_of_order_uncalled_or_foreign_are_refused():
    b = Builder()
    first, second = b.note(Text("one")), b.note(Text("two"))
    swapped = b.document([Paragraph([second, first])])
    with pytest.raises(NoteNumberingError, match="refers to note 2"):
        render_html(swapped, FRAME)
    b = Builder()
    called = b.note(Text("one"))
    b.note(Text("never called"))
    with pytest.raises(NoteNumberingError, match=r"notes \[2\] are never called"):
        render_html(b.document([Paragraph([called])]), FRAME)
    stranger = NoteRef(Note(1, [Text("not in document.notes")]))
    with pytest.raises(NoteNumberingError):
        render_html(Builder().document([Paragraph([stranger])]), FRAME)


def test_numbered_paragraphs_and_headings_carry_number_anchor_and_outline_label():
    b = Builder()
    document = b.document([
        Heading(2, [Text("Facts"), b.note(Text("heading note"))], anchor="facts", number="2"),
        Paragraph([Text("Body")], numbered=True, number="2.1", anchor="p-2-1",
                  style="lead"),
    ])
    html = render_html(document, FRAME)
    assert ('<h2 id="facts" data-label="2 Facts"><span class="num">2 </span>Facts'
            in html)
    assert '<p id="p-2-1" class="numbered lead"><span class="num">2.1 </span>Body</p>' in html
    with pytest.raises(ValueError, match="not a class name"):
        render_html(Builder().document([Paragraph([Text("x")], style='a" b')]), FRAME)


@pytest.mark.parametrize("kind", ["memo", "communication", "fairness-report", "briefing"])
def test_every_kind_has_an_html_frame(kind):
    html = render_html(Builder().document([Paragraph([Text("x")])]), TEMPLATES / kind)
    assert "<main" in html


# ---------------------------------------------------------------- PDF


def test_pdf_has_every_note_text_and_number_and_the_page_count(sixty):
    document, pdf, _ = sixty
    texts = page_texts(pdf)
    whole = " ".join(texts)
    for note in document.notes:
        assert f"{note.number} See {note_text(note.number)}" in whole
    pages = len(texts)
    assert pages >= 4
    for number, text in enumerate(texts[1:], start=2):  # the cover has no footer
        assert f"Page {number} of {pages}" in text


def test_pdf_metadata_title_author_subject_language_and_outline(sixty):
    _, pdf, _ = sixty
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.metadata.title == "Sixty notes"
    assert reader.metadata.author == "Legal Team"
    assert reader.metadata.subject == "Fair trial"
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"  # the regional tag, as in the DOCX
    assert [item.title for item in reader.outline] == [f"{n} Section {n}" for n in range(1, 5)]


def test_sixty_notes_all_placed_each_on_the_page_of_its_call(sixty):
    document, pdf, placement = sixty
    assert sorted(placement.bodies) == list(range(1, 61))
    assert placement.marker_text == {n: str(n) for n in range(1, 61)}
    assert placement.call_text == {n: str(n) for n in range(1, 61)}
    texts = page_texts(pdf)
    assert len(texts) >= 5
    for note in document.notes:
        k = note.number
        call_pages = [i for i, text in enumerate(texts) if f"call{k}z" in text]
        assert len(call_pages) == 1, (k, call_pages)
        assert f"See {note_text(k)}" in texts[call_pages[0]], k
        assert placement.calls[k] == placement.bodies[k] == [call_pages[0] + 1]


def test_kazakh_letters_survive_into_the_pdf_text(sixty):
    _, pdf, _ = sixty
    whole = " ".join(page_texts(pdf))
    assert KAZAKH in whole
    assert "Қазақстан Республикасы" in whole


def test_every_font_is_embedded(sixty):
    _, pdf, _ = sixty
    reader = PdfReader(io.BytesIO(pdf))
    seen = 0
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            descriptor = (descendants[0].get_object() if descendants else font)["/FontDescriptor"]
            assert {"/FontFile2", "/FontFile3"} & set(descriptor.get_object()), font["/BaseFont"]
            assert "DejaVu" in font["/BaseFont"]
            seen += 1
    assert seen


def test_a_dropped_footnote_body_is_detected_and_named():
    import weasyprint
    from weasyprint.formatting_structure.boxes import FootnoteAreaBox

    from toolkit.writers.pdf import MissingFootnotes, check_footnotes

    document = many_notes_document(8)
    rendered = weasyprint.HTML(string=render_html(document, FRAME),
                               base_url=str(FRAME) + "/").render()
    check_footnotes(rendered, 8)
    for page in rendered.pages:  # what WeasyPrint sometimes does at a page bottom
        for area in page._page_box.children:
            if isinstance(area, FootnoteAreaBox):
                area.children = [box for box in area.children
                                 if box.element.get("id") != "fn-5"]
    with pytest.raises(MissingFootnotes, match=r"the text of note\(s\) 5 appears on no page"):
        check_footnotes(rendered, 8)


def test_weasyprint_70_dropping_a_footnote_is_detected_and_mended(monkeypatch):
    import weasyprint
    from weasyprint.layout import block

    from toolkit.writers import weasyprint_fix
    from toolkit.writers.pdf import MissingFootnotes, check_footnotes, write_pdf

    if not weasyprint_fix.apply():
        pytest.skip(f"the fix is written for WeasyPrint {weasyprint_fix.FIXED_VERSIONS}")
    document = dropping_document()
    monkeypatch.setattr(block, "_linebox_layout", block._linebox_layout.original)
    rendered = weasyprint.HTML(string=render_html(document, FRAME),
                               base_url=str(FRAME) + "/").render()
    with pytest.raises(MissingFootnotes, match=r"the text of note\(s\) 34 appears on no page"):
        check_footnotes(rendered, len(document.notes))
    monkeypatch.undo()
    whole = " ".join(page_texts(write_pdf(document, FRAME)))
    for note in document.notes:
        assert normalise(note.children[0].text) in whole, note.number


def test_a_frame_that_shifts_weasyprint_numbering_is_refused(tmp_path):
    from toolkit.writers.pdf import MissingFootnotes, write_pdf

    frame = copy_frame(tmp_path)
    html = (frame / "frame.html").read_text()
    (frame / "frame.html").write_text(html.replace(
        "<main", '<p>Frame text<span class="footnote">a note of the frame</span></p><main'))
    b = Builder()
    document = b.document([Paragraph([Text("x"), b.note(Text("one"))])])
    with pytest.raises(MissingFootnotes, match=r"note\(s\) 1 were printed with another number"):
        write_pdf(document, frame)


def test_source_date_epoch_gives_byte_identical_pdfs_across_processes(tmp_path):
    script = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from pathlib import Path;"
        "from tests.html_pdf_helpers import many_notes_document, FRAME;"
        "from toolkit.writers.pdf import write_pdf;"
        "Path(sys.argv[2]).write_bytes(write_pdf(many_notes_document(12), FRAME))"
    )
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"{seed}.pdf"
        env = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600", "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", script, str(REPO), str(out)], env=env,
                       check=True, cwd=REPO)
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    reader = PdfReader(io.BytesIO(outputs[0]))
    assert reader.metadata["/CreationDate"].startswith("D:20260101000000")
    # /ID: WeasyPrint's content hash, then qpdf's of the file it rewrote (XMP, tags):
    # both computed from the content, so equal documents give equal IDs
    assert all(len(part.original_bytes) >= 16 for part in reader.trailer["/ID"])


def test_html_writer_and_pdf_module_import_do_not_import_weasyprint():
    script = (
        "import sys; import toolkit.writers.pdf, toolkit.writers.html;"
        "assert 'weasyprint' not in sys.modules, 'weasyprint imported'"
    )
    subprocess.run([sys.executable, "-c", script], check=True, cwd=REPO)


# ---------------------------------------------------------------- fetching


def test_url_fetcher_refuses_network_data_and_files_outside_templates(tmp_path):
    from toolkit.writers.pdf import FetchRefused, templates_fetcher

    frame = copy_frame(tmp_path)
    (frame / "logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    (tmp_path / "secret.txt").write_text("secret")
    fetcher = templates_fetcher(frame.parent)
    for url in ("http://example.org/x.css", "https://example.org/font.ttf",
                "file:///etc/passwd", f"file://{frame}/../../secret.txt",
                "file://otherhost/" + str(frame / "logo.svg"), "data:text/css,body{}",
                "ftp://example.org/x"):
        with pytest.raises(FetchRefused):
            fetcher.fetch(url)
    response = fetcher.fetch(f"file://{frame}/logo.svg")
    assert response.read().startswith(b"<svg")
    assert fetcher.served == [f"file://{frame}/logo.svg"]
    assert len(fetcher.refused) == 7


def test_pdf_fetches_nothing_and_names_what_the_frame_asked_for(tmp_path, monkeypatch):
    from toolkit.writers import pdf as pdf_writer

    connections = []

    def no_network(self, address, *args):
        connections.append(address)
        raise OSError("network used in a test")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket.socket, "connect_ex", no_network)
    (tmp_path / "outside.css").write_text('body::before { content: "LEAKED" }')
    frame = copy_frame(tmp_path)
    html = (frame / "frame.html").read_text()
    (frame / "frame.html").write_text(html.replace("</head>", (
        '<link rel="stylesheet" href="../../outside.css">'
        '<link rel="stylesheet" href="https://example.org/style.css">'
        "</head>")).replace("<main", (
            '<img src="http://example.org/logo.png"><img src="file:///etc/passwd"><main')))
    b = Builder()
    document = b.document([Paragraph([Text("x"), b.note(Text("one"))])])
    with pytest.raises(pdf_writer.FetchRefused) as refused:
        pdf_writer.write_pdf(document, frame)
    message = str(refused.value)
    for url in ("outside.css", "https://example.org/style.css",
                "http://example.org/logo.png", "file:///etc/passwd"):
        assert url in message
    assert connections == []


def test_a_normal_pdf_fetches_nothing_and_logs_nothing(weasyprint_quiet, monkeypatch):
    from toolkit.writers import pdf as pdf_writer

    made = []
    real = pdf_writer.templates_fetcher

    def recording(templates_dir):
        made.append(real(templates_dir))
        return made[-1]

    monkeypatch.setattr(pdf_writer, "templates_fetcher", recording)
    b = Builder()
    document = b.document([Heading(1, [Text("One")], number="1"),
                           Paragraph([Text("x"), b.note(Text("one"))])])
    pdf = pdf_writer.write_pdf(document, FRAME)
    assert pdf.startswith(b"%PDF-")
    assert made and made[0].served == [] and made[0].refused == []
