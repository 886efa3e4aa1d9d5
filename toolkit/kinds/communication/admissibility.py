"""Admissibility of a communication under the First Optional Protocol, checked from the
case file: run by `covenant check --kind communication` and by every communication
build (errors stop the build; warnings are printed), and summarised in the draft.

Sources: Optional Protocol arts 1, 2, 3, 5(2)(a) and (b); rules of procedure of the
Human Rights Committee, rule 99(c) (rule 96(c) before 2019): a submission five years
after the exhaustion of domestic remedies, or three years after the end of another
international procedure, may be an abuse of the right of submission unless the delay is
justified. See ../shared/DOMAIN.md §1."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from toolkit.covenant import StateStatus, state_status
from toolkit.model.case import CaseFile
from toolkit.model.citation_syntax import find_citations
from toolkit.model.dates import FuzzyDate, format_date, parse_date
from toolkit.model.errors import Report
from toolkit.readers.claims import LoadedCase

WORKING_LANGUAGES = {"en": "English", "fr": "French", "ru": "Russian", "es": "Spanish"}
DOMESTIC_YEARS = 5
INTERNATIONAL_YEARS = 3
WARNING_MONTHS = 6


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


@dataclass
class Decision:
    """The last domestic decision: what, by whom, when, and where it is in the file."""

    label: str
    court: str
    when: FuzzyDate | None
    outcome: str
    path: tuple


@dataclass
class Admissibility:
    """What the checks found, for the draft's admissibility section."""

    state: StateStatus | None = None
    filing_date: date | None = None
    final_decision: Decision | None = None
    deadline: date | None = None
    deadline_basis: str = ""  # for messages
    deadline_from: str = ""  # "domestic" | "international"
    deadline_body: str = ""  # the other procedure, where the limit runs from it
    pending_appeals: list[str] = field(default_factory=list)
    early_facts: list[str] = field(default_factory=list)


@dataclass
class AdmissibilityContext:
    loaded: LoadedCase
    report: Report
    today: date
    result: Admissibility = field(default_factory=Admissibility)

    @property
    def case(self) -> CaseFile:
        return self.loaded.case

    def error(self, path: tuple, message: str, code: str) -> None:
        mark = self.loaded.mark(path)
        self.report.error(self.loaded.shown, mark.line, mark.column, message, code)

    def warning(self, path: tuple, message: str, code: str) -> None:
        mark = self.loaded.mark(path)
        self.report.warning(self.loaded.shown, mark.line, mark.column, message, code)


Rule = Callable[[AdmissibilityContext], None]
RULES: list[Rule] = []


def rule(func: Rule) -> Rule:
    RULES.append(func)
    return func


@rule
def state_is_party(ctx: AdmissibilityContext) -> None:
    status = state_status(ctx.case.case.state)
    ctx.result.state = status
    if status is None or status.protocol_in_force is None:
        ctx.error(("case", "state"), f"{ctx.case.case.state} is not recorded as a party to "
                  "the Optional Protocol, and a communication against a non-party is "
                  "inadmissible (OP art 1); if it is a party, add it with its source to "
                  "toolkit/covenant/states.py", "admissibility-state")
        return
    filing = ctx.result.filing_date
    if filing and filing < status.protocol_in_force:
        in_force = format_date(_day(status.protocol_in_force))
        ctx.error(("filing", "date"), f"the filing date precedes the Optional Protocol's "
                  f"entry into force for {status.name} ({in_force})", "admissibility-state")


@rule
def facts_after_entry_into_force(ctx: AdmissibilityContext) -> None:
    status = ctx.result.state
    if status is None or status.protocol_in_force is None:
        return
    used = {f for claim in ctx.case.claims for f in claim.facts}
    for index, fact in enumerate(ctx.case.facts):
        when = parse_date(fact.date)
        if fact.id not in used or when.end >= status.protocol_in_force:
            continue
        ctx.result.early_facts.append(fact.id)  # continuing or not: the draft says so
        if not fact.continuing:
            ctx.warning(("facts", index, "date"), f"fact '{fact.id}' ({format_date(when)}) "
                        "predates the Optional Protocol's entry into force for "
                        f"{status.name} ({format_date(_day(status.protocol_in_force))}); "
                        "the Committee examines it only if the violation continued after "
                        "that date: set 'continuing: true' and say why, or rely on later facts",
                        "admissibility-ratione-temporis")


