from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

# The admissibility tests' fixtures (ws, build_ws) live beside their helpers.
pytest_plugins = ["tests.admissibility_cases"]

REPO = Path(__file__).resolve().parent.parent
TODAY = date(2026, 11, 22)


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """An empty workspace: claims/, citations/, templates/, drafts/."""
    for folder in ("claims", "citations", "templates", "drafts"):
        (tmp_path / folder).mkdir()
    return tmp_path


@pytest.fixture
def ws(example_workspace: Path, monkeypatch) -> Path:
    """The example workspace, with SOURCE_DATE_EPOCH set so that drafts compare by bytes."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    return example_workspace


def run_build(ws: Path, *args: str):
    """`covenant build ARGS --workspace WS` through click's test runner."""
    from click.testing import CliRunner

    from toolkit.cli import cli

    return CliRunner().invoke(cli, ["build", *args, "--today", TODAY.isoformat(),
                                    "--workspace", str(ws)])


@pytest.fixture
def example_workspace(tmp_path: Path) -> Path:
    """A copy of the repository's own workspace (examples and library)."""
    for folder in ("claims", "citations", "templates"):
        if (REPO / folder).exists():
            shutil.copytree(REPO / folder, tmp_path / folder)
        else:
            (tmp_path / folder).mkdir()
    (tmp_path / "drafts").mkdir()
    return tmp_path


@pytest.fixture(scope="session")
def shipped_library():
    """The shipped citation library (citations/), read once; it must read without errors."""
    from toolkit.model.errors import Report
    from toolkit.readers.library import Library

    report = Report()
    library = Library.from_folder(REPO / "citations", report)
    assert not report.errors, [d.message for d in report.errors]
    return library


def library_of(tmp_path_factory, text: str):
    """A citation library of one CSL-YAML file holding `text`; it must read cleanly."""
    from toolkit.model.errors import Report
    from toolkit.readers.library import Library

    folder = tmp_path_factory.mktemp("citations")
    (folder / "lib.yaml").write_text(text)
    report = Report()
    library = Library.from_folder(folder, report)
    assert not report.items, [str(d) for d in report.items]
    return library


# The example library's web pages whose accessed day no seed records (the UN Treaty
# Collection's pages were read in a copy): `check` warns.
KNOWN_INCOMPLETE = ["source 'cfj-2023-update' (webpage) lacks the day it was read",
                    "source 'qaharman-koshe-date' (webpage) lacks the day it was read",
                    "source 'cfj-zheksebaev-fairness-report' (webpage) lacks the day it was "
                    "read", "source 'untc-iv-4' (webpage) lacks the day it was read",
                    "source 'untc-iv-5' (webpage) lacks the day it was read"]


def check_in_a_new_process(workspace: Path, printed: str) -> list[str]:
    """`api.check` of `workspace` (as of TODAY) in a new Python process, where nothing is
    imported yet; the lines that `printed` (Python, with the report as `r` and `sys`
    imported) prints there."""
    import subprocess
    import sys

    probe = ("import sys; from pathlib import Path; from toolkit import api; "
             "from datetime import date; "
             f"r = api.check(api.workspace_of(Path({str(workspace)!r})), "
             f"today=date.fromisoformat({TODAY.isoformat()!r})).report; {printed}")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout.rstrip("\n").split("\n")
