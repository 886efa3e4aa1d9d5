"""citeproc's HTML fragments to document inlines, with formatting debris removed.

citeproc-py and published styles leave debris on real data (PITFALLS.md): ", ,", a stray
"Vols", "V" for "v" in case names, empty brackets, doubled full stops. We clean the
fragment before turning it into inlines, so both writers get the same clean text.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from toolkit.model.document import Emph, Inline, NumberText, Strong, Text

_DEBRIS = [
    # "Vols" with no number after it (not a symbol's "(Vol. I)")
    (re.compile(r",?\s*\bVols?\b(?!\.?\s*(?:\d|[IVXLC]+\b))\.?"), ""),
    (re.compile(r"(\b[A-Z][\w’'-]+) V (?=[A-Z])"), r"\1 v "),  # Esergepov V Kazakhstan
    (re.compile(r"\(\s*\)|\[\s*\]"), ""),  # empty brackets
    # \x00 stands for a tag (see clean_debris): punctuation rules look through it.
    (re.compile(r"\s+(\x00*[,.;:])"), r"\1"),  # space before punctuation
    (re.compile(r"([,;:])((?:\s|\x00)*[,;:])+"), lambda m: m.group(1) + _tags(m)),  # ", ,"
    (re.compile(r",((?:\s|\x00)*\.)"), lambda m: _tags(m) + "."),  # ", ." -> "."
    # exactly two full stops ("..", ". ."), never an ellipsis "..."
    (re.compile(r"(?<!\.)\.((?:\s|\x00)*)\.(?!(?:\s|\x00)*\.)"), lambda m: "." + _tags(m)),
    (re.compile(r"[ \t]{2,}"), " "),
]


def _tags(match: re.Match) -> str:
    """Keep the tag placeholders a rule's match spans, dropping what is around them."""
    return "\x00" * match.group(0).count("\x00")
# Only the tags citeproc's HTML formatter writes; "<https://...>" printed by a style is text.
_TAG = re.compile(r"(</?(?:i|b|em|strong|span|sup|sub|u|l)(?:\s[^>]*)?>)")
# citeproc-py prints a title twice where a style substitutes it for a missing author
# (a title may hold commas: a gazette's "Kundmachung …, Verfassung und Medien …").
# A whole segment only (after the start, a space or a tag): "CCPR/C/1/D/2129/2012,
# 2129/2012" (a symbol, then the communication number it ends with) is not a repetition.
_REPEATED = re.compile(r"(?:^|(?<=\s)|(?<=>))"
                       r"(?P<seg>(?:<i>)?[^<>]{4,}?(?:</i>)?), (?P=seg)(?=[,.;\s]|$)")


def clean_debris(fragment: str) -> str:
    """Apply the debris rules to the text of an HTML fragment, leaving tags alone."""
    # \x00 is the tag placeholder below; a NUL in the data (a BibTeX title) is not text.
    fragment = _REPEATED.sub(r"\g<seg>", fragment.replace("\x00", ""))
    # Work on text with tags replaced by placeholders that do not trigger the rules.
    parts = _TAG.split(fragment)
    tags = parts[1::2]
    text = "\x00".join(parts[0::2])
    for pattern, replacement in _DEBRIS:
        text = pattern.sub(replacement, text)
    texts = text.split("\x00")
    out = [texts[0]]
    for tag, following in zip(tags, texts[1:], strict=True):
        out += [tag, following]
    return re.sub(r"<(i|b|em|strong)>\s*</\1>", "", "".join(out)).strip()


NOTE_NUMBER_TAG = "note-number"


class _Builder(HTMLParser):
    WRAPPERS = {"i": Emph, "em": Emph, "b": Strong, "strong": Strong}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[list[Inline]] = [[]]
        self.tags: list[str] = []

    KNOWN = {"i", "em", "b", "strong", "span", "sup", "sub", "l", "u", "a"}

    def handle_starttag(self, tag, attrs):
        if tag not in self.KNOWN:
            # Styles print "<URL>" through prefixes citeproc does not escape: keep as text.
            self.stack[-1].append(Text(self.get_starttag_text() or ""))
            return
        if tag == "span" and ("class", "note-number") in attrs:
            tag = NOTE_NUMBER_TAG
        self.tags.append(tag)
        self.stack.append([])

    def handle_endtag(self, tag):
        if tag not in self.KNOWN or not self.tags:
            return
        opened = self.tags.pop()
        children = self.stack.pop()
        if opened == NOTE_NUMBER_TAG:  # citeproc_engine.NOTE_NUMBER: "(n 12)"'s number
            number = "".join(c.text for c in children if isinstance(c, Text))
            self.stack[-1].append(NumberText(number, note=int(number)) if number.isdigit()
                                  else Text(number))
            return
        wrapper = self.WRAPPERS.get(opened)
        self.stack[-1].append(wrapper(children) if wrapper and children else None) \
            if wrapper else self.stack[-1].extend(children)
        if self.stack[-1] and self.stack[-1][-1] is None:
            self.stack[-1].pop()

    def handle_data(self, data):
        if data:
            self.stack[-1].append(Text(data))


def html_to_inlines(fragment: str) -> list[Inline]:
    builder = _Builder()
    builder.feed(fragment)
    builder.close()
    while len(builder.stack) > 1:
        children = builder.stack.pop()
        builder.stack[-1].extend(children)
    return builder.stack[0]


def fragment_text(fragment: str) -> str:
    """The plain text of a fragment, as a reader sees it (a "<URL>" stays)."""
    from toolkit.model.document import plain_text

    return plain_text(html_to_inlines(fragment))