def final_decision(case: CaseFile) -> Decision | None:
    """The latest dated domestic decision: a judgment or a decided appeal."""
    decisions: list[Decision] = []
    for p_index, proceeding in enumerate(case.proceedings):
        if proceeding.judgment:
            decisions.append(Decision("judgment", proceeding.judgment.court or proceeding.court,
                                      parse_date(proceeding.judgment.date),
                                      proceeding.judgment.outcome,
                                      ("proceedings", p_index, "judgment", "date")))
        for a_index, appeal in enumerate(proceeding.appeals):
            if appeal.status in ("decided", "refused"):
                decisions.append(Decision(
                    appeal.kind, appeal.court,
                    parse_date(appeal.decided) if appeal.decided else None,
                    appeal.outcome or appeal.status,
                    ("proceedings", p_index, "appeals", a_index, "decided")))
    if not decisions:
        return None
    undated = [d for d in decisions if d.when is None]
    if undated:
        return undated[-1]
    return max(decisions, key=lambda d: (d.when.end, d.when.start))


@rule
def domestic_remedies(ctx: AdmissibilityContext) -> None:
    case = ctx.case
    remedies = case.domestic_remedies
    argued = bool(remedies and not remedies.exhausted and remedies.explanation)
    if remedies is None:
        ctx.error((), "say whether domestic remedies were exhausted: add 'domestic_remedies:' "
                  "with 'exhausted' and, if not, an explanation (OP arts 2 and 5(2)(b))",
                  "admissibility-remedies")
    elif not remedies.exhausted and not remedies.explanation:
        ctx.error(("domestic_remedies", "exhausted"), "remedies are not exhausted: explain "
                  "why they are unavailable, ineffective or unreasonably prolonged "
                  "(OP art 5(2)(b)) in 'domestic_remedies.explanation'",
                  "admissibility-remedies")
    for p_index, proceeding in enumerate(case.proceedings):
        for a_index, appeal in enumerate(proceeding.appeals):
            if appeal.status != "pending":
                continue
            ctx.result.pending_appeals.append(f"{appeal.kind} to {appeal.court}")
            path = ("proceedings", p_index, "appeals", a_index, "status")
            if argued:
                ctx.warning(path, f"the {appeal.kind} to {appeal.court} is still pending; the "
                            "communication relies on the argument that remedies are "
                            "ineffective", "admissibility-pending")
            else:
                ctx.error(path, f"the {appeal.kind} to {appeal.court} is still pending: wait "
                          "for the decision, or set 'domestic_remedies.exhausted: false' and "
                          "explain why remedies are ineffective", "admissibility-pending")
    decision = final_decision(case)
    ctx.result.final_decision = decision
    if decision is None:
        if not argued:
            ctx.error(("proceedings",), "no domestic decision is recorded: name the last "
                      "decision (a judgment or an appeal decision) with its court and date",
                      "admissibility-final-decision")
    elif decision.when is None:
        ctx.error(decision.path[:-1], f"the last decision ({decision.label}, {decision.court}) "
                  "has no date: add 'decided:'", "admissibility-final-decision")


@rule
def time_limit(ctx: AdmissibilityContext) -> None:
    result, case = ctx.result, ctx.case
    filing = result.filing_date or ctx.today
    basis, deadline = "", None
    concluded = [(i, p) for i, p in enumerate(case.international_procedures)
                 if p.status == "concluded" and p.concluded and p.same_matter]
    if concluded:
        index, procedure = max(concluded, key=lambda ip: parse_date(ip[1].concluded).start)
        when = parse_date(procedure.concluded)
        deadline = add_years(when.start, INTERNATIONAL_YEARS)
        result.deadline_from, result.deadline_body = "international", procedure.body
        basis = f"three years after {procedure.body} concluded its examination on " \
                f"{format_date(when)}"
        path = ("international_procedures", index, "concluded")
    elif result.final_decision and result.final_decision.when:
        when = result.final_decision.when
        # The earliest date the decision can bear: a deadline that cannot be missed.
        deadline = add_years(when.start, DOMESTIC_YEARS)
        result.deadline_from = "domestic"
        basis = f"five years after the last domestic decision, dated {format_date(when)}"
        path = result.final_decision.path
    if deadline is None:
        return
    result.deadline, result.deadline_basis = deadline, basis
    justified = bool(case.filing and case.filing.delay_justification)
    if filing > deadline:
        message = (f"submission on {format_date(_day(filing))} is after "
                   f"{format_date(_day(deadline))}, {basis}: the Committee may treat it as an "
                   "abuse of the right of submission (rule 99(c))")
        if justified:
            ctx.warning(("filing", "delay_justification"), message + "; the justification "
                        "given will be printed", "admissibility-time-limit")
        else:
            ctx.error(path, message + "; add 'filing.delay_justification'",
                      "admissibility-time-limit")
    elif filing > add_months(deadline, -WARNING_MONTHS):
        ctx.warning(path, f"file by {format_date(_day(deadline))}, {basis}: fewer than six "
                    "months remain", "admissibility-time-limit")


