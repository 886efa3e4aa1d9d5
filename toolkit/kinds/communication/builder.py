"""The communication to the Human Rights Committee under the First Optional Protocol,
laid out as the OHCHR model complaint form expects, with numbered paragraphs throughout.

The kind prepares structured data (people, the domestic steps, the standard for each
claim from the General Comment paragraphs cited, the admissibility findings); the
wording is in templates/communication/sections/<language>/. For a language other than
English, templates/communication/catalogue.<language>.yaml gives the provisions' short
titles, the General Comment summaries and the State's name in that language."""

from __future__ import annotations

from dataclasses import dataclass

from toolkit.covenant import parse_provision
from toolkit.kinds.communication.admissibility import (
    WORKING_LANGUAGES,
    Admissibility,
    check_admissibility,
    evidence_annexes,
)
from toolkit.kinds.communication.provision_lists import provision_list
from toolkit.kinds.communication.remedies import court_unknown
from toolkit.kinds.sections import KindEnv, cite_list, claims_in_order, facts_in_order
from toolkit.kinds.standards import (
    _template_data,
    claim_view,
    country_name,
    load_catalogue,
    load_standards,
    local_points,
    local_state,
    local_title,
    provision_ref,
    standard_sentence,
    without_the_standards_own,
)
from toolkit.model.case import CaseFile
from toolkit.model.dates import parse_date
from toolkit.model.document import Document
from toolkit.model.errors import CovenantError, Report
from toolkit.model.i18n import word
from toolkit.readers.claims import LoadedCase


@dataclass(frozen=True)
class CoverWords:
    """The cover's words in one language: title, subtitle, the word between the victims
    and the State in the case title ("X v Kazakhstan", "X c. Kazakhstan"), and the
    confidentiality labels."""

    title: str
    subtitle: str
    versus: str
    confidentiality: dict[str, str]
    colon: str = ": "  # between the title and the case title; French spaces it


# One entry per language the communication is written in (with its templates in
# templates/communication/sections/<language>/); the Committee's own names of the
# Covenant and the Optional Protocol in each language.
COVERS = {
    "en": CoverWords(
        "Communication to the Human Rights Committee",
        "submitted under the Optional Protocol to the International Covenant on Civil and "
        "Political Rights", "v", {"public": "Public", "confidential": "Confidential"}),
    "ru": CoverWords(
        "Сообщение в Комитет по правам человека",
        "представленное в соответствии с Факультативным протоколом к Международному пакту "
        "о гражданских и политических правах", "против",
        {"public": "Общедоступно", "confidential": "Конфиденциально"}),
    "fr": CoverWords(
        "Communication au Comité des droits de l’homme",
        "présentée en vertu du Protocole facultatif se rapportant au Pacte international "
        "relatif aux droits civils et politiques", "c.",
        {"public": "Document public", "confidential": "Confidentiel"}, "\u00a0: "),
    "es": CoverWords(
        "Comunicación al Comité de Derechos Humanos",
        "presentada con arreglo al Protocolo Facultativo del Pacto Internacional de "
        "Derechos Civiles y Políticos", "c.",
        {"public": "Documento público", "confidential": "Confidencial"}),
}


def cover_words(language: str) -> CoverWords:
    if language not in COVERS:
        raise CovenantError(f"the communication has no templates in '{language}' "
                            f"(case.language); it can be written in "
                            f"{', '.join(repr(x) for x in COVERS)}")
    return COVERS[language]


@dataclass
class Step:
    kind: str
    court: str
    date: str | None
    outcome: str
    sources: list[str]
    # `court` is where the case was tried or the remedy brought; which court decided is
    # unknown (`judgment.court` or `decided_by`: unknown)
    court_unconfirmed: bool = False


