"""What a fairness report needs from a case file beyond what every case is checked for
(toolkit/checks/monitoring.py): monitoring sessions, the expert's grade, and the
expert's reasons where the grade is not the one the findings suggest on the scale
(templates/fairness-report/grading.yaml).

Size: the fairness report's own rules, apart from its builder and scale."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from toolkit.kinds.fairness_report.grading import SCALE_FILE, Scale, Suggestion, load_scale, suggest
from toolkit.model.case import CaseFile
from toolkit.model.errors import CovenantError, Report
from toolkit.readers.claims import LoadedCase
from toolkit.readers.yamlsource import LocatedDict, Mark


def check_fairness_report(loaded: LoadedCase, report: Report, today: date,
                          templates: Path) -> None:
    """The kind's rule (its registry entry names it): run by `check --kind
    fairness-report` and before every fairness-report build, with the lines of the case
    file to point at."""
    if loaded.case is None:
        return
    # The scale's words in the report's language are checked too (grading.ru.yaml); a
    # language without templates is reported at case.language by the language check.
    language = loaded.case.case.language
    if not (Path(templates) / "fairness-report" / "sections" / language).is_dir():
        language = "en"
    try:
        scale = load_scale(templates, f"templates/{SCALE_FILE.as_posix()}", language)
    except CovenantError as exc:
        if exc.report is None:
            raise
        report.extend(exc.report)
        return
    report_problems(loaded.case, scale, report, loaded)


def report_problems(case: CaseFile, scale: Scale, report: Report,
                    source: LoadedCase | None = None) -> Suggestion:
    """What a fairness report needs from a case file beyond what `check` asks of every
    case: monitoring sessions, the expert's grade and, where that grade is not the one
    the findings suggest, the expert's reasons. Adds an error to `report` for each
    problem, at its case-file line when `source` is given; returns the suggestion."""
    shown = source.shown if source else f"case '{case.case.id}'"

    def error(path: tuple, message: str, code: str, *, key: bool = False) -> None:
        mark = source.mark(path, key=key) if source and isinstance(source.raw, LocatedDict) \
            else Mark(1, 1)
        report.error(shown, mark.line, mark.column, message, code)

    monitoring = case.monitoring
    suggestion = suggest(monitoring.findings if monitoring else [], scale)
    if monitoring is None:
        error(("case",), "a fairness report is drawn from the case file's 'monitoring:' "
              "section (programme, sessions, findings, assessment), and this file has "
              "none; see docs/fairness-report.md", "monitoring-missing", key=True)
        return suggestion
    if not monitoring.sessions:
        error(("monitoring",), "a fairness report describes the sessions monitored: list "
              "them under monitoring.sessions (date, mode, monitors, access, language)",
              "sessions-missing", key=True)
    assessment = monitoring.assessment
    if assessment is None:
        error(("monitoring",), "a fairness report prints the expert's grade: add "
              "monitoring.assessment with 'grade' (A, B, C, D or F) and 'summary'",
              "grade-missing", key=True)
    elif suggestion.grade is None:
        error(("monitoring", "findings"), "the grading scale (templates/"
              f"{SCALE_FILE.as_posix()}) suggests no grade for {suggestion.explain()}; "
              "give every combination a grade in its 'suggested_when' thresholds",
              "scale-gap", key=True)
    elif assessment.grade != suggestion.grade and not assessment.justification:
        error(("monitoring", "assessment", "grade"),
              f"the expert's grade {assessment.grade} differs from the grade the findings "
              f"suggest, {suggestion.grade} ({suggestion.explain()}); write the reasons for "
              f"{assessment.grade} under monitoring.assessment.justification (the report "
              "prints them), or correct the grade or the findings' effects",
              "grade-unjustified")
    return suggestion
