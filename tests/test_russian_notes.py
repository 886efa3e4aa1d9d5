"""Russian notes in the house style, term by term: GOST R 7.0.5-2008 for the apparatus
(«Там же.», "Указ. соч.", "П. 2" after it, authors listed with commas, dates "25 октября
2018 г.") and the UN's Russian usage for the Committee's documents ("сообщение №",
"Соображения, принятые", "документ ООН"). Each test names the English it replaces."""

from __future__ import annotations

import pytest

from tests.conftest import REPO
from toolkit.model.document import Document, plain_text
from toolkit.model.errors import Report
from toolkit.passes import PassContext, run_passes
from toolkit.passes.citeproc_engine import resolve_style
from toolkit.readers.library import Library
from toolkit.readers.markdown import parse_markdown

EXTRA = """- id: page
  type: webpage
  author: [{literal: Some NGO}]
  title: A page
  URL: https://example.org/page
  issued: {date-parts: [[2021, 3, 4]]}
  accessed: {date-parts: [[2026, 11, 2]]}
- id: two-authors
  type: report
  author: [{literal: First Org}, {literal: Second Org}]
  title: A joint report
  publisher: First Org
  issued: {date-parts: [[2020]]}
"""


@pytest.fixture(scope="module")
def library(tmp_path_factory) -> Library:
    folder = tmp_path_factory.mktemp("citations")
    for name in ("hrc-views.json", "un-documents.yaml", "seeds.bib", "other-sources.yaml"):
        (folder / name).write_bytes((REPO / "citations" / name).read_bytes())
    (folder / "extra.yaml").write_text(EXTRA, encoding="utf-8")
    report = Report()
    found = Library.from_folder(folder, report)
    assert not report.errors
    return found


def ru_notes(library: Library, markdown: str) -> list[str]:
    report = Report()
    document = Document("communication", "t", parse_markdown(markdown, "t.md:1"),
                        language="ru")
    run_passes(document, PassContext(library, resolve_style("covenant-oscola",
                                                            REPO / "templates"), report))
    assert not report.errors, [d.message for d in report.errors]
    return [plain_text(n.children).replace("\u00a0", " ") for n in document.notes]


