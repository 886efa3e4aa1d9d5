"""Live links for the URLs and DOIs in notes (DOCX hyperlinks with external
relationships, PDF URI link annotations, the printed text unchanged), and the table of
authorities (toolkit/passes/authorities.py) of the example communication."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from lxml import etree
from pypdf import PdfReader

from tests.conftest import REPO, TODAY
from toolkit.model.document import Document, Heading, Link, Paragraph, Table, plain_text
from toolkit.model.errors import Report
from toolkit.passes import PassContext, run_passes
from toolkit.passes.authorities import GROUPS, Settings, cited_at, group_of
from toolkit.passes.links import linked
from toolkit.readers.claims import load_case
from toolkit.readers.library import Library
from toolkit.readers.markdown import parse_markdown
from toolkit.workspace.build import build_document
from toolkit.workspace.folders import Workspace
from toolkit.writers.docx import write_docx
from toolkit.writers.pdf import write_pdf

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL = "http://schemas.openxmlformats.org/package/2006/relationships"
HOUSE = REPO / "templates" / "styles" / "covenant-oscola.csl"
FRAME = REPO / "templates" / "memo"
LIBRARY = """\
- id: web
  type: webpage
  author: [{literal: Qaharman}]
  title: New date of transformation
  URL: https://qaharman.fund/en/new-date/
- id: article
  type: article-journal
  author: [{family: Joseph, given: Sarah}]
  title: Human rights committee
  container-title: Human Rights Law Review
  issued: {date-parts: [[2021]]}
  DOI: 10.1093/hrlr/ngab002
