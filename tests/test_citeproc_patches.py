"""Our fixes to citeproc-py (toolkit/passes/citeproc_patches.py), each on the footnote a
published style prints, compared with what pandoc's citeproc prints for the same data
(measured with benchmarks/compare_pandoc.py, pandoc 3.9)."""

from __future__ import annotations

import pytest

from tests.conftest import REPO
from toolkit.model.document import Document, plain_text
from toolkit.model.errors import Report
from toolkit.passes import PassContext, run_passes
from toolkit.passes.citeproc_engine import resolve_style
from toolkit.passes.citeproc_patches import initials_only, title_case_word
from toolkit.readers.library import Library
from toolkit.readers.markdown import parse_markdown

BOOK = """- id: altman
  type: book
  author: [{family: Altman, given: Morris}, {family: Kirk, given: James T}]
  title: "Running 800 m in the rain: a five-year study of “extremist” op-ed writers"
  publisher: OUP
  issued: {date-parts: [[2001]]}
- id: altman-b
  type: book
  author: [{family: Altman, given: Morris}, {family: Kirk, given: James T}]
  title: A second book
  publisher: OUP
  issued: {date-parts: [[2003]]}
- id: unhrc-report
  type: report
  author: [{literal: UN Human Rights Committee}]
  title: Report on something
  number: CCPR/C/1
  issued: {date-parts: [[2004]]}
"""


def notes(tmp_path, markdown: str, style: str) -> list[str]:
    folder = tmp_path / "citations"
    folder.mkdir(exist_ok=True)
    (folder / "lib.yaml").write_text(BOOK, encoding="utf-8")
    report = Report()
    library = Library.from_folder(folder, report)
    assert not report.errors
    document = Document("memo", "T", parse_markdown(markdown, "t.md:1"), language="en")
    run_passes(document, PassContext(library, resolve_style(style, REPO / "templates"),
                                     report))
    assert not report.errors, [d.message for d in report.errors]
    return [plain_text(note.children) for note in document.notes]


def test_initialize_false_keeps_full_given_names(tmp_path):
    # citeproc-py printed "M Altman and JT Kirk"
    assert notes(tmp_path, "A [@altman].", "oscola")[0].startswith(
        "Morris Altman and James T Kirk, ")


def test_initialize_false_still_marks_a_lone_initial():
    assert initials_only("James T", ".") == "James T."
    assert initials_only("James T.", "") == "James T"
    assert initials_only("Morris", ". ") == "Morris"


def test_title_case_as_pandoc_does_it(tmp_path):
    # citeproc-py printed "Running 800 M in the Rain: A Five-year Study of “extremist”
    # Op-ed Writers"
    first = notes(tmp_path, "A [@altman].", "oscola")[0]
    assert "Running 800 m in the Rain: A Five-Year Study of “Extremist” Op-Ed Writers" in first


@pytest.mark.parametrize("word, first, expected", [
    ("five-year", False, "Five-Year"), ("e-mail", False, "e-Mail"), ("m", False, "m"),
    ("m", True, "M"), ("of", False, "of"), ("of", True, "Of"), ("“extremist”", False,
                                                               "“Extremist”"),
    ("(on", False, "(on"), ("UN", False, "UN"), ("iPhone", False, "iPhone"),
])
def test_title_case_word(word, first, expected):
    assert title_case_word(word, first) == expected


def test_oscola_no_ibid_gives_the_note_of_the_first_citation(tmp_path):
    # citeproc-py was given no note number for the "ibid" position: "(n 0)"
    found = notes(tmp_path, "A [@altman]. B [@altman, ch 2].", "oscola-no-ibid")
    assert found[1] == "Altman and Kirk (n 1) ch 2."


def test_disambiguate_only_when_the_short_form_would_be_ambiguous(tmp_path):
    # OSCOLA adds the title under disambiguate="true"; citeproc-py always took the branch
    found = notes(tmp_path, "A [@altman]. B [@unhrc-report]. C [@altman]. D [@unhrc-report].",
                  "oscola")
    assert found[2] == "Altman and Kirk (n 1)."
    assert found[3] == "UN Human Rights Committee (n 2)."
    both = notes(tmp_path, "A [@altman; @altman-b]. B [@unhrc-report]. C [@altman-b].",
                 "oscola")
    assert both[2] == "Altman and Kirk, A Second Book (n 1)."


def test_chapter_and_line_labels_are_kept(tmp_path):
    # is-numeric="locator" tested the entry: MHRA printed "…, 2." for chapter 2
    found = notes(tmp_path, "A [@altman]. B [@altman-b]. C [@altman, ch 2]. "
                  "D [@altman-b, line 4].", "mhra-notes")
    assert found[2].endswith(", ch. 2.")
    assert found[3].endswith(", l. 4.")


def test_a_macro_whose_variables_are_empty_prints_nothing(tmp_path):
    # EJIL's "volume" macro printed the term "Vols" without a number of volumes
    first = notes(tmp_path, "A [@unhrc-report].", "european-journal-of-international-law")[0]
    assert "Vol" not in first and "CCPR/C/1, (2004)" in first


def test_published_styles_capitalise_ibid_the_house_style_does_not(tmp_path):
    assert notes(tmp_path, "A [@altman]. B [@altman].", "oscola")[1] == "Ibid."
    assert notes(tmp_path, "A [@altman]. B [@altman].", "covenant-oscola")[1] == "ibid."
