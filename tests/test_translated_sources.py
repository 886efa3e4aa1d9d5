"""A source cited in the document's language: the Committee's documents by their official
titles in Russian, French and Spanish (Juris-M's multilingual CSL, `multi`, in the library)
and article pinpoints as the UN's documents in each language write them."""

from __future__ import annotations

import pytest

from tests.conftest import REPO
from toolkit.model.document import Document, plain_text
from toolkit.model.errors import Report
from toolkit.passes import PassContext, run_passes
from toolkit.passes.citation_language import RULES, article_pinpoint, in_language
from toolkit.passes.citeproc_engine import resolve_style
from toolkit.readers.library import Library
from toolkit.readers.markdown import parse_markdown


@pytest.fixture(scope="module")
def library(shipped_library) -> Library:
    return shipped_library


def notes(library: Library, markdown: str, language: str,
          style: str = "covenant-oscola") -> list[str]:
    report = Report()
    document = Document("communication", "t", parse_markdown(markdown, "t.md:1"),
                        language=language)
    run_passes(document, PassContext(library, resolve_style(style, REPO / "templates"),
                                     report, language=language))
    assert not report.errors, [d.message for d in report.errors]
    return [plain_text(note.children).replace("\u00a0", " ") for note in document.notes]


ITEM = {"id": "x", "type": "report", "title": "General Comment No 34",
        "author": [{"literal": "UN Human Rights Committee",
                    "multi": {"_key": {"fr": {"literal": "Comité des droits de l’homme"}}}}],
        "multi": {"_keys": {"title": {"fr-FR": "Observation générale no 34"}}}}


def test_an_entry_takes_its_fields_and_names_in_the_documents_language():
    french = in_language(ITEM, "fr-FR")
    assert french["title"] == "Observation générale no 34"
    assert french["author"] == [{"literal": "Comité des droits de l’homme"}]
    assert "multi" not in french and "multi" not in french["author"][0]


def test_an_entry_without_the_language_keeps_its_own_and_loses_multi():
    spanish = in_language(ITEM, "es")
    assert spanish["title"] == "General Comment No 34"
    assert spanish["author"] == [{"literal": "UN Human Rights Committee"}]
    assert "multi" not in spanish


@pytest.mark.parametrize(("language", "locator", "written"), [
    ("en", "14(3)(b)", "art 14(3)(b)"),
    ("ru", "14(3)(b)", "п. 3 b) ст. 14"),  # "пункт 3 b) статьи 14"
    ("ru", "9(1)", "п. 1 ст. 9"),
    ("ru", "25(a)", "п. a) ст. 25"),  # "пункт a) статьи 25"
    ("ru", "19", "ст. 19"),
    ("fr", "14(3)(b)", "art. 14, par. 3 b)"),  # "paragraphe 3 b) de l'article 14"
    ("fr", "25(a)", "art. 25 a)"),  # "article 25 a)"
    ("es", "9(1)", "art. 9, párr. 1"),  # "artículo 9, párrafo 1"
    ("es", "14(3)(b)", "art. 14, párr. 3 b)"),
])
def test_an_article_pinpoint_is_written_as_the_un_writes_it_in_that_language(
        language, locator, written):
    assert article_pinpoint(locator, RULES[language]) == written


@pytest.mark.parametrize("locator", ["19-20", "19, 25", "annex"])
def test_ranges_and_plain_lists_keep_the_label_once(locator):
    assert article_pinpoint(locator, RULES["ru"]) is None


@pytest.mark.parametrize(("language", "covenant", "comment", "case"), [
    ("fr", "Pacte international relatif aux droits civils et politiques",
     "Comité des droits de l’homme, « Observation générale no 34 : Article 19 – Liberté "
     "d’opinion et liberté d’expression »", "Zhagiparov c. Kazakhstan"),
    ("es", "Pacto Internacional de Derechos Civiles y Políticos",
     "Comité de Derechos Humanos, “Observación general núm. 34: Artículo 19. Libertad de "
     "opinión y libertad de expresión”", "Zhagiparov c. Kazajstán"),
    ("ru", "Международный пакт о гражданских и политических правах",
     "Комитет по правам человека, «Замечание общего порядка № 34. Статья 19: Свобода "
     "мнений и их выражения»", "Жагипаров против Казахстана"),
])
def test_the_committees_documents_are_cited_by_their_titles_in_that_language(
        library, language, covenant, comment, case):
    first = notes(library, "A [@iccpr, art 19(2)]. B [@hrc-gc-34]. "
                  "C [@zhagiparov-v-kazakhstan].", language)
    assert first[0].startswith(covenant), first[0]
    assert comment in first[1], first[1]
    assert case in first[2], first[2]
    assert not any(english in " ".join(first) for english in
                   ("International Covenant", "General Comment", "UN Human Rights",
                    " v Kazakhstan"))


