# ruff: noqa: E501
"""How toolkit/covenant/data/states.yaml was first made (issue 15). Kept for provenance:
the YAML file is the catalogue now, edited by hand (docs/states.md); running this again
would overwrite those edits, so it refuses to write over an existing file without --force.

Inputs, none of them shipped with Covenant:
- the year-only base: hr_status_iccpr.csv and hr_status_iccpr_op1.csv of the public data
  set world-politics-datalab/humanrights-treaties-ratification-status (commit fdb779e,
  August 2022), extracted from the UN Treaty Collection: year of ratification or accession;
- names: CLDR territory names in English, Russian, French and Spanish (Babel 2.19), and
  ISO 3166 names and alpha-3 codes (pycountry 26.2.16): `pip install babel pycountry`;
- the facts confirmed to the day, and their sources: CONFIRMED below, each read in the
  source it names (docs/states.md lists them).

    python scripts/bootstrap_states.py ICCPR.csv OP1.csv [--force]
"""

from __future__ import annotations

import argparse
import csv
import sys
from datetime import date
from pathlib import Path

import yaml

OUT = Path(__file__).resolve().parent.parent / "toolkit" / "covenant" / "data" / "states.yaml"

SOURCES = {
    "datalab": "world-politics-datalab, 'Core United Nations Human Rights Instruments: Their "
               "Ratification Status' (public data set extracted from the UN Treaty Collection, "
               "August 2022; hr_status_iccpr.csv, hr_status_iccpr_op1.csv): year of "
               "ratification or accession only",
    "untc-iv5": "UN Treaty Collection, Multilateral Treaties Deposited with the "
                "Secretary-General, chapter IV.5 (Optional Protocol), status page (copy "
                "read: treaties.un.org/doc/Publication/MTDSG/Volume I/Chapter IV/IV-5.en.xml, "
                "participants Albania to Italy)",
    "untc-iv4": "UN Treaty Collection, chapter IV.4 (Covenant), status as at 23 April 2014 "
                "(participants Afghanistan to Cameroon read)",
    "unts-999": "999 UNTS 171, note 1: the States for which the Covenant entered into "
                "force on 23 March 1976, with their dates of deposit",
    "nl-op": "Netherlands Treaty Database (Verdragenbank), Optional Protocol: parties and "
             "dates of entry into force (copy read at inview.nl; Albania to Guinea-Bissau)",
    "at-op": "Austria, Bundesgesetzblatt, notice of the Federal Chancellor no 213 on the "
             "scope (Geltungsbereich) of the Optional Protocol, continuing BGBl No "
             "105/1988 and No 293/1995: dates of deposit (English translation read at "
             "global-regulation.com)",
    "paclii-op": "PacLII, status report of the Optional Protocol (a copy of the UN Treaty "
                 "Collection's list; Algeria to Greece read)",
    "de-bgbl": "Germany, Bekanntmachung über das Inkrafttreten des Fakultativprotokolls vom "
               "30. Dezember 1993, BGBl. 1994 II 311: accession deposited 25 August 1993, in "
               "force 25 November 1993, reservation to art 5(2)(a)",
    "kz-views": "Human Rights Committee, Views in Ibragimov v Kazakhstan, UN Doc "
                "CCPR/C/131/D/2452/2014, and Narymbaev v Kazakhstan, UN Doc "
                "CCPR/C/130/D/2521/2015 (Optional Protocol in force 30 September 2009)",
    "kz-law": "Law of the Republic of Kazakhstan No 130-IV of 11 February 2009 on the "
              "ratification of the Optional Protocol (declaration); depositary notice "
              "reproduced in BGBl III No 51/2017 (deposit 30 June 2009)",
    "kz-iccpr": "KIBHR/IPHR/NHC paper and zakonpravo.kz (Covenant ratified 24 January "
                "2006, in force 24 April 2006; ../shared/DOMAIN.md §1.4-1.5)",
    "kg-views": "Human Rights Committee, Views in Bekmanov and Egemberdiev v Kyrgyzstan, UN "
                "Doc CCPR/C/125/D/2312/2013, para 1.1 (Optional Protocol in force for the "
                "State party on 7 January 1995)",
    "by-denunciation": "Human Rights Committee, statement on the denunciation by Belarus "
                       "(OHCHR press release, reproduced at nationaltribune.com.au): "
                       "notification received 8 November 2022, effective 8 February 2023; "
                       "also Human Rights Defenders for Belarus (defendersbelarus.org)",
    "ru-icj": "International Commission of Jurists, CIJL country profile, Russian "
              "Federation: international treaty status (Covenant 16 October 1973; Optional "
              "Protocol 1 October 1991)",
    "lk-untc": "UN Treaty Collection status of Sri Lanka, copy at amnesty-sri-lanka.de "
               "(Covenant 11 June 1980 a; Optional Protocol 3 October 1997 a, with a "
               "declaration)",
    "jm-a53-40": "Report of the Human Rights Committee, A/53/40 vol I (1998), para 78 (copy "
                 "read at bayefsky.com): Jamaica's denunciation effective 23 January 1998",
    "jm-ajil": "N Schiffrin, 'Jamaica Withdraws the Right of Individual Petition under the "
               "ICCPR' (1998) 92 AJIL 563: notification in October 1997",
    "tt-untc": "UN Treaty Collection, chapter IV.5, note on Trinidad and Tobago (copy read "
               "at bayefsky.com): accession 14 November 1980; denunciation notified 26 May "
               "1998 with effect from 26 August 1998; re-accession on 26 August 1998 with a "
               "reservation; denunciation notified 27 March 2000",
    "tt-amnesty": "Amnesty International UK, 'Hiding its human rights record from "
                  "international scrutiny' (2000): withdrawal lodged 27 March 2000, "
                  "effective 27 June 2000",
    "gy-chronicle": "Guyana Chronicle, 10 April 1999, 'Death row hangings to resume': "
                    "denunciation and re-accession with a death-penalty reservation "
                    "received by the UN on 5 January 1999, both effective 5 April 1999",
}

