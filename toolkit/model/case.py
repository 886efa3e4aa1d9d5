"""The claims schema: one case per YAML file, written by hand by a lawyer.

pydantic gives us the typed model, every field error of a file at once, and the JSON
Schema editors use for completion (`covenant schema`). Cross-references between parts of
a case (fact ids, citation keys, dates against each other) are checked in
`toolkit.checks`, which needs the whole workspace.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

from toolkit.covenant.catalogue import ProvisionError, parse_provision
from toolkit.model.citation_syntax import CitationSyntaxError, parse_group
from toolkit.model.dates import DateError, parse_date


def _date_text(value):
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str | bool):
        try:
            parse_date(value)
        except DateError as exc:
            raise ValueError(str(exc)) from None
    return value


def _provision_text(value):
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str):
        try:
            return str(parse_provision(value))
        except ProvisionError as exc:
            raise ValueError(f"unknown covenant provision: {exc}") from None
    return value


def _source_text(value: str) -> str:
    try:
        parse_group(value)
    except CitationSyntaxError as exc:
        raise ValueError(str(exc)) from None
    return value


ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._:-]*$"
LANGUAGE_PATTERN = r"^[a-z]{2}(-[A-Z]{2})?$"

Id = Annotated[str, Field(pattern=ID_PATTERN,
                          description="A short identifier: letters, digits, '.', '_', '-'.")]
def _string_or_integer(schema: dict) -> None:
    """The JSON Schema of a field that YAML may give as a bare number (`date: 2021`,
    `provision: 21`), which the validators above accept: the published schema must accept
    whatever `covenant check` does."""
    schema["type"] = ["string", "integer"]


DateText = Annotated[str, BeforeValidator(_date_text), Field(
    json_schema_extra=_string_or_integer,
    description="2020-05-19, 2020-05, 2020, '19 May 2020', a range 2020-06-01/2020-06-06; "
                "prefix 'on or about' when approximate.",
    examples=["2020-05-19", "2020-05", "on or about 2020-06-01/2020-06-06"])]
ProvisionRef = Annotated[str, BeforeValidator(_provision_text), Field(
    json_schema_extra=_string_or_integer,
    description="A provision of the ICCPR: '14(3)(b)', '19(2)', '21', '25(a)'.",
    examples=["14(3)(b)", "19(2)", "21", "25(a)"])]
SourceRef = Annotated[str, AfterValidator(_source_text), Field(
    description="A citation in pandoc form: '@key' or '@key, para 12' (brackets optional).",
    examples=["@hrw-2021-kazakhstan, para 12"])]
Markdown = Annotated[str, Field(description="Text in Markdown; cite with [@key, para 3].")]
Language = Annotated[str, Field(pattern=LANGUAGE_PATTERN,
                                description="ISO 639-1 code: en, ru, fr, es, kk.")]


class Strict(BaseModel):
    # defer_build: a model's validator is made the first time it validates. `check`
    # validates only whole files (CaseFile, BriefingFile), whose validators hold every
    # nested model's schema, so building each of the 28 nested models' own as its class
    # was made cost ~20 ms of every check for validators never used.
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, defer_build=True)


Role = Literal["alleged-victim", "author", "counsel", "witness", "trial-monitor", "expert",
               "co-defendant", "judge", "prosecutor", "family-member", "other"]


class CaseInfo(Strict):
    id: Id = Field(description="Used for the drafts folder: drafts/<id>/.")
    title: str
    state: str = Field(description="The State party, by English name or ISO code.")
    language: Language = "en"
    confidentiality: Literal["public", "confidential"] = Field(
        "confidential", description="'public' only when every fact is already public.")
    summary: Markdown | None = None


class Person(Strict):
    id: Id
    name: str
    roles: list[Role] = Field(min_length=1)
    nationality: str | None = None
    birth_date: DateText | None = None
    birth_place: str | None = None
    address: str | None = Field(None, description="Address for correspondence.")
    occupation: str | None = None
    gender: Literal["female", "male"] | None = Field(
        None, description="How the standard wording refers to the person where a language "
                          "marks it ('her own behalf', 'elle est touchée', 'автор "
                          "затронута'); without it, the wording the Committee uses for an "
                          "author of either gender, or the masculine in French and Russian.")
    confidential: bool | None = Field(
        None, description="Replace the name by a role label in public documents. Default: "
                          "true for trial monitors, false for everyone else.")
    label: str | None = Field(None, description="The label used when the name is withheld, "
                                                "e.g. 'Monitor 1'.")
    aliases: list[str] = Field(
        default_factory=list, description="Other spellings of the name (transliterations, "
                                          "Cyrillic): withheld too in public documents.")


class Charge(Strict):
    law: str = Field(description="e.g. 'Criminal Code'")
    article: str = Field(description="Article and part, e.g. '182(1)'.")
    description: str
    facts: list[Id] = Field(default_factory=list,
                            description="The facts this charge rests on.")


class Ban(Strict):
    description: str
    duration: str | None = None


class Hearing(Strict):
    date: DateText
    description: str
    sources: list[SourceRef] = Field(default_factory=list)


class Judgment(Strict):
    date: DateText
    court: str | None = Field(
        None, description="The court that gave judgment, where it is not the proceeding's "
                          "`court`; 'unknown' where the sources do not name it (the "
                          "communication then marks it to be confirmed).")
    outcome: str
    sentence: str | None = None
    bans: list[Ban] = Field(default_factory=list)
    sources: list[SourceRef] = Field(default_factory=list)


class Appeal(Strict):
    """A remedy pursued against a decision of the proceeding (its name is historical)."""

    kind: Literal["appeal", "cassation", "supervisory-review", "prosecutor-protest",
                  "constitutional", "other"] = Field(
        description="appeal and cassation are ordinary remedies, which must be exhausted; "
                    "supervisory-review and prosecutor-protest are extraordinary ones, "
                    "recorded but never required (see docs/communication.md).")
    court: str = Field(description="The court (or office) the remedy was brought to.")
    filed: DateText | None = None
    decided: DateText | None = None
    status: Literal["pending", "decided", "refused", "withdrawn", "unknown"] = Field(
        description="unknown: whether it was lodged, or how it ended, is not known yet.")
    outcome: str | None = None
    ordinary: bool | None = Field(
        None, description="Whether it is an ordinary remedy in this legal system, where "
                          "that differs from what its kind implies.")
    decided_by: str | None = Field(
        None, description="The court that decided, where it is not `court`; 'unknown' "
                          "where the sources do not say which court decided.")
    sources: list[SourceRef] = Field(default_factory=list)


class Proceeding(Strict):
    id: Id
    kind: Literal["criminal", "administrative", "civil", "constitutional", "other"] = "criminal"
    court: str
    case_number: str | None = None
    defendants: list[Id] = Field(default_factory=list)
    charges: list[Charge] = Field(default_factory=list)
    hearings: list[Hearing] = Field(default_factory=list)
    judgment: Judgment | None = None
    appeals: list[Appeal] = Field(default_factory=list)


class Fact(Strict):
    id: Id
    date: DateText
    text: Markdown
    sources: list[SourceRef] = Field(default_factory=list)
    people: list[Id] = Field(default_factory=list)
    continuing: bool = Field(False, description="The situation continues after this date.")
    continuing_why: Markdown | None = Field(
        None, description="Why the violation continued after the Optional Protocol entered "
                          "into force (needed for a continuing fact dated before it).")


class Claim(Strict):
    id: Id | None = None
    provision: ProvisionRef
    read_with: list[ProvisionRef] = Field(default_factory=list,
                                          description="e.g. ['2(3)'] for 'read with'.")
    facts: list[Id] = Field(min_length=1)
    standard: Markdown | None = Field(
        None, description="The applicable standard in your own words; by default the "
                          "communication states it from the provision and the General "
                          "Comment paragraphs cited in 'authorities'.")
    argument: Markdown
    authorities: list[SourceRef] = Field(default_factory=list)
    proceedings: list[Id] = Field(
        default_factory=list,
        description="The proceedings whose remedies the claim was raised in; default: "
                    "those whose charges rest on the claim's facts, or the only one.")
    comparator: Markdown | None = Field(
        None, description="For article 26: who was treated differently, and how.")


class DomesticRemedies(Strict):
    exhausted: bool | Literal["unknown"] = Field(
        description="true, false (then explain why), or unknown (the draft then says what "
                    "is to be confirmed).")
    explanation: Markdown | None = Field(
        None, description="Why remedies are unavailable, ineffective or unreasonably "
                          "prolonged, where not exhausted.")


class InternationalProcedure(Strict):
    body: str
    kind: Literal["treaty-body", "regional", "special-procedure", "council-complaint",
                  "other"] | None = Field(
        None, description="treaty-body or regional: a procedure of international "
                          "investigation or settlement (OP art 5(2)(a)); special-procedure "
                          "(e.g. the Working Group on Arbitrary Detention) or "
                          "council-complaint: not one. Default: from the body's name.")
    reference: str | None = None
    submitted: DateText | None = None
    status: Literal["pending", "concluded", "withdrawn", "not-submitted"]
    concluded: DateText | None = None
    outcome: str | None = None
    same_matter: bool | None = Field(
        None, description="Default: the same matter where its authors, facts and provisions "
                          "(those given) meet the communication's.")
    authors: list[Id] = Field(default_factory=list,
                              description="Who brought it, if not the communication's author.")
    facts: list[Id] = Field(default_factory=list, description="The facts it concerns.")
    provisions: list[ProvisionRef] = Field(default_factory=list,
                                           description="The rights it concerns.")
    sources: list[SourceRef] = Field(default_factory=list)


class InterimMeasures(Strict):
    requested: bool
    measures: Markdown | None = None
    reason: Markdown | None = None


class Representation(Strict):
    author: Id
    victim: Id
    authorization: Literal["signed", "none"]
    annex: int | None = Field(None, description="The annex holding the authorization.")
    reason: Markdown | None = Field(None, description="Why there is no authorization.")


class Annex(Strict):
    number: int = Field(ge=1)
    title: str
    language: Language
    translated: bool = Field(False, description="A translation into a working language of "
                                                "the Committee is attached.")
    date: DateText | None = None
    file: str | None = None


class MonitoringSession(Strict):
    date: DateText
    mode: Literal["in-person", "online", "hybrid"]
    monitors: list[Id] = Field(min_length=1)
    access: str
    language: str
    notes: Markdown | None = None


Grade = Literal["A", "B", "C", "D", "F"]


class Finding(Strict):
    id: Id
    provision: ProvisionRef
    text: Markdown
    effect: Literal["no-effect", "affected-outcome", "significant-harm"] = Field(
        description="no-effect: a violation that did not affect the outcome; "
                    "affected-outcome: it affected the outcome; significant-harm: it "
                    "caused significant harm.")
    facts: list[Id] = Field(default_factory=list)
    sources: list[SourceRef] = Field(default_factory=list)


class Assessment(Strict):
    grade: Grade = Field(description="The expert's grade: what the report prints.")
    justification: Markdown | None = Field(
        None, description="Required where the grade differs from the one the findings "
                          "suggest.")
    summary: Markdown | None = None


class Monitoring(Strict):
    programme: str
    proceeding: Id
    expert: Id | None = None
    illustrative: bool = Field(False, description="Sessions are illustrative, not real data.")
    sessions: list[MonitoringSession] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    assessment: Assessment | None = None


class Filing(Strict):
    date: DateText | None = Field(None, description="The date of submission (default: the "
                                                    "build date).")
    place: str | None = None
    signatory: Id | None = Field(None, description="The person who signs: author or counsel.")
    delay_justification: Markdown | None = Field(
        None, description="Why a submission after the time limit is not an abuse of the "
                          "right of submission.")


class CaseFile(Strict):
    """One case: the single source for every document kind."""

    model_config = ConfigDict(json_schema_extra={"title": "Covenant case file"})

    case: CaseInfo
    people: list[Person] = Field(min_length=1)
    proceedings: list[Proceeding] = Field(default_factory=list)
    facts: list[Fact] = Field(min_length=1)
    claims: list[Claim] = Field(default_factory=list)
    domestic_remedies: DomesticRemedies | None = None
    international_procedures: list[InternationalProcedure] | None = Field(
        None, description="Every other international procedure the matter went to; [] "
                          "when there was none (left out: the draft marks it to be "
                          "confirmed).")
    remedies_sought: list[Markdown] = Field(default_factory=list)
    interim_measures: InterimMeasures | None = None
    representation: Representation | None = None
    anonymity_requested: bool = Field(False, description="Ask the Committee not to disclose "
                                                         "the author's identity.")
    annexes: list[Annex] = Field(default_factory=list)
    monitoring: Monitoring | None = None
    filing: Filing | None = None


def json_schema() -> dict:
    schema = CaseFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://covenant.invalid/schema/claims.schema.json"
    return schema
