"""The Russian case file's other documents: the memo (templates/memo/sections/ru/) holds
no English wording — a scan of the DOCX body for Latin-script words finds only names,
citations and quoted material — names the State and nationalities in Russian, and never
doubles the full stop after a date ("31 декабря 2023 г.")."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
import yaml
from lxml import etree

from tests.conftest import REPO, TODAY
from toolkit.workspace.build import build
from toolkit.workspace.folders import Workspace

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Latin-script words the Russian case file itself uses as names (services, organisations)
# and the letters of sub-paragraphs ("пункт 3 b) статьи 14").
NAMES = {"Facebook", "Telegram", "YouTube", "TrialWatch", "Clooney", "Foundation", "for",
         "Justice", "Instagram", "WhatsApp"}
LETTERS = set("abcdefg")


def _workspace(root: Path) -> Workspace:
    for folder in ("claims", "citations", "templates"):
        shutil.copytree(REPO / folder, root / folder)
    (root / "drafts").mkdir()
    return Workspace(root)


def _paragraphs(docx: Path) -> list[str]:
    with zipfile.ZipFile(docx) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    return ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in root.iter(f"{W}p")]


def people_names(case_file: Path) -> set[str]:
    """The words of the case file's people's names and aliases ("Kylyshev")."""
    case = yaml.safe_load(case_file.read_text(encoding="utf-8"))
    names = [p.get("name", "") for p in case.get("people", [])]
    names += [a for p in case.get("people", []) for a in p.get("aliases") or []]
    return {w for n in names for w in re.findall(r"[A-Za-z][A-Za-z'’]*", n)}


def latin_words(paragraphs: list[str], names: set[str] = frozenset()) -> set[str]:
    """Latin-script words outside «quoted material» and names (the footnotes, where
    citations are, are a separate part of the DOCX and not scanned)."""
    found: set[str] = set()
    for text in paragraphs:
        text = re.sub(r"«[^»]*»|“[^”]*”|<[^>]*>", "", text)
        found |= set(re.findall(r"[A-Za-z][A-Za-z'’]*", text))
    return found - NAMES - LETTERS - set(names)


@pytest.fixture(scope="module")
def memo(tmp_path_factory):
    ws = _workspace(tmp_path_factory.mktemp("ws"))
    (output,) = build(ws, [ws.claims / "zheksebaev-ru.yaml"], "memo", ["native", "docx"],
                      today=TODAY)
    paths = {p.suffix: p for p in output.paths}
    return {"native": paths[".txt"].read_text(encoding="utf-8").replace("\u00a0", " "),
            "paragraphs": _paragraphs(paths[".docx"]),
            "names": people_names(ws.claims / "zheksebaev-ru.yaml")}


def test_the_russian_memo_holds_no_english_wording(memo):
    assert latin_words(memo["paragraphs"], memo["names"]) == set()


def test_the_scan_finds_english_wording_where_there_is_some():
    assert latin_words(["Участники: co-defendant", "«Quoted text» и Facebook"]) == \
        {"co", "defendant"}
    assert latin_words(["Case memorandum"]) == {"Case", "memorandum"}


def test_the_memo_cover_and_headings_are_russian(memo):
    native = memo["native"]
    assert native.startswith("Document kind=memo language=ru")
    assert 'cover.title "Служебная записка по делу"' in native
    assert 'cover.page_label "стр."' in native
    headings = re.findall(r'^  Heading\d (?:\S+ )?"(.*)"$', native, re.M)
    assert headings[:4] == ["Краткое изложение", "Участники", "Разбирательства",
                            "Суд первой инстанции, г. Алматы"]


def test_state_and_nationality_are_named_in_russian(memo):
    text = "\n".join(memo["paragraphs"])
    assert "Государство-участник" in text and "Казахстан" in text
    assert "Kazakhstan" not in text
    assert "гражданство: Kazakhstan" not in memo["native"]


def test_a_date_that_ends_in_a_full_stop_is_not_given_another(memo):
    assert not re.search(r"г\.\.", memo["native"])
    fact_dates = re.findall(r'#fact:\S+ "\*\*([^*]+)\*\*', memo["native"])
    assert fact_dates and all(d.endswith(" г.") for d in fact_dates
                              if re.search(r"\d{4}", d)), fact_dates


def test_the_public_russian_memo_labels_people_in_russian(tmp_path):
    """A confidential witness is "Свидетель А" in the public Russian memo, never
    "Witness A" (toolkit/redaction/people.py labels people in the document's language)."""
    ws = _workspace(tmp_path)
    path = ws.claims / "zheksebaev-ru.yaml"
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    case["people"].append({"id": "witness-a", "name": "Вымышленный Свидетель",
                           "roles": ["witness"], "confidential": True})
    path.write_text(yaml.safe_dump(case, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    (output,) = build(ws, [path], "memo", ["native"], today=TODAY, public=True)
    native = output.paths[0].read_text(encoding="utf-8").replace("\u00a0", " ")
    assert "**Свидетель А** — свидетель" in native
    assert "Witness" not in native and "Вымышленный" not in native


@pytest.mark.parametrize("when,printed", [
    ("2021-11-23", "Приговор (решение) от 23 ноября 2021 г.:"),
    ("2020-12/2021-11",
     "Приговор (решение) вынесен в период с декабря 2020 г. по ноябрь 2021 г.:"),
    ("2021-11", "Приговор (решение) вынесен в ноябре 2021 г.:"),
])
def test_the_judgment_date_reads_as_russian_at_the_precision_written(tmp_path, when,
                                                                      printed):
    ws = _workspace(tmp_path)
    path = ws.claims / "zheksebaev-ru.yaml"
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    case["proceedings"][0]["judgment"]["date"] = when
    path.write_text(yaml.safe_dump(case, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    (output,) = build(ws, [path], "memo", ["native"], today=TODAY)
    assert printed in output.paths[0].read_text(encoding="utf-8").replace("\u00a0", " ")
