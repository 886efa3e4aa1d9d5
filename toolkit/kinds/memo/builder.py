"""The internal memorandum: the case file as a readable document. Facts in date order
with their sources as footnotes, then each claim provision by provision. Written in the
case file's language (templates/memo/sections/ for English, sections/<language>/ for
others); the cover's words are in MEMO_WORDS.

Size: the memo is the simplest kind: its wording is all in templates/memo/."""

from __future__ import annotations

from toolkit.covenant import parse_provision, state_status
from toolkit.kinds.sections import KindEnv, claims_in_order, facts_in_order, victims
from toolkit.kinds.standards import country_name, load_catalogue, local_title, provision_ref
from toolkit.model.case import CaseFile
from toolkit.model.document import Document
from toolkit.model.i18n import word

# The cover's words by language: title, subtitle, "internal memorandum on", and the
# marking every page carries, by the case's confidentiality: a memo is internal even
# when its case is public (a page headed "Public" under "Internal — not for filing"
# contradicted itself). A language without an entry has no templates either
# (render_sections refuses it first, naming those the memo has).
MEMO_WORDS = {
    "en": ("Case memorandum", "Internal — not for filing", "Internal memorandum on",
           {"public": "Internal", "confidential": "Confidential"}),
    "ru": ("Служебная записка по делу", "Для внутреннего пользования — не для подачи",
           "Служебная записка по делу", {"public": "Для внутреннего пользования",
                                         "confidential": "Конфиденциально"}),
}


def build_memo(case: CaseFile, env: KindEnv) -> Document:
    language = case.case.language
    catalogue = load_catalogue(env, language)
    state = state_status(case.case.state)
    local = ((catalogue.get("states") or {}).get(state.iso) or {}) if state else {}
    context = {
        "case": case,
        "facts": facts_in_order(case),
        "claims": claims_in_order(case),
        "victims": victims(case),
        "state": state,
        "people": {p.id: p for p in case.people},
        # In the case file's language: the State's name, a nationality, a provision.
        "state_name": str(local.get("name") or (state.name_in(language) if state
                                                 else case.case.state)),
        "country": lambda text: country_name(text, language, catalogue),
        "ref": lambda provision, grammatical="nom": provision_ref(
            provision if hasattr(provision, "article") else parse_provision(provision),
            language, grammatical),
        "short_title": lambda provision: local_title(provision, catalogue, language),
    }
    blocks = env.render_sections("memo", context, language)
    title, subtitle, about, confidentiality = MEMO_WORDS[language]
    labels = {} if language == "en" else {"page_label": word(language, "page"),
                                          "of_label": word(language, "of")}
    return Document(
        kind="memo", title=f"{title}: {case.case.title}", blocks=blocks,
        language=language, subject=f"{about}: {case.case.title}" if language != "en"
        else f"{about} {case.case.title}", author="Covenant", case_id=case.case.id,
        cover={"title": title, "subtitle": subtitle, "case_title": case.case.title,
               "date": env.format_date(env.today_date.isoformat(), language)
               if language != "en" and env.today_date else env.today,
               "confidentiality": confidentiality[case.case.confidentiality], **labels},
    )