def domestic_steps(case: CaseFile) -> list[Step]:
    steps = []
    for proceeding in case.proceedings:
        if proceeding.judgment:
            j = proceeding.judgment
            outcome = "; ".join(x for x in [j.outcome, j.sentence] if x)
            unconfirmed = court_unknown(j.court)
            court = proceeding.court if unconfirmed else j.court or proceeding.court
            steps.append(Step("judgment", court, j.date, outcome, list(j.sources),
                              unconfirmed))
        for appeal in proceeding.appeals:
            unconfirmed = court_unknown(appeal.decided_by)
            court = appeal.decided_by if appeal.decided_by and not unconfirmed \
                else appeal.court
            steps.append(Step(appeal.kind, court, appeal.decided or appeal.filed,
                              appeal.outcome or appeal.status, list(appeal.sources),
                              unconfirmed))
    return sorted(steps, key=lambda s: parse_date(s.date).start if s.date else parse_date(
        "9999").start)


def state_citations(env: KindEnv, state) -> dict[str, str]:
    """The library citations supporting each date of the State-party paragraph
    (templates/communication/state-sources.yaml): fact -> "[@a; @b]"; empty for a State
    not listed there or whose entries the library lacks (the paragraph then cites the
    States catalogue's source text)."""
    if state is None:
        return {}
    data = _template_data(env.templates / "communication" / "state-sources.yaml",
                          env.templates)
    entry = data.get(state.iso) if isinstance(data, dict) else None
    if not isinstance(entry, dict):
        return {}
    cites = {str(fact): [str(k) for k in keys] for fact, keys in entry.items()
             if isinstance(keys, list) and keys}
    # A workspace whose library lacks one of them cites the catalogue's text instead.
    if not all(k.split(",")[0].strip().lstrip("@") in env.library
               for keys in cites.values() for k in keys):
        return {}
    return {fact: cite_list(keys) for fact, keys in cites.items()}


def build_communication(case: CaseFile, env: KindEnv) -> Document:
    language = case.case.language
    words = cover_words(language)
    admissibility: Admissibility = check_admissibility(
        LoadedCase(None, "", None, case), Report(), env.today_date)
    standards = load_standards(env, language)
    catalogue = load_catalogue(env, language)
    people = {p.id: p for p in case.people}
    authors = [p for p in case.people if "author" in p.roles]
    victims = [p for p in case.people if "alleged-victim" in p.roles]
    counsel = [p for p in case.people if "counsel" in p.roles]
    claims = [without_the_standards_own(local_points(view, catalogue, language),
                                        standard_sentence(view.provision, standards, language))
              for view in map(claim_view, claims_in_order(case))]
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
        # The annexes not in a working language: the draft explains the translation note
        # in the table's Language column only if there is one (OHCHR model form, V).
        "untranslated": [a for a in case.annexes
                         if a.language.split("-")[0] not in WORKING_LANGUAGES],
        # whether the claims can be said to rest on evidence (the substantiation sentence)
        "evidence_annexed": bool(evidence_annexes(case)),
        "standard": lambda provision: standard_sentence(
            provision, standards, language, local_title(provision, catalogue, language)),
        # In the document's language: a provision's short title, a reference to it ('пункт
        # 3 b) статьи 14', by case: nom gen dat acc ins pre), the State's names and source.
        "short_title": lambda provision: local_title(provision, catalogue, language),
        "ref": lambda provision, case="nom": provision_ref(provision, language, case),
        "refs": lambda provisions, case="nom": provision_list(provisions, language, case),
        "state_words": local_state(admissibility.state, catalogue, language),
        "country": lambda text: country_name(text, language, catalogue),
        "state_cites": state_citations(env, admissibility.state),
    }
    blocks = env.render_sections("communication", context, language)
    names = ", ".join(p.name for p in victims) or ", ".join(p.name for p in authors)
    state_words = context["state_words"]
    case_title = f"{names} {words.versus} " + (
        case.case.state if language == "en" or not state_words else state_words["genitive"])
    # The frames' footer ("page N of M") in the document's language; English by default.
    labels = {} if language == "en" else {"page_label": word(language, "footer_page"),
                                          "of_label": word(language, "of")}
    return Document(
        kind="communication", title=f"{words.title}{words.colon}{case_title}", blocks=blocks,
        language=language, subject=words.subtitle,
        author=signatory.name if signatory else "", case_id=case.case.id,
        cover={"title": words.title, "subtitle": words.subtitle, "case_title": case_title,
               "date": env.format_date(filing_date, language),
               "confidentiality": words.confidentiality[case.case.confidentiality],
               **labels},
    )
