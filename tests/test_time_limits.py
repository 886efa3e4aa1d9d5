"""The time of submission, rule 99(c) of the Committee's rules of procedure
(CCPR/C/3/Rev.11; rule 96(c) in Rev.10): five years after the exhaustion of domestic
remedies, or three years after the conclusion of another procedure of international
investigation or settlement, unless the delay is justified.

Boundary semantics pinned here:
- a period of N years ends on the anniversary of its start (10 June 2021 -> 10 June
  2026); filing on that day is in time, the day after is late; 29 February ends on 28
  February;
- the warning starts the day after "six months before the deadline";
- a decision known only as a range or a month gives two deadlines, from its first and
  its last possible day: late only after the later one, in doubt (a warning) between."""

from __future__ import annotations

from datetime import date

import pytest

from tests.admissibility_cases import (
    WGAD,
    appeal,
    check,
    expect,
    minimal_case,
    native,
    procedure,
)
from toolkit.kinds.communication import time_limits
from toolkit.model.dates import parse_date

# ------------------------------------------------------------ the arithmetic


@pytest.mark.parametrize("filed, status", [
    ("2025-12-10", time_limits.IN_TIME),  # exactly six months before
    ("2025-12-11", time_limits.NEAR),
    ("2026-06-10", time_limits.NEAR),     # the deadline itself
    ("2026-06-11", time_limits.LATE),
])
def test_deadline_status_on_each_side_of_each_boundary(filed, status):
    """Rule 99(c): five years from exhaustion; a warning within its last six months."""
    found = time_limits.deadline("domestic", parse_date("2021-06-10"),
                                 date.fromisoformat(filed))
    assert (found.earliest, found.latest, found.status) == \
        (date(2026, 6, 10), date(2026, 6, 10), status)


@pytest.mark.parametrize("filed, status", [
    ("2026-06-10", time_limits.NEAR),      # the earliest deadline
    ("2026-06-11", time_limits.IN_DOUBT),  # after the earliest, before the latest
    ("2026-09-30", time_limits.IN_DOUBT),  # the latest deadline itself
    ("2026-10-01", time_limits.LATE),      # after even the latest
])
def test_a_range_dated_decision_gives_two_deadlines(filed, status):
    """Rule 99(c) for a decision known as 10 June - 30 September 2021."""
    found = time_limits.deadline("domestic", parse_date("2021-06-10/2021-09-30"),
                                 date.fromisoformat(filed))
    assert (found.earliest, found.latest, found.exact, found.status) == \
        (date(2026, 6, 10), date(2026, 9, 30), False, status)


def test_three_years_after_the_other_procedure():
    """Rule 99(c): the three-year clause."""
    found = time_limits.deadline("international", parse_date("2022-03-15"), date(2025, 3, 16))
    assert (found.years, found.earliest, found.status) == (3, date(2025, 3, 15),
                                                           time_limits.LATE)


@pytest.mark.parametrize("concluded, after", [
    ("2021-06-09", False), ("2021-06-10", False), ("2021-06-11", True),
    ("2021-06", True),  # June 2021 may end after 10 June
])
def test_a_procedure_counts_as_concluded_after_exhaustion_only_if_it_may_have(concluded,
                                                                             after):
    """Rule 99(c): the three-year clause applies only where the other procedure
    concluded after exhaustion."""
    assert time_limits.concluded_after(parse_date(concluded), parse_date("2021-06-10")) \
        is after


# ------------------------------------------------------------ five years, in the check


@pytest.mark.parametrize("filed, severity", [
    ("2025-12-09", None),        # a day more than six months before the deadline
    ("2025-12-10", None),        # exactly six months before: no warning yet
    ("2025-12-11", "warning"),   # fewer than six months remain
    ("2026-06-09", "warning"),   # the day before the deadline
    ("2026-06-10", "warning"),   # the deadline itself: still in time
    ("2026-06-11", "error"),     # the day after
])
def test_five_years_from_the_last_domestic_decision(case_ws, filed, severity):
    """Rule 99(c): five years after exhaustion (the appeal of 10 June 2021)."""
    case = minimal_case()
    case["filing"]["date"] = filed
    checked = check(case_ws, case)
    decided = checked.line("decided: 2021-06-10")
    if severity is None:
        expect(checked)
    elif severity == "warning":
        expect(checked, ("warning", "admissibility-time-limit",
                         "the period of five years from the last domestic decision in "
                         "proceedings 'trial' (10 June 2021) ends on 10 June 2026", decided))
    else:
        expect(checked, ("error", "admissibility-time-limit",
                         "the filing date (11 June 2026) is after the period of five years "
                         "from the last domestic decision in proceedings 'trial' (10 June "
                         "2021), which ended on 10 June 2026: the Committee may treat the "
                         "communication as an abuse of the right of submission", decided))


