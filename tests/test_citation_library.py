"""Citation libraries as Zotero and Better BibTeX export them (issue 18). Every entry
here is written for these tests; none is copied from a third-party file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from toolkit.model.errors import Report, Severity
from toolkit.passes.style_lookup import StyleError, find_style
from toolkit.readers.bibtex import read_bibtex
from toolkit.readers.library import Library

REPO = Path(__file__).resolve().parent.parent


def _one(text: str) -> dict:
    result = read_bibtex(text)
    assert not [p for p in result.problems if p.error], result.problems
    (entry,) = result.entries
    return entry.item


def _library(tmp_path: Path, name: str, text: str) -> tuple[Library, Report]:
    (tmp_path / name).write_text(text, encoding="utf-8")
    report = Report()
    return Library.load([tmp_path / name], report), report


# --- BibTeX: syntax and errors ----------------------------------------------------------

BROKEN = """@report{first-ok,
  title = {First},
  year = 2020
}

@report{broken,
  title = {Unclosed {brace,
  year = 2021
}

@report{second-ok,
  title = {Second},
  year = 2022
}
"""


def test_a_brace_error_in_one_entry_keeps_the_other_entries_and_names_its_line(tmp_path):
    library, report = _library(tmp_path, "lib.bib", BROKEN)
    assert "first-ok" in library and "second-ok" in library and "broken" not in library
    (error,) = report.errors
    assert error.line == 6 and "'}' is missing" in error.message


def test_a_file_without_errors_reports_none(tmp_path):
    _, report = _library(tmp_path, "lib.bib", BROKEN.replace("{brace,", "brace},"))
    assert report.errors == []


def test_string_macros_and_concatenation_are_expanded():
    item = _one('@string{hrw = {{Human Rights Watch}}}\n'
                '@report{k, title = hrw # { report}, institution = hrw, year = 2020}')
    assert item["title"] == "Human Rights Watch report" and item["publisher"] == \
        "Human Rights Watch"


def test_an_undefined_macro_is_reported_not_dropped():
    result = read_bibtex("@report{k, title = nosuchmacro, year = 2020}")
    assert result.entries[0].item["title"] == "Nosuchmacro"  # a title's first capital
    assert any("nosuchmacro" in p.message and not p.error for p in result.problems)


# --- LaTeX to Unicode --------------------------------------------------------------------

def test_latex_in_names_becomes_unicode():
    item = _one(r"@book{k, title={T}, author = {Oxenl{\o}we, Anna and {\AA}kerman, Bo and "
                r"D{\"o}rner, Ralf and \v{S}ime\v{c}ka, Jan}, year=2000}")
    assert [a["family"] for a in item["author"]] == ["Oxenløwe", "Åkerman", "Dörner",
                                                     "Šimečka"]


def test_latex_symbols_in_titles_become_unicode():
    item = _one(r"@book{k, title = {Rights \textendash{} and Wrongs \ldots: "
                r"n\textsuperscript{o} 5}, publisher = {Smith \& Sons}, year = 2000}")
    assert item["title"] == "Rights – and wrongs …: Nᵒ 5"  # pandoc: "N<sup>o</sup> 5"
    assert item["publisher"] == "Smith & Sons"


def test_math_and_subscripts_become_unicode_and_keep_their_case():
    item = _one(r"@article{k, title = {Thermal Expansion of Cu$_2$O and $\gamma$-LiAlO$_2$ "
                r"at $10\,\mathrm{K}$ in TiO\textsubscript{2}}, year = 2000}")
    assert item["title"] == "Thermal expansion of Cu₂O and γ-LiAlO₂ at 10\u2009K in TiO₂"


def test_a_symbol_command_takes_no_argument_so_the_group_after_it_stays_protected():
    item = _one(r"@article{k, title = {By {{Metal}}\textendash{{Organic}} Vapour Epitaxy}, "
                r"year = 2000}")
    assert item["title"] == "By Metal–Organic vapour epitaxy"


def test_sentence_case_capitalises_each_sentence_and_splits_words_as_pandoc():
    item = _one(r"@article{k, title = {bugreports_Asm: the Case of the U.S. Act. of 1990 "
                r"and Kirmse2011.Pdf}, year = 2000}")
    assert item["title"] == "Bugreports_asm: The case of the u.s. Act. Of 1990 and " \
        "Kirmse2011.pdf"


def test_sort_keys_phantoms_links_and_declarations_leave_only_their_text():
    item = _one(r"@article{k, title = {AlGaN\slash{}GaN \href{http://x.org}{Seen Here} in "
                r"{\sc Caps} and \texttt{Code}}, author = {{\noopsort{hakim}al-Hakim}, Tawfiq "
                r"and Kuchuk, \cyrchar\CYRA.V.}, year = 2000}")
    assert item["title"] == "AlGaN/GaN seen here in caps and code"  # {\\sc ..} is no protection
    assert [a["family"] for a in item["author"]] == ["al-Hakim", "Kuchuk"]
    assert item["author"][1]["given"] == "А. V."  # initials spaced, as pandoc spaces them


def test_an_unknown_latex_command_is_kept_and_reported():
    result = read_bibtex(r"@book{k, title = {A \weirdcmd{} title}, year = 2000}")
    assert "\\weirdcmd" in result.entries[0].item["title"]
    assert any("keeps LaTeX" in p.message for p in result.problems)


def test_braces_protect_case_when_an_english_title_is_sentence_cased():
    item = _one("@book{k, title = {The {European Union} and the Rule of {Law}}, year=2000}")
    assert item["title"] == "The European Union and the rule of Law"


def test_a_title_in_another_language_keeps_its_case():
    item = _one("@book{k, title = {Die Grundrechte im Verfahren}, langid = {ngerman}, "
                "year = 2000}")
    assert item["title"] == "Die Grundrechte im Verfahren" and item["language"] == "de-DE"


# --- types and fields ---------------------------------------------------------------------

def test_article_number_becomes_issue_and_book_number_collection_number():
    article = _one("@article{k, title={T}, journal={J}, number={3}, volume={12}, year=2001}")
    book = _one("@book{k, title={T}, series={S}, number={3}, year=2001}")
    report = _one("@report{k, title={T}, number={CCPR/C/GC/34}, year=2011}")
    assert article["issue"] == "3" and "number" not in article
    assert book["collection-number"] == "3" and "issue" not in book
    assert report["number"] == "CCPR/C/GC/34"


@pytest.mark.parametrize("source, kind", [
    ("@inreference{k, title={Art 14}, booktitle={Commentary}, year=2019}",
     "entry-encyclopedia"),
    ("@patent{k, title={P}, number={1}, year=2019}", "patent"),
    ("@jurisdiction{k, title={X v Y}, year=2019}", "legal_case"),
    ("@legislation{k, title={Criminal Code}, year=2019}", "legislation"),
    ("@article{k, title={T}, journaltitle={The Times}, entrysubtype={newspaper}, "
     "date={2020}}", "article-newspaper"),
    ("@article{k, title={T}, journaltitle={J}, date={2020}}", "article-journal"),
])
def test_biblatex_types_map_to_csl_types(source, kind):
    assert _one(source)["type"] == kind


def test_thesis_type_gives_the_genre():
    assert _one("@thesis{k, title={T}, type={phdthesis}, institution={U}, year=2001}")[
        "genre"] == "PhD thesis"
    assert _one("@mastersthesis{k, title={T}, school={U}, year=2001}")["genre"] == \
        "Master’s thesis"


def test_biblatex_dates_urldate_eventdate_origdate_and_ranges():
    item = _one("@online{k, title={T}, date={2010/2012}, urldate={2021-03-04}, "
                "eventdate={2019-05-01/2019-05-03}, origdate={1890~}}")
    assert item["issued"] == {"date-parts": [[2010], [2012]]}
    assert item["accessed"] == {"date-parts": [[2021, 3, 4]]}
    assert item["event-date"] == {"date-parts": [[2019, 5, 1], [2019, 5, 3]]}
    assert item["original-date"] == {"date-parts": [[1890]], "circa": True}


def test_unspecified_year_digits_give_the_range_and_number_with_issue_joins():
    item = _one("@article{k, title={T}, date={19uu}, number={3}, issue={4}}")
    assert item["issued"] == {"date-parts": [[1900], [1999]]} and item["issue"] == "3, 4"


def test_nested_braces_around_accents_and_comma_below_leave_no_brace():
    item = _one(r"@inproceedings{k, title={Using {{F{\"o}rster}} Transfer in "
                r"Ro\textcommabelow{s}ia}, "
                r"booktitle={{{DPG Fr{\"u}hjahrstagung}}, {{Berlin}}}, year=2000}")
    assert item["title"] == "Using Förster transfer in roșia"
    assert item["container-title"] == "DPG Frühjahrstagung, Berlin"


def test_a_date_biblatex_does_not_know_is_reported_and_kept_as_literal():
    result = read_bibtex("@book{k, title={T}, date={sometime in 2001}}")
    assert result.entries[0].item["issued"] == {"literal": "sometime in 2001"}
    assert any("not a date" in p.message for p in result.problems)


def test_better_bibtex_extended_name_syntax():
    item = _one("@book{k, title={T}, author={family=Berg, given=Anna, prefix=van den, "
                "useprefix=true and Smith, John}, year=2000}")
    assert item["author"] == [{"family": "Berg", "given": "Anna",
                               "non-dropping-particle": "van den"},
                              {"family": "Smith", "given": "John"}]


def test_bibtex_name_forms_particles_suffixes_and_literal_names():
    item = _one("@book{k, title={T}, author={von Last, Jr., First and Ludwig van Beethoven "
                "and {Human Rights Watch}}, year=2000}")
    assert item["author"] == [
        {"family": "Last", "given": "First", "dropping-particle": "von", "suffix": "Jr."},
        {"family": "Beethoven", "given": "Ludwig", "dropping-particle": "van"},
        {"literal": "Human Rights Watch"}]


def test_a_braced_family_name_gives_its_particle_as_citeproc_reads_zotero_names():
    item = _one(r"@book{k, title={T}, author={{van der Wiel}, Wilfred and {De Luca}, Alex "
                r"and {el-\null Sadat}, Anwar}, year=2000}")
    assert item["author"] == [
        {"family": "Wiel", "given": "Wilfred", "non-dropping-particle": "van der"},
        {"family": "De Luca", "given": "Alex"}, {"family": "el-Sadat", "given": "Anwar"}]


def test_crossref_gives_a_chapter_its_book_title_and_editor():
    text = ("@incollection{ch, title={Chapter}, author={A, B}, crossref={bk}, pages={1--9}}\n"
            "@collection{bk, title={The Book}, editor={E, F}, publisher={P}, year=2010}")
    chapter = next(e.item for e in read_bibtex(text).entries if e.key == "ch")
    assert chapter["container-title"] == "The book" and chapter["editor"] == \
        [{"family": "E", "given": "F"}] and chapter["issued"] == {"date-parts": [[2010]]}
    assert chapter["page"] == "1-9"


def test_unused_fields_are_reported_bookkeeping_only_with_verbose(tmp_path):
    _, report = _library(tmp_path, "lib.bib", "@book{k, title={T}, year=2000, "
                         "file={a.pdf}, holder={Someone}}")
    warning = next(d for d in report.warnings if d.code == "citation-unused-field")
    assert "holder (1)" in warning.message and "file" not in warning.message
    note = next(d for d in report.notes if d.code == "citation-unused-field")
    assert note.detail and "file (1)" in note.message


# --- CSL JSON as Zotero and Better BibTeX write it ---------------------------------------

def test_zotero_csl_json_with_numeric_ids_is_read(tmp_path):
    items = [{"id": 1234, "type": "report", "title": "First"},
             {"id": 1235, "type": "report", "title": "Second"}]
    library, report = _library(tmp_path, "zotero.json", json.dumps(items, indent=2))
    assert report.errors == [] and "1234" in library and "1235" in library
    assert library.get("1235").line == 8


def test_csl_json_lines_are_found_in_one_pass_past_escapes_and_inner_ids(tmp_path):
    text = ('[\n{"id": "a\\"b", "type": "report", "title": "Escaped"},\n'
            '{"id": 5, "type": "report", "title": "Inner",\n'
            ' "custom": {"id": 98}},\n'
            '\n{"id": 99, "type": "report", "title": "After an inner id"}\n]')
    library, report = _library(tmp_path, "ids.json", text)
    assert [library.get(k).line for k in ('a"b', "5", "99")] == [2, 3, 6], report.errors


def test_citation_key_and_zotero_uri_ids(tmp_path):
    items = [{"id": "http://zotero.org/users/1/items/ABCD2345", "type": "report",
              "title": "By URI"},
             {"id": "http://zotero.org/users/1/items/WXYZ6789", "citation-key": "hrw2021",
              "type": "report", "title": "By key"}]
    library, report = _library(tmp_path, "zotero.json", json.dumps(items))
    assert report.errors == [] and "ABCD2345" in library and "hrw2021" in library


def test_zotero_extra_is_parsed_and_never_given_to_the_style(tmp_path):
    items = [{"id": 7, "type": "legal_case", "title": "X v Y",
              "note": "Citation Key: x-v-y\noriginal-date: 1990-02\ntex.howpublished: z\n"
                      "remember to check the translation"}]
    library, report = _library(tmp_path, "zotero.json", json.dumps(items))
    entry = library.get("x-v-y")
    assert "note" not in entry.item
    assert entry.item["original-date"] == {"date-parts": [[1990, 2]]}
    assert entry.extra == ["tex.howpublished: z", "remember to check the translation"]
    assert any(d.code == "citation-extra" and d.detail for d in report.notes)


def test_a_hand_written_note_is_kept_for_the_style(tmp_path):
    items = [{"id": "x-v-y", "type": "legal_case", "title": "X v Y",
              "note": "Communication No 1/2020"}]
    library, _ = _library(tmp_path, "own.json", json.dumps(items))
    assert library.get("x-v-y").item["note"] == "Communication No 1/2020"


def test_date_parts_as_strings_and_ranges_are_normalised(tmp_path):
    items = [{"id": "k", "type": "report", "title": "T", "citation-key": "k",
              "issued": {"date-parts": [["2010", "3"], ["2012"]]}}]
    library, _ = _library(tmp_path, "bbt.json", json.dumps(items))
    assert library.get("k").item["issued"] == {"date-parts": [[2010, 3], [2012]]}


# --- never-cited sources ------------------------------------------------------------------

def _unused(count: int) -> Report:
    from toolkit.readers.library import LibraryEntry
    from toolkit.workspace.check import report_unused_sources

    report = Report()
    report_unused_sources([LibraryEntry(f"k{i}", {}, "lib.bib", i + 1, 1)
                           for i in range(count)], report)
    return report


def test_ten_never_cited_sources_are_ten_warnings():
    report = _unused(10)
    assert len(report.warnings) == 10 and report.notes == []


def test_eleven_never_cited_sources_are_one_summary_note_and_a_verbose_list():
    report = _unused(11)
    assert report.warnings == []
    shown = [d for d in report.sorted(verbose=False)]
    assert len(shown) == 1 and shown[0].severity is Severity.NOTE and "11 sources" in \
        shown[0].message
    assert len(report.sorted(verbose=True)) == 12


# --- styles -------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["apa", "ieee", "harvard-cite-them-right"])
def test_an_in_text_style_is_refused_with_note_styles_named(name):
    with pytest.raises(StyleError, match="in-text style.*choose a note style"):
        find_style(name, REPO / "templates")


def test_a_misspelt_style_name_suggests_the_closest():
    with pytest.raises(StyleError, match="did you mean 'oscola'"):
        find_style("oscla", REPO / "templates")


def test_a_renamed_style_resolves_to_its_new_name():
    path, note = find_style("modern-humanities-research-association", REPO / "templates")
    assert path.name == "mhra-notes.csl" and "now called 'mhra-notes'" in note


def test_a_dependent_style_resolves_to_its_parent(tmp_path):
    dependent = tmp_path / "our-journal.csl"
    dependent.write_text('<?xml version="1.0"?><style xmlns="http://purl.org/net/xbiblio/csl"'
                         ' class="note" version="1.0"><info><link href="http://www.zotero.org'
                         '/styles/oscola" rel="independent-parent"/></info></style>')
    path, note = find_style(str(dependent), None)
    assert path.name == "oscola.csl" and "dependent style" in note


def test_a_dependent_style_whose_parent_is_missing_names_the_parent(tmp_path):
    dependent = tmp_path / "orphan.csl"
    dependent.write_text('<style class="note"><info><link rel="independent-parent" '
                         'href="http://www.zotero.org/styles/no-such-parent"/></info></style>')
    with pytest.raises(StyleError, match="'no-such-parent', which is not installed"):
        find_style(str(dependent), None)


def test_the_house_style_is_a_note_style():
    path, note = find_style("covenant-oscola", REPO / "templates")
    assert path.name == "covenant-oscola.csl" and note is None


# --- large BibTeX files: indexed, entries read when cited ----------------------------------

def _large_bib(broken_at: int | None = None) -> str:
    from toolkit.readers.bibtex_index import INDEX_ABOVE

    entries = ["@string{hrw = {Human Rights Watch}}"]
    for n in range(INDEX_ABOVE + 1):
        title = "Broken {title" if n == broken_at else f"Report Number {n}"
        entries.append(f"@report{{r{n},\n  title = {{{title}}},\n  institution = hrw,\n"
                       f"  date = {{2020-0{n % 9 + 1}}}\n}}")
    entries.append("@book{parent,\n  title = {The Book},\n  editor = {Doe, Jane},\n"
                   "  date = {2001}\n}\n@incollection{child,\n  title = {A Chapter},\n"
                   "  crossref = {parent},\n  langid = {klingon},\n  note = \\oops{x}\n}")
    return "\n\n".join(entries) + "\n"


def test_a_large_bibtex_file_is_indexed_and_a_cited_entry_reads_as_a_small_file_would(
        tmp_path):
    text = _large_bib()
    library, report = _library(tmp_path, "big.bib", text)
    assert report.errors == [] and report.warnings == []
    assert len(library) == len(read_bibtex(text).entries)
    whole = {e.key: e.item for e in read_bibtex(text).entries}
    for key in ("r0", "r1234", "child"):
        library.resolve([key], report)
        assert library.get(key).item == dict(whole[key], id=key)
    assert library.get("child").item["container-title"] == "The Book"  # crossref
    assert library.get("r7").item["publisher"] == "Human Rights Watch"  # @string


def test_a_large_file_reports_a_broken_entry_at_once_and_field_problems_when_cited(tmp_path):
    text = _large_bib(broken_at=1500)
    library, report = _library(tmp_path, "big.bib", text)
    broken_line = text[:text.index("@report{r1500,")].count("\n") + 1
    assert [(e.line, "r1500" in e.message) for e in report.errors] == [(broken_line, True)]
    assert "r1500" not in library and "r1501" in library
    assert report.warnings == []  # the child's LaTeX is read only when it is cited
    library.resolve(["child"], report)
    child_note_line = text[:text.index("note = \\oops")].count("\n") + 1
    assert [w.line for w in report.warnings if "keeps LaTeX" in w.message] == [child_note_line]


def test_a_large_zotero_export_is_indexed_and_a_cited_item_read_and_checked(tmp_path):
    from toolkit.readers.bibtex_index import INDEX_ABOVE

    items = [{"id": n, "type": "report", "title": f"Report {n}",
              "note": f"Citation Key: rep{n}\noriginal-date: 1990\nmy own remark"}
             for n in range(INDEX_ABOVE + 1)]
    items[5]["type"] = "no-such-type"
    items[6]["type"] = "no-such-type"
    library, report = _library(tmp_path, "zotero.json", json.dumps(items, indent=1))
    assert report.errors == [] and "rep7" in library
    library.resolve(["rep6", "rep7"], report)
    assert [(e.line, "rep6" in e.message) for e in report.errors] == \
        [(library.get("rep6").line, True)]  # rep5 is not cited: not read
    assert library.get("rep7").item["original-date"] == {"date-parts": [[1990]]}
    assert "note" not in library.get("rep7").item


@pytest.mark.parametrize("entry, message", [
    ("- id: handmade\n  title: A\n", "citation 'handmade' has no `type:`; give one"),
    ("- id: handmade\n  type: reprot\n  title: A\n",
     "citation 'handmade' has the CSL type 'reprot', which CSL does not know; did you mean "
     "'report'?"),
])
def test_a_missing_or_misspelt_type_is_named_with_what_to_write(tmp_path, entry, message):
    _, report = _library(tmp_path, "lib.yaml", entry)
    assert any(message in d.message and d.line == 1 for d in report.errors), report.items
