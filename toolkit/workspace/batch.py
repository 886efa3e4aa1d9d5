"""`covenant build` over many documents: check once, skip what is up to date, build the
rest in one process or spread over several, and report each failure with its file
without stopping the others.

1. The inputs are checked together (`check_workspace`), as `covenant check` does. An
   error in the citation library stops everything (every document cites from it); an
   error in a case file fails that case's documents only (and the briefings drawing on
   it); the kind's own rules (a communication's admissibility, a fairness report's
   grade) fail that kind's document only.
2. Each document's inputs are hashed (toolkit/workspace/manifest.py); a document whose files are
   all recorded with the same hash is "up to date" and not built (unless `force`).
3. The others are built, each as one task: in this process (`jobs` 1), or in `jobs`
   worker processes (concurrent.futures), the largest first so that a long briefing
   does not start last. A task renders every format in memory and writes them only if
   all succeeded, each file atomically, so a failed document leaves its previous drafts
   untouched. A task that fails (or whose process dies) is reported as
   `file: message`; the others go on.
4. The manifest records what was built; the result lists what was built, what was up to
   date and what failed, and the peak memory of the largest worker.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import resource
import select
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from toolkit.files.reading import UnsafeFile
from toolkit.files.writing import recover_tree
from toolkit.kinds.registry import KINDS
from toolkit.model.errors import CovenantError, MisuseError, Report, printable
from toolkit.workspace.build import (
    DEFAULT_STYLE,
    cache_folder,
    draft_stem,
    refuse_output_inside_inputs,
    render_formats,
    write_drafts,
)
from toolkit.workspace.check import check_for_kind, check_workspace
from toolkit.workspace.clock import reference_date, source_date_epoch
from toolkit.workspace.folders import Workspace
from toolkit.workspace.manifest import Inputs, Manifest
from toolkit.writers import WRITERS

# How worker processes are started (multiprocessing start methods). "forkserver": the
# workers fork from a small clean server process, not from this one (which has read
# every case), and need not start a new interpreter each (spawn). See docs/performance.md.
START_METHOD = "forkserver"

Progress = Callable[[Iterable, int, str], Iterable]


@dataclass
class Task:
    """One document to build: a case file in one kind, or a briefing."""

    kind: str
    shown: str  # the input file as printed
    order: int  # position on the command line, for reporting in that order
    folder: Path  # out/<case or briefing id>
    stem: str  # file name without extension: memo, memo-public, briefing ...
    formats: list[str]  # the formats to build (those not up to date)
    inputs: str  # the hash of everything it is built from
    weight: int  # bigger first
    source: object = None  # toolkit.kinds.inputs.Source: what it is built from

    def paths(self, formats: list[str] | None = None) -> list[Path]:
        return [self.folder / f"{self.stem}.{WRITERS[f].extension}"
                for f in formats or self.formats]


@dataclass
class Settings:
    """What every task of one build shares; sent once to each worker process."""

    root: Path
    library: object  # Library
    style: str
    today: date
    public: bool
    cache_dir: Path
    out: Path  # the output folder (drafts/): no draft is written outside it
    writer_options: dict = field(default_factory=dict)  # {"pdf": {"variant": ...}}


@dataclass
class Done:
    task: Task
    paths: list[Path]
    digests: dict[Path, str]  # path -> sha256 of what was written
    case_id: str
    notes: int
    timings: dict[str, float]
    peak_rss: int  # bytes, of the process that built it
    warnings: list = field(default_factory=list)  # Diagnostics of the build (not the check)


@dataclass
class Failed:
    shown: str
    kind: str
    message: str
    report: Report | None = None
    order: int = 0
    peak_rss: int = 0

    def format(self) -> str:
        """The failure and its diagnostics, control characters escaped."""
        text = printable(f"{self.shown}: {self.message}")
        if self.report is not None and self.report.items:
            text += "\n" + self.report.as_text()
        return text


@dataclass
class BatchResult:
    built: list[Done] = field(default_factory=list)
    up_to_date: list[Task] = field(default_factory=list)
    failed: list[Failed] = field(default_factory=list)
    recovered: list[str] = field(default_factory=list)  # what a stopped build left, mended
    jobs: int = 1
    seconds: float = 0.0
    peak_worker_rss: int = 0  # bytes: the largest process that built a document
    check_seconds: float = 0.0  # checking the inputs and deciding what to build


def peak_rss() -> int:
    """This process's peak resident memory, in bytes (ru_maxrss is KiB on Linux)."""
    scale = 1 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale


