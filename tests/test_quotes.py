"""Straight quotation marks become the document language's (toolkit/passes/typography.py, curl):
the body of a draft prints the marks its footnotes print, never a typewriter's."""

from __future__ import annotations

import pytest

from toolkit.model.document import Code, Emph, Link, Text
from toolkit.passes.typography import MARKS, curl

NBSP = "\u00a0"


def curled(text: str, language: str = "en") -> str:
    inlines = [Text(text)]
    curl(inlines, MARKS[language])
    return inlines[0].text


@pytest.mark.parametrize(("language", "typed", "printed"), [
    ("en", 'declared it "extremist" and', "declared it “extremist” and"),
    ("en", "five years' imprisonment, O'Brien's", "five years’ imprisonment, O’Brien’s"),
    ("en", "he said 'stop' twice", "he said ‘stop’ twice"),
    ("en", '"They said \'stop\'," he wrote', "“They said ‘stop’,” he wrote"),
    ("en", '("quoted")', "(“quoted”)"),
    ("en", 'under “the misuse of "extremism" charges”',
     "under “the misuse of ‘extremism’ charges”"),
    ("ru", 'в «деле "Коше"»', "в «деле „Коше“»"),
    ("es", 'la calificó de "extremista"', "la calificó de “extremista”"),
    ("ru", 'признал "экстремистской"', "признал «экстремистской»"),
    ("ru", 'партия "Коше "Партиясы"" запрещена', "партия «Коше „Партиясы“» запрещена"),
    ("ru", "O'Brien", "O’Brien"),
    ("fr", 'qualifié d\'"extrémiste"', f"qualifié d’«{NBSP}extrémiste{NBSP}»"),
])
def test_straight_marks_become_the_languages_own(language, typed, printed):
    assert curled(typed, language) == printed


def test_a_mark_reads_its_context_across_emphasis_and_cross_references():
    inlines = [Text('the "'), Emph([Text("Koshe")]), Text('" party, see '),
               Link("#fact:a", [Text('"para 4.1"')])]
    curl(inlines, MARKS["en"])
    assert inlines[0].text == "the “" and inlines[2].text == "” party, see "
    assert inlines[3].children[0].text == "“para 4.1”"


def test_code_and_external_links_keep_their_characters():
    inlines = [Text('a "b" '), Code('x = "y"'), Link("https://e.org/?q=\"z\"",
                                                      [Text('https://e.org/?q="z"')])]
    curl(inlines, MARKS["en"])
    assert inlines[0].text == "a “b” "
    assert inlines[1].text == 'x = "y"'
    assert inlines[2].children[0].text == 'https://e.org/?q="z"'
