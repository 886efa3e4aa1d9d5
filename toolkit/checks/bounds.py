"""Texts past the sizes a document can lay out (toolkit/model/bounds.py), reported as
errors at the line of the case file where the paragraph or the word starts (issue 17).
(The bound on nested emphasis is the Markdown reader's: markdown_units reports it.)

A paragraph is what a blank line separates in a Markdown text, as the parser reads it;
a word, what white space separates, a link's destination left out.

Size: one rule."""

from __future__ import annotations

import re

from toolkit.checks.context import CheckContext, case_check, typed_paths, values_at
from toolkit.model.bounds import PARAGRAPH_CHARACTERS, WORD_CHARACTERS
from toolkit.model.case import Markdown

_BLANK_LINE = re.compile(r"\n[ \t]*(?:\r?\n)+")
_WORD = re.compile(r"\S+")
# A link's destination is never laid out: `[text](https://…)` counts as `[text]`.
_MARK_CHARACTERS = 60
_DESTINATION = re.compile(r"\]\([^()\s]*\)")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each paragraph of a Markdown text, without the white
    space around it."""
    spans, start = [], 0
    for match in [*_BLANK_LINE.finditer(text), None]:
        end = match.start() if match else len(text)
        chunk = text[start:end]
        stripped = chunk.strip()
        if stripped:
            first = start + len(chunk) - len(chunk.lstrip())
            spans.append((first, first + len(stripped)))
        start = match.end() if match else end
    return spans


def _where(path: tuple) -> str:
    return ".".join(f"[{p + 1}]" if isinstance(p, int) else p for p in path).replace(".[", "[")


def _longest_word(text: str) -> tuple[int, int]:
    """(length, offset) of the longest run without white space, link destinations left
    out; (0, 0) for none."""
    best = (0, 0)
    for match in _WORD.finditer(text):
        if len(match[0]) > WORD_CHARACTERS.limit:
            length = len(_DESTINATION.sub("]", match[0]))
            best = max(best, (length, -match.start()))
    return best[0], -best[1]


def _mark(ctx: CheckContext, path: tuple, text: str, start: int, end: int):
    """Where text[start:] begins in the file, found from its first words only: the
    whole of a text past a bound would make a search pattern as long as itself."""
    line_end = text.find("\n", start, end)
    return ctx.mark_within(path, start, min(start + _MARK_CHARACTERS,
                                            end if line_end < 0 else line_end))


@case_check
def texts_within_bounds(ctx: CheckContext) -> None:
    for pattern in typed_paths(Markdown):
        for path, text in values_at(ctx.raw, pattern):
            if not isinstance(text, str) or len(text) <= WORD_CHARACTERS.limit:
                continue
            length, start = _longest_word(text)
            if WORD_CHARACTERS.exceeded(length):
                ctx.error(path, WORD_CHARACTERS.message(
                    length, f"a word of {_where(path)}"), WORD_CHARACTERS.code,
                    _mark(ctx, path, text, start, start + length))
            if len(text) <= PARAGRAPH_CHARACTERS.limit:
                continue
            for start, end in paragraphs(text):
                count = end - start
                if PARAGRAPH_CHARACTERS.exceeded(count):
                    mark = _mark(ctx, path, text, start, end)
                    ctx.error(path, PARAGRAPH_CHARACTERS.message(
                        count, f"this paragraph of {_where(path)}"), PARAGRAPH_CHARACTERS.code,
                        mark)