# (what is cited, the note to look at, what it must contain, the English it replaces)
TERMS = [
    ("A [@zhagiparov-v-kazakhstan].", 0, "(сообщение № 2441/2014)", "Communication No"),
    ("A [@toregozhina-v-kazakhstan].", 0, "(сообщения № 2257/2013, 2334/2014)",
     "Communications No"),
    ("A [@zhagiparov-v-kazakhstan].", 0, "Соображения, принятые 25 октября 2018 г.",
     "Views adopted 25 October 2018"),
    ("A [@zhagiparov-v-kazakhstan].", 0, "документ ООН CCPR/C/124/D/2441/2014", "UN Doc"),
    ("A [@hrc-gc-34]. B [@hrc-gc-34].", 1, "Там же.", "ibid"),
    ("A [@hrc-gc-34]. B [@hrc-gc-34, para 2].", 1, "Там же. П. 2.", "ibid para 2"),
    ("A [@hrc-gc-34]. B [@hrc-gc-34, paras 2-4].", 1, "Там же. Пп. 2–4.", "ibid paras 2–4"),
    ("A [@hrc-gc-34]. B [@hrc-gc-34, p 7].", 1, "Там же. С. 7.", "ibid 7"),
    ("A [@iccpr]. B [@iccpr, art 19].", 1, "Там же. Ст. 19.", "ibid art 19"),
    ("A [@iccpr]. B [@iccpr, annex 2].", 1, "Там же. Прил. 2.", "ibid annex 2"),
    ("A [@hrc-gc-34]. B [@hrc-gc-34, ch 2].", 1, "Там же. Гл. 2.", "ibid ch 2"),
    ("A [@hrc-gc-34]. B [@hrc-gc-34, s 3].", 1, "Там же. Разд. 3.", "ibid s 3"),
    ("A [@hrc-gc-34]. B [@hrc-gc-34, vol 2].", 1, "Там же. Т. 2.", "ibid vol 2"),
    ("A [@hrc-gc-34]. B [@iccpr]. C [@hrc-gc-34, para 5].", 2,
     "Замечание общего порядка № 34. П. 5.", "General Comment 34 (n 1) para 5"),
    ("A [@hrw-2021-kazakhstan-extremism]. B [@iccpr]. C [@hrw-2021-kazakhstan-extremism].", 2,
     "Human Rights Watch. Указ. соч.", "Human Rights Watch (n 1)"),
    ("A [@zhagiparov-v-kazakhstan]. B [@iccpr]. C [@zhagiparov-v-kazakhstan].", 2,
     "Жагипаров против Казахстана.", "Zhagiparov (n 1)"),
    # the Committee's documents by their Russian titles (Juris-M `multi` in the library)
    ("A [@zhagiparov-v-kazakhstan].", 0, "Жагипаров против Казахстана", "Zhagiparov v Kazakhstan"),
    ("A [@iccpr].", 0, "Международный пакт о гражданских и политических правах",
     "International Covenant on Civil and Political Rights"),
    ("A [@hrc-gc-34].", 0, "Комитет по правам человека, «Замечание общего порядка № 34. "
     "Статья 19: Свобода мнений и их выражения»", "UN Human Rights Committee"),
    ("A [@hrc-gc-34]. B [@iccpr]. C [@hrc-gc-34].", 2, "Замечание общего порядка № 34.",
     "General Comment 34"),
    # articles as the UN's Russian texts write them ("пункт 3 b) статьи 14")
    ("A [@iccpr, art 9(1)].", 0, "(Пакт), п. 1 ст. 9", "art 9(1)"),
    ("A [@iccpr]. B [@iccpr, art 14(3)(b)].", 1, "Там же. П. 3 b) ст. 14.", "ibid art 14(3)(b)"),
    ("A [@iccpr]. B [@iccpr-op1]. C [@iccpr, art 25(a)].", 2, "Пакт. П. a) ст. 25.",
     "ICCPR (n 1) art 25(a)"),
    ("A [@iccpr-op1, art 5(2)(b)].", 0, "п. 2 b) ст. 5", "art 5(2)(b)"),
    ("A [@iccpr].", 0, "(принят 16 декабря 1966 г., вступил в силу 23 марта 1976 г.)",
     "(adopted 16 December 1966, entered into force 23 March 1976)"),
    ("A [@page].", 0, "дата обращения: 2 ноября 2026 г.", "accessed 2 November 2026"),
    ("A [@two-authors].", 0, "First Org, Second Org, *A joint report*".replace("*", ""),
     "First Org и Second Org"),
    ("A [@iphr-kibhr-2020-eu-briefing].", 0, "(IPHR and KIBHR 2020)", "11.2020"),
    ("A [@hrw-2021-kazakhstan-extremism].", 0, "(Human Rights Watch, 2021).", "2021 г."),
    ("A [@cfj-2021-zheksebaev].", 0, "23 ноября 2021 г.)", "23 November 2021"),
]


@pytest.mark.parametrize(("markdown", "index", "expected", "english"), TERMS,
                         ids=[t[3] for t in TERMS])
def test_each_russian_term(library, markdown, index, expected, english):
    note = ru_notes(library, markdown)[index]
    assert expected in note, note
    assert english not in note, note


def test_no_internal_remark_reaches_a_note(library):
    notes = ru_notes(library, "A [@toregozhina-v-kazakhstan]. B [@koshkarbayev-insenova-v-"
                     "kazakhstan]. C [@hrw-2021-kazakhstan-extremism].")
    for remark in ("joined", "not seen", "listed as", "no title", "bracketed title"):
        assert not any(remark in note for note in notes), (remark, notes)


def test_tam_zhe_keeps_its_full_stop_at_the_end_of_a_note(library):
    assert ru_notes(library, "A [@iccpr]. B [@iccpr].")[1] == "Там же."



def test_two_pinpoints_of_one_source_in_one_citation_are_one_tam_zhe_with_both(library):
    notes = ru_notes(library, "A [@hrc-gc-34, para 2]. B [@hrc-gc-34, para 3; @hrc-gc-34, "
                     "para 6]. C [@iccpr, art 19; @iccpr, art 25].")
    assert notes[1] == "Там же. Пп. 3, 6."
    assert notes[2].endswith("(Пакт), ст. 19, 25.") and "Там же" not in notes[2], notes[2]
