"""The sources of the admissibility rules: the treaty, the rules of procedure and the
Committee's Views, each once, so that the checks' messages, the draft's wording, the
docs' table and the tests cite the same thing.

`key` is the entry in the citation library (citations/hrc-views.json) that a template
cites as a footnote, where there is one. Status: "V" where the Committee's own words were
read (the URL of the copy read is in `seen`), "K" where only the rule's substance is
established from secondary sources — a template states a K point only as the rule's text.

Size: one table of citations, read by the rule modules beside it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LegalSource:
    citation: str
    status: str = "V"
    key: str | None = None  # citation-library key, for a footnote in the draft
    pinpoint: str | None = None  # e.g. "para 7.2"
    seen: str = ""


SOURCES: dict[str, LegalSource] = {
    "op-1": LegalSource("Optional Protocol, art 1"),
    "op-2": LegalSource("Optional Protocol, art 2"),
    "op-3": LegalSource("Optional Protocol, art 3"),
    "op-5-2-a": LegalSource("Optional Protocol, art 5(2)(a)"),
    "op-5-2-b": LegalSource("Optional Protocol, art 5(2)(b)"),
    "op-9-2": LegalSource("Optional Protocol, art 9(2)"),
    "op-12-1": LegalSource(
        "Optional Protocol, art 12(1) (a denunciation takes effect three months after the "
        "Secretary-General receives it)",
        seen="https://www.defendersbelarus.org/tpost/60cz4d3ts1-the-last-day-for-belarusians-to-lodge-a"),
    "op-12-2": LegalSource(
        "Optional Protocol, art 12(2) (the Protocol goes on applying to communications "
        "submitted before the denunciation takes effect)", status="K"),
    "iccpr-49-2": LegalSource("Covenant, art 49(2)"),
    "rule-99-c": LegalSource(
        "Rules of procedure of the Human Rights Committee, rule 99(c) (CCPR/C/3/Rev.11; "
        "rule 96(c) in CCPR/C/3/Rev.10)"),
    "kz-declaration": LegalSource(
        "Kazakhstan's declaration on ratifying the Optional Protocol (Law No 130-IV of 11 "
        "February 2009)"),
    "extraordinary-remedies": LegalSource(
        "Gelazauskas v Lithuania, Communication No 836/1998 (Views, 2003; A/58/40, vol II, "
        "annex VI), para 7.2 (a supervisory protest is an extraordinary remedy at an "
        "official's discretion, which need not be exhausted)",
        key="gelazauskas-v-lithuania", pinpoint="para 7.2",
        seen="https://www.legislationline.org/documents/id/17440"),
    "charter-mechanisms": LegalSource(
        "The Committee's practice: the Human Rights Council's special procedures (among "
        "them the Working Group on Arbitrary Detention) and its complaint procedure are "
        "not procedures of international investigation or settlement under OP art 5(2)(a)",
        status="K"),
    "same-matter": LegalSource(
        "The Committee's practice: the same matter is the same claim by the same author "
        "on the same facts and rights", status="K"),
    "art-1": LegalSource(
        "Lubicon Lake Band v Canada, Communication No 167/1984, UN Doc CCPR/C/38/D/167/1984 "
        "(Views of 26 March 1990): article 1, a right of peoples, cannot be invoked under "
        "the Optional Protocol", status="K"),
    "art-2-alone": LegalSource(
        "Communication No 398/1990 (decision of 23 July 1992), para 4.2: article 2 is a "
        "general undertaking that an individual cannot invoke without a specific right"),
    "parts-iv-vi": LegalSource(
        "Covenant, Parts IV-VI (arts 28-53): the Committee and the final clauses confer "
        "no individual rights"),
    "art-26-comparator": LegalSource(
        "Covenant, art 26: a claim of discrimination shows a difference of treatment "
        "with others in a comparable situation", status="K"),
}


def cite(rule: str) -> str:
    """The citation a message gives for `rule` (a key of SOURCES)."""
    return SOURCES[rule].citation
