"""The trial fairness report: what a trial-monitoring programme publishes after observing
a trial. Drawn from the case file's `monitoring:` section (sessions, findings, the
expert's assessment), its facts, its claims and its proceedings.

Written in the case file's language (templates/fairness-report/sections/ for English,
sections/<language>/ for others; the words outside the templates in words.py, the
scale's in grading.<language>.yaml).

The grade printed is the expert's. The findings suggest one on the editable scale in
templates/fairness-report/grading.yaml (grading.py); where the expert's grade
differs, the case file must give reasons, which the report prints
(rules.py stops `covenant build` otherwise, naming the line)."""

from __future__ import annotations

from dataclasses import dataclass, field

from toolkit.covenant import ARTICLES, Provision, parse_provision, state_status
from toolkit.kinds.fairness_report import grading_ru
from toolkit.kinds.fairness_report.grading import SCALE_FILE, load_scale, number_words
from toolkit.kinds.fairness_report.rules import report_problems
from toolkit.kinds.fairness_report.words import WORDS, ReportWords, english_names
from toolkit.kinds.russian import count, decline_name, noun_for, number_word
from toolkit.kinds.sections import KindEnv, facts_in_order
from toolkit.kinds.standards import (
    ClaimView,
    claim_view,
    country_name,
    load_catalogue,
    load_standards,
    local_points,
    local_state,
    local_title,
    provision_ref,
    standard_sentence,
)
from toolkit.model.case import CaseFile, Finding, Person
from toolkit.model.dates import (
    FuzzyDate,
    date_range,
    format_date,
    format_when,
    parse_date,
)
from toolkit.model.document import Document, Table, plain_text, walk_blocks
from toolkit.model.errors import CovenantError, Report
from toolkit.model.i18n import word
from toolkit.redaction.people import plan

KIND = "fairness-report"
FAIR_TRIAL = 14  # analysed first, guarantee by guarantee


@dataclass
class Engaged:
    """One provision the report analyses: what the expert found and what the file claims
    (each claim with the General Comment paragraphs its authorities cite)."""

    provision: Provision
    findings: list[Finding] = field(default_factory=list)
    claims: list[ClaimView] = field(default_factory=list)

    def facts(self, order: dict[str, int]) -> list[str]:
        """The ids of the facts the findings and claims rely on, in `order`."""
        ids = {f for item in [*self.findings, *(v.claim for v in self.claims)]
               for f in item.facts}
        return sorted(ids, key=lambda f: order.get(f, len(order)))


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


def report_order(provision: Provision) -> tuple:
    """Article 14 first, then treaty order."""
    return (provision.article != FAIR_TRIAL, provision.sort_key)


def rights_engaged(case: CaseFile, catalogue: dict | None = None,
                   language: str = "en") -> list[Right]:
    """Every provision with a finding or a claim, grouped by article: article 14 first,
    then the others in treaty order; provisions in treaty order within an article. In
    a language other than English, the articles' titles and the General Comment
    summaries are the catalogue's (templates/communication/catalogue.<language>.yaml)."""
    engaged: dict[Provision, Engaged] = {}
    for finding in case.monitoring.findings if case.monitoring else []:
        provision = parse_provision(finding.provision)
        engaged.setdefault(provision, Engaged(provision)).findings.append(finding)
    for claim in case.claims:
        view = local_points(claim_view(claim), catalogue or {}, language)
        engaged.setdefault(view.provision, Engaged(view.provision)).claims.append(view)
    rights: dict[int, list[Engaged]] = {}
    for item in sorted(engaged.values(), key=lambda e: report_order(e.provision)):
        rights.setdefault(item.provision.article, []).append(item)
    return [Right(a, ARTICLES[a].title if language == "en" else
                  local_title(Provision(a), catalogue or {}, language), items)
            for a, items in rights.items()]