def test_an_english_document_keeps_the_english_titles(library):
    first = notes(library, "A [@iccpr, art 19(2)]. B [@hrc-gc-34].", "en")
    assert first[0].startswith("International Covenant on Civil and Political Rights")
    assert first[0].endswith("(ICCPR) art 19(2).")
    assert "UN Human Rights Committee, ‘General Comment No 34" in first[1]


def test_a_published_style_also_cites_the_translated_title(library):
    """The title is the source's, not the style's: published OSCOLA in a French document
    names the Committee's French title too."""
    first = notes(library, "A [@hrc-gc-34].", "fr", style="oscola")
    assert "Observation générale no 34" in first[0], first[0]


def test_ibid_keeps_its_full_stop_and_takes_a_comma_before_a_pinpoint_in_french_and_spanish(
        library):
    """The UN's French and Spanish notes: "Ibid., par. 2", "Ibid., art. 19"; and before
    another citation the abbreviation keeps its stop: "Ibid.; cf. …"."""
    for language in ("fr", "es"):
        got = notes(library, "A [@iccpr]. B [@iccpr, art 19]. C [@iccpr, art 19; see "
                    "@hrc-gc-34]. D [@hrc-gc-34]. E [@hrc-gc-34, para 2].", language)
        assert got[1] == "Ibid., art. 19.", got[1]
        assert got[2].startswith(("Ibid.;", "Ibid. ;", "Ibid.\u202f;")), got[2]
        assert got[4].startswith("Ibid., p"), got[4]


@pytest.mark.parametrize(("number", "is_symbol"), [
    ("CCPR/C/GC/34", True), ("A/HRC/45/1", True), ("E/CN.4/1998/53", True),
    ("CCPR/C/21/Rev.1/Add.13", True), ("HRI/GEN/1/Rev.1 at 26", True),
    ("CCPR/C/124/D/2257/2013, CCPR/C/124/D/2334/2014", True),
    ("337033", False), ("RW-7", False), ("2-117/2020", False), ("CCPR", False),
    ("A/45", False),  # one part after the body's letters: a page or docket, not a symbol
])
def test_a_un_symbol_is_told_from_other_numbers(number, is_symbol):
    from toolkit.passes.citation_language import UN_SYMBOL

    assert bool(UN_SYMBOL.match(number)) is is_symbol


@pytest.mark.parametrize(("language", "words"), [
    ("en", "UN Doc CCPR/C/GC/34"), ("ru", "документ ООН CCPR/C/GC/34"),
    ("fr", "document CCPR/C/GC/34"), ("es", "documento CCPR/C/GC/34"),
])
def test_the_un_doc_words_are_the_documents_language(library, language, words):
    assert words in notes(library, "A [@hrc-gc-34].", language)[0]


def test_a_law_cited_by_its_russian_title_keeps_a_russian_short_title_only():
    """GOST R 7.0.5-2008 (repeated references): 'Закон № 130-IV', not the whole title
    again right after the first note; the English short title is never used in Russian."""
    from toolkit.passes.citation_language import adapt_item

    law = {"id": "law", "type": "legislation", "language": "ru",
           "title": "Law No 130-IV of 11 February 2009", "title-short": "Law No 130-IV",
           "original-title": "О ратификации …: закон Республики Казахстан № 130-IV"}
    with_russian = dict(law, multi={"_keys": {"title-short": {"ru": "Закон № 130-IV"}}})
    assert adapt_item(in_language(with_russian, "ru"), RULES["ru"], with_russian)[
        "title-short"] == "Закон № 130-IV"
    assert "title-short" not in adapt_item(in_language(law, "ru"), RULES["ru"], law)
