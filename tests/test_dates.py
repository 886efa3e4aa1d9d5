from datetime import date

import pytest

from toolkit.model.dates import DateError, format_date, parse_date


@pytest.mark.parametrize("text,start,end,precision", [
    ("2020-05-19", date(2020, 5, 19), date(2020, 5, 19), "day"),
    ("2020-02", date(2020, 2, 1), date(2020, 2, 29), "month"),
    ("2021", date(2021, 1, 1), date(2021, 12, 31), "year"),
    ("19 May 2020", date(2020, 5, 19), date(2020, 5, 19), "day"),
    ("May 19, 2020", date(2020, 5, 19), date(2020, 5, 19), "day"),
    ("June 2020", date(2020, 6, 1), date(2020, 6, 30), "month"),
    ("2020-06-01/2020-06-06", date(2020, 6, 1), date(2020, 6, 6), "range"),
    ("2020-06..2020-07", date(2020, 6, 1), date(2020, 7, 31), "range"),
])
def test_lawyers_date_forms_parse_to_a_span(text, start, end, precision):
    parsed = parse_date(text)
    assert (parsed.start, parsed.end, parsed.precision) == (start, end, precision)


def test_on_or_about_marks_a_date_approximate():
    parsed = parse_date("on or about 2020-06-30")
    assert parsed.approximate and parsed.start == date(2020, 6, 30)
    assert format_date(parsed) == "on or about 30 June 2020"


@pytest.mark.parametrize("text,message", [
    ("2021-02-29", "February 2021 has 28 days, so day 29 cannot be"),
    ("2020-04-31", "April 2020 has 30 days"),
    ("2020-13-01", "there is no month 13"),
    ("next Tuesday", "is not a date"),
    ("2020-06-06/2020-06-01", "the range ends before it starts"),
    ("31 Smarch 2020", "'Smarch' is not a month name"),
])
def test_impossible_or_unreadable_dates_are_rejected(text, message):
    with pytest.raises(DateError) as info:
        parse_date(text)
    assert message in str(info.value)


def test_ranges_format_compactly():
    assert format_date(parse_date("2020-06-01/2020-06-06")) == "1–6 June 2020"
    assert format_date(parse_date("2020-05")) == "May 2020"