# ---------------------------------------------------------------- one task


_SETTINGS: Settings | None = None


def _init_worker(settings: Settings, parent: int) -> None:
    """A worker process: ignore Ctrl-C (the build process stops the workers itself) and
    end as soon as the build process `parent` is gone, however it ended (SIGKILL
    included), so that no worker outlives it and goes on writing drafts."""
    global _SETTINGS
    _SETTINGS = settings
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _watch_parent(parent)


def _watch_parent(pid: int) -> None:
    """A thread that ends this process when process `pid` exits. A pidfd (Linux 5.3+)
    names that very process, so a reused pid cannot fool it; elsewhere, poll."""
    try:
        handle = os.pidfd_open(pid)
    except (AttributeError, OSError):
        handle = None

    def watch() -> None:
        if handle is not None:
            select.select([handle], [], [])  # readable once the process has exited
        else:
            while _alive(pid):
                time.sleep(0.5)
        os._exit(1)  # now: no cleanup that could write; a set half renamed is mended
        # by the next build (toolkit/files/writing.py)

    if handle is None and not _alive(pid):
        os._exit(1)
    threading.Thread(target=watch, name="covenant-parent-watch", daemon=True).start()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _run_in_worker(task: Task) -> Done | Failed:
    assert _SETTINGS is not None
    return run_task(task, _SETTINGS)


def run_task(task: Task, settings: Settings, progress: Progress | None = None) -> Done | Failed:
    """Build one document and write its files; any failure is returned, not raised."""
    try:
        return _build(task, settings, progress)
    except CovenantError as exc:
        return Failed(task.shown, task.kind, str(exc), exc.report, task.order, peak_rss())
    except Exception as exc:  # noqa: BLE001 - one broken document must not stop the others
        return Failed(task.shown, task.kind, f"the {task.kind} could not be built "
                      f"({type(exc).__name__}: {exc})", None, task.order, peak_rss())


def _build(task: Task, settings: Settings, progress: Progress | None) -> Done | Failed:
    from toolkit.workspace.build import build_document

    workspace = Workspace(settings.root)
    report = Report()
    document, timings = build_document(
        task.source, task.kind, workspace, settings.library, settings.style, report,
        settings.today, settings.public, settings.cache_dir, progress)
    if report.errors:
        return Failed(task.shown, task.kind, f"the {task.kind} could not be built; nothing "
                      "was written", report, task.order, peak_rss())
    rendered = render_formats(document, workspace.templates / task.kind, task.formats,
                              task.folder, task.stem, timings, settings.writer_options)
    write_drafts(rendered, settings.out)
    digests = {path: hashlib.sha256(data).hexdigest() for path, data in rendered.items()}
    return Done(task, list(rendered), digests, document.case_id, len(document.notes),
                timings, peak_rss(), report.warnings)


# ---------------------------------------------------------------- planning


@dataclass
class _Plan:
    tasks: list[Task]
    up_to_date: list[Task]
    failed: list[Failed]
    settings: Settings
    manifest: Manifest
    warnings: Report


def _split(workspace: Workspace, paths: list[Path], kinds: list[str]) -> dict[int, list[Path]]:
    """The files among `paths` (folders expanded) for each input type of `kinds`, keyed by
    id(input type); a type none of whose files is named gets its default files (every
    briefing). A file no requested kind builds is an error saying which kind does."""
    types = list({id(t): t for t in (KINDS[k].load_inputs() for k in kinds)}.values())
    found: dict[int, list[Path]] = {id(t): [] for t in types}
    for path in workspace.expand(list(paths)):
        owner = next((t for t in types if t.owns(workspace, path)), None)
        if owner is None:
            raise CovenantError(types[0].refusal(workspace, path))
        found[id(owner)].append(path)
    for input_type in types:
        found[id(input_type)] = found[id(input_type)] or input_type.default_files(workspace)
    return found


