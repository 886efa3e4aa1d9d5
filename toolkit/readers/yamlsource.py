"""Load YAML into plain Python data that remembers where every value came from
(readers/located.py), and find the place in the file of a value, or of words inside it.

`parse_yaml` composes a text with readers/yaml_compose.py (PyYAML, imported only then);
while `covenant check` runs, a case or briefing file parsed before is taken from the
store of parsed files (readers/yaml_reads.py) instead.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from toolkit.files.reading import read_bytes
from toolkit.readers.located import (  # noqa: F401 (the located types, read from here too)
    _BREAK,
    LocatedDict,
    LocatedList,
    Mark,
    Span,
    YamlProblem,
    mark_of_offset,
)
from toolkit.readers.yaml_offsets import place


def parse_yaml(text: str, *, stored: bool = False) -> Any:
    """Parse one YAML document; raise YamlProblem with a 1-based mark on any problem.
    `stored`: a case or briefing file, which `covenant check` may take from its store."""
    if stored:
        from toolkit.readers import yaml_reads

        return yaml_reads.parse(text)
    from toolkit.readers.yaml_compose import compose

    return compose(text)


def read_text(path: Path, root: Path | None = None) -> str:
    """Read a regular file as UTF-8, naming the byte offset (and column) of the first bad
    byte; with `root`, the file must stay inside that folder (toolkit/files/reading.py:
    UnsafeFile otherwise)."""
    return decode_text(read_bytes(path, root))


def decode_text(raw: bytes) -> str:
    """Bytes read from a file as UTF-8 text; YamlProblem at the first bad byte."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        before = raw[raw.rfind(b"\n", 0, exc.start) + 1: exc.start]
        column = len(before.decode("utf-8").removeprefix("\ufeff")) + 1
        raise YamlProblem(f"the file is not UTF-8 (bad byte at offset {exc.start}); "
                          "save it as UTF-8", Mark(line, column)) from None


def _step(node: Any, step: Any) -> tuple[Any, Mark, Mark | None, Span | None] | None:
    """(child, its value mark, its key mark, its span) of one step down, or None."""
    if isinstance(node, LocatedDict) and step in node:
        return node[step], node.value_marks[step], node.key_marks[step], \
            node.value_spans.get(step)
    if isinstance(node, LocatedList) and isinstance(step, int) and 0 <= step < len(node):
        return node[step], node.item_marks[step], None, node.item_spans[step]
    return None


def locate(root: Any, path: tuple, *, key: bool = False) -> Mark:
    """The mark of the value at `path` (or of its key), or of the nearest container."""
    node, best = root, getattr(root, "mark", Mark(1, 1))
    for i, step in enumerate(path):
        found = _step(node, step)
        if found is None:
            break
        node, value_mark, key_mark, _ = found
        best = key_mark if (i == len(path) - 1 and key and key_mark) else value_mark
    return best


def span_at(root: Any, path: tuple) -> Span | None:
    """Where the scalar at `path` stands in the source, or None if there is none."""
    node, span = root, None
    for step in path:
        found = _step(node, step)
        if found is None:
            return None
        node, _, _, span = found
    return span


_ESCAPED = {'"': {"\\": "\\\\", '"': '\\"'}, "'": {"'": "''"}}


def locate_within(root: Any, path: tuple, start: int, end: int) -> Mark:
    """The mark of `value[start:end]` of the text at `path` as it stands in the source.

    YAML folds the line breaks of plain and '>' text into spaces and drops the quotes
    and indentation around text, so offsets in the value are not offsets in the file:
    we find the same words in the scalar's own stretch of the source instead, allowing
    any line breaks and indentation between them (the n-th occurrence for the n-th)."""
    value, span = _value_at(root, path), span_at(root, path)
    source = getattr(root, "source", None)
    words = value[start:end].split() if isinstance(value, str) else []
    if span is None or source is None or not words:
        return locate(root, path)
    placed = place(source, span.index, span.end, span.line, span.column, span.style, value,
                   start + len(value[start:end]) - len(value[start:end].lstrip()), end)
    if placed is not None:  # a single line or a literal block: by arithmetic
        return Mark(*placed)
    escape = _ESCAPED.get(span.style, {})
    pattern = re.compile(r"\s+".join(
        "".join(re.escape(escape.get(char, char)) for char in word) for word in words))
    plain = re.compile(r"\s+".join(re.escape(word) for word in words))
    nth = sum(1 for _ in plain.finditer(value, 0, start))
    for count, found in enumerate(pattern.finditer(source, span.index, span.end)):
        if count == nth:
            before = source[span.index:found.start()]
            breaks = list(_BREAK.finditer(before))
            if not breaks:
                return Mark(span.line + 1, span.column + len(before) + 1)
            return Mark(span.line + len(breaks) + 1, len(before) - breaks[-1].end() + 1)
    return locate(root, path)


def _value_at(root: Any, path: tuple) -> Any:
    node = root
    for step in path:
        found = _step(node, step)
        if found is None:
            return None
        node = found[0]
    return node
