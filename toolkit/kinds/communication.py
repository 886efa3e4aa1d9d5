"""The communication to the Human Rights Committee under the First Optional Protocol,
laid out as the OHCHR model complaint form expects, with numbered paragraphs throughout.

The kind prepares structured data (people, the domestic steps, the standard for each
claim from the General Comment paragraphs cited, the admissibility findings); the
wording is in templates/communication/sections/<language>/. For a language other than
English, templates/communication/catalogue.<language>.yaml gives the provisions' short
titles, the General Comment summaries and the State's name in that language."""

from __future__ import annotations

from dataclasses import dataclass

from toolkit.checks.admissibility import WORKING_LANGUAGES, Admissibility, check_admissibility
from toolkit.citations.syntax import parse_group
from toolkit.covenant import Provision, parse_provision
from toolkit.covenant.comments import GENERAL_COMMENTS
from toolkit.dates import parse_date
from toolkit.document import Document
from toolkit.errors import CovenantError, Report
from toolkit.i18n import word
from toolkit.kinds.memo import claims_in_order, facts_in_order
from toolkit.kinds.sections import KindEnv
from toolkit.model import CaseFile, Claim
from toolkit.readers.claims import LoadedCase
from toolkit.readers.yamlsource import YamlProblem, parse_yaml, read_text

TITLES = {
    "en": ("Communication to the Human Rights Committee",
           "submitted under the Optional Protocol to the International Covenant on Civil "
           "and Political Rights"),
    "ru": ("Сообщение в Комитет по правам человека",
           "представленное в соответствии с Факультативным протоколом к Международному "
           "пакту о гражданских и политических правах"),
}


@dataclass
class StandardPoint:
    """One paragraph of a General Comment the claim relies on, with our summary of it."""

    citation: str  # "@hrc-gc-32, para 33"
    comment: int
    paragraph: str
    summary: str


@dataclass
class ClaimView:
    claim: Claim
    provision: Provision
    points: list[StandardPoint]
    other_authorities: list[str]  # citations that are not General Comment paragraphs


@dataclass
class Step:
    kind: str
    court: str
    date: str | None
    outcome: str
    sources: list[str]


def _gc_for_key(key: str) -> int | None:
    for number, comment in GENERAL_COMMENTS.items():
        if comment.citation_key and comment.citation_key == key.lower():
            return number
    return None


def claim_view(claim: Claim) -> ClaimView:
    points, others = [], []
    for text in claim.authorities:
        for item in parse_group(text):
            number = _gc_for_key(item.key)
            paragraphs = (item.locator or "").replace("–", ",").split(",")
            summaries = [(p.strip(), GENERAL_COMMENTS[number].key_paragraphs.get(p.strip()))
                         for p in paragraphs] if number else []
            known = [(p, s) for p, s in summaries if s]
            if number and item.locator_label == "paragraph" and known:
                for para, summary in known:
                    points.append(StandardPoint(f"@{item.key}, para {para}", number, para,
                                                summary))
            else:
                others.append(str(item))
    return ClaimView(claim, parse_provision(claim.provision), points, others)


def domestic_steps(case: CaseFile) -> list[Step]:
    steps = []
    for proceeding in case.proceedings:
        if proceeding.judgment:
            j = proceeding.judgment
            outcome = "; ".join(x for x in [j.outcome, j.sentence] if x)
            steps.append(Step("judgment", j.court or proceeding.court, j.date, outcome,
                              list(j.sources)))
        for appeal in proceeding.appeals:
            steps.append(Step(appeal.kind, appeal.court, appeal.decided or appeal.filed,
                              appeal.outcome or appeal.status, list(appeal.sources)))
    return sorted(steps, key=lambda s: parse_date(s.date).start if s.date else parse_date(
        "9999").start)


