"""Builds in a workspace someone else may have written (issue 23): nothing under drafts/
is executed, no file from outside the workspace is read, only regular files are, a draft
folder linked elsewhere is not written through, and what a build records in the
manifest is what it parsed.

Each test reproduces one attack and asserts the safe outcome. Fast: memo drafts in
native and HTML (DOCX where the frame is the point)."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import REPO, TODAY
from tests.conftest import run_build as build
from toolkit.cli import cli
from toolkit.files.reading import UnsafeFile, read_bytes
from toolkit.model.errors import MisuseError
from toolkit.workspace import batch
from toolkit.workspace.check import check_workspace
from toolkit.workspace.folders import Workspace

SECRET = "root:x:0:0:SECRET-LINE-FROM-OUTSIDE:/root:/bin/bash"


@pytest.fixture
def secret(tmp_path_factory) -> Path:
    """A file outside the workspace that no draft may ever show."""
    path = tmp_path_factory.mktemp("elsewhere") / "passwd"
    path.write_text(SECRET + "\n", encoding="utf-8")
    return path


def everything_under(root: Path) -> bytes:
    return b"".join(p.read_bytes() for p in root.rglob("*") if p.is_file()
                    and not p.is_symlink())


# ---------------------------------------------------------------- nothing executed


class _Payload:
    """Unpickling this creates the file `marker`: what a hostile cache entry would do."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (open, (str(self.marker), "w"))


def test_hostile_files_in_the_cache_are_never_executed_and_the_build_is_unchanged(ws):
    """Every file a build keeps in drafts/.cache/ is replaced by a pickle that would
    create a file when loaded (behind Jinja's bytecode-cache header): the next build
    runs none of it, ignores the damaged cache with a warning and writes the same
    drafts."""
    from jinja2.bccache import bc_magic

    case = str(ws / "claims" / "zheksebaev.yaml")
    first = build(ws, case, "--to", "native,html")
    assert first.exit_code == 0, first.output
    drafts = {p: p.read_bytes() for p in (ws / "drafts" / "zheksebaev").iterdir()}
    cached = [p for p in (ws / "drafts" / ".cache").rglob("*") if p.is_file()]
    assert cached, "the build keeps formatted citations"
    marker = ws.parent / "executed-from-the-cache"
    payload = bc_magic + pickle.dumps(_Payload(marker))
    for path in cached:
        path.write_bytes(payload)
    # and where Jinja's own cache would look, had it one
    planted = ws / "drafts" / ".cache" / "jinja" / "0123456789abcdef"
    planted.mkdir(parents=True)
    (planted / "__jinja2_0000.cache").write_bytes(payload)

    second = build(ws, case, "--to", "native,html", "--force")

    assert second.exit_code == 0, second.output
    assert not marker.exists()
    assert "the citation cache is not a cache covenant wrote" in second.stderr
    assert {p: p.read_bytes() for p in drafts} == drafts
    assert all(p.read_bytes() != payload for p in cached), "the damaged cache is replaced"


def test_compiled_templates_are_kept_in_memory_only(ws):
    result = build(ws, str(ws / "claims" / "sultanov.yaml"), "--to", "native")
    assert result.exit_code == 0, result.output
    kept = sorted(p.relative_to(ws / "drafts" / ".cache").as_posix()
                  for p in (ws / "drafts" / ".cache").rglob("*") if p.is_file())
    assert kept and all(name.startswith("citations/") and name.endswith(".json")
                        for name in kept)


# ---------------------------------------------------------------- files from outside


def _link(path: Path, target: Path) -> None:
    path.unlink(missing_ok=True)
    path.symlink_to(target)


LINKED_TEMPLATES = {
    "a section template": ("memo/sections/40-facts.md.j2", "native"),
    "the kind's style.css": ("memo/style.css", "html"),
    "base/style.css, which frame.html includes": ("base/style.css", "html"),
    "the kind's frame.html": ("memo/frame.html", "html"),
    "base/frame.html, which the frame extends": ("base/frame.html", "html"),
    "frame.docx": ("memo/frame.docx", "docx"),
}


