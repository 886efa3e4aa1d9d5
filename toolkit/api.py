"""The toolkit as plain functions: what `covenant check` and `covenant build` do, for the
CLI and for anyone driving Covenant from Python. Each returns its result and raises
CovenantError (with a report of every problem) for what stops it; nothing here prints.

Size: the public functions only; the work they call is in toolkit/workspace/."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from toolkit.model.errors import CovenantError, Report

if TYPE_CHECKING:
    from toolkit.workspace.batch import BatchResult
from toolkit.workspace.check import CheckResult, check_workspace
from toolkit.workspace.folders import Workspace

# As in toolkit.workspace.build, not imported from it, so that `check` stays light.
DEFAULT_STYLE = "covenant-oscola"


def workspace_of(start: Path | None = None) -> Workspace:
    """The workspace `start` (a file or folder; default: the current folder) is in."""
    return Workspace.find(start)


def describe_states(name: str | None = None) -> str:
    """The text of `covenant states [NAME]`: the list, or one State's record with its
    sources; CovenantError (with the closest names) if NAME is no State's."""
    from toolkit.covenant import state_status, suggestions
    from toolkit.covenant.render import describe_state
    from toolkit.covenant.render import describe_states as listing

    if name is None:
        return listing()
    status = state_status(name)
    if status is None:
        close = suggestions(name)
        hint = f"; did you mean {' or '.join(close)}?" if close else ""
        raise CovenantError(f"no State named '{name}' in the catalogue{hint}")
    return describe_state(status)


def check(workspace: Workspace, paths: Iterable[Path] = (), *, kind: str | None = None,
          today: date | None = None, style: str | None = DEFAULT_STYLE) -> CheckResult:
    """Read the citation library and the case and briefing files (`paths`, default: the
    whole workspace), run every shared rule and, with `kind`, that kind's own rules, and
    say which cited sources lack what `style` prints for their type; return every
    diagnostic at once. Nothing is written but the workspace's stores in .covenant/ (what
    the name look-ups learnt, the files as read: workspace/check.py)."""
    from toolkit.passes.style_lookup import StyleError, find_style

    try:
        style_path = find_style(style, workspace.templates)[0] if style else None
    except StyleError as exc:
        if style != DEFAULT_STYLE:
            raise CovenantError(str(exc)) from None
        style_path = None  # a workspace without the house style: nothing to compare with
    from toolkit.workspace.clock import reference_date

    # the day build counts from too (SOURCE_DATE_EPOCH, when set): both judge alike
    return check_workspace(workspace, list(paths), today or reference_date(), kind,
                           style_path, stores=True)


def build(workspace: Workspace, paths: Iterable[Path], kinds: Iterable[str],
          formats: Iterable[str], *, out: Path | None = None, style: str = DEFAULT_STYLE,
          today: date | None = None, public: bool = False, jobs: int = 1,
          force: bool = False,
          progress: Callable[[Iterable, int, str], Iterable] | None = None,
          warn: Callable[[Report], None] | None = None,
          start_method: str | None = None, pdf_variant: str | None = None) -> BatchResult:
    """Check `paths`, then build each kind's documents from them in every format
    (drafts/<case or briefing>/<kind>.<ext>): what is up to date is skipped (unless
    `force`), a document with errors is reported in the result's `failed` and the others
    are built, `jobs` at a time; `pdf_variant`: "pdf/a-2b", "pdf/a-3b" or "pdf/ua-1"
    (toolkit/writers/pdf_archive.py). See toolkit/workspace/batch.py."""
    from toolkit.workspace.batch import run_batch  # multiprocessing: not for `check`

    return run_batch(workspace, list(paths), list(kinds), list(formats), out, style, today,
                     public, jobs=jobs, force=force, progress=progress, warn=warn,
                     start_method=start_method, pdf_variant=pdf_variant)