def _by_file(report: Report) -> dict[str, Report]:
    found: dict[str, Report] = {}
    for item in report.errors:
        found.setdefault(item.file, Report()).items.append(item)
    return found


def plan(workspace: Workspace, paths: list[Path], kinds: list[str], formats: list[str],
         out: Path, style: str, today: date, public: bool, force: bool,
         writer_options: dict | None = None) -> _Plan:
    from toolkit.passes.style_lookup import StyleError, find_style

    files = _split(workspace, paths, kinds)
    checked = check_workspace(workspace, [p for group in files.values() for p in group],
                              today)
    errors = _by_file(checked.report)
    inputs_shown = {c.shown for c in checked.cases} | {b.shown for b in checked.briefings}
    elsewhere = [d for d in checked.report.errors if d.file not in inputs_shown]
    if elsewhere:
        raise CovenantError("the citation library has errors; nothing was built",
                            checked.report)
    warnings = Report()
    warnings.items.extend(checked.report.warnings)
    try:
        style_path, style_note = find_style(style, workspace.templates)
    except StyleError as exc:
        raise MisuseError(f"--style: {exc}") from None
    except UnsafeFile as exc:
        raise CovenantError(f"--style: {exc}") from None
    if style_note:
        warnings.warning(style, 1, 1, style_note, "citation-style")
    writer_options = writer_options or {}
    inputs = Inputs.of(workspace, kinds, style_path, style, public, today, writer_options)
    manifest = Manifest(out)
    settings = Settings(workspace.root, checked.library, style, today, public,
                        cache_folder(out), out, writer_options)
    tasks, fresh, failed = [], [], []

    def consider(task: Task) -> None:
        stale = task.formats if force else [
            f for f in task.formats if not manifest.up_to_date(task.paths([f])[0], task.inputs)]
        if stale:
            task.formats = stale
            tasks.append(task)
        else:
            fresh.append(task)

    order = 0
    for kind in kinds:
        input_type = KINDS[kind].load_inputs()

        def problems_of(loaded, kind=kind) -> Report:
            """The errors that stop this kind's document: the file's, and its kind rules'
            (whose warnings are printed with the check's)."""
            problems = Report()
            problems.items.extend(errors.get(loaded.shown, Report()).items)
            if getattr(loaded, "case", None) is not None:
                report = Report()
                check_for_kind(kind, loaded, report, today, workspace)
                warnings.items.extend(report.warnings)
                problems.items.extend(report.errors)
            return problems

        for planned in input_type.plan(checked, files[id(input_type)], problems_of, kind):
            order += 1
            if planned.source is None:
                failed.append(Failed(planned.shown, kind, planned.failure, planned.problems,
                                     order))
                continue
            source = planned.source
            stem = draft_stem(kind, source, public or KINDS[kind].always_public)
            consider(Task(kind, planned.shown, order, out / source.id, stem, list(formats),
                          inputs.digest(kind, source.digest, source.digest_extra),
                          source.weight, source))
    return _Plan(tasks, fresh, failed, settings, manifest, warnings)


# ---------------------------------------------------------------- running


