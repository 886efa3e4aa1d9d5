"""Dates as lawyers write them: exact, month, year, ranges, and "on or about".

Accepted forms (case-insensitive):
  2020-05-19 | 19 May 2020 | May 19, 2020   exact day
  2020-05    | May 2020                    month
  2020                                     year
  A/B  or  A..B  (each side any form above) range
  prefix "on or about", "about", "c." or "~" marks the date approximate
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9

_APPROX = re.compile(r"^(?:on or about|about|around|circa|c\.|ca\.|~)\s*", re.I)
_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_DMY = re.compile(r"^(?:(\d{1,2})\s+)?([A-Za-z]+)\.?\s+(\d{4})$")
_MDY = re.compile(r"^([A-Za-z]+)\.?\s+(\d{1,2}),\s*(\d{4})$")


# The years a case can speak of; outside them a date is a typing slip (0000, 0202).
MIN_YEAR, MAX_YEAR = 1000, 9999
FORMS_HINT = ("write 2020-05-19, 2020-05, 2020, '19 May 2020', or a range such as "
              "2020-06-01/2020-06-06")


class DateError(ValueError):
    pass


@dataclass(frozen=True)
class FuzzyDate:
    """A date known to a day, a month or a year, or a range; `start` <= `end`."""

    start: date
    end: date
    precision: str  # "day" | "month" | "year" | "range"
    approximate: bool = False
    text: str = ""
    # how precisely each end of a range was written ("day" | "month" | "year")
    start_precision: str = "day"
    end_precision: str = "day"

    @property
    def ends(self) -> tuple[str, str]:
        """The precision of the first and of the last day: a range's ends as written."""
        if self.precision == "range":
            return self.start_precision, self.end_precision
        return self.precision, self.precision

    @property
    def is_exact(self) -> bool:
        return self.precision == "day" and not self.approximate

    def __str__(self) -> str:
        return self.text or self.start.isoformat()

    def sort_key(self) -> tuple:
        return (self.start, self.end)


def _check_year(year: int, text: str) -> int:
    if year == 0:
        raise DateError(f"{text!r}: there is no year 0; write a year between {MIN_YEAR} "
                        f"and {MAX_YEAR}")
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DateError(f"{text!r}: the year must be between {MIN_YEAR} and {MAX_YEAR}, "
                        f"not {year}")
    return year


def _check_day(year: int, month: int, day: int, text: str) -> date:
    _check_year(year, text)
    if not 1 <= month <= 12:
        raise DateError(f"{text!r}: there is no month {month}")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise DateError(f"{text!r}: {calendar.month_name[month]} {year} has {last} days, "
                        f"so day {day} cannot be")
    return date(year, month, day)


def _month_number(name: str, text: str) -> int:
    month = MONTHS.get(name.lower())
    if month is None:
        raise DateError(f"{text!r}: {name!r} is not a month name")
    return month


def _single(text: str) -> tuple[date, date, str]:
    text = text.strip()
    if match := _ISO.match(text):
        year = int(match.group(1))
        if match.group(3):
            day = _check_day(year, int(match.group(2)), int(match.group(3)), text)
            return day, day, "day"
        if match.group(2):
            month = int(match.group(2))
            _check_day(year, month, 1, text)
            return (date(year, month, 1),
                    date(year, month, calendar.monthrange(year, month)[1]), "month")
        _check_year(year, text)
        return date(year, 1, 1), date(year, 12, 31), "year"
    if match := _DMY.match(text):
        year, month = int(match.group(3)), _month_number(match.group(2), text)
        _check_year(year, text)
        if match.group(1):
            day = _check_day(year, month, int(match.group(1)), text)
            return day, day, "day"
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]), \
            "month"
    if match := _MDY.match(text):
        year, month = int(match.group(3)), _month_number(match.group(1), text)
        day = _check_day(year, month, int(match.group(2)), text)
        return day, day, "day"
    raise DateError(f"{text!r} is not a date; {FORMS_HINT}")


def parse_date(value: str | int | date) -> FuzzyDate:
    if isinstance(value, date):
        return FuzzyDate(value, value, "day", False, value.isoformat())
    if isinstance(value, bool):
        raise DateError(f"'{str(value).lower()}' is not a date; {FORMS_HINT}")
    if not isinstance(value, str | int):
        raise DateError(f"{value!r} is not a date; {FORMS_HINT}")
    text = str(value).strip()
    body = _APPROX.sub("", text)
    approximate = body != text
    parts = re.split(r"\s*(?:/|\.\.)\s*", body)
    if len(parts) == 1:
        start, end, precision = _single(parts[0])
        return FuzzyDate(start, end, precision, approximate, text)
    if len(parts) != 2 or not all(parts):
        raise DateError(f"{text!r}: a range has two ends, e.g. 2020-06-01/2020-06-06")
    start, _, start_precision = _single(parts[0])
    _, end, end_precision = _single(parts[1])
    if end < start:
        raise DateError(f"{text!r}: the range ends before it starts")
    return FuzzyDate(start, end, "range", approximate, text, start_precision, end_precision)