def test_a_late_filing_names_both_ways_out(case_ws):
    """Rule 99(c): the justification, or the filing date."""
    case = minimal_case()
    case["filing"]["date"] = "2026-06-11"
    (item,) = check(case_ws, case).items
    assert item.message.endswith("either explain the delay in 'filing.delay_justification', "
                                 "or correct 'filing.date' if the communication was "
                                 "submitted earlier")


def test_a_late_filing_with_a_justification_is_a_warning(case_ws):
    """Rule 99(c): "unless there are reasons justifying the delay"."""
    case = minimal_case()
    case["filing"].update(date="2026-06-11", delay_justification=(
        "The author was held incommunicado until May 2026."))
    checked = check(case_ws, case)
    expect(checked, ("warning", "admissibility-time-limit",
                     "the justification given is printed in the draft",
                     checked.line("delay_justification:")))


def test_the_limit_runs_from_the_latest_decision_not_the_judgment(case_ws):
    """Rule 99(c): exhaustion is the decision on the last ordinary remedy."""
    case = minimal_case()
    case["filing"]["date"] = "2026-03-16"  # five years and a day after the judgment
    checked = check(case_ws, case)
    expect(checked, ("warning", "admissibility-time-limit", "file by 10 June 2026",
                     checked.line("decided: 2021-06-10")))


def test_an_extraordinary_remedy_does_not_restart_the_clock(case_ws):
    """Gelazauskas v Lithuania, 836/1998, para 7.2: supervisory review is not a remedy to
    exhaust, so its later decision is not the start of rule 99(c)'s five years."""
    case = minimal_case()
    case["proceedings"][0]["appeals"].append(
        {"kind": "supervisory-review", "court": "Supreme Court", "filed": "2021-08-01",
         "decided": "2022-02-01", "status": "refused"})
    case["filing"]["date"] = "2026-06-11"
    checked = check(case_ws, case)
    expect(checked, ("error", "admissibility-time-limit", "which ended on 10 June 2026",
                     checked.line("decided: 2021-06-10")))


@pytest.mark.parametrize("filed, severity", [("2025-02-28", "warning"), ("2025-03-01", "error")])
def test_a_decision_of_29_february_ends_its_period_on_28_february(case_ws, filed, severity):
    """Rule 99(c): five years from 29 February 2020 end on 28 February 2025."""
    case = minimal_case()
    case["proceedings"][0]["judgment"]["date"] = "2019-12-02"
    appeal(case).update(filed="2020-01-06", decided="2020-02-29")
    case["filing"]["date"] = filed
    checked = check(case_ws, case)
    fragment = "file by 28 February 2025" if severity == "warning" else \
        "which ended on 28 February 2025"
    expect(checked, (severity, "admissibility-time-limit", fragment,
                     checked.line("decided: 2020-02-29")))


@pytest.mark.parametrize("filed, severity, fragment", [
    ("2026-06-10", "warning", "file by 10 June 2026"),
    ("2026-06-11", "warning", "may be too late: the period of five years"),
    ("2026-09-30", "warning", "ends between 10 June 2026 and 30 September 2026"),
    ("2026-10-01", "error", "which ended on 30 September 2026"),
])
def test_a_range_dated_decision_is_late_only_after_its_last_day(case_ws, filed, severity,
                                                                fragment):
    """Rule 99(c) for a decision dated 10 June - 30 September 2021."""
    case = minimal_case()
    appeal(case)["decided"] = "2021-06-10/2021-09-30"
    case["filing"]["date"] = filed
    checked = check(case_ws, case)
    expect(checked, (severity, "admissibility-time-limit", fragment,
                     checked.line("decided: 2021-06-10/2021-09-30")))


@pytest.mark.parametrize("filed, severity", [
    ("2026-06-01", "warning"), ("2026-06-02", "warning"), ("2026-06-30", "warning"),
    ("2026-07-01", "error")])
