"""Other international procedures (OP art 5(2)(a)), by kind.

Treaty bodies' complaint procedures and the regional systems are procedures of
international investigation or settlement: the same matter may not be examined by the
Committee while one examines it, nor, where the State made a reservation to that effect,
once one has examined it; a concluded one after exhaustion starts rule 99(c)'s
three-year clause. The Human Rights Council's mechanisms (special procedures such as the
Working Group on Arbitrary Detention, and its complaint procedure) are not, in the
Committee's practice: they neither bar a communication nor start a clock, and an opinion
of theirs is supporting evidence.

"The same matter" is the same author, the same facts and the same rights: a procedure
that lists its facts or provisions is the same matter only for the claims sharing them.

Size: the registry of procedure kinds and the same-matter rule; the rule that reports on
them is in admissibility.py."""

from __future__ import annotations

import re
from dataclasses import dataclass

from toolkit.covenant import parse_provision
from toolkit.model.case import CaseFile, Claim, InternationalProcedure


@dataclass(frozen=True)
class ProcedureKind:
    name: str
    investigation_or_settlement: bool  # within OP art 5(2)(a)
    description: str
    source: str  # a key of legal_sources.SOURCES


KINDS: dict[str, ProcedureKind] = {k.name: k for k in [
    ProcedureKind("treaty-body", True, "a treaty body's complaint procedure", "op-5-2-a"),
    ProcedureKind("regional", True, "a regional human rights court or commission",
                  "op-5-2-a"),
    ProcedureKind("special-procedure", False, "a special procedure of the Human Rights "
                  "Council", "charter-mechanisms"),
    ProcedureKind("council-complaint", False, "the Human Rights Council's complaint "
                  "procedure", "charter-mechanisms"),
    ProcedureKind("other", True, "another international procedure", "op-5-2-a"),
]}

# Bodies recognised by name when `kind` is not given (matched case-insensitively), in
# the secretariat's four working languages.
KNOWN_BODIES: list[tuple[str, str]] = [
    (r"working group on arbitrary detention|\bwgad\b|рабочая группа по произвольным"
     r"|groupe de travail sur la détention arbitraire"
     r"|grupo de trabajo sobre la detención arbitraria", "special-procedure"),
    (r"working group on enforced or involuntary disappearances|\bwgeid\b"
     r"|рабочая группа по насильственным|groupe de travail sur les disparitions"
     r"|grupo de trabajo sobre las desapariciones", "special-procedure"),
    (r"special rapporteur|independent expert|специальный докладчик|rapporteur spécial"
     r"|relator especial", "special-procedure"),
    (r"human rights council complaint|1503 procedure", "council-complaint"),
    (r"european court of human rights|\bechr\b|\becthr\b|европейский суд по правам"
     r"|cour européenne des droits|tribunal europeo de derechos", "regional"),
    (r"inter-american (commission|court)|african (commission|court) on human"
     r"|interamericana|interaméricaine|africaine des droits|africana de derechos",
     "regional"),
    (r"committee against torture|committee on the elimination|committee on the rights"
     r"|committee on enforced disappearances|committee on economic, social"
     r"|committee on migrant workers|\bcat\b|\bcedaw\b|\bcerd\b|\bcrpd\b|\bcrc\b"
     r"|комитет против пыток|комитет по ликвидации|комитет по правам"
     r"|comité contre la torture|comité contra la tortura", "treaty-body"),
]


THIS_COMMITTEE = re.compile(r"^\s*(the\s+)?(un\s+|united nations\s+)?human rights committee\s*$"
                            r"|^\s*комитет по правам человека|^\s*comité des droits de "
                            r"l'homme|^\s*comité de derechos humanos", re.IGNORECASE)


def is_this_committee(procedure: InternationalProcedure) -> bool:
    """The Human Rights Committee itself, listed as if it were another procedure."""
    return bool(THIS_COMMITTEE.search(procedure.body))


def kind_of(procedure: InternationalProcedure) -> ProcedureKind | None:
    """The procedure's kind: as given, or from its body's name; None if unknown."""
    if procedure.kind:
        return KINDS[procedure.kind]
    for pattern, name in KNOWN_BODIES:
        if re.search(pattern, procedure.body, re.IGNORECASE):
            return KINDS[name]
    return None


def _articles(provisions) -> set[int]:
    return {parse_provision(p).article for p in provisions}


def same_matter(procedure: InternationalProcedure, case: CaseFile, claim: Claim) -> bool:
    """Whether `procedure` concerns the same matter as `claim`: the explicit answer, or
    the same author, overlapping facts and the same right — each only where given."""
    if procedure.same_matter is not None:
        return procedure.same_matter
    people = {p.id for p in case.people if {"author", "alleged-victim"} & set(p.roles)}
    if procedure.authors and not people & set(procedure.authors):
        return False
    if procedure.facts and not set(procedure.facts) & set(claim.facts):
        return False
    claimed = _articles([claim.provision, *claim.read_with])
    return not (procedure.provisions and not _articles(procedure.provisions) & claimed)


def claims_concerned(procedure: InternationalProcedure, case: CaseFile) -> list[Claim]:
    return [claim for claim in case.claims if same_matter(procedure, case, claim)]
