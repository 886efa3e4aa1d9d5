"""What the redaction needs to know about words: whether a name part is also an ordinary
word ("May", "One", "Мороз"), and the declined forms of a Russian name (Петрова ->
Петровой, Петрову).

Two maintained libraries answer, each loaded only when a name needs it:

- English: the word-frequency list that pyspellchecker ships (built from a large corpus,
  lower-cased). A part counts as a word when its lower-case form occurs at least
  `WORD_FREQUENCY` times: measured on that list, "may" 927,594, "one" 5,914,125, "long"
  1,276,636, "hope" 628,812, "grant" 31,589, "smith" 1,006, while "dana" 475, "erik" 774,
  "stephanie" 316 and transliterated Kazakh names 0. A few given names ("john", "anna")
  pass the bar too: they are then withheld only in fuller forms, and `covenant check`
  says where the text uses them alone. The calendar's words are always words (the
  corpus lower-cases "June" to 821), so a surname never turns a date into a label.
- Russian: pymorphy3 and its OpenCorpora dictionary. A Cyrillic part is a word when the
  dictionary knows it as something other than a name, surname, patronymic or a
  possessive adjective made from one ("Мороз" is frost, "Петрова" only a surname); its
  declension is the lexeme of every surname (or given-name, patronymic) reading of it,
  singular and plural, so "Петрова" yields Петров, Петровой, Петрову, Петровым ...

Size: the two look-ups and their thresholds, apart from the forms they feed."""

from __future__ import annotations

import calendar
import json
import re
import unicodedata
from functools import cache
from pathlib import Path

from toolkit.files.json_store import stamp
from toolkit.redaction.word_store import WordStore

WORD_FREQUENCY = 1000
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_DIGITS = re.compile(rb"\d+")
NAME_TAGS = frozenset({"Name", "Surn", "Patr"})
# Words of dates in the languages documents are written in: never a name on their own.
_OTHER_CALENDARS = (
    "январь января февраль февраля март марта апрель апреля май мая июнь июня июль июля "
    "август августа сентябрь сентября октябрь октября ноябрь ноября декабрь декабря "
    "janvier février mars avril mai juin juillet août septembre octobre novembre "
    "décembre enero febrero marzo abril mayo junio julio agosto septiembre octubre "
    "noviembre diciembre")
CALENDAR_WORDS = frozenset(
    [w.casefold() for w in (*calendar.month_name, *calendar.month_abbr, *calendar.day_name,
                            *calendar.day_abbr) if w] + _OTHER_CALENDARS.split())


def fold(word: str) -> str:
    """The form words are compared in: case folded, ё read as е."""
    return unicodedata.normalize("NFKC", word).casefold().replace("ё", "е")


@cache
def _english_list() -> bytes:
    """pyspellchecker's frequency list, decompressed: one `"word": count` per line,
    lower-case, UTF-8. Searching these bytes for the few name parts a case has costs
    about 25 ms; building pyspellchecker's own dictionary from them costs ten times that,
    most of `covenant check`'s start-up."""
    import gzip
    from importlib.resources import files

    return gzip.decompress((files("spellchecker") / "resources" / "en.json.gz").read_bytes())


def english_frequency(folded: str) -> int:
    """How often the lower-case word `folded` occurs in the corpus (0 if never)."""
    listing = _english_list()
    key = b'\n"' + json.dumps(folded, ensure_ascii=False).encode()[1:-1] + b'": '
    at = listing.find(key)
    if at < 0:
        return 0
    digits = _DIGITS.match(listing, at + len(key))
    return int(digits.group()) if digits else 0


@cache
def _russian():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


_store = WordStore(None, "")
DICTIONARIES = ("pymorphy3", "pymorphy3-dicts-ru", "pyspellchecker")


_REMEMBERED: list = []  # the look-ups below, whose answers this process also keeps


def open_store(path: Path) -> None:
    """Answer from, and learn into, the word facts kept at `path` (word_store.py)."""
    global _store
    _store = WordStore(path, stamp([Path(__file__)], DICTIONARIES))


def save_store() -> None:
    _store.save()


