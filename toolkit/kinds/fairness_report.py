"""The trial fairness report: what a trial-monitoring programme publishes after observing
a trial. Drawn from the case file's `monitoring:` section (sessions, findings, the
expert's assessment), its facts, its claims and its proceedings.

The grade printed is the expert's. The findings suggest one on the editable scale in
templates/fairness-report/grading.yaml (toolkit/grading.py); where the expert's grade
differs, the case file must give reasons, which the report prints
(toolkit/checks/fairness.py stops the build otherwise, naming the line)."""

from __future__ import annotations

from dataclasses import dataclass, field

from toolkit.checks.fairness import require_report_data
from toolkit.citations.syntax import CitationSyntaxError, find_citations, parse_group
from toolkit.covenant import ARTICLES, Provision, parse_provision, state_status
from toolkit.dates import FuzzyDate, format_date, parse_date
from toolkit.document import Document
from toolkit.grading import SCALE_FILE, load_scale
from toolkit.kinds.memo import facts_in_order
from toolkit.kinds.sections import KindEnv
from toolkit.model import CaseFile, Claim, Finding, Person
from toolkit.redaction import plan

KIND = "fairness-report"
FAIR_TRIAL = 14  # analysed first, guarantee by guarantee


@dataclass
class Engaged:
    """One provision the report analyses: what the expert found and what the file claims."""

    provision: Provision
    findings: list[Finding] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    standards: list[tuple[str, str]] = field(default_factory=list)  # (summary, "@key, para N")

    @property
    def facts(self) -> list[str]:
        seen: list[str] = []
        for item in [*self.findings, *self.claims]:
            seen += [f for f in item.facts if f not in seen]
        return seen


@dataclass
class Right:
    """An article engaged, with the provisions of it that the report analyses."""

    article: int
    title: str
    provisions: list[Engaged]

    @property
    def by_guarantee(self) -> bool:
        """Sub-headings per provision: always for article 14, else when several."""
        return self.article == FAIR_TRIAL or len(self.provisions) > 1


def _gc_paragraphs(authorities: list[str], article: int, library) -> list[tuple[str, str]]:
    """The General Comment paragraphs among `authorities` that the covenant catalogue
    summarises, as (summary, citation): the standard, stated in our own words."""
    comment = ARTICLES[article].comment
    if comment is None or not comment.citation_key or comment.citation_key not in library:
        return []
    found: list[tuple[str, str]] = []
    seen: set[str] = set()
    for text in authorities:
        try:
            items = parse_group(text)
        except CitationSyntaxError:
            continue
        for item in items:
            if item.key.lower() != comment.citation_key or item.locator_label != "paragraph":
                continue
            for number in item.locator.replace("–", ",").replace(" ", "").split(","):
                summary = comment.key_paragraphs.get(number)
                if summary and number not in seen:
                    seen.add(number)
                    found.append((summary, f"@{comment.citation_key}, para {number}"))
    return found


def rights_engaged(case: CaseFile, library) -> list[Right]:
    """Every provision with a finding or a claim, grouped by article: article 14 first,
    then the others in treaty order; provisions in treaty order within an article."""
    engaged: dict[str, Engaged] = {}
    monitoring = case.monitoring
    for finding in monitoring.findings if monitoring else []:
        key = str(parse_provision(finding.provision))
        engaged.setdefault(key, Engaged(parse_provision(key))).findings.append(finding)
    for claim in case.claims:
        key = str(parse_provision(claim.provision))
        engaged.setdefault(key, Engaged(parse_provision(key))).claims.append(claim)
    for item in engaged.values():
        authorities = [a for c in item.claims for a in c.authorities] + \
            [c.argument for c in item.claims] + [f.text for f in item.findings] + \
            [s for f in item.findings for s in f.sources]
        item.standards = _gc_paragraphs(_citation_texts(authorities), item.provision.article,
                                        library)
    rights: dict[int, list[Engaged]] = {}
    for item in sorted(engaged.values(), key=lambda e: e.provision.sort_key):
        rights.setdefault(item.provision.article, []).append(item)
    order = sorted(rights, key=lambda a: (a != FAIR_TRIAL, a))
    return [Right(a, ARTICLES[a].title, rights[a]) for a in order]


