"""Golden files pinning the text of every footnote of the example communication, in
English and in Russian in the house style, and in English in one published style
(OSCOLA as citeproc-py renders it with our fixes). A change to a note's wording shows
here as a diff: review it as an editor would, then regenerate with UPDATE_GOLDEN=1."""

from __future__ import annotations

import os
import re

import pytest

from tests.conftest import REPO, TODAY
from toolkit.workspace.build import build
from toolkit.workspace.folders import Workspace

GOLDEN = REPO / "tests" / "golden" / "notes"
CASES = [("zheksebaev", "covenant-oscola", "communication.en.txt"),
         ("zheksebaev-ru", "covenant-oscola", "communication.ru.txt"),
         ("zheksebaev", "oscola", "communication.en.oscola.txt")]


def _notes(dump: str) -> str:
    """The 'Notes N' section of a native dump: one line per footnote."""
    found = re.search(r"^Notes \d+\n(?:  .*\n?)*", dump, re.M)
    assert found, "the dump has no Notes section"
    return found.group(0)


@pytest.mark.parametrize(("case", "style", "golden"), CASES)
def test_every_note_of_the_example_communication_matches_its_golden_file(
        case, style, golden, example_workspace):
    ws = Workspace(example_workspace)
    (output,) = build(ws, [ws.claims / f"{case}.yaml"], "communication", ["native"],
                      style=style, today=TODAY)
    produced = _notes(output.paths[0].read_text(encoding="utf-8"))
    path = GOLDEN / golden
    if os.environ.get("UPDATE_GOLDEN", "") not in ("", "0"):
        path.write_text(produced, encoding="utf-8")
    assert produced == path.read_text(encoding="utf-8"), \
        f"the notes of {case} in {style} changed; if intended, rerun with UPDATE_GOLDEN=1 " \
        "and review the diff"
