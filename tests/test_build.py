"""`covenant build`: golden document dumps, and a failed build that loses nothing."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import REPO, TODAY
from toolkit.cli import cli
from toolkit.model.errors import CovenantError
from toolkit.workspace.build import build
from toolkit.workspace.folders import Workspace
from toolkit.writers import WRITERS

GOLDEN = REPO / "tests" / "golden"


@pytest.mark.parametrize("case", ["zheksebaev", "sultanov"])
def test_memo_native_dump_matches_the_golden_file(case, example_workspace):
    ws = Workspace(example_workspace)
    (output,) = build(ws, [ws.claims / f"{case}.yaml"], "memo", ["native"], today=TODAY)
    produced = output.paths[0].read_text(encoding="utf-8")
    golden = GOLDEN / f"{case}.memo.native.txt"
    if os.environ.get("UPDATE_GOLDEN", "") not in ("", "0"):
        golden.write_text(produced, encoding="utf-8")
    assert produced == golden.read_text(encoding="utf-8"), \
        f"the {case} memo changed; if intended, rerun with UPDATE_GOLDEN=1 and review the diff"


def test_the_memo_names_a_claims_facts_as_one_reference():
    # "paras 4.8 and 4.16", as the communication does, not "para 4.8, para 4.16"
    memo = (GOLDEN / "zheksebaev.memo.native.txt").read_text(encoding="utf-8")
    assert "Facts relied on: paras\u00a0[4.8](#fact:koshe-ban-2020-05-19) and [4.16]" in memo
    assert "), [para " not in memo


def test_build_writes_drafts_case_kind_extension(example_workspace):
    result = CliRunner().invoke(cli, ["build", str(example_workspace / "claims/zheksebaev.yaml"),
                                      "--to", "native,html", "--today", "2026-11-22"])
    assert result.exit_code == 0, result.output
    assert (example_workspace / "drafts/zheksebaev/memo.native.txt").is_file()
    assert (example_workspace / "drafts/zheksebaev/memo.html").is_file()


def test_a_case_file_error_stops_the_build_and_keeps_the_previous_draft(example_workspace):
    ws = Workspace(example_workspace)
    claim = ws.claims / "zheksebaev.yaml"
    (output,) = build(ws, [claim], "memo", ["native"], today=TODAY)
    before = output.paths[0].read_bytes()
    claim.write_text(claim.read_text().replace("provision: 14(3)(b)", "provision: 14(3)(h)"))
    with pytest.raises(CovenantError) as info:
        build(ws, [claim], "memo", ["native"], today=TODAY)
    assert "nothing was built" in str(info.value)
    assert any("14(3)(h)" in d.message or "(h)" in d.message for d in info.value.report.errors)
    assert output.paths[0].read_bytes() == before


def test_a_failing_writer_leaves_every_earlier_draft_untouched(example_workspace, monkeypatch):
    ws = Workspace(example_workspace)
    claim = ws.claims / "zheksebaev.yaml"
    (output,) = build(ws, [claim], "memo", ["native", "html"], today=TODAY)
    before = {p: p.read_bytes() for p in output.paths}

    def broken(document, frame):
        raise RuntimeError("renderer crashed")

    monkeypatch.setattr(type(WRITERS["html"]), "write",
                        lambda self, d, f: broken(d, f) if self.name == "html" else
                        self.load()(d, f))
    claim.write_text(claim.read_text().replace("Askhat Zheksebaev v Kazakhstan",
                                               "Changed title v Kazakhstan"))
    with pytest.raises(RuntimeError):
        build(ws, [claim], "memo", ["native", "html"], today=TODAY)
    assert {p: p.read_bytes() for p in output.paths} == before
    assert not [p for p in (ws.drafts / "zheksebaev").iterdir() if p.name.endswith(".tmp")]


def test_unknown_kind_and_format_are_refused(example_workspace):
    ws = Workspace(example_workspace)
    with pytest.raises(CovenantError, match="unknown kind"):
        build(ws, [], "novel", ["native"], today=TODAY)
    with pytest.raises(CovenantError, match="unknown format"):
        build(ws, [], "memo", ["rtf"], today=TODAY)
    result = CliRunner().invoke(cli, ["build", "claims/x.yaml", "--to", "rtf"])
    assert result.exit_code == 2


def test_jinja_in_claim_text_is_printed_not_evaluated(example_workspace):
    ws = Workspace(example_workspace)
    claim = ws.claims / "zheksebaev.yaml"
    claim.write_text(claim.read_text().replace(
        "A video posted on Mr Zheksebaev's Facebook page invited",
        "{{ 7*7 }} {% raw %} <b>bold</b> A video invited"))
    (output,) = build(ws, [claim], "memo", ["native"], today=date(2026, 11, 22))
    text = output.paths[0].read_text()
    assert "{{ 7*7 }} {% raw %} <b>bold</b> A video invited" in text
    assert "49" not in text.split("{{ 7*7 }}")[1][:20]


def test_drafts_folder_is_created_per_case(example_workspace):
    ws = Workspace(example_workspace)
    outputs = build(ws, [ws.claims / "sultanov.yaml", ws.claims / "abishev.yaml"], "memo",
                    ["native"], out=example_workspace / "elsewhere", today=TODAY)
    assert sorted(Path(o.paths[0]).parent.name for o in outputs) == ["abishev", "sultanov"]


def test_source_date_epoch_makes_docx_and_pdf_byte_identical(example_workspace, tmp_path):
    import subprocess
    import sys

    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    outputs = []
    for run in ("a", "b"):
        out = tmp_path / run
        subprocess.run([sys.executable, "-m", "toolkit", "build", "claims/sultanov.yaml",
                        "--to", "docx,pdf", "--out", str(out)], cwd=example_workspace,
                       env={**env, "PYTHONHASHSEED": "1" if run == "a" else "2"}, check=True,
                       capture_output=True)
        outputs.append({p.name: p.read_bytes() for p in (out / "sultanov").iterdir()})
    assert outputs[0].keys() == {"memo.docx", "memo.pdf"}
    assert outputs[0] == outputs[1]
