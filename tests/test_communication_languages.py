"""The example case's communication in French, Spanish and Russian, checked against the
terms we compiled from the Committee's Views in each language (docs/terminology/): its
section headings, standard phrases and citation terms; language tags, footers and dates
per language; no English standard wording; and a kind asked for in a language it has no
templates in is an error naming the languages it has."""

from __future__ import annotations

import re
import shutil
import zipfile
from datetime import date
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from tests.conftest import REPO, TODAY
from toolkit.model.dates import format_date, format_when, parse_date
from toolkit.model.errors import CovenantError
from toolkit.workspace.build import build
from toolkit.workspace.folders import Workspace

LANGUAGES = ("fr", "es", "ru")
TERMS = REPO / "docs" / "terminology"
# What the English templates say; none of it may appear in another language's draft.
ENGLISH_WORDING = [
    "The facts relied on", "of the Covenant", "The author", "The communication",
    "State party", "has therefore violated", "In its General Comment", "has explained",
    "Domestic remedies", "The same matter", "Optional Protocol entered", "Signature:",
    "Copies of the following", "counsel for the author", "Information on the author",
    "Admissibility", "The complaint", "Annexed documents", "Time of submission",
    "to be confirmed", "Remedies sought",
]
# OSCOLA's English terms in a note: "ibid", "para 12", "(n 5)", "adopted", "accessed".
ENGLISH_APPARATUS = [r"\bibid\b", r"\bparas? \d", r"\(n \d", r"\badopted\b",
                     r"\bentered into force\b", r"\baccessed\b"]
FOOTERS = {"fr": "page 2 sur", "es": "página 2 de", "ru": "Стр. 2 из"}
TAGS = {"fr": "fr-FR", "es": "es-ES", "ru": "ru-RU"}


def spaces(text: str) -> str:
    """No-break and narrow no-break spaces compared as spaces."""
    return re.sub(r"[\u00a0\u202f]", " ", text)


def _workspace(root: Path) -> Workspace:
    for folder in ("claims", "citations", "templates"):
        shutil.copytree(REPO / folder, root / folder)
    (root / "drafts").mkdir()
    return Workspace(root)