D = date
# iso: facts read in a source, by treaty. covenant/protocol: deposit (date), how,
# in_force (date, only where the source states it), source key.
CONFIRMED: dict[str, dict] = {
    "KZ": {"covenant": dict(deposit=D(2006, 1, 24), how="ratification",
                            in_force=D(2006, 4, 24), source="kz-iccpr"),
           "protocol": [dict(deposit=D(2009, 6, 30), how="ratification",
                             in_force=D(2009, 9, 30), source="kz-views; kz-law")],
           "declarations": [dict(kind="temporal", summary=(
               "Kazakhstan recognises the Committee's competence for actions and omissions "
               "of its authorities, and for acts and decisions they adopted, after the "
               "Optional Protocol entered into force for it"), source="kz-law")]},
    "KG": {"protocol": [dict(deposit=1994, in_force=D(1995, 1, 7), source="kg-views")]},
    "PH": {"protocol": [dict(deposit=1989, in_force=D(1989, 11, 22), source="datalab; nl-op")]},
    "RS": {"protocol": [dict(deposit=D(2001, 9, 6), how="ratification-or-accession",
                             source="at-op", note=(
                                 "deposited by Serbia and Montenegro, whose participation "
                                 "Serbia continues; the data set's 'signatory' for Serbia "
                                 "is wrong"))]},
    "BY": {"covenant": dict(deposit=D(1973, 11, 12), how="ratification", source="untc-iv4"),
           "protocol": [dict(deposit=D(1992, 9, 30), how="accession",
                             in_force=D(1992, 12, 30), source="untc-iv5; paclii-op; nl-op",
                             denounced=dict(notified=D(2022, 11, 8),
                                            effective=D(2023, 2, 8),
                                            source="by-denunciation"))]},
    "RU": {"covenant": dict(deposit=D(1973, 10, 16), how="ratification", source="ru-icj"),
           "protocol": [dict(deposit=D(1991, 10, 1), how="accession", source="ru-icj")]},
    "UZ": {"protocol": [dict(deposit=D(1995, 9, 28), how="ratification-or-accession", source="at-op")]},
    "TJ": {"protocol": [dict(deposit=D(1999, 1, 4), how="ratification-or-accession", source="at-op")]},
    "TM": {"protocol": [dict(deposit=D(1997, 5, 1), how="ratification-or-accession", source="at-op")]},
    "AZ": {"covenant": dict(deposit=D(1992, 8, 13), how="accession", source="untc-iv4"),
           "protocol": [dict(deposit=D(2001, 11, 27), how="accession",
                             in_force=D(2002, 2, 27), source="untc-iv5; nl-op")]},
    "LK": {"covenant": dict(deposit=D(1980, 6, 11), how="accession", source="lk-untc"),
           "protocol": [dict(deposit=D(1997, 10, 3), how="ratification-or-accession", source="at-op")],
           "declarations": [dict(kind="other", summary=(
               "Sri Lanka made a declaration on acceding to the Optional Protocol; its "
               "terms were not read for this catalogue: confirm them in UN Treaty "
               "Collection chapter IV.5 before relying on the dates of the facts"),
               source="lk-untc", terms_read=False)]},
    "DE": {"covenant": dict(deposit=D(1973, 12, 17), how="ratification", source="unts-999"),
           "protocol": [dict(deposit=D(1993, 8, 25), how="accession",
                             in_force=D(1993, 11, 25), source="de-bgbl")],
           "declarations": [
               dict(kind="examined", summary=(
                   "Germany excludes communications that have already been examined under "
                   "another procedure of international investigation or settlement"),
                    source="de-bgbl"),
               dict(kind="temporal", summary=(
                   "Germany excludes communications alleging a violation that originated "
                   "in events before the Optional Protocol entered into force for it"),
                    source="de-bgbl"),
               dict(kind="other", summary=(
                   "Germany excludes communications alleging a violation of article 26 in "
                   "so far as it concerns rights other than those guaranteed by the "
                   "Covenant"), source="de-bgbl")]},
    "JM": {"protocol": [dict(deposit=1975, source="datalab",
                             denounced=dict(notified=1997, effective=D(1998, 1, 23),
                                            source="jm-a53-40; jm-ajil"))]},
    "TT": {"protocol": [
        dict(deposit=D(1980, 11, 14), how="accession", source="tt-untc",
             denounced=dict(notified=D(1998, 5, 26), effective=D(1998, 8, 26),
                            source="tt-untc")),
        dict(deposit=D(1998, 8, 26), how="accession", source="tt-untc",
             note="re-accession on the day the first denunciation took effect; entry into "
                  "force computed by art 9(2), how the Committee treated the three months "
                  "not confirmed",
             denounced=dict(notified=D(2000, 3, 27), effective=D(2000, 6, 27),
                            source="tt-amnesty"))],
           "declarations": [dict(kind="other", summary=(
               "On re-acceding in 1998 Trinidad and Tobago reserved that the Committee is "
               "not competent for communications from a prisoner under sentence of death "
               "about his prosecution, detention, trial, conviction, sentence or "
               "execution"), source="tt-untc")]},
    "GY": {"protocol": [
        dict(deposit=1993, source="datalab", note="first accession: day not confirmed",
             denounced=dict(notified=D(1999, 1, 5), effective=D(1999, 4, 5),
                            source="gy-chronicle")),
        dict(deposit=D(1999, 1, 5), how="accession", in_force=D(1999, 4, 5),
             source="gy-chronicle", note="re-accession (deposit date also in untc-iv5)")],
           "declarations": [dict(kind="other", summary=(
               "On re-acceding in 1999 Guyana made a reservation on death-penalty cases; "
               "its terms were not read for this catalogue: confirm them in UN Treaty "
               "Collection chapter IV.5"), source="gy-chronicle", terms_read=False)]},
}

