"""`covenant check` as a function: load the library and the cases, run every check,
return all diagnostics together. Nothing is written."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from toolkit.checks.context import CheckContext
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
        loaded = load_case(path, report, workspace.show(path))
        cases.append(loaded)
        context = CheckContext(loaded, library, report, today)
        run_case_checks(context)
        used |= context.used_keys
        check_for_kind(kind, loaded, report, today, workspace)
    _duplicate_case_ids(cases, report)
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
    if kind is None or loaded.case is None or not hasattr(loaded, "case"):
        return
    for rule in KINDS[kind].load_rules():
        rule(loaded, report, today, workspace.templates)


def _duplicate_case_ids(cases: list[LoadedCase], report: Report) -> None:
    seen: dict[str, LoadedCase] = {}
    for loaded in cases:
        if loaded.case is None:
            continue
        ident = loaded.case.case.id
        if ident in seen:
            mark = loaded.mark(("case", "id"))
            report.error(loaded.shown, mark.line, mark.column, f"case id '{ident}' is also "
                         f"used by {seen[ident].shown}; drafts would overwrite each other",
                         "duplicate-case-id")
        else:
            seen[ident] = loaded
