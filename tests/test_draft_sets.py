"""A draft's formats are replaced as one set (toolkit/files/writing.py): a build killed
at any write, flush or rename leaves every file whole, the previous set intact or (once
the renames had begun) finished by the next run, no temporary file of ours behind, and
the next build complete and correct.

The kill is real: a forked child process builds with the writer's `os` calls counted
and sends itself SIGKILL at the N-th, for every N until a build gets through."""

from __future__ import annotations

import json
import os
import shutil
import signal
from pathlib import Path

import pytest

from tests.conftest import TODAY
from toolkit.files import writing
from toolkit.files.writing import JOURNAL_SUFFIX, recover, write_set
from toolkit.workspace.batch import run_batch
from toolkit.workspace.folders import Workspace

FORMATS = "native,html"
DRAFTS = ("memo.native.txt", "memo.html")

STEPS = ("write", "fsync", "replace", "unlink", "open")  # the writer's calls to os


class _Counted:
    """The writer's `os`, sending SIGKILL to this process at the `limit`-th step."""

    def __init__(self, limit: int) -> None:
        self.limit, self.calls = limit, 0

    def __getattr__(self, name):
        real = getattr(os, name)
        if name not in STEPS:
            return real

        def step(*args, **kwargs):
            self.calls += 1
            if self.calls == self.limit:
                os.kill(os.getpid(), signal.SIGKILL)
            return real(*args, **kwargs)
        return step


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def _ours(root: Path) -> list[str]:
    """Temporary files and journals of ours anywhere under `root`."""
    return sorted(str(p.relative_to(root)) for p in root.rglob(".*")
                  if p.name.endswith(".tmp") or p.name.endswith(JOURNAL_SUFFIX))


