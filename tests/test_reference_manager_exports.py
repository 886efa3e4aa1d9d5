"""A Zotero CSL JSON export (numeric ids, Zotero's field names, Extra as `note`) and a
Better BibTeX BibLaTeX library (commentaries, a case, a German law library's names and
dates) lying in citations/ as exported: `check` reports nothing, and a memo citing three
entries of each builds with their footnotes. The entries are written for this test in
the shape of real exports (Zotero's test data, Better BibTeX's fixtures)."""

from __future__ import annotations

import json
import shutil

import pytest

from tests.conftest import KNOWN_INCOMPLETE, REPO, TODAY
from toolkit import api
from toolkit.workspace.folders import Workspace

ZOTERO = [
    {"id": 43, "type": "legal_case", "title": "Ivanova v Kazakhstan", "shortTitle": "Ivanova",
     "authority": "Supreme Court", "number": "2-117/2020", "language": "en-GB",
     "issued": {"date-parts": [["2020", 3, 4]]}, "accessed": {"date-parts": [["2024", 1, 9]]},
     "note": "Extra\ntex.court: supreme", "source": "Court website"},
    {"id": 65, "type": "report", "title": "Prosecuting Speech", "publisher": "Rights Watch",
     "author": [{"literal": "Rights Watch"}], "number": "RW-7",
     "issued": {"date-parts": [["2021", "11"]]}, "note": "check the Russian edition",
     "URL": "https://example.org/report"},
    {"id": 55, "type": "article-journal", "title": "Speech after Conviction",
     "container-title": "Review of Rights", "journalAbbreviation": "Rev Rts", "volume": "12",
     "issue": "3", "page": "100-120", "author": [{"family": "Smith", "given": "Anna"}],
     "issued": {"date-parts": [[2019]]}, "DOI": "10.1234/rr.12.3", "note": "Extra"},
]

BETTER_BIBLATEX = r"""
@inreference{apathyABGB2010,
  title = {§ 1063 ABGB},
  booktitle = {Kurzkommentar zum ABGB},
  author = {Apathy, Peter},
  editor = {Koziol, Helmut and {von Staudinger}, J.},
  date = {2010},
  edition = {3},
  publisher = {{Verlag Österreich}},
  location = {Wien},
  langid = {german}
}

@jurisdiction{dalainCE2010,
  title = {Dalain},
  date = {2010-12-23},
  journaltitle = {Rec.},
  volume = {I},
  number = {337033},
  pages = {649},
  institution = {CE, Ass.},
  langid = {french}
}

@article{bydlinski1991,
  title = {Entscheidung nach § 98 {EheG} und anh{\"a}ngiges Verfahren},
  author = {family=Bydlinski, given=Michael},
  journaltitle = {{\"O}sterreichisches Bank Archiv},
  volume = {39},
  number = {2},
  pages = {106--110},
  date = {1991/1992},
  langid = {ngerman},
  keywords = {Bürgschaft},
  file = {/home/u/Zotero/storage/AB12/b.pdf}
}
"""

CITING = ("Compare [@43, p 4], [@65] and [@55, 7]; and [@apathyABGB2010, para 3], "
          "[@dalainCE2010] and [@bydlinski1991, 107]. Again [@43, p 5].")


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    root = tmp_path_factory.mktemp("ws")
    for folder in ("claims", "citations", "templates"):
        shutil.copytree(REPO / folder, root / folder)
    (root / "drafts").mkdir()
    (root / "citations" / "zotero.json").write_text(json.dumps(ZOTERO, indent="\t"),
                                                    encoding="utf-8")
    (root / "citations" / "better-bibtex.bib").write_text(BETTER_BIBLATEX, encoding="utf-8")
    case = root / "claims" / "zheksebaev.yaml"
    text = case.read_text(encoding="utf-8")
    anchor = "prepare staff for a future change of government."
    assert anchor in text
    case.write_text(text.replace(anchor, anchor + " " + CITING, 1), encoding="utf-8")
    return Workspace(root)


def test_both_exports_check_clean(exported):
    report = api.check(exported, exported.case_files(), today=TODAY).report
    # the example library's own web pages without an accessed date (tests/test_cli.py)
    warnings = [w for w in report.warnings
                if not any(known in w.message for known in KNOWN_INCOMPLETE)]
    assert report.errors == [] and warnings == [], report.errors + warnings
    # what is left out is said with --verbose: Extra lines, reference-manager fields
    detail = [d.message for d in report.notes if d.detail]
    assert any("'43': Zotero's Extra lines ['Extra', 'tex.court: supreme']" in m
               for m in detail)
    assert "reference-manager fields left out: file (1), keywords (1)" in detail


def test_a_memo_cites_three_entries_of_each_export(exported):
    (output,) = api.build(exported, [exported.claims / "zheksebaev.yaml"], ["memo"],
                          ["native"], today=TODAY).built
    notes = output.paths[0].read_text(encoding="utf-8")
    for printed in ("Ivanova v Kazakhstan", "Prosecuting Speech", "Speech after Conviction",
                    "Peter Apathy", "Dalain", "Michael Bydlinski",
                    "*Ivanova* (n "):  # the short form Zotero's shortTitle gave
        assert printed in notes, printed
    # Zotero's Extra is never printed; nor are reference-manager fields
    for hidden in ("Extra", "tex.court", "Russian edition", "Bürgschaft", "storage"):
        assert hidden not in notes, hidden


def test_un_doc_goes_before_a_un_symbol_and_before_no_other_number(exported):
    """The house style prints "UN Doc" before a report's or case's `number` only when it
    is a UN document symbol: a Conseil d'État docket number, a court's case number and an
    NGO's report number are printed bare (they read "UN Doc 337033" before)."""
    (output,) = api.build(exported, [exported.claims / "zheksebaev.yaml"], ["memo"],
                          ["native"], today=TODAY, force=True).built
    notes = output.paths[0].read_text(encoding="utf-8")
    for number in ("337033", "2-117/2020", "RW-7"):
        assert number in notes, number
        assert f"UN Doc {number}" not in notes, number
    assert "UN Doc CCPR/C/GC/34" in notes or "UN Doc CCPR/C/" in notes