def test_a_month_dated_decision_counts_from_both_ends_of_the_month(case_ws, filed, severity):
    """Rule 99(c) for a decision of June 2021: in doubt through June 2026."""
    case = minimal_case()
    appeal(case)["decided"] = "2021-06"
    case["filing"]["date"] = filed
    checked = check(case_ws, case)
    expect(checked, (severity, "admissibility-time-limit", "30 June 2026",
                     checked.line("decided: 2021-06")))


def test_without_a_filing_date_today_is_the_filing_date(case_ws):
    """Rule 99(c) judged on the day the draft is built when no filing date is set."""
    case = minimal_case()
    del case["filing"]
    checked = check(case_ws, case, today=date(2026, 6, 11))
    expect(checked, ("error", "admissibility-time-limit", "which ended on 10 June 2026",
                     checked.line("decided: 2021-06-10")))
    expect(check(case_ws, case, today=date(2025, 12, 10)))


def test_a_remedy_of_unknown_fate_turns_lateness_into_a_warning(case_ws):
    """Rule 99(c) counts from exhaustion: an unknown later cassation may move it."""
    case = minimal_case()
    case["proceedings"][0]["appeals"].append(
        {"kind": "cassation", "court": "Supreme Court", "status": "unknown"})
    case["filing"]["date"] = "2026-07-01"
    checked = check(case_ws, case)
    assert [(d.severity.value, d.code) for d in checked.admissibility
            if d.code == "admissibility-time-limit"] == [("warning", "admissibility-time-limit")]
    assert "as exhaustion is not known, a later decision may move the start" in \
        checked.listing()


# ------------------------------------------------------------ three years


@pytest.mark.parametrize("filed, severity", [
    ("2024-09-15", None),        # exactly six months before the three-year deadline
    ("2025-03-15", "warning"),   # the deadline itself
    ("2025-03-16", "error"),     # the day after, though within five years of the appeal
])
def test_three_years_after_a_treaty_body_concluded(case_ws, filed, severity):
    """Rule 99(c): three years after another procedure of international investigation or
    settlement concluded, when it concluded after exhaustion."""
    case = minimal_case()
    case["international_procedures"] = [procedure()]
    case["filing"]["date"] = filed
    checked = check(case_ws, case)
    concluded = checked.line("decided: 2021-06-10")
    if severity is None:
        expect(checked)
    else:
        fragment = "three years from the end of the examination by Committee against " \
                   "Torture (15 March 2022)"
        expect(checked, (severity, "admissibility-time-limit", fragment, concluded))


def test_the_three_year_clause_needs_a_procedure_concluded_after_exhaustion(case_ws):
    """Rule 99(c): a procedure that ended before the appeal leaves the five years."""
    case = minimal_case()
    case["international_procedures"] = [procedure(concluded="2021-05-01")]
    case["filing"]["date"] = "2025-03-16"
    expect(check(case_ws, case))


def test_a_later_three_year_period_replaces_the_five_year_one(case_ws):
    """Rule 99(c): where the clause applies, it is the limit, even if later."""
    case = minimal_case()
    case["international_procedures"] = [procedure(concluded="2024-01-15")]
    case["filing"]["date"] = "2026-07-01"  # after 10 June 2026, before 15 January 2027
    expect(check(case_ws, case))


def test_a_wgad_opinion_starts_no_three_year_clock(case_ws):
    """The Council's special procedures are not procedures of international
    investigation or settlement (DOMAIN §1.5): the five years apply."""
    case = minimal_case()
    case["international_procedures"] = [procedure(body=WGAD, reference="Opinion No 1/2022")]
    case["filing"]["date"] = "2025-03-16"
    expect(check(case_ws, case))


def test_a_procedure_on_another_matter_leaves_the_five_year_limit(case_ws):
    """Rule 99(c) and OP art 5(2)(a): the same matter only."""
    case = minimal_case()
    case["international_procedures"] = [procedure(same_matter=False)]
    case["filing"]["date"] = "2025-03-16"
    expect(check(case_ws, case))


@pytest.mark.parametrize("filed, severity", [("2027-02-28", "warning"), ("2027-03-01", "error")])
def test_a_procedure_concluded_on_29_february_ends_its_period_on_28_february(case_ws, filed,
                                                                           severity):
    """Rule 99(c): three years from 29 February 2024 end on 28 February 2027."""
    case = minimal_case()
    case["international_procedures"] = [procedure(concluded="2024-02-29")]
    case["filing"]["date"] = filed
    checked = check(case_ws, case, today=date(2027, 3, 1))
    expect(checked, (severity, "admissibility-time-limit", "28 February 2027",
                     checked.line("decided: 2021-06-10")))


