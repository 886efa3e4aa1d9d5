"""A published style's rules for the cites of one citation (toolkit/passes/citation_order.py)
and for ibid (toolkit/passes/citations.py): sorting and name collapsing as the style's
`<citation>` asks (CSL 1.0.1, "Sorting" and "Cite Grouping and Collapsing"), ibid only
after a single-cite citation (CSL 1.0.1, "Position"); the house style keeps the lawyer's
order and its own ibid rule. Each expectation was checked against pandoc 3.9's citeproc
with the same style (benchmarks/compare_pandoc.py), except where CSL and pandoc differ
(an empty sort key: CSL puts it last)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import REPO, library_of
from toolkit.model.document import Document
from toolkit.model.errors import Report
from toolkit.passes import PassContext, run_passes
from toolkit.passes.citation_order import citation_rules
from toolkit.passes.citeproc_engine import resolve_style
from toolkit.readers.library import Library
from toolkit.readers.markdown import parse_markdown
from toolkit.writers.native import inline_text

EJIL = "european-journal-of-international-law"
LIBRARY = """\
- id: later
  type: report
  author: [{literal: UN Human Rights Committee}]
  title: Later Report
  issued: {date-parts: [[2007, 8, 23]]}
- id: earlier
  type: report
  author: [{literal: UN Human Rights Committee}]
  title: Earlier Report
  issued: {date-parts: [[2004, 5, 26]]}
- id: zeta
  type: report
  author: [{literal: Zeta Organisation}]
  title: Zed Report
  issued: {date-parts: [[2001]]}
- id: protocol
  type: treaty
  title: Optional Protocol
  issued: {date-parts: [[1966, 12, 16]]}
"""


@pytest.fixture(scope="module")
def library(tmp_path_factory) -> Library:
    return library_of(tmp_path_factory, LIBRARY)


def notes(markdown: str, library: Library, style: str = EJIL) -> list[str]:
    report = Report()
    document = Document("memo", "Test", parse_markdown(markdown, "claims/t.yaml:1"))
    run_passes(document, PassContext(library, resolve_style(style, REPO / "templates"),
                                     report))
    assert not report.errors, report.errors
    return [inline_text(n.children) for n in document.notes]


def _style_text(name: str) -> str:
    return Path(resolve_style(name, REPO / "templates")).read_text(encoding="utf-8")


def test_the_rules_are_read_from_the_styles_citation_element():
    """EJIL: <citation collapse="year"> with a <sort>; OSCOLA and the house style: none."""
    ejil = citation_rules(_style_text(EJIL))
    assert (ejil.sorts, ejil.collapses_names, ejil.group_delimiter) == (True, True, ", ")
    for name in ("oscola", "covenant-oscola", "mhra-notes"):
        rules = citation_rules(_style_text(name))
        assert not rules.sorts and not rules.collapses_names, name


def test_ejil_sorts_the_cites_of_a_citation_by_author_then_date(library):
    """<sort><key macro="author"/><key variable="issued"/></sort>: Zeta after the
    Committee, the 2004 report before the 2007 one, whatever order they were written in."""
    first = notes("A [@zeta; @later; @earlier].", library)[0]
    assert first.index("Earlier Report") < first.index("Later Report") < first.index("Zed")


def test_ejil_leaves_out_the_names_repeated_by_the_next_cite(library):
    """collapse="year": the second report of the same body prints without its author,
    joined by the cite-group delimiter ", " (no pinpoint on either)."""
    first = notes("A [@later; @earlier].", library)[0]
    assert first.count("UN Human Rights Committee") == 1
    assert "(26 May 2004), *Later Report*" in first


def test_a_pinpoint_keeps_the_semicolon_between_collapsed_cites(library):
    """Pandoc 3.9 joins a collapsed cite with "; " when either cite has a pinpoint."""
    found = notes("A [@later]. B [@earlier]. C [@zeta]. D [@later; @earlier, para 3].",
                  library)
    assert found[3] == "UN Human Rights Committee, *supra* note 2, at 3; *supra* note 1."


def test_a_prefix_keeps_the_written_order(library):
    """'see' belongs where the lawyer put it: a citation with a prefix is not sorted."""
    first = notes("A [see @zeta; @earlier].", library)[0]
    assert first.startswith("See Zeta Organisation")
    assert first.index("Zed") < first.index("Earlier Report")


def test_a_cite_without_author_sorts_last_as_csl_says(library):
    """CSL 1.0.1, Sorting: 'Items with an empty sort key value are placed at the end of
    the sort' (pandoc 3.9 puts them first: docs/citations.md, class G)."""
    first = notes("A [@protocol; @zeta].", library)[0]
    assert first.index("Zed") < first.index("Optional Protocol")


def test_the_house_style_keeps_the_lawyers_order_and_every_name(library):
    first = notes("A [@zeta; @later; @earlier].", library, "covenant-oscola")[0]
    assert first.index("Zed") < first.index("Later Report") < first.index("Earlier Report")
    assert first.count("UN Human Rights Committee") == 2


@pytest.mark.parametrize("style", ["oscola", EJIL])
def test_a_published_style_gives_no_ibid_after_a_citation_of_two_cites(library, style):
    """CSL 1.0.1, Position: ibid for the first cite of a citation only when the previous
    citation is a single cite of the same item; here it cites the item twice."""
    found = notes("A [@zeta]. B [@zeta] [@zeta, para 3]. C [@zeta, para 3].", library, style)
    assert not found[2].strip("*").lower().startswith("ibid")


@pytest.mark.parametrize("style", ["oscola", EJIL])
def test_a_published_style_gives_ibid_after_a_single_cite(library, style):
    found = notes("A [@zeta]. B [@zeta, para 3]. C [@zeta, para 3].", library, style)
    assert found[2].strip("*").lower().startswith("ibid")


def test_the_house_style_gives_ibid_after_a_note_citing_only_that_source(library):
    """The house rule: the reader's last source is that one, however often it was cited."""
    found = notes("A [@zeta]. B [@zeta] [@zeta, para 3]. C [@zeta, para 3].", library,
                  "covenant-oscola")
    assert found[2].startswith("ibid")
