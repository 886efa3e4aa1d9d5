"""Admissibility of a communication (toolkit/kinds/communication/admissibility.py): every rule, with
dates on both sides of every limit, asserted on the exact diagnostic a lawyer sees.

Each test starts from one small valid case (the author is the alleged victim; Kazakhstan;
a judgment of 15 March 2021 and an appeal decided on 10 June 2021; one sourced fact; one
claim; remedies exhausted; filed on 10 January 2024) and changes one thing.

Boundary semantics pinned here:
- the five-year limit ends on the anniversary of the earliest date the last decision can
  bear (10 June 2021 -> 10 June 2026); filing on that day is in time, the day after is
  late; a decision of 29 February ends its period on 28 February;
- the warning starts the day after "six months before the deadline": filing exactly six
  months before (10 December 2025) gives none, the next day gives one;
- the Optional Protocol binds Kazakhstan from 30 September 2009: a fact that ended on
  29 September 2009 is early, one on 30 September is not."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from tests.conftest import REPO, TODAY
from toolkit.cli import cli
from toolkit.model.errors import CovenantError, Diagnostic
from toolkit.workspace.build import build
from toolkit.workspace.check import check_workspace
from toolkit.workspace.folders import Workspace

WGAD = "UN Working Group on Arbitrary Detention"

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
                    "roles": ["alleged-victim", "author"], "nationality": "Kazakhstan"}],
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
        "remedies_sought": ["Quash the conviction."],
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
def ws(workspace: Path) -> Path:
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


def test_the_minimal_case_is_admissible_and_clean(ws):
    checked = check(ws, minimal_case())
    assert checked.items == [], checked.listing()


# ------------------------------------------------------------ OP art 1: the State


def test_a_state_not_recorded_as_a_party_is_an_error(ws):
    case = minimal_case()
    case["case"]["state"] = "United States"
    checked = check(ws, case)
    expect(checked, ("error", "admissibility-state",
                     "United States is not recorded as a party to the Optional Protocol",
                     checked.line("state: United States")))


def test_the_state_may_be_given_by_its_iso_code(ws):
    case = minimal_case()
    case["case"]["state"] = "KZ"
    expect(check(ws, case))


def test_filing_the_day_before_the_protocol_binds_the_state_is_an_error(ws):
    case = minimal_case()
    case["filing"]["date"] = "2009-09-29"
    checked = check(ws, case)
    expect(checked, ("error", "admissibility-state",
                     "the filing date precedes the Optional Protocol's entry into force for "
                     "Kazakhstan (30 September 2009)", checked.line("date: 2009-09-29")))


def test_filing_on_the_day_the_protocol_binds_the_state_is_not(ws):
    case = minimal_case()
    case["filing"]["date"] = "2009-09-30"
    expect(check(ws, case))


# ------------------------------------------------------------ ratione temporis


@pytest.mark.parametrize("day, early", [
    ("2009-09-29", True),   # the day before entry into force
    ("2009-09-30", False),  # the day itself
    ("2009-09", False),     # some day in September 2009: it may be the 30th
])
def test_a_claimed_fact_before_entry_into_force_is_a_warning(ws, day, early):
    case = minimal_case()
    case["facts"][0]["date"] = day
    checked = check(ws, case)
    if early:
        expect(checked, ("warning", "admissibility-ratione-temporis",
                         "fact 'arrest' (29 September 2009) predates the Optional Protocol's "
                         "entry into force for Kazakhstan (30 September 2009)",
                         checked.line(f"date: {day}")))
    else:
        expect(checked)


def test_a_continuing_fact_before_entry_into_force_is_not_warned_about(ws):
    case = minimal_case()
    case["facts"][0].update(date="2009-09-29", continuing=True)
    expect(check(ws, case))


def test_an_early_fact_that_no_claim_relies_on_is_not_warned_about(ws):
    case = minimal_case()
    case["facts"].append({"id": "background", "date": "2008-01-10",
                          "text": "Background.", "sources": ["@report, para 1"]})
    expect(check(ws, case))


# ------------------------------------------------------------ OP arts 2 and 5(2)(b)


def test_no_domestic_remedies_block_is_an_error(ws):
    case = minimal_case()
    del case["domestic_remedies"]
    expect(check(ws, case), ("error", "admissibility-remedies",
                             "say whether domestic remedies were exhausted", 1))


def test_remedies_not_exhausted_without_explanation_is_an_error(ws):
    case = minimal_case()
    case["domestic_remedies"] = {"exhausted": False}
    checked = check(ws, case)
    expect(checked, ("error", "admissibility-remedies",
                     "remedies are not exhausted: explain why they are unavailable, "
                     "ineffective or unreasonably prolonged", checked.line("exhausted: false")))


def test_remedies_not_exhausted_with_an_explanation_is_fine(ws):
    case = minimal_case()
    case["domestic_remedies"] = {"exhausted": False, "explanation":
                                 "A cassation appeal is not an effective remedy."}
    expect(check(ws, case))


def _pending(case: dict) -> dict:
    del appeal(case)["decided"]
    appeal(case)["status"] = "pending"
    return case


def test_a_pending_appeal_is_an_error(ws):
    checked = check(ws, _pending(minimal_case()))
    expect(checked, ("error", "admissibility-pending",
                     "the appeal to Almaty City Court is still pending: wait for the decision",
                     checked.line("status: pending")))


def test_a_pending_appeal_is_an_error_even_when_exhausted_is_explained(ws):
    case = _pending(minimal_case())
    case["domestic_remedies"] = {"exhausted": True, "explanation": "Appealed."}
    checked = check(ws, case)
    expect(checked, ("error", "admissibility-pending", "is still pending",
                     checked.line("status: pending")))


def test_a_pending_appeal_argued_to_be_ineffective_is_a_warning(ws):
    case = _pending(minimal_case())
    case["domestic_remedies"] = {"exhausted": False, "explanation":
                                 "The appeal has been pending for three years."}
    checked = check(ws, case)
    expect(checked, ("warning", "admissibility-pending",
                     "the appeal to Almaty City Court is still pending; the communication "
                     "relies on the argument that remedies are ineffective",
                     checked.line("status: pending")))


def test_no_domestic_decision_is_an_error(ws):
    case = minimal_case()
    case["proceedings"] = []
    checked = check(ws, case)
    expect(checked, ("error", "admissibility-final-decision",
                     "no domestic decision is recorded", checked.line("proceedings: []")))


def test_no_domestic_decision_is_fine_when_remedies_are_argued_unavailable(ws):
    case = minimal_case()
    del case["proceedings"]
    case["domestic_remedies"] = {"exhausted": False, "explanation":
                                 "No court would hear a complaint against the police."}
    expect(check(ws, case))


@pytest.mark.parametrize("status", ["decided", "refused"])
def test_a_decided_appeal_without_a_date_is_an_error(ws, status):
    case = minimal_case()
    del appeal(case)["decided"]
    appeal(case)["status"] = status
    checked = check(ws, case)
    expect(checked, ("error", "admissibility-final-decision",
                     "the last decision (appeal, Almaty City Court) has no date: add "
                     "'decided:'", checked.line("kind: appeal")))
    if status == "decided":
        assert [(d.code, d.line) for d in checked.items if d.severity == "warning"] == \
            [("appeal-undated", checked.line("status: decided"))]


# ------------------------------------------------------------ rule 99(c): five years


@pytest.mark.parametrize("filed, severity", [
    ("2025-12-09", None),        # a day more than six months before the deadline
    ("2025-12-10", None),        # exactly six months before: no warning yet
    ("2025-12-11", "warning"),   # fewer than six months remain
    ("2026-06-09", "warning"),   # the day before the deadline
    ("2026-06-10", "warning"),   # the deadline itself: still in time
    ("2026-06-11", "error"),     # the day after
])
def test_five_years_from_the_last_domestic_decision(ws, filed, severity):
    case = minimal_case()
    case["filing"]["date"] = filed
    checked = check(ws, case)
    decided = checked.line("decided: 2021-06-10")
    if severity is None:
        expect(checked)
    elif severity == "warning":
        expect(checked, ("warning", "admissibility-time-limit",
                         "file by 10 June 2026, five years after the last domestic decision, "
                         "dated 10 June 2021: fewer than six months remain", decided))
    else:
        expect(checked, ("error", "admissibility-time-limit",
                         "submission on 11 June 2026 is after 10 June 2026, five years after "
                         "the last domestic decision, dated 10 June 2021: the Committee may "
                         "treat it as an abuse of the right of submission (rule 99(c)); add "
                         "'filing.delay_justification'", decided))


def test_a_late_filing_with_a_justification_is_a_warning(ws):
    case = minimal_case()
    case["filing"].update(date="2026-06-11", delay_justification=(
        "The author was held incommunicado until May 2026."))
    checked = check(ws, case)
    expect(checked, ("warning", "admissibility-time-limit",
                     "submission on 11 June 2026 is after 10 June 2026, five years after the "
                     "last domestic decision, dated 10 June 2021: the Committee may treat it "
                     "as an abuse of the right of submission (rule 99(c)); the justification "
                     "given will be printed",
                     checked.line("delay_justification:")))


def test_the_limit_runs_from_the_latest_decision_not_the_judgment(ws):
    case = minimal_case()
    case["filing"]["date"] = "2026-03-16"  # five years and a day after the judgment
    checked = check(ws, case)
    expect(checked, ("warning", "admissibility-time-limit", "file by 10 June 2026",
                     checked.line("decided: 2021-06-10")))


@pytest.mark.parametrize("filed, severity", [("2025-02-28", "warning"), ("2025-03-01", "error")])
def test_a_decision_of_29_february_ends_its_period_on_28_february(ws, filed, severity):
    case = minimal_case()
    case["proceedings"][0]["judgment"]["date"] = "2019-12-02"
    appeal(case).update(filed="2020-01-06", decided="2020-02-29")
    case["filing"]["date"] = filed
    checked = check(ws, case)
    fragment = "file by 28 February 2025" if severity == "warning" else \
        "submission on 1 March 2025 is after 28 February 2025"
    expect(checked, (severity, "admissibility-time-limit", fragment,
                     checked.line("decided: 2020-02-29")))


@pytest.mark.parametrize("filed, severity", [("2026-06-10", "warning"), ("2026-06-11", "error")])
def test_a_range_dated_decision_counts_from_its_earliest_day(ws, filed, severity):
    case = minimal_case()
    appeal(case)["decided"] = "2021-06-10/2021-09-30"
    case["filing"]["date"] = filed
    checked = check(ws, case)
    fragment = "file by 10 June 2026, five years after the last domestic decision, dated " \
        "10 June – 30 September 2021" if severity == "warning" else \
        "submission on 11 June 2026 is after 10 June 2026"
    expect(checked, (severity, "admissibility-time-limit", fragment,
                     checked.line("decided: 2021-06-10/2021-09-30")))


def test_a_month_dated_decision_counts_from_the_first_of_the_month(ws):
    case = minimal_case()
    appeal(case)["decided"] = "2021-06"
    case["filing"]["date"] = "2026-06-02"
    checked = check(ws, case)
    expect(checked, ("error", "admissibility-time-limit",
                     "submission on 2 June 2026 is after 1 June 2026",
                     checked.line("decided: 2021-06")))


def test_without_a_filing_date_today_is_the_filing_date(ws):
    case = minimal_case()
    del case["filing"]
    checked = check(ws, case, today=date(2026, 6, 11))
    expect(checked, ("error", "admissibility-time-limit",
                     "submission on 11 June 2026 is after 10 June 2026",
                     checked.line("decided: 2021-06-10")))
    expect(check(ws, case, today=date(2025, 12, 10)))


# ------------------------------------------------------------ rule 99(c): three years


def _procedure(status: str = "concluded", concluded: str | None = "2022-03-15",
               same_matter: bool = True) -> dict:
    procedure = {"body": WGAD, "reference": "Opinion No 1/2022", "submitted": "2021-09-01",
                 "status": status, "same_matter": same_matter}
    if concluded:
        procedure["concluded"] = concluded
    return procedure


@pytest.mark.parametrize("filed, severity", [
    ("2024-09-15", None),        # exactly six months before the three-year deadline
    ("2025-03-15", "warning"),   # the deadline itself
    ("2025-03-16", "error"),     # the day after, though within five years of the appeal
])
def test_three_years_after_another_procedure_concluded(ws, filed, severity):
    case = minimal_case()
    case["international_procedures"] = [_procedure()]
    case["filing"]["date"] = filed
    checked = check(ws, case)
    concluded = checked.line("concluded: 2022-03-15")
    if severity is None:
        expect(checked)
    elif severity == "warning":
        expect(checked, ("warning", "admissibility-time-limit",
                         f"file by 15 March 2025, three years after {WGAD} concluded its "
                         "examination on 15 March 2022: fewer than six months remain",
                         concluded))
    else:
        expect(checked, ("error", "admissibility-time-limit",
                         f"submission on 16 March 2025 is after 15 March 2025, three years "
                         f"after {WGAD} concluded its examination on 15 March 2022",
                         concluded))


def test_the_three_year_limit_replaces_the_five_year_one(ws):
    case = minimal_case()
    case["international_procedures"] = [_procedure(concluded="2024-01-15")]
    case["filing"]["date"] = "2026-07-01"  # after 10 June 2026, before 15 January 2027
    expect(check(ws, case))


def test_a_procedure_on_another_matter_leaves_the_five_year_limit(ws):
    case = minimal_case()
    case["international_procedures"] = [_procedure(same_matter=False)]
    case["filing"]["date"] = "2025-03-16"
    expect(check(ws, case))


@pytest.mark.parametrize("filed, severity", [("2027-02-28", "warning"), ("2027-03-01", "error")])
def test_a_procedure_concluded_on_29_february_ends_its_period_on_28_february(ws, filed,
                                                                           severity):
    case = minimal_case()
    case["international_procedures"] = [_procedure(concluded="2024-02-29")]
    case["filing"]["date"] = filed
    checked = check(ws, case, today=date(2027, 3, 1))
    expect(checked, (severity, "admissibility-time-limit", "28 February 2027",
                     checked.line("concluded: 2024-02-29")))


# ------------------------------------------------------------ OP art 5(2)(a)


def test_the_same_matter_pending_elsewhere_is_an_error(ws):
    case = minimal_case()
    case["international_procedures"] = [_procedure(status="pending", concluded=None)]
    checked = check(ws, case)
    expect(checked, ("error", "admissibility-other-procedure",
                     f"the same matter is pending before {WGAD}; the Committee cannot "
                     "consider it while it is (OP art 5(2)(a))",
                     checked.line("status: pending")))


@pytest.mark.parametrize("procedure", [
    _procedure(status="pending", concluded=None, same_matter=False),
    _procedure(status="concluded", concluded="2023-06-01"),
    _procedure(status="withdrawn", concluded=None),
    _procedure(status="not-submitted", concluded=None),
], ids=["pending-other-matter", "concluded", "withdrawn", "not-submitted"])
def test_other_procedures_that_do_not_bar_the_communication(ws, procedure):
    case = minimal_case()
    case["international_procedures"] = [procedure]
    expect(check(ws, case))


# ------------------------------------------------------------ OP arts 1 and 3: the author


def test_no_author_is_an_error(ws):
    case = minimal_case()
    case["people"][0]["roles"] = ["alleged-victim"]
    del case["filing"]["signatory"]
    checked = check(ws, case)
    expect(checked, ("error", "admissibility-author", "no named author: anonymous "
                     "communications are inadmissible (OP art 3)", checked.line("- id: aigerim")))


def test_an_author_without_a_name_is_an_error(ws):
    case = minimal_case()
    case["people"][0]["name"] = " "
    checked = check(ws, case)
    expect(checked, ("error", "admissibility-author", "no named author",
                     checked.line("- id: aigerim")))


def test_an_author_who_is_no_alleged_victim_and_no_victim_is_an_error(ws):
    case = minimal_case()
    case["people"][0]["roles"] = ["author"]
    checked = check(ws, case)
    expect(checked, ("error", "admissibility-victim", "no alleged victim",
                     checked.line("- id: aigerim")))


def _for_a_victim(case: dict, **representation) -> dict:
    """The communication is brought by a lawyer for the alleged victim."""
    case["people"][0]["roles"] = ["alleged-victim"]
    case["people"].append({"id": "counsel", "name": "Dana Lawyer",
                           "roles": ["author", "counsel"]})
    case["filing"]["signatory"] = "counsel"
    if representation:
        case["representation"] = {"author": "counsel", "victim": "aigerim", **representation}
    return case


def test_an_author_acting_for_a_victim_without_representation_is_an_error(ws):
    checked = check(ws, _for_a_victim(minimal_case()))
    expect(checked, ("error", "admissibility-authorization",
                     "the author acts for someone else: add 'representation:'",
                     checked.line("- counsel") - 1))


def test_no_authorization_and_no_reason_is_an_error(ws):
    checked = check(ws, _for_a_victim(minimal_case(), authorization="none"))
    expect(checked, ("error", "admissibility-authorization",
                     "without an authorization, explain the relationship to the victim",
                     checked.line("authorization: none")))


def test_no_authorization_with_a_reason_is_fine(ws):
    expect(check(ws, _for_a_victim(minimal_case(), authorization="none", reason=(
        "The author's mother acts for him: he is held incommunicado."))))


def test_a_signed_authorization_without_its_annex_is_a_warning(ws):
    checked = check(ws, _for_a_victim(minimal_case(), authorization="signed"))
    expect(checked, ("warning", "admissibility-authorization",
                     "annex the signed authorization and give its number in "
                     "'representation.annex'", checked.line("author: counsel")))


def test_a_signed_authorization_in_an_annex_is_fine(ws):
    case = _for_a_victim(minimal_case(), authorization="signed", annex=1)
    case["annexes"] = [{"number": 1, "title": "Authorization", "language": "en"}]
    expect(check(ws, case))


# ------------------------------------------------------------ claims, sources, language


def test_a_claimed_fact_without_a_source_is_an_error(ws):
    case = minimal_case()
    del case["facts"][0]["sources"]
    checked = check(ws, case)
    expect(checked, ("error", "admissibility-sources",
                     "fact 'arrest' supports a claim but cites no source",
                     checked.line("- id: arrest")))


@pytest.mark.parametrize("text", ["Arrested [@report, para 2].",
                                  "Arrested [see @report, para 2]."])
def test_a_citation_in_the_fact_text_is_a_source(ws, text):
    # "[see @report]" used to be read as no source: the rule looked for "[@" only.
    case = minimal_case()
    del case["facts"][0]["sources"]
    case["facts"][0]["text"] = text
    checked = check(ws, case)
    assert checked.items == [], checked.listing()


def test_a_case_without_claims_is_an_error(ws):
    case = minimal_case()
    del case["claims"]
    expect(check(ws, case), ("error", "admissibility-claims",
                             "a communication needs at least one claim", 1))


@pytest.mark.parametrize("language, allowed", [
    ("en", True), ("fr", True), ("es", True), ("ru", True), ("de", False), ("kk", False)])
def test_only_the_secretariats_working_languages_are_accepted(ws, language, allowed):
    case = minimal_case()
    case["case"]["language"] = language
    checked = check(ws, case)
    if allowed:
        expect(checked)
    else:
        expect(checked, ("error", "admissibility-language",
                         f"language '{language}' is not a working language of the "
                         "Committee's secretariat: write in English, French, Russian, Spanish",
                         checked.line(f"language: {language}")))


# ------------------------------------------------------------ only for communications


def test_check_without_kind_does_not_run_the_admissibility_rules(ws):
    case = minimal_case()
    del case["domestic_remedies"]
    case["case"]["state"] = "United States"
    checked = check(ws, case, kind=None)
    assert checked.items == [], checked.listing()


def test_the_cli_runs_the_rules_only_with_kind_communication(ws):
    case = minimal_case()
    del case["domestic_remedies"]
    write_case(ws, case)
    runner = CliRunner()
    plain = runner.invoke(cli, ["check", "--workspace", str(ws), "--today", "2026-11-22"])
    assert plain.exit_code == 0, plain.output
    assert "admissibility" not in plain.output and "domestic remedies" not in plain.output
    strict = runner.invoke(cli, ["check", "--workspace", str(ws), "--today", "2026-11-22",
                                 "--kind", "communication"])
    assert strict.exit_code == 1
    assert "claims/small.yaml:1:1: error: say whether domestic remedies were exhausted" \
        in strict.output
    as_json = runner.invoke(cli, ["check", "--workspace", str(ws), "--today", "2026-11-22",
                                  "--kind", "communication", "--format", "json"])
    (item,) = json.loads(as_json.stdout)
    assert (item["severity"], item["code"], item["line"]) == \
        ("error", "admissibility-remedies", 1)


# ------------------------------------------------------------ builds


@pytest.fixture
def build_ws(ws: Path) -> Path:
    shutil.copytree(REPO / "templates", ws / "templates", dirs_exist_ok=True)
    return ws


def test_an_admissibility_error_stops_a_communication_build_and_writes_nothing(build_ws):
    case = minimal_case()
    case["filing"]["date"] = "2026-06-11"  # a day late, no justification
    path, _ = write_case(build_ws, case)
    workspace = Workspace(build_ws)
    with pytest.raises(CovenantError, match="nothing was built") as info:
        build(workspace, [path], "communication", ["native", "docx"], today=TODAY)
    assert [d.code for d in info.value.report.errors] == ["admissibility-time-limit"]
    assert list(workspace.drafts.rglob("*")) == []
    # the same file builds as a memo: the rules belong to communications only
    (output,) = build(workspace, [path], "memo", ["native"], today=TODAY)
    assert output.paths[0].is_file()


def test_an_admissibility_warning_does_not_stop_a_build(build_ws):
    case = minimal_case()
    case["filing"]["date"] = "2026-06-10"  # the last day: a warning
    path, _ = write_case(build_ws, case)
    workspace = Workspace(build_ws)
    assert [d.code for d in check(build_ws, case).items] == ["admissibility-time-limit"]
    (output,) = build(workspace, [path], "communication", ["native"], today=TODAY)
    text = output.paths[0].read_text(encoding="utf-8")
    assert output.paths[0] == workspace.drafts / "small" / "communication.native.txt"
    assert "submitted on 10 June 2026, within five years of the last domestic decision" in text
    assert "that period ends on 10 June 2026" in text


def _native(build_ws: Path, case: dict) -> str:
    path, _ = write_case(build_ws, case)
    (output,) = build(Workspace(build_ws), [path], "communication", ["native"], today=TODAY)
    return output.paths[0].read_text(encoding="utf-8")


def test_a_justified_late_filing_is_not_described_as_in_time(build_ws):
    case = minimal_case()
    case["filing"].update(date="2026-06-11", delay_justification=(
        "The author was held incommunicado until May 2026."))
    text = _native(build_ws, case)
    assert "within five years" not in text
    assert ("submitted on 11 June 2026, more than five years after the last domestic "
            "decision: counted from the earliest date the decision may bear, that period "
            "ended on 10 June 2026.") in text
    assert "The author was held incommunicado until May 2026." in text


def test_the_draft_names_a_three_year_limit_after_another_procedure(build_ws):
    case = minimal_case()
    case["international_procedures"] = [_procedure()]
    text = _native(build_ws, case)
    assert f"within three years of the end of the examination by {WGAD}" in text
    assert "that period ends on 15 March 2025" in text
    assert f"{WGAD} (Opinion No 1/2022): concluded, concluded on 15 March 2022." in text


def test_a_continuing_fact_before_entry_into_force_is_described_as_such(build_ws):
    # The rule used to drop continuing facts from its findings, and the draft then said
    # that every fact postdated the Optional Protocol.
    case = minimal_case()
    case["facts"][0].update(date="2008-05-19", continuing=True)
    text = _native(build_ws, case)
    assert "Some facts relied on predate the entry into force of the Optional Protocol" in text
    assert "All the facts relied on occurred after" not in text
    assert "All the facts relied on occurred after" in _native(build_ws, minimal_case())


def test_a_pending_appeal_argued_ineffective_is_listed_in_the_draft(build_ws):
    case = _pending(minimal_case())
    case["domestic_remedies"] = {"exhausted": False, "explanation":
                                 "The appeal has been pending for three years."}
    text = _native(build_ws, case)
    assert "The following remedies are still pending: appeal to Almaty City Court." in text


def test_a_communication_build_prints_admissibility_warnings_and_still_builds(tmp_path):
    import shutil
    import subprocess
    import sys

    from tests.conftest import REPO

    for folder in ("claims", "citations", "templates"):
        shutil.copytree(REPO / folder, tmp_path / folder)
    result = subprocess.run([sys.executable, "-m", "toolkit", "build",
                             "claims/zheksebaev.yaml", "--kind", "communication", "--to",
                             "native", "--today", "2026-11-22"], cwd=tmp_path,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "warning: file by 23 November 2026" in result.stderr
    assert (tmp_path / "drafts/zheksebaev/communication.native.txt").is_file()
