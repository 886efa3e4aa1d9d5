"""The words a fairness report prints outside its section templates, by language: the
cover, the document's title, subject and author, the confidentiality markings and the
"illustrative" marks of example data. One entry per language the report has templates
in (templates/fairness-report/sections/ for English, sections/<language>/ for others);
the grading scale's words are in grading.yaml and grading.<language>.yaml.

Size: one table of words and the phrase for the trial, in each language."""

from __future__ import annotations

from dataclasses import dataclass

from toolkit.kinds.russian import names_list
from toolkit.model.case import Person


def english_names(people: list[Person]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    listed = [p.name for p in people]
    return listed[0] if len(listed) == 1 else ", ".join(listed[:-1]) + " and " + listed[-1]


@dataclass(frozen=True)
class ReportWords:
    title: str  # "Trial fairness report"
    example: str  # after the title in the running title of an illustrative report
    trial: str  # "the trial of {names}"; names in the case `names_case`
    trial_unnamed: str
    monitored: str  # "Sessions monitored: {dates}"
    illustrative: str  # after the dates on the cover
    not_real: str  # before the confidentiality marking of an illustrative report
    not_published: str  # "Illustrative example, not a publication of {programme}"
    subject: str  # "Trial fairness report on {heading}, grade {grade}"
    grade: str  # the label above the grade on the cover
    public: str
    withheld: str
    confidentiality: dict[str, str]
    names_case: str = "nomn"
    declines: bool = False  # names take the case of the sentence (Russian)

    def names(self, people: list[Person], case: str | None = None) -> str:
        if not self.declines:
            return english_names(people)
        return names_list([p.name for p in people], case or "nomn")

    def trial_of(self, accused: list[Person]) -> str:
        if not accused:
            return self.trial_unnamed
        return self.trial.format(names=self.names(accused, self.names_case))


WORDS: dict[str, ReportWords] = {
    "en": ReportWords(
        title="Trial fairness report", example=" (illustrative example)",
        trial="the trial of {names}", trial_unnamed="the trial",
        monitored="Sessions monitored: {dates}", illustrative=" (illustrative)",
        not_real="Illustrative example, not a real report",
        not_published="Illustrative example, not a publication of {programme}",
        subject="Trial fairness report on {heading}, grade {grade}", grade="Grade",
        public="Public version", withheld="Confidential — not for publication",
        confidentiality={"public": "Public", "confidential": "Confidential"}),
    "ru": ReportWords(
        title="Доклад о справедливости судебного разбирательства",
        example=" (условный пример)",
        trial="судебное разбирательство по делу {names}",
        trial_unnamed="судебное разбирательство",
        monitored="Заседания, за которыми велось наблюдение: {dates}",
        illustrative=" (условный пример)",
        not_real="Условный пример, а не реальный доклад",
        not_published="Условный пример, не является публикацией программы {programme}",
        subject="Доклад о справедливости судебного разбирательства — {heading}; "
                "оценка {grade}",
        grade="Оценка", public="Общедоступная версия",
        withheld="Конфиденциально — не для публикации",
        confidentiality={"public": "Общедоступно", "confidential": "Конфиденциально"},
        names_case="gent", declines=True),
}