def date_range(first: FuzzyDate, last: FuzzyDate) -> FuzzyDate:
    """From the first day of `first` to the last day of `last`, each end as precise as the
    date it comes from."""
    return FuzzyDate(first.start, last.end, "range", first.approximate or last.approximate,
                     "", first.ends[0], last.ends[1])


EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]
RU_MONTHS_GENITIVE = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля",
                      "августа", "сентября", "октября", "ноября", "декабря"]
RU_MONTHS = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
             "сентябрь", "октябрь", "ноябрь", "декабрь"]
FR_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
             "septembre", "octobre", "novembre", "décembre"]
ES_MONTHS = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
             "septiembre", "octubre", "noviembre", "diciembre"]


@dataclass(frozen=True)
class DateWords:
    """How one language writes a date: '19 May 2020' / '19 мая 2020 г.' / '1er mai 2020'
    / '19 de mayo de 2020', a month alone, a year alone."""

    months: list[str]  # a month alone ("май 2020 г.")
    months_after_day: list[str]  # a month after its day ("19 мая")
    day_joiner: str = " "  # between day and month ("19 de mayo")
    year: str = " {}"  # after the month
    year_alone: str = "{}"
    first_day: str = ""  # how the first of a month is written, if not "1"
    years: str = "{}–{}"  # a range of whole years

    def day(self, d: date) -> str:
        return self.first_day if d.day == 1 and self.first_day else str(d.day)

    def write(self, d: date, precision: str, with_year: bool = True) -> str:
        year = self.year.format(d.year) if with_year else ""
        if precision == "year":
            return self.year_alone.format(d.year)
        if precision == "month":
            return f"{self.months[d.month - 1]}{year}"
        return f"{self.day(d)}{self.day_joiner}{self.months_after_day[d.month - 1]}{year}"


DATE_WORDS = {
    "en": DateWords(EN_MONTHS, EN_MONTHS),
    # "г." never starts a line
    "ru": DateWords(RU_MONTHS, RU_MONTHS_GENITIVE, year=" {}\u00a0г.", year_alone="{}\u00a0г.",
                    years="{}–{}\u00a0гг."),
    "fr": DateWords(FR_MONTHS, FR_MONTHS, first_day="1er"),
    "es": DateWords(ES_MONTHS, ES_MONTHS, day_joiner=" de ", year=" de {}"),
}
_en, _ru = DATE_WORDS["en"].write, DATE_WORDS["ru"].write


# language -> (one date, "on or about")
_FORMATS = {lang: (DATE_WORDS[lang].write, approx)
            for lang, approx in (("en", "on or about "), ("ru", "около "),
                                 ("fr", "vers le "), ("es", "hacia el "))}
_RANGE_DASH = {"es": " a "}  # "1 a 6 de junio de 2020", as the Committee's Spanish has it


def collapsed(value: FuzzyDate) -> FuzzyDate | None:
    """A range whose two ends read the same ('2022-06/2022-06', one session's day) as the
    one date it is; None for any other range."""
    (first, last), s, e = value.ends, value.start, value.end
    if value.precision != "range" or first != last:
        return None
    same = {"day": s == e, "month": (s.year, s.month) == (e.year, e.month),
            "year": s.year == e.year}[first]
    return FuzzyDate(s, e, first, value.approximate, value.text) if same else None


def _range_text(value: FuzzyDate, language: str) -> str:
    words = DATE_WORDS.get(language, DATE_WORDS["en"])
    (first, last), s, e = value.ends, value.start, value.end
    if first == last == "year":
        return words.years.format(s.year, e.year)
    if first == last == "day" and (s.year, s.month) == (e.year, e.month):
        return f"{words.day(s)}{_RANGE_DASH.get(language, '–')}{words.write(e, 'day')}"
    same_year = s.year == e.year and "year" not in (first, last)
    dash = "–" if same_year and first == last == "month" else " – "
    return f"{words.write(s, first, with_year=not same_year)}{dash}{words.write(e, last)}"


