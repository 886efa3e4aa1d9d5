"""The briefing in Russian (`briefing.language: ru`; English stays the default): the
templates of templates/briefing/sections/ru/, the paper's own words in Russian, and only
case files written in Russian (tests/fixtures/briefing-ru.yaml, drawn from the shipped
claims/zheksebaev-ru.yaml and claims/mamay-ru.yaml). Golden dump:
tests/golden/eu-kazakhstan-ru.briefing.native.txt (UPDATE_GOLDEN=1 rewrites it)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO, TODAY
from toolkit.model.errors import CovenantError
from toolkit.workspace.build import build
from toolkit.workspace.check import check_workspace
from toolkit.workspace.folders import Workspace

FIXTURE = REPO / "tests" / "fixtures" / "briefing-ru.yaml"
GOLDEN = REPO / "tests" / "golden" / "eu-kazakhstan-ru.briefing.native.txt"


def russian_workspace(root: Path) -> tuple[Workspace, Path]:
    """A copy of the repository's workspace with the Russian briefing beside the
    English example."""
    for folder in ("claims", "citations", "templates"):
        shutil.copytree(REPO / folder, root / folder)
    (root / "drafts").mkdir()
    path = root / "claims" / "briefings" / "briefing-ru.yaml"
    shutil.copy(FIXTURE, path)
    return Workspace(root), path


def _native(ws: Workspace, path: Path) -> str:
    (output,) = build(ws, [path], "briefing", ["native"], today=TODAY)
    return output.paths[0].read_text(encoding="utf-8")


def _rewrite(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")


@pytest.fixture(scope="module")
def paper(tmp_path_factory):
    ws, path = russian_workspace(tmp_path_factory.mktemp("ws"))
    return _native(ws, path)


def test_the_russian_briefing_matches_its_golden_dump(paper):
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(paper, encoding="utf-8")
    assert paper == GOLDEN.read_text(encoding="utf-8"), \
        "the Russian briefing changed; if intended, rerun with UPDATE_GOLDEN=1"


def test_the_paper_speaks_russian_from_cover_to_table(paper):
    assert paper.startswith("Document kind=briefing language=ru")
    assert 'cover.subtitle "Информационная записка: Диалог ЕС — Казахстан по правам ' \
           'человека, Брюссель, 2024\u00a0г."' in paper
    assert 'cover.case_title "Подготовили: ' in paper
    assert 'cover.page_label "стр."' in paper and 'cover.confidentiality "Условный пример"' \
        in paper
    for heading in ("Введение", "Дела, вызывающие обеспокоенность", "Рекомендации",
                    "Обзор дел, вызывающих обеспокоенность"):
        assert f'"{heading}"' in paper
    assert "Header Имя | Обвинения | Наказание и запреты | Положение дел | Статьи Пакта" \
        in paper
    assert "(ППЧ, Бельгия)" in paper  # the organisation's country, named in Russian
    assert 'Para "Рекомендации властям Казахстана:"' in paper
    for english in ("Briefing", "Prepared", "Cases of concern", "Recommendations",
                    "authorities of", "Belgium", "Kazakhstan should"):
        assert english not in paper


def test_a_case_told_in_an_earlier_theme_points_back_to_it_in_russian(paper):
    # a ban the court imposed alone is the punishment the pointer names
    assert "Дело Жанболата Мамая (наказание: запрет на общественно-политическую " \
           "деятельность, включая публикации в социальных сетях (срок: шесть лет)) изложено " \
           "выше, в разделе «Свобода выражения мнений»." in paper
    assert "Дело затрагивает права, гарантированные пунктом\u00a02 статьи\u00a019 Пакта." \
        in paper


def test_a_russian_briefing_draws_only_on_russian_case_files(paper):
    """`provisions` passes over the English examples (Abishev, Sultanov ...) and the
    English twins of the Russian cases."""
    assert "Абишев" not in paper and "Abishev" not in paper
    assert paper.count('Heading3 "Асхат Жексебаев"') == 2  # two themes, one case
    assert "Zheksebaev" not in paper.split("Notes")[0]


def test_an_english_case_listed_in_a_russian_briefing_is_an_error(tmp_path):
    ws, path = russian_workspace(tmp_path)
    _rewrite(path, lambda d: d["themes"][0].update(cases=["zheksebaev-ru", "abishev"]))
    report = check_workspace(ws, [path], TODAY).report
    (error,) = [d for d in report.errors if d.code == "case-language"]
    assert "case 'abishev' is written in 'en' and this briefing in 'ru'" in error.message
    with pytest.raises(CovenantError):
        _native(ws, path)


def test_a_briefing_in_a_language_without_templates_names_those_it_has(tmp_path):
    ws, path = russian_workspace(tmp_path)
    _rewrite(path, lambda d: d["briefing"].update(language="fr"))
    report = check_workspace(ws, [path], TODAY).report
    (error,) = [d for d in report.errors if d.code == "kind-language"]
    assert "no templates in 'fr' (briefing.language)" in error.message
    assert "'en', 'ru'" in error.message


def test_english_stays_the_default(tmp_path):
    ws, _ = russian_workspace(tmp_path)
    english = _native(ws, ws.claims / "briefings" / "eu-kazakhstan-2023.yaml")
    assert english.startswith("Document kind=briefing language=en")
    assert "Briefing paper for the 14th round of the EU–Kazakhstan" in english
