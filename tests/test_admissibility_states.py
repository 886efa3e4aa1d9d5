"""Admissibility against the States catalogue (issue 15): a State not party to the
Covenant or the Protocol, one that only signed, one that denounced it (OP art 12), one
that re-acceded with a reservation, one known only to the year, a real "examined"
reservation, and a name the catalogue does not know. Both sides of every date."""

from __future__ import annotations

import re

import pytest

from tests.admissibility_cases import (  # noqa: F401
    build_ws,
    case_ws,
    check,
    expect,
    minimal_case,
    procedure,
)


def _against(state: str, filed: str = "2024-01-10", fact: str | None = None) -> dict:
    case = minimal_case()
    case["case"]["state"] = state
    case["filing"]["date"] = filed
    if fact:
        case["facts"][0]["date"] = fact
    return case


def test_an_unknown_state_is_one_error_with_a_did_you_mean(case_ws):  # noqa: F811
    """Reported by the check every kind runs (toolkit/checks/state.py), once: the
    admissibility rules add nothing about a State they cannot look up."""
    checked = check(case_ws, _against("Kazakstan"))
    assert not checked.admissibility, checked.listing()
    (error,) = [d for d in checked.items if d.severity == "error"]
    assert (error.code, error.line) == ("unknown-state", checked.line("state: Kazakstan"))
    assert "did you mean Kazakhstan" in error.message


def test_a_state_not_party_to_the_covenant_is_an_error(case_ws):  # noqa: F811
    checked = check(case_ws, _against("Saudi Arabia"))
    expect(checked, ("error", "admissibility-state",
                     "Saudi Arabia is not a party to the Covenant",
                     checked.line("state: Saudi Arabia")))


def test_a_state_that_only_signed_the_protocol_is_an_error(case_ws):  # noqa: F811
    checked = check(case_ws, _against("Cambodia"))
    expect(checked, ("error", "admissibility-state",
                     "Cambodia has signed but not ratified the Optional Protocol",
                     checked.line("state: Cambodia")))


@pytest.mark.parametrize("state", ["Беларусь", "Biélorussie", "Bielorrusia", "BLR"])
def test_a_communication_submitted_before_the_denunciation_took_effect_is_not_barred(
        case_ws, state):  # noqa: F811
    """OP art 12(2): Belarus's denunciation took effect on 8 February 2023; a
    communication submitted the day before is examined. The name in any language."""
    expect(check(case_ws, _against(state, filed="2023-02-07")))


def test_a_communication_submitted_once_the_denunciation_took_effect_is_an_error(case_ws):  # noqa: F811
    checked = check(case_ws, _against("Belarus", filed="2023-02-08"))
    expect(checked, ("error", "admissibility-denounced",
                     "is after Belarus's denunciation of the Optional Protocol took effect on "
                     "8 February 2023", checked.line("date: 2023-02-08")))


@pytest.mark.parametrize("fact, barred", [("2023-02-07", False), ("2023-02-08", True)])
def test_a_fact_after_the_denunciation_took_effect_is_an_error(case_ws, fact, barred):  # noqa: F811
    case = _against("Belarus", filed="2023-03-01", fact=fact)
    checked = check(case_ws, case)
    wanted = [("error", "admissibility-denounced", "the Committee examines only "
               "communications submitted before then", checked.line("date: 2023-03-01"))]
    if barred:
        wanted.append(("error", "admissibility-denounced", "fact 'arrest' (8 February 2023) "
                       "is after Belarus's denunciation", checked.line(f"date: {fact}")))
    expect(checked, *wanted)


@pytest.mark.parametrize("state, effective", [
    ("Jamaica", "23 January 1998"), ("Trinidad and Tobago", "27 June 2000")])
def test_the_other_denunciations_bar_a_communication_filed_now(case_ws, state, effective):  # noqa: F811
    checked = check(case_ws, _against(state))
    wanted = [("error", "admissibility-denounced", f"took effect on {effective}",
               checked.line("date: 2024-01-10")),
              ("error", "admissibility-denounced", "fact 'arrest' (19 May 2020) is after",
               checked.line("date: 2020-05-19"))]
    if state == "Trinidad and Tobago":  # the reservation made on re-acceding in 1998
        wanted.append(("warning", "admissibility-reservation", "under sentence of death",
                       checked.line(f"state: {state}")))
    expect(checked, *wanted)


