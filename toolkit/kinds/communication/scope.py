"""What the Committee may examine: ratione temporis (facts after the Optional Protocol
entered into force for the State, as its declarations shape it) and ratione materiae
(claims under rights the Covenant gives individuals).

Ratione temporis: a fact that ended before the entry into force is outside the
Committee's competence unless the violation continued after it, which the file must say
(`continuing: true`) and argue (`continuing_why`); otherwise it is context only, and a
claim that rests on nothing later is inadmissible. Where the State declared that the
Committee is competent only for acts and decisions after the entry into force
(Kazakhstan), that is said in the draft.

Ratione materiae: article 1 is a right of peoples and cannot be invoked under the
Optional Protocol; article 2 gives rise to a claim only with a substantive right of Part
III (articles 6 to 27); articles 28 to 53 confer no rights; an article 26 claim states a
comparator (who was treated differently).

Size: the two tests of competence; their diagnostics are in admissibility.py."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from toolkit.covenant import parse_provision
from toolkit.model.case import CaseFile, Claim, Fact
from toolkit.model.dates import parse_date

SUBSTANTIVE = range(6, 28)  # Part III
NO_INDIVIDUAL_RIGHTS = range(28, 54)  # Parts IV to VI


@dataclass
class EarlyFact:
    """A fact relied on that ended before the Optional Protocol bound the State."""

    id: str
    index: int
    date: str
    continuing: bool
    why: str | None


def early_facts(case: CaseFile, in_force: date) -> list[EarlyFact]:
    used = {f for claim in case.claims for f in claim.facts}
    found = []
    for index, fact in enumerate(case.facts):
        if fact.id in used and parse_date(fact.date).end < in_force:
            found.append(EarlyFact(fact.id, index, fact.date, fact.continuing,
                                   fact.continuing_why))
    return found


def within_time(fact: Fact, in_force: date) -> bool:
    """Whether the Committee may examine the fact: it ends on or after the entry into
    force, or it is marked continuing and argued."""
    return parse_date(fact.date).end >= in_force or (fact.continuing
                                                     and bool(fact.continuing_why))


def claims_outside_time(case: CaseFile, in_force: date) -> list[tuple[int, Claim]]:
    """Claims every fact of which is outside the Committee's competence ratione temporis."""
    facts = {f.id: f for f in case.facts}
    return [(i, claim) for i, claim in enumerate(case.claims)
            if claim.facts and all(f in facts and not within_time(facts[f], in_force)
                                   for f in claim.facts)]


@dataclass(frozen=True)
class MateriaeProblem:
    code: str  # "article-1", "article-2-alone", "no-individual-right", "no-comparator"
    severity: str  # "error" or "warning"
    source: str  # a key of legal_sources.SOURCES


def materiae_problem(claim: Claim) -> MateriaeProblem | None:
    article = parse_provision(claim.provision).article
    together = {parse_provision(p).article for p in claim.read_with}
    if article == 1:
        return MateriaeProblem("article-1", "error", "art-1")
    if article in NO_INDIVIDUAL_RIGHTS:
        return MateriaeProblem("no-individual-right", "error", "parts-iv-vi")
    if article == 2 and not together & set(SUBSTANTIVE):
        return MateriaeProblem("article-2-alone", "error", "art-2-alone")
    if 26 in {article, *together} and not claim.comparator:
        return MateriaeProblem("no-comparator", "warning", "art-26-comparator")
    return None
