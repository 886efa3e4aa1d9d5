"""Admissibility of a communication (toolkit/kinds/communication/): the State, ratione
temporis and materiae, domestic remedies proceeding by proceeding, the author, sources
and language — each rule on both sides of its boundary, asserted on the exact diagnostic
a lawyer sees. Each test's docstring names the rule's source. The time limit (rule
99(c)) is in test_time_limits.py, other procedures (OP art 5(2)(a)) in
test_other_procedures.py, the drafts' wording in test_admissibility_drafts.py."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from tests.admissibility_cases import appeal, check, expect, minimal_case, pending, write_case
from toolkit.cli import cli


def test_the_minimal_case_is_admissible_and_clean(case_ws):
    """The baseline every other test changes one thing of."""
    checked = check(case_ws, minimal_case())
    assert checked.items == [], checked.listing()


# ------------------------------------------------------------ OP art 1: the State


@pytest.mark.parametrize("state, name", [
    ("United States", "United States of America"),
    ("United Kingdom", "United Kingdom of Great Britain and Northern Ireland"),
])
def test_a_state_not_party_to_the_protocol_is_an_error(case_ws, state, name):
    """OP art 1: nothing is received against a State party to the Covenant that is not
    party to the Protocol (the catalogue: toolkit/covenant/data/states.yaml)."""
    case = minimal_case()
    case["case"]["state"] = state
    checked = check(case_ws, case)
    expect(checked, ("error", "admissibility-state",
                     f"{name} is not a party to the Optional Protocol",
                     checked.line(f"state: {state}")))


def test_the_state_may_be_given_by_its_iso_code(case_ws):
    """OP art 1; the States data (toolkit/covenant/states.py) are found by ISO code."""
    case = minimal_case()
    case["case"]["state"] = "KZ"
    expect(check(case_ws, case))


def test_filing_the_day_before_the_protocol_binds_the_state_is_an_error(case_ws):
    """OP art 9(2): in force for Kazakhstan from 30 September 2009 (Views in
    CCPR/C/131/D/2452/2014)."""
    case = minimal_case()
    case["filing"]["date"] = "2009-09-29"
    checked = check(case_ws, case)
    expect(checked, ("error", "admissibility-state",
                     "the filing date precedes the Optional Protocol's entry into force for "
                     "Kazakhstan (30 September 2009; Optional Protocol, art 9(2))",
                     checked.line("date: 2009-09-29")))


def test_filing_on_the_day_the_protocol_binds_the_state_is_not(case_ws):
    """OP art 9(2): the day of entry into force itself is within."""
    case = minimal_case()
    case["filing"]["date"] = "2009-09-30"
    case["facts"][0]["date"] = "2009-09-30"
    expect(check(case_ws, case))


# ------------------------------------------------------------ ratione temporis


@pytest.mark.parametrize("day, early", [
    ("2009-09-29", True),   # the day before entry into force
    ("2009-09-30", False),  # the day itself
    ("2009-09", False),     # some day in September 2009: it may be the 30th
])
def test_a_claim_resting_only_on_a_fact_before_entry_into_force_is_inadmissible(case_ws, day,
                                                                                 early):
    """Kazakhstan's declaration (Law No 130-IV of 11 February 2009): the Committee is
    competent only for acts and decisions after 30 September 2009."""
    case = minimal_case()
    case["facts"][0]["date"] = day
    checked = check(case_ws, case)
    if early:
        expect(checked,
               ("warning", "admissibility-ratione-temporis",
                "fact 'arrest' (29 September 2009) predates the Optional Protocol's entry "
                "into force for Kazakhstan (30 September 2009), and Kazakhstan declared that "
                "the Committee may examine only acts and decisions after it",
                checked.line(f"date: {day}")),
               ("error", "admissibility-ratione-temporis",
                "every fact of the claim under article 21 predates",
                checked.line("- id: assembly") + 3))
    else:
        expect(checked)


def _later_fact(case: dict) -> dict:
    case["facts"].append({"id": "conviction", "date": "2021-03-15",
                          "text": "The author was convicted.", "sources": ["@report, para 3"]})
    case["claims"][0]["facts"].append("conviction")
    return case


def test_an_early_fact_beside_a_later_one_is_context_only(case_ws):
    """Kazakhstan's declaration: the early fact is outside, the claim rests on the later."""
    case = _later_fact(minimal_case())
    case["facts"][0]["date"] = "2008-05-19"
    checked = check(case_ws, case)
    expect(checked, ("warning", "admissibility-ratione-temporis",
                     "the draft gives it as context only", checked.line("date: 2008-05-19")))


