"""When the Covenant and the First Optional Protocol bind each State: the States catalogue.

The facts are data, in data/states.yaml (docs/states.md says how it was compiled, what
each source is and how to update it), read once, the first time a case names a State
(every check does: toolkit/checks/state.py), from a JSON snapshot of the YAML while it is
current (toolkit/covenant/states_data.py).

Every date keeps its precision. A date confirmed to the day is a `TreatyDate` with
`precision == "day"`; where only the year is confirmed it spans that year, and the entry
into force computed from it spans the three months later (Covenant art 49(2), OP art
9(2)): the checks warn, and the draft prints a placeholder for the day, rather than a
guessed date. An entry into force stated by a source is kept as stated; otherwise it is
computed from a deposit that is not a succession (a succession takes effect from the
date of independence, which the three-month rule does not give).

`StateStatus` keeps the fields the checks and drafts used before the catalogue
(`protocol_in_force` and the others are the dates confirmed to the day, or None), and
adds the full record: `covenant`, `protocol` (one `Participation` for each period of
participation, so a denunciation and a re-accession are both kept), `names` in the
secretariat's four languages, `genitive` in the languages whose drafts need it (Russian:
'против Беларуси'), and `declarations`."""

from __future__ import annotations

import calendar
import difflib
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from toolkit.covenant.states_data import (
    LANGUAGES,
    CatalogueError,
    decode_dates,
    load,
    name_index,
    normalise,
)

DATA = Path(__file__).resolve().parent / "data" / "states.yaml"

# The kinds of declaration or reservation that bear on a communication.
TEMPORAL = "temporal"  # the Committee's competence only for acts after the OP's entry into force
EXAMINED = "examined"  # art 5(2)(a) extended to a matter that "has been examined" elsewhere
OTHER = "other"  # any other that a lawyer must read (e.g. death-penalty cases excluded)
KINDS = (TEMPORAL, EXAMINED, OTHER)

DAY, YEAR = "day", "year"
# Both treaties entered into force on 23 March 1976 (Covenant art 49(1), OP art 9(1)),
# for the States whose instruments were deposited by then.
ORIGINAL_ENTRY = date(1976, 3, 23)

# A State's relation to a treaty.
PARTY, DENOUNCED, SIGNED, NOT_PARTY, UNKNOWN = (
    "party", "denounced", "signed", "not-party", "unknown")


@dataclass(frozen=True)
class TreatyDate:
    """A date as precisely as a source confirms it: one day, or a span (a year, or the
    entry into force computed from a year). `earliest` is None when only an upper bound
    is known (a succession whose effective date is not confirmed)."""

    earliest: date | None
    latest: date
    precision: str  # DAY or YEAR

    @classmethod
    def on(cls, day: date) -> TreatyDate:
        return cls(day, day, DAY)

    @classmethod
    def in_year(cls, year: int) -> TreatyDate:
        return cls(date(year, 1, 1), date(year, 12, 31), YEAR)

    @property
    def day(self) -> date | None:
        return self.earliest if self.precision == DAY else None

    def __str__(self) -> str:
        if self.precision == DAY:
            return f"{self.latest.day} {self.latest:%B %Y}"
        if self.earliest and self.earliest.year == self.latest.year:
            return str(self.latest.year)
        if self.earliest is None:
            return f"on or before {self.latest.day} {self.latest:%B %Y}"
        return f"between {self.earliest.day} {self.earliest:%B %Y} and " \
               f"{self.latest.day} {self.latest:%B %Y}"


def three_months_after(day: date) -> date:
    """The same day three months later, or the month's last day if it has no such day
    (31 May -> 31 August; 30 November -> 28 or 29 February)."""
    month = day.month + 3
    year = day.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def in_force_by_rule(deposit: TreatyDate) -> TreatyDate:
    """Entry into force under Covenant art 49 / OP art 9 for a ratification or
    accession: three months after the deposit, and never before 23 March 1976."""
    def one(day: date) -> date:
        return max(ORIGINAL_ENTRY, three_months_after(day))
    assert deposit.earliest is not None
    return TreatyDate(one(deposit.earliest), one(deposit.latest), deposit.precision)


@dataclass(frozen=True)
class Denunciation:
    notified: TreatyDate  # the depositary received the notification
    effective: TreatyDate  # OP art 12(1): three months after receipt
    source: str


@dataclass(frozen=True)
class Participation:
    """One period in which a State was party to a treaty."""

    deposit: TreatyDate
    how: str | None  # ratification, accession, succession, ratification-or-accession; None: unknown
    in_force: TreatyDate | None  # None: not confirmed and not computable (a succession)
    stated: bool  # the source states the entry into force (False: computed by the treaty's rule)
    source: str
    denounced: Denunciation | None = None
    note: str = ""

    def in_force_on(self, day: date) -> bool | None:
        """Whether the treaty bound the State on `day` in this period; None: cannot tell
        from the precision the catalogue has."""
        starts = self.in_force
        if starts is None or (starts.earliest is None and day < starts.latest):
            return None
        if day < (starts.earliest or starts.latest):
            return False
        if self.denounced is not None:
            ends = self.denounced.effective
            if day >= ends.latest:
                return False
            if ends.earliest is not None and day >= ends.earliest:
                return None
        return True if day >= starts.latest else None