def test_a_state_that_re_acceded_with_a_reservation_is_a_party_with_a_warning(case_ws):  # noqa: F811
    """Guyana: denounced and re-acceded with a reservation, both effective 5 April 1999."""
    checked = check(case_ws, _against("Guyana"))
    expect(checked, ("warning", "admissibility-reservation",
                     "Guyana made a declaration or reservation that may bear on this "
                     "communication", checked.line("state: Guyana")))


@pytest.mark.parametrize("filed, early", [("1995-01-06", True), ("1995-01-07", False)])
def test_kyrgyzstan_from_the_day_its_views_give(case_ws, filed, early):  # noqa: F811
    """Bekmanov v Kyrgyzstan (CCPR/C/125/D/2312/2013): in force on 7 January 1995."""
    case = _against("Kyrgyzstan", filed=filed, fact="1995-01-07")
    for item in case["proceedings"][0]["appeals"]:
        item["decided"] = "1995-01-07"
    case["proceedings"][0]["judgment"]["date"] = "1995-01-07"
    checked = check(case_ws, case)
    found = [d for d in checked.admissibility
             if "precedes the Optional Protocol's entry into force" in d.message]
    assert bool(found) is early, checked.listing()


@pytest.mark.parametrize("fact, flagged", [("2018-03-30", True), ("2018-03-31", False)])
def test_a_state_known_only_to_the_year_warns_and_flags_facts_that_may_be_early(
        case_ws, fact, flagged):  # noqa: F811
    """Sao Tome and Principe: deposit in 2017, so in force on 31 March 2018 at the latest."""
    case = _against("Sao Tome and Principe", fact=fact)
    case["people"][0]["birth_date"] = "1960-02-14"
    checked = check(case_ws, case)
    wanted = [("warning", "admissibility-state-date", "only the year of Sao Tome and "
               "Principe's accession", checked.line("state: Sao Tome and Principe"))]
    if flagged:
        wanted.append(("warning", "admissibility-ratione-temporis", "may predate the "
                       "Optional Protocol's entry into force for Sao Tome and Principe",
                       checked.line(f"date: {fact}")))
    expect(checked, *wanted)


def test_a_succession_not_confirmed_to_the_day_warns(case_ws):  # noqa: F811
    checked = check(case_ws, _against("Slovakia"))
    expect(checked, ("warning", "admissibility-state-date", "the day Slovakia's succession "
                     "to the Optional Protocol took effect is not confirmed",
                     checked.line("state: Slovakia")))


@pytest.mark.parametrize("fact, early", [("1985-04-24", True), ("1985-04-25", False)])
def test_spain_from_the_day_the_depositary_list_gives(case_ws, fact, early):  # noqa: F811
    """Spain: accession deposited 25 January 1985, in force 25 April 1985 (OP art 9(2))."""
    case = _against("Spain", fact=fact)
    case["people"][0]["birth_date"] = "1960-02-14"
    checked = check(case_ws, case)
    assert not [d for d in checked.admissibility if d.code == "admissibility-state-date"]
    found = [d for d in checked.admissibility if d.code == "admissibility-ratione-temporis"]
    assert bool(found) is early, checked.listing()


def test_spains_examined_reservation_bars_a_case_the_european_court_decided(case_ws):  # noqa: F811
    case = _against("Spain")
    case["international_procedures"] = [procedure("European Court of Human Rights")]
    checked = check(case_ws, case)
    expect(checked,
           ("error", "admissibility-other-procedure", "has been examined by European Court "
            "of Human Rights, and Spain excluded matters already examined elsewhere",
            checked.line("status: concluded")))


def test_a_state_without_an_examined_reservation_is_not_barred_by_a_concluded_case(
        case_ws):  # noqa: F811
    case = _against("Ukraine")
    case["international_procedures"] = [procedure("European Court of Human Rights")]
    checked = check(case_ws, case)
    assert not [d for d in checked.admissibility if d.code == "admissibility-other-procedure"
                and d.severity.value == "error"], checked.listing()


def test_germanys_examined_reservation_bars_a_case_the_european_court_decided(case_ws):  # noqa: F811
    case = _against("Germany")
    case["international_procedures"] = [procedure("European Court of Human Rights")]
    checked = check(case_ws, case)
    expect(checked,
           ("error", "admissibility-other-procedure", "has been examined by European Court "
            "of Human Rights, and Germany excluded matters already examined elsewhere",
            checked.line("status: concluded")),
           ("warning", "admissibility-reservation", "article 26",
            checked.line("state: Germany")))


# ------------------------------------------------------------------ the draft's paragraph

def _state_paragraph(dump: str) -> str:
    (line,) = [x for x in dump.splitlines() if "The communication is directed against" in x]
    return line


