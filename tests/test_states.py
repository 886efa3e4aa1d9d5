"""The States catalogue (issue 15): the file itself (every fact sourced, the three-month
rules of Covenant art 49(2), OP art 9(2) and art 12(1), no duplicate codes), lookups in
the secretariat's four languages with a did-you-mean, `covenant states`, and the
coverage docs/states.md claims."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
import yaml

from tests.conftest import REPO
from toolkit.covenant import states as catalogue_module
from toolkit.covenant.states import (
    DAY,
    DENOUNCED,
    EXAMINED,
    NOT_PARTY,
    OTHER,
    PARTY,
    SIGNED,
    TEMPORAL,
    CatalogueError,
    TreatyDate,
    all_states,
    catalogue,
    in_force_by_rule,
    parse_catalogue,
    state_status,
    suggestions,
    three_months_after,
)

RAW = yaml.safe_load(catalogue_module.DATA.read_text(encoding="utf-8"))

# Every State against which the Committee adopted Views in the last decade that the
# catalogue has to the day (docs/states.md lists those it has only to the year).
DAY_PRECISE = ["BY", "KG", "UZ", "TJ", "RU", "AZ", "TM", "KZ", "DZ", "FR", "AU", "CA",
               "LK", "CO", "CM", "GE", "AM", "DE", "EC", "AR", "PY", "MX", "DK",
               "ES", "NP", "LY", "UA", "LT", "PH", "KR", "NL", "NO", "SE", "LV", "NZ",
               "PE", "UY", "VE", "MD", "RO", "PL", "PT", "TR", "TN", "ZM", "NI", "PA",
               "MA"]


# ------------------------------------------------------------------ the file itself

def test_every_state_builds_and_every_fact_has_a_source():
    states = catalogue().states
    assert len(states) == len(RAW["states"]) >= 190
    for state in states.values():
        assert state.names.keys() >= {"en", "ru", "fr", "es"}, state.iso
        periods = [state.covenant, *state.protocol]
        for period in filter(None, periods):
            assert period.source.strip(), state.iso
            if period.denounced:
                assert period.denounced.source.strip(), state.iso
        for declaration in state.declarations:
            assert declaration.source.strip() and declaration.summary.strip(), state.iso
        if not state.protocol:
            assert state.protocol_status_source.strip(), state.iso


def test_every_state_has_its_russian_genitive():
    """The Russian draft prints 'против <genitive>' and 'для <genitive>' (templates/
    communication/sections/ru): every entry carries the form, as data."""
    for iso, entry in RAW["states"].items():
        genitive = (entry.get("genitive") or {}).get("ru", "")
        assert genitive.strip() and re.fullmatch(r"[А-ЯЁа-яё’ —-]+", genitive), iso
    assert state_status("BY").genitive_in("ru") == "Беларуси"
    assert state_status("Кыргызстан").genitive_in("ru") == "Кыргызстана"
    assert state_status("UA").genitive_in("ru") == "Украины"
    assert state_status("Peru").genitive_in("ru") == "Перу"  # indeclinable
    assert state_status("BY").genitive_in("fr") == "Biélorussie"  # none: the name


def test_every_source_key_is_used_and_every_used_key_exists():
    used = set(re.findall(r"source: (.+)", catalogue_module.DATA.read_text(encoding="utf-8")))
    keys = {k.strip() for line in used for k in line.split(";")}
    assert keys == set(RAW["sources"])


def test_entry_into_force_is_three_months_after_deposit_where_the_treaty_says_so():
    """Covenant art 49(2) and OP art 9(2): a stated entry into force of a ratification or
    accession confirmed to the day equals the rule's; a succession is exempt (it takes
    effect from independence). OP art 12(1): a denunciation three months after receipt."""
    checked = 0
    for state in all_states():
        for period in filter(None, [state.covenant, *state.protocol]):
            if period.stated and period.how != "succession" \
                    and period.deposit.precision == DAY == period.in_force.precision:
                assert period.in_force == in_force_by_rule(period.deposit), state.iso
                checked += 1
            if period.denounced and period.denounced.notified.precision == DAY:
                assert period.denounced.effective.latest == three_months_after(
                    period.denounced.notified.latest), state.iso
    assert checked >= 40  # the stated dates really are compared


def test_no_code_or_name_is_listed_twice():
    text = catalogue_module.DATA.read_text(encoding="utf-8")
    node = yaml.compose(text)
    states = next(v for k, v in node.value if k.value == "states")
    codes = [k.value for k, _ in states.value]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"[A-Z]{2}", c) for c in codes)
    iso3 = [entry["iso3"] for entry in RAW["states"].values()]
    assert len(iso3) == len(set(iso3)) and all(re.fullmatch(r"[A-Z]{3}", c) for c in iso3)


def _one_state(**changes) -> dict:
    entry = {"iso3": "XSX", "names": {"en": "Examplestan", "ru": "Примеристан",
                                      "fr": "Exemplestan", "es": "Ejemplistán"},
             "covenant": {"deposit": date(1990, 1, 1), "how": "accession", "source": "s"},
             "protocol": [{"deposit": 1991, "source": "s"}]}
    entry.update(changes)
    return {"sources": {"s": "a source"}, "states": {"XS": entry}}


@pytest.mark.parametrize("changes, message", [
    ({"covenant": {"deposit": date(1990, 1, 1)}}, "unknown source (none)"),
    ({"covenant": {"deposit": date(1990, 1, 1), "source": "nowhere"}}, "unknown source nowhere"),
    ({"covenant": {"deposit": "1 January 1990", "source": "s"}}, "a date (YYYY-MM-DD)"),
    ({"declarations": [{"kind": "vague", "summary": "x", "source": "s"}]}, "vague"),
    ({"names": {"en": "Examplestan", "ru": "", "fr": "E", "es": "E"}}, "no name in ru"),
])
def test_a_broken_entry_is_refused_with_its_reason(changes, message):
    with pytest.raises(CatalogueError, match=re.escape(message)):
        parse_catalogue(_one_state(**changes)).get("XS")


def test_a_name_of_two_states_is_refused():
    data = _one_state()
    data["states"]["XT"] = dict(data["states"]["XS"], iso3="XTX")
    with pytest.raises(CatalogueError, match="names both XS and XT"):
        parse_catalogue(data)


# ------------------------------------------------------------------ dates and rules

@pytest.mark.parametrize("deposit, in_force", [
    (date(2009, 6, 30), date(2009, 9, 30)),   # Kazakhstan
    (date(2006, 1, 24), date(2006, 4, 24)),
    (date(1991, 11, 30), date(1992, 2, 29)),  # no 30 February: the month's last day
    (date(1990, 11, 30), date(1991, 2, 28)),
    (date(1975, 12, 22), date(1976, 3, 23)),  # before the 35th instrument's three months
    (date(1975, 12, 24), date(1976, 3, 24)),  # after: its own three months
])
def test_the_three_month_rule(deposit, in_force):
    assert in_force_by_rule(TreatyDate.on(deposit)) == TreatyDate.on(in_force)


def test_a_year_only_deposit_gives_an_entry_into_force_span_not_a_day():
    stp = state_status("Sao Tome and Principe")
    current = stp.current_protocol
    assert current.deposit == TreatyDate.in_year(2017)
    assert current.in_force.precision != DAY and current.in_force.day is None
    assert current.in_force.latest == date(2018, 3, 31)
    assert stp.protocol_in_force is None  # no day is presented as fact


def test_a_succession_is_in_force_on_or_before_its_deposit_never_on_a_day():
    """A succession takes effect from independence, which the three-month rule does not
    give: the deposit bounds it, and no day is presented as fact (Slovakia: notified
    28 May 1993, the day it took effect not confirmed by a source read)."""
    sk = state_status("Slovaquie")
    current = sk.current_protocol
    assert current.how == "succession" and current.deposit == TreatyDate.on(date(1993, 5, 28))
    assert current.in_force.earliest is None and current.in_force.latest == date(1993, 5, 28)
    assert current.in_force.precision != DAY and sk.protocol_in_force is None
    assert str(current.in_force) == "on or before 28 May 1993"


def test_the_czech_republic_is_bound_from_the_dissolution_of_czechoslovakia():
    """The Czech Republic notified its succession on 22 February 1993 (UNTC IV.5) and
    declared itself bound from 1 January 1993, the date of the dissolution, by every
    multilateral treaty Czechoslovakia was party to (its note of 24 March 1993): a day
    stated by a source, so the Views against it get no placeholder."""
    cz = state_status("Czechia")
    assert cz.current_protocol.deposit == TreatyDate.on(date(1993, 2, 22))
    assert cz.protocol_in_force == date(1993, 1, 1) and cz.current_protocol.stated
    assert "24 March 1993" in cz.current_protocol.source


def test_spain_is_confirmed_to_the_day_from_the_depositary_list():
    es = state_status("Espagne")
    assert es.protocol_ratified == date(1985, 1, 25)
    assert es.protocol_in_force == date(1985, 4, 25)  # OP art 9(2)
    assert es.current_protocol.how == "accession"
    assert es.covenant_ratified == date(1977, 4, 27)
    assert "IV.5" in es.current_protocol.source


# ------------------------------------------------------------------ States the issue names

def test_kazakhstan_has_its_temporal_declaration_and_its_dates():
    kz = state_status("Kazakhstan")
    assert kz.protocol_in_force == date(2009, 9, 30) and kz.protocol_ratified == date(2009, 6, 30)
    assert kz.covenant_in_force == date(2006, 4, 24)
    assert "130-IV" in kz.declaration(TEMPORAL).source
    assert kz.declaration(EXAMINED) is None


@pytest.mark.parametrize("iso", ["AT", "DK", "ES", "FR", "HR", "IE", "IS", "IT", "LU",
                                 "MD", "MT", "NO", "PL", "RO", "SE", "SI", "LK", "TR", "UG",
                                 "SV"])
def test_the_article_5_2_a_reservations_of_the_depositary_list(iso):
    examined = state_status(iso).declaration(EXAMINED)
    assert examined and "IV.5" in examined.source and examined.terms_read, iso


@pytest.mark.parametrize("iso", ["CL", "HR", "FR", "GT", "MT", "MD", "RU", "SI", "LK", "TR",
                                 "SV", "KZ", "DE"])
def test_the_temporal_declarations(iso):
    assert state_status(iso).declaration(TEMPORAL), iso


def test_states_the_depositary_list_gives_no_reservation_have_none_recorded():
    for iso in ("UA", "NP", "LY", "LT", "BY", "KG", "UZ"):
        assert state_status(iso).declarations == (), iso


def test_germany_has_an_article_5_2_a_examined_reservation():
    de = state_status("DE")
    assert "already been examined" in de.declaration(EXAMINED).summary
    assert "BGBl. 1994 II 311" in de.declaration(EXAMINED).source
    assert de.protocol_in_force == date(1993, 11, 25)


def test_belarus_denounced_the_protocol_with_effect_from_8_february_2023():
    by = state_status("Belarus")
    assert by.protocol_status == DENOUNCED
    denounced = by.current_protocol.denounced
    assert denounced.notified == TreatyDate.on(date(2022, 11, 8))
    assert denounced.effective == TreatyDate.on(date(2023, 2, 8))
    assert by.current_protocol.in_force_on(date(2023, 2, 7)) is True
    assert by.current_protocol.in_force_on(date(2023, 2, 8)) is False


def test_jamaica_ratified_before_the_protocol_entered_into_force():
    """Ratified 3 October 1975: in force on 23 March 1976 with the Protocol itself."""
    jm = state_status("Jamaica")
    assert jm.protocol[0].deposit == TreatyDate.on(date(1975, 10, 3))
    assert jm.protocol[0].in_force == TreatyDate.on(date(1976, 3, 23))


def test_jamaica_denounced_and_trinidad_and_tobago_denounced_twice():
    assert state_status("Jamaica").current_protocol.denounced.effective == \
        TreatyDate.on(date(1998, 1, 23))
    tt = state_status("Trinidad and Tobago")
    assert [p.denounced.effective.day for p in tt.protocol] == [date(1998, 8, 26),
                                                               date(2000, 6, 27)]
    assert tt.protocol_status == DENOUNCED


def test_guyana_re_acceded_with_a_reservation():
    gy = state_status("Guyana")
    first, again = gy.protocol
    assert first.denounced.effective == TreatyDate.on(date(1999, 4, 5))
    assert again.deposit == TreatyDate.on(date(1999, 1, 5)) and again.denounced is None
    assert gy.protocol_status == PARTY and gy.protocol_in_force == date(1999, 4, 5)
    reservation = gy.declaration(OTHER)
    assert reservation and not reservation.terms_read  # sourced, its text not read


@pytest.mark.parametrize("name, status", [
    ("United Kingdom", NOT_PARTY), ("United States", NOT_PARTY), ("Cambodia", SIGNED),
    ("Palestine", NOT_PARTY)])
def test_non_parties_and_a_signatory(name, status):
    state = state_status(name)
    assert state.covenant is not None  # a party to the Covenant all the same
    assert state.protocol == () and state.protocol_status == status


@pytest.mark.parametrize("iso", DAY_PRECISE)
def test_states_with_recent_views_are_confirmed_to_the_day(iso):
    state = state_status(iso)
    assert state.protocol_in_force is not None, iso
    assert state.current_protocol.source


# ------------------------------------------------------------------ lookups

@pytest.mark.parametrize("query, iso", [
    ("KZ", "KZ"), ("kaz", "KZ"), ("Kazakhstan", "KZ"), ("Казахстан", "KZ"),
    ("Kazajistán", "KZ"), ("kazajistan", "KZ"),
    ("Biélorussie", "BY"), ("Bielorrusia", "BY"), ("Беларусь", "BY"), ("Белоруссия", "BY"),
    ("Russian Federation", "RU"), ("Российская Федерация", "RU"), ("Russie", "RU"),
    ("Ouzbékistan", "UZ"), ("Узбекистан", "UZ"), ("Kirguistán", "KG"), ("Kyrgyz Republic", "KG"),
    ("the United Kingdom", "GB"), ("Côte d’Ivoire", "CI"), ("Ivory Coast", "CI"),
])
def test_lookup_by_code_and_by_name_in_four_languages(query, iso):
    assert state_status(query).iso == iso


def test_an_unknown_name_finds_nothing_and_suggests_the_closest():
    assert state_status("Kazakstan") is None
    assert suggestions("Kazakstan")[0] == "Kazakhstan"
    assert suggestions("Узбекистон")[0] == "Uzbekistan"
    assert suggestions("Zzzzzz") == []


def test_the_catalogue_is_not_read_until_a_state_is_asked_for():
    import subprocess
    import sys

    code = ("import toolkit.cli, toolkit.workspace.check, toolkit.kinds.communication."
            "admissibility as a, toolkit.covenant.states as s; "
            "print(s.catalogue.cache_info().currsize)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=REPO)
    assert out.stdout.strip() == "0"


# ------------------------------------------------------------------ covenant states, docs

def test_covenant_states_lists_and_shows_one_record(tmp_path):
    from click.testing import CliRunner

    from toolkit.cli import cli

    runner = CliRunner()
    listing = runner.invoke(cli, ["states"])
    assert listing.exit_code == 0 and "KZ  Kazakhstan" in listing.output
    one = runner.invoke(cli, ["states", "Bielorrusia"])
    assert one.exit_code == 0
    assert "denounced: notified 8 November 2022, effective 8 February 2023" in one.output
    assert "source: " in one.output
    year = runner.invoke(cli, ["states", "STP"])
    assert "Only the year is confirmed" in year.output
    succession = runner.invoke(cli, ["states", "SVK"])
    assert "The day the succession took effect is not confirmed" in succession.output
    spain = runner.invoke(cli, ["states", "ESP"])
    assert "deposit 25 January 1985 (accession); in force 25 April 1985" in spain.output
    assert "Only the year" not in spain.output


def test_covenant_states_shows_a_non_partys_sources_and_the_genitive():
    from click.testing import CliRunner

    from toolkit.cli import cli

    out = CliRunner().invoke(cli, ["states", "US"]).output
    assert "Optional Protocol: not-party" in out and "IV.5" in out  # the depositary list
    assert "genitive: Соединенных Штатов Америки (ru)" in out
    tuvalu = CliRunner().invoke(cli, ["states", "Tuvalu"]).output
    assert "Covenant: not-party" in tuvalu and "predates independence" in tuvalu


def test_covenant_states_with_an_unknown_name_fails_with_a_suggestion():
    from toolkit import api
    from toolkit.model.errors import CovenantError

    with pytest.raises(CovenantError, match="did you mean Kazakhstan"):
        api.describe_states("Kazakstan")


def test_docs_list_exactly_the_parties_confirmed_only_to_the_year():
    docs = (REPO / "docs" / "states.md").read_text(encoding="utf-8")
    block = docs.split("<!-- year-only -->")[1].split("<!-- /year-only -->")[0]
    listed = set(re.findall(r"\b([A-Z]{2})\b", block))
    year_only = {s.iso for s in all_states()
                 if s.protocol and s.protocol_in_force is None}
    assert listed == year_only


def test_the_shipped_json_snapshot_is_current_and_holds_what_the_yaml_holds():
    """Refresh with `python scripts/refresh_states_snapshot.py` after editing states.yaml
    (or after changing how names are normalised: the snapshot holds the index)."""
    from toolkit.covenant import states_data

    text = states_data.DATA.read_bytes()
    saved = json.loads(states_data.SNAPSHOT.read_bytes())
    assert saved["source_sha256"] == states_data._digest(text)
    assert states_data.decode_dates(saved["data"]) == yaml.safe_load(text)
    assert saved["index"] == states_data.name_index(yaml.safe_load(text))


def test_a_state_read_from_the_snapshot_equals_the_same_state_read_from_the_yaml():
    from toolkit.covenant import states_data

    from_snapshot = parse_catalogue(*states_data.load())
    from_yaml = parse_catalogue(yaml.safe_load(states_data.DATA.read_bytes()))
    assert from_snapshot.index == from_yaml.index
    assert from_snapshot.get("KZ") == from_yaml.get("KZ")
    assert from_snapshot.get("KZ").protocol_in_force == date(2009, 9, 30)


def test_a_stale_snapshot_is_never_read_the_yaml_is(tmp_path):
    from toolkit.covenant import states_data

    source = tmp_path / "states.yaml"
    source.write_text("sources: {a: one}\nstates: {}\n")
    states_data.refresh(source)
    assert states_data.load(source) == ({"sources": {"a": "one"}, "states": {}}, {})
    source.write_text("sources: {a: two}\nstates: {}\n")  # edited, snapshot not refreshed
    assert states_data.load(source) == ({"sources": {"a": "two"}, "states": {}}, None)
    (tmp_path / "states.json").write_text("not json")
    assert states_data.load(source)[0]["sources"] == {"a": "two"}
