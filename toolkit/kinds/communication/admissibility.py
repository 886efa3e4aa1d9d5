"""Admissibility of a communication under the First Optional Protocol, checked from the
case file: run by `covenant check --kind communication` and by every communication
build (errors stop the build; warnings are printed), and summarised in the draft.

Each rule is a function registered with `@rule`; each message names its source (see
legal_sources.py and the table in docs/communication.md). The pieces: remedies.py
(exhaustion per proceeding), time_limits.py (rule 99(c)), procedures.py (OP art
5(2)(a)), scope.py (ratione temporis and materiae). `Admissibility` is what the checks
found, for the draft's wording: it never states what the file does not show.

Size: every rule in one place, in the order they run (the State party from the States
catalogue, ratione temporis and materiae, remedies, other procedures, the time limit,
the author, the claims); what each rule computes is in the modules beside it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from toolkit.covenant import StateStatus, state_status
from toolkit.covenant.states import DAY, EXAMINED, OTHER, SIGNED, TEMPORAL, Declaration
from toolkit.kinds.communication import procedures, remedies, scope, time_limits
from toolkit.kinds.communication.legal_sources import cite
from toolkit.model.case import CaseFile
from toolkit.model.citation_syntax import find_citations
from toolkit.model.dates import FuzzyDate, format_date, parse_date
from toolkit.model.errors import Report
from toolkit.readers.claims import LoadedCase

WORKING_LANGUAGES = {"en": "English", "fr": "French", "ru": "Russian", "es": "Spanish"}


@dataclass
class ProcedureFinding:
    """One other international procedure, and why it is or is not a bar."""

    index: int
    body: str
    kind: procedures.ProcedureKind | None
    status: str
    claims: list[str]  # labels of the claims it concerns (the same matter)
    bars: bool = False
    reason: str = ""  # "charter", "pending", "examined", "concluded", "withdrawn",
    # "different-matter", "not-submitted"


@dataclass
class Admissibility:
    """What the checks found, for the draft's admissibility section."""

    state: StateStatus | None = None
    filing_date: date | None = None
    temporal_declaration: Declaration | None = None
    exhausted: str = "unknown"  # "yes", "no", "unknown": as domestic_remedies says
    proceedings: list[remedies.ProceedingExhaustion] = field(default_factory=list)
    deadlines: dict[str, time_limits.Deadline] = field(default_factory=dict)  # by proceeding
    procedures: list[ProcedureFinding] = field(default_factory=list)
    early_facts: list[scope.EarlyFact] = field(default_factory=list)

    @property
    def several_proceedings(self) -> bool:
        return len(self.proceedings) > 1


@dataclass
class AdmissibilityContext:
    loaded: LoadedCase
    report: Report
    today: date
    result: Admissibility = field(default_factory=Admissibility)

    @property
    def case(self) -> CaseFile:
        return self.loaded.case

    @property
    def filing(self) -> date:
        return self.result.filing_date or self.today

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


def _day(day: date) -> str:
    return format_date(FuzzyDate(day, day, "day"))


@rule
def state_is_party(ctx: AdmissibilityContext) -> None:
    """OP art 1: a party to the Covenant and to the Protocol, the Protocol in force on the
    filing date (art 9(2)) and not denounced before it (art 12(2)); what the catalogue
    (toolkit/covenant/data/states.yaml) confirms only to the year is a warning."""
    named = ctx.case.case.state
    status = state_status(named)
    ctx.result.state = status
    where = ("case", "state")
    if status is None:
        return  # a name the catalogue does not know: toolkit/checks/state.py reports it
    if status.covenant is None:
        ctx.error(where, f"{status.name} is not a party to the Covenant "
                  f"({status.covenant_status}; {status.source or _catalogue_source(status)}), "
                  "and the Committee receives communications only against a State party to "
                  f"both the Covenant and the Optional Protocol ({cite('op-1')})",
                  "admissibility-state")
        return
    current = status.current_protocol
    if current is None:
        how = "has signed but not ratified" if status.protocol_status == SIGNED else \
            "is not a party to"
        ctx.error(where, f"{status.name} {how} the Optional Protocol "
                  f"({_catalogue_source(status)}): the Committee receives no communication "
                  f"concerning a State party to the Covenant that is not a party to the "
                  f"Protocol ({cite('op-1')})", "admissibility-state")
        return
    ctx.result.temporal_declaration = status.declaration(TEMPORAL)
    in_force = current.in_force
    if in_force is None or in_force.precision != DAY:
        known = f"the day {status.name}'s succession to the Optional Protocol took " \
            "effect is not confirmed" if current.how == "succession" else \
            f"only the year of {status.name}'s accession to the Optional Protocol is confirmed"
        ctx.warning(where, f"{known} (deposit {current.deposit}; {current.source}): "
                    f"it entered into force {in_force or 'on a day not confirmed'} "
                    f"({cite('op-9-2')}); confirm the day in the UN Treaty Collection "
                    "(chapter IV.5) and add it to toolkit/covenant/data/states.yaml — the "
                    "draft prints '[to be confirmed: day]'", "admissibility-state-date")
    elif ctx.filing < in_force.latest:
        ctx.error(("filing", "date"), "the filing date precedes the Optional Protocol's "
                  f"entry into force for {status.name} ({_day(in_force.latest)}; "
                  f"{cite('op-9-2')})", "admissibility-state")
    if current.denounced:
        _denounced(ctx, status, current.denounced)
    for declaration in status.declarations:
        if declaration.kind == OTHER:
            ctx.warning(where, f"{status.name} made a declaration or reservation that may "
                        f"bear on this communication: {declaration.summary} "
                        f"({declaration.source})", "admissibility-reservation")


