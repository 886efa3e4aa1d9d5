"""Dates as BibLaTeX and Better BibTeX write them, to CSL dates.

BibLaTeX's `date`, `urldate`, `eventdate` and `origdate` are ISO 8601-2 (EDTF level 1):
"2010", "2010-12", "2010-12-23", ranges "2010/2012" and "2010-12-23/2011-01-05", open
ranges "2010/" and "/2012" (or ".."), approximate "2004~", uncertain "2004?" (both: "%"),
seasons "2001-21" (spring) to "-24" (winter), a time after "T" (dropped), an
unspecified year "19uu" or "199X" (level 1: the range 1900-1999, as pandoc reads it), an
unspecified month or day "1999-XX", "1999-01-uu" (the known parts: 1999, January 1999),
a year of more than four digits "Y-51234", both qualifiers "1723?~", and the draft's
"unknown" and "open" ends of a range. The old
`year`/`month`/`day` fields are read too, with month names ("nov", "November") or numbers.
A value that is none of these is not guessed at: `parse_edtf` returns None and the
reader reports it.

Size: one grammar; small."""

from __future__ import annotations

import re

MONTHS = {name: number for number, names in enumerate([
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
    ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
    ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
    ("dec", "december")], start=1) for name in names}

_POINT = re.compile(r"^(?P<year>[yY]-?\d+|-?\d{1,4})(?:-(?P<month>\d{1,2})"
                    r"(?:-(?P<day>\d{1,2}))?)?"
                    r"(?:T[\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?(?P<qual>[~?%]{1,2})?$")
# An unspecified month or day ("1999-XX", "1999-01-XX"; "u" in the draft Better BibTeX
# writes): the known parts.
_UNSPECIFIED = re.compile(r"^(-?\d{4})-(?:[uX]{2}(?:-[uX]{2})?|(\d{2})-[uX]{2})$")


def _point(text: str) -> tuple[list[int], bool, int | None] | None:
    """(date parts, approximate, season) of one EDTF date, or None."""
    match = _POINT.match(text.strip())
    if not match:
        return None
    parts = [int(match.group("year").lstrip("yY"))]
    season = None
    if match.group("month"):
        month = int(match.group("month"))
        if 21 <= month <= 24 and not match.group("day"):
            season = month - 20
        elif 1 <= month <= 12:
            parts.append(month)
            if match.group("day"):
                day = int(match.group("day"))
                if not 1 <= day <= 31:
                    return None
                parts.append(day)
        else:
            return None
    qualifier = match.group("qual") or ""
    return parts, "~" in qualifier or "%" in qualifier, season


def parse_edtf(value: str) -> dict | None:
    """A CSL date from an EDTF value; None when it is not one."""
    text = value.strip()
    if not text:
        return None
    if re.fullmatch(r"\d{1,3}[uX]{1,3}", text) and len(text) == 4:  # "19uu": 1900-1999
        return {"date-parts": [[int(re.sub("[uX]", "0", text))],
                               [int(re.sub("[uX]", "9", text))]]}
    unspecified = _UNSPECIFIED.match(text)
    if unspecified:
        month = unspecified.group(2)
        if month and not 1 <= int(month) <= 12:
            return None
        return {"date-parts": [[int(unspecified.group(1))] + ([int(month)] if month else [])]}
    if "/" in text:
        start, _, end = text.partition("/")
        start, end = (p.strip() for p in (start, end))
        # the draft's words: "unknown" (an end not known), "open" (an open end)
        start, end = ("" if p == "unknown" else ".." if p == "open" else p
                      for p in (start, end))
        points = [None if p in ("", "..") else _point(p) for p in (start, end)]
        if (start not in ("", "..") and points[0] is None) or \
                (end not in ("", "..") and points[1] is None) or points == [None, None]:
            return None
        if points[0] is None:  # "/2012": CSL has no open start; keep the end only
            points = [points[1]]
        date = {"date-parts": [p[0] for p in points if p is not None]}
        if points[-1] is None:  # "2010/": open end
            date["date-parts"].append([0])
    else:
        point = _point(text)
        if point is None:
            return None
        points = [point]
        date = {"date-parts": [point[0]]}
    if any(p and p[1] for p in points):
        date["circa"] = True
    seasons = [p[2] for p in points if p and p[2]]
    if seasons:
        date["season"] = seasons[0]
    return date


def month_number(value: str) -> int | None:
    text = value.strip().rstrip(".").lower()
    if text.isdigit() and 1 <= int(text) <= 12:
        return int(text)
    return MONTHS.get(text)


def old_date(year: str, month: str | None, day: str | None) -> dict | None:
    """`year` (+ `month`, `day`) as a CSL date; a year that is not a number (e.g.
    "forthcoming") is a literal date."""
    text = year.strip()
    if re.fullmatch(r"-?\d{1,4}", text):
        parts = [int(text)]
        number = month_number(month) if month else None
        if number:
            parts.append(number)
            if day and day.strip().isdigit() and 1 <= int(day) <= 31:
                parts.append(int(day))
        return {"date-parts": [parts]}
    if re.fullmatch(r"\d{4}\s*[-–/]+\s*\d{4}", text):
        first, last = re.findall(r"\d{4}", text)
        return {"date-parts": [[int(first)], [int(last)]]}
    return {"literal": text} if text else None
