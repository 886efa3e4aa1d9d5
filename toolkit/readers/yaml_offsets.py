"""Where a character of a scalar's value stands in the YAML source, by arithmetic, for the
two shapes long text takes in a case file: one line (plain, or quoted without escapes
that change its length) and a literal block (`text: |`).

toolkit/readers/yamlsource.py's `locate_within` otherwise finds a diagnostic's words
again in the scalar's stretch of the source, from its start: each diagnostic then costs
the length of the text before it, and a 5 MB fact with 200 unknown citations took 13 s
to check. Here each scalar's shape is worked out once (its line starts, kept for the
scalars last asked about) and each diagnostic is placed in constant time. A place found
by arithmetic is checked against the source; where it does not match (a tab in the
indentation, an escape), the caller falls back to the search.

Size: one small mapping; small."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")


@dataclass
class _Shape:
    source: str
    kind: str  # "line" or "literal"
    first: int  # source offset of the value's first character ("line"), or of the block
    lines: list[int]  # "literal": source offset where each of the block's lines starts
    indent: int
    value_lines: list[int]  # "literal": value offset where each value line starts
    quotes: list[int]  # "line", style "'": value offsets of each ' (doubled in the source)


_SHAPES: dict[tuple[int, int, int], _Shape] = {}
_KEPT = 64


def _shape(source: str, index: int, end: int, style: str, value: str) -> _Shape | None:
    key = (id(source), index, end)
    shape = _SHAPES.get(key)
    if shape is not None and shape.source is source:
        return shape
    if style in ("", "'", '"') and not _BREAK.search(source, index, end):
        if style == '"' and "\\" in source[index:end]:
            return None
        shape = _Shape(source, "line", index + (1 if style else 0), [], 0, [],
                       [m.start() for m in re.finditer("'", value)] if style == "'" else [])
    elif style == "|":
        header = _BREAK.search(source, index, end)
        if header is None:
            return None
        lines = [header.end()] + [m.end() for m in _BREAK.finditer(source, header.end(), end)]
        text = next((source[s:_line_end(source, s)] for s in lines
                     if source[s:_line_end(source, s)].strip()), "")
        shape = _Shape(source, "literal", header.end(), lines, len(text) - len(text.lstrip(" ")),
                       [0] + [m.end() for m in re.finditer("\n", value)], [])
    else:
        return None
    if len(_SHAPES) >= _KEPT:
        _SHAPES.clear()
    _SHAPES[key] = shape
    return shape


def _line_end(source: str, start: int) -> int:
    found = _BREAK.search(source, start)
    return found.start() if found else len(source)


def place(source: str, index: int, end: int, line: int, column: int, style: str,
          value: str, start: int, stop: int) -> tuple[int, int] | None:
    """(line, column), 1-based, of `value[start:stop]` in the source, for a scalar whose
    text stands at `source[index:end]` from 0-based `line`/`column`; None when its shape
    is not one of the two, or the source there does not read as the value does."""
    shape = _shape(source, index, end, style, value)
    if shape is None:
        return None
    chunk = value[start:min(stop, start + 40)].split("\n")[0]
    if shape.kind == "line":
        doubled = bisect_right(shape.quotes, start - 1) if shape.quotes else 0
        offset = shape.first + start + doubled
        written = chunk.replace("'", "''") if style == "'" else chunk
        if not source.startswith(written, offset):
            return None
        return line + 1, column + (offset - index) + 1
    number = bisect_right(shape.value_lines, start) - 1
    if number >= len(shape.lines):
        return None
    within = start - shape.value_lines[number]
    offset = shape.lines[number] + shape.indent + within
    if not source.startswith(chunk, offset):
        return None
    return line + 2 + number, shape.indent + within + 1
