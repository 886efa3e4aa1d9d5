"""`covenant build BRIEFING --kind briefing` as a function: check the briefing and every
case of the workspace, build one document per briefing (all its cases in one tree, so
footnotes run through the paper and each source is formatted once), redact every
confidential person of every case it draws on, and write drafts/<briefing id>/briefing.<ext>.

As for case documents, nothing is written unless the briefing builds in every requested
format, and each file is written to a temporary file and renamed into place.
"""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

from toolkit.briefings.check import LoadedBriefing
from toolkit.briefings.model import BriefingFile
from toolkit.build import DEFAULT_STYLE, BuildOutput, cache_folder, reference_date
from toolkit.checking import check_workspace
from toolkit.document import Document
from toolkit.errors import CovenantError, Report
from toolkit.files import write_atomically
from toolkit.kinds import KINDS
from toolkit.kinds.sections import KindEnv
from toolkit.model import CaseFile, Person
from toolkit.passes import PassContext, run_passes
from toolkit.workspace import Workspace
from toolkit.writers import WRITERS

KIND = "briefing"


def people_of(cases: list[CaseFile]) -> list[Person]:
    """Everyone named in the cases, once per name: a person confidential in any case is
    confidential in the briefing."""
    from toolkit.redaction import is_confidential

    seen: dict[str, Person] = {}
    for case in cases:
        for person in case.people:
            key = " ".join(person.name.casefold().split())
            if key not in seen or (is_confidential(person) and not is_confidential(seen[key])):
                seen[key] = person
    return list(seen.values())


def build_briefing_document(briefing: BriefingFile, cases: list[CaseFile],
                            workspace: Workspace, library, style: str, report: Report,
                            today: date, progress=None, cache_dir: Path | None = None
                            ) -> tuple[Document, dict[str, float]]:
    from toolkit.citations.engine import resolve_style
    from toolkit.redaction import redact_document

    started = time.perf_counter()
    env = KindEnv(workspace.templates, library, today=f"{today:%d %B %Y}".lstrip("0"),
                  cache_dir=cache_dir)
    document = KINDS[KIND].load()(briefing, cases, env, progress)
    timings = {"kind": time.perf_counter() - started}
    context = PassContext(library, resolve_style(style, workspace.templates), report,
                          language=document.language, cache_dir=cache_dir)
    run_passes(document, context)
    started = time.perf_counter()
    included = {c.case.id for c in _included(briefing, cases)}
    redact_document(document, people_of([c for c in cases if c.case.id in included]),
                    spare_public_names=True)
    timings["redaction"] = time.perf_counter() - started
    timings.update(context.stats)
    return document, timings


def _included(briefing: BriefingFile, cases: list[CaseFile]) -> list[CaseFile]:
    from toolkit.briefings.selection import cases_in, select_all

    return cases_in(select_all(briefing, cases))


def build_briefings(workspace: Workspace, paths: list[Path], formats: list[str],
                    out: Path | None = None, style: str = DEFAULT_STYLE,
                    today: date | None = None, progress=None) -> list[BuildOutput]:
    """Build each briefing file in `paths` (default: every file in claims/briefings/).

    `progress(items, total, label)` may wrap the per-case loop (the CLI's progress bar)."""
    unknown = [f for f in formats if f not in WRITERS]
    if unknown:
        raise CovenantError(f"unknown format {', '.join(unknown)}; choose from "
                            f"{', '.join(WRITERS)}")
    paths = list(paths) or workspace.briefing_files()
    if not paths:
        raise CovenantError(f"no briefing files in {workspace.show(workspace.briefings)}; "
                            "write one as docs/briefing.md describes")
    not_briefings = [p for p in paths if p.exists() and not p.is_dir()
                     and not workspace.is_briefing(p)]
    if not_briefings:
        raise CovenantError(f"{workspace.show(not_briefings[0])} is not in "
                            f"{workspace.show(workspace.briefings)}/: --kind briefing builds "
                            "briefing files, which live there (case files are drawn in by "
                            "the briefing's themes)")
    today = today or reference_date()
    started = time.perf_counter()
    checked = check_workspace(workspace, paths, today)
    check_time = time.perf_counter() - started
    if checked.report.errors:
        raise CovenantError("the briefing or the case files have errors; nothing was built",
                            checked.report)
    cases = [c.case for c in checked.cases if c.case is not None]
    out = out or workspace.drafts
    outputs = []
    for loaded in checked.briefings:
        outputs.append(_build_one(loaded, cases, workspace, checked.library, formats, out,
                                  style, today, progress, check_time))
    return outputs


def _build_one(loaded: LoadedBriefing, cases, workspace, library, formats, out, style,
               today, progress, check_time) -> BuildOutput:
    report = Report()
    document, timings = build_briefing_document(loaded.briefing, cases, workspace, library,
                                                style, report, today, progress,
                                                cache_folder(out))
    timings = {"check": check_time, **timings}
    if report.errors:
        raise CovenantError(f"{loaded.shown}: the briefing could not be built; nothing was "
                            "written", report)
    frame = workspace.templates / KIND
    rendered: dict[Path, bytes] = {}
    for name in formats:
        writer = WRITERS[name]
        started = time.perf_counter()
        rendered[out / document.case_id / f"{KIND}.{writer.extension}"] = \
            writer.write(document, frame)
        timings[f"write-{name}"] = time.perf_counter() - started
    for path, data in rendered.items():
        write_atomically(path, data)
    return BuildOutput(document.case_id, list(rendered), len(document.notes), timings)