def load_standards(env: KindEnv, language: str) -> dict[str, str]:
    """templates/communication/standards.<language>.yaml: provision -> opening sentence."""
    path = env.templates / "communication" / f"standards.{language}.yaml"
    if not path.is_file():
        return {}
    try:
        data = parse_yaml(read_text(path))
    except YamlProblem as problem:
        raise CovenantError(f"{path}:{problem.mark.line}:{problem.mark.column}: "
                            f"{problem.message}") from None
    return {str(k): str(v) for k, v in (data or {}).items()}


# Russian references to a provision, by grammatical case: "пункт 3 b) статьи 14".
_RU_ARTICLE = {"nom": "статья", "gen": "статьи", "dat": "статье", "acc": "статью",
               "ins": "статьей", "pre": "статье"}
_RU_PARAGRAPH = {"nom": "пункт", "gen": "пункта", "dat": "пункту", "acc": "пункт",
                 "ins": "пунктом", "pre": "пункте"}


def provision_ref(provision: Provision, language: str = "en", case: str = "nom") -> str:
    """'article 14(3)(b)'; in Russian, as the Committee writes it, declined:
    'пункт 3 b) статьи 14' (case 'gen': 'пункта 3 b) статьи 14'), 'статья 21', with
    no-break spaces so that a line never ends inside the reference's parts."""
    if language != "ru":
        return f"article {provision}"
    nbsp = "\u00a0"
    if not provision.paragraph and not provision.subparagraph:
        return f"{_RU_ARTICLE[case]}{nbsp}{provision.article}"
    parts = [str(provision.paragraph)] if provision.paragraph else []
    parts += [f"{x})" for x in (provision.subparagraph, provision.item) if x]
    return (f"{_RU_PARAGRAPH[case]}{nbsp}{nbsp.join(parts)} "
            f"статьи{nbsp}{provision.article}")


def load_catalogue(env: KindEnv, language: str) -> dict:
    """templates/communication/catalogue.<language>.yaml: 'provisions' (provision -> short
    title), 'general_comments' (number -> paragraph -> summary), 'states' (ISO code ->
    name, genitive, source)."""
    path = env.templates / "communication" / f"catalogue.{language}.yaml"
    if language == "en" or not path.is_file():
        return {}
    try:
        data = parse_yaml(read_text(path))
    except YamlProblem as problem:
        raise CovenantError(f"{path}:{problem.mark.line}:{problem.mark.column}: "
                            f"{problem.message}") from None
    return data if isinstance(data, dict) else {}


def local_title(provision: Provision, catalogue: dict, language: str) -> str:
    """The provision's short title in the document's language ('' if the catalogue has
    none for it or for the provisions that enclose it)."""
    if language == "en":
        return provision.title
    titles = {str(k): str(v) for k, v in (catalogue.get("provisions") or {}).items()}
    for candidate in (provision, Provision(provision.article, provision.paragraph,
                                           provision.subparagraph),
                      Provision(provision.article, provision.paragraph),
                      Provision(provision.article)):
        if str(candidate) in titles:
            return titles[str(candidate)]
    return ""


def local_points(view: ClaimView, catalogue: dict, language: str) -> ClaimView:
    """General Comment summaries in the document's language: the catalogue's, or none
    (the template then cites the paragraph without summarising it)."""
    if language == "en":
        return view
    comments = {str(k): {str(p): str(t) for p, t in (v or {}).items()}
                for k, v in (catalogue.get("general_comments") or {}).items()}
    for point in view.points:
        point.summary = comments.get(str(point.comment), {}).get(point.paragraph, "")
    return view


def local_state(state, catalogue: dict, language: str) -> dict | None:
    """The State's name (nominative, genitive) and the source of its dates, in the
    document's language."""
    if state is None:
        return None
    english = {"name": state.name, "genitive": state.name, "source": state.source}
    if language == "en":
        return english
    local = (catalogue.get("states") or {}).get(state.iso) or {}
    return {key: str(local.get(key) or english[key]) for key in english}