@pytest.fixture
def sets(example_workspace: Path, tmp_path: Path, monkeypatch):
    """(workspace with the old drafts built and the case then edited, the old set, the
    new set as a clean build of the edited case writes it)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    ws = Workspace(example_workspace)
    case = ws.claims / "sultanov.yaml"
    run_batch(ws, [case], ["memo"], FORMATS.split(","), today=TODAY)
    old = _files(ws.drafts / "sultanov")
    text = case.read_text(encoding="utf-8")
    case.write_text(text.replace("Police arrested Mr Sultanov", "Police detained Mr Sultanov",
                                 1), encoding="utf-8")
    clean = tmp_path / "clean"
    shutil.copytree(ws.root, clean)
    shutil.rmtree(clean / "drafts")
    run_batch(Workspace(clean), [clean / "claims" / "sultanov.yaml"], ["memo"],
              FORMATS.split(","), today=TODAY)
    new = _files(clean / "drafts" / "sultanov")
    assert set(old) == set(new) == set(DRAFTS) and old != new
    return ws, old, new


def _killed_build(root: Path, limit: int) -> int:
    """Build in a forked child that is killed at the writer's `limit`-th step; its
    wait status as subprocess gives it (-9: killed, 0: it got through)."""
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        status = 1
        try:
            writing.os = _Counted(limit)
            result = run_batch(Workspace(root), [root / "claims" / "sultanov.yaml"],
                               ["memo"], FORMATS.split(","), today=TODAY)
            status = 1 if result.failed else 0
        finally:
            os._exit(status)
    _, status = os.waitpid(pid, 0)
    return -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)


def test_a_build_killed_at_each_write_and_rename_leaves_a_whole_set(sets, tmp_path):
    ws, old, new = sets
    killed = 0
    for limit in range(1, 60):
        root = tmp_path / f"run-{limit}"
        shutil.copytree(ws.root, root)
        status = _killed_build(root, limit)
        folder = root / "drafts" / "sultanov"
        if status == 0:
            break
        assert status == -signal.SIGKILL, f"the build failed at step {limit} on its own"
        killed += 1
        after_kill = _files(folder)
        # every file is whole: the old one or the new one, never a part
        for name in DRAFTS:
            assert after_kill[name] in (old[name], new[name]), (limit, name)
        journals = [n for n in os.listdir(folder) if n.endswith(JOURNAL_SUFFIX)]
        drafts_now = {name: after_kill[name] for name in DRAFTS}
        if not journals:
            assert drafts_now in ({n: old[n] for n in DRAFTS}, {n: new[n] for n in DRAFTS}), \
                f"a mixed set without a journal after a kill at step {limit}"

        result = run_batch(Workspace(root), [root / "claims" / "sultanov.yaml"], ["memo"],
                           FORMATS.split(","), today=TODAY)

        assert not result.failed, limit
        assert _ours(root / "drafts") == [], f"left behind after a kill at step {limit}"
        assert {n: p for n, p in _files(folder).items() if n in DRAFTS} == new, limit
        shutil.rmtree(root)
    else:
        pytest.fail("the build never got through")
    assert killed >= 10, "each write, flush and rename was a place to kill it"


def test_the_previous_set_stays_whole_when_killed_before_the_renames(sets, tmp_path):
    """The first steps (temporary files written and flushed) never touch the drafts."""
    ws, old, _ = sets
    root = tmp_path / "run"
    shutil.copytree(ws.root, root)
    assert _killed_build(root, 1) == -signal.SIGKILL
    assert {n: b for n, b in _files(root / "drafts" / "sultanov").items()
            if n in DRAFTS} == old


def test_stale_temporaries_and_a_hostile_journal_are_removed_not_followed(tmp_path):
    folder = tmp_path / "drafts" / "case"
    folder.mkdir(parents=True)
    (folder / "memo.html").write_bytes(b"old")
    (folder / ".memo.html.a1b2c3d4.tmp").write_bytes(b"half")
    (folder / ".notes.txt").write_bytes(b"not ours")
    (tmp_path / "victim").write_bytes(b"keep")
    hostile = folder / f".0123456789abcdef{JOURNAL_SUFFIX}"
    hostile.write_text(json.dumps({"renames": [[".memo.html.a1b2c3d4.tmp", "../../victim"]]}))

    done = recover(folder)

    assert sorted(os.listdir(folder)) == [".notes.txt", "memo.html"]
    assert (folder / "memo.html").read_bytes() == b"old"
    assert (tmp_path / "victim").read_bytes() == b"keep"
    assert any("not a journal covenant wrote" in line for line in done)
    assert any("deleted 1 temporary file(s)" in line for line in done)


def test_a_journal_of_ours_is_finished_by_the_next_run(tmp_path):
    folder = tmp_path / "case"
    folder.mkdir()
    for name, data in (("memo.html", b"old html"), ("memo.docx", b"new docx")):
        (folder / name).write_bytes(data)
    (folder / ".memo.html.zz99yy88.tmp").write_bytes(b"new html")
    (folder / f".fedcba9876543210{JOURNAL_SUFFIX}").write_text(json.dumps({"renames": [
        [".memo.docx.aa11bb22.tmp", "memo.docx"], [".memo.html.zz99yy88.tmp", "memo.html"]]}))

    recover(folder)

    assert _files(folder) == {"memo.html": b"new html", "memo.docx": b"new docx"}


def test_ctrl_c_between_two_renames_finishes_the_set_first(tmp_path, monkeypatch):
    folder = tmp_path / "case"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (folder / name).write_bytes(b"old")
    real, calls = os.replace, []

    def interrupted(source, target):
        real(source, target)
        calls.append(target)
        if len(calls) == 1:
            raise KeyboardInterrupt  # as if Ctrl-C came just after the first rename

    class Os:
        def __getattr__(self, name):
            return interrupted if name == "replace" else getattr(os, name)

    monkeypatch.setattr(writing, "os", Os())
    with pytest.raises(KeyboardInterrupt):
        write_set({folder / n: b"new" for n in ("a.txt", "b.txt", "c.txt")})
    monkeypatch.undo()
    assert _files(folder) == {"a.txt": b"new", "b.txt": b"new", "c.txt": b"new"}


def test_a_failing_write_leaves_the_previous_set_and_no_temporary_file(tmp_path, monkeypatch):
    folder = tmp_path / "case"
    folder.mkdir()
    (folder / "a.txt").write_bytes(b"old a")
    (folder / "b.txt").write_bytes(b"old b")
    real = os.fsync
    calls = []

    def full_disk(fd):
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real(fd)

    class Os:
        def __getattr__(self, name):
            return full_disk if name == "fsync" else getattr(os, name)

    monkeypatch.setattr(writing, "os", Os())
    with pytest.raises(OSError, match="No space"):
        write_set({folder / "a.txt": b"new a", folder / "b.txt": b"new b"})
    monkeypatch.undo()
    assert sorted(os.listdir(folder)) == ["a.txt", "b.txt"]
    assert _files(folder) == {"a.txt": b"old a", "b.txt": b"old b"}
