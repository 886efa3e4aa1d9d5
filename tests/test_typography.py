"""The typography pass (toolkit/passes/typography.py) and the notes' punctuation by
language (citation_language.punctuate): what a French, Spanish or Russian editor expects
and English keeps as written."""

from __future__ import annotations

import pytest

from toolkit.model.document import Document, Note, NoteRef, NumberText, Paragraph, Text
from toolkit.passes import typography
from toolkit.passes.citation_language import RULES, punctuate

NBSP, NNBSP = "\u00a0", "\u202f"


def _run(language: str, *inlines) -> list:
    note = Note(1, [Text("n")])
    children = [NoteRef(note) if node == "CALL" else node for node in inlines]
    document = Document("communication", "t", [Paragraph(children)], language=language)
    document.notes.append(note)
    typography.run(document, None)
    return document.blocks[0].children


def _text(inlines) -> str:
    return "".join("^" if isinstance(n, NoteRef) else n.text for n in inlines)


@pytest.mark.parametrize("language", ["fr", "es", "ru"])
def test_a_call_goes_before_the_full_stop_in_french_spanish_and_russian(language):
    assert _text(_run(language, Text("établi par la loi."), "CALL")) == "établi par la loi^."


def test_a_call_stays_after_the_full_stop_in_english():
    assert _text(_run("en", Text("established by law."), "CALL")) == "established by law.^"


def test_a_comma_follows_the_call_but_an_abbreviations_stop_stays():
    assert _text(_run("ru", Text("ратифицировало Пакт 24 января 2006 г.,"), "CALL",
                      Text(" а"))).endswith("2006\u00a0г.^, а")
    assert _text(_run("ru", Text("в 2006 г."), "CALL")) == f"в 2006{NBSP}г.^"


def test_two_calls_together_keep_the_punctuation_after_both():
    assert _text(_run("fr", Text("nationaux."), "CALL", "CALL")) == "nationaux^^."


@pytest.mark.parametrize(("language", "written", "spaced"), [
    ("ru", "от 28 ноября 2005 г. № 91-III", f"от 28{NBSP}ноября 2005{NBSP}г. №{NBSP}91-III"),
    ("ru", "в г. Алматы", f"в г.{NBSP}Алматы"),
    ("ru", "протокол — 30 июня", f"протокол{NBSP}— 30{NBSP}июня"),
    ("ru", "п. 1 ст. 9", f"п.{NBSP}1 ст.{NBSP}9"),
    ("fr", "le 10 novembre 1989, no 2664", f"le 10{NBSP}novembre 1989, no{NBSP}2664"),
    ("fr", "l’article 25 ; voir", f"l’article{NBSP}25{NNBSP}; voir"),
    ("fr", "nationalité: kazakhe", f"nationalité{NBSP}: kazakhe"),
    ("fr", "https://cfj.org/x", "https://cfj.org/x"),  # a URL's colon is no French colon
    ("es", "el 12 de septiembre, núm. 34", f"el 12{NBSP}de septiembre, núm.{NBSP}34"),
    ("en", "on 12 September, No 34", "on 12 September, No 34"),
])
def test_non_breaking_spaces_keep_together_what_a_line_must_not_split(language, written,
                                                                      spaced):
    assert _text(_run(language, Text(written))) == spaced


def test_a_label_before_a_computed_number_gets_its_space_too():
    out = _run("fr", Text("(note "), NumberText("5", note=5), Text(")"))
    assert out[0].text == f"(note{NBSP}"


@pytest.mark.parametrize(("language", "html", "expected"), [
    ("ru", "<i>Нарымбаев</i> (сообщение № 2521/2015) Соображения, принятые",
     "<i>Нарымбаев</i> (сообщение № 2521/2015), Соображения, принятые"),
    ("ru", "(23 августа 2007 г.) документ ООН", "(23 августа 2007 г.), документ ООН"),
    ("ru", "Пакт. П. 3 b) ст. 14", "Пакт. П. 3 b) ст. 14"),  # a letter's bracket: no comma
    ("fr", "« no 37 (2020) sur le droit (art. 21) » (17 septembre 2020) document",
     "« no 37 (2020) sur le droit (art. 21) » (17 septembre 2020), document"),
    ("fr", "Ibid. par. 2", "Ibid., par. 2"),
    ("es", "Pacto (nota 5) art. 9", "Pacto (nota 5), art. 9"),
    ("es", "“Kazakh activist’s conviction was “deeply flawed””",
     "“Kazakh activist’s conviction was ‘deeply flawed’”"),
    ("en", "ICCPR (n 5) art 9(1); ibid para 2", "ICCPR (n 5) art 9(1); ibid para 2"),
])
def test_the_notes_punctuation_follows_the_language(language, html, expected):
    assert punctuate(html, RULES[language]) == expected
