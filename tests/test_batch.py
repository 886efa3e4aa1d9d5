"""`covenant build` over many documents: incremental rebuilds (the manifest), failures
reported per file without stopping the others, --jobs, and the citation cache.

Fast: native and DOCX only (no PDF), on a copy of the example workspace."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import REPO, TODAY
from toolkit.cli import cli
from toolkit.workspace.batch import run_batch
from toolkit.workspace.folders import Workspace
from toolkit.workspace.manifest import MANIFEST
from toolkit.writers import WRITERS

ENGLISH = ["abishev", "demeuova", "onerkhan", "sultanov", "zhakupova", "zheksebaev"]


def covenant(ws: Path, *args: str):
    result = CliRunner().invoke(cli, ["build", *args, "--today", TODAY.isoformat(),
                                      "--workspace", str(ws)], catch_exceptions=False)
    return result


def wrote(result) -> list[str]:
    return sorted(re.findall(r"^wrote (\S+)$", result.stdout, re.M))


def up_to_date(result) -> list[str]:
    return sorted(re.findall(r"^up to date (\S+)$", result.stdout, re.M))


def cases(ws: Path, names=ENGLISH) -> list[str]:
    return [str(ws / "claims" / f"{name}.yaml") for name in names]


@pytest.fixture
def ws(example_workspace: Path, monkeypatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # DOCX bytes comparable
    return example_workspace


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_unchanged_case_is_not_built_again(ws):
    first = covenant(ws, *cases(ws), "--to", "native,docx")
    assert first.exit_code == 0, first.output
    assert len(wrote(first)) == 12
    stamps = {p: p.stat().st_mtime_ns for p in (ws / "drafts").rglob("memo.*")}
    second = covenant(ws, *cases(ws), "--to", "native,docx")
    assert second.exit_code == 0, second.output
    assert wrote(second) == []
    assert up_to_date(second) == wrote(first)
    assert "0 built, 6 up to date" in second.stderr
    assert {p: p.stat().st_mtime_ns for p in stamps} == stamps


def test_an_edited_case_is_built_again_and_only_it(ws):
    covenant(ws, *cases(ws), "--to", "native,docx")
    edit(ws / "claims/sultanov.yaml", "  summary: |\n", "  summary: |\n"
         "    A new summary, added after the first build.\n")
    result = covenant(ws, *cases(ws), "--to", "native,docx")
    assert result.exit_code == 0, result.output
    assert wrote(result) == ["drafts/sultanov/memo.docx", "drafts/sultanov/memo.native.txt"]
    assert len(up_to_date(result)) == 10
    assert "A new summary" in (ws / "drafts/sultanov/memo.native.txt").read_text()


def test_force_a_new_format_and_a_draft_changed_by_hand(ws):
    covenant(ws, *cases(ws, ["sultanov", "abishev"]), "--to", "native")
    # only the format that was never built is built
    result = covenant(ws, *cases(ws, ["sultanov", "abishev"]), "--to", "native,docx")
    assert wrote(result) == ["drafts/abishev/memo.docx", "drafts/sultanov/memo.docx"]
    # a draft edited (or deleted) by hand is built again
    (ws / "drafts/abishev/memo.native.txt").write_text("edited by hand")
    (ws / "drafts/sultanov/memo.docx").unlink()
    result = covenant(ws, *cases(ws, ["sultanov", "abishev"]), "--to", "native,docx")
    assert wrote(result) == ["drafts/abishev/memo.native.txt", "drafts/sultanov/memo.docx"]
    result = covenant(ws, *cases(ws, ["sultanov", "abishev"]), "--to", "native,docx", "--force")
    assert len(wrote(result)) == 4


@pytest.mark.parametrize("change", ["library", "template", "style", "option"])
def test_a_change_to_a_shared_input_builds_every_draft_again(ws, change):
    args = [*cases(ws, ["sultanov", "abishev"]), "--to", "native"]
    covenant(ws, *args)
    if change == "library":
        edit(ws / "citations/un-documents.yaml", "General Comment", "General comment")
    elif change == "template":
        path = ws / "templates/memo/sections/10-summary.md.j2"
        path.write_text(path.read_text() + "\n")
    elif change == "style":
        edit(ws / "templates/styles/covenant-oscola.csl", "</style>", "</style>\n")
    else:
        args.append("--public")
        assert len(wrote(covenant(ws, *args))) == 2  # memo-public: new files
        return
    assert len(wrote(covenant(ws, *args))) == 2
    # another kind's templates are not an input of the memo
    edit(ws / "templates/communication/sections/en/10-parties.md.j2", "# ", "#  ")
    assert wrote(covenant(ws, *args)) == []


def test_a_briefing_is_built_again_when_a_case_it_includes_changes(ws):
    briefing = str(ws / "claims/briefings/eu-kazakhstan-2023.yaml")
    args = [*cases(ws, [*ENGLISH, "zheksebaev-ru"]), briefing, "--kind", "memo", "--kind",
            "briefing", "--to", "native"]
    first = covenant(ws, *args)
    assert first.exit_code == 0, first.output
    assert "drafts/eu-kazakhstan-2023/briefing.native.txt" in wrote(first)
    assert wrote(covenant(ws, *args)) == []
    # the Russian translation is not in the (English) briefing: only its memo is built
    edit(ws / "claims/zheksebaev-ru.yaml", "\nfacts:", "\n# a comment\nfacts:")
    assert wrote(covenant(ws, *args)) == ["drafts/zheksebaev-ru/memo.native.txt"]
    # a case the briefing includes: its memo and the briefing
    edit(ws / "claims/onerkhan.yaml", "\nfacts:", "\n# a comment\nfacts:")
    assert wrote(covenant(ws, *args)) == ["drafts/eu-kazakhstan-2023/briefing.native.txt",
                                          "drafts/onerkhan/memo.native.txt"]


def test_a_failing_case_is_reported_with_its_file_and_the_others_are_built(ws):
    edit(ws / "claims/sultanov.yaml", "provision: 19(2)", "provision: 19(9)")
    result = covenant(ws, *cases(ws), "--to", "native,docx")
    assert result.exit_code == 1
    assert len(wrote(result)) == 10
    assert not (ws / "drafts/sultanov").exists()
    assert "claims/sultanov.yaml: the memo was not built: 1 error(s)" in result.stderr
    assert re.search(r"^claims/sultanov\.yaml:\d+:\d+: error: .*19", result.stderr, re.M)
    assert "5 built, 0 up to date, 1 failed" in result.stderr


def test_a_document_that_fails_to_build_does_not_stop_the_others(ws, monkeypatch):
    broken = [True]

    def write(self, document, frame):
        if document.case_id == "abishev" and broken[0]:
            raise RuntimeError("renderer crashed")
        return self.load()(document, frame)

    monkeypatch.setattr(type(WRITERS["native"]), "write", write)
    workspace = Workspace(ws)
    result = run_batch(workspace, [ws / "claims/abishev.yaml", ws / "claims/sultanov.yaml"],
                       ["memo"], ["native"], today=TODAY)
    assert [d.case_id for d in result.built] == ["sultanov"]
    (failure,) = result.failed
    assert failure.format() == ("claims/abishev.yaml: the memo could not be built "
                                "(RuntimeError: renderer crashed)")
    # the failure is not recorded: the next build tries again
    broken[0] = False
    again = run_batch(workspace, [ws / "claims/abishev.yaml", ws / "claims/sultanov.yaml"],
                      ["memo"], ["native"], today=TODAY)
    assert [d.case_id for d in again.built] == ["abishev"]
    assert [t.source.id for t in again.up_to_date] == ["sultanov"]


def test_jobs_2_writes_the_same_files_as_jobs_1(ws):
    briefing = str(ws / "claims/briefings/eu-kazakhstan-2023.yaml")
    args = [*cases(ws), briefing, "--kind", "memo", "--kind", "briefing",
            "--to", "native,docx", "--force"]
    one = covenant(ws, *args, "--out", str(ws / "one"))
    two = covenant(ws, *args, "--out", str(ws / "two"), "--jobs", "2")
    assert one.exit_code == 0 and two.exit_code == 0, one.output + two.output
    assert "2 processes" in two.stderr

    def files(root: Path) -> dict[str, bytes]:
        return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
                if p.is_file() and ".cache" not in p.parts and p.name != MANIFEST}

    assert len(files(ws / "one")) == 14
    assert files(ws / "one") == files(ws / "two")
    manifests = [json.loads((ws / d / MANIFEST).read_text())["outputs"] for d in ("one", "two")]
    assert manifests[0] == manifests[1]


def test_a_failure_in_a_worker_process_is_reported_and_the_others_are_built(ws):
    edit(ws / "claims/abishev.yaml", "provision: 19(2)", "provision: 19(9)")
    result = covenant(ws, *cases(ws), "--to", "native", "--jobs", "2")
    assert result.exit_code == 1
    assert len(wrote(result)) == 5
    assert "claims/abishev.yaml: the memo was not built" in result.stderr


def test_the_citation_cache_is_used_and_follows_the_library(ws):
    args = [*cases(ws, ["zheksebaev"]), "--to", "native", "--force"]
    covenant(ws, *args)
    native = ws / "drafts/zheksebaev/memo.native.txt"
    cold = native.read_text()
    (cache,) = (ws / "drafts/.cache/citations").glob("*.json")
    assert len(json.loads(cache.read_text())) > 10
    covenant(ws, *args)
    assert native.read_text() == cold  # warm: the same notes
    # an entry edited in the library is formatted again, not taken from the cache
    edit(ws / "citations/un-documents.yaml", "General Comment No 34",
         "General Comment Number 34")
    covenant(ws, *args)
    assert "General Comment Number 34" in native.read_text()
    assert "General Comment No 34" not in native.read_text()


def test_a_briefing_file_needs_the_briefing_kind(ws):
    from toolkit.model.errors import CovenantError

    with pytest.raises(CovenantError, match="build it with --kind briefing"):
        covenant(ws, str(ws / "claims/briefings/eu-kazakhstan-2023.yaml"), "--to", "native")


def test_the_engine_formats_numbers_through_stand_ins_exactly(monkeypatch):
    """A pinpoint or a note number formatted as a stand-in and put in afterwards gives
    the same text as formatting it directly, in every position, in several styles."""
    from toolkit.model.errors import Report
    from toolkit.passes.citation_markup import fragment_text
    from toolkit.passes.citeproc_engine import (
        NOTE_NUMBER,
        CiteprocEngine,
        Request,
        resolve_style,
    )
    from toolkit.readers.library import Library

    library = Library.from_folder(REPO / "citations", Report())
    by_type = {e.item.get("type"): e for e in library.entries.values()}  # one of each type
    items = {e.key: e.item for e in by_type.values()}
    assert len(items) >= 5
    for style in ("covenant-oscola", "european-journal-of-international-law"):
        path = resolve_style(style, REPO / "templates")
        quick, plain = CiteprocEngine(path, items), CiteprocEngine(path, items)
        plain.stand_in_locator = plain.stand_in_note = False
        for key in items:
            for position in ("first", "subsequent", "ibid", "ibid-with-locator"):
                for label, locator in ((None, None), ("paragraph", "12"), ("paragraph", "31"),
                                       ("page", "7"), ("paragraph", "3–5"),
                                       ("article", "19")):
                    first = 17 if position == "subsequent" else 0
                    request = Request(key, position, label, locator, "", "", first)
                    # the same text; the quick one marks "(n 17)"'s number for NOTEREF
                    assert fragment_text(quick.format(request)) == fragment_text(
                        plain.format(request)), (style, request)
                    if position == "subsequent" and "(n " in plain.format(request):
                        assert f"{NOTE_NUMBER.format(17)})" in quick.format(request)
        assert quick.renders < plain.renders


def test_a_style_that_formats_the_pinpoint_as_a_number_is_not_given_a_stand_in(tmp_path):
    from toolkit.passes.citeproc_engine import CiteprocEngine

    style = (REPO / "templates/styles/covenant-oscola.csl").read_text()
    path = tmp_path / "ordinal.csl"
    assert '<text variable="locator"/>' in style
    path.write_text(style.replace('<text variable="locator"/>',
                                  '<number variable="locator" form="ordinal"/>'))
    engine = CiteprocEngine(path, {"a": {"type": "report", "title": "A"}})
    assert not engine.stand_in_locator and engine.stand_in_note


def test_builds_are_not_slowed_by_an_unreadable_cache(ws):
    folder = ws / "drafts/.cache/citations"
    folder.mkdir(parents=True)
    args = [*cases(ws, ["sultanov"]), "--to", "native", "--force"]
    covenant(ws, *args)
    (cache,) = folder.glob("*.json")
    cache.write_text("{not json")
    result = covenant(ws, *args)
    assert result.exit_code == 0, result.output
    assert json.loads(cache.read_text())  # replaced by a good one
    assert os.access(cache, os.R_OK)