def test_a_continuing_fact_without_its_reason_is_warned_about(case_ws):
    """Continuing violations are examined only where they continue after entry into
    force (DOMAIN §1.5): the file must say what continued."""
    case = _later_fact(minimal_case())
    case["facts"][0].update(date="2008-05-19", continuing=True)
    checked = check(case_ws, case)
    expect(checked, ("warning", "admissibility-ratione-temporis",
                     "is marked continuing but predates", checked.line("continuing: true")))


def test_a_continuing_fact_with_its_reason_is_within_time(case_ws):
    """Continuing violation argued: nothing to report, and the claim stands on it."""
    case = minimal_case()
    case["facts"][0].update(date="2008-05-19", continuing=True,
                            continuing_why="The author is still imprisoned under the ruling.")
    expect(check(case_ws, case))


def test_an_early_fact_that_no_claim_relies_on_is_not_warned_about(case_ws):
    """Only facts relied on matter for ratione temporis."""
    case = minimal_case()
    case["facts"].append({"id": "background", "date": "2008-01-10",
                          "text": "Background.", "sources": ["@report, para 1"]})
    expect(check(case_ws, case))


# ------------------------------------------------------------ ratione materiae


def _claim(case: dict, provision: str, **extra) -> dict:
    case["claims"][0].update(provision=provision, **extra)
    return case


def test_a_claim_under_article_1_is_an_error(case_ws):
    """Lubicon Lake Band v Canada, 167/1984: article 1 is a right of peoples."""
    checked = check(case_ws, _claim(minimal_case(), "1(1)"))
    expect(checked, ("error", "admissibility-ratione-materiae",
                     "article 1 is a right of peoples", checked.line("provision: 1(1)")))


def test_article_2_alone_is_an_error_naming_the_fix(case_ws):
    """Communication No 398/1990, para 4.2: article 2 only with a specific right."""
    checked = check(case_ws, _claim(minimal_case(), "2(3)"))
    expect(checked, ("error", "admissibility-ratione-materiae",
                     "write the right as 'provision' and article 2 under 'read_with'",
                     checked.line("provision: 2(3)")))


@pytest.mark.parametrize("provision, read_with", [("2(3)", ["21"]), ("21", ["2(3)"])])
def test_article_2_with_a_substantive_right_is_fine(case_ws, provision, read_with):
    """Communication No 398/1990, para 4.2: either way round."""
    expect(check(case_ws, _claim(minimal_case(), provision, read_with=read_with)))


@pytest.mark.parametrize("provision, error", [
    ("27", False),  # the last article of Part III
    ("28", True),   # the first of Part IV
    ("41(1)", True),
    ("53", True),   # the last article
])
def test_parts_iv_to_vi_confer_no_rights(case_ws, provision, error):
    """Covenant Parts IV-VI (arts 28-53): the Committee and the final clauses."""
    checked = check(case_ws, _claim(minimal_case(), provision))
    if error:
        expect(checked, ("error", "admissibility-ratione-materiae",
                         "articles 28 to 53 set up the Committee",
                         checked.line(f"provision: {provision}")))
    else:
        expect(checked)


@pytest.mark.parametrize("comparator", [None, "Pro-government rallies in the same square "
                                              "were allowed."])
