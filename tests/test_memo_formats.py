"""The Zheksebaev memo in DOCX and PDF: same footnotes, same order, same text; the DOCX
survives LibreOffice; arbitrary fact text never crashes a build."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from pypdf import PdfReader

from tests.conftest import REPO, TODAY
from tests.docx_reading import list_numbers
from toolkit.model.case import CaseFile
from toolkit.model.document import Heading, Paragraph, plain_text
from toolkit.model.errors import Report
from toolkit.readers.claims import load_case
from toolkit.readers.library import Library
from toolkit.workspace.build import build, build_document
from toolkit.workspace.folders import Workspace
from toolkit.writers import WRITERS

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def squash(text: str) -> str:
    """Text compared across formats: no white space, no soft hyphens or line-end hyphens."""
    text = re.sub(r"\u2010\s*\n\s*", "", text)  # WeasyPrint's automatic hyphenation
    return re.sub(r"[\s\u00ad\u200b]+", "", text)


@pytest.fixture(scope="module")
def memo(tmp_path_factory):
    root = tmp_path_factory.mktemp("ws")
    for folder in ("claims", "citations", "templates"):
        shutil.copytree(REPO / folder, root / folder)
    (root / "drafts").mkdir()
    ws = Workspace(root)
    (output,) = build(ws, [ws.claims / "zheksebaev.yaml"], "memo", ["native", "docx", "pdf"],
                      today=TODAY)
    report = Report()
    library = Library.from_folder(ws.citations, report)
    loaded = load_case(ws.claims / "zheksebaev.yaml", report).case
    document, _ = build_document(loaded, "memo", ws, library, "covenant-oscola", report, TODAY)
    paths = {p.suffix: p for p in output.paths}
    return document, paths


def docx_footnotes(path: Path) -> tuple[list[str], list[str]]:
    with zipfile.ZipFile(path) as z:
        notes = etree.fromstring(z.read("word/footnotes.xml"))
        body = etree.fromstring(z.read("word/document.xml"))
    texts = []
    for note in notes.iter(f"{W}footnote"):
        if int(note.get(f"{W}id")) > 0:
            texts.append("".join(t.text or "" for t in note.iter(f"{W}t")).strip())
    refs = [r.get(f"{W}id") for r in body.iter(f"{W}footnoteReference")]
    return texts, refs


def test_the_memo_has_real_word_footnotes_in_document_order(memo):
    document, paths = memo
    texts, refs = docx_footnotes(paths[".docx"])
    assert len(document.notes) >= 30
    assert len(texts) == len(document.notes)
    assert refs == [str(n) for n in range(1, len(document.notes) + 1)]


def test_docx_footnote_text_is_the_models_footnote_text(memo):
    document, paths = memo
    texts, _ = docx_footnotes(paths[".docx"])
    for note, text in zip(document.notes, texts, strict=True):
        assert squash(text) == squash(plain_text(note.children)), note.number


def test_pdf_carries_the_same_footnotes_in_the_same_order(memo):
    document, paths = memo
    reader = PdfReader(str(paths[".pdf"]))
    pdf_text = squash("\n".join(page.extract_text() for page in reader.pages))
    position = 0
    for note in document.notes:
        wanted = squash(plain_text(note.children))
        found = pdf_text.find(wanted, position)
        assert found >= 0, f"footnote {note.number} not found after the previous one: {wanted}"
        position = found


def test_pdf_has_title_author_and_language_metadata(memo):
    document, paths = memo
    reader = PdfReader(str(paths[".pdf"]))
    assert reader.metadata.title == document.title
    assert reader.metadata.author == document.author
    root = reader.trailer["/Root"]
    assert str(root.get("/Lang", "")).startswith("en")
    assert reader.outline, "headings make a PDF outline"


def test_docx_and_native_dump_number_paragraphs_alike(memo):
    """The numbers Word's list gives the numbered headings and paragraphs, in order, are
    the numbers of the tree (and none is typed as well)."""
    document, paths = memo
    with zipfile.ZipFile(paths[".docx"]) as z:
        body = etree.fromstring(z.read("word/document.xml"))
        shown = list_numbers(body, etree.fromstring(z.read("word/numbering.xml")))
    wanted = [b.number for b in document.blocks
              if isinstance(b, Heading | Paragraph) and b.number]
    assert {"4.1", "4.12", "5.3"} <= set(wanted)
    assert [shown[p] for p in body.iter(f"{W}p") if p in shown and p.xpath(
        "w:pPr/w:pStyle[@w:val='Heading1' or @w:val='NumberedParagraph']",
        namespaces={"w": W[1:-1]})] == wanted
    assert not [p for p in shown if "".join(p.itertext()).startswith(shown[p])]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_the_memo_and_keeps_every_footnote(memo, tmp_path):
    document, paths = memo
    result = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless",
         "--convert-to", "odt", "--outdir", str(tmp_path), str(paths[".docx"])],
        capture_output=True, text=True, timeout=180)
    odt = tmp_path / "memo.odt"
    assert odt.is_file(), result.stderr
    with zipfile.ZipFile(odt) as z:
        content = etree.fromstring(z.read("content.xml"))
    ns = {"text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0"}
    notes = content.findall(".//text:note[@text:note-class='footnote']", ns)
    assert len(notes) == len(document.notes)
    body = "".join(notes[0].find("text:note-body", ns).itertext())
    assert squash(body) == squash(plain_text(document.notes[0].children))


# ------------------------------------------------------------ property tests

WORKSPACE = Workspace(REPO)
LIBRARY = Library.from_folder(REPO / "citations", Report())
BASE_CASE = {
    "case": {"id": "prop", "title": "Property v State", "state": "Kazakhstan"},
    "people": [{"id": "v", "name": "A Person", "roles": ["alleged-victim"]}],
    "facts": [{"id": "f", "date": "2020-05-19", "text": "x",
               "sources": ["@cfj-2021-zheksebaev"]}],
    "claims": [{"provision": "19(2)", "facts": ["f"], "argument": "Argued."}],
}
LETTERS = st.characters(whitelist_categories=("Lu", "Ll", "Nd"),
                        max_codepoint=0x4FF) | st.sampled_from("қңүұәөғһіҚҢҮҰӘӨҒҺІ")
WORDS = st.lists(st.text(LETTERS, min_size=1, max_size=12), min_size=1, max_size=12)


def _document(text: str):
    data = {**BASE_CASE, "facts": [{**BASE_CASE["facts"][0], "text": text}]}
    case = CaseFile.model_validate(data)
    report = Report()
    document, _ = build_document(case, "memo", WORKSPACE, LIBRARY, "covenant-oscola", report,
                                 date(2026, 11, 22))
    assert not report.errors
    return document


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1, max_size=200).filter(lambda t: t.strip()))
def test_arbitrary_unicode_fact_text_never_crashes_a_build(text):
    document = _document(text)
    frame = REPO / "templates" / "memo"
    for name in ("native", "docx", "html"):
        assert WRITERS[name].write(document, frame)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(WORDS)
def test_fact_text_appears_verbatim_in_docx_and_pdf(words):
    text = " ".join(words)
    document = _document(text)
    frame = REPO / "templates" / "memo"
    docx = WRITERS["docx"].write(document, frame)
    import io

    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        body = etree.fromstring(z.read("word/document.xml"))
    paragraphs = ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in body.iter(f"{W}p")]
    assert any(text in p for p in paragraphs)
    pdf = WRITERS["pdf"].write(document, frame)
    reader = PdfReader(io.BytesIO(pdf))
    assert squash(text) in squash("".join(page.extract_text() for page in reader.pages))


def test_a_claims_authorities_already_cited_in_its_argument_are_not_cited_again():
    """The memo appends a claim's authorities to its argument: one the argument cites
    sentence by sentence must not come back in a trailing note ("ibid paras 36, 33"
    under a sentence that cited para 36 only: the new-case trial of December 2026)."""
    from toolkit.kinds.sections import uncited_in

    argument = "It extends to ... [@hrc-gc-37, para 33]; no ground [see @hrc-gc-37,  para 36]."
    assert uncited_in(["@hrc-gc-37, para 33", "@hrc-gc-37, para 36", "@iccpr, art 21"],
                      argument) == ["@iccpr, art 21"]
    assert uncited_in(["@hrc-gc-37, para 34"], argument) == ["@hrc-gc-37, para 34"]
