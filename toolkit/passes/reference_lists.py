"""Several paragraphs cited in one bracket, `[@fact:a; @fact:b; @fact:c]`, printed as one
reference in running text: consecutive paragraphs as a range, the rest joined as the
language joins the last item of a list.

    en  paras 4.3–4.8 and 4.12        fr  paragraphes 4.3 à 4.8 et 4.12
    es  párrafos 4.3 a 4.8 y 4.12     ru  пп. 4.3–4.8 и 4.12

Each paragraph once, in the document's order; three or more in a row make a range (two
stay two, as the table of authorities prints them). Every number stays a link to its
paragraph (a REF field in Word). The words are the running-text forms of the Committee's
Views in each language (in French and Spanish the word is spelt out in the text, "par." /
"párr." being the notes' abbreviation); the article before them ("aux", "los") is the
template's, which knows how many paragraphs it cites.

Size: the list's words and its ranges; the reference pass (references.py) calls it."""

from __future__ import annotations

from dataclasses import dataclass

from toolkit.model.document import Inline, Link, NumberText, Text


@dataclass(frozen=True)
class ListWords:
    one: str  # the word before a single number
    many: str  # before several
    through: str  # between the ends of a range
    last: str  # before the last item
    between: str = ", "  # between the others


LIST_WORDS: dict[str, ListWords] = {
    "en": ListWords("para", "paras", "\u2013", " and "),
    "fr": ListWords("paragraphe", "paragraphes", " à ", " et "),
    "es": ListWords("párrafo", "párrafos", " a ", " y "),
    "ru": ListWords("п.", "пп.", "\u2013", " и "),
}


def _order(number: str) -> tuple[int, ...]:
    return tuple(int(part) for part in number.split(".") if part.isdigit())


def _runs(numbers: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    """(anchor, number) pairs following each other in one section, together."""
    runs: list[list[tuple[str, str]]] = []
    for item in numbers:
        order = _order(item[1])
        if runs:
            last = _order(runs[-1][-1][1])
            if len(order) == len(last) and order[:-1] == last[:-1] \
                    and order[-1] == last[-1] + 1:
                runs[-1].append(item)
                continue
        runs.append([item])
    return runs


def _number(anchor: str, number: str) -> Link:
    return Link(f"#{anchor}", [NumberText(number, anchor=anchor)])


def paragraph_list(numbers: list[tuple[str, str]], language: str) -> list[Inline]:
    """"paras 4.3–4.8 and 4.12" for (anchor, number) pairs, in any order, repeats
    allowed."""
    words = LIST_WORDS.get(language, LIST_WORDS["en"])
    seen: dict[str, tuple[str, str]] = {}
    for anchor, number in numbers:
        seen.setdefault(number, (anchor, number))
    ordered = sorted(seen.values(), key=lambda item: _order(item[1]))
    items: list[list[Inline]] = []
    for run in _runs(ordered):
        if len(run) > 2:
            items.append([_number(*run[0]), Text(words.through), _number(*run[-1])])
        else:
            items.extend([_number(*item)] for item in run)
    # a no-break space: the word never ends a line without its number
    out: list[Inline] = [Text(f"{words.many if len(ordered) > 1 else words.one}\u00a0")]
    for index, item in enumerate(items):
        if index:
            out.append(Text(words.last if index == len(items) - 1 else words.between))
        out.extend(item)
    return out