def format_date(value: FuzzyDate, language: str = "en") -> str:
    """'19 May 2020', 'May 2020', '2020', '1–6 June 2020', 'on or about 30 June 2020';
    a range at the precision its ends were written: 'January 2022 – December 2023',
    'January–March 2022', '2021–2022'; in Russian '19 мая 2020 г.', 'май 2020 г.',
    '1–6 июня 2020 г.', '2021–2022 гг.', 'около ...'; in French '1er mai 2020',
    '1er–6 juin 2020'; in Spanish '19 de mayo de 2020', '1 a 6 de junio de 2020'."""
    value = collapsed(value) or value
    one, approx = _FORMATS.get(language, _FORMATS["en"])
    if value.precision == "range":
        text = _range_text(value, language)
    else:
        text = one(value.start, value.precision)
    if value.approximate and value.precision != "day":
        approx = {"fr": "vers ", "es": "hacia "}.get(language, approx)
    return f"{approx}{text}" if value.approximate else text


RU_MONTHS_PREPOSITIONAL = ["январе", "феврале", "марте", "апреле", "мае", "июне", "июле",
                           "августе", "сентябре", "октябре", "ноябре", "декабре"]


# language -> how a date reads in a sentence: (day, month, year, range, "on or about")
_WHEN = {
    "fr": ("le {d}", "en {d}", "en {y}", "entre {s} et {e}", "vers {t}"),
    "es": ("el {d}", "en {d}", "en {y}", "entre {s} y {e}", "hacia {t}"),
}


def _when_range(value: FuzzyDate, language: str) -> str:
    """'between 6 April and 23 November 2021', 'between January 2022 and December 2023';
    'в период с января по март 2022 г.', 'в 2021–2022 гг.'; 'entre le 6 avril et
    décembre 2021'; each end at the precision it was written."""
    words = DATE_WORDS.get(language, DATE_WORDS["en"])
    (first, last), s, e = value.ends, value.start, value.end
    with_year = s.year != e.year or "year" in (first, last)
    if language == "ru":
        if first == last == "year":
            return f"в {words.years.format(s.year, e.year)}"
        # "с" takes the genitive: "с января", as "с 6 апреля"
        start = (RU_MONTHS_GENITIVE[s.month - 1] + (words.year.format(s.year) if with_year
                                                     else "")
                 if first == "month" else words.write(s, first, with_year))
        return f"в период с {start} по {words.write(e, last)}"
    if language in _WHEN:
        day, _, _, between, _ = _WHEN[language]

        def end(d: date, precision: str, year: bool = True) -> str:
            text = words.write(d, precision, with_year=year)
            return day.format(d=text) if precision == "day" else text

        return between.format(s=end(s, first, with_year), e=end(e, last))
    return f"between {words.write(s, first, with_year)} and {words.write(e, last)}"


def _format_when_table(value: FuzzyDate, language: str) -> str:
    one = _FORMATS[language][0]
    day, month, year, _, about = _WHEN[language]
    if value.precision == "range":
        text = _when_range(value, language)
    elif value.precision == "month":
        text = month.format(d=one(value.start, "month"))
    elif value.precision == "year":
        text = year.format(y=value.start.year)
    else:
        text = day.format(d=one(value.start, "day"))
    if value.approximate:
        text = about.format(t=text if value.precision in ("day", "range")
                            else one(value.start, value.precision))
    return text


def format_when(value: FuzzyDate, language: str = "en") -> str:
    """A date as it reads in a sentence: 'on 19 May 2020', 'in May 2020',
    'between 6 April and 23 November 2021'; in Russian '19 мая 2020 г.', 'в мае 2020 г.',
    'в период с 6 апреля по 23 ноября 2021 г.'; in French 'le 19 mai 2020', 'en mai
    2020'; in Spanish 'el 19 de mayo de 2020', 'en mayo de 2020'. A range whose ends
    read the same is that one date: 'on 15 June 2022'."""
    value = collapsed(value) or value
    if language in _WHEN:
        return _format_when_table(value, language)
    ru = language == "ru"
    if value.precision == "range":
        text = _when_range(value, language)
    elif value.precision == "month":
        text = (f"в {RU_MONTHS_PREPOSITIONAL[value.start.month - 1]} {value.start.year}\u00a0г."
                if ru else f"in {_en(value.start, 'month')}")
    elif value.precision == "year":
        text = f"в {value.start.year}\u00a0г." if ru else f"in {value.start.year}"
    else:
        text = _ru(value.start, "day") if ru else f"on {_en(value.start, 'day')}"
    if value.approximate:
        text = f"около {text}" if ru else f"on or about {text.removeprefix('on ')}"
    return text
