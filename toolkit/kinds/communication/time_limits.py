"""The time of submission (rule 99(c) of the rules of procedure): a communication
submitted five years after the exhaustion of domestic remedies, or three years after the
conclusion of another procedure of international investigation or settlement, may be an
abuse of the right of submission, unless the delay is justified.

The three-year clause applies only where there was such a procedure on the same matter
and it concluded after exhaustion. A decision known only as a month or a range gives two
deadlines, from its first and its last possible day: the filing is late only when even
the later one has passed, and in doubt (between the two) when it lies between them.

Boundaries: a period of N years from a date ends on its anniversary (29 February: on 28
February); filing on that day is in time, on the next day it is late.

Size: the arithmetic of rule 99(c) alone, tested on its own (tests/test_time_limits.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from toolkit.model.dates import FuzzyDate

DOMESTIC_YEARS = 5
INTERNATIONAL_YEARS = 3
WARNING_MONTHS = 6

IN_TIME, NEAR, IN_DOUBT, LATE = "in-time", "near", "in-doubt", "late"


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


@dataclass
class Deadline:
    """When a submission stops being in time, and where the filing date stands."""

    basis: str  # "domestic" or "international"
    start: FuzzyDate  # the decision, or the other procedure's conclusion
    earliest: date  # counted from the first day `start` can be
    latest: date  # counted from its last day
    years: int
    body: str = ""  # the other procedure, for "international"
    status: str = IN_TIME
    # Counted from the last decision recorded while exhaustion is unknown: a later one may
    # start the period later, so lateness is a doubt, not an error.
    provisional: bool = False

    @property
    def exact(self) -> bool:
        return self.earliest == self.latest


def deadline(basis: str, start: FuzzyDate, filing: date, body: str = "") -> Deadline:
    years = DOMESTIC_YEARS if basis == "domestic" else INTERNATIONAL_YEARS
    result = Deadline(basis, start, add_years(start.start, years),
                      add_years(start.end, years), years, body)
    if filing > result.latest:
        result.status = LATE
    elif filing > result.earliest:
        result.status = IN_DOUBT
    elif filing > add_months(result.earliest, -WARNING_MONTHS):
        result.status = NEAR
    return result


def concluded_after(concluded: FuzzyDate, exhausted: FuzzyDate) -> bool:
    """Whether another procedure may have concluded after exhaustion (a range that
    overlaps the decision's counts: the three-year clause then governs)."""
    return concluded.end > exhausted.start