def test_the_draft_prints_a_placeholder_where_only_the_year_is_confirmed(build_ws):  # noqa: F811
    from tests.admissibility_cases import native

    case = _against("Sao Tome and Principe")
    line = _state_paragraph(native(build_ws, case))
    assert "became a party to the Covenant in 2017 [to be confirmed: day]" in line
    assert "the Optional Protocol in 2017 [to be confirmed: day]" in line
    assert "entered into force for it [to be confirmed: date]" in line
    assert "orld-politics-datalab" in native(build_ws, case)  # the footnote's source


def test_the_draft_states_the_dates_and_the_declaration_with_their_sources(build_ws):  # noqa: F811
    from tests.admissibility_cases import native

    dump = native(build_ws, _against("Kazakhstan"))
    line = _state_paragraph(dump)
    assert "Kazakhstan ratified the Covenant on 24 January 2006 and the Optional Protocol " \
           "on 30 June 2009; the Optional Protocol entered into force for it on 30 " \
           "September 2009.^" in line
    assert "Kazakhstan recognises the Committee’s competence for actions and omissions" in line
    assert "130-IV" in dump and "CCPR/C/131/D/2452/2014" in dump
    assert "to be confirmed" not in line


def test_each_date_of_the_state_paragraph_cites_the_library_entry_that_states_it(build_ws):  # noqa: F811
    import shutil

    from tests.admissibility_cases import native
    from tests.conftest import REPO

    shutil.copy(REPO / "citations" / "state-party-sources.yaml",
                build_ws / "citations" / "state-party-sources.yaml")
    dump = native(build_ws, _against("Kazakhstan"))
    line = _state_paragraph(dump)
    assert "ratified the Covenant on 24 January 2006^1 and the Optional Protocol on 30 June " \
           "2009;^2 the Optional Protocol entered into force for it on 30 September 2009.^3" \
           in line
    notes = dump[dump.index("\nNotes ") + 1:].splitlines()
    # the depositary's record first (UN Treaty Collection, chapter IV.4 and IV.5), then the
    # State's ratification law (and the gazette reproducing the depositary notice)
    assert notes[1].startswith('  1 "United Nations, ‘Status of Treaties, Chapter IV: Human '
                               'Rights, 4. International Covenant')
    assert "Law of the Republic of Kazakhstan No 91-III of 28 November" in notes[1]
    assert "Chapter IV: Human Rights, 5. Optional Protocol" in notes[2]
    assert "No 130-IV" in notes[2] and "BGBl III Nr 51/2017" in notes[2]
    # the Views state the Protocol's entry into force, and are cited for that alone
    assert notes[3].startswith('  3 "*Ibragimov v Kazakhstan* (Communication No 2452/2014)')
    assert "Views" not in notes[1] + notes[2]
    assert "DOMAIN.md" not in dump and "BGBl III No 51/2017" not in dump


def test_the_draft_marks_an_unread_reservation_to_be_confirmed(build_ws):  # noqa: F811
    from tests.admissibility_cases import native

    line = _state_paragraph(native(build_ws, _against("Guyana")))
    assert "acceded to the Optional Protocol on 5 January 1999" in line
    assert "entered into force for it on 5 April 1999" in line
    assert "[To be confirmed: the terms of the declaration or reservation Guyana made" in line


# ------------------------------------------------------------------ the Russian draft

@pytest.mark.parametrize("state, genitive", [
    ("Беларусь", "Беларуси"), ("Belarus", "Беларуси"), ("Кыргызстан", "Кыргызстана"),
    ("Russian Federation", "Российской Федерации"), ("Spain", "Испании"),
    ("Republic of Moldova", "Республики Молдова")])
def test_the_russian_draft_names_the_state_in_the_genitive(build_ws, state, genitive):  # noqa: F811
    """'против Беларуси', not 'против Беларусь': the genitive comes from the catalogue
    (genitive: ru) for every State, in the paragraph, the title and 'для ...'."""
    from tests.admissibility_cases import native

    case = _against(state, filed="2023-01-10")  # before Belarus's denunciation took effect
    case["case"]["language"] = "ru"
    dump = native(build_ws, case)
    assert f"Сообщение направлено против {genitive}." in dump
    assert f"против {genitive}" in dump.split("Сообщение направлено")[0]  # the title
    assert f"для {genitive}" in dump
    nominative = {"Беларуси": "Беларусь", "Кыргызстана": "Кыргызстан"}.get(genitive)
    if nominative:
        assert not re.search(rf"(против|для) {nominative}\b", dump)
