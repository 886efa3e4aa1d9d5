"""Other international procedures, OP art 5(2)(a): the same matter may not be examined by
the Committee while another procedure of international investigation or settlement
examines it (treaty bodies, regional courts and commissions), nor, where the State made
a reservation to that effect, once one has; the Human Rights Council's mechanisms
(special procedures such as the WGAD; its complaint procedure) are no such procedure
(DOMAIN §1.5). "The same matter": the same author, facts and rights."""

from __future__ import annotations

from datetime import date

import pytest

from tests.admissibility_cases import (
    CAT,
    WGAD,
    check,
    expect,
    minimal_case,
    native,
    procedure,
)
from toolkit.covenant.states import (
    EXAMINED,
    Declaration,
    Participation,
    StateStatus,
    TreatyDate,
)
from toolkit.kinds.communication import admissibility

# ------------------------------------------------------------ what bars


@pytest.mark.parametrize("body", [CAT, "European Court of Human Rights"])
def test_the_same_matter_pending_before_a_treaty_body_or_regional_court_is_an_error(case_ws, body):
    """OP art 5(2)(a): "is not being examined under another procedure"."""
    case = minimal_case()
    case["international_procedures"] = [procedure(body=body, status="pending",
                                                  concluded=None)]
    checked = check(case_ws, case)
    expect(checked, ("error", "admissibility-other-procedure",
                     f"the same matter (article 21) is being examined by {body}",
                     checked.line("status: pending")))


@pytest.mark.parametrize("body, kind", [
    (WGAD, None), ("WGEID", None), ("Special Rapporteur on human rights defenders", None),
    ("Human Rights Council", "council-complaint")])
def test_the_councils_mechanisms_do_not_bar_the_communication(case_ws, body, kind):
    """DOMAIN §1.5: special procedures and the Council's complaint procedure are not
    procedures of international investigation or settlement."""
    case = minimal_case()
    found = procedure(body=body, status="pending", concluded=None)
    if kind:
        found["kind"] = kind
    case["international_procedures"] = [found]
    expect(check(case_ws, case))


def test_a_body_of_unknown_kind_is_an_error_listing_the_kinds(case_ws):
    """OP art 5(2)(a) depends on the kind: the file must say it."""
    case = minimal_case()
    case["international_procedures"] = [procedure(body="Some International Panel")]
    checked = check(case_ws, case)
    expect(checked, ("error", "admissibility-other-procedure",
                     "kind: treaty-body, regional, special-procedure, council-complaint, "
                     "other", checked.line("body: Some International Panel")))


@pytest.mark.parametrize("status", ["concluded", "withdrawn", "not-submitted"])
def test_a_procedure_not_examining_the_matter_now_is_no_bar(case_ws, status):
    """OP art 5(2)(a) bars only a matter being examined (absent a reservation)."""
    case = minimal_case()
    case["international_procedures"] = [procedure(
        status=status, concluded="2022-03-15" if status == "concluded" else None)]
    expect(check(case_ws, case))


def _examined_reservation(monkeypatch) -> None:
    """A fictional State party with a reservation extending art 5(2)(a) to matters
    already examined (as several European States made, DOMAIN §1.5)."""
    protocol = Participation(TreatyDate.on(date(1991, 1, 1)), "accession",
                             TreatyDate.on(date(1991, 4, 1)), True, "test data")
    covenant = Participation(TreatyDate.on(date(1990, 1, 1)), "accession",
                             TreatyDate.on(date(1990, 4, 1)), True, "test data")
    state = StateStatus("Examplestan", "XS", date(1990, 1, 1), date(1991, 1, 1),
                        date(1991, 4, 1), "test data", declarations=(Declaration(
                            EXAMINED, "matters examined elsewhere excluded",
                            "Examplestan's reservation (test data)"),),
                        covenant=covenant, protocol=(protocol,))
    monkeypatch.setattr(admissibility, "state_status", lambda name: state)


def test_a_reservation_makes_a_concluded_examination_a_bar(case_ws, monkeypatch):
    """OP art 5(2)(a) with an "has been examined" reservation."""
    _examined_reservation(monkeypatch)
    case = minimal_case()
    case["international_procedures"] = [procedure()]
    checked = check(case_ws, case)
    expect(checked, ("error", "admissibility-other-procedure",
                     "has been examined by Committee against Torture, and Examplestan "
                     "excluded matters already examined elsewhere",
                     checked.line("status: concluded")))


def test_a_reservation_does_not_touch_a_withdrawn_application(case_ws, monkeypatch):
    """The reservation concerns matters examined, not ones withdrawn unexamined."""
    _examined_reservation(monkeypatch)
    case = minimal_case()
    case["international_procedures"] = [procedure(status="withdrawn", concluded=None)]
    expect(check(case_ws, case))


def test_a_file_silent_on_other_procedures_is_warned_and_the_draft_asks(case_ws, build_ws):
    """OP art 5(2)(a) and the model form, section III: the draft never declares "not
    submitted elsewhere" unless the file says so ('international_procedures: []')."""
    case = minimal_case()
    del case["international_procedures"]
    expect(check(case_ws, case), ("warning", "admissibility-other-procedure",
                             "write 'international_procedures: []' if there was none", 1))
    text = native(build_ws, case)
    assert "[To be confirmed: whether the same matter has been submitted to another " \
           "procedure of international investigation or settlement" in text
    assert "The same matter has not been submitted" not in text


