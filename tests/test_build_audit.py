"""What a full build touches (issue 23): a build of every kind in every format, watched
by an audit hook (`sys.addaudithook`), opens no file outside the workspace, the Python
installation (the toolkit included) and the system's font and library folders, connects
no socket and starts no process; and WeasyPrint's C libraries are found without running
ldconfig, gcc or ld.

The hook sees what Python opens (open(), os.open, io); what C libraries open inside
themselves (fontconfig reading its cache) goes past it, which is why font and library
folders are allowed at all."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.conftest import REPO

_WATCHED = """\
import json, os, sys
out, argv = sys.argv[1], sys.argv[2:]
seen = {"open": set(), "connect": [], "spawn": []}
SPAWN = {"subprocess.Popen", "os.posix_spawn", "os.exec", "os.spawn", "os.system",
         "os.fork", "os.forkpty"}

def hook(event, args):
    if seen.get("done"):
        return
    if event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
        seen["open"].add(os.path.abspath(os.fsdecode(args[0])))
    elif event in ("socket.connect", "socket.sendto", "socket.sendmsg"):
        seen["connect"].append(repr(args[1])[:200])
    elif event in SPAWN:
        seen["spawn"].append(repr(args)[:200])

sys.addaudithook(hook)
from toolkit.cli import main
sys.argv = ["covenant", *argv]
status = 0
try:
    main()
except SystemExit as exc:
    status = exc.code or 0
seen["done"] = True
with open(out, "w", encoding="utf-8") as handle:
    json.dump({"status": status, "open": sorted(seen["open"]), "connect": seen["connect"],
               "spawn": seen["spawn"]}, handle)
"""

# The system's font and library folders (fontconfig's configuration and cache, shared
# libraries, the C library's locale data), and the null device.
SYSTEM = ("/usr/share/fonts", "/usr/local/share/fonts", "/usr/share/fontconfig",
          "/etc/fonts", "/var/cache/fontconfig", "/usr/lib", "/usr/lib64", "/lib", "/lib64",
          "/usr/local/lib", "/usr/share/locale", "/usr/lib/locale", "/dev/null",
          "/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d")


def _allowed(workspace: Path) -> list[str]:
    python = {sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix,
              *sysconfig.get_paths().values(), str(REPO / "toolkit")}
    return [str(workspace.resolve()), *sorted(str(Path(p).resolve()) for p in python),
            *SYSTEM, str(Path.home() / ".cache" / "fontconfig")]


def _outside(paths: list[str], allowed: list[str]) -> list[str]:
    return [p for p in paths
            if not any(p == a or p.startswith(a.rstrip("/") + "/") for a in allowed)]


def _watched(args: list[str], workspace: Path, tmp_path: Path) -> dict:
    out = tmp_path / "seen.json"
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    subprocess.run([sys.executable, "-c", _WATCHED, str(out), *args], cwd=workspace,
                   env=env, check=True, timeout=600, capture_output=True)
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    root = tmp_path / "workspace"
    for folder in ("claims", "citations", "templates"):
        shutil.copytree(REPO / folder, root / folder)
    (root / "drafts").mkdir()
    return root


def test_a_full_build_of_every_kind_opens_nothing_outside_and_connects_nowhere(
        workspace, tmp_path):
    seen = _watched(["build", "claims/zheksebaev.yaml", "claims/briefings/eu-kazakhstan-2023.yaml",
                     "--kind", "memo", "--kind", "communication", "--kind", "fairness-report",
                     "--kind", "briefing", "--to", "docx,pdf,html,native", "--today",
                     "2026-11-22"], workspace, tmp_path)

    assert seen["status"] == 0
    built = {p.name for p in (workspace / "drafts").rglob("*") if p.suffix == ".pdf"}
    assert built == {"memo.pdf", "communication.pdf", "fairness-report.pdf", "briefing.pdf"}
    assert _outside(seen["open"], _allowed(workspace)) == []
    assert any(p.startswith(str(workspace.resolve())) for p in seen["open"])
    assert seen["connect"] == []
    # The programs a build may start: poppler's pdftotext, with which the public
    # versions' leak scan reads the PDF's page text (toolkit/redaction/scan.py), and
    # fontconfig's fc-match, which finds the font files the DOCX embeds (docx_fonts.py).
    others = [s for s in seen["spawn"]
              if "pdftotext" not in str(s) and "fc-match" not in str(s)]
    assert others == [], "a build starts no other program"


def test_the_watch_sees_a_file_opened_outside_the_workspace(workspace, tmp_path):
    """The other side of the boundary: a file outside, read on purpose, is caught."""
    outside = tmp_path / "outside.csl"
    shutil.copyfile(REPO / "templates" / "styles" / "covenant-oscola.csl", outside)
    seen = _watched(["build", "claims/sultanov.yaml", "--to", "native", "--style",
                     str(outside), "--today", "2026-11-22"], workspace, tmp_path)
    assert seen["status"] == 0
    assert _outside(seen["open"], _allowed(workspace)) == [str(outside.resolve())]


def test_weasyprint_libraries_are_found_without_running_a_program(tmp_path):
    out = tmp_path / "seen.json"
    subprocess.run([sys.executable, "-c", _WATCHED.replace(
        "from toolkit.cli import main", "from toolkit.writers.weasyprint_loader import "
        "weasyprint\nmain = lambda: None"), str(out)], cwd=REPO, check=True, timeout=300)
    seen = json.loads(out.read_text(encoding="utf-8"))
    assert seen["spawn"] == []
    # ctypes.util runs gcc and reads its output from a temporary file; a checkout (or
    # its virtual environment) that itself lives under /tmp is not such a file
    ours = (str(REPO), sys.prefix, sys.base_prefix)
    assert not [p for p in seen["open"] if p.startswith("/tmp/")
                and not p.startswith(ours)], "no gcc output files"


def test_the_library_lookup_finds_what_ctypes_finds():
    import ctypes.util

    from toolkit.writers.weasyprint_loader import find_library

    for name in ("gobject-2.0", "pango-1.0", "fontconfig", "harfbuzz"):
        assert find_library(name) == ctypes.util.find_library(name), name
    assert find_library("libgobject-2.0-0") is None  # WeasyPrint's Windows-style name
    assert find_library("no-such-library-anywhere") is None
