"""What the built communication says about admissibility, for example cases on each side
of the rules: golden dumps of the admissibility section (tests/golden/admissibility/;
UPDATE_GOLDEN=1 rewrites them after a deliberate change), and the statements each draft
must make — or must not make, because its case file does not show them."""

from __future__ import annotations

import os
from collections.abc import Callable

import pytest

from tests.admissibility_cases import WGAD, appeal, minimal_case, native, pending, procedure
from tests.conftest import REPO, TODAY
from toolkit.workspace.build import build
from toolkit.workspace.folders import Workspace

GOLDEN = REPO / "tests" / "golden" / "admissibility"


def admissibility_section(dump: str) -> str:
    """The native dump's lines from the admissibility heading to the next chapter."""
    lines = dump.splitlines()
    start = next(i for i, line in enumerate(lines)
                 if line.startswith("  Heading1 3 "))
    end = next(i for i, line in enumerate(lines) if line.startswith("  Heading1 4 "))
    return "\n".join(lines[start:end]) + "\n"


def _beside_an_administrative_case(case: dict, ident: str, judged: str,
                                   outcome: str) -> dict:
    """The criminal case's charge rests on the claim's fact; an administrative case with
    its own judgment stands beside it."""
    case["proceedings"][0]["charges"] = [{"law": "Criminal Code", "article": "400",
                                          "description": "unlawful assembly",
                                          "facts": ["arrest"]}]
    case["proceedings"].append({
        "id": ident, "kind": "administrative", "court": "Administrative Court",
        "judgment": {"date": judged, "outcome": outcome}})
    return case


def later_administrative(case: dict) -> dict:
    """A ten-day detention for breaching a ban, two years after the criminal case."""
    return _beside_an_administrative_case(case, "ban-breach", "2023-05-02",
                                          "ten days' detention")


def earlier_administrative(case: dict) -> dict:
    """An earlier administrative case, dated only as a range that ends late."""
    return _beside_an_administrative_case(case, "fine", "2016-01-01/2021-12-31", "a fine")


def wgad_opinion(case: dict) -> dict:
    case["international_procedures"] = [procedure(
        body=WGAD, reference="Opinion No 1/2022",
        outcome="the Working Group found the detention arbitrary")]
    return case


def pending_appeal_argued(case: dict) -> dict:
    pending(case)
    case["domestic_remedies"] = {"exhausted": False, "explanation": (
        "The appeal has been pending for more than two years without a hearing date.")}
    return case


def unknown_cassation(case: dict) -> dict:
    case["proceedings"][0]["appeals"].append(
        {"kind": "cassation", "court": "Supreme Court", "status": "unknown"})
    case["domestic_remedies"] = {"exhausted": "unknown"}
    return case


def fact_of_2008(case: dict) -> dict:
    case["facts"].insert(0, {"id": "ban-2008", "date": "2008-05-19",
                             "text": "The movement was banned.", "sources": ["@report"]})
    case["claims"][0]["facts"].insert(0, "ban-2008")
    return case


def no_proceedings_known(case: dict) -> dict:
    """The sources name no domestic proceeding, and exhaustion is unknown."""
    case["proceedings"] = []
    case["domestic_remedies"] = {"exhausted": "unknown"}
    return case