@dataclass(frozen=True)
class Declaration:
    """A declaration or reservation on the Optional Protocol, in our own short words."""

    kind: str  # TEMPORAL, EXAMINED, OTHER
    summary: str
    source: str
    terms_read: bool = True  # False: its existence is sourced, its terms were not read


@dataclass(frozen=True)
class StateStatus:
    name: str
    iso: str
    covenant_ratified: date | None  # deposit, confirmed to the day
    protocol_ratified: date | None  # deposit of the current participation, to the day
    protocol_in_force: date | None  # its entry into force, to the day
    source: str
    covenant_in_force: date | None = None
    declarations: tuple[Declaration, ...] = ()
    iso3: str = ""
    names: dict[str, str] = field(default_factory=dict)
    genitive: dict[str, str] = field(default_factory=dict)  # by language: "против Беларуси"
    also: tuple[str, ...] = ()
    covenant: Participation | None = None
    covenant_status: str = PARTY
    protocol: tuple[Participation, ...] = ()
    protocol_status_given: str = ""  # signed, not-party, unknown: when `protocol` is empty
    protocol_status_source: str = ""  # its source
    covenant_status_source: str = ""  # the source of covenant_status when not a party
    status_notes: dict[str, str] = field(default_factory=dict)  # covenant/protocol -> note

    def declaration(self, kind: str) -> Declaration | None:
        return next((d for d in self.declarations if d.kind == kind), None)

    def name_in(self, language: str) -> str:
        return self.names.get(language) or self.name

    def genitive_in(self, language: str) -> str:
        """The name in the genitive ('против Беларуси', 'для Беларуси'), in a language
        whose drafts need it; else the name as it is."""
        return self.genitive.get(language) or self.name_in(language)

    @property
    def current_protocol(self) -> Participation | None:
        return self.protocol[-1] if self.protocol else None

    @property
    def protocol_status(self) -> str:
        current = self.current_protocol
        if current is None:
            return self.protocol_status_given or NOT_PARTY
        return DENOUNCED if current.denounced else PARTY

    @property
    def protocol_sources(self) -> list[str]:
        found = [p.source for p in self.protocol]
        found += [p.denounced.source for p in self.protocol if p.denounced]
        return list(dict.fromkeys(found)) or [self.protocol_status_source]


# --- the catalogue ----------------------------------------------------------------------

@dataclass
class Catalogue:
    """The States by ISO alpha-2 code, each built from its raw entry the first time it is
    asked for (a case names one State: building all 190 would cost more than reading)."""

    raw: dict[str, dict]
    sources: dict[str, str]  # key -> citation
    index: dict[str, str]  # normalised name or code -> ISO alpha-2
    built: dict[str, StateStatus] = field(default_factory=dict)

    def get(self, iso: str) -> StateStatus:
        if iso not in self.built:
            self.built[iso] = _state(iso, decode_dates(self.raw[iso]), self.sources)
        return self.built[iso]

    @property
    def states(self) -> dict[str, StateStatus]:
        return {iso: self.get(iso) for iso in self.raw}


def _date(value, where: str) -> TreatyDate:
    if isinstance(value, date):
        return TreatyDate.on(value)
    if isinstance(value, int) and 1945 < value < 2100:
        return TreatyDate.in_year(value)
    raise CatalogueError(f"{where}: a date (YYYY-MM-DD) or a year, not {value!r}")


def _cite(keys: str, sources: dict[str, str], where: str) -> str:
    parts = [k.strip() for k in str(keys).split(";") if k.strip()]
    missing = [k for k in parts if k not in sources]
    if not parts or missing:
        raise CatalogueError(f"{where}: unknown source {', '.join(missing) or '(none)'}")
    return "; ".join(sources[k] for k in parts)


def _participation(raw: dict, sources: dict[str, str], where: str) -> Participation:
    deposit = _date(raw.get("deposit"), f"{where}: deposit")
    how = raw.get("how")
    source = _cite(raw.get("source", ""), sources, where)
    if raw.get("in_force") is not None:
        in_force, stated = _date(raw["in_force"], f"{where}: in_force"), True
    elif how == "succession":
        # From independence, at the latest on deposit: a span, never a day.
        in_force, stated = TreatyDate(None, deposit.latest, YEAR), False
    elif how is None and deposit.precision == YEAR:
        # A ratification or accession in force three months later; a succession from
        # independence, at the latest on deposit: the latest day is the same bound.
        ruled = in_force_by_rule(deposit)
        in_force, stated = TreatyDate(None, ruled.latest, YEAR), False
    else:
        in_force, stated = in_force_by_rule(deposit), False
    denounced = None
    if raw.get("denounced"):
        d = raw["denounced"]
        notified = _date(d.get("notified"), f"{where}: denounced.notified")
        effective = _date(d["effective"], f"{where}: denounced.effective") \
            if d.get("effective") is not None else TreatyDate(
                three_months_after(notified.earliest), three_months_after(notified.latest),
                notified.precision)
        denounced = Denunciation(notified, effective,
                                 _cite(d.get("source", ""), sources, f"{where}: denounced"))
    return Participation(deposit, how, in_force, stated, source, denounced,
                         str(raw.get("note") or ""))


