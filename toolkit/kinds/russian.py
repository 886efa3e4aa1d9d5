"""What Russian templates need that Jinja cannot do alone: a number with its noun in the
grammatical case of the sentence ("на двух заседаниях", "три нарушения"), and a person's
name declined ("по делу Жанболата Мамая").

Written without "ё", as United Nations Russian texts are. Numerals up to ten are words,
from the table below (the forms are fixed; a dictionary
adds nothing); the noun takes the form the number asks for from pymorphy3's dictionary
(which the public version's labels already use, toolkit/redaction/inflection.py). A name
is declined word by word where the dictionary reads the word as a given name, surname
or patronymic of the person's gender, or, for a public version's role label
("Наблюдатель 1"), as a known noun or adjective; a word it cannot read stays as written
(a name in Latin script, an indeclinable "Айгуль"). Cases are pymorphy3's tags: nomn,
gent, datv, accs, ablt, loct.

Size: two helpers and the numerals' table, shared by the Russian fairness report and
briefing."""

from __future__ import annotations

from functools import cache

from toolkit.redaction.inflection import NAME_TAGS, gender_of
from toolkit.redaction.words import CYRILLIC, _russian

# 1-10 by case; 1 and 2 by gender too (masc, femn, neut). Accusative is that of an
# inanimate noun (the templates count sessions and violations, not people, in it).
_ONE = {"masc": ("один", "одного", "одному", "один", "одним", "одном"),
        "neut": ("одно", "одного", "одному", "одно", "одним", "одном"),
        "femn": ("одна", "одной", "одной", "одну", "одной", "одной")}
_TWO = {"masc": ("два", "двух", "двум", "два", "двумя", "двух"),
        "neut": ("два", "двух", "двум", "два", "двумя", "двух"),
        "femn": ("две", "двух", "двум", "две", "двумя", "двух")}
_OTHERS = {
    3: ("три", "трех", "трем", "три", "тремя", "трех"),
    4: ("четыре", "четырех", "четырем", "четыре", "четырьмя", "четырех"),
    5: ("пять", "пяти", "пяти", "пять", "пятью", "пяти"),
    6: ("шесть", "шести", "шести", "шесть", "шестью", "шести"),
    7: ("семь", "семи", "семи", "семь", "семью", "семи"),
    8: ("восемь", "восьми", "восьми", "восемь", "восемью", "восьми"),
    9: ("девять", "девяти", "девяти", "девять", "девятью", "девяти"),
    10: ("десять", "десяти", "десяти", "десять", "десятью", "десяти"),
}
CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")


def number_word(n: int, case: str = "nomn", gender: str = "masc") -> str:
    """3 -> 'три'; (1, 'loct', 'neut') -> 'одном'; above ten, the digits."""
    index = CASES.index(case)
    if n == 1:
        return _ONE[gender][index]
    if n == 2:
        return _TWO[gender][index]
    return _OTHERS[n][index] if n in _OTHERS else str(n)


@cache
def _noun(noun: str):
    return next(p for p in _russian().parse(noun) if "NOUN" in p.tag and "nomn" in p.tag)


def count(n: int, noun: str, case: str = "nomn") -> str:
    """(2, 'заседание', 'loct') -> 'двух заседаниях'; (1, 'нарушение') -> 'одно
    нарушение'; (5, 'нарушение') -> 'пять нарушений'."""
    parse = _noun(noun)
    gender = parse.tag.gender or "masc"
    inflected = parse.inflect({case}) if case != "nomn" else parse
    form = inflected.make_agree_with_number(n) if n else parse.inflect({"plur", "gent"})
    return f"{number_word(n, case, gender)} {form.word.replace('ё', 'е')}"


def noun_for(n: int, noun: str, case: str = "nomn") -> str:
    """The noun alone in the form `n` asks for: (3, 'заседание') -> 'заседания'."""
    return count(n, noun, case).split(" ", 1)[1]


def _declined(word: str, case: str, gender: str | None):
    for parse in _russian().parse(word.lower()):
        if NAME_TAGS & parse.tag.grammemes and "nomn" in parse.tag and "sing" in parse.tag \
                and (gender is None or parse.tag.gender == gender):
            return parse.inflect({case})
    for parse in _russian().parse(word.lower()):
        if parse.is_known and {"NOUN", "ADJF", "PRTF"} & parse.tag.grammemes and \
                "nomn" in parse.tag and "sing" in parse.tag and not NAME_TAGS & parse.tag.grammemes:
            return parse.inflect({case})
    return None


@cache
def decline_name(name: str, case: str = "gent") -> str:
    """'Жанболат Мамай' -> 'Жанболата Мамая'; 'Айгуль Утепова' -> 'Айгуль Утеповой';
    'Наблюдатель 1' -> 'Наблюдателя 1'; a name in Latin script is unchanged."""
    if case == "nomn" or not CYRILLIC.search(name):
        return name
    gender = gender_of(name)
    out = []
    for word in name.split(" "):
        parts = []
        for part in word.split("-"):  # "Эксперт-Образец": each part
            inflected = _declined(part, case, gender) if CYRILLIC.search(part) and \
                len(part) > 1 else None
            text = inflected.word if inflected else part
            parts.append(text[:1].upper() + text[1:] if part[:1].isupper() else text)
        out.append("-".join(parts))
    return " ".join(out)


def names_list(names: list[str], case: str = "nomn") -> str:
    """'А', 'А и Б', 'А, Б и В', each declined."""
    listed = [decline_name(n, case) for n in names]
    return listed[0] if len(listed) == 1 else ", ".join(listed[:-1]) + " и " + listed[-1]
