"""A Russian label in the grammatical case of the name it replaces: "показания Петровой"
becomes "показания Свидетеля А", not "показания Свидетель А".

The case is read from the replaced form itself (pymorphy3's reading of its last word as a
name), and, where that form is ambiguous — a feminine surname in -ой is genitive, dative,
instrumental or prepositional alike — from the preposition before it ("с Петровой":
instrumental; "о Петровой": prepositional; "к Петровой": dative); otherwise genitive, the
most frequent reading in legal prose. Every word of the label that declines is put in
that case (its letter or number stays); a label the user wrote is declined the same way.

Size: one function and its tables, apart from the matcher (forms.py)."""

from __future__ import annotations

import re
from functools import cache

from toolkit.redaction.words import CYRILLIC, _russian, fold

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
NAME_TAGS = {"Surn", "Name", "Patr"}
# The case a preposition governs where a name form could be several.
PREPOSITIONS = {
    "с": "ablt", "со": "ablt", "под": "ablt", "над": "ablt", "перед": "ablt",
    "между": "ablt", "за": "ablt",
    "о": "loct", "об": "loct", "обо": "loct", "при": "loct",
    "к": "datv", "ко": "datv", "по": "datv", "согласно": "datv", "благодаря": "datv",
    "у": "gent", "от": "gent", "для": "gent", "без": "gent", "против": "gent",
    "со стороны": "gent", "до": "gent", "после": "gent", "из": "gent",
}
LAST_WORD = re.compile(r"([^\W\d_]+)\W*$")
WORD_BEFORE = re.compile(r"([^\W\d_]+)[\s\u00a0]*$")


@cache
def gender_of(name: str) -> str | None:
    """'masc' or 'femn' for a Russian name as written (its family or given name in the
    nominative), None where the dictionary cannot tell."""
    for word in reversed(name.split()):
        for parse in _russian().parse(fold(word)):
            if NAME_TAGS & parse.tag.grammemes and "nomn" in parse.tag and \
                    parse.tag.gender in ("masc", "femn"):
                return parse.tag.gender
    return None


def _cases_of(word: str, gender: str | None = None) -> list[str]:
    """The cases a name form can be in, most likely first (nominative included); only
    readings of the person's gender where it is known ("Кветкову": accusative for her,
    dative for him)."""
    found: list[str] = []
    for parse in _russian().parse(fold(word)):
        if gender and parse.tag.gender not in (gender, None) or "plur" in parse.tag:
            continue
        if NAME_TAGS & parse.tag.grammemes and parse.tag.case and \
                parse.tag.case not in found:
            found.append(parse.tag.case)
    return [c if c in CASES else {"gen2": "gent", "loc2": "loct", "acc2": "accs"}.get(
        c, "nomn") for c in found]


def case_of(matched: str, before: str, name: str = "") -> str:
    """The grammatical case of the name form `matched`, preceded by the text `before`;
    `name`: the person's name as written, whose gender narrows the readings."""
    last = LAST_WORD.search(matched)
    if not last or not CYRILLIC.search(last.group(1)):
        return "nomn"
    gender = gender_of(name) if name else None
    cases: list[str] = []
    # The last word the dictionary reads as a name decides ("Елену Полянину": "Елену").
    for word in reversed(re.findall(r"[^\W\d_]+", matched)):
        cases = _cases_of(word, gender) or _cases_of(word)
        if cases:
            break
    cases = cases or ["nomn"]
    if len(cases) == 1:
        return cases[0]
    previous = WORD_BEFORE.search(before[-30:])
    governed = PREPOSITIONS.get(previous.group(1).casefold()) if previous else None
    if governed in cases:
        return governed
    return "nomn" if "nomn" in cases else ("gent" if "gent" in cases else cases[0])


@cache
def decline_label(label: str, case: str) -> str:
    """`label` ("Свидетель А", "Предполагаемая жертва Б") in `case`; unchanged in the
    nominative, for a non-Cyrillic label, or where a word does not decline."""
    if case == "nomn" or not CYRILLIC.search(label):
        return label
    out = []
    for word in label.split(" "):
        parses = _russian().parse(word) if CYRILLIC.search(word) and len(word) > 1 else []
        noun_or_adj = next((p for p in parses if {"NOUN", "ADJF", "PRTF"} & p.tag.grammemes
                            and "nomn" in p.tag), None)
        inflected = noun_or_adj.inflect({case}) if noun_or_adj else None
        if inflected is None:
            out.append(word)
            continue
        text = inflected.word
        out.append(text[:1].upper() + text[1:] if word[:1].isupper() else text)
    return " ".join(out)
