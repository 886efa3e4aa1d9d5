"""The briefing-file schema: one EU dialogue briefing paper per YAML file in
claims/briefings/, drawing its cases of concern from the workspace's case files.

A briefing file holds what the advocacy staff write themselves (the framing, the
introduction, each theme's text and recommendations) and says which cases appear in each
theme; the cases' facts, sources and claims stay in the case files, so a fact corrected
there is corrected in every paper. Cross-references (case ids, citation keys, themes no
case matches) are checked in `toolkit.kinds.briefing.check`, which needs the whole workspace.
"""

from __future__ import annotations

import difflib
import re
from typing import Annotated, Literal

from pydantic import BeforeValidator, ConfigDict, Field

from toolkit.model.case import ID_PATTERN, DateText, Id, Language, Markdown, ProvisionRef, Strict

SELECTORS = ("provisions", "all")


def _case_selection(value):
    """'provisions', 'all' or a list of case ids; one clear message for anything else."""
    if isinstance(value, str):
        if value in SELECTORS:
            return value
        close = difflib.get_close_matches(value, SELECTORS, n=1, cutoff=0.5)
        hint = f"; did you mean '{close[0]}'?" if close else \
            "; to name one case, write a list: [case-id]"
        raise ValueError(f"'cases' must be 'provisions', 'all' or a list of case ids, not "
                         f"{value!r}{hint}")
    if isinstance(value, list):
        for item in value:
            if not isinstance(item, str) or not re.match(ID_PATTERN, item):
                raise ValueError(f"'cases' lists case ids (the 'id' under 'case:' in each "
                                 f"case file); {item!r} is not one")
        return value
    raise ValueError("'cases' must be 'provisions', 'all' or a list of case ids")


CaseSelection = Annotated[
    Literal["provisions", "all"] | list[str], BeforeValidator(_case_selection),
    Field(description="Which cases appear in the theme: 'provisions' (every case with a "
                      "claim under one of the theme's provisions; the default), 'all', or "
                      "a list of case ids in the order they should appear.",
          examples=["provisions", "all", ["zheksebaev", "abishev"]])]


class BriefingInfo(Strict):
    id: Id = Field(description="Used for the drafts folder: drafts/<id>/briefing.<ext>.")
    title: str = Field(description="The paper's title, e.g. 'Key concerns and "
                                   "recommendations on the protection of fundamental "
                                   "rights in Kazakhstan'.")
    state: str = Field(description="The State the dialogue is held with (its name in "
                                    "English or in the paper's language, or its ISO code).")
    date: DateText = Field(description="The date of the paper, printed on the title page "
                                       "(a month is enough: 2023-02).")
    language: Language = Field("en", description="The paper's language: 'en' (the "
                                                  "default) or 'ru'. A paper in Russian "
                                                  "tells only case files in Russian.")
    illustrative: bool = Field(False, description="The paper is an example built from "
                                                  "example data; the title page says so.")


class Dialogue(Strict):
    name: str = Field(description="e.g. 'EU–Kazakhstan Human Rights Dialogue'.")
    round: int | None = Field(None, ge=1, description="The round of the dialogue, e.g. 14.")
    date: DateText = Field(description="When the dialogue is held.")
    place: str | None = Field(None, description="e.g. 'Brussels', or 'online'.")


class Organisation(Strict):
    name: str
    short: str | None = Field(None, description="The acronym used in the text, e.g. 'IPHR'.")
    country: str | None = Field(None, description="Where it is based, printed after the "
                                                  "name as in '(IPHR, Belgium)'.")


class Theme(Strict):
    id: Id
    heading: str = Field(description="The section heading, e.g. 'Freedom of expression'.")
    provisions: list[ProvisionRef] = Field(
        default_factory=list,
        description="The Covenant provisions the theme covers, e.g. ['19'] for expression, "
                    "['22'] association, ['21'] assembly, ['25'] participation, ['14'] "
                    "fair trial, ['9'] liberty. '19' covers 19(1), 19(2) and 19(3); "
                    "'14(3)' covers 14(3)(a) to (g).")
    text: Markdown = Field(description="The theme's own text, before its cases of concern.")
    cases: CaseSelection = "provisions"
    recommendations_to: str | None = Field(
        None, description="The line before the recommendations; default: the briefing's "
                          "'recommendations_to'.")
    recommendations: list[Markdown] = Field(
        default_factory=list, description="One step per item, e.g. 'Release ...'; set in "
                                          "italics, each ending with ';', the last with '.'.")


class BriefingFile(Strict):
    """One EU dialogue briefing paper, drawn from many case files."""

    model_config = ConfigDict(json_schema_extra={"title": "Covenant briefing file"})

    briefing: BriefingInfo
    dialogue: Dialogue
    organisations: list[Organisation] = Field(min_length=1)
    introduction: Markdown
    recommendations_to: str = Field(
        "The authorities of {state} should:",
        description="The line before each theme's recommendations; {state} is replaced by "
                    "the State's name (in a Russian paper, by its genitive: the default "
                    "there is 'Рекомендации властям {state}:').")
    narrative_facts: int = Field(6, ge=1, description="At most this many facts in a case "
                                                      "of concern's narrative.")
    themes: list[Theme] = Field(min_length=1)


def json_schema() -> dict:
    schema = BriefingFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://covenant.invalid/schema/briefing.schema.json"
    return schema
