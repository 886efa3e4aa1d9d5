"""The Russian fairness report (templates/fairness-report/sections/ru/): the same
sections, data and logic as the English one, with the scale's words from grading.ru.yaml
and its rules worded from grading.yaml's thresholds; Russian labels in the public
version; the cover, the marks of example data and the footer in Russian. The golden dump
is tests/golden/mamay-ru.fairness-report.native.txt (UPDATE_GOLDEN=1 rewrites it)."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO, TODAY
from toolkit.kinds.fairness_report.grading import load_scale
from toolkit.kinds.fairness_report.grading_ru import describe, rule
from toolkit.kinds.russian import count, decline_name
from toolkit.model.errors import CovenantError, Report
from toolkit.workspace.build import build
from toolkit.workspace.folders import Workspace

GOLDEN = REPO / "tests" / "golden" / "mamay-ru.fairness-report.native.txt"


def _workspace(root: Path) -> Workspace:
    for folder in ("claims", "citations", "templates"):
        shutil.copytree(REPO / folder, root / folder)
    (root / "drafts").mkdir()
    return Workspace(root)


def _native(ws: Workspace, path: Path, public: bool = False) -> str:
    (output,) = build(ws, [path], "fairness-report", ["native"], today=TODAY, public=public)
    return output.paths[0].read_text(encoding="utf-8")


def _edited(ws: Workspace, change) -> Path:
    path = ws.claims / "mamay-ru.yaml"
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(case)
    path.write_text(yaml.safe_dump(case, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    ws = _workspace(tmp_path_factory.mktemp("ws"))
    return _native(ws, ws.claims / "mamay-ru.yaml")


def test_the_russian_fairness_report_matches_its_golden_dump(report):
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(report, encoding="utf-8")
    assert report == GOLDEN.read_text(encoding="utf-8"), \
        "the Russian fairness report changed; if intended, rerun with UPDATE_GOLDEN=1"


def test_its_headings_cover_and_marks_are_russian(report):
    assert report.startswith("Document kind=fairness-report language=ru")
    headings = re.findall(r'^  Heading1 (?:\d+ )?#\S+ "(.*)"$', report, re.M)
    assert headings == ["Перечень цитируемых источников", "Резюме и выводы",
                        "Общие сведения", "Методология", "Судебное разбирательство",
                        "Анализ", "Заключение и оценка", "Приложение: шкала оценок"]
    assert 'cover.title "Доклад о справедливости судебного разбирательства"' in report
    assert 'cover.grade_label "Оценка"' in report
    assert 'cover.page_label "стр."' in report
    assert "Условный пример, а не реальный доклад — Конфиденциально" in report
    assert 'cover.subtitle "Казахстан: судебное разбирательство по делу Жанболата Мамая"' \
        in report
    assert "**Оценка D (условный пример): нарушения, повлиявшие на исход" in report
    assert "**Вывод (условный пример).**" in report
    for english in ("illustrative", "Grade", "Finding", "Monitor", "Sessions"):
        assert english not in report


def test_provisions_are_referred_to_as_the_committee_writes_them_in_russian(report):
    assert "Эксперт констатирует нарушение пункта\u00a02 статьи\u00a019, которое " \
           "причинило значительный вред обвиняемому." in report
    assert "Heading2 \"Статья 19: свобода мнений и их свободное выражение\"" in report
    assert "Международного пакта о гражданских и политических правах" in report


def test_the_conclusion_counts_the_findings_in_russian(report):
    assert "Эксперт выявил два нарушения Пакта: оба причинили значительный вред " \
           "обвиняемому." in report
    assert "эти выводы предполагают оценку D\u00a0— ту, которую выставил эксперт." in report


def test_the_annex_prints_the_russian_scale_with_rules_from_the_thresholds(report):
    scale = load_scale(REPO / "templates", language="ru")
    for grade in scale.in_order():
        assert f"Row **{grade.grade}** | {grade.name} | {grade.definition}" in report
        assert f"Row **{grade.grade}** | {rule(grade)}" in report
    assert scale.definition("B").suggested_when == \
        load_scale(REPO / "templates").definition("B").suggested_when


@pytest.mark.parametrize(("low", "high", "what", "words"), [
    (0, 0, "any", "не выявлено ни одного нарушения"),
    (1, 2, "any", "выявлено от одного до двух нарушений"),
    (3, None, "no-effect", "выявлено не менее трех нарушений, не повлиявших на исход и "
                           "не причинивших значительного вреда"),
    (1, None, "serious", "выявлено не менее одного нарушения, повлиявшего на исход или "
                         "причинившего значительный вред"),
    (2, 2, "any", "выявлено ровно два нарушения"),
    (0, 4, "significant-harm", "выявлено не более четырех нарушений, причинивших "
                               "значительный вред"),
])
def test_each_threshold_reads_as_a_russian_clause(low, high, what, words):
    assert describe(low, high, what) == words


def test_numbers_take_their_nouns_and_names_their_case():
    assert count(2, "заседание", "loct") == "двух заседаниях"
    assert count(1, "нарушение") == "одно нарушение"
    assert count(5, "нарушение", "accs") == "пять нарушений"
    assert decline_name("Жанболат Мамай") == "Жанболата Мамая"
    assert decline_name("Айгуль Утепова") == "Айгуль Утеповой"
    assert decline_name("Наблюдатель 1", "ablt") == "Наблюдателем 1"
    assert decline_name("Zhanbolat Mamay") == "Zhanbolat Mamay"


def test_the_public_russian_report_labels_the_monitor_in_russian(tmp_path):
    ws = _workspace(tmp_path)
    public = _native(ws, ws.claims / "mamay-ru.yaml", public=True)
    assert "Row 15\u00a0июня 2022\u00a0г. | Наблюдатель 1 |" in public
    assert "Наблюдатель: Наблюдатель 1." in public
    assert "Общедоступная версия" in public
    assert "Гольф" not in public and "Monitor" not in public


def test_every_branch_of_the_proceedings_reads_in_russian(tmp_path):
    """Two sessions, a hearing not monitored, a co-defendant, an appeal whose deciding
    court the sources do not name, and a grade the findings do not suggest."""
    ws = _workspace(tmp_path)

    def change(case):
        case["people"].append({"id": "co", "name": "Айгуль Утепова",
                               "roles": ["co-defendant"]})
        proceeding = case["proceedings"][0]
        proceeding["defendants"].append("co")
        proceeding["hearings"] = [{"date": "2022-05-10", "description":
                                   "Предварительное слушание.", "sources":
                                   ["@trialwatch-speech-bans, para 3"]}]
        proceeding["appeals"] = [{"kind": "appeal", "court": "Областной суд",
                                  "filed": "2022-07", "status": "refused",
                                  "decided_by": "unknown"}]
        monitoring = case["monitoring"]
        monitoring["sessions"].append(dict(monitoring["sessions"][0], date="2022-06-20",
                                           mode="online"))
        monitoring["assessment"].update(grade="F", justification="Так решил эксперт.")

    native = _native(ws, _edited(ws, change)).replace("\u00a0", " ")
    assert "Один наблюдатель присутствовал на двух заседаниях в период с 15 июня по 20 " \
           "июня 2022 г.:" in native
    assert "По делу также проходили: Айгуль Утепова." in native
    assert "(наблюдение не велось)" in native
    assert "Апелляционная жалоба (суд: Областной суд): подана в июле 2022" in native
    assert "(в источниках не указано, какой суд вынес решение)" in native
    assert "Результат: в рассмотрении отказано." in native
    assert "эти выводы предполагали бы оценку D" in native
    assert "Эксперт выставляет оценку F по следующим основаниям: Так решил эксперт." \
        in native


def test_a_russian_scale_without_every_grade_is_an_error_naming_its_file(tmp_path):
    ws = _workspace(tmp_path)
    words = ws.templates / "fairness-report" / "grading.ru.yaml"
    data = yaml.safe_load(words.read_text(encoding="utf-8"))
    del data["grades"]["F"]
    words.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(CovenantError) as caught:
        _native(ws, ws.claims / "mamay-ru.yaml")
    text = str(caught.value) + "".join(d.format() for d in
                                       (caught.value.report.errors if caught.value.report
                                        else []))
    assert "grading.ru.yaml" in text and "F" in text, text


def test_check_reads_the_russian_scale_words_for_a_russian_case(tmp_path):
    """`covenant check --kind fairness-report` reports a broken grading.ru.yaml at its
    line, before any build."""
    from toolkit.workspace.check import check_for_kind, check_workspace

    ws = _workspace(tmp_path)
    words = ws.templates / "fairness-report" / "grading.ru.yaml"
    words.write_text(words.read_text(encoding="utf-8").replace("\n  F:\n", "\n  G:\n"),
                     encoding="utf-8")
    (loaded,) = check_workspace(ws, [ws.claims / "mamay-ru.yaml"], TODAY).cases
    report = Report()
    check_for_kind("fairness-report", loaded, report, TODAY, ws)
    assert any("grading.ru.yaml" in d.file and "'A', 'B', 'C', 'D' or 'F'" in d.message
               for d in report.errors), [d.format() for d in report.errors]


def test_a_withheld_witness_is_a_russian_label_in_the_case_the_sentence_needs(tmp_path):
    ws = _workspace(tmp_path)

    def change(case):
        case["people"].append({"id": "witness", "name": "Дина Кветкова",
                               "roles": ["witness"], "confidential": True})
        case["monitoring"]["sessions"][0]["notes"] = (
            "Суд допросил Кветкову; защита задала вопросы Кветковой "
            "[@trialwatch-speech-bans, para 3].")

    public = _native(ws, _edited(ws, change), public=True)
    assert "Суд допросил Свидетеля А;" in public  # accusative, from "Кветкову"
    assert "Кветков" not in public and "Witness" not in public
