from datetime import date

import pytest

from toolkit.model.dates import DateError, date_range, format_date, format_when, parse_date


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


@pytest.mark.parametrize("text,language,printed", [
    ("2022-01/2023-12", "en", "January 2022 – December 2023"),
    ("2022-01/2023-12", "ru", "январь 2022\u00a0г. – декабрь 2023\u00a0г."),
    ("2022-01/2023-12", "fr", "janvier 2022 – décembre 2023"),
    ("2022-01/2023-12", "es", "enero de 2022 – diciembre de 2023"),
    ("2022-01/2022-03", "en", "January–March 2022"),
    ("2022-01/2022-03", "ru", "январь–март 2022\u00a0г."),
    ("2021/2022", "en", "2021–2022"),
    ("2021/2022", "ru", "2021–2022\u00a0гг."),
    ("2021/2022", "fr", "2021–2022"),
    ("2021/2022", "es", "2021–2022"),
    ("2022-01-15/2023-12", "en", "15 January 2022 – December 2023"),
    ("2021/2022-03", "en", "2021 – March 2022"),
])
def test_a_range_prints_each_end_at_the_precision_it_was_written(text, language, printed):
    assert format_date(parse_date(text), language) == printed


@pytest.mark.parametrize("text,language,printed", [
    ("2022-01/2023-12", "en", "between January 2022 and December 2023"),
    ("2022-01/2023-12", "ru", "в период с января 2022\u00a0г. по декабрь 2023\u00a0г."),
    ("2022-01/2023-12", "fr", "entre janvier 2022 et décembre 2023"),
    ("2022-01/2023-12", "es", "entre enero de 2022 y diciembre de 2023"),
    ("2021/2022", "en", "between 2021 and 2022"),
    ("2021/2022", "ru", "в 2021–2022\u00a0гг."),
    ("2021-04-06/2021-11-23", "fr", "entre le 6 avril et le 23 novembre 2021"),
    ("2022-01-15/2023-12", "es", "entre el 15 de enero de 2022 y diciembre de 2023"),
])
def test_a_range_in_a_sentence_keeps_the_precision_of_its_ends(text, language, printed):
    assert format_when(parse_date(text), language) == printed


@pytest.mark.parametrize("text,printed,when", [
    ("2022-06-15/2022-06-15", "15 June 2022", "on 15 June 2022"),
    ("2022-06/2022-06", "June 2022", "in June 2022"),
    ("2022/2022", "2022", "in 2022"),
    ("2022-06-15/2022-06-16", "15–16 June 2022", "between 15 June and 16 June 2022"),
    ("2022-06/2022-07", "June–July 2022", "between June and July 2022"),
])
def test_a_range_whose_ends_read_the_same_prints_as_one_date_and_only_then(text, printed,
                                                                          when):
    assert format_date(parse_date(text)) == printed
    assert format_when(parse_date(text)) == when


@pytest.mark.parametrize("text,printed", [("2022-06", "June 2022"), ("2021", "2021")])
def test_a_single_month_or_year_keeps_its_precision(text, printed):
    assert format_date(parse_date(text)) == printed
    assert format_when(parse_date(text)) == f"in {printed}"


def test_a_span_of_dates_keeps_the_precision_of_its_first_and_last():
    assert date_range(parse_date("2022-01"), parse_date("2023")).ends == ("month", "year")
    assert format_date(date_range(parse_date("2022-01"), parse_date("2023"))) == \
        "January 2022 – 2023"
