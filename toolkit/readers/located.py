"""The plain Python data a YAML file is read into, remembering where every value came
from: mappings and lists with the marks (line, column) of every key and value and the
spans of every scalar's text, and the problem a file can have. Made by
readers/yaml_compose.py, or taken from the store of files already parsed
(readers/yaml_reads.py); used by every check that points at a line.

Size: the located types, apart from the parser so that a check that parses nothing
does not import PyYAML."""

from __future__ import annotations

import re
from typing import NamedTuple

# A claims file of ordinary size expands to a few thousand nodes. Anything that expands
# beyond this through aliases is refused rather than built ("billion laughs").
MAX_EXPANDED_NODES = 200_000
MAX_DEPTH = 100


# Tuples, not frozen dataclasses: a case file has thousands of marks and spans, and a
# NamedTuple is made in a fifth of the time (check's start-up, issue 14).
class Mark(NamedTuple):
    line: int  # 1-based
    column: int  # 1-based


class Span(NamedTuple):
    """Where a scalar stands in the source: `index`/`end` are character offsets of its
    first character (a quote or block indicator included) and of the one after its last;
    `line`/`column` (0-based, as libyaml counts) are those of `index`."""

    index: int
    end: int
    line: int
    column: int
    style: str  # "" plain, '"', "'", "|" or ">"
    written: str  # the scalar's text before YAML typed it: 'NO', '0123', 'yes'


class LocatedDict(dict):
    """A mapping that knows where it, each key and each value stand in the file.

    `value_spans` holds, for a scalar value, where its text stands (see `Span`); the root
    of a parsed document also carries the `source` text."""

    mark: Mark
    key_marks: dict
    value_marks: dict
    value_spans: dict
    source: str
    merged: dict  # key -> the Mark of the merge key (`<<`) that supplied it


class LocatedList(list):
    mark: Mark
    item_marks: list
    item_spans: list
    source: str


class YamlProblem(Exception):
    def __init__(self, message: str, mark: Mark) -> None:
        super().__init__(message)
        self.message = message
        self.mark = mark


class TooManyValues(YamlProblem):
    """More than MAX_EXPANDED_NODES values written (a reader may say what to do instead)."""


_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")  # what libyaml counts as a new line


def mark_of_offset(text: str, offset: int) -> Mark:
    """Line and column of character `offset`, counting line breaks as libyaml does."""
    before = text[:offset]
    breaks = list(_BREAK.finditer(before))
    if not breaks:
        return Mark(1, len(before) + 1)
    return Mark(len(breaks) + 1, len(before) - breaks[-1].end() + 1)
