"""`covenant build` as a function: check, build each document once, write every format.

Nothing is written unless the whole case builds in every requested format; each file is
then written to a temporary file and renamed into place, so a failed build leaves the
previous drafts untouched."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from toolkit.files.reading import confined
from toolkit.files.writing import recover_tree, write_set
from toolkit.kinds.registry import KINDS
from toolkit.kinds.sections import KindEnv
from toolkit.model.case import CaseFile
from toolkit.model.document import Document
from toolkit.model.errors import CovenantError, MisuseError, Report
from toolkit.passes import PassContext, run_passes
from toolkit.workspace.check import check_workspace
from toolkit.workspace.clock import reference_date, source_date_epoch
from toolkit.workspace.folders import Workspace
from toolkit.writers import WRITERS

DEFAULT_STYLE = "covenant-oscola"


@dataclass
class BuildOutput:
    case_id: str
    paths: list[Path]
    notes: int
    timings: dict[str, float] = field(default_factory=dict)


def build_document(source, kind: str, workspace: Workspace, library, style: str,
                   report: Report, today: date, public: bool = False,
                   cache_dir: Path | None = None, progress=None
                   ) -> tuple[Document, dict[str, float]]:
    """The finished document tree of one document: the kind's builder, then the passes,
    for a public version on inputs redacted first. `source`: a kinds.inputs.Source, or a case
    file for the kinds built from one; `cache_dir`: where formatted citations are kept
    between builds (toolkit/passes/citation_cache.py); `progress` may wrap a kind's
    per-case loop."""
    from toolkit.passes.citeproc_engine import resolve_style

    entry = KINDS[kind]
    inputs = entry.load_inputs()
    if isinstance(source, CaseFile):
        source = inputs.source(source)
    timings: dict[str, float] = {}
    public = public or entry.always_public
    version, citation_cache = None, cache_dir
    if public:
        started = time.perf_counter()
        source, library, version = _redacted(source, library)
        # Formatted citations of a public build are kept apart: the shared cache holds
        # the confidential builds' renderings, names and all.
        citation_cache = cache_dir / "public" if cache_dir is not None else None
        timings["redaction"] = time.perf_counter() - started
    started = time.perf_counter()
    env = KindEnv(workspace.templates, library, today=f"{today:%d %B %Y}".lstrip("0"),
                  today_date=today, extra={"public": public})
    document = inputs.build(entry.load(), source, env, progress)
    timings["kind"] = time.perf_counter() - started
    from toolkit.passes.authorities import read_settings

    context = PassContext(library, resolve_style(style, workspace.templates), report,
                          language=document.language, annexes=set(source.annexes),
                          cache_dir=citation_cache,
                          authorities=read_settings(workspace.templates / kind,
                                                    workspace.templates))
    run_passes(document, context)
    if public:
        document.public = True
        document.withheld = version.matcher
    timings.update(context.stats)
    return document, timings


def _redacted(source, library):
    """The public version's inputs: the source's case files, its subject and the library
    with every withheld name replaced (toolkit/redaction/redact.py)."""
    from dataclasses import replace

    from toolkit.redaction.redact import public_version, redact_library, redact_model

    version = public_version(source.people, source.language)
    cases = {id(c): redact_model(c, version) for c in source.cases}
    subject = cases.get(id(source.subject)) or redact_model(source.subject, version)
    redacted = replace(source, subject=subject, cases=[cases[id(c)] for c in source.cases],
                       people=[redact_model(p, version) for p in source.people])
    return redacted, redact_library(library, version), version


def draft_stem(kind: str, source, public: bool) -> str:
    """The drafts' file name without extension: memo, memo-public, briefing ..."""
    return f"{kind}-public" if public and source.public_stem else kind


def render_formats(document: Document, frame: Path, formats: list[str], folder: Path,
                   stem: str, timings: dict[str, float],
                   options: dict[str, dict] | None = None) -> dict[Path, bytes]:
    """Every requested format of a finished document, in memory: {path: bytes}, with
    each writer's time in `timings` ("write-docx", ...). Nothing is written here. A
    public version is scanned for withheld names first (toolkit/redaction/scan.py):
    one found raises, and nothing is returned to write. `options`: writer name -> its
    options ({"pdf": {"variant": "pdf/ua-1"}})."""
    rendered: dict[Path, bytes] = {}
    for name in formats:
        writer = WRITERS[name]
        started = time.perf_counter()
        rendered[folder / f"{stem}.{writer.extension}"] = writer.write(
            document, frame, **(options or {}).get(name, {}))
        timings[f"write-{name}"] = time.perf_counter() - started
    if document.public and document.withheld is not None:
        from toolkit.redaction.scan import verify

        started = time.perf_counter()
        verify(rendered, document.withheld)
        timings["output-scan"] = time.perf_counter() - started
    return rendered