def test_article_26_asks_for_a_comparator(case_ws, comparator):
    """Covenant art 26: discrimination is a difference in treatment of comparable cases."""
    extra = {"comparator": comparator} if comparator else {}
    checked = check(case_ws, _claim(minimal_case(), "26", **extra))
    if comparator:
        expect(checked)
    else:
        expect(checked, ("warning", "admissibility-ratione-materiae",
                         "say in 'comparator' who", checked.line("provision: 26")))


# ------------------------------------------------------------ OP arts 2 and 5(2)(b)


def test_no_domestic_remedies_block_is_an_error(case_ws):
    """OP arts 2 and 5(2)(b): the author must show remedies were exhausted."""
    case = minimal_case()
    del case["domestic_remedies"]
    expect(check(case_ws, case), ("error", "admissibility-remedies",
                             "say whether domestic remedies were exhausted", 1))


def test_remedies_not_exhausted_without_explanation_is_an_error(case_ws):
    """OP art 5(2)(b): unless unreasonably prolonged (or unavailable, ineffective)."""
    case = minimal_case()
    case["domestic_remedies"] = {"exhausted": False}
    checked = check(case_ws, case)
    expect(checked, ("error", "admissibility-remedies",
                     "remedies are not exhausted: explain why they are unavailable, "
                     "ineffective or unreasonably prolonged", checked.line("exhausted: false")))


def test_remedies_not_exhausted_with_an_explanation_is_fine(case_ws):
    """OP art 5(2)(b): the explanation is the author's case on exhaustion."""
    case = minimal_case()
    case["domestic_remedies"] = {"exhausted": False, "explanation":
                                 "A cassation appeal is not an effective remedy."}
    expect(check(case_ws, case))


def test_exhaustion_unknown_is_a_warning(case_ws):
    """OP art 5(2)(b): what the file does not show is to be confirmed, not asserted."""
    case = minimal_case()
    case["domestic_remedies"] = {"exhausted": "unknown"}
    checked = check(case_ws, case)
    expect(checked, ("warning", "admissibility-remedies-unknown",
                     "not known yet", checked.line("exhausted: unknown")))


def test_a_pending_appeal_is_an_error_and_starts_no_clock(case_ws):
    """OP art 5(2)(b): a pending ordinary appeal means remedies are not exhausted; rule
    99(c) counts from exhaustion, so no limit runs from the judgment under appeal."""
    case = pending(minimal_case())
    case["filing"]["date"] = "2027-01-10"  # more than five years after the judgment
    checked = check(case_ws, case)
    expect(checked, ("error", "admissibility-pending",
                     "the appeal to Almaty City Court (proceedings 'trial') is still pending, "
                     "so remedies are not exhausted", checked.line("status: pending")))


def test_a_pending_appeal_argued_to_be_ineffective_is_a_warning(case_ws):
    """OP art 5(2)(b): the exception for unreasonably prolonged remedies."""
    case = pending(minimal_case())
    case["domestic_remedies"] = {"exhausted": False, "explanation":
                                 "The appeal has been pending for three years."}
    checked = check(case_ws, case)
    expect(checked, ("warning", "admissibility-pending",
                     "the communication relies on the argument that remedies are "
                     "ineffective or unreasonably prolonged", checked.line("status: pending")))


def test_a_pending_cassation_is_an_ordinary_remedy_not_exhausted(case_ws):
    """OP art 5(2)(b): cassation is treated as an ordinary remedy (override with
    'ordinary: false' where the legal system makes it extraordinary)."""
    case = minimal_case()
    case["proceedings"][0]["appeals"].append(
        {"kind": "cassation", "court": "Supreme Court", "filed": "2021-08-01",
         "status": "pending"})
    checked = check(case_ws, case)
    expect(checked, ("error", "admissibility-pending", "the cassation to Supreme Court",
                     checked.line("status: pending")))


