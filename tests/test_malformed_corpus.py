"""The malformed corpus: one broken case file per problem, each naming the exact diagnostics
`covenant check` must print for it.

Every file in tests/malformed/cases/ starts with comment lines the test reads:

    # expect: LINE:COLUMN: error|warning: MESSAGE   (one line per diagnostic; at least one)
    # xfail: REASON       the checker gets this file wrong today; the expectation says what
                          it should print (the test is a strict xfail)
    # write-as: FORM      the test writes the file's text as latin-1, utf-16 or empty (zero
                          bytes) instead of copying it, so the corpus itself stays UTF-8
    # isolate: REASON     check the file in a child process (the checker dies on it)
    # limits: seconds=S megabytes=M   the check must finish within S seconds (a hang guard,
    #                                  far above the real cost) and M MB of
                          Python allocations

Line and column are as the checker prints them, counting these comment lines. Errors must
match exactly; expected warnings must be among the warnings (follow-on warnings are allowed).
Apart from its problem, each file is a valid case that cites tests/malformed/citations/.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
import tracemalloc
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import REPO, TODAY
from toolkit.cli import cli
from toolkit.workspace.check import check_workspace
from toolkit.workspace.folders import Workspace

CORPUS = Path(__file__).resolve().parent / "malformed"
CASES = CORPUS / "cases"
LIBRARY = CORPUS / "citations" / "library.yaml"
LIBRARY_SHOWN = f"citations/{LIBRARY.name}"

_NAME = re.compile(r"^(?P<number>\d\d)-[a-z0-9]+(?:-[a-z0-9]+)*\.yaml$")
_DIRECTIVE = re.compile(r"^#\s*(?P<name>[a-z][a-z-]*):\s*(?P<value>.*?)\s*$")
_EXPECT = re.compile(r"^(?P<line>\d+):(?P<column>\d+): (?P<severity>error|warning): "
                     r"(?P<message>.+)$")
_LIMIT = re.compile(r"^(?P<name>seconds|megabytes)=(?P<value>\d+(?:\.\d+)?)$")
WRITE_AS = {"latin-1", "utf-16", "empty"}

# (line, column, severity, message)
Expected = tuple[int, int, str, str]


@dataclass(frozen=True)
class Found:
    """One diagnostic as the checker reported it."""

    file: str
    line: int
    column: int
    severity: str
    message: str
    code: str

    @property
    def key(self) -> Expected:
        return (self.line, self.column, self.severity, self.message)


@dataclass
class CorpusFile:
    path: Path
    errors: set[Expected] = field(default_factory=set)
    warnings: set[Expected] = field(default_factory=set)
    xfail: str | None = None
    isolate: str | None = None
    write_as: str | None = None
    limits: dict[str, float] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def shown(self) -> str:
        """The path the checker must print: relative to the workspace."""
        return f"claims/{self.path.name}"

    def content(self) -> bytes:
        raw = self.path.read_bytes()
        if self.write_as is None:
            return raw
        if self.write_as == "empty":
            return b""
        return raw.decode("utf-8").encode(self.write_as)


def _read_corpus_file(path: Path) -> CorpusFile:
    """Parse the leading comment lines; a malformed header fails collection loudly."""
    corpus_file = CorpusFile(path)
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        directive = _DIRECTIVE.match(line)
        if not directive:
            raise ValueError(f"{path.name}: unreadable header line {line!r}")
        name, value = directive["name"], directive["value"]
        if name == "expect":
            expect = _EXPECT.match(value)
            if not expect:
                raise ValueError(f"{path.name}: '# expect:' must be LINE:COLUMN: "
                                 f"error|warning: MESSAGE, not {value!r}")
            item = (int(expect["line"]), int(expect["column"]), expect["severity"],
                    expect["message"])
            (corpus_file.errors if item[2] == "error" else corpus_file.warnings).add(item)
        elif name in ("xfail", "isolate"):
            setattr(corpus_file, name, value)
        elif name == "write-as":
            if value not in WRITE_AS:
                raise ValueError(f"{path.name}: write-as must be one of {sorted(WRITE_AS)}")
            corpus_file.write_as = value
        elif name == "limits":
            for part in value.split():
                limit = _LIMIT.match(part)
                if not limit:
                    raise ValueError(f"{path.name}: limits are seconds=S megabytes=M")
                corpus_file.limits[limit["name"]] = float(limit["value"])
        else:
            raise ValueError(f"{path.name}: unknown header directive {name!r}")
    return corpus_file


CORPUS_FILES = [_read_corpus_file(p) for p in sorted(CASES.iterdir()) if p.is_file()]


def _param(corpus_file: CorpusFile):
    marks = [pytest.mark.xfail(reason=corpus_file.xfail, strict=True)] \
        if corpus_file.xfail else []
    return pytest.param(corpus_file, id=corpus_file.path.stem, marks=marks)


def _make_workspace(root: Path, files: list[CorpusFile]) -> Workspace:
    (root / "claims").mkdir()
    (root / "citations").mkdir()
    shutil.copyfile(LIBRARY, root / "citations" / LIBRARY.name)
    for corpus_file in files:
        (root / "claims" / corpus_file.name).write_bytes(corpus_file.content())
    return Workspace(root)


def _found(items) -> list[Found]:
    return [Found(d.file, d.line, d.column, d.severity.value, d.message, d.code) for d in items]


def _check_in_process(workspace: Workspace, paths: list[Path],
                      limits: dict[str, float] | None = None) -> list[Found]:
    limits = limits or {}
    tracing = tracemalloc.is_tracing()
    if "megabytes" in limits:
        if tracing:
            tracemalloc.reset_peak()
        else:
            tracemalloc.start()
    started = time.perf_counter()
    try:
        result = check_workspace(workspace, paths, today=TODAY)
        elapsed = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1] if "megabytes" in limits else 0
    finally:
        if "megabytes" in limits and not tracing:
            tracemalloc.stop()
    if "seconds" in limits:
        assert elapsed <= limits["seconds"], f"the check took {elapsed:.2f} s"
    if "megabytes" in limits:
        assert peak <= limits["megabytes"] * 2**20, f"the check allocated {peak / 2**20:.0f} MB"
    return _found(result.report.items)


_CHILD = """\
import json, sys
from datetime import date
from pathlib import Path
from toolkit.workspace.check import check_workspace
from toolkit.workspace.folders import Workspace
root, path, today = Path(sys.argv[1]), Path(sys.argv[2]), date.fromisoformat(sys.argv[3])
result = check_workspace(Workspace(root), [path], today=today)
print(json.dumps([d.to_dict() for d in result.report.items]))
"""


def _check_in_child(workspace: Workspace, path: Path) -> list[Found]:
    """For files that kill the interpreter: a crash fails the test instead of the run."""
    done = subprocess.run([sys.executable, "-c", _CHILD, str(workspace.root), str(path),
                           TODAY.isoformat()], cwd=REPO, capture_output=True, text=True,
                          timeout=120)
    if done.returncode != 0:
        pytest.fail(f"the checker crashed (exit status {done.returncode}):\n"
                    f"{done.stderr[-2000:]}")
    return [Found(d["file"], d["line"], d["column"], d["severity"], d["message"], d["code"])
            for d in json.loads(done.stdout)]


def _foreign(found: list[Found], shown: set[str]) -> list[Found]:
    """Diagnostics for anything but the given case files, other than the library's
    'never cited' warnings (the corpus need not cite every source in every run)."""
    return [d for d in found if d.file not in shown
            and not (d.file == LIBRARY_SHOWN and d.code == "unused-source")]


def _mismatch(corpus_file: CorpusFile, found: list[Found]) -> dict[str, set[Expected]]:
    """What differs between a file's expectations and its diagnostics (empty: none)."""
    errors = {d.key for d in found if d.severity == "error"}
    warnings = {d.key for d in found if d.severity == "warning"}
    problems = {"missing errors": corpus_file.errors - errors,
                "unexpected errors": errors - corpus_file.errors,
                "missing warnings": corpus_file.warnings - warnings}
    return {what: items for what, items in problems.items() if items}