def _timeline(sessions, hearings) -> list[dict]:
    """Monitored sessions and the other hearings the case file records, by date; a
    hearing on the day of a monitored session is that session."""
    monitored = {parse_date(s.date).sort_key() for s in sessions}
    entries = [{"date": s.date, "session": s, "hearing": None} for s in sessions] + [
        {"date": h.date, "session": None, "hearing": h} for h in hearings
        if parse_date(h.date).sort_key() not in monitored]
    return sorted(entries, key=lambda e: parse_date(e["date"]).sort_key())


def _general_comments(rights: list[Right], library) -> list[dict]:
    """The General Comments on the articles engaged that the citation library holds, in
    the order the analysis takes the articles."""
    found = []
    for right in rights:
        comment = ARTICLES[right.article].comment
        if comment and comment.citation_key and comment.citation_key in library:
            found.append({"number": comment.number, "article": right.article,
                          "cite": f"@{comment.citation_key}"})
    return found


def _span(dates: list[str]) -> FuzzyDate:
    parsed = [parse_date(d) for d in dates]
    first = min(parsed, key=FuzzyDate.sort_key)
    last = max(parsed, key=lambda d: (d.end, d.start))
    return date_range(first, last)


def date_span(dates: list[str], language: str = "en") -> str:
    """'8 June – 9 November 2021' for the first and last of some dates."""
    return format_date(_span(dates), language) if dates else ""


LINE_CHARACTERS = 64  # about what a table row holds across the text width (11pt)


def fit_columns(blocks: list) -> None:
    """Give each table column widths from what it holds: a column of short entries gets
    room to keep them on one line, every column its longest word, and columns of
    sentences share the rest (Word would otherwise make every column equal)."""
    for table in (b for b in walk_blocks(blocks) if isinstance(b, Table) and not b.widths):
        rows = [table.header, *table.rows] if table.header else list(table.rows)
        columns = max((len(r) for r in rows), default=0)
        texts = [[plain_text(r[c]) for r in rows if c < len(r)] for c in range(columns)]
        least = [max((len(w) for t in col for w in t.split()), default=1) + 3 for col in texts]
        wanted = [max(low, max((len(t) for t in col), default=0))
                  for low, col in zip(least, texts, strict=True)]
        spare = LINE_CHARACTERS - sum(least)
        if sum(wanted) <= LINE_CHARACTERS or spare <= 0:
            table.widths = [float(w) for w in (wanted if spare > 0 else least)]
            continue
        growth = [w - low for w, low in zip(wanted, least, strict=True)]
        table.widths = [low + spare * g / sum(growth)
                        for low, g in zip(least, growth, strict=True)]


names = english_names  # 'A', 'A and B', 'A, B and C'


def report_words(language: str) -> ReportWords:
    if language not in WORDS:  # render_sections names the languages with templates
        raise CovenantError(f"the fairness report has no words in '{language}' "
                            f"(case.language); it can be written in "
                            f"{', '.join(repr(x) for x in WORDS)}")
    return WORDS[language]


def _language_helpers(language: str, catalogue: dict) -> dict:
    """What templates in a language other than English use for what English writes
    inline: references to provisions ('пункт 2 статьи 19', declined), short titles, a
    nationality, numbers with their nouns ('на двух заседаниях'), names declined and
    the scale's rules in words."""
    if language == "en":
        return {}
    return {
        "ref": lambda provision, grammatical="nom": provision_ref(
            provision if hasattr(provision, "article") else parse_provision(provision),
            language, grammatical),
        "short_title": lambda provision: local_title(provision, catalogue, language),
        "country": lambda text: country_name(text, language, catalogue),
        "count": count, "noun_for": noun_for, "number_word": number_word,
        "decline": decline_name,
        "rule": grading_ru.rule,
    }