# Optional Protocol deposits read in the copies of the depositary's list, and entry into
# force where the Netherlands database states it.
OP_DEPOSITS = {  # iso: (deposit, how, source)
    "AL": (D(2007, 10, 4), "accession", "untc-iv5"), "DZ": (D(1989, 9, 12), "accession", "untc-iv5"),
    "AD": (D(2006, 9, 22), "ratification", "untc-iv5"), "AO": (D(1992, 1, 10), "accession", "untc-iv5"),
    "AR": (D(1986, 8, 8), "accession", "untc-iv5"), "AM": (D(1993, 6, 23), "accession", "untc-iv5"),
    "AU": (D(1991, 9, 25), "accession", "untc-iv5"), "AT": (D(1987, 12, 10), "ratification", "untc-iv5"),
    "BB": (D(1973, 1, 5), "accession", "untc-iv5"), "BE": (D(1994, 5, 17), "accession", "untc-iv5"),
    "BJ": (D(1992, 3, 12), "accession", "untc-iv5"), "BO": (D(1982, 8, 12), "accession", "untc-iv5"),
    "BA": (D(1995, 3, 1), "ratification", "untc-iv5"), "BR": (D(2009, 9, 25), "accession", "untc-iv5"),
    "BG": (D(1992, 3, 26), "accession", "untc-iv5"), "BF": (D(1999, 1, 4), "accession", "untc-iv5"),
    "CV": (D(2000, 5, 19), "accession", "untc-iv5"), "CM": (D(1984, 6, 27), "accession", "untc-iv5"),
    "CA": (D(1976, 5, 19), "accession", "untc-iv5"), "CF": (D(1981, 5, 8), "accession", "untc-iv5"),
    "TD": (D(1995, 6, 9), "accession", "untc-iv5"), "CL": (D(1992, 5, 27), "accession", "untc-iv5"),
    "CO": (D(1969, 10, 29), "ratification", "untc-iv5"), "CG": (D(1983, 10, 5), "accession", "untc-iv5"),
    "CR": (D(1968, 11, 29), "ratification", "untc-iv5"), "CI": (D(1997, 3, 5), "accession", "untc-iv5"),
    "HR": (D(1995, 10, 12), "accession", "untc-iv5"), "CY": (D(1992, 4, 15), "ratification", "untc-iv5"),
    "CZ": (D(1993, 2, 22), "succession", "untc-iv5"), "CD": (D(1976, 11, 1), "accession", "untc-iv5"),
    "DK": (D(1972, 1, 6), "ratification", "untc-iv5"), "DJ": (D(2002, 11, 5), "accession", "untc-iv5"),
    "DO": (D(1978, 1, 4), "accession", "untc-iv5"), "EC": (D(1969, 3, 6), "ratification", "untc-iv5"),
    "SV": (D(1995, 6, 6), "ratification", "untc-iv5"), "GQ": (D(1987, 9, 25), "accession", "untc-iv5"),
    "EE": (D(1991, 10, 21), "accession", "untc-iv5"), "FI": (D(1975, 8, 19), "ratification", "untc-iv5"),
    "FR": (D(1984, 2, 17), "accession", "untc-iv5"), "GM": (D(1988, 6, 9), "accession", "untc-iv5"),
    "GE": (D(1994, 5, 3), "accession", "untc-iv5"), "GH": (D(2000, 9, 7), "ratification", "untc-iv5"),
    "GR": (D(1997, 5, 5), "accession", "untc-iv5"), "GT": (D(2000, 11, 28), "accession", "untc-iv5"),
    "GN": (D(1993, 6, 17), "ratification", "untc-iv5"), "GW": (D(2013, 9, 24), "ratification", "untc-iv5"),
    "HN": (D(2005, 6, 7), "ratification", "untc-iv5"), "HU": (D(1988, 9, 7), "accession", "untc-iv5"),
    "IS": (D(1979, 8, 22), "accession", "untc-iv5"), "IE": (D(1989, 12, 8), "accession", "untc-iv5"),
    "IT": (D(1978, 9, 15), "ratification", "untc-iv5"),
    "LS": (D(2000, 9, 6), "ratification-or-accession", "at-op"), "LI": (D(1998, 12, 10), "ratification-or-accession", "at-op"),
    "MW": (D(1996, 6, 11), "ratification-or-accession", "at-op"), "ML": (D(2001, 10, 24), "ratification-or-accession", "at-op"),
    "MX": (D(2002, 3, 15), "ratification-or-accession", "at-op"), "PY": (D(1995, 1, 10), "ratification-or-accession", "at-op"),
    "SL": (D(1996, 8, 23), "ratification-or-accession", "at-op"), "ZA": (D(2002, 8, 28), "ratification-or-accession", "at-op"),
    "UG": (D(1995, 11, 14), "ratification-or-accession", "at-op"),
}
# The Austrian notice lists instruments of ratification or accession (successions are
# listed apart) without saying which: both enter into force under art 9(2).
NL_IN_FORCE = {  # entry into force stated by the Netherlands database
    "AL": D(2008, 1, 4), "DZ": D(1989, 12, 12), "AD": D(2006, 12, 22), "AO": D(1992, 4, 10),
    "AR": D(1986, 11, 8), "AM": D(1993, 9, 23), "AU": D(1991, 12, 25), "AZ": D(2002, 2, 27),
    "BB": D(1976, 3, 23), "BY": D(1992, 12, 30), "BE": D(1994, 8, 17), "BJ": D(1992, 6, 12),
    "BO": D(1982, 11, 12), "BA": D(1995, 6, 1), "BR": D(2009, 12, 25), "BG": D(1992, 6, 26),
    "BF": D(1999, 4, 4), "CA": D(1976, 8, 19), "CF": D(1981, 8, 8), "CL": D(1992, 8, 27),
    "CO": D(1976, 3, 23), "CD": D(1977, 2, 1), "CG": D(1984, 1, 5), "CR": D(1976, 3, 23),
    "CY": D(1992, 7, 15), "DK": D(1976, 3, 23), "DJ": D(2003, 2, 5), "DO": D(1978, 4, 4),
    "DE": D(1993, 11, 25), "EC": D(1976, 3, 23), "SV": D(1995, 9, 6), "GQ": D(1987, 12, 25),
    "EE": D(1992, 1, 21), "FI": D(1976, 3, 23), "FR": D(1984, 5, 17), "GM": D(1988, 9, 9),
    "GE": D(1994, 8, 3), "GH": D(2000, 12, 7), "GR": D(1997, 8, 5), "GT": D(2001, 2, 28),
    "GN": D(1993, 9, 17), "GW": D(2013, 12, 24),
}
COVENANT_DEPOSITS = {  # iso: (deposit, how, source)
    "AF": (D(1983, 1, 24), "accession", "untc-iv4"), "AL": (D(1991, 10, 4), "accession", "untc-iv4"),
    "DZ": (D(1989, 9, 12), "ratification", "untc-iv4"), "AD": (D(2006, 9, 22), "ratification", "untc-iv4"),
    "AO": (D(1992, 1, 10), "accession", "untc-iv4"), "AR": (D(1986, 8, 8), "ratification", "untc-iv4"),
    "AM": (D(1993, 6, 23), "accession", "untc-iv4"), "AU": (D(1980, 8, 13), "ratification", "untc-iv4"),
    "AT": (D(1978, 9, 10), "ratification", "untc-iv4"), "BS": (D(2008, 12, 23), "ratification", "untc-iv4"),
    "BH": (D(2006, 9, 20), "accession", "untc-iv4"), "BD": (D(2000, 9, 6), "accession", "untc-iv4"),
    "BB": (D(1973, 1, 5), "accession", "untc-iv4"), "BE": (D(1983, 4, 21), "ratification", "untc-iv4"),
    "BZ": (D(1996, 6, 10), "accession", "untc-iv4"), "BJ": (D(1992, 3, 12), "accession", "untc-iv4"),
    "BO": (D(1982, 8, 12), "accession", "untc-iv4"), "BA": (D(1993, 9, 1), "succession", "untc-iv4"),
    "BW": (D(2000, 9, 8), "ratification", "untc-iv4"), "BR": (D(1992, 1, 24), "accession", "untc-iv4"),
    "BG": (D(1970, 9, 21), "ratification", "untc-iv4"), "BF": (D(1999, 1, 4), "accession", "untc-iv4"),
    "BI": (D(1990, 5, 9), "accession", "untc-iv4"), "CV": (D(1993, 8, 6), "accession", "untc-iv4"),
    "KH": (D(1992, 5, 26), "accession", "untc-iv4"), "CM": (D(1984, 6, 27), "accession", "untc-iv4"),
    "CL": (D(1972, 2, 10), "ratification", "unts-999"), "CO": (D(1969, 10, 29), "ratification", "unts-999"),
    "CR": (D(1968, 11, 29), "ratification", "unts-999"), "CY": (D(1969, 4, 2), "ratification", "unts-999"),
    "DK": (D(1972, 1, 6), "ratification", "unts-999"), "EC": (D(1969, 3, 6), "ratification", "unts-999"),
    "FI": (D(1975, 8, 19), "ratification", "unts-999"),
}