@pytest.mark.parametrize("kind", ["supervisory-review", "prosecutor-protest"])
def test_a_pending_extraordinary_remedy_is_not_required(case_ws, kind):
    """Gelazauskas v Lithuania, 836/1998, para 7.2: supervisory review at an official's
    discretion need not be exhausted."""
    case = minimal_case()
    case["proceedings"][0]["appeals"].append(
        {"kind": kind, "court": "Prosecutor General's Office", "filed": "2021-08-01",
         "status": "pending"})
    expect(check(case_ws, case))


def test_an_extraordinary_remedy_declared_ordinary_is_required(case_ws):
    """`ordinary: true` overrides the kind where a system makes the remedy effective."""
    case = minimal_case()
    case["proceedings"][0]["appeals"].append(
        {"kind": "supervisory-review", "court": "Supreme Court", "filed": "2021-08-01",
         "status": "pending", "ordinary": True})
    checked = check(case_ws, case)
    expect(checked, ("error", "admissibility-pending", "supervisory-review to Supreme Court",
                     checked.line("status: pending")))


def test_a_remedy_of_unknown_fate_is_a_warning(case_ws):
    """OP art 5(2)(b): exhaustion to be confirmed when a cassation may have been lodged."""
    case = minimal_case()
    case["proceedings"][0]["appeals"].append(
        {"kind": "cassation", "court": "Supreme Court", "status": "unknown"})
    checked = check(case_ws, case)
    expect(checked,
           ("warning", "admissibility-remedies-unknown", "the fate of the cassation to "
            "Supreme Court (proceedings 'trial') is unknown", checked.line("status: unknown")),
           ("warning", "admissibility-remedies-unknown", "'exhausted: true', but the fate",
            checked.line("exhausted: true")))


def test_a_withdrawn_appeal_is_a_warning(case_ws):
    """OP art 5(2)(b): a remedy given up may not count as exhausted."""
    case = minimal_case()
    appeal(case)["status"] = "withdrawn"
    del appeal(case)["decided"]
    checked = check(case_ws, case)
    expect(checked, ("warning", "admissibility-remedies", "was withdrawn",
                     checked.line("status: withdrawn")))


def test_no_domestic_proceedings_with_remedies_said_exhausted_is_an_error(case_ws):
    """OP art 5(2)(b): the decisions taken must be named; rule 99(c) counts from them."""
    case = minimal_case()
    case["proceedings"] = []
    checked = check(case_ws, case)
    expect(checked, ("error", "admissibility-final-decision",
                     "no domestic proceedings are recorded", checked.line("proceedings: []")))


def test_no_domestic_proceedings_while_exhaustion_is_unknown_is_a_warning(case_ws):
    """OP art 5(2)(b), rule 99(c): a source that names no proceeding yet leaves exhaustion
    and the time limit to be confirmed; the check must not push the lawyer to 'false',
    which would state that remedies were not exhausted (a docs-only trial had to)."""
    case = minimal_case()
    case["proceedings"] = []
    case["domestic_remedies"] = {"exhausted": "unknown"}
    checked = check(case_ws, case)
    expect(checked,
           ("warning", "admissibility-final-decision", "exhaustion is unknown: the draft "
            "marks exhaustion and the time of submission '[to be confirmed]'",
            checked.line("proceedings: []")),
           ("warning", "admissibility-remedies-unknown", "is not known yet",
            checked.line("exhausted: unknown")))


def test_no_domestic_decision_is_fine_when_remedies_are_argued_unavailable(case_ws):
    """OP art 5(2)(b): remedies argued unavailable need no decision."""
    case = minimal_case()
    del case["proceedings"]
    case["domestic_remedies"] = {"exhausted": False, "explanation":
                                 "No court would hear a complaint against the police."}
    expect(check(case_ws, case))


