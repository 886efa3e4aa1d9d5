"""The internal memorandum: the case file as a readable document. Facts in date order
with their sources as footnotes, then each claim provision by provision.

Size: the memo is the simplest kind: its wording is all in templates/memo/."""

from __future__ import annotations

from toolkit.covenant import state_status
from toolkit.kinds.sections import KindEnv, claims_in_order, facts_in_order, victims
from toolkit.model.case import CaseFile
from toolkit.model.document import Document


def build_memo(case: CaseFile, env: KindEnv) -> Document:
    context = {
        "case": case,
        "facts": facts_in_order(case),
        "claims": claims_in_order(case),
        "victims": victims(case),
        "state": state_status(case.case.state),
        "people": {p.id: p for p in case.people},
    }
    blocks = env.render_sections("memo", context, case.case.language)
    title = f"Case memorandum: {case.case.title}"
    return Document(
        kind="memo", title=title, blocks=blocks, language=case.case.language,
        subject=f"Internal memorandum on {case.case.title}", author="Covenant",
        case_id=case.case.id,
        cover={"title": "Case memorandum", "subtitle": "Internal — not for filing",
               "case_title": case.case.title, "date": env.today,
               "confidentiality": case.case.confidentiality.capitalize()},
    )