UN_NAMES = {
    "RU": "Russian Federation", "MD": "Republic of Moldova", "BO": "Bolivia (Plurinational State of)",
    "VE": "Venezuela (Bolivarian Republic of)", "IR": "Iran (Islamic Republic of)",
    "TZ": "United Republic of Tanzania", "LA": "Lao People's Democratic Republic",
    "KP": "Democratic People's Republic of Korea", "KR": "Republic of Korea",
    "SY": "Syrian Arab Republic", "CZ": "Czech Republic", "CI": "Côte d'Ivoire",
    "CV": "Cabo Verde", "TL": "Timor-Leste", "SZ": "Eswatini", "MK": "North Macedonia",
    "TR": "Türkiye", "VN": "Viet Nam", "GB": "United Kingdom of Great Britain and Northern Ireland",
    "US": "United States of America", "CG": "Congo", "CD": "Democratic Republic of the Congo",
    "KG": "Kyrgyzstan", "LY": "Libya", "FM": "Micronesia (Federated States of)",
    "VC": "Saint Vincent and the Grenadines", "LC": "Saint Lucia", "KN": "Saint Kitts and Nevis",
    "ST": "Sao Tome and Principe", "BN": "Brunei Darussalam", "GM": "Gambia", "BS": "Bahamas",
    "BA": "Bosnia and Herzegovina", "TT": "Trinidad and Tobago", "GW": "Guinea-Bissau",
    "AG": "Antigua and Barbuda", "KZ": "Kazakhstan", "NL": "Netherlands",
}
EXTRA_ALIASES = {
    "KG": ["Kyrgyz Republic", "Kirghizia"], "CI": ["Ivory Coast"], "CV": ["Cape Verde"],
    "SZ": ["Swaziland"], "TL": ["East Timor"], "TR": ["Turkey"], "CZ": ["Czechia"],
    "MK": ["Macedonia", "The former Yugoslav Republic of Macedonia"], "MM": ["Burma"],
    "BY": ["Byelorussia", "Byelorussian SSR", "Белоруссия", "Республика Беларусь"],
    "RU": ["Россия", "Российская Федерация"], "KZ": ["Республика Казахстан", "Qazaqstan"],
    "GB": ["United Kingdom", "Great Britain", "UK"], "US": ["United States", "USA"],
    "LY": ["Libyan Arab Jamahiriya"],
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("iccpr_csv")
    parser.add_argument("op_csv")
    parser.add_argument("--force", action="store_true")
    args = parser.parse_args()
    if OUT.exists() and not args.force:
        sys.exit(f"{OUT} exists: it is edited by hand now (see docs/states.md)")
    import pycountry
    from babel import Locale

    locales = {lang: Locale(lang) for lang in ("en", "ru", "fr", "es")}
    iccpr, op = (_rows(Path(p)) for p in (args.iccpr_csv, args.op_csv))
    states = {}
    for iso, row in sorted(iccpr.items()):
        country = pycountry.countries.get(alpha_2=iso)
        names = {lang: locales[lang].territories[iso] for lang in locales}
        names["en"] = UN_NAMES.get(iso, names["en"])
        also = {names["en"], locales["en"].territories[iso], country.name,
                getattr(country, "official_name", None), getattr(country, "common_name", None),
                row["member"], *EXTRA_ALIASES.get(iso, [])}
        also = sorted(a for a in also if a and a not in names.values())
        entry = {"iso3": country.alpha_3, "names": names}
        if also:
            entry["also"] = also
        confirmed = CONFIRMED.get(iso, {})
        entry["covenant"] = _covenant(iso, row, confirmed)
        entry["protocol"] = _protocol(iso, op.get(iso), confirmed)
        if confirmed.get("declarations"):
            entry["declarations"] = confirmed["declarations"]
        states[iso] = entry
    text = ("# The Covenant and Optional Protocol status of each State: see docs/states.md "
            "for\n# the format, the sources and how to update it. Dates are deposit and "
            "entry into\n# force; a bare year means only the year is confirmed.\n")
    text += yaml.safe_dump({"sources": SOURCES, "states": states}, sort_keys=False,
                           allow_unicode=True, width=92)
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT}: {len(states)} States")