@pytest.mark.parametrize("status", ["decided", "refused"])
def test_a_decided_appeal_without_a_date_is_an_error(case_ws, status):
    """Rule 99(c) counts from the last decision: it needs a date."""
    case = minimal_case()
    del appeal(case)["decided"]
    appeal(case)["status"] = status
    checked = check(case_ws, case)
    expect(checked, ("error", "admissibility-final-decision",
                     "the last decision in proceedings 'trial' (appeal) has no date",
                     checked.line("kind: appeal")))


# ------------------------------------------------------------ claims rest on proceedings


def _administrative(case: dict, judgment: str, charges_facts: list[str] | None = None) -> dict:
    case["proceedings"].append({
        "id": "admin", "kind": "administrative", "court": "Specialised Administrative Court",
        "charges": [{"law": "Code of Administrative Offences", "article": "488",
                     "description": "breach of the ban",
                     "facts": charges_facts or []}],
        "judgment": {"date": judgment, "outcome": "ten days' detention"}})
    case["proceedings"][0]["charges"] = [{"law": "Criminal Code", "article": "400",
                                          "description": "unlawful assembly",
                                          "facts": ["arrest"]}]
    return case


def test_an_unrelated_later_decision_does_not_move_the_clock(case_ws):
    """Rule 99(c) runs from the exhaustion of the remedies a claim was raised in: a later
    administrative detention does not restart the criminal case's five years."""
    case = _administrative(minimal_case(), "2023-05-02")
    case["filing"]["date"] = "2026-06-11"  # a day late for the criminal case
    checked = check(case_ws, case)
    expect(checked, ("error", "admissibility-time-limit", "proceedings 'trial'",
                     checked.line("decided: 2021-06-10")))


def test_an_earlier_range_dated_case_does_not_shorten_the_clock(case_ws):
    """Rule 99(c): an unrelated earlier case dated by a range ending late is not 'the
    last domestic decision' of the claim."""
    case = _administrative(minimal_case(), "2016-01-01/2021-12-31")
    case["filing"]["date"] = "2026-06-01"
    checked = check(case_ws, case)
    expect(checked, ("warning", "admissibility-time-limit", "file by 10 June 2026",
                     checked.line("decided: 2021-06-10")))


def test_a_claim_resting_on_an_old_proceeding_is_flagged_on_its_own(case_ws):
    """Rule 99(c), proceeding by proceeding: the old administrative case is late even
    though the criminal one is in time."""
    case = _administrative(minimal_case(), "2015-05-02", charges_facts=["rally-2015"])
    case["facts"].append({"id": "rally-2015", "date": "2015-05-01",
                          "text": "The author attended a rally.", "sources": ["@report"]})
    case["claims"].append({"id": "rally", "provision": "21", "facts": ["rally-2015"],
                           "argument": "The detention punished a peaceful rally."})
    checked = check(case_ws, case)
    expect(checked, ("error", "admissibility-time-limit", "proceedings 'admin'",
                     checked.line("date: 2015-05-02")))


def test_a_claim_not_linked_to_one_of_several_proceedings_is_warned_about(case_ws):
    """Exhaustion is judged per proceeding (OP art 5(2)(b)): say which one."""
    case = minimal_case()
    case["proceedings"].append({"id": "civil", "kind": "civil", "court": "District Court",
                                "judgment": {"date": "2022-01-10", "outcome": "dismissed"}})
    checked = check(case_ws, case)
    expect(checked, ("warning", "admissibility-claim-proceedings",
                     "does not say which proceeding it was raised in",
                     checked.line("- id: assembly")))


def test_a_claim_naming_its_proceeding_is_judged_by_it_alone(case_ws):
    """`claim.proceedings` decides: the civil case pending does not block the claim."""
    case = minimal_case()
    case["proceedings"].append({"id": "civil", "kind": "civil", "court": "District Court",
                                "appeals": [{"kind": "appeal", "court": "City Court",
                                             "status": "pending"}]})
    case["claims"][0]["proceedings"] = ["trial"]
    expect(check(case_ws, case))


