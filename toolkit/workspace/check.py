"""`covenant check` as a function: load the library and the cases, run every check,
return all diagnostics together. Nothing is written.

Size: `covenant check` as one function; the rules are in checks/ and the rooms."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from toolkit.checks.context import CheckContext, report_duplicate_ids
from toolkit.checks.shared import run_case_checks
from toolkit.kinds.registry import KINDS
from toolkit.model.errors import Report
from toolkit.readers.claims import LoadedCase, load_case
from toolkit.readers.library import Library
from toolkit.workspace.folders import Workspace


@dataclass
class CheckResult:
    report: Report
    cases: list[LoadedCase]
    library: Library
    briefings: list = field(default_factory=list)  # toolkit.kinds.briefing.check.LoadedBriefing


def check_workspace(workspace: Workspace, paths: list[Path] | None = None,
                    today: date | None = None, kind: str | None = None) -> CheckResult:
    report = Report()
    today = today or date.today()
    library = Library.from_folder(workspace.citations, report, workspace.root)
    files = workspace.expand(list(paths or []))
    # Briefing files (claims/briefings/) draw on every case of the workspace.
    briefing_paths = [p for p in files if workspace.is_briefing(p)] if paths else \
        workspace.briefing_files()
    if briefing_paths:
        files = [p for p in files if not workspace.is_briefing(p)]
        named = {p.resolve() for p in files}
        files += [p for p in workspace.case_files() if p.resolve() not in named]
    cases, used = [], set()
    for path in files:
        loaded = load_case(path, report, workspace.show(path), workspace.claims)
        cases.append(loaded)
        context = CheckContext(loaded, library, report, today)
        run_case_checks(context)
        used |= context.used_keys
        check_for_kind(kind, loaded, report, today, workspace)
    report_duplicate_ids(cases, lambda c: c.case.case.id if c.case else None, ("case", "id"),
                         "case", "duplicate-case-id", report)
    from toolkit.kinds.briefing.check import check_briefings

    briefings, briefing_keys = check_briefings(workspace, briefing_paths, cases, library,
                                               report, today)
    used |= briefing_keys
    all_cases = {p.resolve() for p in workspace.case_files()}
    if all_cases and all_cases <= {p.resolve() for p in files}:
        # Unused sources mean something only when every case has been read.
        for entry in library.entries.values():
            if entry.key.lower() not in used:
                report.warning(entry.file, entry.line, entry.column,
                               f"source '{entry.key}' is never cited by any case",
                               "unused-source")
    return CheckResult(report, cases, library, briefings)


def check_for_kind(kind: str | None, loaded: LoadedCase, report: Report, today: date,
                   workspace: Workspace) -> None:
    """The rules that belong to one document kind, as its registry entry names them
    (communication: admissibility; fairness-report: the grade), on a case file that
    passed the schema. The same function runs for `check --kind` and `build --kind`."""
    if kind is None or loaded.case is None:
        return
    for rule in KINDS[kind].load_rules():
        rule(loaded, report, today, workspace.templates)