def _catalogue_source(status: StateStatus) -> str:
    return "; ".join(s for s in status.protocol_sources if s)


def _denounced(ctx: AdmissibilityContext, status: StateStatus, denounced) -> None:
    """OP art 12: a denunciation takes effect three months after its receipt, and the
    Protocol goes on applying to communications submitted before then."""
    effective = denounced.effective
    took = f"{status.name}'s denunciation of the Optional Protocol took effect on " \
        f"{effective} ({denounced.source})"
    if ctx.filing >= effective.latest:
        ctx.error(("filing", "date"), f"the filing date ({_day(ctx.filing)}) is after "
                  f"{took}: the Committee examines only communications submitted before "
                  f"then ({cite('op-12-2')})", "admissibility-denounced")
    elif effective.earliest and ctx.filing >= effective.earliest:
        ctx.warning(("filing", "date"), f"the filing date ({_day(ctx.filing)}) may be after "
                    f"{took}; confirm the day ({cite('op-12-2')})", "admissibility-denounced")
    used = {f for claim in ctx.case.claims for f in claim.facts}
    for index, fact in enumerate(ctx.case.facts):
        if fact.id in used and parse_date(fact.date).start >= effective.latest:
            ctx.error(("facts", index, "date"), f"fact '{fact.id}' "
                      f"({format_date(parse_date(fact.date))}) is after {took}: the "
                      f"Committee cannot examine it ({cite('op-12-1')})",
                      "admissibility-denounced")


@rule
def facts_within_time(ctx: AdmissibilityContext) -> None:
    """Ratione temporis (see scope.py), against the entry into force confirmed to the day;
    where only the year is, the facts before its latest possible day are flagged."""
    status = ctx.result.state
    current = status.current_protocol if status else None
    if current is None or current.in_force is None:
        return
    if current.in_force.precision != DAY:
        latest = current.in_force.latest
        used = {f for claim in ctx.case.claims for f in claim.facts}
        for index, fact in enumerate(ctx.case.facts):
            if fact.id in used and parse_date(fact.date).start < latest:
                ctx.warning(("facts", index, "date"), f"fact '{fact.id}' "
                            f"({format_date(parse_date(fact.date))}) may predate the "
                            f"Optional Protocol's entry into force for {status.name} "
                            f"({current.in_force}): confirm the day it entered into force",
                            "admissibility-ratione-temporis")
        return
    in_force = current.in_force.latest
    declared = ctx.result.temporal_declaration
    limit = f"the Optional Protocol's entry into force for {status.name} ({_day(in_force)})"
    if declared:
        limit += f", and {status.name} declared that the Committee may examine only acts " \
                 f"and decisions after it ({declared.source})"
    ctx.result.early_facts = scope.early_facts(ctx.case, in_force)
    for fact in ctx.result.early_facts:
        path = ("facts", fact.index)
        if not fact.continuing:
            ctx.warning((*path, "date"), f"fact '{fact.id}' ({format_date(parse_date(fact.date))}) "
                        f"predates {limit}: the draft gives it as context only; if the "
                        "violation continued after that date, set 'continuing: true' and "
                        "say why in 'continuing_why'", "admissibility-ratione-temporis")
        elif not fact.why:
            ctx.warning((*path, "continuing"), f"fact '{fact.id}' is marked continuing but "
                        f"predates {limit}: say in 'continuing_why' what continued after "
                        "that date (the draft marks it to be confirmed)",
                        "admissibility-ratione-temporis")
    for index, claim in scope.claims_outside_time(ctx.case, in_force):
        ctx.error(("claims", index, "facts"), f"every fact of the claim under article "
                  f"{claim.provision} predates {limit}: the claim is inadmissible ratione "
                  "temporis unless it rests on a later act or a continuing violation "
                  "(add the later facts, or mark one continuing and say why)",
                  "admissibility-ratione-temporis")


