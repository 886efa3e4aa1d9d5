"""The passes: numbering, cross-references, notes and citation positions."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import REPO, library_of
from toolkit.model.document import Document, NoteRef, Paragraph, Text
from toolkit.model.errors import Report
from toolkit.passes import PassContext, run_passes
from toolkit.passes.citeproc_engine import resolve_style
from toolkit.readers.library import Library
from toolkit.readers.markdown import parse_markdown
from toolkit.writers.native import inline_text, render_native

HOUSE = REPO / "templates" / "styles" / "covenant-oscola.csl"
LIBRARY = """\
- id: gc
  type: report
  author: [{literal: UN Human Rights Committee}]
  title: "General Comment No 34: Article 19: Freedoms of Opinion and Expression"
  title-short: General Comment 34
  number: CCPR/C/GC/34
  issued: {date-parts: [[2011, 9, 12]]}
- id: case
  type: legal_case
  title: Zhagiparov v Kazakhstan
  title-short: Zhagiparov
  authority: Human Rights Committee
  genre: Views
  collection-number: 2441/2014
  number: CCPR/C/124/D/2441/2014
  annote: an internal remark, never printed
  issued: {date-parts: [[2018, 10, 25]]}
- id: treaty
  type: treaty
  title: International Covenant on Civil and Political Rights
  title-short: ICCPR
  issued: {date-parts: [[1966, 12, 16]]}
  submitted: {date-parts: [[1976, 3, 23]]}
  container-title: United Nations Treaty Series
  container-title-short: UNTS
  volume: "999"
  page: "171"
- id: ngo
  type: report
  author: [{literal: Human Rights Watch}]
  title: Prosecutions for participation in banned groups
  publisher: Human Rights Watch
  issued: {date-parts: [[2021]]}
