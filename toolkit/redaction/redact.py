"""Public versions: every confidential person's name becomes a role label everywhere —
body, footnotes, cover, title, subject, author, link addresses — before any writer runs,
so DOCX parts, PDF text and metadata all carry the label alone.

Trial monitors are confidential unless their entry says `confidential: false`; anyone
else is confidential when their entry says `confidential: true`.

All names are found in one pass of one pattern (a trie of the names, longest first), so
redacting a briefing that draws hundreds of people from many cases costs time in
proportion to the text, not to the text times the number of names."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from toolkit.model.case import Person
from toolkit.model.document import Document, Inline, Link, Text, block_inlines, walk_blocks

ROLE_LABELS = {"trial-monitor": ("Monitor", "number"), "witness": ("Witness", "letter"),
               "expert": ("Expert", "number"), "counsel": ("Counsel", "number"),
               "alleged-victim": ("Alleged victim", "letter"),
               "author": ("Author", "letter")}
DEFAULT_LABEL = ("Person", "letter")


def is_confidential(person: Person) -> bool:
    if person.confidential is not None:
        return person.confidential
    return "trial-monitor" in person.roles


@dataclass(frozen=True)
class Replacement:
    name: str
    label: str
    aliases: tuple[str, ...] = ()  # other spellings of the same name

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


def _letters(n: int) -> str:
    """1 -> A, 26 -> Z, 27 -> AA: labels for any number of people."""
    text = ""
    while n > 0:
        n, rest = divmod(n - 1, 26)
        text = chr(ord("A") + rest) + text
    return text


def plan(people: list[Person]) -> list[Replacement]:
    """A stable label for each confidential person: 'Monitor 1', 'Witness A' ...
    (one label per name: a person listed twice, as in several cases, keeps the first)."""
    counters: Counter[str] = Counter()
    plan_: list[Replacement] = []
    planned: set[str] = set()
    for person in people:
        if not is_confidential(person):
            continue
        name = " ".join(person.name.lower().split())
        if name in planned:
            continue
        planned.add(name)
        aliases = tuple(person.aliases)
        if person.label:
            plan_.append(Replacement(person.name, person.label, aliases))
            continue
        word, style = next((ROLE_LABELS[r] for r in person.roles if r in ROLE_LABELS),
                           DEFAULT_LABEL)
        counters[word] += 1
        n = counters[word]
        suffix = str(n) if style == "number" else _letters(n)
        plan_.append(Replacement(person.name, f"{word} {suffix}", aliases))
    return plan_


_NAME_PART = re.compile(r"[^\W\d_][\w'’-]{2,}")


def _trie(words: list[str]) -> str:
    """One regular expression matching any of `words` (lower case), the longest first."""
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items())
                    if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


def _patterns(replacements: list[Replacement], spare: frozenset[str] = frozenset()
              ) -> list[tuple[re.Pattern, object]]:
    """The full names, and each part of them on its own ("Mr Surname"), as one pattern:
    a full name wins over its parts. Parts in `spare` (lower case) are left alone."""
    labels: dict[str, str] = {}
    for item in replacements:
        for name in item.names:
            labels.setdefault(" ".join(name.lower().split()), item.label)
    for item in replacements:
        for token in (t for name in item.names for t in _NAME_PART.findall(name)):
            if token.lower() not in spare:
                labels.setdefault(token.lower(), item.label)
    if not labels:
        return []
    words = [w for w in labels if w]
    pattern = re.compile(rf"(?<![\w])(?:{_trie(words)})(?![\w])", re.IGNORECASE)

    def label(match: re.Match) -> str:
        found = labels.get(" ".join(match.group(0).lower().split()))
        if found is None:  # a letter whose lower case is longer (rare): find it by match
            found = next((v for k, v in labels.items()
                          if re.fullmatch(re.escape(k), match.group(0), re.IGNORECASE)),
                         "[name withheld]")
        return found

    return [(pattern, label)]


def redact_text(text: str, patterns) -> str:
    for pattern, label in patterns:
        text = pattern.sub(label, text)
    return text


def _redact_inlines(inlines: list[Inline], patterns) -> None:
    for node in inlines:
        if isinstance(node, Text):
            node.text = redact_text(node.text, patterns)
        elif isinstance(node, Link):
            node.url = redact_text(node.url, patterns)
            _redact_inlines(node.children, patterns)
        elif hasattr(node, "children") and not hasattr(node, "note"):
            _redact_inlines(node.children, patterns)


def redact_document(document: Document, people: list[Person], *,
                    spare_public_names: bool = False) -> list[Replacement]:
    """Replace every confidential name in the document; return what was replaced.

    `spare_public_names`: a part of a confidential name that is also part of a public
    person's name in `people` ("Aliya" of a confidential witness and of a named victim)
    is not replaced on its own; the full name still is. Briefings, which draw people
    from many cases, set it."""
    replacements = plan(people)
    document.public = True
    if not replacements:
        return replacements
    spare = frozenset(t.lower() for p in people if not is_confidential(p)
                      for t in _NAME_PART.findall(p.name)) if spare_public_names else frozenset()
    patterns = _patterns(replacements, spare)
    for block in walk_blocks(document.blocks):
        for inlines in block_inlines(block):
            _redact_inlines(inlines, patterns)
    for note in document.notes:
        _redact_inlines(note.children, patterns)
    document.title = redact_text(document.title, patterns)
    document.subject = redact_text(document.subject, patterns)
    document.author = redact_text(document.author, patterns)
    document.cover = {k: redact_text(v, patterns) for k, v in document.cover.items()}
    return replacements