def write_drafts(rendered: dict[Path, bytes], out: Path) -> None:
    """Replace one document's formats in out/<id>/ as one set (toolkit/files/writing.py);
    a draft folder that is a link out of `out` is refused, not written through."""
    for folder in {path.parent for path in rendered}:
        out.mkdir(parents=True, exist_ok=True)
        if os.path.lexists(folder):
            confined(folder, out)
    write_set(rendered)


def refuse_output_inside_inputs(workspace: Workspace, out: Path) -> None:
    """--out inside claims/, citations/ or templates/ would put drafts and caches among
    the inputs (a cache's .json in citations/ would be read as a library file)."""
    target = Path(os.path.abspath(out))
    for folder in (workspace.claims, workspace.citations, workspace.templates):
        inputs = Path(os.path.abspath(folder))
        if target == inputs or target.is_relative_to(inputs) or \
                target.resolve().is_relative_to(inputs.resolve()):
            raise MisuseError(f"--out {out}: drafts may not go inside {workspace.show(folder)}/"
                              ", which holds inputs; choose another folder (the default is "
                              "drafts/)")


def cache_folder(out: Path) -> Path:
    """Where builds into `out` keep what does not change between them."""
    return out / ".cache"




def build(workspace: Workspace, paths: list[Path], kind: str, formats: list[str],
          out: Path | None = None, style: str = DEFAULT_STYLE,
          today: date | None = None, public: bool = False,
          progress=None, warn=None) -> list[BuildOutput]:
    """Build every document of one kind from `paths` (for a briefing: its briefing files,
    default all), or nothing if any input has an error. `progress(items, total, label)`,
    if given, wraps a kind's per-case loop (a progress bar); `warn(report)`, if given,
    receives the warnings of the check that precedes the build (e.g. a communication's
    time limit running out), which do not stop it."""
    unknown = [f for f in formats if f not in WRITERS]
    if unknown:
        raise CovenantError(f"unknown format {', '.join(unknown)}; choose from "
                            f"{', '.join(WRITERS)}")
    if kind not in KINDS:
        raise CovenantError(f"unknown kind {kind!r}; choose from {', '.join(KINDS)}")
    entry = KINDS[kind]
    inputs = entry.load_inputs()
    files = select_inputs(workspace, list(paths), inputs)
    today = today or reference_date()
    source_date_epoch()
    started = time.perf_counter()
    checked = check_workspace(workspace, files, today, kind)
    check_time = time.perf_counter() - started
    if checked.report.errors:
        raise CovenantError(inputs.errors_message, checked.report)
    if warn is not None and checked.report.warnings:
        warn(checked.report)
    out = out or workspace.drafts
    refuse_output_inside_inputs(workspace, out)
    recover_tree(out)
    public = public or entry.always_public
    outputs = []
    for planned in inputs.plan(checked, files, lambda loaded: Report(), kind):
        source = planned.source
        report = Report()
        document, timings = build_document(source, kind, workspace, checked.library, style,
                                           report, today, public, cache_folder(out),
                                           progress)
        timings = {"check": check_time, **timings}
        if report.errors:
            raise CovenantError(f"{source.shown}: the {kind} could not be built; nothing "
                                "was written", report)
        rendered = render_formats(document, workspace.templates / kind, formats,
                                  out / source.id, draft_stem(kind, source, public), timings)
        write_drafts(rendered, out)
        outputs.append(BuildOutput(document.case_id, list(rendered), len(document.notes),
                                   timings))
    return outputs


def select_inputs(workspace: Workspace, paths: list[Path], inputs) -> list[Path]:
    """The files of `paths` (folders expanded; none: every case file) that `inputs`
    builds from, or its default files when it finds none; a named file it does not
    build is an error saying which kind does."""
    expanded = workspace.expand(paths)
    if paths:
        foreign = [p for p in expanded if not inputs.owns(workspace, p)]
        if foreign:
            raise CovenantError(inputs.refusal(workspace, foreign[0]))
    return [p for p in expanded if inputs.owns(workspace, p)] or \
        inputs.default_files(workspace)