@rule
def claims_within_the_covenant(ctx: AdmissibilityContext) -> None:
    """Ratione materiae (see scope.py): errors and the one warning, with their fixes."""
    fixes = {
        "article-1": "article 1 is a right of peoples, which cannot be invoked in an "
                     "individual communication; claim the individual rights concerned",
        "no-individual-right": "articles 28 to 53 set up the Committee and the final "
                               "clauses and give no rights to invoke; claim a right of "
                               "articles 6 to 27",
        "article-2-alone": "article 2 can be invoked only together with a substantive "
                           "right: write the right as 'provision' and article 2 under "
                           "'read_with' (e.g. provision: '14(1)', read_with: ['2(3)'])",
        "no-comparator": "an article 26 claim shows a difference in treatment: say in "
                         "'comparator' who, in a comparable situation, was treated "
                         "differently and how",
    }
    for index, claim in enumerate(ctx.case.claims):
        problem = scope.materiae_problem(claim)
        if problem is None:
            continue
        message = f"claim under article {claim.provision}: {fixes[problem.code]} " \
                  f"({cite(problem.source)})"
        report = ctx.error if problem.severity == "error" else ctx.warning
        report(("claims", index, "provision"), message, "admissibility-ratione-materiae")


@rule
def domestic_remedies(ctx: AdmissibilityContext) -> None:
    case = ctx.case
    stated = case.domestic_remedies
    ctx.result.exhausted = "unknown" if stated is None or stated.exhausted == "unknown" \
        else "yes" if stated.exhausted else "no"
    argued = bool(stated and stated.exhausted is False and stated.explanation)
    if stated is None:
        ctx.error((), "say whether domestic remedies were exhausted: add 'domestic_remedies:' "
                  "with 'exhausted' (true, false or unknown) and, if not, an explanation "
                  f"({cite('op-2')}; {cite('op-5-2-b')})", "admissibility-remedies")
    elif stated.exhausted is False and not stated.explanation:
        ctx.error(("domestic_remedies", "exhausted"), "remedies are not exhausted: explain "
                  "why they are unavailable, ineffective or unreasonably prolonged in "
                  f"'domestic_remedies.explanation' ({cite('op-5-2-b')})",
                  "admissibility-remedies")
    elif stated.exhausted == "unknown":
        ctx.warning(("domestic_remedies", "exhausted"), "whether domestic remedies were "
                    "exhausted is not known yet: the draft marks the statement '[to be "
                    "confirmed]'; confirm it before filing", "admissibility-remedies-unknown")
    for index, claim in enumerate(case.claims):
        ids, sure = remedies.claim_proceedings(case, claim)
        if not sure:
            ctx.warning(("claims", index), f"the claim under article {claim.provision} does "
                        "not say which proceeding it was raised in, and the file has "
                        f"{len(case.proceedings)}: list them in the claim's 'proceedings' "
                        "(remedies are judged for each)", "admissibility-claim-proceedings")
    ctx.result.proceedings = remedies.exhaustion_by_proceeding(case)
    for found in ctx.result.proceedings:
        _one_proceeding(ctx, found, argued, stated)
    if not case.proceedings and not argued and case.claims:
        fix = ("name the decisions taken (a judgment, an appeal decision) with court and "
               "date, or set 'domestic_remedies.exhausted: false' and explain why there "
               f"were none ({cite('op-5-2-b')})")
        if ctx.result.exhausted == "unknown":
            # the sources may name no proceeding yet: the draft says so, not the opposite
            ctx.warning(("proceedings",), "no domestic proceedings are recorded and "
                        "exhaustion is unknown: the draft marks exhaustion and the time of "
                        "submission '[to be confirmed]', since no decision dates the "
                        f"five-year period ({cite('rule-99-c')}); before filing, {fix}",
                        "admissibility-final-decision")
        else:
            ctx.error(("proceedings",), f"no domestic proceedings are recorded: {fix}",
                      "admissibility-final-decision")