def test_a_claim_naming_an_unknown_proceeding_is_an_error(case_ws):
    """A fact id or proceeding id that does not exist is reported with a suggestion."""
    case = minimal_case()
    case["claims"][0]["proceedings"] = ["trail"]
    checked = check(case_ws, case, kind=None)
    assert [(d.code, d.line) for d in checked.items] == \
        [("unknown-proceeding", checked.line("- trail"))], checked.listing()
    assert "did you mean 'trial'?" in checked.items[0].message


# ------------------------------------------------------------ OP arts 1 and 3: the author


def test_no_author_is_an_error(case_ws):
    """OP art 3: anonymous communications are inadmissible."""
    case = minimal_case()
    case["people"][0]["roles"] = ["alleged-victim"]
    del case["filing"]["signatory"]
    checked = check(case_ws, case)
    expect(checked, ("error", "admissibility-author", "no named author: anonymous "
                     "communications are inadmissible (Optional Protocol, art 3)",
                     checked.line("- id: aigerim")))


def test_an_author_without_a_name_is_an_error(case_ws):
    """OP art 3."""
    case = minimal_case()
    case["people"][0]["name"] = " "
    checked = check(case_ws, case)
    expect(checked, ("error", "admissibility-author", "no named author",
                     checked.line("- id: aigerim")))


def test_an_author_who_is_no_alleged_victim_and_no_victim_is_an_error(case_ws):
    """OP art 1: communications from individuals claiming to be victims."""
    case = minimal_case()
    case["people"][0]["roles"] = ["author"]
    checked = check(case_ws, case)
    expect(checked, ("error", "admissibility-victim", "no alleged victim",
                     checked.line("- id: aigerim")))


def test_a_missing_date_of_birth_is_a_warning(case_ws):
    """The OHCHR model complaint form asks for the date of birth (DOMAIN §1.1)."""
    case = minimal_case()
    del case["people"][0]["birth_date"]
    checked = check(case_ws, case)
    expect(checked, ("warning", "admissibility-particulars", "date of birth is not given",
                     checked.line("- id: aigerim")))


def _for_a_victim(case: dict, **representation) -> dict:
    """The communication is brought by a lawyer for the alleged victim."""
    case["people"][0]["roles"] = ["alleged-victim"]
    case["people"].append({"id": "counsel", "name": "Dana Lawyer",
                           "roles": ["author", "counsel"], "birth_date": "1980-01-01"})
    case["filing"]["signatory"] = "counsel"
    if representation:
        case["representation"] = {"author": "counsel", "victim": "aigerim", **representation}
    return case


def test_an_author_acting_for_a_victim_without_representation_is_an_error(case_ws):
    """Model complaint form, section I: the victim's authorization, or why there is none."""
    checked = check(case_ws, _for_a_victim(minimal_case()))
    expect(checked, ("error", "admissibility-authorization",
                     "the author acts for someone else: add 'representation:'",
                     checked.line("- counsel") - 1))


def test_no_authorization_and_no_reason_is_an_error(case_ws):
    """Model complaint form, section I."""
    checked = check(case_ws, _for_a_victim(minimal_case(), authorization="none"))
    expect(checked, ("error", "admissibility-authorization",
                     "without an authorization, explain the relationship to the victim",
                     checked.line("authorization: none")))


def test_no_authorization_with_a_reason_is_fine(case_ws):
    """Model complaint form, section I."""
    expect(check(case_ws, _for_a_victim(minimal_case(), authorization="none", reason=(
        "The author's mother acts for him: he is held incommunicado."))))


def test_a_signed_authorization_without_its_annex_is_a_warning(case_ws):
    """Model complaint form, section V: the written authorization is annexed."""
    checked = check(case_ws, _for_a_victim(minimal_case(), authorization="signed"))
    expect(checked, ("warning", "admissibility-authorization",
                     "annex the signed authorization and give its number in "
                     "'representation.annex'", checked.line("author: counsel")))


