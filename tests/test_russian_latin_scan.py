"""Russian drafts hold no English wording: the Russian memo, the Russian fairness report
(and its public version) and the Russian briefing, each read back from the DOCX body and
the PDF's pages, have no Latin-script word outside names, citations, quoted material and
codes (tests/latin_scan.py says what each is; its list of names is explicit and small).
And the smaller marks of a Russian document: language tags ru-RU in the DOCX (w:lang,
themeFontLang, properties), the HTML and the PDF (/Lang); « » as quotation marks; the
State named in Russian; never a doubled full stop after "г."."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import REPO, TODAY
from tests.latin_scan import (
    citations,
    docx_texts,
    latin_words,
    native_body,
    pdf_texts,
    people_names,
)
from toolkit.workspace.build import build
from toolkit.workspace.folders import Workspace

# (what, kind, input file, public, the case files it draws on)
DRAFTS = [
    ("memo zheksebaev-ru", "memo", "zheksebaev-ru.yaml", False, ["zheksebaev-ru.yaml"]),
    ("memo mamay-ru", "memo", "mamay-ru.yaml", False, ["mamay-ru.yaml"]),
    ("fairness report", "fairness-report", "mamay-ru.yaml", False, ["mamay-ru.yaml"]),
    ("public fairness report", "fairness-report", "mamay-ru.yaml", True, ["mamay-ru.yaml"]),
    ("briefing", "briefing", "briefings/briefing-ru.yaml", False,
     ["zheksebaev-ru.yaml", "mamay-ru.yaml"]),
]


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Workspace:
    root = tmp_path_factory.mktemp("ws")
    for folder in ("claims", "citations", "templates"):
        shutil.copytree(REPO / folder, root / folder)
    shutil.copy(REPO / "tests" / "fixtures" / "briefing-ru.yaml",
                root / "claims" / "briefings" / "briefing-ru.yaml")
    (root / "drafts").mkdir()
    return Workspace(root)


_BUILT: dict[str, dict[str, Path]] = {}


def _built(ws: Workspace, kind: str, source: str, public: bool) -> dict[str, Path]:
    """Each draft built once for the module, in every format."""
    key = f"{kind} {source} {public}"
    if key not in _BUILT:
        (output,) = build(ws, [ws.claims / source], kind, ["native", "docx", "pdf", "html"],
                          today=TODAY, public=public)
        _BUILT[key] = {p.suffix: p for p in output.paths}
    return _BUILT[key]


PARAMETERS = pytest.mark.parametrize(("what", "kind", "source", "public", "cases"), DRAFTS,
                                     ids=[d[0] for d in DRAFTS])


@PARAMETERS
def test_a_russian_draft_holds_no_english_wording(workspace, what, kind, source, public,
                                                  cases):
    paths = _built(workspace, kind, source, public)
    cited = citations(paths[".docx"], paths[".txt"].read_text(encoding="utf-8"))
    names = people_names([workspace.claims / c for c in cases])
    assert latin_words(docx_texts(paths[".docx"]), cited, names) == set(), "DOCX"
    assert latin_words(pdf_texts(paths[".pdf"]), cited, names) == set(), "PDF"


def test_the_scan_finds_english_wording_where_there_is_some():
    texts = ["Резюме: the trial of «Quoted text» и Facebook, CCPR/C/GC/34, 19(2)",
             "Grade D; TrialWatch, «[Op-ed]», п. 3."]
    assert latin_words(texts, ["TrialWatch, «[Op-ed]», п. 3."], set()) == \
        {"the", "trial", "of", "Grade"}


def test_a_citation_is_taken_out_even_when_the_pdf_breaks_and_hyphenates_it():
    page = "пп. 5.1 UN Human Rights\nCommittee, «General Com‐\nment No 34» (12 сен‐\nтября)"
    assert latin_words([page], ["UN Human Rights Committee, «General Comment No 34» "
                                "(12 сентября)"], set()) == set()


@PARAMETERS
def test_a_russian_draft_is_tagged_ru_RU_in_every_format(workspace, what, kind, source,
                                                         public, cases):
    paths = _built(workspace, kind, source, public)
    with zipfile.ZipFile(paths[".docx"]) as z:
        styles, settings, core = (z.read(p).decode() for p in (
            "word/styles.xml", "word/settings.xml", "docProps/core.xml"))
    assert re.search(r'<w:rPrDefault>.*?<w:lang w:val="ru-RU"', styles, re.S)
    assert '<w:themeFontLang w:val="ru-RU"' in settings
    assert "<dc:language>ru-RU</dc:language>" in core
    assert '<html lang="ru-RU">' in paths[".html"].read_text(encoding="utf-8")
    assert PdfReader(paths[".pdf"]).trailer["/Root"]["/Lang"] == "ru-RU"


@PARAMETERS
def test_a_russian_draft_quotes_dates_and_names_the_state_in_russian(
        workspace, what, kind, source, public, cases):
    """Outside the footnotes (whose titles are the sources' own): « », never a straight
    or an English quotation mark; 'Казахстан', never 'Kazakhstan'; 'г.' never followed
    by another full stop."""
    native = _built(workspace, kind, source, public)[".txt"].read_text(encoding="utf-8")
    body = native_body(native)
    assert not re.search(r"г\.\.", native)
    assert '\\"' not in body and "“" not in body and "”" not in body
    assert "Kazakhstan" not in body
    assert "Казахстан" in body