def run_batch(workspace: Workspace, paths: list[Path], kinds: list[str], formats: list[str],
              out: Path | None = None, style: str = DEFAULT_STYLE, today: date | None = None,
              public: bool = False, jobs: int = 1, force: bool = False,
              progress: Progress | None = None, warn: Callable[[Report], None] | None = None,
              start_method: str | None = None, pdf_variant: str | None = None
              ) -> BatchResult:
    """Build `kinds` × the documents of `paths`; see the module's docstring."""
    started = time.perf_counter()
    unknown = [f for f in formats if f not in WRITERS]
    if unknown:
        raise CovenantError(f"unknown format {', '.join(unknown)}; choose from "
                            f"{', '.join(WRITERS)}")
    unknown = [k for k in kinds if k not in KINDS]
    if unknown or not kinds:
        raise CovenantError(f"unknown kind {', '.join(map(repr, unknown))}; choose from "
                            f"{', '.join(KINDS)}")
    if jobs < 1:
        raise CovenantError("--jobs takes a number of processes, 1 or more")
    out = out or workspace.drafts
    source_date_epoch()  # the writers print dates from it: refuse a bad one first
    today = today or reference_date()
    refuse_output_inside_inputs(workspace, out)
    recovered = recover_tree(out)
    writer_options = {}
    if pdf_variant:
        from toolkit.writers.pdf_archive import ArchiveError, variant_of

        try:
            writer_options["pdf"] = {"variant": variant_of(pdf_variant).name}
        except ArchiveError as exc:
            raise CovenantError(str(exc)) from None
    planned = plan(workspace, paths, list(dict.fromkeys(kinds)), formats, out, style, today,
                   public, force, writer_options)
    if warn is not None and planned.warnings.items:
        warn(planned.warnings)
    result = BatchResult(up_to_date=planned.up_to_date, failed=list(planned.failed),
                         recovered=recovered,
                         jobs=min(jobs, max(1, len(planned.tasks))),
                         check_seconds=time.perf_counter() - started)
    tasks = sorted(planned.tasks, key=lambda t: -t.weight)
    try:
        if result.jobs == 1:
            outcomes = _in_process(tasks, planned.settings, progress)
        else:
            outcomes = _in_workers(tasks, planned.settings, result.jobs, progress,
                                   start_method or START_METHOD)
        for outcome in outcomes:
            if isinstance(outcome, Done):
                result.built.append(outcome)
                for path in outcome.paths:
                    planned.manifest.record(path, outcome.task.inputs, outcome.digests[path],
                                            outcome.task.shown)
            else:
                result.failed.append(outcome)
            result.peak_worker_rss = max(result.peak_worker_rss, outcome.peak_rss)
    finally:
        if result.built:
            planned.manifest.save()
    result.built.sort(key=lambda d: (d.task.order, d.task.kind))
    result.failed.sort(key=lambda f: (f.order, f.kind))
    result.up_to_date.sort(key=lambda t: (t.order, t.kind))
    result.seconds = time.perf_counter() - started
    return result


def _in_process(tasks: list[Task], settings: Settings, progress: Progress | None
                ) -> Iterator[Done | Failed]:
    # One document drawn from many cases (a briefing) shows its progress case by case.
    inner = progress if len(tasks) == 1 and len(tasks[0].source.cases) > 1 else None
    outer = progress if inner is None and progress is not None and tasks else None

    def each() -> Iterator[Done | Failed]:
        for task in tasks:
            yield run_task(task, settings, inner)

    yield from (outer(each(), len(tasks), "building") if outer else each())


def _in_workers(tasks: list[Task], settings: Settings, jobs: int, progress: Progress | None,
                start_method: str) -> Iterator[Done | Failed]:
    context = multiprocessing.get_context(start_method)
    if start_method == "forkserver":
        # imported once in the server, before it forks each worker
        context.set_forkserver_preload(_preload(tasks))
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_init_worker,
                             initargs=(settings, os.getpid())) as pool:
        futures = {pool.submit(_run_in_worker, task): task for task in tasks}
        try:
            done = as_completed(futures)
            for future in progress(done, len(futures), "building") if progress else done:
                task = futures[future]
                try:
                    yield future.result()
                except Exception as exc:  # noqa: BLE001 - e.g. the process was killed
                    yield Failed(task.shown, task.kind, f"the process building the "
                                 f"{task.kind} stopped ({type(exc).__name__}: {exc}); "
                                 "nothing was written", None, task.order)
        except BaseException:  # Ctrl-C, or the caller stopped reading: stop at once
            _stop(pool)
            raise


def _stop(pool: ProcessPoolExecutor) -> None:
    """Cancel what has not started and end the workers now, rather than wait for the
    documents they are building (a set they were writing is mended by the next build)."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.kill()
    for process in processes:
        process.join(timeout=5)


def _preload(tasks: list[Task]) -> list[str]:
    """The modules the workers will need: the kinds and writers of these tasks."""
    modules = ["toolkit.workspace.batch", "citeproc"]
    for kind in sorted({t.kind for t in tasks}):
        modules.append(KINDS[kind].module)
    for name in sorted({f for t in tasks for f in t.formats}):
        modules.append(WRITERS[name].target.split(":")[0])
        if name == "pdf":
            modules.append("toolkit.writers.weasyprint_loader")
    return modules