@pytest.mark.parametrize("what", list(LINKED_TEMPLATES))
def test_a_template_linked_out_of_templates_is_refused_naming_the_link(ws, secret, what):
    relative, formats = LINKED_TEMPLATES[what]
    link = ws / "templates" / relative
    _link(link, secret)

    result = build(ws, str(ws / "claims" / "zheksebaev.yaml"), "--to", formats)

    assert result.exit_code == 1
    assert str(link) in result.stderr and "outside" in result.stderr, result.output
    assert "Traceback" not in result.output
    assert SECRET.encode() not in everything_under(ws)


def test_a_file_a_section_includes_may_not_be_a_link_out(ws, secret):
    section = ws / "templates" / "memo" / "sections" / "10-summary.md.j2"
    section.write_text(section.read_text(encoding="utf-8") + '\n{% include "extra.md" %}\n',
                       encoding="utf-8")
    _link(section.parent / "extra.md", secret)

    result = build(ws, str(ws / "claims" / "zheksebaev.yaml"), "--to", "native")

    assert result.exit_code == 1
    assert f"{section.parent / 'extra.md'}: is a symbolic link to" in result.stderr
    assert SECRET.encode() not in everything_under(ws)


def test_a_link_that_stays_inside_templates_is_followed(ws):
    """The boundary's other side: a link to another file inside templates/ is fine."""
    style = ws / "templates" / "memo" / "style.css"
    copy = ws / "templates" / "memo" / "style-original.css"
    style.rename(copy)
    style.symlink_to(copy)

    result = build(ws, str(ws / "claims" / "zheksebaev.yaml"), "--to", "html")

    assert result.exit_code == 0, result.output


def test_a_case_file_linked_out_of_claims_is_an_error_at_its_name(ws, tmp_path_factory):
    outside = tmp_path_factory.mktemp("elsewhere") / "case.yaml"
    outside.write_bytes((ws / "claims" / "sultanov.yaml").read_bytes())
    (ws / "claims" / "leak.yaml").symlink_to(outside)

    result = check_workspace(Workspace(ws), [ws / "claims" / "leak.yaml"], TODAY)

    (error,) = [d for d in result.report.errors if d.file == "claims/leak.yaml"]
    assert (error.line, error.column) == (1, 1)
    assert error.message.startswith(f"the file is a symbolic link to {outside}, outside ")
    assert result.cases[0].case is None


def test_a_library_file_linked_out_of_citations_is_an_error(ws, secret):
    renamed = secret.with_suffix(".yaml")
    secret.rename(renamed)
    (ws / "citations" / "more.yaml").symlink_to(renamed)

    result = check_workspace(Workspace(ws), [ws / "claims" / "sultanov.yaml"], TODAY)

    assert [(d.file, d.code) for d in result.report.errors] == \
        [("citations/more.yaml", "unsafe-file")]


def test_a_named_pipe_given_as_a_case_file_is_refused_at_once(ws):
    pipe = ws / "claims" / "pipe.yaml"
    os.mkfifo(pipe)
    done = subprocess.run([sys.executable, "-m", "toolkit", "check", str(pipe)], cwd=ws,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert "claims/pipe.yaml:1:1: error: the file is a named pipe (FIFO), not a regular " \
        "file" in done.stdout
    assert "Traceback" not in done.stderr


def test_a_case_file_linked_to_dev_zero_is_refused_without_reading_it(ws):
    (ws / "claims" / "zero.yaml").symlink_to("/dev/zero")
    result = check_workspace(Workspace(ws), [ws / "claims" / "zero.yaml"], TODAY)
    (error,) = result.report.errors
    assert "is a symbolic link to /dev/zero, outside" in error.message


@pytest.mark.parametrize("special, kind", [("/dev/zero", "a character device"),
                                           ("/", "a folder")])
def test_only_regular_files_are_read_even_without_a_folder_to_stay_in(special, kind):
    with pytest.raises(UnsafeFile, match=f"is {kind}, not a regular file"):
        read_bytes(special)


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path):
    big = tmp_path / "big.yaml"
    big.write_bytes(b"a" * 101)
    assert read_bytes(big, tmp_path, limit=101) == b"a" * 101
    with pytest.raises(UnsafeFile, match="101 bytes, more than the 100"):
        read_bytes(big, tmp_path, limit=100)


