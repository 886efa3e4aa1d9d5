"""The internal memorandum: the case file as a readable document. Facts in date order
with their sources as footnotes, then each claim provision by provision."""

from __future__ import annotations

from toolkit.covenant import parse_provision, state_status
from toolkit.dates import parse_date
from toolkit.document import Document
from toolkit.kinds.sections import KindEnv
from toolkit.model import CaseFile


def facts_in_order(case: CaseFile) -> list:
    return sorted(case.facts, key=lambda f: parse_date(f.date).sort_key())


def claims_in_order(case: CaseFile) -> list:
    return sorted(case.claims, key=lambda c: parse_provision(c.provision).sort_key)


def victims(case: CaseFile) -> list:
    return [p for p in case.people if "alleged-victim" in p.roles]


def build_memo(case: CaseFile, env: KindEnv) -> Document:
    context = {
        "case": case,
        "facts": facts_in_order(case),
        "claims": claims_in_order(case),
        "victims": victims(case),
        "state": state_status(case.case.state),
        "people": {p.id: p for p in case.people},
    }
    blocks = env.render_sections("memo", context)
    title = f"Case memorandum: {case.case.title}"
    return Document(
        kind="memo", title=title, blocks=blocks, language=case.case.language,
        subject=f"Internal memorandum on {case.case.title}", author="Covenant",
        case_id=case.case.id,
        cover={"title": "Case memorandum", "subtitle": "Internal — not for filing",
               "case_title": case.case.title, "date": env.today,
               "confidentiality": case.case.confidentiality.capitalize()},
    )
