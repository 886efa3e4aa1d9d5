"""Exhaustion of domestic remedies, proceeding by proceeding (OP arts 2 and 5(2)(b)).

A claim rests on the proceedings it was raised in (`claim.proceedings`, or those whose
charges rest on its facts, or the only one). For each, the last domestic decision is the
decision on the last *ordinary* remedy pursued — the judgment, then appeal and cassation
decisions. Extraordinary remedies (supervisory review, a prosecutor's protest) are
recorded and described, never required and never the start of the clock (Gelazauskas v
Lithuania, 836/1998, para 7.2). An ordinary remedy still pending means the proceeding is
not exhausted, and no time limit runs from an earlier decision; one whose fate is
unknown leaves exhaustion to be confirmed."""

from __future__ import annotations

from dataclasses import dataclass, field

from toolkit.covenant import parse_provision
from toolkit.model.case import Appeal, CaseFile, Claim, Proceeding
from toolkit.model.dates import FuzzyDate, parse_date

# Remedy kind -> ordinary (must be exhausted) or not; `Appeal.ordinary` overrides it for
# a legal system where a kind works otherwise. Source: SOURCES["extraordinary-remedies"].
ORDINARY: dict[str, bool] = {
    "appeal": True,
    "cassation": True,
    "other": True,  # unknown kinds are treated as required: the safe reading
    "supervisory-review": False,
    "prosecutor-protest": False,
    "constitutional": False,
}

EXHAUSTED, PENDING, UNKNOWN, NONE = "exhausted", "pending", "unknown", "none"


def is_ordinary(remedy: Appeal) -> bool:
    return remedy.ordinary if remedy.ordinary is not None else ORDINARY[remedy.kind]


@dataclass
class Decision:
    """A domestic decision: what, by whom, when, and where it is in the file."""

    label: str  # "judgment" or the remedy's kind
    court: str | None  # None: the file does not say which court decided
    when: FuzzyDate | None
    outcome: str
    path: tuple


@dataclass
class Remedy:
    """A remedy as the draft describes it."""

    kind: str
    court: str
    status: str
    when: FuzzyDate | None
    path: tuple


@dataclass
class ProceedingExhaustion:
    """Where one proceeding stands."""

    id: str
    kind: str
    index: int
    status: str  # EXHAUSTED, PENDING, UNKNOWN, NONE
    last_decision: Decision | None = None
    pending: list[Remedy] = field(default_factory=list)  # ordinary, still pending
    unknown: list[Remedy] = field(default_factory=list)  # ordinary, fate unknown
    withdrawn: list[Remedy] = field(default_factory=list)  # ordinary, withdrawn
    extraordinary: list[Remedy] = field(default_factory=list)  # recorded, not required
    claims: list[str] = field(default_factory=list)  # labels of the claims resting on it
    provisions: list = field(default_factory=list)  # their provisions (covenant.Provision)
    court: str | None = None  # the proceeding's court as the file names it
    # every claim resting on it names it in its own `proceedings` (the file then says the
    # claims were raised there); False: inferred from the charges' facts
    raised: bool = True

    @property
    def shown(self) -> str:
        """How the draft names the proceeding beside its kind: its court; the file's id
        only where the file names no court (an id is a label of ours, not a filing's)."""
        return self.court or self.id


def _remedy(proceeding_index: int, index: int, appeal: Appeal) -> Remedy:
    when = appeal.decided or appeal.filed
    return Remedy(appeal.kind, appeal.court, appeal.status,
                  parse_date(when) if when else None,
                  ("proceedings", proceeding_index, "appeals", index))


def court_unknown(name: str | None) -> bool:
    """`decided_by: unknown` or `judgment.court: unknown`: the file does not say which
    court decided (the draft prints a placeholder, never a court it does not know)."""
    return (name or "").strip().casefold() == "unknown"


def _decision_court(appeal: Appeal) -> str | None:
    if appeal.decided_by is None:
        return appeal.court
    return None if court_unknown(appeal.decided_by) else appeal.decided_by


def proceeding_exhaustion(index: int, proceeding: Proceeding) -> ProceedingExhaustion:
    result = ProceedingExhaustion(proceeding.id, proceeding.kind, index, NONE,
                                  court=proceeding.court or None)
    decisions: list[Decision] = []
    if proceeding.judgment:
        judgment = proceeding.judgment
        court = None if court_unknown(judgment.court) else judgment.court or proceeding.court
        decisions.append(Decision("judgment", court,
                                  parse_date(judgment.date), judgment.outcome,
                                  ("proceedings", index, "judgment", "date")))
    for a_index, appeal in enumerate(proceeding.appeals):
        remedy = _remedy(index, a_index, appeal)
        if not is_ordinary(appeal):
            result.extraordinary.append(remedy)
        elif appeal.status == "pending":
            result.pending.append(remedy)
        elif appeal.status == "unknown":
            result.unknown.append(remedy)
        elif appeal.status == "withdrawn":
            result.withdrawn.append(remedy)
        elif appeal.status in ("decided", "refused"):
            decisions.append(Decision(
                appeal.kind, _decision_court(appeal),
                parse_date(appeal.decided) if appeal.decided else None,
                appeal.outcome or appeal.status,
                ("proceedings", index, "appeals", a_index, "decided")))
    # A remedy's decision comes after the judgment it is brought against, whatever a
    # range-dated judgment says; among remedies, the latest dated one (or, if one has no
    # date, the last listed: the file lists them in the order pursued).
    remedies_decided = decisions[1:] if proceeding.judgment else decisions
    if remedies_decided:
        undated = any(d.when is None for d in remedies_decided)
        result.last_decision = remedies_decided[-1] if undated else \
            max(remedies_decided, key=lambda d: (d.when.end, d.when.start))
    elif decisions:
        result.last_decision = decisions[0]
    result.status = PENDING if result.pending else UNKNOWN if result.unknown else \
        EXHAUSTED if result.last_decision else NONE
    return result


def claim_label(claim: Claim) -> str:
    return f"article {claim.provision}"


def claim_proceedings(case: CaseFile, claim: Claim) -> tuple[list[str], bool]:
    """The ids of the proceedings `claim` rests on, and whether that was inferred with
    confidence (False: several proceedings and nothing links the claim to one)."""
    if claim.proceedings:
        return list(claim.proceedings), True
    facts = set(claim.facts)
    linked = [p.id for p in case.proceedings
              if any(facts & set(charge.facts) for charge in p.charges)]
    if linked:
        return linked, True
    if len(case.proceedings) == 1:
        return [case.proceedings[0].id], True
    return [p.id for p in case.proceedings], not case.proceedings


def exhaustion_by_proceeding(case: CaseFile) -> list[ProceedingExhaustion]:
    """Every proceeding a claim rests on, in the file's order, with its claims."""
    found = {p.id: proceeding_exhaustion(i, p) for i, p in enumerate(case.proceedings)}
    used: dict[str, ProceedingExhaustion] = {}
    for claim in case.claims:
        for ident in claim_proceedings(case, claim)[0]:
            if ident in found:
                found[ident].claims.append(claim_label(claim))
                found[ident].provisions.append(parse_provision(claim.provision))
                found[ident].raised = found[ident].raised and ident in claim.proceedings
                used[ident] = found[ident]
    return [p for p in found.values() if p.id in used]