def _one_proceeding(ctx: AdmissibilityContext, found, argued: bool, stated) -> None:
    name = f"proceedings '{found.id}'"
    for remedy in found.pending:
        message = f"the {remedy.kind} to {remedy.court} ({name}) is still pending"
        if argued:
            ctx.warning((*remedy.path, "status"), message + ": the communication relies on "
                        "the argument that remedies are ineffective or unreasonably "
                        "prolonged, and no time limit runs yet", "admissibility-pending")
        else:
            ctx.error((*remedy.path, "status"), message + ", so remedies are not exhausted "
                      f"({cite('op-5-2-b')}): wait for the decision, or set "
                      "'domestic_remedies.exhausted: false' and explain why it is "
                      "ineffective or unreasonably prolonged", "admissibility-pending")
    for remedy in found.unknown:
        ctx.warning((*remedy.path, "status"), f"the fate of the {remedy.kind} to "
                    f"{remedy.court} ({name}) is unknown: the draft marks exhaustion and "
                    "the time limit '[to be confirmed]'", "admissibility-remedies-unknown")
    for remedy in found.withdrawn:
        ctx.warning((*remedy.path, "status"), f"the {remedy.kind} to {remedy.court} "
                    f"({name}) was withdrawn: the Committee may hold that remedies were "
                    "not exhausted; explain in 'domestic_remedies.explanation'",
                    "admissibility-remedies")
    if stated is not None and stated.exhausted is True and found.status == remedies.UNKNOWN:
        ctx.warning(("domestic_remedies", "exhausted"), f"'exhausted: true', but the fate "
                    f"of a remedy in {name} is unknown: the draft says exhaustion is to be "
                    "confirmed until it is", "admissibility-remedies-unknown")
    proceeding = ctx.case.proceedings[found.index]
    if proceeding.judgment and remedies.court_unknown(proceeding.judgment.court) \
            and (proceeding.court or "").lstrip().startswith("["):
        ctx.warning(("proceedings", found.index, "judgment", "court"), f"{name} has a "
                    "placeholder for its court and its judgment's court is 'unknown': the "
                    "draft prints both placeholders side by side; keep one (docs/claims.md: "
                    "a placeholder court, or the judgment's 'court: unknown')",
                    "admissibility-court-placeholders")
    decision = found.last_decision
    if found.status == remedies.NONE and not argued:
        ctx.error(("proceedings", found.index), f"no domestic decision is recorded for "
                  f"{name}: name the last decision (a judgment or an appeal decision) with "
                  "its court and date; if no claim rests on these proceedings (a case "
                  "still under investigation), list in each claim's 'proceedings' those "
                  "it does rest on", "admissibility-final-decision")
    elif decision is not None and decision.when is None and found.status == remedies.EXHAUSTED:
        ctx.error(decision.path[:-1], f"the last decision in {name} ({decision.label}) has "
                  "no date: add 'decided:'", "admissibility-final-decision")


