"""The typography of the document's language, once, over the text of the body and the
notes, after every other pass (so the notes' formatted citations are there too).

Russian, French and Spanish put a footnote call before the punctuation it is attached to,
English after it: "établi par la loi³." / "2006 г.¹," / "nacionales³." against OSCOLA's
"by law.³" (Lexique des règles typographiques de l'Imprimerie nationale; Ortografía de la
lengua española 2010, 3.4.5; Мильчин, Справочник издателя и автора, сноски). A full stop
that ends an abbreviation ("г.", "art.", "etc.") stays where it is.

Non-breaking spaces keep together what a line must not split: a day and its month
("28 ноября", "10 novembre", "12 de septiembre"), a number sign and its number ("№ 18",
"no 2664", "núm. 5"), a pinpoint label and its number ("п. 4", "art. 19", "párr. 3"),
"г. Алматы", the dash that opens a Russian clause ("протокол — 30 июня"). French also
wants a non-breaking space before ";", ":", "!" and "?" where the text has none (the
notes' "; " between citations).

Code spans and link targets are never changed; a URL's text is not touched by the
French rule because its colon is not followed by a space. Straight quotation marks
become the language's own first (`curl`, English too); a language without spacing rules
here (English) is otherwise left as written.

Quotation marks: a lawyer writes `"extremist"`, the draft prints “extremist” (English,
Spanish), «extremist» (Russian, „…“ inside), « extremist » (French, with no-break spaces;
“…” inside), as its footnotes already print titles (the style's locale). Whether a mark
opens or closes is read from the character before it, across the emphasis and
cross-references of one paragraph: after a space, an opening bracket, a dash, an
apostrophe, another opening mark or the start, it opens. An apostrophe after a letter
("the States' duty", "O'Brien", a title's "activist's") is ’; English and Spanish also
read a single mark before a word as the inner quotation ‘…’. Code spans and external
links keep their characters."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from toolkit.model.dates import ES_MONTHS, FR_MONTHS, RU_MONTHS_GENITIVE
from toolkit.model.document import (
    Code,
    Document,
    Emph,
    Inline,
    Link,
    NoteRef,
    Strong,
    Text,
    block_inlines,
    walk_blocks,
)

NBSP = "\u00a0"


@dataclass(frozen=True)
class Typography:
    calls_before_punctuation: bool
    # full stops that end an abbreviation, not a sentence: the call goes after them
    abbreviations: tuple[str, ...] = ()
    # (pattern, replacement) applied to every text, in order
    spaces: tuple[tuple[re.Pattern, str], ...] = field(default_factory=tuple)


def _months(names: list[str]) -> str:
    return "|".join(names)


RULES: dict[str, Typography] = {
    "ru": Typography(True, ("г", "гг", "п", "пп", "ст", "ч", "с", "т", "см", "ср", "др",
                            "соч", "т. е", "и т. д", "и т. п"), (
        (re.compile(rf"(\d) (?=(?:{_months(RU_MONTHS_GENITIVE)})\b)"), rf"\1{NBSP}"),
        (re.compile(r"№ (?=\d)"), f"№{NBSP}"),
        (re.compile(r"(?<![\w])([Пп]п?|[Сс]т|[Чч]|[Гг]л|[Рр]азд|[Пп]одп|[Тт]|[Сс])\. "
                    r"(?=[\dа-яa-z])"), rf"\1.{NBSP}"),
        (re.compile(r"(\d) (?=гг?\.)"), rf"\1{NBSP}"),
        (re.compile(r"(?<![\w])г\. (?=[А-ЯЁ])"), f"г.{NBSP}"),
        (re.compile(r" (?=[—–] )"), NBSP),
    )),
    "fr": Typography(True, ("art", "par", "p", "vol", "etc", "chap", "cf", "no", "nos",
                            "Ibid", "ibid", "op. cit", "éd"), (
        (re.compile(rf"\b(\d{{1,2}}|1er) (?=(?:{_months(FR_MONTHS)})\b)"), rf"\1{NBSP}"),
        (re.compile(r"\b(nos?|n°) (?=\d)"), rf"\1{NBSP}"),
        (re.compile(r"\b(art|par|p|vol|chap)\. (?=\d)"), rf"\1.{NBSP}"),
        (re.compile(r"\b(article|articles|paragraphe|note) (?=\d)"), rf"\1{NBSP}"),
        # a non-breaking space before ":", a narrow one before ";", "!" and "?", as the
        # French templates write them
        (re.compile(r"(?:(?<=[^\s\u00a0\u202f(])| )(:)(?=\s|$)"), rf"{NBSP}\1"),
        (re.compile(r"(?:(?<=[^\s\u00a0\u202f(])| )([;!?])(?=\s|$)"), "\u202f\\1"),
    )),
    "es": Typography(True, ("art", "arts", "párr", "párrs", "pág", "págs", "vol", "etc",
                            "núm", "núms", "cf", "Ibid", "ibid"), (
        (re.compile(rf"\b(\d{{1,2}}) de (?=(?:{_months(ES_MONTHS)})\b)"), rf"\1{NBSP}de "),
        (re.compile(r"\b(núms?|Nº|art|arts|párr|párrs|pág|págs|vol)(\.?) (?=\d)"),
         rf"\1\2{NBSP}"),
        (re.compile(r"\b(nota|artículo|artículos|párrafo|párrafos) (?=\d)"), rf"\1{NBSP}"),
    )),
}


@dataclass(frozen=True)
class Marks:
    open: str
    close: str
    inner_open: str
    inner_close: str
    single_quotes: bool  # whether ' around words is the inner quotation (not in ru, fr)


MARKS = {
    "en": Marks("“", "”", "‘", "’", True),
    "es": Marks("“", "”", "‘", "’", True),  # as the house style's Spanish notes
    "ru": Marks("«", "»", "„", "“", False),
    "fr": Marks("«" + NBSP, NBSP + "»", "“", "”", False),
}

_OPENS_AFTER = set(" \t\n\u00a0\u202f([{—–-/«„“‘") | {""}


def _segments(inlines: list[Inline], found: list[Text | None]) -> None:
    for node in inlines:
        if type(node) is Text:
            found.append(node)
        elif isinstance(node, Emph | Strong) or isinstance(node, Link) and node.url.startswith("#"):
            _segments(node.children, found)
        elif isinstance(node, Code):
            found.append(None)  # a break: what follows does not continue the code


def curl(inlines: list[Inline], marks: Marks) -> None:
    """One paragraph's (or note's) straight marks, in place."""
    segments: list[Text | None] = []
    _segments(inlines, segments)
    previous, depth = "", 0
    opener, closer = marks.open.strip(NBSP), marks.close.strip(NBSP)
    for index, node in enumerate(segments):
        if node is None:
            previous = "x"
            continue
        text, out = node.text, []
        if '"' not in text and "'" not in text:
            # marks already typographic (a template's “{{ title }}”) count for the depth
            depth = max(depth + text.count(opener) - text.count(closer), 0)
            previous = text[-1:] or previous
            continue
        for position, char in enumerate(text):
            if char in (opener, closer):
                depth = depth + 1 if char == opener else max(depth - 1, 0)
            if char == '"':
                opening = previous in _OPENS_AFTER or previous in "'’"  # d’« … »
                if opening:
                    out.append(marks.open if depth == 0 else marks.inner_open)
                    depth += 1
                else:
                    depth = max(depth - 1, 0)
                    out.append(marks.close if depth == 0 else marks.inner_close)
            elif char == "'":
                after = text[position + 1:position + 2] or _first(segments, index + 1)
                if previous in _OPENS_AFTER and marks.single_quotes and after.isalnum():
                    out.append(marks.inner_open)
                else:
                    out.append("’")
            else:
                out.append(char)
            previous = char
        node.text = "".join(out)


def _first(segments: list[Text | None], start: int) -> str:
    for node in segments[start:]:
        if node is None:
            return ""
        if node.text:
            return node.text[0]
    return ""


_PUNCTUATION = ",;:."


def _space(text: str, rules: Typography) -> str:
    for pattern, replacement in rules.spaces:
        text = pattern.sub(replacement, text)
    return text


def _ends_an_abbreviation(text: str, rules: Typography) -> bool:
    """Whether the full stop that ends `text` is an abbreviation's (or an initial's, or
    an ellipsis'), which the call follows, rather than the sentence's."""
    before = text[:-1]
    if before.endswith(".."):
        return True
    if any(before.endswith(a) and (len(before) == len(a) or not before[-len(a) - 1].isalnum())
           for a in rules.abbreviations):
        return True
    word = re.search(r"(\w+)$", before)
    return word is not None and len(word.group(1)) == 1 and word.group(1).isalpha()


def _calls_before(inlines: list[Inline], rules: Typography) -> None:
    """"loi.³" -> "loi³.": the punctuation that ends the text before a call moves after
    the call (and after a run of calls)."""
    index = 0
    while index < len(inlines):
        node = inlines[index]
        if isinstance(node, NoteRef) and index > 0 and isinstance(inlines[index - 1], Text) \
                and type(inlines[index - 1]) is Text:
            before = inlines[index - 1]
            mark = before.text[-1:] if before.text else ""
            if mark in _PUNCTUATION and not (mark == "." and
                                             _ends_an_abbreviation(before.text, rules)):
                before.text = before.text[:-1]
                end = index
                while end + 1 < len(inlines) and isinstance(inlines[end + 1], NoteRef):
                    end += 1
                inlines.insert(end + 1, Text(mark))
                index = end + 1
        index += 1


def _walk(inlines: list[Inline], rules: Typography) -> None:
    for index, node in enumerate(inlines):
        if type(node) is Text:
            # the first character of what follows, so that "note " before a note number
            # (a NumberText of its own) also gets its non-breaking space
            after = inlines[index + 1] if index + 1 < len(inlines) else None
            probe = after.text[:1] if isinstance(after, Text) else ""
            spaced = _space(node.text + probe, rules)
            node.text = spaced[:-len(probe)] if probe and spaced.endswith(probe) else spaced
        elif isinstance(node, Emph | Strong):
            _walk(node.children, rules)
        elif isinstance(node, Link) and node.url.startswith("#"):
            _walk(node.children, rules)  # a cross-reference's words ("п. 4.20")
        # an external link's text is its address, or the author's words for it
    if rules.calls_before_punctuation:  # (emphasis and links: by the calls above)
        _calls_before(inlines, rules)


def run(document: Document, context) -> None:
    language = (document.language or "en").split("-")[0].lower()
    rules, marks = RULES.get(language), MARKS.get(language, MARKS["en"])
    paragraphs = [inlines for block in walk_blocks(document.blocks)
                  for inlines in block_inlines(block)]
    for inlines in paragraphs + [note.children for note in document.notes]:
        curl(inlines, marks)  # before the spaces: French « » brings its own
        if rules is not None:
            _walk(inlines, rules)
