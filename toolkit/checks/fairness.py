"""Monitoring data: checks that hold for every case file (registered), and the rules a
fairness report adds, which `covenant build --kind fairness-report` runs with the other
checks before it builds anything (`check_fairness_report`)."""

from __future__ import annotations

from pathlib import Path

from toolkit.checks.registry import CheckContext, case_check, date_of, entries, text_items
from toolkit.dates import format_date
from toolkit.errors import CovenantError, Report
from toolkit.grading import SCALE_FILE, Scale, Suggestion, load_scale, suggest
from toolkit.model import CaseFile
from toolkit.readers.claims import LoadedCase
from toolkit.readers.yamlsource import LocatedDict, LocatedList, Mark

# ------------------------------------------------------------------ every case file


@case_check
def monitors_stay_anonymous(ctx: CheckContext) -> None:
    """A monitor who is not a trial-monitor in `people` would be named in public reports."""
    people = {p.get("id"): p for _, p in entries(ctx.raw, "people")}
    warned: set[str] = set()
    for path, session in entries(ctx.raw, "monitoring", "sessions"):
        for index, ref in text_items(session, "monitors"):
            person = people.get(ref)
            if person is None or ref in warned:
                continue
            roles = person.get("roles")
            roles = roles if isinstance(roles, LocatedList) else []
            if "trial-monitor" in roles or person.get("confidential") is not None:
                continue
            warned.add(ref)
            ctx.warning((*path, "monitors", index),
                        f"'{ref}' monitors a session but does not have the role "
                        "trial-monitor, so the public version of a fairness report would "
                        "print their name; add trial-monitor to their roles, or say "
                        "'confidential: true' (or false) in their entry",
                        "monitor-not-confidential")


@case_check
def findings_rest_on_evidence(ctx: CheckContext) -> None:
    for path, finding in entries(ctx.raw, "monitoring", "findings"):
        facts, sources = finding.get("facts"), finding.get("sources")
        if not (isinstance(facts, LocatedList) and facts) and \
                not (isinstance(sources, LocatedList) and sources):
            label = finding.get("id", f"number {path[-1] + 1}")
            ctx.warning((*path, "id") if "id" in finding else path,
                        f"finding '{label}' names no fact and cites no source; add "
                        "facts: [fact-id] or sources: ['@key, para N']",
                        "finding-without-evidence")


@case_check
def sessions_not_in_the_future(ctx: CheckContext) -> None:
    for path, session in entries(ctx.raw, "monitoring", "sessions"):
        when = date_of(session, "date")
        if when and when.start > ctx.today:
            ctx.error((*path, "date"), f"monitoring session date {format_date(when)} lies in "
                      f"the future (today is {ctx.today.isoformat()})", "future-date")


# ------------------------------------------------------------------ fairness reports


def check_fairness_report(loaded: LoadedCase, report: Report, templates: Path) -> None:
    """Run at build time for --kind fairness-report (toolkit/checking.py), with the lines
    of the case file to point at."""
    if loaded.case is None:
        return
    try:
        scale = load_scale(templates, f"templates/{SCALE_FILE.as_posix()}")
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