@rule
def other_procedures(ctx: AdmissibilityContext) -> None:
    case, state = ctx.case, ctx.result.state
    examined_bars = bool(state and state.declaration(EXAMINED))
    if case.international_procedures is None:
        ctx.warning((), "say whether the matter went to another international procedure: "
                    "list them under 'international_procedures', or write "
                    "'international_procedures: []' if there was none (the draft marks it "
                    f"'[to be confirmed]'; {cite('op-5-2-a')})", "admissibility-other-procedure")
    for index, procedure in enumerate(case.international_procedures or []):
        path = ("international_procedures", index)
        if procedures.is_this_committee(procedure):
            ctx.error((*path, "body"), f"{procedure.body} is the Committee this "
                      "communication goes to, not another procedure: if the same matter is "
                      "already before it, do not submit it again (ask the Petitions Team "
                      "to add to the registered communication); otherwise remove the entry",
                      "admissibility-other-procedure")
            continue
        kind = procedures.kind_of(procedure)
        concerned = [remedies.claim_label(c) for c in procedures.claims_concerned(procedure,
                                                                                  case)]
        finding = ProcedureFinding(index, procedure.body, kind, procedure.status, concerned)
        ctx.result.procedures.append(finding)
        if kind is None:
            ctx.error((*path, "body"), f"say what kind of procedure {procedure.body} is: "
                      f"kind: {', '.join(procedures.KINDS)} (a treaty body or a regional "
                      "court bars the same matter under OP art 5(2)(a); a special "
                      "procedure such as the Working Group on Arbitrary Detention does not)",
                      "admissibility-other-procedure")
            continue
        if procedure.concluded and parse_date(procedure.concluded).start > ctx.filing:
            ctx.error((*path, "concluded"), f"{procedure.body} cannot have concluded on "
                      f"{format_date(parse_date(procedure.concluded))}, after the filing "
                      f"date ({_day(ctx.filing)}): correct one of the dates",
                      "admissibility-other-procedure")
        if procedure.status == "concluded" and not procedure.concluded \
                and kind.investigation_or_settlement:
            ctx.warning((*path, "status"), f"{procedure.body} concluded: give the date in "
                        "'concluded' (rule 99(c) may count three years from it)",
                        "admissibility-other-procedure")
        finding.reason = _procedure_reason(procedure.status, kind, concerned, examined_bars)
        finding.bars = finding.reason in ("pending", "examined")
        if finding.bars:
            what = "is being examined by" if finding.reason == "pending" else \
                "has been examined by"
            extra = "" if finding.reason == "pending" else \
                f", and {state.name} excluded matters already examined elsewhere " \
                f"({state.declaration(EXAMINED).source})"
            ctx.error((*path, "status"), f"the same matter ({', '.join(concerned)}) {what} "
                      f"{procedure.body}{extra}: the Committee cannot consider it "
                      f"({cite('op-5-2-a')}); if it concerns other facts or rights, list "
                      "them in the procedure's 'facts' and 'provisions'",
                      "admissibility-other-procedure")


def _procedure_reason(status: str, kind, concerned: list[str], examined_bars: bool) -> str:
    if not kind.investigation_or_settlement:
        return "charter"
    if status in ("withdrawn", "not-submitted"):
        return status
    if not concerned:
        return "different-matter"
    if status == "pending":
        return "pending"
    return "examined" if examined_bars else "concluded"


@rule
def time_limit(ctx: AdmissibilityContext) -> None:
    """Rule 99(c), for each exhausted proceeding a claim rests on (time_limits.py)."""
    case = ctx.case
    justified = bool(case.filing and case.filing.delay_justification)
    # Concluded procedures of international investigation or settlement on the same matter.
    later = [(case.international_procedures[f.index],
              parse_date(case.international_procedures[f.index].concluded))
             for f in ctx.result.procedures
             if f.reason in ("concluded", "examined")
             and case.international_procedures[f.index].concluded]
    for found in ctx.result.proceedings:
        decision = found.last_decision
        if found.status not in (remedies.EXHAUSTED, remedies.UNKNOWN) or decision is None \
                or decision.when is None:
            continue
        deadline = time_limits.deadline("domestic", decision.when, ctx.filing)
        after = [(p, when) for p, when in later
                 if time_limits.concluded_after(when, decision.when)]
        if after:
            procedure, when = max(after, key=lambda pw: pw[1].end)
            deadline = time_limits.deadline("international", when, ctx.filing,
                                            procedure.body)
        ctx.result.deadlines[found.id] = deadline
        if found.status == remedies.UNKNOWN or ctx.result.exhausted == "unknown":
            deadline.provisional = True
            if deadline.status == time_limits.LATE:
                deadline.status = time_limits.IN_DOUBT
        _report_deadline(ctx, found, deadline, decision.path, justified)