def test_the_corpus_is_complete_and_well_formed():
    assert len(CORPUS_FILES) >= 32
    numbers = []
    for corpus_file in CORPUS_FILES:
        match = _NAME.match(corpus_file.name)
        assert match, f"{corpus_file.name}: name it NN-what-is-wrong.yaml"
        numbers.append(match["number"])
        assert corpus_file.errors or corpus_file.warnings, f"{corpus_file.name}: no '# expect:'"
    assert len(numbers) == len(set(numbers)), "two corpus files share a number"
    assert LIBRARY.is_file()


@pytest.mark.parametrize("corpus_file", [_param(f) for f in CORPUS_FILES])
def test_each_file_reports_exactly_its_problems(corpus_file: CorpusFile, tmp_path: Path):
    workspace = _make_workspace(tmp_path, [corpus_file])
    path = workspace.claims / corpus_file.name
    if corpus_file.isolate:
        found = _check_in_child(workspace, path)
    else:
        found = _check_in_process(workspace, [path], corpus_file.limits)
    assert _foreign(found, {corpus_file.shown}) == [], \
        f"diagnostics must name the file as {corpus_file.shown!r}"
    mine = [d for d in found if d.file == corpus_file.shown]
    assert {d.key for d in mine if d.severity == "error"} == corpus_file.errors
    assert corpus_file.warnings <= {d.key for d in mine if d.severity == "warning"}