def standard_sentence(provision: Provision, standards: dict[str, str], language: str,
                      title: str | None = None) -> str:
    """The sentence for this provision, or the nearest enclosing one, or one from its title."""
    candidates = [provision]
    if provision.subparagraph:
        candidates.append(Provision(provision.article, provision.paragraph))
    if provision.paragraph:
        candidates.append(Provision(provision.article))
    for candidate in candidates:
        if str(candidate) in standards:
            return standards[str(candidate)]
    title = title if title is not None else provision.title
    title = title[:1].lower() + title[1:]
    if language == "ru":
        ref = provision_ref(provision, "ru")
        return f"{ref[:1].upper()}{ref[1:]} Пакта касается следующего: {title}." if title \
            else f"{ref[:1].upper()}{ref[1:]} Пакта имеет отношение к настоящему делу."
    return f"Article {provision} of the Covenant concerns {title}."


def build_communication(case: CaseFile, env: KindEnv) -> Document:
    language = case.case.language if case.case.language in TITLES else "en"
    admissibility: Admissibility = check_admissibility(
        LoadedCase(None, "", None, case), Report(), env.today_date)
    standards = load_standards(env, language)
    catalogue = load_catalogue(env, language)
    people = {p.id: p for p in case.people}
    authors = [p for p in case.people if "author" in p.roles]
    victims = [p for p in case.people if "alleged-victim" in p.roles]
    counsel = [p for p in case.people if "counsel" in p.roles]
    claims = [local_points(claim_view(c), catalogue, language) for c in claims_in_order(case)]
    provisions = sorted({v.provision for v in claims} |
                        {parse_provision(r) for v in claims for r in v.claim.read_with},
                        key=lambda p: p.sort_key)
    signatory = people.get(case.filing.signatory) if case.filing and case.filing.signatory \
        else (counsel[0] if counsel else authors[0] if authors else None)
    filing_date = admissibility.filing_date.isoformat() if admissibility.filing_date else None
    context = {
        "case": case, "facts": facts_in_order(case), "claims": claims, "people": people,
        "authors": authors, "victims": victims, "counsel": counsel,
        "provisions": provisions, "admissibility": admissibility, "state": admissibility.state,
        "steps": domestic_steps(case), "signatory": signatory, "filing_date": filing_date,
        "working_languages": WORKING_LANGUAGES,
        "standard": lambda provision: standard_sentence(
            provision, standards, language, local_title(provision, catalogue, language)),
        # In the document's language: a provision's short title, a reference to it ('пункт
        # 3 b) статьи 14', by case: nom gen dat acc ins pre), the State's names and source.
        "short_title": lambda provision: local_title(provision, catalogue, language),
        "ref": lambda provision, case="nom": provision_ref(provision, language, case),
        "state_words": local_state(admissibility.state, catalogue, language),
    }
    blocks = env.render_sections("communication", context, language)
    title, subtitle = TITLES[language]
    names = ", ".join(p.name for p in victims) or ", ".join(p.name for p in authors)
    state_words = context["state_words"]
    case_title = f"{names} v {case.case.state}" if language == "en" else \
        f"{names} против {state_words['genitive'] if state_words else case.case.state}"
    # The frames' footer ("page N of M") in the document's language; English by default.
    labels = {} if language == "en" else {"page_label": word(language, "page"),
                                          "of_label": word(language, "of")}
    return Document(
        kind="communication", title=f"{title}: {case_title}", blocks=blocks,
        language=language, subject=subtitle, author=signatory.name if signatory else "",
        case_id=case.case.id,
        cover={"title": title, "subtitle": subtitle, "case_title": case_title,
               "date": env.format_date(filing_date, language),
               "confidentiality": case.case.confidentiality.capitalize()
               if language == "en" else {"public": "Общедоступно",
                                         "confidential": "Конфиденциально"}[
                   case.case.confidentiality], **labels},
    )