# ------------------------------------------------------------ what the draft says


def test_a_justified_late_filing_is_not_described_as_in_time(build_ws):
    """Rule 99(c): the draft says the period ended and prints the justification."""
    case = minimal_case()
    case["filing"].update(date="2026-06-11", delay_justification=(
        "The author was held incommunicado until May 2026."))
    text = native(build_ws, case)
    assert "within five years" not in text
    assert ("submitted on 11 June 2026, more than five years after the last domestic "
            "decision: that period ended on 10 June 2026.") in text
    assert "The author was held incommunicado until May 2026." in text


def test_the_draft_names_the_three_year_limit_after_a_treaty_body(build_ws):
    """Rule 99(c): the three-year clause, named in the draft."""
    case = minimal_case()
    case["international_procedures"] = [procedure()]
    text = native(build_ws, case)
    assert ("within three years of the end of the examination by Committee against "
            "Torture, which concluded after domestic remedies were exhausted") in text
    assert "15 March 2025" not in text  # in time: the end of the period is not printed


def test_a_range_dated_decision_prints_both_deadlines(build_ws):
    """Rule 99(c): in doubt, the draft gives both ends and marks the date to confirm."""
    case = minimal_case()
    appeal(case)["decided"] = "2021-06-10/2021-09-30"
    case["filing"]["date"] = "2026-07-01"
    text = native(build_ws, case)
    assert "ends between 10 June 2026 and 30 September 2026" in text
    assert "[To be confirmed: the exact date of the decision" in text


# The time-of-submission paragraph in each language, on each side of the boundary, for a
# decision dated 10 June - 30 September 2021 (window: 10 June - 30 September 2026).
TIME_WORDING = {
    "en": ("within five years of the exhaustion of domestic remedies, and so within the "
           "period", "[To be confirmed: the exact date of the decision", "September"),
    "fr": ("dans les cinq ans qui suivent l’épuisement des recours internes, et donc",
           "[À confirmer : la date exacte de la décision", "septembre"),
    "es": ("dentro de los cinco años siguientes al agotamiento de los recursos internos",
           "[Por confirmar: la fecha exacta de la decisión", "septiembre"),
    "ru": ("в течение пяти лет после исчерпания внутренних средств правовой защиты",
           "[Подлежит уточнению: точная дата решения", "сентября"),
}
ABUSE = {"en": "abuse of the right of submission",
         "fr": "abus du droit de présenter des communications",
         "es": "abuso del derecho a presentar una comunicación",
         "ru": "злоупотребление правом на представление сообщения"}


def _time_paragraph(build_ws, language: str, filed: str) -> str:
    case = minimal_case()
    case["case"]["language"] = language
    appeal(case)["decided"] = "2021-06-10/2021-09-30"
    case["filing"]["date"] = filed
    text = native(build_ws, case).replace("\u00a0", " ").replace("\u202f", " ")
    return next(line for line in text.splitlines()
                if line.startswith("  Para 3.") and " 99" in line)


@pytest.mark.parametrize("language", sorted(TIME_WORDING))
@pytest.mark.parametrize("filed", ["2026-06-01", "2026-06-10"])
def test_a_window_wholly_after_the_filing_date_is_not_printed(build_ws, language, filed):
    """Rule 99(c): filed on or before the earlier end, the communication is in time
    whatever the decision's day: the draft says so and prints neither end."""
    in_time, doubt, latest_month = TIME_WORDING[language]
    paragraph = _time_paragraph(build_ws, language, filed)
    assert in_time in paragraph and ABUSE[language] in paragraph
    assert doubt not in paragraph and latest_month not in paragraph


@pytest.mark.parametrize("language", sorted(TIME_WORDING))
@pytest.mark.parametrize("filed", ["2026-06-11", "2026-09-30"])
def test_a_window_straddling_the_filing_date_is_a_placeholder(build_ws, language, filed):
    """Rule 99(c): between the two ends, whether the filing is in time depends on the
    decision's day: both ends are printed inside the placeholder, nothing is asserted."""
    in_time, doubt, latest_month = TIME_WORDING[language]
    paragraph = _time_paragraph(build_ws, language, filed)
    assert in_time not in paragraph
    placeholder = paragraph[paragraph.index(doubt):]
    assert latest_month in placeholder.split("]")[0]
