"""The sizes a document may not exceed, each with the reason (issue 17).

Everything of ours grows linearly with its input (benchmarks/scale.py measures it).
Where the cost that grows faster is the layout engine's own, the input is bounded
instead, so that a case far past any real filing fails at once in `covenant check`,
naming the file and line, rather than after minutes of layout: the check reports every
bound as an error (toolkit/checks/bounds.py), and a build runs that check first.
docs/performance.md ("Bounds") gives the measurements behind each limit.

Size: the bounds as data; the rule that applies them is in checks/bounds.py."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Bound:
    limit: int
    what: str  # "characters": what is counted, to name it in a message
    reason: str  # why, for the message and the documentation
    code: str  # the diagnostic's code

    def exceeded(self, count: int) -> bool:
        return count > self.limit

    def message(self, count: int, where: str) -> str:
        return (f"{where} has {count:,} {self.what}, more than the {self.limit:,} a document "
                f"may have: {self.reason}")


PARAGRAPH_CHARACTERS = Bound(
    50_000, "characters",
    "WeasyPrint re-reads a run of text whole for every line it lays out, so a "
    "paragraph's cost grows with the square of its length (50,000 characters are about "
    "20 pages); split it into paragraphs with blank lines",
    "paragraph-too-long")

WORD_CHARACTERS = Bound(
    1_000, "characters without a space",
    "WeasyPrint looks for a line break through the whole of a run without spaces again "
    "for every line and every piece of markup in it, so its cost grows with the square "
    "of the run's length; put spaces in it, or give a long web address as a source in "
    "the library",
    "word-too-long")

INLINE_NESTING = Bound(
    50, "levels of emphasis, strong emphasis and links inside one another",
    "the document tree is read, finished and written by recursion, which a few hundred "
    "levels exhaust; no text needs more than three",
    "markup-nested-too-deeply")

BOUNDS = (PARAGRAPH_CHARACTERS, WORD_CHARACTERS, INLINE_NESTING)
