"""Every entry of the shipped library, formatted in the house style and in published
note styles, in every position, carries no formatting debris."""

from __future__ import annotations

import re

import pytest

from tests.conftest import REPO
from toolkit.passes.citation_markup import clean_debris, fragment_text
from toolkit.passes.citeproc_engine import CiteprocEngine, Request, resolve_style
from toolkit.readers.library import Library

STYLES = ["covenant-oscola", "european-journal-of-international-law", "mhra-notes",
          "chicago-notes-bibliography"]
DEBRIS = {
    "comma gap": re.compile(r",\s*,"),
    "stray Vols": re.compile(r"\bVols?\b(?!\.?\s*(?:\d|[IVXLC]+\b))"),
    "empty brackets": re.compile(r"\(\s*\)|\[\s*\]"),
    "doubled full stop": re.compile(r"(?<!\.)\.\s*\.(?!\.)"),
    "capital V in case name": re.compile(r"\b[A-Z]\w+ V [A-Z]"),
    "space before punctuation": re.compile(r"\s[,.;:]"),
    "title printed twice": re.compile(r"([\w’‘' ]{6,}), \1(?=[,.;\s]|$)"),
}


@pytest.fixture(scope="module")
def library(shipped_library) -> Library:
    return shipped_library


@pytest.mark.parametrize("style", STYLES)
def test_no_formatting_debris_in_any_entry_or_position(style, library):
    items = {e.key: e.item for e in library.entries.values()}
    engine = CiteprocEngine(resolve_style(style, REPO / "templates"), items)
    problems = []
    for key in items:
        for position in ("first", "subsequent", "ibid", "ibid-with-locator"):
            for label, locator in ((None, None), ("paragraph", "12"), ("article", "5")):
                request = Request(key, position, label, locator, "", "", 3)
                text = fragment_text(clean_debris(engine.format(request)))
                found = [name for name, rx in DEBRIS.items() if rx.search(text)]
                if found or not text.strip():
                    problems.append(f"{key} {position} {locator}: {found or 'empty'}: {text}")
    assert not problems, "\n".join(problems[:20])


def test_clean_debris_fixes_what_citeproc_leaves():
    raw = "Human Rights Committee, <i>Esergepov V Kazakhstan</i>, Views, Vols, 2016, , at 12.."
    assert fragment_text(clean_debris(raw)) == \
        "Human Rights Committee, Esergepov v Kazakhstan, Views, 2016, at 12."


def test_a_volume_in_a_document_symbol_survives_the_cleaning():
    assert fragment_text(clean_debris("document HRI/GEN/1/Rev.9 (Vol. I), para 1.")) == \
        "document HRI/GEN/1/Rev.9 (Vol. I), para 1."
    assert fragment_text(clean_debris("HRI/GEN/1/Rev.9 (Vol I) and Vol. 2, Vols.")) == \
        "HRI/GEN/1/Rev.9 (Vol I) and Vol. 2"


def test_an_ellipsis_and_a_printed_url_survive_the_cleaning():
    assert fragment_text(clean_debris("<i>Silenced... critics</i>, 2020.")) == \
        "Silenced... critics, 2020."
    assert fragment_text(clean_debris("Report <https://x.org/a>, para 3.")) == \
        "Report <https://x.org/a>, para 3."


def test_a_style_is_found_by_path_by_local_name_and_by_published_name(tmp_path):
    assert resolve_style("covenant-oscola", REPO / "templates").name == "covenant-oscola.csl"
    assert resolve_style(str(REPO / "templates/styles/covenant-oscola.csl"), None).is_file()
    assert resolve_style("mhra-notes", None).name == "mhra-notes.csl"
    with pytest.raises(ValueError, match="not found"):
        resolve_style("no-such-style", None)


def test_a_number_ending_the_segment_before_it_is_not_a_repeated_title():
    # MHRA prints a View's symbol, then its communication number: both stay
    raw = "<i>Esergepov v Kazakhstan</i>, Views CCPR/C/116/D/2129/2012, 2129/2012, 2016"
    assert clean_debris(raw) == raw
    assert fragment_text(clean_debris("<i>Some Title Here</i>, <i>Some Title Here</i>, 2016")) \
        == "Some Title Here, 2016"


def test_a_title_with_commas_printed_twice_is_printed_once():
    """MHRA prints a legislation title for its missing author and again as the title; a
    gazette's title holds commas ("Kunst und Kultur, Verfassung und Medien …")."""
    twice = "Kundmachung, Verfassung, BGBl III [x], Kundmachung, Verfassung, BGBl III [x], 2017."
    assert fragment_text(clean_debris(twice)) == "Kundmachung, Verfassung, BGBl III [x], 2017."
    assert fragment_text(clean_debris("A, B, C.")) == "A, B, C."
