"""Which cases appear in which theme of a briefing, and in what order.

A theme covers Covenant provisions ('19' covers 19(1), 19(2) and 19(3); '14(3)' covers
14(3)(a) to (g)). With `cases: provisions` (the default) a theme shows every case that
has a claim under one of them; `cases: all` shows every case; a list of ids shows those
cases in that order. Selectors never pick a case whose file is marked confidential: a
briefing is public, and such a case's facts are not (the check says which were left out);
nor one written in another language than the paper (a translation of a case, such as
claims/zheksebaev-ru.yaml, would otherwise appear twice).

Size: which cases each theme shows, apart from how they are told."""

from __future__ import annotations

from dataclasses import dataclass, field

from toolkit.covenant import Provision, parse_provision
from toolkit.kinds.briefing.model import BriefingFile, Theme
from toolkit.model.case import CaseFile, Claim, Person


def covers(theme: Provision, claim: Provision) -> bool:
    """Whether a theme's provision includes a claim's: 19 includes 19(2); 14(3) 14(3)(b)."""
    if theme.article != claim.article:
        return False
    return all(wide is None or wide == narrow for wide, narrow in (
        (theme.paragraph, claim.paragraph), (theme.subparagraph, claim.subparagraph),
        (theme.item, claim.item)))


def theme_claims(case: CaseFile, provisions: list[str]) -> list[Claim]:
    """The case's claims under any of `provisions`, in treaty order."""
    wanted = [parse_provision(p) for p in provisions]
    found = [c for c in case.claims
             if any(covers(w, parse_provision(c.provision)) for w in wanted)]
    return sorted(found, key=lambda c: parse_provision(c.provision).sort_key)


def victims(case: CaseFile) -> list[Person]:
    """The alleged victims, or the first person when no one has that role."""
    found = [p for p in case.people if "alleged-victim" in p.roles]
    return found or case.people[:1]


def sort_key(case: CaseFile) -> tuple:
    """Cases by their first victim's surname (the last word of the name), then name."""
    name = victims(case)[0].name if case.people else case.case.title
    return (name.split()[-1].casefold() if name.split() else "", name.casefold(),
            case.case.id)


@dataclass
class ThemeSelection:
    theme: Theme
    cases: list[CaseFile] = field(default_factory=list)
    left_out: list[CaseFile] = field(default_factory=list)  # confidential, not selected
    unknown: list[str] = field(default_factory=list)  # listed ids no case file has
    other_language: list[CaseFile] = field(default_factory=list)  # not selected


def select(theme: Theme, cases: list[CaseFile], language: str = "en") -> ThemeSelection:
    by_id = {c.case.id: c for c in cases}
    selection = ThemeSelection(theme)
    if isinstance(theme.cases, list):
        seen: set[str] = set()
        for ident in theme.cases:
            if ident in seen:
                continue
            seen.add(ident)
            if ident in by_id:
                selection.cases.append(by_id[ident])
            else:
                selection.unknown.append(ident)
        return selection
    if theme.cases == "all":
        candidates = list(cases)
    else:
        candidates = [c for c in cases if theme.provisions and theme_claims(c, theme.provisions)]
    for case in sorted(candidates, key=sort_key):
        if case.case.language != language:
            selection.other_language.append(case)
        elif case.case.confidentiality == "confidential":
            selection.left_out.append(case)
        else:
            selection.cases.append(case)
    return selection


def select_all(briefing: BriefingFile, cases: list[CaseFile]) -> list[ThemeSelection]:
    return [select(theme, cases, briefing.briefing.language) for theme in briefing.themes]


def cases_in(selections: list[ThemeSelection]) -> list[CaseFile]:
    """Every case that appears in some theme, once, by surname."""
    unique = {c.case.id: c for s in selections for c in s.cases}
    return sorted(unique.values(), key=sort_key)