def _citation_texts(texts: list[str]) -> list[str]:
    """Source strings as they are, and the bracketed citations inside Markdown text."""
    out: list[str] = []
    for text in texts:
        matches = find_citations(text)
        if matches:
            out += ["; ".join(str(i) for i in m.items) for m in matches]
        else:
            out.append(text)
    return out


def date_span(dates: list[str]) -> str:
    """'8 June – 9 November 2021' for the first and last of some dates."""
    if not dates:
        return ""
    parsed = sorted((parse_date(d) for d in dates), key=FuzzyDate.sort_key)
    first, last = parsed[0], parsed[-1]
    if first.start == last.end and first.precision == "day":
        return format_date(first)
    span = FuzzyDate(first.start, last.end, "range", first.approximate or last.approximate)
    return format_date(span)


def names(people: list[Person]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    listed = [p.name for p in people]
    return listed[0] if len(listed) == 1 else ", ".join(listed[:-1]) + " and " + listed[-1]


def build_fairness_report(case: CaseFile, env: KindEnv) -> Document:
    scale = load_scale(env.templates, str(SCALE_FILE.as_posix()))
    source = env.extra.get("source")
    suggestion = require_report_data(case, scale, source,
                                     f"templates/{SCALE_FILE.as_posix()}")
    monitoring = case.monitoring
    assessment = monitoring.assessment
    people = {p.id: p for p in case.people}
    proceeding = next(p for p in case.proceedings if p.id == monitoring.proceeding)
    defendants = [people[d] for d in proceeding.defendants if d in people]
    accused = [p for p in defendants if "alleged-victim" in p.roles] or defendants
    accused_ids = {p.id for p in accused}
    facts = facts_in_order(case)
    defendant_ids = {p.id for p in defendants}
    sessions = sorted(monitoring.sessions, key=lambda s: parse_date(s.date).sort_key())
    monitors: list[Person] = []
    for session in sessions:
        monitors += [people[m] for m in session.monitors
                     if m in people and people[m] not in monitors]
    grade = scale.definition(assessment.grade)
    state = state_status(case.case.state)
    trial = f"the trial of {names(accused)}" if accused else "the trial"
    monitored = date_span([s.date for s in sessions])
    context = {
        "case": case,
        "state": state,
        "state_name": state.name if state else case.case.state,
        "people": people,
        "monitoring": monitoring,
        "assessment": assessment,
        "proceeding": proceeding,
        "defendants": defendants,
        "accused": accused,
        "co_defendants": [p for p in defendants if p.id not in accused_ids],
        "trial": trial,
        # Political context: facts that name none of the accused or their co-defendants.
        "context_facts": [f for f in facts if not set(f.people) & defendant_ids],
        "history_facts": [f for f in facts if set(f.people) & defendant_ids],
        "sessions": sessions,
        "monitors": monitors,
        "monitored": monitored,
        "expert": people.get(monitoring.expert) if monitoring.expert else None,
        "rights": rights_engaged(case, env.library),
        "findings": sorted(monitoring.findings,
                           key=lambda f: (parse_provision(f.provision).article != FAIR_TRIAL,
                                          parse_provision(f.provision).sort_key)),
        "scale": scale,
        "grade": grade,
        "suggestion": suggestion,
        "suggested": scale.definition(suggestion.grade),
        "effects": scale.effects,
    }
    blocks = env.render_sections(KIND, context)
    heading = f"{context['state_name']}: {trial}"
    public = bool(env.extra.get("public"))
    return Document(
        kind=KIND, title=f"Trial fairness report — {heading}", blocks=blocks,
        language=case.case.language,
        subject=f"Trial fairness report on {heading}, grade {grade.grade}",
        author=monitoring.programme, case_id=case.case.id,
        cover={"title": "Trial fairness report", "subtitle": heading,
               "case_title": case.case.title, "court": proceeding.court,
               "monitored": f"Sessions monitored: {monitored}"
                            + (" (illustrative)" if monitoring.illustrative else ""),
               "grade": grade.grade, "grade_name": grade.name, "date": env.today,
               "confidentiality": _confidentiality(case, public)},
    )


def _confidentiality(case: CaseFile, public: bool) -> str:
    if public:
        return "Public version"
    if plan(case.people):
        return "Confidential — holds names withheld from the public version"
    return case.case.confidentiality.capitalize()
