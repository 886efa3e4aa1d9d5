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
    start, _, _ = _single(parts[0])
    _, end, _ = _single(parts[1])
    if end < start:
        raise DateError(f"{text!r}: the range ends before it starts")
    return FuzzyDate(start, end, "range", approximate, text)


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
    "ru": DateWords(RU_MONTHS, RU_MONTHS_GENITIVE, year=" {}\u00a0г.", year_alone="{}\u00a0г."),
    "fr": DateWords(FR_MONTHS, FR_MONTHS, first_day="1er"),
    "es": DateWords(ES_MONTHS, ES_MONTHS, day_joiner=" de ", year=" de {}"),
}
_en, _ru, _fr, _es = (DATE_WORDS[lang].write for lang in ("en", "ru", "fr", "es"))


# language -> (one date, "on or about", the first day of a range within one month)
_FORMATS = {lang: (DATE_WORDS[lang].write, approx, DATE_WORDS[lang].day)
            for lang, approx in (("en", "on or about "), ("ru", "около "),
                                 ("fr", "vers le "), ("es", "hacia el "))}
_RANGE_DASH = {"es": " a "}  # "1 a 6 de junio de 2020", as the Committee's Spanish has it


def format_date(value: FuzzyDate, language: str = "en") -> str:
    """'19 May 2020', 'May 2020', '2020', '1–6 June 2020', 'on or about 30 June 2020';
    in Russian '19 мая 2020 г.', 'май 2020 г.', '1–6 июня 2020 г.', 'около ...'; in
    French '1er mai 2020', '1er–6 juin 2020'; in Spanish '19 de mayo de 2020',
    '1 a 6 de junio de 2020'."""
    one, approx, first_day = _FORMATS.get(language, _FORMATS["en"])
    if value.precision == "range":
        s, e = value.start, value.end
        if (s.year, s.month) == (e.year, e.month):
            text = f"{first_day(s)}{_RANGE_DASH.get(language, '–')}{one(e, 'day')}"
        elif s.year == e.year:
            text = f"{one(s, 'day', with_year=False)} – {one(e, 'day')}"
        else:
            text = f"{one(s, 'day')} – {one(e, 'day')}"
    else:
        text = one(value.start, value.precision)
    if value.approximate and value.precision != "day":
        approx = {"fr": "vers ", "es": "hacia "}.get(language, approx)
    return f"{approx}{text}" if value.approximate else text


RU_MONTHS_PREPOSITIONAL = ["январе", "феврале", "марте", "апреле", "мае", "июне", "июле",
                           "августе", "сентябре", "октябре", "ноябре", "декабре"]


# language -> how a date reads in a sentence: (day, month, year, range, "on or about")
_WHEN = {
    "fr": ("le {d}", "en {d}", "en {y}", "entre le {s} et le {e}", "vers {t}"),
    "es": ("el {d}", "en {d}", "en {y}", "entre el {s} y el {e}", "hacia {t}"),
}


def _format_when_table(value: FuzzyDate, language: str) -> str:
    one = _FORMATS[language][0]
    day, month, year, between, about = _WHEN[language]
    if value.precision == "range":
        s, e = value.start, value.end
        text = between.format(s=one(s, "day", with_year=s.year != e.year),
                              e=one(e, "day"))
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
    2020'; in Spanish 'el 19 de mayo de 2020', 'en mayo de 2020'."""
    if language in _WHEN:
        return _format_when_table(value, language)
    ru = language == "ru"
    if value.precision == "range":
        s, e = value.start, value.end
        one = _ru if ru else _en
        first = one(s, "day", with_year=s.year != e.year)
        text = (f"в период с {first} по {one(e, 'day')}" if ru
                else f"between {first} and {one(e, 'day')}")
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