def test_a_signed_authorization_in_an_annex_is_fine(case_ws):
    """Model complaint form, section V."""
    case = _for_a_victim(minimal_case(), authorization="signed", annex=1)
    case["annexes"] = [{"number": 1, "title": "Authorization", "language": "en"},
                       {"number": 2, "title": "Judgment", "language": "ru"}]
    expect(check(case_ws, case))


# ------------------------------------------------------------ claims, sources, language


def test_a_claimed_fact_without_a_source_is_an_error(case_ws):
    """Model complaint form, section V: evidence supporting the facts."""
    case = minimal_case()
    del case["facts"][0]["sources"]
    checked = check(case_ws, case)
    expect(checked, ("error", "admissibility-sources",
                     "fact 'arrest' supports a claim but cites no source",
                     checked.line("- id: arrest")))


@pytest.mark.parametrize("text", ["Arrested [@report, para 2].",
                                  "Arrested [see @report, para 2]."])
def test_a_citation_in_the_fact_text_is_a_source(case_ws, text):
    """A citation in the text is evidence as much as one under `sources`."""
    case = minimal_case()
    del case["facts"][0]["sources"]
    case["facts"][0]["text"] = text
    checked = check(case_ws, case)
    assert checked.items == [], checked.listing()


def test_a_case_without_claims_is_an_error(case_ws):
    """Model complaint form, section II: the articles violated."""
    case = minimal_case()
    del case["claims"]
    expect(check(case_ws, case), ("error", "admissibility-claims",
                             "a communication needs at least one claim", 1))


@pytest.mark.parametrize("language, allowed", [
    ("en", True), ("fr", True), ("es", True), ("ru", True), ("de", False), ("kk", False)])
def test_only_the_secretariats_working_languages_are_accepted(case_ws, language, allowed):
    """OHCHR guidance: English, French, Russian and Spanish only (DOMAIN §1.1)."""
    case = minimal_case()
    case["case"]["language"] = language
    checked = check(case_ws, case)
    if allowed:
        expect(checked)
    else:
        expect(checked, ("error", "admissibility-language",
                         f"language '{language}' is not a working language of the "
                         "Committee's secretariat: write in English, French, Russian, Spanish",
                         checked.line(f"language: {language}")))


@pytest.mark.parametrize("language, translated, warned", [
    ("ru", False, False), ("kk", True, False), ("kk", False, True)])
def test_an_annex_outside_the_working_languages_needs_a_translation(case_ws, language,
                                                                     translated, warned):
    """Model complaint form, section V: documents not in a working language may delay
    consideration (DOMAIN §1.1)."""
    case = minimal_case()
    case["annexes"] = [{"number": 1, "title": "Judgment", "language": language,
                        "translated": translated}]
    checked = check(case_ws, case)
    if warned:
        expect(checked, ("warning", "admissibility-language", "no translation is attached",
                         checked.line(f"language: {language}")))
    else:
        expect(checked)


# ------------------------------------------------------------ only for communications


def test_check_without_kind_does_not_run_the_admissibility_rules(case_ws):
    """The rules belong to the communication's registry entry."""
    case = minimal_case()
    del case["domestic_remedies"]
    case["case"]["state"] = "United States"
    checked = check(case_ws, case, kind=None)
    assert checked.items == [], checked.listing()


def test_the_cli_runs_the_rules_only_with_kind_communication(case_ws):
    """`check --kind communication` runs the entry's rules, as the build does."""
    case = minimal_case()
    del case["domestic_remedies"]
    write_case(case_ws, case)
    runner = CliRunner()
    plain = runner.invoke(cli, ["check", "--workspace", str(case_ws), "--today", "2026-11-22"])
    assert plain.exit_code == 0, plain.output
    assert "admissibility" not in plain.output and "domestic remedies" not in plain.output
    strict = runner.invoke(cli, ["check", "--workspace", str(case_ws), "--today", "2026-11-22",
                                 "--kind", "communication"])
    assert strict.exit_code == 1
    assert "claims/small.yaml:1:1: error: say whether domestic remedies were exhausted" \
        in strict.output
    as_json = runner.invoke(cli, ["check", "--workspace", str(case_ws), "--today", "2026-11-22",
                                  "--kind", "communication", "--format", "json"])
    (item,) = json.loads(as_json.stdout)
    assert (item["severity"], item["code"], item["line"]) == \
        ("error", "admissibility-remedies", 1)