VARIANTS: dict[str, Callable[[dict], dict]] = {
    "later-administrative": later_administrative,
    "earlier-administrative": earlier_administrative,
    "wgad-opinion": wgad_opinion,
    "pending-appeal": pending_appeal_argued,
    "unknown-cassation": unknown_cassation,
    "fact-of-2008": fact_of_2008,
    "no-proceedings-known": no_proceedings_known,
}


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_admissibility_section_matches_its_golden_dump(build_ws, variant):
    """Each variant's section, as reviewed (see the assertions below for what it says)."""
    produced = admissibility_section(native(build_ws, VARIANTS[variant](minimal_case())))
    golden = GOLDEN / f"{variant}.txt"
    if os.environ.get("UPDATE_GOLDEN", "") not in ("", "0"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(produced, encoding="utf-8")
    assert produced == golden.read_text(encoding="utf-8"), \
        f"the {variant} section changed; if intended, rerun with UPDATE_GOLDEN=1"


def section(build_ws, variant: str) -> str:
    return admissibility_section(native(build_ws, VARIANTS[variant](minimal_case())))


def test_a_later_unrelated_decision_is_not_the_last_domestic_decision(build_ws):
    """Rule 99(c) and OP art 5(2)(b): the claim rests on the criminal case only."""
    text = section(build_ws, "later-administrative")
    assert "The last decision on an ordinary remedy is the decision on appeal of the " \
           "Almaty City Court, given on 10 June 2021." in text
    assert "Administrative Court" not in text.split("Heading2 \"Time")[1]
    assert "within five years of the exhaustion of domestic remedies, and so" in text
    assert "That period ends" not in text


def test_an_earlier_range_dated_case_does_not_decide_the_period(build_ws):
    """Rule 99(c): the period runs from the claim's own proceeding."""
    text = section(build_ws, "earlier-administrative")
    assert "within five years of the exhaustion of domestic remedies, and so" in text
    assert "2026 and 31 December 2026" not in text


def test_a_wgad_opinion_is_evidence_not_a_bar(build_ws):
    """DOMAIN §1.5: no bar, no three-year clock; the citation is to be confirmed."""
    text = section(build_ws, "wgad-opinion")
    assert "its findings are relied on as evidence" in text
    assert "within five years of the exhaustion of domestic remedies" in text
    assert "three years" not in text


def test_a_pending_appeal_is_described_and_no_period_is_computed(build_ws):
    """OP art 5(2)(b): no exhaustion claimed, no time-limit paragraph from the judgment."""
    text = section(build_ws, "pending-appeal")
    assert "The appeal to the Almaty City Court is still pending." in text
    assert "have therefore been exhausted" not in text
    assert "within five years" not in text
    assert "pending for more than two years without a hearing date" in text


def test_an_unknown_cassation_is_marked_to_be_confirmed(build_ws):
    """OP art 5(2)(b): the draft never asserts exhaustion the file does not show."""
    text = section(build_ws, "unknown-cassation")
    assert "[To be confirmed: whether a cassation appeal to the Supreme Court was lodged, " \
           "and its outcome.]" in text
    assert "have therefore been exhausted" not in text
    assert "[To be confirmed: whether a later remedy was decided" in text


def test_a_fact_of_2008_is_context_only_and_nothing_is_said_to_continue(build_ws):
    """Kazakhstan's declaration: acts and decisions after 30 September 2009 only."""
    text = section(build_ws, "fact-of-2008")
    assert "The facts dated 19 May 2008 precede it and are described for context only" \
        in text
    assert "Kazakhstan declared that it recognises the Committee’s competence for acts " \
           "and decisions of its authorities after that date" in text
    assert "continued" not in text


def test_an_exhausted_case_says_so_and_an_unconfirmed_court_is_marked(build_ws):
    """OP art 5(2)(b); a court the file does not name is not named, nor is the file's
    silence put in the author's mouth ("the sources do not name it")."""
    assert "Domestic remedies have therefore been exhausted" in \
        admissibility_section(native(build_ws, minimal_case()))
    case = minimal_case()
    appeal(case)["decided_by"] = "unknown"
    text = admissibility_section(native(build_ws, case))
    assert "by [to be confirmed: the court that decided]." in text
    assert "Almaty City Court (brought there; [to be confirmed: the court that decided])" \
        in text
    assert "sources" not in text
    case = minimal_case()
    case["proceedings"][0]["judgment"]["court"] = "unknown"
    del case["proceedings"][0]["appeals"]
    text = admissibility_section(native(build_ws, case))
    assert "The last domestic decision is the judgment, given" in text
    assert "by [to be confirmed: the court that decided]." in text
    assert "([to be confirmed: the court that decided]) |" in text
    assert "unknown" not in text


def test_a_missing_date_of_birth_and_translation_are_placeholders(build_ws):
    """Model complaint form, sections I and V: to be confirmed, never invented."""
    case = minimal_case()
    del case["people"][0]["birth_date"]
    case["annexes"] = [{"number": 1, "title": "Judgment", "language": "kk"}]
    text = native(build_ws, case)
    assert "Aigerim Example, a national of Kazakhstan, date of birth [to be confirmed]" \
        in text
    assert "Kazakh; [to be confirmed: translation]" in text
    assert "the Language column says whether a translation is attached" in text
    assert "translations of the key passages are provided" not in text


def test_the_zheksebaev_communication_asserts_nothing_its_file_does_not_show(
        example_workspace):
    """The example's sources show the appeal and a later suspension, but not the
    deciding court, the decision's date or whether a cassation was lodged."""
    case_ws = Workspace(example_workspace)
    for case, placeholder in (("zheksebaev", "by [to be confirmed: the court that decided]."),
                              ("zheksebaev-ru", "[подлежит уточнению: суд, вынесший решение]")):
        (output,) = build(case_ws, [case_ws.claims / f"{case}.yaml"], "communication", ["native"],
                          today=TODAY)
        text = admissibility_section(output.paths[0].read_text(encoding="utf-8"))
        assert placeholder in text
        assert "have therefore been exhausted" not in text
        assert "исчерпаны (статья 2" not in text
        assert "Counsel must confirm" not in text
        assert "sources" not in text and "источник" not in text


def test_claims_resting_on_different_proceedings_are_described_proceeding_by_proceeding(
        build_ws):
    """OP art 5(2)(b) per proceeding: the draft says which decision exhausted remedies
    for which claims."""
    case = later_administrative(minimal_case())
    case["proceedings"][1]["charges"] = [{"law": "Code of Administrative Offences",
                                          "article": "488", "description": "breach of the ban",
                                          "facts": ["rally-2023"]}]
    case["facts"].append({"id": "rally-2023", "date": "2023-05-01",
                          "text": "The author spoke at a rally.", "sources": ["@report"]})
    case["claims"].append({"id": "speech", "provision": "19(2)", "facts": ["rally-2023"],
                           "argument": "The detention punished speech."})
    text = admissibility_section(native(build_ws, case))
    # a proceeding is named by its court, never by the file's id; and the claims
    # "concern" it: the file does not show that they were argued there
    assert "The claims under article 21 concern the criminal proceedings (District Court No " \
           "2, Almaty). The last decision on an ordinary remedy is the decision on appeal of " \
           "the Almaty City Court, given on 10 June 2021." in text
    assert "The claims under article 19(2) concern the administrative proceedings " \
           "(Administrative Court). The last domestic decision is the judgment of the " \
           "Administrative Court, given on 2 May 2023." in text
    assert "within five years of the exhaustion of domestic remedies in the administrative " \
           "proceedings (Administrative Court)" in text
    assert "(trial)" not in text and "(ban-breach)" not in text
    # where the claim itself names the proceeding (`proceedings:`, "the proceedings it
    # was raised in"), the draft says it was raised there
    case["claims"][0]["proceedings"] = ["trial"]
    text = admissibility_section(native(build_ws, case))
    assert "The claims under article 21 were raised in the criminal proceedings (District " \
           "Court No 2, Almaty)." in text
    assert "The claims under article 19(2) concern the administrative proceedings" in text


def test_a_filing_in_time_names_exhaustion_only_where_the_file_shows_it(build_ws):
    """Rule 99(c) counts from the exhaustion of domestic remedies; where the author argues
    that they need not be exhausted, the draft counts from the last decision and does not
    say they were exhausted."""
    case = minimal_case()
    case["domestic_remedies"] = {"exhausted": False, "explanation":
                                 "A cassation appeal would have no prospect of success."}
    text = admissibility_section(native(build_ws, case))
    assert "within five years of the last domestic decision, and so" in text
    assert "exhaustion of domestic remedies" not in text


@pytest.mark.parametrize("language, note", [
    ("en", "says whether a translation is attached"),
    ("fr", "indique si une traduction est jointe"),
    ("es", "indica si se adjunta una traducción"),
    ("ru", "указано, приложен ли перевод"),
])
def test_the_translation_sentence_only_when_an_annex_needs_one(build_ws, language, note):
    """Model complaint form, V: the table's Language column notes a translation only for
    a document not in a working language; the sentence explaining it goes with it."""
    case = minimal_case()
    case["case"]["language"] = language
    case["annexes"] = [{"number": 1, "title": "Judgment", "language": "ru"},
                       {"number": 2, "title": "Report", "language": "en-GB"}]
    assert note not in native(build_ws, case)
    case["annexes"].append({"number": 3, "title": "Ruling", "language": "kk",
                            "translated": True})
    assert note in native(build_ws, case)


def test_the_signature_line_marks_a_place_the_file_does_not_give(build_ws):
    """The OHCHR model form ends with the place and date of signature: without
    `filing.place` the draft says the place is to be confirmed, never leaves it out."""
    with_place = minimal_case()
    assert "Almaty, 10 January 2024" in native(build_ws, with_place)
    without = minimal_case()
    del without["filing"]["place"]
    dump = native(build_ws, without)
    assert "[to be confirmed: place], 10 January 2024" in dump
    assert "Almaty, 10 January 2024" not in dump


@pytest.mark.parametrize("language, evidence, placeholder", [
    ("en", "facts and evidence set out below",
     "[to be confirmed: the documents that prove the facts, listed as annexes]"),
    ("fr", "faits et les éléments de preuve exposés ci-après",
     "[à confirmer\u00a0: les documents qui prouvent les faits, énumérés en annexe]"),
    ("es", "hechos y las pruebas que se exponen",
     "[por confirmar: los documentos que prueban los hechos, enumerados como anexos]"),
    ("ru", "фактами и доказательствами, изложенными ниже",
     "[подлежит уточнению: документы, подтверждающие факты, перечисленные в приложениях]"),
])
def test_evidence_is_claimed_only_when_documents_are_annexed(build_ws, language, evidence,
                                                             placeholder):
    """Optional Protocol arts 1-3 (victim status, substantiation): the draft says the
    claims rest on evidence only when the case file annexes documents (model complaint
    form, section V); without any, it says the evidence is to be confirmed."""
    case = minimal_case()
    case["case"]["language"] = language
    with_annex = native(build_ws, case)
    assert evidence in with_annex and placeholder not in with_annex
    case["annexes"] = []
    without = native(build_ws, case)
    assert evidence not in without and placeholder in without
    # the author's authorization to act proves standing, not the facts
    case["representation"] = {"author": "aigerim", "victim": "aigerim", "annex": 1,
                              "authorization": "signed"}
    case["annexes"] = [{"number": 1, "title": "Authorization", "language": "en"}]
    assert placeholder in native(build_ws, case)


@pytest.mark.parametrize("language, lead", [("en", "**19 May 2020.**"),
                                            ("fr", "**19\u00a0mai 2020.**"),
                                            ("es", "**19\u00a0de mayo de 2020.**"),
                                            ("ru", "**19\u00a0мая 2020\u00a0г.**")])
def test_a_fact_that_states_its_date_is_not_led_by_it_again(build_ws, language, lead):
    """Model complaint form, IV: the facts in chronological order, each with its date; a
    fact whose text already gives that date ("By 19 May 2020 ...") is not led by it a
    second time, which would also read as the day it happened."""
    case = minimal_case()
    case["case"]["language"] = language
    assert lead in native(build_ws, case)
    stated = lead.strip("*").removesuffix(".") if language != "ru" else lead.strip("*")
    # written with plain spaces, as a lawyer types it (the draft's typography adds the
    # no-break spaces)
    case["facts"][0]["text"] = stated.replace("\u00a0", " ") + \
        " the author was arrested at a peaceful protest."
    dump = native(build_ws, case)
    assert lead not in dump and f"{stated} the author was arrested" in dump


@pytest.mark.parametrize("exhausted, printed", [(False, True), ("unknown", False)])
def test_the_explanation_is_the_authors_argument_only_when_exhaustion_is_known(
        build_ws, exhausted, printed):
    """OP art 5(2)(b): the author argues why remedies need not be exhausted; with
    exhaustion not yet known the explanation is the team's note of what to establish, and
    the communication prints the placeholder instead of that note."""
    case = minimal_case()
    note = "Whether a cassation appeal was sought must be established."
    case["domestic_remedies"] = {"exhausted": exhausted, "explanation": note}
    assert (note in native(build_ws, case)) is printed


def test_no_proceeding_known_gives_placeholders_for_exhaustion_and_the_time_limit(build_ws):
    """OP art 5(2)(b), rule 99(c): nothing is said that the case file does not show, and
    neither paragraph is left out (a docs-only trial's draft had empty sections)."""
    text = section(build_ws, "no-proceedings-known")
    exhaustion, rest = text.split('Heading2 "Other international procedures"')
    assert "[To be confirmed: the domestic proceedings, the decisions taken in them" in exhaustion
    time = rest.split('Heading2 "Time of submission"')[1]
    assert "The communication is submitted on " in time
    assert "[To be confirmed: the date from which the period of five years in rule 99(c)" in time
    assert "exhausted" not in exhaustion.replace("whether domestic remedies have been "
                                                 "exhausted", "")