def build_fairness_report(case: CaseFile, env: KindEnv) -> Document:
    language = case.case.language
    if language != "en" and language not in env.languages(KIND):
        env.render_sections(KIND, {}, language)  # the error naming the languages it has
    words = report_words(language)
    scale = load_scale(env.templates, f"templates/{SCALE_FILE.as_posix()}", language)
    problems = Report()  # `covenant build` has reported these with their lines already
    suggestion = report_problems(case, scale, problems)
    if problems.errors:
        raise CovenantError(f"case '{case.case.id}': the fairness report cannot be built",
                            problems)
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
    trial = words.trial_of(accused)
    monitored = date_span([s.date for s in sessions], language)
    catalogue = load_catalogue(env, language)
    rights = rights_engaged(case, catalogue, language)
    standards = load_standards(env, language)  # shared with the communication
    state_words = local_state(state, catalogue, language)
    context = {
        "case": case,
        "state": state,
        "state_name": state_words["name"] if state_words else case.case.state,
        "state_words": state_words,
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
        "fact_order": {f.id: n for n, f in enumerate(facts)},
        "sessions": sessions,
        # "on 15 June 2022", "between 15 June and 1 July 2022", "between 13 March 2018 and
        # 2021" (one session dated as a range): never "from 13 March 2018 – 2021 to …"
        "sessions_when": format_when(_span([s.date for s in sessions]), language),
        "timeline": _timeline(sessions, proceeding.hearings),
        "monitors": monitors,
        "expert": people.get(monitoring.expert) if monitoring.expert else None,
        "rights": rights,
        "comments": _general_comments(rights, env.library),
        "findings": sorted(monitoring.findings,
                           key=lambda f: report_order(parse_provision(f.provision))),
        "scale": scale,
        "grade": grade,
        "suggestion": suggestion,
        "suggested": scale.definition(suggestion.grade),
        "effects": scale.effects,
        "names": lambda persons: names(list(persons)),
        "words": number_words,
        "standard": lambda provision: standard_sentence(
            provision, standards, language, local_title(provision, catalogue, language)
            if language != "en" else None),
        **_language_helpers(language, catalogue),
        # People (or their ids) listed in the case the sentence asks for ('gent': 'по
        # делу Жанболата Мамая'); in English 'A, B and C'.
        "names_in": lambda persons, grammatical="nomn": words.names(
            [people[p] if isinstance(p, str) else p for p in persons
             if not isinstance(p, str) or p in people], grammatical),
    }
    blocks = env.render_sections(KIND, context, language)
    fit_columns(blocks)
    heading = f"{context['state_name']}: {trial}"
    public = bool(env.extra.get("public"))
    # An example's data are marked on the cover and in the running title, so every page
    # of the PDF and the DOCX says that the findings and the grade are not a real report's.
    example = words.example if monitoring.illustrative else ""
    confidentiality = _confidentiality(case, public, words)
    if monitoring.illustrative:
        confidentiality = f"{words.not_real} — {confidentiality}"
    # The frames' footer ("page N of M") and the grade's label in the document's language.
    labels = {} if language == "en" else {"page_label": word(language, "page"),
                                          "of_label": word(language, "of"),
                                          "grade_label": words.grade}
    return Document(
        kind=KIND, title=f"{words.title}{example} — {heading}", blocks=blocks,
        language=language,
        subject=words.subject.format(heading=heading, grade=grade.grade),
        author=(words.not_published.format(programme=monitoring.programme)
                if monitoring.illustrative else monitoring.programme), case_id=case.case.id,
        cover={"title": words.title, "subtitle": heading,
               "case_title": case.case.title, "court": proceeding.court,
               "monitored": words.monitored.format(dates=monitored)
                            + (words.illustrative if monitoring.illustrative else ""),
               "grade": grade.grade, "grade_name": grade.name,
               "date": env.format_date(env.today_date.isoformat(), language)
               if language != "en" and env.today_date else env.today,
               "confidentiality": confidentiality, **labels},
    )


def _confidentiality(case: CaseFile, public: bool, words: ReportWords) -> str:
    if public:
        return words.public
    if plan(case.people):
        return words.withheld
    return words.confidentiality.get(case.case.confidentiality,
                                     case.case.confidentiality.capitalize())
