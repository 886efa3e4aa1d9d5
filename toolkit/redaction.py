"""Public versions: every confidential person's name becomes a role label everywhere —
body, footnotes, cover, title, subject, author, link addresses — before any writer runs,
so DOCX parts, PDF text and metadata all carry the label alone.

Trial monitors are confidential unless their entry says `confidential: false`; anyone
else is confidential when their entry says `confidential: true`."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from toolkit.document import Document, Inline, Link, Text, block_inlines, walk_blocks
from toolkit.model import Person

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


def plan(people: list[Person]) -> list[Replacement]:
    """A stable label for each confidential person: 'Monitor 1', 'Witness A' ..."""
    counters: Counter[str] = Counter()
    plan_: list[Replacement] = []
    for person in people:
        if not is_confidential(person):
            continue
        if person.label:
            plan_.append(Replacement(person.name, person.label))
            continue
        word, style = next((ROLE_LABELS[r] for r in person.roles if r in ROLE_LABELS),
                           DEFAULT_LABEL)
        counters[word] += 1
        n = counters[word]
        suffix = str(n) if style == "number" else chr(ord("A") + n - 1)
        plan_.append(Replacement(person.name, f"{word} {suffix}"))
    return plan_


def _patterns(replacements: list[Replacement]) -> list[tuple[re.Pattern, str]]:
    """The full name first, then each part of it on its own ("Mr Surname")."""
    full, parts = [], []
    for item in replacements:
        full.append((item.name, item.label))
        for token in re.findall(r"[^\W\d_][\w'’-]{2,}", item.name):
            parts.append((token, item.label))
    ordered = sorted(full, key=lambda p: -len(p[0])) + sorted(parts, key=lambda p: -len(p[0]))
    return [(re.compile(rf"(?<![\w]){re.escape(text)}(?![\w])", re.IGNORECASE), label)
            for text, label in ordered]


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


def redact_document(document: Document, people: list[Person]) -> list[Replacement]:
    """Replace every confidential name in the document; return what was replaced."""
    replacements = plan(people)
    document.public = True
    if not replacements:
        return replacements
    patterns = _patterns(replacements)
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