"""
MARKDOWN = """\
The source is online [@web]. Our own remark.^[See https://example.org/a_(b) and
doi:10.1000/xyz123; never javascript:alert(1) or file:///etc/passwd.]
The body names https://ohchr.org/en/treaty-bodies/ccpr too. Cited again [@web, para 2].
"""
URLS = {"https://qaharman.fund/en/new-date/", "https://example.org/a_(b)",
        "https://doi.org/10.1000/xyz123", "https://ohchr.org/en/treaty-bodies/ccpr"}


# ---------------------------------------------------------------- the links pass


@pytest.mark.parametrize("text", [
    "Qaharman, ‘New’ <https://qaharman.fund/en/new/>.", "see https://a.org/x_(y).",
    "doi:10.1000/xyz123.", "bare 10.1093/hrlr/ngab002; next", "(see https://a.org/x)",
    "http://пример.рф/путь?q=а", "paras 10.12 and 11", "javascript:alert(1) file:///x",
])
def test_linking_never_changes_the_printed_text(text):
    assert plain_text(linked(text)) == text


def test_links_are_http_https_or_doi_org_only_and_percent_encoded():
    targets = [n.url for n in linked(
        "javascript:alert(1) file:///etc/passwd ftp://x.org/ data:text/html,<b> "
        "https://a.org/x. doi:10.1000/1 http://пример.рф/путь https://")
        if isinstance(n, Link)]
    assert targets == ["https://a.org/x", "https://doi.org/10.1000/1",
                       "http://xn--e1afmkfd.xn--p1ai/%D0%BF%D1%83%D1%82%D1%8C"]


@pytest.fixture(scope="module")
def linked_document(tmp_path_factory) -> Document:
    folder = tmp_path_factory.mktemp("citations")
    (folder / "lib.yaml").write_text(LIBRARY)
    report = Report()
    library = Library.from_folder(folder, report)
    document = Document("memo", "Links", parse_markdown(MARKDOWN, "claims/t.yaml:1"))
    run_passes(document, PassContext(library, HOUSE, report))
    assert not report.errors
    return document


def _note_texts(document: Document) -> list[str]:
    return [plain_text(note.children) for note in document.notes]


def test_docx_notes_and_body_hold_external_hyperlinks_with_the_same_text(linked_document):
    data = write_docx(linked_document, FRAME)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        notes = etree.fromstring(package.read("word/footnotes.xml"))
        body = etree.fromstring(package.read("word/document.xml"))
        rels = {name: etree.fromstring(package.read(name)) for name in
                ("word/_rels/footnotes.xml.rels", "word/_rels/document.xml.rels")}
    targets = {}
    for name, root in rels.items():
        for rel in root.iter(f"{{{REL}}}Relationship"):
            if rel.get("Type").endswith("/hyperlink"):
                assert rel.get("TargetMode") == "External"
                targets[name, rel.get("Id")] = rel.get("Target")
    found = set()
    for part, root in (("word/_rels/footnotes.xml.rels", notes),
                       ("word/_rels/document.xml.rels", body)):
        for link in root.iter(f"{{{W}}}hyperlink"):
            text = "".join(link.itertext())
            target = targets[part, link.get(f"{{{R}}}id")]
            assert text in (target, target.replace("https://doi.org/", "doi:"))
            found.add(target)
    assert found == URLS
    # the full citation of the web page (its short form prints no URL), the remark's two
    assert len(list(notes.iter(f"{{{W}}}hyperlink"))) == 3
    shown = ["".join(n.itertext(f"{{{W}}}t")).strip() for n in notes.iter(f"{{{W}}}footnote")
             if int(n.get(f"{{{W}}}id")) > 0]
    assert shown == _note_texts(linked_document)
    assert "javascript" in shown[1] and "file:///etc/passwd" in shown[1]


def test_pdf_has_a_uri_annotation_per_link_and_the_same_text(linked_document):
    import pikepdf

    from toolkit.writers.pdf_archive import walk_structure

    data = write_pdf(linked_document, FRAME, "pdf/ua-1")
    reader = PdfReader(io.BytesIO(data))
    uris = {a.get_object()["/A"]["/URI"] for page in reader.pages
            for a in page.get("/Annots") or [] if "/A" in a.get_object()}
    assert uris == URLS
    # each annotation is the object of a Link element of the tag tree (PDF/UA)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        tagged = {str(kid["/Obj"]["/A"]["/URI"])
                  for element in walk_structure(pdf.Root.StructTreeRoot)
                  if element.get("/S") == "/Link"
                  for kid in element["/K"] if isinstance(kid, pikepdf.Dictionary)
                  and "/Obj" in kid and "/A" in kid["/Obj"]}
    assert tagged == URLS
    text = re.sub(r"\s+", "", "".join(page.extract_text() for page in reader.pages))
    for note in _note_texts(linked_document):
        assert re.sub(r"\s+", "", note) in text


# ---------------------------------------------------------------- the table of authorities


def _communication(language: str = "en"):
    ws = Workspace(REPO)
    report = Report()
    name = "zheksebaev-ru.yaml" if language == "ru" else "zheksebaev.yaml"
    case = load_case(ws.claims / name, report).case
    document, _ = build_document(case, "communication", ws, Library.from_folder(
        ws.citations, report), "covenant-oscola", report, TODAY)
    assert not report.errors
    return document


@pytest.fixture(scope="module")
def communication() -> Document:
    return _communication()


def _table(document: Document) -> dict[str, list[tuple[str, str]]]:
    """heading -> [(entry, cited at)] of the table at the front of the document."""
    groups: dict[str, list[tuple[str, str]]] = {}
    heading = None
    for block in document.blocks:
        if isinstance(block, Heading) and block.level == 1 and block.number:
            break
        if isinstance(block, Paragraph) and block.style == "authorities-group":
            heading = plain_text(block.children)
        elif isinstance(block, Table):
            groups[heading] = [(plain_text(a), plain_text(b)) for a, b in block.rows]
    return groups


def test_the_communication_opens_with_its_table_of_authorities(communication):
    first = communication.blocks[0]
    assert isinstance(first, Heading) and not first.numbered
    assert plain_text(first.children) == "Table of authorities"
    table = _table(communication)
    assert list(table) == ["Treaties", "Legislation", "Views and decisions",
                           "General Comments", "Other UN documents",
                           "Reports and other sources"]
    # the depositary's status pages, which date the State's ratifications (footnote 1)
    assert [e.split(",")[0] for e, _ in table["Other UN documents"]] == ["United Nations"] * 2
    assert all(where == "para\u00a02.1" for _, where in table["Other UN documents"])
    views = [entry.split(" (")[0] for entry, _ in table["Views and decisions"]]
    assert views == sorted(views) and len(views) == 5
    comments = [int(re.search(r"No (\d+)", e)[1]) for e, _ in table["General Comments"]]
    assert comments == [18, 25, 31, 32, 34, 35, 37]
    cited = dict((e.split(" (")[0], where) for e, where in table["Views and decisions"])
    assert cited["Esergepov v Kazakhstan"] == "para\u00a05.8"
    (treaty,) = table["Treaties"]
    assert treaty == ("International Covenant on Civil and Political Rights (adopted 16 "
                      "December 1966, entered into force 23 March 1976) 999 UNTS 171 "
                      "(ICCPR)", "paras\u00a02.2, 5.2, 5.5, 5.8, 5.11, 5.12, 5.14, 5.17, "
                      "5.20, 5.23, 5.26")
    # the numbered sections keep their numbers: the table numbers nothing
    assert [b.number for b in communication.blocks if isinstance(b, Heading)
            and b.number][:2] == ["1", "2"]


def test_cited_at_lists_each_paragraph_once_with_ranges_and_loose_notes():
    paragraph = {n: Paragraph([], anchor=f"p{n}", number=n)
                 for n in ("4.2", "4.3", "4.4", "4.15", "5.1", "5.2")}
    places = {1: None, 2: paragraph["4.2"], 3: paragraph["4.3"], 4: paragraph["4.4"],
              5: paragraph["4.4"], 6: paragraph["5.1"], 7: paragraph["4.15"],
              8: paragraph["5.2"], 9: None}
    shown = cited_at([9, 1, 2, 3, 4, 5, 6, 7, 8], places, "en")
    assert plain_text(shown) == "paras\u00a04.2–4.4, 4.15, 5.1, 5.2; nn\u00a01, 9"
    # each number shown is a cross-reference to its paragraph (a REF field in Word)
    assert [(n.url, plain_text(n.children)) for n in shown if isinstance(n, Link)] == [
        ("#p4.2", "4.2"), ("#p4.4", "4.4"), ("#p4.15", "4.15"), ("#p5.1", "5.1"),
        ("#p5.2", "5.2")]
    assert plain_text(cited_at([6], places, "ru")) == "п.\u00a05.1"


@pytest.mark.parametrize(("item", "group"), [
    ({"type": "treaty"}, "treaties"), ({"type": "legal_case"}, "views"),
    ({"type": "report", "title": "General Comment No 36"}, "general-comments"),
    ({"type": "document", "genre": "General Recommendation"}, "general-comments"),
    ({"type": "report", "number": "A/HRC/47/25"}, "un-documents"),
    ({"type": "report", "author": [{"literal": "UN Special Rapporteur"}]}, "un-documents"),
    ({"type": "report", "author": [{"literal": "Human Rights Watch"}]}, "other"),
    ({"type": "webpage", "number": "2021"}, "other"),
])
def test_groups_follow_the_registry(item, group):
    assert group_of(item).key == group
    assert GROUPS[-1].matches(item)  # the last group takes anything


def test_russian_headings():
    table = _table(_communication("ru"))
    assert list(table) == ["Международные договоры", "Законодательство",
                           "Соображения и решения", "Замечания общего порядка",
                           "Другие документы ООН", "Доклады и другие источники"]
    (treaty,) = table["Международные договоры"]
    assert treaty[1] == "пп.\u00a02.2, 5.2, 5.5, 5.8, 5.11, 5.12, 5.14, 5.17, 5.20, 5.23, 5.26"


def test_a_template_without_the_table_or_with_it_disabled_has_none(tmp_path):
    from toolkit.passes.authorities import read_settings

    assert read_settings(tmp_path, tmp_path) is None
    (tmp_path / "authorities.yaml").write_text("enabled: false\n")
    assert read_settings(tmp_path, tmp_path) == Settings(enabled=False)
    (tmp_path / "authorities.yaml").write_text("position: annex\n")
    with pytest.raises(Exception, match="position"):
        read_settings(tmp_path, tmp_path)
    assert read_settings(REPO / "templates/communication", REPO / "templates") == Settings()
    assert read_settings(REPO / "templates/fairness-report", REPO / "templates") == Settings()
    assert read_settings(REPO / "templates/memo", REPO / "templates") is None


def test_the_table_reads_the_same_in_docx_and_pdf(communication):
    frame = REPO / "templates" / "communication"
    with zipfile.ZipFile(io.BytesIO(write_docx(communication, frame))) as package:
        body = etree.fromstring(package.read("word/document.xml"))
    paragraphs = ["".join(p.itertext(f"{{{W}}}t")) for p in body.iter(f"{{{W}}}p")]
    first_section = next(plain_text(b.children) for b in communication.blocks
                         if isinstance(b, Heading) and b.number)
    start = paragraphs.index("Table of authorities")
    docx = "".join(paragraphs[start:paragraphs.index(first_section)])
    reader = PdfReader(io.BytesIO(write_pdf(communication, frame)))
    pages = []
    for page in reader.pages[1:]:
        text = page.extract_text()
        if first_section in text:
            pages.append(text.split(first_section)[0].rsplit("1", 1)[0])
            break
        pages.append(text)
    pdf = "".join(pages)
    # the running header (title and marking) and footer of each page
    pdf = re.sub(re.escape(communication.title) + r"\s*"
                 + re.escape(communication.cover["confidentiality"]), "", pdf)
    pdf = re.sub(r"Page \d+ of \d+", "", pdf)
    squeeze = lambda text: re.sub(r"\s+", "", text)  # noqa: E731
    assert squeeze(pdf) == squeeze(docx)
    assert "Views and decisions" in docx and "para\u00a05.8" in docx