@rule
def other_procedures(ctx: AdmissibilityContext) -> None:
    for index, procedure in enumerate(ctx.case.international_procedures):
        if procedure.same_matter and procedure.status == "pending":
            ctx.error(("international_procedures", index, "status"), f"the same matter is "
                      f"pending before {procedure.body}; the Committee cannot consider it "
                      "while it is (OP art 5(2)(a))", "admissibility-other-procedure")


@rule
def author_named_and_authorised(ctx: AdmissibilityContext) -> None:
    case = ctx.case
    authors = [(i, p) for i, p in enumerate(case.people) if "author" in p.roles]
    if not authors or not any(p.name.strip() for _, p in authors):
        ctx.error(("people",), "no named author: anonymous communications are inadmissible "
                  "(OP art 3); name the author, and set 'anonymity_requested: true' to ask "
                  "the Committee not to disclose the name", "admissibility-author")
        return
    victims = {p.id for p in case.people if "alleged-victim" in p.roles}
    if not victims:
        ctx.error(("people",), "no alleged victim: give the person whose rights were violated "
                  "the role 'alleged-victim' (OP art 1)", "admissibility-victim")
        return
    if all(p.id in victims for _, p in authors):
        return  # the victim submits for themself
    rep = case.representation
    if rep is None:
        index = authors[0][0]
        ctx.error(("people", index, "roles"), "the author acts for someone else: add "
                  "'representation:' with the signed authorization (and its annex), or the "
                  "reason there is none", "admissibility-authorization")
    elif rep.authorization == "none" and not rep.reason:
        ctx.error(("representation", "authorization"), "without an authorization, explain "
                  "the relationship to the victim and why acting for them is appropriate "
                  "('representation.reason')", "admissibility-authorization")
    elif rep.authorization == "signed" and rep.annex is None:
        ctx.warning(("representation", "annex"), "annex the signed authorization and give "
                    "its number in 'representation.annex'", "admissibility-authorization")


@rule
def claims_facts_sources_language(ctx: AdmissibilityContext) -> None:
    case = ctx.case
    if not case.claims:
        ctx.error((), "a communication needs at least one claim (a provision of the "
                  "Covenant and the facts that engage it)", "admissibility-claims")
    used = {f for claim in case.claims for f in claim.facts}
    for index, fact in enumerate(case.facts):
        if fact.id in used and not fact.sources and not find_citations(fact.text):
            ctx.error(("facts", index, "id"), f"fact '{fact.id}' supports a claim but cites "
                      "no source; the Committee needs evidence for every fact",
                      "admissibility-sources")
    if case.case.language not in WORKING_LANGUAGES:
        ctx.error(("case", "language"), f"language '{case.case.language}' is not a working "
                  "language of the Committee's secretariat: write in "
                  f"{', '.join(WORKING_LANGUAGES.values())}", "admissibility-language")


def _day(day: date) -> FuzzyDate:
    return FuzzyDate(day, day, "day")


def check_admissibility(loaded: LoadedCase, report: Report, today: date) -> Admissibility:
    """Run every rule on a case that passed the schema; return what the draft states."""
    ctx = AdmissibilityContext(loaded, report, today)
    if loaded.case is None:
        return ctx.result
    filing = loaded.case.filing
    ctx.result.filing_date = parse_date(filing.date).start if filing and filing.date else today
    for check in RULES:
        check(ctx)
    return ctx.result


def admissibility_rule(loaded: LoadedCase, report: Report, today: date,
                       templates: Path) -> None:
    """The kind's rule as its registry entry calls it (`check --kind communication` and
    every communication build): the findings' errors and warnings go to `report`."""
    check_admissibility(loaded, report, today)
