"""Pandoc-style citations as lawyers type them: `[@key]`, `[see @a, paras 3–4; @b, p 7]`.

The same parser serves source lists in claims files ("@hrw-2021, para 12") and
citations inside Markdown text, so both accept exactly the same forms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# What lawyers type -> our canonical locator label (mapped to CSL terms when formatting).
LOCATOR_LABELS: dict[str, str] = {}
for canonical, spellings in {
    "paragraph": ["para", "paras", "paragraph", "paragraphs", "¶", "¶¶"],
    "page": ["p", "pp", "page", "pages"],
    "article": ["art", "arts", "article", "articles"],
    "section": ["s", "ss", "sec", "secs", "section", "sections", "§", "§§"],
    "chapter": ["ch", "chap", "chapter", "chapters"],
    "note": ["n", "nn", "fn", "note", "notes"],
    "volume": ["vol", "vols", "volume", "volumes"],
    "line": ["l", "ll", "line", "lines"],
    "rule": ["r", "rr", "rule", "rules"],
    "annex": ["annex", "annexes"],
}.items():
    for spelling in spellings:
        LOCATOR_LABELS[spelling] = canonical

KEY_PATTERN = r"[\w][\w:.#$%&+?<>~/-]*[\w]|[\w]"
_ITEM = re.compile(rf"^(?P<prefix>.*?)(?P<suppress>-)?@(?P<key>{KEY_PATTERN})(?P<rest>.*)$", re.S)
# One locator part: 12, 12a, 3.4, iv, 5(2)(b)
_PART = r"[0-9ivxlcdmIVXLCDM]+[a-z]?(?:\.[0-9]+)*(?:\([0-9a-z]+\))*"
_LOCATOR = re.compile(
    r"^\s*(?P<label>[A-Za-z¶§]+\.?|¶¶|§§)?\s*"
    r"(?P<value>{part}(?:\s*(?:[-–—]|,|&|and)\s*{part})*)"
    r"(?P<suffix>.*)$".replace("{part}", _PART), re.S)
# A bracketed group holding at least one @key, and not a Markdown link text ("[x](url)").
# "[@a]:" mid-sentence is a citation; a reference definition is a block, parsed first.
CITATION_GROUP = re.compile(r"\[(?P<body>[^\[\]]*?(?<![\w.])-?@[\w][^\[\]]*)\](?![(\[])")


# `[@fact:arrest]` and the like: a cross-reference to a part of the document, not a source.
CROSSREF_KINDS = ("fact", "para", "annex", "claim", "section")


def is_crossref_key(key: str) -> bool:
    kind, _, target = key.partition(":")
    return bool(target) and kind in CROSSREF_KINDS


class CitationSyntaxError(ValueError):
    pass


@dataclass(frozen=True)
class CitationItem:
    key: str
    prefix: str = ""
    locator_label: str | None = None  # canonical, e.g. "paragraph"
    locator: str | None = None  # e.g. "3–4"
    suffix: str = ""
    suppress_author: bool = False

    def __str__(self) -> str:
        text = f"{self.prefix + ' ' if self.prefix else ''}{'-' if self.suppress_author else ''}"
        text += f"@{self.key}"
        if self.locator:
            text += f", {self.locator_label} {self.locator}"
        if self.suffix:
            text += f" {self.suffix}" if self.locator else f", {self.suffix}"
        return text


def _parse_rest(rest: str) -> tuple[str | None, str | None, str]:
    rest = rest.strip()
    if not rest:
        return None, None, ""
    if not rest.startswith(","):
        return None, None, rest
    rest = rest[1:].strip()
    match = _LOCATOR.match(rest)
    if match:
        raw_label = (match.group("label") or "").rstrip(".")
        value = re.sub(r"\s*[-—]\s*", "–", match.group("value").strip())
        value = re.sub(r"\s*–\s*", "–", value)
        suffix = match.group("suffix").strip().lstrip(",").strip()
        if not raw_label:
            return "page", value, suffix
        label = LOCATOR_LABELS.get(raw_label.lower()) or LOCATOR_LABELS.get(raw_label)
        if label:
            return label, value, suffix
    return None, None, rest


# The spellings a did-you-mean offers, shortest first (the CSL locator labels' short forms).
LABEL_SPELLINGS = sorted(LOCATOR_LABELS, key=lambda s: (len(s), s))
_NUMBER = re.compile(r"\d|^[ivxlc]+(?:$|[^a-z])")


def unknown_label(item: CitationItem) -> str | None:
    """The word a pinpoint starts with when it is no locator label we know ('paragrph' in
    '@a, paragrph 3'); such a pinpoint is printed as written, so its label is not
    translated, abbreviated or merged. None for a known label or a suffix of words
    ('emphasis added')."""
    if item.locator or not item.suffix:
        return None
    match = _LOCATOR.match(item.suffix)
    label = (match.group("label") or "").rstrip(".") if match else ""
    if not label or label.lower() in LOCATOR_LABELS or label in LOCATOR_LABELS:
        return None
    return label if _NUMBER.search(match.group("value")) else None


def parse_item(text: str) -> CitationItem:
    match = _ITEM.match(text.strip())
    if not match:
        raise CitationSyntaxError(f"{text.strip()!r} has no citation key; write it as "
                                  "'@key' or '@key, para 12'")
    label, locator, suffix = _parse_rest(match.group("rest"))
    return CitationItem(key=match.group("key"), prefix=match.group("prefix").strip(),
                        locator_label=label, locator=locator, suffix=suffix,
                        suppress_author=bool(match.group("suppress")))


def parse_group(text: str) -> list[CitationItem]:
    """Parse the inside of `[...]` (or a bare '@key, para 2') into citation items."""
    body = text.strip()
    if body.startswith("[") and body.endswith("]"):
        body = body[1:-1]
    pieces = [p for p in body.split(";") if p.strip()]
    if not pieces:
        raise CitationSyntaxError("empty citation; write '@key' or '[@key, para 12]'")
    return [parse_item(piece) for piece in pieces]


@dataclass(frozen=True)
class CitationMatch:
    start: int
    end: int
    items: list[CitationItem]


def find_citations(markdown: str) -> list[CitationMatch]:
    """Every bracketed citation group in a Markdown string, with its offsets."""
    found = []
    for match in CITATION_GROUP.finditer(markdown):
        try:
            items = parse_group(match.group("body"))
        except CitationSyntaxError:
            continue
        found.append(CitationMatch(match.start(), match.end(), items))
    return found