def close_store() -> None:
    """Look everything up in the dictionaries from now on, forgetting what the store
    answered: a build's redaction never rests on a file in the workspace."""
    global _store
    if _store.path is None:
        return  # nothing was answered from a store: what this process knows stands
    _store = WordStore(None, "")
    for look_up in _REMEMBERED:
        look_up.cache_clear()


def _remembered(table: str):
    """The look-up, answered from the workspace's store when it knows `key`."""
    def decorate(look_up):
        def answer(*args):
            key = "\t".join(args)
            known, value = _store.get(table, key)
            if not known:
                value = look_up(*args)
                _store.put(table, key, sorted(value) if isinstance(value, frozenset)
                           else value)
            return frozenset(value) if isinstance(value, list) else value
        answer.__doc__ = look_up.__doc__
        remembered = cache(answer)
        _REMEMBERED.append(remembered)
        return remembered
    return decorate


@_remembered("is_word")
def is_word(part: str) -> bool:
    """Whether `part` (one run of letters) is also an ordinary word of the language."""
    folded = fold(part)
    if folded in CALENDAR_WORDS:
        return True
    if CYRILLIC.search(part):
        return any(p.is_known and not NAME_TAGS & p.tag.grammemes and "Poss" not in p.tag
                   for p in _russian().parse(folded))
    return english_frequency(folded) >= WORD_FREQUENCY


@_remembered("declensions")
def declensions(part: str, kind: str) -> frozenset[str]:
    """Every form of a Cyrillic name part (folded), `kind` 'given' or 'family'; the part
    itself only, for a part in another script or one the dictionary cannot decline."""
    folded = fold(part)
    if not CYRILLIC.search(part):
        return frozenset({folded})
    wanted = {"Surn"} if kind == "family" else {"Name", "Patr"}
    forms = {folded}
    for reading in _russian().parse(folded):
        if wanted & reading.tag.grammemes:
            forms.update(fold(f.word) for f in reading.lexeme
                         if wanted & f.tag.grammemes)
    if len(forms) == 1:  # the dictionary cannot decline it: the common paradigms
        forms |= _by_ending(folded)
    return frozenset(forms)


# The endings of Russian (and Russified Kazakh, Kyrgyz ...) name paradigms the dictionary
# may not know: ending -> the endings of its other cases. Longest ending first.
PARADIGMS: list[tuple[str, tuple[str, ...]]] = [
    ("ская", ("ской", "скую")), ("цкая", ("цкой", "цкую")),
    ("ский", ("ского", "скому", "ским", "ском")), ("цкий", ("цкого", "цкому", "цким", "цком")),
    ("ова", ("овой", "ову")), ("ева", ("евой", "еву")), ("ина", ("иной", "ину")),
    ("ына", ("ыной", "ыну")),
    ("ов", ("ова", "ову", "овым", "ове")), ("ев", ("ева", "еву", "евым", "еве")),
    ("ин", ("ина", "ину", "иным", "ине")), ("ын", ("ына", "ыну", "ыным", "ыне")),
    ("ия", ("ии", "ию", "ией")), ("ья", ("ьи", "ье", "ью", "ьей")),
    ("а", ("ы", "е", "у", "ой")), ("я", ("и", "е", "ю", "ей")),
]


def _by_ending(folded: str) -> set[str]:
    for ending, others in PARADIGMS:
        if folded.endswith(ending) and len(folded) > len(ending) + 1:
            stem = folded[: -len(ending)]
            return {stem + other for other in others}
    return set()


@_remembered("reading_of")
def reading_of(part: str) -> str | None:
    """'given', 'family' or 'patronymic' where the dictionary is sure of a Cyrillic part,
    else None (the caller then goes by position)."""
    if not CYRILLIC.search(part):
        return None
    reading = _russian().parse(fold(part))[0]
    if not reading.is_known:  # a guess from the ending: the position decides
        return None
    best = reading.tag.grammemes
    return {"Name": "given", "Surn": "family", "Patr": "patronymic"}.get(
        next((t for t in ("Patr", "Name", "Surn") if t in best), ""))