def _rows(path: Path) -> dict[str, dict]:
    """The data set's rows by ISO code (its 'TP' for Timor-Leste is the old code)."""
    with path.open(encoding="utf-8") as handle:
        return {r["iso2"].replace("TP", "TL"): r for r in csv.DictReader(handle)}


def _covenant(iso: str, row: dict, confirmed: dict) -> dict:
    if "covenant" in confirmed:
        return {k: v for k, v in confirmed["covenant"].items()}
    if iso in COVENANT_DEPOSITS:
        deposit, how, source = COVENANT_DEPOSITS[iso]
        return {"deposit": deposit, "how": how, "source": source}
    if row["status"] == "state party":
        return {"deposit": int(row["year ratification or accession"]), "source": "datalab"}
    return {"status": "signed" if row["status"] == "signatory state" else "not-party",
            "source": "datalab"}


def _protocol(iso: str, row: dict | None, confirmed: dict):
    if "protocol" in confirmed:
        return confirmed["protocol"]
    if iso in OP_DEPOSITS:
        deposit, how, source = OP_DEPOSITS[iso]
        found = {"deposit": deposit, "how": how, "source": source}
        if iso in NL_IN_FORCE:
            found["in_force"] = NL_IN_FORCE[iso]
            found["source"] = f"{source}; nl-op"
        return [found]
    if row is None:
        return {"status": "unknown", "source": "datalab"}
    if row["status"] == "state party" and row["year ratification or accession"]:
        return [{"deposit": int(row["year ratification or accession"]), "source": "datalab"}]
    return {"status": "signed" if row["status"] == "signatory state" else "not-party",
            "source": "datalab"}


if __name__ == "__main__":
    main()