def test_an_appeal_decision_is_later_than_a_range_dated_judgment(case_ws):
    """Rule 99(c) runs from the decision on the last ordinary remedy: the appeal's, even
    where the judgment is known only as a range ending later than the appeal's date."""
    case = minimal_case()
    case["proceedings"][0]["judgment"]["date"] = "2021-03-01/2021-12-31"
    case["filing"]["date"] = "2026-06-11"
    checked = check(case_ws, case)
    expect(checked, ("error", "admissibility-time-limit", "which ended on 10 June 2026",
                     checked.line("decided: 2021-06-10")))


@pytest.mark.parametrize("annexes, warned", [([], True), (None, True), ([{
    "number": 1, "title": "Judgment", "language": "ru"}], False), ([{
        "number": 2, "title": "Authorization", "language": "en"}], True)])
def test_a_communication_that_annexes_nothing_is_warned(case_ws, annexes, warned):
    """OHCHR model complaint form, section V (checklist of supporting documents): copies
    of the domestic decisions and of the evidence of the facts (DOMAIN §1.1)."""
    case = minimal_case()
    if annexes is None:
        del case["annexes"]
    else:
        case["annexes"] = annexes
    if any(a["number"] == 2 for a in annexes or []):
        # annex 2 is the author's authorization to act: no evidence of the facts
        case["representation"] = {"author": "aigerim", "victim": "aigerim", "annex": 2,
                                  "authorization": "signed"}
    checked = check(case_ws, case)
    if warned:
        expect(checked, ("warning", "admissibility-annexes", "annexes no document",
                         checked.line("id: small")))
    else:
        expect(checked)


@pytest.mark.parametrize("epoch, late", [("1780000000", False), ("1800000000", True)])
def test_check_counts_the_time_limit_from_the_day_the_build_would_date(case_ws, monkeypatch,
                                                                       epoch, late):
    """Rule 99(c): five years from exhaustion (the appeal decided 10 June 2021: the last
    day is 10 June 2026). Without `filing.date` the filing is dated the day of the build,
    which is SOURCE_DATE_EPOCH's when set: `covenant check` counts from the same day, so
    check and build never disagree (1780000000 is 28 May 2026, in time; 1800000000 is
    15 January 2027, late)."""
    case = minimal_case()
    del case["filing"]["date"]
    path, _ = write_case(case_ws, case)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    result = CliRunner().invoke(cli, ["check", "--kind", "communication", "--workspace",
                                      str(case_ws), str(path)])
    assert ("the filing date (15 January 2027) is after the period of five years"
            in result.output) is late, result.output
    assert result.exit_code == (1 if late else 0), result.output


@pytest.mark.parametrize("court, judgment_court, warned", [
    ("[to be confirmed: court of first instance]", "unknown", True),
    ("[to be confirmed: court of first instance]", None, False),
    ("District Court No 2, Almaty", "unknown", False)])
def test_two_placeholders_for_one_court_are_warned(case_ws, court, judgment_court, warned):
    """The draft never names a court the file does not (OP art 5(2)(b): the decisions,
    with court and date); one placeholder says so, two side by side read as an error."""
    case = minimal_case()
    case["proceedings"][0]["court"] = court
    if judgment_court:
        case["proceedings"][0]["judgment"]["court"] = judgment_court
    checked = check(case_ws, case)
    if warned:
        expect(checked, ("warning", "admissibility-court-placeholders",
                         "prints both placeholders", checked.line("court: unknown")))
    else:
        expect(checked)