@pytest.mark.parametrize("body", ["Human Rights Committee", "UN Human Rights Committee",
                                  "Комитет по правам человека"])
def test_the_committee_itself_listed_as_another_procedure_is_an_error(case_ws, body):
    """OP art 5(2)(a) concerns *another* procedure; the same matter already before the
    Committee is a second submission, not a bar to name."""
    case = minimal_case()
    case["international_procedures"] = [procedure(body=body, status="pending",
                                                  concluded=None)]
    checked = check(case_ws, case)
    expect(checked, ("error", "admissibility-other-procedure",
                     "is the Committee this communication goes to",
                     checked.line(f"body: {body}")))


# ------------------------------------------------------------ the same matter


@pytest.mark.parametrize("extra, bars", [
    ({"facts": ["arrest"]}, True),
    ({"facts": ["other-event"]}, False),
    ({"provisions": ["21"]}, True),
    ({"provisions": ["7"]}, False),
    ({"authors": ["aigerim"]}, True),
    ({"authors": ["someone-else"]}, False),
    ({"same_matter": False}, False),
], ids=["same-facts", "other-facts", "same-right", "other-right", "same-author",
        "other-author", "said-different"])
def test_only_the_same_author_facts_and_rights_make_the_same_matter(case_ws, extra, bars):
    """OP art 5(2)(a): "the same matter" is the same claim by the same person."""
    case = minimal_case()
    case["facts"].append({"id": "other-event", "date": "2021-01-01", "text": "Other.",
                          "sources": ["@report"]})
    case["people"].append({"id": "someone-else", "name": "Another Person",
                           "roles": ["other"]})
    case["international_procedures"] = [procedure(status="pending", concluded=None,
                                                  **extra)]
    checked = check(case_ws, case)
    if bars:
        expect(checked, ("error", "admissibility-other-procedure", "is being examined by",
                         checked.line("status: pending")))
    else:
        expect(checked)


def test_the_bar_names_only_the_claims_concerned(case_ws):
    """OP art 5(2)(a): a different claim before another body is no bar."""
    case = minimal_case()
    case["claims"].append({"id": "expression", "provision": "19(2)", "facts": ["arrest"],
                           "argument": "The arrest punished speech."})
    case["international_procedures"] = [procedure(status="pending", concluded=None,
                                                  provisions=["19"])]
    checked = check(case_ws, case)
    expect(checked, ("error", "admissibility-other-procedure",
                     "the same matter (article 19(2)) is being examined",
                     checked.line("status: pending")))


# ------------------------------------------------------------ dates


def test_a_conclusion_after_the_filing_date_is_an_error(case_ws):
    """A procedure cannot have concluded after the communication was submitted."""
    case = minimal_case()
    case["international_procedures"] = [procedure(concluded="2024-02-01")]
    checked = check(case_ws, case)
    expect(checked, ("error", "admissibility-other-procedure",
                     "cannot have concluded on 1 February 2024, after the filing date",
                     checked.line("concluded: 2024-02-01")))


def test_a_concluded_treaty_procedure_without_its_date_is_a_warning(case_ws):
    """Rule 99(c) may count three years from the conclusion: it needs a date."""
    case = minimal_case()
    case["international_procedures"] = [procedure(concluded=None)]
    checked = check(case_ws, case)
    expect(checked, ("warning", "admissibility-other-procedure", "give the date in "
                     "'concluded'", checked.line("status: concluded")))


# ------------------------------------------------------------ what the draft says


def test_the_draft_says_why_a_wgad_opinion_is_no_bar_and_marks_the_citation(build_ws):
    """DOMAIN §1.5 [K]: the draft states the author's position and asks for the
    Committee's words before it is filed."""
    case = minimal_case()
    case["international_procedures"] = [procedure(
        body=WGAD, reference="Opinion No 1/2022", outcome="the detention was arbitrary")]
    text = native(build_ws, case)
    assert (f"{WGAD} (Opinion No 1/2022), a special procedure of the Human Rights Council: "
            "submitted on 1 September 2021; concluded on 15 March 2022; the detention was "
            "arbitrary.") in text
    assert "not, in the author’s submission, a procedure of international investigation" \
        in text
    assert "[to be confirmed: a citation of the Committee’s decisions on this point]" in text
    assert "its findings are relied on as evidence" in text
    assert "concluded, concluded" not in text


def test_the_draft_explains_a_concluded_treaty_procedure_is_no_bar(build_ws):
    """OP art 5(2)(a) without a reservation."""
    case = minimal_case()
    case["international_procedures"] = [procedure()]
    text = native(build_ws, case)
    assert (f"{CAT} (No 1/2022), a treaty body’s complaint procedure: submitted on 1 "
            "September 2021; concluded on 15 March 2022.") in text
    assert "the State party has made no reservation excluding matters already examined" \
        in text
