"""Shared by the admissibility tests: one small valid communication case, writing it
into a workspace, checking it, and asserting exactly the diagnostics a lawyer sees.

The case: the author is the alleged victim; Kazakhstan; a judgment of 15 March 2021 and
an appeal decided on 10 June 2021; one sourced fact; one claim; remedies exhausted;
filed on 10 January 2024."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO, TODAY
from toolkit.model.errors import Diagnostic
from toolkit.workspace.build import build
from toolkit.workspace.check import check_workspace
from toolkit.workspace.folders import Workspace

WGAD = "UN Working Group on Arbitrary Detention"
CAT = "Committee against Torture"

LIBRARY = """\
- id: report
  type: report
  title: Trial monitoring report
- id: iccpr
  type: legislation
  title: International Covenant on Civil and Political Rights
"""


def minimal_case() -> dict:
    """A valid communication case: nothing to report, with or without --kind."""
    return {
        "case": {"id": "small", "title": "Aigerim Example v Kazakhstan",
                 "state": "Kazakhstan", "language": "en"},
        "people": [{"id": "aigerim", "name": "Aigerim Example",
                    "roles": ["alleged-victim", "author"], "nationality": "Kazakhstan",
                    "birth_date": "1990-02-14"}],
        "proceedings": [{
            "id": "trial", "court": "District Court No 2, Almaty",
            "judgment": {"date": "2021-03-15", "outcome": "convicted of unlawful assembly",
                         "sources": ["@report"]},
            "appeals": [{"kind": "appeal", "court": "Almaty City Court",
                         "filed": "2021-04-01", "status": "decided",
                         "decided": "2021-06-10", "outcome": "conviction upheld"}],
        }],
        "facts": [{"id": "arrest", "date": "2020-05-19",
                   "text": "The author was arrested at a peaceful protest.",
                   "sources": ["@report, para 2"], "people": ["aigerim"]}],
        "claims": [{"id": "assembly", "provision": "21", "facts": ["arrest"],
                    "argument": "The arrest punished a peaceful assembly.",
                    "authorities": ["@iccpr, art 21"]}],
        "domestic_remedies": {"exhausted": True},
        "international_procedures": [],
        "remedies_sought": ["Quash the conviction."],
        "annexes": [{"number": 1, "title": "Judgment of the District Court", "language": "ru"}],
        "filing": {"date": "2024-01-10", "place": "Almaty", "signatory": "aigerim"},
    }


def appeal(case: dict) -> dict:
    return case["proceedings"][0]["appeals"][0]


@dataclass
class Checked:
    text: str  # the case file as written
    items: list[Diagnostic]

    @property
    def admissibility(self) -> list[Diagnostic]:
        return [d for d in self.items if d.code.startswith("admissibility-")]

    def line(self, needle: str) -> int:
        """The line (1-based) of the only line of the case file containing `needle`."""
        lines = [n for n, text in enumerate(self.text.splitlines(), start=1)
                 if needle in text.replace("'", "")]  # quoted or not
        assert len(lines) == 1, f"{needle!r} is on lines {lines}"
        return lines[0]

    def listing(self) -> str:
        return "\n".join(d.format() + f" [{d.code}]" for d in self.items)


@pytest.fixture
def case_ws(workspace: Path) -> Path:
    (workspace / "citations" / "library.yaml").write_text(LIBRARY, encoding="utf-8")
    return workspace


def write_case(root: Path, case: dict) -> tuple[Path, str]:
    text = yaml.safe_dump(case, sort_keys=False, allow_unicode=True, width=1000)
    path = root / "claims" / "small.yaml"
    path.write_text(text, encoding="utf-8")
    return path, text


def check(root: Path, case: dict, today: date = TODAY, kind: str | None = "communication"
          ) -> Checked:
    path, text = write_case(root, case)
    result = check_workspace(Workspace(root), [path], today, kind)
    return Checked(text, result.report.items)


def expect(checked: Checked, *wanted: tuple[str, str, str, int]) -> None:
    """The admissibility diagnostics are exactly `wanted`: (severity, code, fragment of the
    message, line). Any other error would mean the case file itself is broken, and the
    rules might not have run at all."""
    others = [d for d in checked.items if d not in checked.admissibility and d.severity == "error"]
    assert not others, checked.listing()
    got = sorted((d.severity.value, d.code, d.line) for d in checked.admissibility)
    assert got == sorted((s, c, line) for s, c, _, line in wanted), checked.listing()
    for severity, code, fragment, line in wanted:
        (message,) = [d.message for d in checked.admissibility
                      if (d.severity.value, d.code, d.line) == (severity, code, line)]
        assert fragment in message, message


@pytest.fixture
def build_ws(case_ws: Path) -> Path:
    ws = case_ws
    shutil.copytree(REPO / "templates", ws / "templates", dirs_exist_ok=True)
    # The sources the standard wording cites (the Optional Protocol, Gelazauskas).
    shutil.copy(REPO / "citations" / "hrc-views.json", ws / "citations" / "hrc-views.json")
    (ws / "citations" / "protocol.yaml").write_text(
        "- id: iccpr-op1\n  type: treaty\n  title: Optional Protocol to the International "
        "Covenant on Civil and Political Rights\n", encoding="utf-8")
    # The General Comments the standards data cites (templates/communication/standards.*).
    comments = [item for item in yaml.safe_load((REPO / "citations/un-documents.yaml")
                                                .read_text(encoding="utf-8"))
                if item["id"].startswith("hrc-gc-")]
    (ws / "citations" / "comments.yaml").write_text(yaml.safe_dump(comments), encoding="utf-8")
    return ws


def native(build_ws: Path, case: dict) -> str:
    """The communication's native dump, built from `case`."""
    path, _ = write_case(build_ws, case)
    (output,) = build(Workspace(build_ws), [path], "communication", ["native"], today=TODAY)
    return output.paths[0].read_text(encoding="utf-8")


def procedure(body: str = CAT, status: str = "concluded", concluded: str | None = "2022-03-15",
              **extra) -> dict:
    found = {"body": body, "reference": "No 1/2022", "submitted": "2021-09-01",
             "status": status, **extra}
    if concluded:
        found["concluded"] = concluded
    return found


def pending(case: dict) -> dict:
    del appeal(case)["decided"]
    del appeal(case)["outcome"]
    appeal(case)["status"] = "pending"
    return case
