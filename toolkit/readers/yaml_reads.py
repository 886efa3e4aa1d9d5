"""Case and briefing files as last parsed, kept in `.covenant/parsed-yaml.json` while
`covenant check` runs, so that a second check neither parses an unchanged file again nor
imports PyYAML (on the example workspace, ~15 ms of parsing and ~11 ms of import).

What the parser makes of a text depends only on the text and on the parser's code: a
parsed file is stored under the SHA-256 of its text, with every mark and span the
located data carries (readers/located.py), and the store is stamped with the text of the
modules that parse (located.py, yaml_compose.py, this one) and PyYAML's version
(toolkit/files/json_store.py). A text that does not parse is not stored: its problem is
reported afresh each time. Everything read back is type-checked; anything unexpected is
parsed afresh. Texts no longer used are dropped when the check saves.

Only `covenant check` opens the store (workspace/check.py, `stores=True`); a build, a
test or an API call parses every text afresh. What the store holds is type-checked, not
proven to be the file's reading, so nothing that is filed ever rests on it.

Size: one small store and the encoding of located data."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from toolkit.files.json_store import KeptEntries, stamp, text_key
from toolkit.readers.located import LocatedDict, LocatedList, Mark, Span

READERS_DIR = Path(__file__).resolve().parent
CODE = ("located.py", "yaml_compose.py", "yaml_reads.py")
LIBRARIES = ("PyYAML",)
_SCALARS = (str, int, float, bool, type(None))


class _NotStorable(ValueError):
    """A value the encoding does not hold, or a stored entry that is not what we wrote."""


def _span_out(span: Span | None, value: Any) -> list | None:
    if span is None:
        return None
    # A text scalar's written form is its value: kept once.
    written = None if isinstance(value, str) and span.written == value else span.written
    return [span.index, span.end, span.line, span.column, span.style, written]


def _span_in(data: Any, value: Any) -> Span | None:
    if data is None:
        return None
    if type(data) is not list or len(data) != 6:
        raise _NotStorable("span")
    index, end, line, column, style, written = data
    if type(index) is not int or type(end) is not int or type(line) is not int \
            or type(column) is not int or type(style) is not str:
        raise _NotStorable("span")
    if written is None:
        written = value
    if type(written) is not str:
        raise _NotStorable("span")
    return Span(index, end, line, column, style, written)


def _mark_in(line: Any, column: Any) -> Mark:
    if type(line) is not int or type(column) is not int:
        raise _NotStorable("mark")
    return Mark(line, column)


def encode(node: Any) -> Any:
    """Located data as plain JSON values (_NotStorable for anything else): a mapping's
    entries as [key, value, key line, key column, value line, value column, span,
    merge-key mark], a list's as [value, line, column, span], a span as [index, end,
    line, column, style, written (None: the value itself)]."""
    if isinstance(node, LocatedDict):
        merged = getattr(node, "merged", {})
        return {"t": "map", "m": list(node.mark), "e": [
            [key, encode(value), *node.key_marks[key], *node.value_marks[key],
             _span_out(node.value_spans.get(key), value),
             list(merged[key]) if key in merged else None]
            for key, value in node.items()]}
    if isinstance(node, LocatedList):
        return {"t": "seq", "m": list(node.mark), "e": [
            [encode(value), *mark, _span_out(span, value)]
            for value, mark, span in zip(node, node.item_marks, node.item_spans, strict=True)]}
    if isinstance(node, _SCALARS):
        return node
    raise _NotStorable(type(node).__name__)


def decode(data: Any, depth: int = 0) -> Any:
    """What `encode` made, as located data again (_NotStorable if it is not that)."""
    if isinstance(data, _SCALARS):
        return data
    if depth > 200 or type(data) is not dict or type(data.get("e")) is not list \
            or type(data.get("m")) is not list or len(data["m"]) != 2:
        raise _NotStorable("node")
    kind, entries = data.get("t"), data["e"]
    if kind == "map":
        mapping = LocatedDict()
        mapping.mark = _mark_in(*data["m"])
        key_marks, value_marks, spans, merged = {}, {}, {}, {}
        for entry in entries:
            if type(entry) is not list or len(entry) != 8 or type(entry[0]) is not str:
                raise _NotStorable("entry")
            key, raw, key_line, key_column, line, column, span, merge = entry
            value = mapping[key] = decode(raw, depth + 1)
            key_marks[key] = _mark_in(key_line, key_column)
            value_marks[key] = _mark_in(line, column)
            spans[key] = _span_in(span, value)
            if merge is not None:
                if type(merge) is not list or len(merge) != 2:
                    raise _NotStorable("merge")
                merged[key] = _mark_in(*merge)
        mapping.key_marks, mapping.value_marks = key_marks, value_marks
        mapping.value_spans, mapping.merged = spans, merged
        return mapping
    if kind == "seq":
        seq = LocatedList()
        seq.mark = _mark_in(*data["m"])
        marks, spans_list = [], []
        for entry in entries:
            if type(entry) is not list or len(entry) != 4:
                raise _NotStorable("item")
            raw, line, column, span = entry
            value = decode(raw, depth + 1)
            seq.append(value)
            marks.append(_mark_in(line, column))
            spans_list.append(_span_in(span, value))
        seq.item_marks, seq.item_spans = marks, spans_list
        return seq
    raise _NotStorable("node")


class ParseStore:
    """The parsed texts of one workspace, loaded from and saved to `path`."""

    def __init__(self, path: Path):
        self.entries = KeptEntries(path, stamp([READERS_DIR / name for name in CODE],
                                                LIBRARIES), "parsed")

    def parse(self, text: str) -> Any:
        key = text_key(text)
        if key in self.entries.kept:
            try:
                tree = decode(self.entries.raw(key))
            except _NotStorable:
                pass
            else:
                if isinstance(tree, LocatedDict | LocatedList):
                    tree.source = text
                self.entries.use(key)
                return tree
        from toolkit.readers.yaml_compose import compose

        tree = compose(text)  # YamlProblem propagates: a text that does not parse is not kept
        with contextlib.suppress(_NotStorable):  # a value JSON does not hold: not kept
            self.entries.put(key, encode(tree))
        return tree

    def save(self, prune: bool = True) -> None:
        """Write what changed; `prune`: drop the texts this run did not use (only a run
        that read every file knows which are gone)."""
        self.entries.save(prune)


_open: ParseStore | None = None


def open_store(path: Path) -> None:
    """Take parsed texts from, and keep them in, the store at `path` until `close_store`."""
    global _open
    _open = ParseStore(path)


def close_store(prune: bool = True) -> None:
    """Save the open store (if it can be written) and parse afresh from now on."""
    global _open
    store, _open = _open, None
    if store is not None:
        store.save(prune)


def parse(text: str) -> Any:
    """One YAML document as located data: from the open store, or parsed."""
    if _open is not None:
        return _open.parse(text)
    from toolkit.readers.yaml_compose import compose

    return compose(text)