def _state(iso: str, raw: dict, sources: dict[str, str]) -> StateStatus:
    names = {lang: str(raw["names"][lang]) for lang in LANGUAGES}
    cov_raw = raw["covenant"]
    covenant = None
    cov_status = str(cov_raw.get("status", PARTY))
    cov_source = ""
    if "deposit" in cov_raw:
        covenant = _participation(cov_raw, sources, f"{iso} covenant")
    else:
        cov_source = _cite(cov_raw.get("source", ""), sources, f"{iso} covenant")
    proto_raw = raw.get("protocol")
    periods: tuple[Participation, ...] = ()
    given = given_source = ""
    if isinstance(proto_raw, list):
        periods = tuple(_participation(p, sources, f"{iso} protocol[{i}]")
                        for i, p in enumerate(proto_raw))
    else:
        given = str(proto_raw.get("status", UNKNOWN))
        given_source = _cite(proto_raw.get("source", ""), sources, f"{iso} protocol")
    declarations = tuple(
        Declaration(str(d["kind"]), str(d["summary"]),
                    _cite(d.get("source", ""), sources, f"{iso} declaration"),
                    bool(d.get("terms_read", True)))
        for d in raw.get("declarations") or ())
    for d in declarations:
        if d.kind not in KINDS:
            raise CatalogueError(f"{iso}: declaration kind {d.kind!r} is not one of {KINDS}")
    current = periods[-1] if periods else None
    in_force = current.in_force.day if current and current.in_force else None
    source = "; ".join(dict.fromkeys(
        [p.source for p in periods] + ([covenant.source] if covenant else [])))
    return StateStatus(
        name=names["en"], iso=iso,
        covenant_ratified=covenant.deposit.day if covenant else None,
        protocol_ratified=current.deposit.day if current else None,
        protocol_in_force=in_force, source=source,
        covenant_in_force=covenant.in_force.day if covenant and covenant.in_force else None,
        declarations=declarations, iso3=str(raw.get("iso3", "")), names=names,
        genitive={str(k): str(v) for k, v in (raw.get("genitive") or {}).items() if v},
        also=tuple(str(a) for a in raw.get("also") or ()), covenant=covenant,
        covenant_status=cov_status if covenant is None else PARTY,
        protocol=periods, protocol_status_given=given, protocol_status_source=given_source,
        covenant_status_source=cov_source,
        status_notes={k: str(v["note"]) for k, v in (("covenant", cov_raw),
                                                     ("protocol", proto_raw))
                      if isinstance(v, dict) and "deposit" not in v and v.get("note")})


def parse_catalogue(data: dict, index: dict[str, str] | None = None) -> Catalogue:
    """The catalogue from the YAML's data, with its index of names and codes (made here
    unless given: the snapshot saves it); CatalogueError names what is wrong (an entry's
    dates and sources are checked when it is built: `Catalogue.states` builds them all)."""
    sources = {str(k): str(v) for k, v in (data.get("sources") or {}).items()}
    raw = {str(iso): entry for iso, entry in (data.get("states") or {}).items()}
    return Catalogue(raw, sources, name_index(data) if index is None else index)


@lru_cache(maxsize=1)
def catalogue() -> Catalogue:
    """The catalogue, read once (from its JSON snapshot while current: states_data.py)."""
    return parse_catalogue(*load(DATA))


def all_states() -> list[StateStatus]:
    return sorted(catalogue().states.values(), key=lambda s: s.name)


def state_status(name_or_code: str) -> StateStatus | None:
    """Find a State by ISO code (alpha-2 or alpha-3) or by its name in English, Russian,
    French or Spanish (or a usual other name), ignoring case and accents."""
    found = catalogue()
    iso = found.index.get(normalise(name_or_code or ""))
    return found.get(iso) if iso else None


def suggestions(name_or_code: str, limit: int = 3) -> list[str]:
    """The English names of the States whose names are closest to `name_or_code`."""
    found = catalogue()
    close = difflib.get_close_matches(normalise(name_or_code or ""), list(found.index),
                                      n=limit * 4, cutoff=0.6)
    names = [found.raw[found.index[key]]["names"]["en"] for key in close]
    return list(dict.fromkeys(names))[:limit]