# Files the checker gets wrong are left out of the shared runs: some of them crash it.
WORKING = [f for f in CORPUS_FILES if not f.xfail and not f.isolate]


def test_all_problems_of_all_files_are_reported_in_one_run(tmp_path: Path):
    workspace = _make_workspace(tmp_path, WORKING)
    found = _check_in_process(workspace, [workspace.claims])
    shown = {f.shown for f in WORKING}
    assert _foreign(found, shown) == []
    mismatches = {}
    for corpus_file in WORKING:
        mismatch = _mismatch(corpus_file, [d for d in found if d.file == corpus_file.shown])
        if mismatch:
            mismatches[corpus_file.name] = mismatch
    assert mismatches == {}


def _snapshot(root: Path) -> dict[str, tuple]:
    return {str(p.relative_to(root)): (p.is_dir(), p.stat().st_size, p.stat().st_mtime_ns)
            for p in sorted(root.rglob("*"))}


def test_check_writes_nothing_but_its_own_stores(tmp_path: Path):
    _make_workspace(tmp_path, WORKING)
    long_ago = time.time() - 10 * 365 * 86400  # any write would move an mtime to now
    for path in [*tmp_path.rglob("*"), tmp_path]:
        os.utime(path, (long_ago, long_ago))
    before = _snapshot(tmp_path)
    root_mtime = tmp_path.stat().st_mtime_ns

    result = CliRunner().invoke(cli, ["check", "--workspace", str(tmp_path),
                                      "--today", TODAY.isoformat()])

    assert result.exit_code == 1, result.output
    # Only the workspace's own stores (.covenant/: what the look-ups and the readers
    # learnt, toolkit/files/json_store.py) may be written; every other file is as it was.
    after = _snapshot(tmp_path)
    assert {k: v for k, v in after.items() if not k.startswith(".covenant")} == before
    assert set(after) - set(before) <= {".covenant", ".covenant/library-reads.json",
                                        ".covenant/parsed-yaml.json",
                                        ".covenant/word-facts.json"}
    if ".covenant" in before or ".covenant" not in after:
        assert tmp_path.stat().st_mtime_ns == root_mtime
    # ... and what it printed is file:line:column: severity: message for every problem.
    printed = set(result.stdout.splitlines())
    for corpus_file in WORKING:
        for line, column, severity, message in corpus_file.errors | corpus_file.warnings:
            assert f"{corpus_file.shown}:{line}:{column}: {severity}: {message}" in printed