"""


@pytest.fixture(scope="module")
def library(tmp_path_factory) -> Library:
    return library_of(tmp_path_factory, LIBRARY)


def build(markdown: str, library: Library, annexes=("1",), style: Path = HOUSE):
    report = Report()
    document = Document("memo", "Test", parse_markdown(markdown, "claims/t.yaml:1"))
    run_passes(document, PassContext(library, style, report, annexes=set(annexes)))
    return document, report


def notes(document) -> list[str]:
    return [inline_text(n.children) for n in document.notes]


def test_sections_and_numbered_paragraphs_are_numbered_section_by_section(library):
    doc, _ = build("# A\n\n{.numbered}\none\n\n{.numbered}\ntwo\n\n# B\n\n{.numbered}\nthree\n",
                   library)
    numbers = [b.number for b in doc.blocks]
    assert numbers == ["1", "1.1", "1.2", "2", "2.1"]


def test_cross_references_resolve_to_paragraph_numbers_and_annexes(library):
    doc, report = build("# Facts\n\n{#fact:x .numbered}\nA fact.\n\n# Law\n\n"
                        "{.numbered}\nAs shown [see @fact:x] and in [@annex:1].\n", library)
    assert not report.items
    assert inline_text(doc.blocks[3].children) == \
        "As shown see [para 1.1](#fact:x) and in annex 1."


def test_a_cross_reference_to_nothing_is_an_error_naming_the_source(library):
    _, report = build("{.numbered}\nSee [@fact:nowhere] and [@annex:9].\n", library)
    messages = [d.message for d in report.errors]
    assert any("[@fact:nowhere]" in m for m in messages)
    assert any("[@annex:9]" in m and "annexes: 1" in m for m in messages)
    assert report.errors[0].file == "claims/t.yaml"


def test_a_citation_in_running_text_becomes_a_footnote_after_the_punctuation(library):
    doc, _ = build("He spoke [@gc, para 11].\n", library)
    paragraph = doc.blocks[0]
    assert isinstance(paragraph, Paragraph)
    assert paragraph.children[0] == Text("He spoke.")
    assert isinstance(paragraph.children[1], NoteRef)
    assert len(doc.notes) == 1


def test_a_citation_inside_a_footnote_stays_in_that_footnote(library):
    doc, _ = build("Text.^[As the Committee said [@gc, para 2], this matters.]\n", library)
    assert len(doc.notes) == 1
    assert notes(doc)[0].startswith("As the Committee said UN Human Rights Committee")


def test_first_citation_is_full_then_short_form_with_note_number(library):
    doc, _ = build("A [@case, para 13.3]. B [@gc, para 2]. C [@case, para 9].\n", library)
    first, _, third = notes(doc)
    assert first == ("*Zhagiparov v Kazakhstan* (Communication No 2441/2014) Views adopted "
                     "25 October 2018, UN Doc CCPR/C/124/D/2441/2014, para 13.3.")
    assert third == "*Zhagiparov* (n 1) para 9."


def test_ibid_only_when_the_previous_note_cites_that_source_alone(library):
    doc, _ = build("A [@gc, para 2]. B [@gc, para 2]. C [@gc, para 5]. D [@gc].\n", library)
    assert notes(doc)[1:] == ["ibid.", "ibid para 5.", "General Comment 34 (n 1)."]


def test_a_note_without_citations_breaks_the_ibid_chain(library):
    doc, _ = build("A [@gc, para 2]. B.^[A remark of our own.] C [@gc, para 2].\n", library)
    assert notes(doc)[2] == "General Comment 34 (n 1) para 2."


def test_no_ibid_when_the_previous_note_cites_two_sources(library):
    doc, _ = build("A [@gc; @case]. B [@gc].\n", library)
    assert notes(doc)[1] == "General Comment 34 (n 1)."


def test_citations_side_by_side_share_one_footnote_without_repeating_a_source(library):
    doc, _ = build("A [@gc, para 2] [@case] [@gc, para 2].\n", library)
    assert len(doc.notes) == 1
    assert notes(doc)[0].count("General Comment No 34") == 1


def test_article_pinpoints_print_without_csl_support(library):
    doc, _ = build("A [@treaty, art 15]. B [@treaty, art 19]. C [@gc]. D [@treaty, art 2].\n",
                   library)
    assert notes(doc)[0].endswith("999 UNTS 171 (ICCPR) art 15.")
    assert notes(doc)[1] == "ibid art 19."
    assert notes(doc)[3] == "ICCPR (n 1) art 2."


def test_the_same_article_again_is_plain_ibid_in_the_house_style(library):
    doc, _ = build("A [@treaty, art 15]. B [@treaty, art 15].\n", library)
    assert notes(doc)[1] == "ibid."
    published, _ = build("A [@treaty, art 15]. B [@treaty, art 15].\n", library,
                         style=resolve_style("oscola-no-ibid", REPO / "templates"))
    assert notes(published)[1].endswith(", art 15.")


def test_prefixes_capitalise_the_note_and_italics_survive(library):
    doc, _ = build("A [see @case].\n", library)
    assert notes(doc)[0].startswith("See *Zhagiparov v Kazakhstan*")


def test_a_missing_citation_key_is_an_error_not_a_silent_gap(library):
    doc, report = build("A [@nothere].\n", library)
    assert [d.message for d in report.errors] == [
        "citation key '@nothere' is not in the citation library"]


def test_html_and_template_syntax_in_text_stay_text(library):
    doc, _ = build("<script>alert(1)</script> {{ 7*7 }} {% if x %} <img src=x>\n", library)
    assert inline_text(doc.blocks[0].children) == \
        "<script>alert(1)</script> {{ 7*7 }} {% if x %} <img src=x>"


def test_the_native_dump_is_stable(library):
    markdown = "# A\n\n{.numbered}\nText *em* [@gc, para 2].\n"
    first = render_native(build(markdown, library)[0])
    assert first == render_native(build(markdown, library)[0])
    assert 'Para 1.1 "Text *em*.^1"' in first


def _published(name: str) -> Path:
    from toolkit.passes.citeproc_engine import resolve_style

    return resolve_style(name, None)


def test_a_styles_closing_full_stop_never_stands_mid_note(library):
    doc, _ = build("A.^[As the Committee held [@case], the point stands.] B.^[See [@gc].]\n",
                   library, style=_published("european-journal-of-international-law"))
    first, second = notes(doc)
    assert "., the point stands" not in first and first.endswith("the point stands.")
    assert not second.endswith("..")


def test_an_article_pinpoint_survives_in_styles_without_ibid(library):
    doc, _ = build("A [@treaty, art 19]. B [@treaty, art 19].\n", library,
                   style=_published("mhra-notes"))
    assert "art 19" in notes(doc)[1]


def test_a_source_cited_twice_in_one_note_never_refers_to_that_note(library):
    doc, _ = build("A [@gc, para 4; @case; @gc, para 6].\n", library)
    (note,) = notes(doc)
    assert note.endswith("; General Comment 34 para 6.")
    assert "(n 1)" not in note


def test_two_pinpoints_of_one_source_in_one_citation_are_one_cite_with_both(library):
    doc, _ = build("A [@gc, para 3; @gc, para 6]. B [@gc, para 2]. C [@gc, para 3; @gc, "
                   "para 6]. D [@treaty, art 19; @treaty, art 25]. E [@gc, para 4; @gc, "
                   "para 4].\n", library)
    first, _, third, fourth, fifth = notes(doc)
    assert first.endswith("UN Doc CCPR/C/GC/34, paras 3, 6.") and "ibid" not in first
    assert third == "ibid paras 3, 6."
    assert fourth.endswith("arts 19, 25.") and "ibid" not in fourth
    assert fifth == "General Comment 34 (n 1) para 4."


def test_pinpoints_joined_from_several_cites_are_in_the_source_order(library):
    doc, _ = build("A [@gc, para 71; @gc, para 36; @gc, paras 4–6]. B [@gc, para 9, annex; "
                   "@gc, para 2].\n", library)
    first, second = notes(doc)
    assert first.endswith("CCPR/C/GC/34, paras 4–6, 36, 71.")
    assert second.endswith("para 9, annex; ibid para 2.")  # a suffix keeps them apart


def test_a_full_citation_ending_in_a_bracket_takes_its_pinpoint_without_a_comma(library):
    # OSCOLA 4th edn 1.1.3: the pinpoint follows the citation; a comma only where the
    # citation ends in a document symbol, "UN Doc CCPR/C/GC/34, para 46"
    doc, _ = build("A [@ngo, para 7]. B [@gc, para 46]. C [@ngo, p 3]. D [@treaty, para 3]."
                   "\n", library)
    first, second, third, fourth = notes(doc)
    assert first == ("Human Rights Watch, *Prosecutions for participation in banned groups* "
                     "(Human Rights Watch 2021) para 7.")
    assert second.endswith("UN Doc CCPR/C/GC/34, para 46.")
    assert third == "Human Rights Watch (n 1) 3."
    assert fourth.endswith("999 UNTS 171 (ICCPR) para 3.")


@pytest.mark.parametrize("markdown,kept_apart", [
    ("A [@gc, para 3; @gc, para 6].", False),
    ("A [@gc; @gc].", False),
    ("A [@gc, para 3; see also @gc, para 6].", True),
    ("A [@gc, para 3, emphasis added; @gc, para 6].", True),
    ("A [@gc, para 3; @gc, p 6].", True),
    ("A [@gc, para 3; @gc].", True),
    ("A [@gc, para 3; @case; @gc, para 6].", True),
])
def test_only_adjacent_pinpoints_under_one_label_without_other_words_are_merged(
        library, markdown, kept_apart):
    doc, _ = build(markdown + "\n", library)
    (note,) = notes(doc)
    assert (note.count(";") >= 1) == kept_apart, note
