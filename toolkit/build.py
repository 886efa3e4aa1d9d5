"""`covenant build` as a function: check, build each document once, write every format.

Nothing is written unless the whole case builds in every requested format; each file is
then written to a temporary file and renamed into place, so a failed build leaves the
previous drafts untouched."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from toolkit.checking import check_workspace
from toolkit.document import Document
from toolkit.errors import CovenantError, Report
from toolkit.files import write_atomically
from toolkit.kinds import KINDS
from toolkit.kinds.sections import KindEnv
from toolkit.passes import PassContext, run_passes
from toolkit.workspace import Workspace
from toolkit.writers import WRITERS

DEFAULT_STYLE = "covenant-oscola"


@dataclass
class BuildOutput:
    case_id: str
    paths: list[Path]
    notes: int
    timings: dict[str, float] = field(default_factory=dict)


def build_document(case, kind: str, workspace: Workspace, library, style: str,
                   report: Report, today: date, public: bool = False,
                   cache_dir: Path | None = None) -> tuple[Document, dict[str, float]]:
    """The finished document tree of one case (kind, then the passes); `cache_dir`: where
    formatted citations are kept between builds (see toolkit/citations/cache.py)."""
    from toolkit.citations.engine import resolve_style

    started = time.perf_counter()
    public = public or KINDS[kind].always_public
    env = KindEnv(workspace.templates, library, today=f"{today:%d %B %Y}".lstrip("0"),
                  today_date=today, extra={"public": public}, cache_dir=cache_dir)
    document = KINDS[kind].load()(case, env)
    timings = {"kind": time.perf_counter() - started}
    context = PassContext(library, resolve_style(style, workspace.templates), report,
                          language=document.language,
                          annexes={str(a.number) for a in getattr(case, "annexes", [])},
                          cache_dir=cache_dir)
    run_passes(document, context)
    if public:
        from toolkit.redaction import redact_document

        redact_document(document, case.people)
    timings.update(context.stats)
    return document, timings


def render_formats(document: Document, frame: Path, formats: list[str], folder: Path,
                   stem: str, timings: dict[str, float]) -> dict[Path, bytes]:
    """Every requested format of a finished document, in memory: {path: bytes}, with
    each writer's time in `timings` ("write-docx", ...). Nothing is written here."""
    rendered: dict[Path, bytes] = {}
    for name in formats:
        writer = WRITERS[name]
        started = time.perf_counter()
        rendered[folder / f"{stem}.{writer.extension}"] = writer.write(document, frame)
        timings[f"write-{name}"] = time.perf_counter() - started
    return rendered


def cache_folder(out: Path) -> Path:
    """Where builds into `out` keep what does not change between them."""
    return out / ".cache"


def reference_date() -> date:
    """Today, or the day SOURCE_DATE_EPOCH names, so reproducible builds date alike."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return date.today()


def build(workspace: Workspace, paths: list[Path], kind: str, formats: list[str],
          out: Path | None = None, style: str = DEFAULT_STYLE,
          today: date | None = None, public: bool = False,
          progress=None, warn=None) -> list[BuildOutput]:
    """`progress(items, total, label)`, if given, wraps per-case loops (a progress bar);
    `warn(report)`, if given, receives the warnings of the check that precedes the build
    (e.g. a communication's time limit running out), which do not stop it."""
    unknown = [f for f in formats if f not in WRITERS]
    if unknown:
        raise CovenantError(f"unknown format {', '.join(unknown)}; choose from "
                            f"{', '.join(WRITERS)}")
    if kind not in KINDS:
        raise CovenantError(f"unknown kind {kind!r}; choose from {', '.join(KINDS)}")
    if KINDS[kind].inputs == "briefing":
        from toolkit.briefings.build import build_briefings

        return build_briefings(workspace, paths, formats, out, style, today, progress)
    briefings = [p for p in paths if p.is_file() and workspace.is_briefing(p)]
    if briefings:
        raise CovenantError(f"{workspace.show(briefings[0])} is a briefing file; build it "
                            "with --kind briefing")
    today = today or reference_date()
    checked = check_workspace(workspace, paths, today, kind)
    if checked.report.errors:
        raise CovenantError("the case files have errors; nothing was built",
                            checked.report)
    if warn is not None and checked.report.warnings:
        warn(checked.report)
    out = out or workspace.drafts
    outputs = []
    for loaded in checked.cases:
        report = Report()
        document, timings = build_document(loaded.case, kind, workspace, checked.library,
                                           style, report, today, public, cache_folder(out))
        if report.errors:
            raise CovenantError(f"{loaded.shown}: the {kind} could not be built; nothing "
                                "was written", report)
        stem = f"{kind}-public" if document.public else kind
        rendered = render_formats(document, workspace.templates / kind, formats,
                                  out / document.case_id, stem, timings)
        for path, data in rendered.items():
            write_atomically(path, data)
        outputs.append(BuildOutput(document.case_id, list(rendered), len(document.notes),
                                   timings))
    return outputs