def test_a_draft_folder_linked_elsewhere_is_not_written_through(ws, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    (ws / "drafts" / "zheksebaev").symlink_to(elsewhere, target_is_directory=True)

    result = build(ws, str(ws / "claims" / "zheksebaev.yaml"), "--to", "native")

    assert result.exit_code == 1
    assert "is a symbolic link to" in result.stderr
    assert list(elsewhere.iterdir()) == []


@pytest.mark.parametrize("inside", ["citations", "claims", "templates/memo"])
def test_drafts_may_not_go_into_an_input_folder(ws, inside):
    result = build(ws, str(ws / "claims" / "sultanov.yaml"), "--to", "native",
                   "--out", str(ws / inside / "out"))
    assert isinstance(result.exception, MisuseError)  # exit status 2 from main()
    assert "drafts may not go inside" in str(result.exception)
    assert not (ws / inside / "out").exists()


# ---------------------------------------------------------------- the manifest


def test_a_case_edited_while_the_build_runs_is_built_again_next_time(ws, monkeypatch):
    """The manifest records the hash of the bytes that were parsed: a case edited after
    it was read (while other cases are still being checked or built) is stale."""
    case = ws / "claims" / "sultanov.yaml"
    real = batch.run_task

    def edit_then_build(task, settings, progress=None):
        text = case.read_text(encoding="utf-8")
        case.write_text(text.replace("Sultanov", "Sultanova", 1), encoding="utf-8")
        return real(task, settings, progress)

    monkeypatch.setattr(batch, "run_task", edit_then_build)
    first = build(ws, str(case), "--to", "native")
    assert first.exit_code == 0, first.output
    monkeypatch.setattr(batch, "run_task", real)

    second = build(ws, str(case), "--to", "native")

    assert "wrote drafts/sultanov/memo.native.txt" in second.stdout, second.output
    third = build(ws, str(case), "--to", "native")
    assert "up to date drafts/sultanov/memo.native.txt" in third.stdout


def test_a_case_file_whose_name_is_not_utf8_builds_and_is_recorded(ws):
    name = os.fsdecode(b"caso-\xff.yaml")
    os.rename(ws / "claims" / "sultanov.yaml", ws / "claims" / name)
    first = build(ws, str(ws / "claims" / name), "--to", "native")
    assert first.exit_code == 0, first.output
    second = build(ws, str(ws / "claims" / name), "--to", "native")
    assert "up to date drafts/sultanov/memo.native.txt" in second.stdout, second.output


# ---------------------------------------------------------------- what is printed


def test_control_characters_in_names_and_values_are_escaped_in_diagnostics(ws):
    case = ws / "claims" / "sultanov.yaml"
    text = case.read_text(encoding="utf-8")
    case.write_text("\"ti\\e]0;owned\\a\\e[2J\": 1\n" + text, encoding="utf-8")
    evil = ws / "claims" / "a\x1b]52;c;ZXZpbA==\x07.yaml"
    evil.write_text("case: [\n", encoding="utf-8")

    result = CliRunner().invoke(cli, ["check", "--workspace", str(ws)])

    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "unknown field 'ti\\x1b]0;owned\\x07\\x1b[2J'" in result.stdout
    assert "claims/a\\x1b]52;c;ZXZpbA==\\x07.yaml:" in result.stdout
    json_result = CliRunner().invoke(cli, ["check", "--workspace", str(ws), "--format", "json"])
    assert "\x1b" not in json_result.stdout and "\\u001b" in json_result.stdout


# ---------------------------------------------------------------- worker processes


_ORPHANS = """\
import os, signal, subprocess, sys, time
from pathlib import Path
ws, token, how = Path(sys.argv[1]), sys.argv[2], getattr(signal, sys.argv[3])

def ours():
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if token.encode() in (entry / "environ").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                pass
    return found

cases = sorted(str(p) for p in (ws / "claims").glob("*.yaml"))
build = subprocess.Popen([sys.executable, "-m", "toolkit", "build", *cases, "--to", "docx",
                          "--jobs", "2", "--force", "-w", str(ws)],
                         env=dict(os.environ, COVENANT_TEST_TOKEN=token),
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
started = time.time()
while len(ours()) < 4 and time.time() - started < 60:  # build, forkserver, 2 workers
    time.sleep(0.1)
seen = len(ours())
time.sleep(0.1)  # the workers have begun; 0.5 s let a fast build end first
stopped = time.time()
build.send_signal(how)
status = build.wait(timeout=60)
took = time.time() - stopped
deadline = time.time() + 10
while ours() and time.time() < deadline:
    time.sleep(0.2)
left = ours()
for pid in left:
    os.kill(pid, 9)
print(seen, len(left), status, round(took, 1))
"""


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs /proc")
@pytest.mark.parametrize("how", ["SIGKILL", "SIGINT"])
def test_workers_of_jobs_end_with_a_killed_or_interrupted_build(ws, how):
    """SIGKILL: the workers notice their build process is gone and end; SIGINT (Ctrl-C):
    the build ends its workers at once, exit status 130. Either way no process of it
    lives on, and the next build finds every draft whole and mends the rest."""
    first = build(ws, *sorted(str(p) for p in (ws / "claims").glob("*.yaml")), "--to", "docx")
    assert first.exit_code == 0, first.output
    token = os.urandom(8).hex()
    done = subprocess.run([sys.executable, "-c", _ORPHANS, str(ws), token, how], cwd=REPO,
                          capture_output=True, text=True, timeout=240)
    seen, left, status, took = done.stdout.split()
    assert int(seen) >= 4, "the build had started its workers before it was stopped"
    assert int(left) == 0, f"{left} process(es) of the stopped build lived on"
    if how == "SIGINT":
        assert int(status) == 130 and float(took) < 15, (status, took)
    again = build(ws, *sorted(str(p) for p in (ws / "claims").glob("*.yaml")), "--to", "docx")
    assert again.exit_code == 0, again.output
    assert not [p for p in (ws / "drafts").rglob(".*") if p.name.endswith(".tmp")]


def test_the_manifest_hashes_no_file_a_link_points_to_outside(ws, secret, monkeypatch):
    """Deciding what is up to date reads templates/ and citations/ too: a link out of
    them is not followed there either (the build then refuses it by name)."""
    from toolkit.workspace import manifest

    (ws / "templates" / "memo" / "notes.txt").symlink_to(secret)
    read = []
    real = manifest.read_bytes
    monkeypatch.setattr(manifest, "read_bytes",
                        lambda path, root=None: read.append(Path(path)) or real(path, root))
    digest = manifest._tree_digest(ws / "templates")
    assert ws / "templates" / "memo" / "notes.txt" in read
    secret.write_text("changed", encoding="utf-8")
    assert manifest._tree_digest(ws / "templates") == digest


def test_a_csl_style_linked_out_of_templates_is_refused(ws, tmp_path_factory):
    """templates/styles/NAME.csl is read like every template: a link out is refused."""
    outside = tmp_path_factory.mktemp("elsewhere") / "evil.csl"
    outside.write_bytes((ws / "templates" / "styles" / "covenant-oscola.csl").read_bytes())
    (ws / "templates" / "styles" / "evil.csl").symlink_to(outside)

    result = build(ws, str(ws / "claims" / "zheksebaev.yaml"), "--to", "native",
                   "--style", "evil")

    assert result.exit_code != 0
    assert "evil.csl: is a symbolic link to" in str(result.exception)
