"""When the Covenant and the First Optional Protocol bind each State.

Only dates confirmed from a public source are listed; each carries that source. Add a
State by adding a StateStatus with its source.

Size: one State so far; the States catalogue (issue 15) replaces it with data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# The kinds of declaration or reservation that bear on a communication.
TEMPORAL = "temporal"  # the Committee's competence only for acts after the OP's entry into force
EXAMINED = "examined"  # art 5(2)(a) extended to a matter that "has been examined" elsewhere


@dataclass(frozen=True)
class Declaration:
    """A declaration or reservation on the Optional Protocol, in our own short words."""

    kind: str  # TEMPORAL, EXAMINED
    summary: str
    source: str


@dataclass(frozen=True)
class StateStatus:
    name: str
    iso: str
    covenant_ratified: date | None
    protocol_ratified: date | None
    protocol_in_force: date | None
    source: str
    covenant_in_force: date | None = None
    declarations: tuple[Declaration, ...] = ()

    def declaration(self, kind: str) -> Declaration | None:
        return next((d for d in self.declarations if d.kind == kind), None)


OPTIONAL_PROTOCOL_STATUS: dict[str, StateStatus] = {s.iso: s for s in [
    StateStatus(
        name="Kazakhstan", iso="KZ",
        covenant_ratified=date(2006, 1, 24),
        protocol_ratified=date(2009, 6, 30),
        protocol_in_force=date(2009, 9, 30),
        source="Human Rights Committee, Views in Ibragimov v Kazakhstan, UN Doc "
               "CCPR/C/131/D/2452/2014, and Narymbaev v Kazakhstan, UN Doc "
               "CCPR/C/130/D/2521/2015 (Optional Protocol in force 30 September 2009)",
        # Three months after the deposit of 24 January 2006 (Covenant art 49(2)).
        covenant_in_force=date(2006, 4, 24),
        declarations=(Declaration(
            TEMPORAL,
            "Kazakhstan recognises the Committee's competence for actions and omissions "
            "of its authorities, and for acts and decisions they adopted, after the "
            "Optional Protocol entered into force for it",
            "Law of the Republic of Kazakhstan No 130-IV of 11 February 2009 on the "
            "ratification of the Optional Protocol (declaration); depositary notice "
            "reproduced in BGBl III No 51/2017 (deposit 30 June 2009)"),),
    ),
]}


def state_status(name_or_code: str) -> StateStatus | None:
    """Find a State by ISO code or English name, ignoring case."""
    wanted = name_or_code.strip().casefold()
    for status in OPTIONAL_PROTOCOL_STATUS.values():
        if wanted in (status.iso.casefold(), status.name.casefold()):
            return status
    return None