def _report_deadline(ctx, found, deadline: time_limits.Deadline, path: tuple,
                     justified: bool) -> None:
    if deadline.status == time_limits.IN_TIME:
        return
    years = {5: "five", 3: "three"}[deadline.years]
    since = (f"{years} years from the last domestic decision in proceedings '{found.id}' "
             f"({format_date(deadline.start)})") if deadline.basis == "domestic" \
        else (f"three years from the end of the examination by {deadline.body} "
              f"({format_date(deadline.start)})")
    ends = f"on {_day(deadline.earliest)}" if deadline.exact else \
        f"between {_day(deadline.earliest)} and {_day(deadline.latest)} (counted from the " \
        "first and the last day the date can be)"
    if deadline.status == time_limits.NEAR:
        ctx.warning(path, f"the period of {since} ends {ends}, less than six months after "
                    f"the filing date ({_day(ctx.filing)}): file by "
                    f"{_day(deadline.earliest)} ({cite('rule-99-c')})",
                    "admissibility-time-limit")
        return
    if deadline.status == time_limits.IN_DOUBT:
        unknown = "; as exhaustion is not known, a later decision may move the start" \
            if deadline.provisional else ""
        ctx.warning(path, f"the filing date ({_day(ctx.filing)}) may be too late: the period "
                    f"of {since} ends {ends}{unknown}; confirm the exact date, or explain "
                    f"the delay in 'filing.delay_justification' ({cite('rule-99-c')})",
                    "admissibility-time-limit")
        return
    at_latest = "" if deadline.exact else " at the latest"
    message = (f"the filing date ({_day(ctx.filing)}) is after the period of {since}, which "
               f"ended on {_day(deadline.latest)}{at_latest}: the Committee may treat the "
               f"communication as an abuse of the right of submission ({cite('rule-99-c')})")
    if justified:
        ctx.warning(("filing", "delay_justification"), message + "; the justification "
                    "given is printed in the draft", "admissibility-time-limit")
    else:
        ctx.error(path, message + "; either explain the delay in "
                  "'filing.delay_justification', or correct 'filing.date' if the "
                  "communication was submitted earlier", "admissibility-time-limit")


@rule
def author_named_and_authorised(ctx: AdmissibilityContext) -> None:
    case = ctx.case
    authors = [(i, p) for i, p in enumerate(case.people) if "author" in p.roles]
    if not authors or not any(p.name.strip() for _, p in authors):
        ctx.error(("people",), "no named author: anonymous communications are inadmissible "
                  f"({cite('op-3')}); name the author, and set 'anonymity_requested: true' "
                  "to ask the Committee not to disclose the name", "admissibility-author")
        return
    victims = {p.id for p in case.people if "alleged-victim" in p.roles}
    if not victims:
        ctx.error(("people",), "no alleged victim: give the person whose rights were violated "
                  f"the role 'alleged-victim' ({cite('op-1')})", "admissibility-victim")
        return
    for index, person in enumerate(case.people):
        missing = [what for what, value in (("date of birth", person.birth_date),
                                            ("nationality", person.nationality))
                   if not value]
        # The model form asks for the complainant's and the victim's particulars; a
        # lawyer who is the author as counsel is identified by their practice instead.
        concerned = "alleged-victim" in person.roles or (
            "author" in person.roles and "counsel" not in person.roles)
        if concerned and missing:
            them = "it" if len(missing) == 1 else "them"
            ctx.warning(("people", index), f"{person.name}'s {' and '.join(missing)} "
                        f"{'is' if len(missing) == 1 else 'are'} not given: the model "
                        f"complaint form asks for {them}, and the draft marks {them} '[to be "
                        "confirmed]'", "admissibility-particulars")
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
    for index, annex in enumerate(case.annexes):
        if annex.language.split("-")[0] not in WORKING_LANGUAGES and not annex.translated:
            ctx.warning(("annexes", index, "language"), f"annex {annex.number} is in "
                        f"'{annex.language}', not a working language, and no translation "
                        "is attached: attach one and set 'translated: true' (the draft "
                        "marks it '[to be confirmed]')", "admissibility-language")
    if not evidence_annexes(case):
        # OHCHR model complaint form, section V (checklist of supporting documents):
        # copies of the domestic decisions and of any evidence supporting the facts.
        ctx.warning(("case",), "the communication annexes no document but the "
                    "authorization: the model complaint form (section V) asks for copies "
                    "of the domestic decisions and of the evidence of the facts; list them "
                    "under 'annexes' (the draft marks the evidence '[to be confirmed]' "
                    "until then)" if case.annexes else "the communication annexes no "
                    "document: the model complaint form (section V) asks for copies of the "
                    "domestic decisions and of the evidence of the facts; list them under "
                    "'annexes' (the draft marks the evidence '[to be confirmed]' until "
                    "then)", "admissibility-annexes")


def evidence_annexes(case) -> list:
    """The annexes that can prove the facts: all but the author's authorization to act
    (`representation.annex`), which proves only the author's standing."""
    authorization = case.representation.annex if case.representation else None
    return [a for a in case.annexes if a.number != authorization]


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