def _case_in(ws: Workspace, language: str) -> Path:
    """claims/zheksebaev-ru.yaml for Russian; for French and Spanish, the English example
    with `case.language` changed (its facts and arguments stay in English: a translation
    is the editors' work, and the templates' wording is what is checked here)."""
    if language == "ru":
        return ws.claims / "zheksebaev-ru.yaml"
    case = yaml.safe_load((ws.claims / "zheksebaev.yaml").read_text(encoding="utf-8"))
    case["case"]["language"] = language
    case["case"]["id"] = f"zheksebaev-{language}"
    path = ws.claims / f"zheksebaev-{language}.yaml"
    path.write_text(yaml.safe_dump(case, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def drafts(tmp_path_factory):
    ws = _workspace(tmp_path_factory.mktemp("ws"))
    out = {}
    for language in LANGUAGES:
        (output,) = build(ws, [_case_in(ws, language)], "communication",
                          ["native", "docx", "pdf", "html"], today=TODAY)
        paths = {p.suffix: p for p in output.paths}
        native = paths[".txt"].read_text(encoding="utf-8")
        body, _, notes = native.partition("\nNotes ")
        with zipfile.ZipFile(paths[".docx"]) as z:
            docx = {n: z.read(n).decode("utf-8") for n in z.namelist()
                    if n.startswith("word/") and n.endswith(".xml")}
        reader = PdfReader(str(paths[".pdf"]))
        out[language] = {
            "native": native,
            "headings": [spaces(h) for h in
                         re.findall(r'^  Heading\d (?:\S+ )?"(.*)"$', body, re.M)],
            "body": spaces(body), "notes": spaces(notes), "docx": docx,
            "pdf": reader, "pdf_text": spaces(" ".join(p.extract_text()
                                                       for p in reader.pages)),
            "html": paths[".html"].read_text(encoding="utf-8"),
        }
    return out


def _terms(language: str, group: str) -> list[dict]:
    data = yaml.safe_load((TERMS / f"{language}.yaml").read_text(encoding="utf-8"))
    return data[group]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_term_has_a_source(language):
    for group in ("headings", "phrases", "citations"):
        terms = _terms(language, group)
        assert terms, (language, group)
        for entry in terms:
            assert entry.get("term") and entry.get("seen"), entry


@pytest.mark.parametrize("language", LANGUAGES)
def test_section_headings_use_the_committees_terms(drafts, language):
    headings = drafts[language]["headings"]
    for entry in _terms(language, "headings"):
        assert any(entry["term"] in h for h in headings), (entry, headings)


@pytest.mark.parametrize("language", LANGUAGES)
def test_standard_phrases_use_the_committees_terms(drafts, language):
    body = drafts[language]["body"]
    for entry in _terms(language, "phrases"):
        assert entry["term"] in body, entry


@pytest.mark.parametrize("language", LANGUAGES)
def test_citations_use_the_committees_terms(drafts, language):
    notes = drafts[language]["notes"]
    for entry in _terms(language, "citations"):
        assert entry["term"] in notes, entry


@pytest.mark.parametrize("language", ["fr", "es"])
def test_no_english_standard_wording_or_apparatus(drafts, language):
    """The facts and arguments are the English file's own text; the wording around them
    and the notes' apparatus are not English."""
    draft = drafts[language]
    for heading in draft["headings"]:
        for phrase in ENGLISH_WORDING:
            assert phrase.lower() not in heading.lower(), heading
    standard = [line for line in draft["body"].splitlines()
                if line.startswith("  Para 3.") or line.startswith("  Para 2.")]
    for line in standard:
        for phrase in ENGLISH_WORDING:
            assert phrase not in line, (phrase, line)
    for pattern in ENGLISH_APPARATUS:
        assert not re.search(pattern, draft["notes"]), pattern


@pytest.mark.parametrize("language", LANGUAGES)
def test_language_tags_in_docx_html_and_pdf(drafts, language):
    draft = drafts[language]
    tag = TAGS[language]
    assert f'w:lang w:val="{tag}"' in draft["docx"]["word/styles.xml"]
    assert re.search(rf'<html[^>]*\blang="{tag}"', draft["html"])
    assert str(draft["pdf"].trailer["/Root"].get("/Lang")) == tag


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_footer_reads_page_n_of_m_in_the_language(drafts, language):
    assert FOOTERS[language] in drafts[language]["pdf_text"]


def test_french_spacing_and_guillemets(drafts):
    native = drafts["fr"]["native"]
    assert "\u00a0:" in native and "\u202f;" in native
    assert re.search(r"«\u00a0\S", native) and re.search(r"\S\u00a0»", native)
    assert not re.search(r"« | »", native)  # never an ordinary, breakable space inside


def test_spanish_quotes_are_the_committees(drafts):
    """The Committee's Spanish uses “ ” (CCPR/C/120/D/2158/2012), not « »."""
    assert "“" in drafts["es"]["notes"]
    assert "«" not in drafts["es"]["notes"]


def test_state_names_come_from_the_language(drafts):
    assert "contre le Kazakhstan" in drafts["fr"]["body"]
    assert "Askhat Zheksebaev c. Kazakhstan" in drafts["fr"]["native"]
    assert "contra Kazajstán" in drafts["es"]["body"]
    assert "país de nacionalidad: Kazajstán" in drafts["es"]["body"]
    assert "pays de nationalité : Kazakhstan" in spaces(drafts["fr"]["body"])
    assert "Kazajistán" not in drafts["es"]["native"]


@pytest.mark.parametrize(("language", "value", "long", "in_text"), [
    ("fr", "2020-05-01", "1er mai 2020", "le 1er mai 2020"),
    ("fr", "2020-05", "mai 2020", "en mai 2020"),
    ("fr", "2021-04-06/2021-11-23", "6 avril – 23 novembre 2021",
     "entre le 6 avril et le 23 novembre 2021"),
    ("fr", "2020-06-01/2020-06-06", "1er–6 juin 2020", "entre le 1er juin et le 6 juin 2020"),
    ("es", "2020-05-19", "19 de mayo de 2020", "el 19 de mayo de 2020"),
    ("es", "2020", "2020", "en 2020"),
    ("es", "2020-06-01/2020-06-06", "1 a 6 de junio de 2020",
     "entre el 1 de junio y el 6 de junio de 2020"),
    ("es", "~2020-06-30", "hacia el 30 de junio de 2020", "hacia el 30 de junio de 2020"),
])
def test_dates_in_french_and_spanish(language, value, long, in_text):
    assert format_date(parse_date(value), language) == long
    assert format_when(parse_date(value), language) == in_text


@pytest.mark.parametrize(("kind", "language", "has"), [
    ("memo", "fr", "'en'"), ("fairness-report", "es", "'en'"),
])
def test_a_kind_without_templates_in_the_language_is_an_error_naming_those_it_has(
        tmp_path, kind, language, has):
    ws = _workspace(tmp_path)
    case = yaml.safe_load((ws.claims / "zheksebaev.yaml").read_text(encoding="utf-8"))
    case["case"]["language"] = language
    path = ws.claims / "zheksebaev.yaml"
    path.write_text(yaml.safe_dump(case, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    with pytest.raises(CovenantError) as caught:
        build(ws, [path], kind, ["native"], today=date(2026, 11, 22))
    (error,) = [d for d in caught.value.report.errors if d.code == "kind-language"]
    assert f"no templates in '{language}'" in error.message and has in error.message, error
    lines = path.read_text(encoding="utf-8").splitlines()
    assert error.line == lines.index(f"  language: {language}") + 1  # at case.language
    # the renderer refuses it too, should a build reach it without the check
    from toolkit.kinds.sections import KindEnv
    from toolkit.readers.library import Library

    env = KindEnv(ws.templates, Library())
    with pytest.raises(CovenantError, match=f"no templates in '{language}'"):
        env.render_sections(kind, {}, language)


def test_the_communication_names_its_languages_for_one_it_lacks():
    """A language the check lets through (a working language of the secretariat) always
    has templates; the builder's own registry still refuses any other by name."""
    from toolkit.kinds.communication.builder import cover_words

    with pytest.raises(CovenantError, match="'en', 'ru', 'fr', 'es'"):
        cover_words("de")


@pytest.mark.parametrize(("language", "date_", "text", "told"), [
    ("en", "2021-04", "In April 2021 she was convicted.", True),
    ("en", "2021-04", "She was convicted.", False),
    ("ru", "2021-04", "В апреле 2021 года ей вынесен приговор.", True),
    ("ru", "2021-04", "Приговором апреля 2021 года …", True),
    ("ru", "2021-05", "В марте 2021 года …", False),  # "ма…" is May only as май/мая/мае
    ("ru", "2021-05", "В мае 2021 года …", True),
    ("ru", "2020-11-23", "23 ноября 2020 года суд …", True),
    ("ru", "2020-11-23", "3 ноября 2020 года суд …", False),
    ("ru", "2020-11-23", "В ноябре 2020 года суд …", False),  # the day is not stated
    ("fr", "2021-04", "En avril 2021, elle a été condamnée.", True),
])
def test_a_fact_that_states_its_date_is_not_led_by_it_again(language, date_, text, told):
    """'**Апрель 2021 г.** В апреле 2021 года …' repeated the date in a docs-only trial."""
    from types import SimpleNamespace

    from toolkit.kinds.sections import date_told

    assert date_told(SimpleNamespace(date=date_, text=text), language) is told
