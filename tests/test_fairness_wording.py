"""The fairness report's sentences agree with what they count: one monitoring date reads
"On 15 June 2022", never "From 15 June 2022 to 15 June 2022"; the violations' effects read
"it", "both" or "all" for one, two or more (built from claims/mamay.yaml, one session and
two violations)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO, TODAY
from toolkit.workspace.build import build
from toolkit.workspace.folders import Workspace


def report(root: Path, edit) -> str:
    """The native dump of the Mamay fairness report after `edit(case)` on its case file."""
    for folder in ("claims", "citations", "templates"):
        shutil.copytree(REPO / folder, root / folder)
    (root / "drafts").mkdir()
    ws = Workspace(root)
    path = ws.claims / "mamay.yaml"
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(case)
    path.write_text(yaml.safe_dump(case, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    (output,) = build(ws, [path], "fairness-report", ["native"], today=TODAY)
    return output.paths[0].read_text(encoding="utf-8")


def sessions_on(*dates: str):
    def edit(case: dict) -> None:
        (session,) = case["monitoring"]["sessions"]
        case["monitoring"]["sessions"] = [{**session, "date": d} for d in dates]
    return edit


@pytest.mark.parametrize("dates,summary,methodology", [
    (["2022-06-15"], "On 15 June 2022, TrialWatch",
     "One monitor attended one session on 15 June 2022:"),
    (["2022-06-15", "2022-06-15"], "On 15 June 2022, TrialWatch",
     "One monitor attended two sessions on 15 June 2022:"),
    (["2022-06-15", "2022-06-16"], "Between 15 June and 16 June 2022, TrialWatch",
     "One monitor attended two sessions between 15 June and 16 June 2022:"),
    # one session dated as a range: one span, never "From 15 June 2022 – 17 June 2022 to
    # 15 June 2022 – 17 June 2022" (a docs-only trial's report)
    (["2022-06-15/2022-06-17"], "Between 15 June and 17 June 2022, TrialWatch",
     "One monitor attended one session between 15 June and 17 June 2022:"),
    (["2018-03-13/2021"], "Between 13 March 2018 and 2021, TrialWatch",
     "One monitor attended one session between 13 March 2018 and 2021:"),
    (["2022-06"], "In June 2022, TrialWatch", "One monitor attended one session in June 2022:"),
])
def test_the_monitoring_dates_read_as_one_date_only_when_they_are_one(tmp_path, dates,
                                                                      summary, methodology):
    text = report(tmp_path, sessions_on(*dates))
    assert summary in text and methodology in text
    assert "15 June 2022 to 15 June 2022" not in text
    assert "between 15 June 2022 and 15 June 2022" not in text


def test_one_monitor_is_its_monitor_and_two_are_its_monitors(tmp_path):
    assert "Its monitor attended one session" in report(tmp_path / "one", lambda c: None)

    def second_monitor(case: dict) -> None:
        case["people"].append({"id": "monitor-hotel", "name": "Monitor-Placeholder Hotel",
                               "roles": ["trial-monitor"]})
        case["monitoring"]["sessions"][0]["monitors"].append("monitor-hotel")
    assert "Its monitors attended one session" in report(tmp_path / "two", second_monitor)


def findings_kept(count: int):
    def edit(case: dict) -> None:
        found = case["monitoring"]["findings"]
        while len(found) < count:
            found.append({**found[0], "id": f"expression-{len(found)}"})
        del found[count:]
    return edit


@pytest.mark.parametrize("count,sentence", [
    (1, "The expert found one violation of the Covenant: it caused significant harm"),
    (2, "The expert found two violations of the Covenant: both caused significant harm"),
    (3, "The expert found three violations of the Covenant: all caused significant harm"),
])
def test_the_effect_of_every_violation_agrees_with_their_number(tmp_path, count, sentence):
    assert sentence in report(tmp_path, findings_kept(count))


def test_two_of_three_violations_are_counted_not_both(tmp_path):
    def edit(case: dict) -> None:
        findings_kept(3)(case)
        case["monitoring"]["findings"][2]["effect"] = "no-effect"
    text = report(tmp_path, edit)
    conclusion = text[text.index("The expert found three violations"):]
    conclusion = conclusion[:conclusion.index('"')]
    assert "two caused significant harm" in conclusion and "both" not in conclusion
