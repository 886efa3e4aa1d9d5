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

Outside a check (a build, a test) no store is open and every text is parsed.

Size: one small store and the encoding of located data."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from toolkit.files.json_store import read_stamped, stamp, write_stamped
from toolkit.readers.located import LocatedDict, LocatedList, Mark, Span

READERS_DIR = Path(__file__).resolve().parent
CODE = ("located.py", "yaml_compose.py", "yaml_reads.py")
LIBRARIES = ("PyYAML",)
_SCALARS = (str, int, float, bool, type(None))


class _NotStorable(ValueError):
    """A value the encoding does not hold, or a stored entry that is not what we wrote."""


def _mark_out(mark: Mark) -> list[int]:
    return [mark.line, mark.column]


def _mark_in(data: Any) -> Mark:
    if not (isinstance(data, list) and len(data) == 2 and all(type(n) is int for n in data)):
        raise _NotStorable("mark")
    return Mark(data[0], data[1])


def _span_out(span: Span | None, value: Any) -> list | None:
    if span is None:
        return None
    # A text scalar's written form is its value: kept once.
    written = None if isinstance(value, str) and span.written == value else span.written
    return [span.index, span.end, span.line, span.column, span.style, written]


def _span_in(data: Any, value: Any) -> Span | None:
    if data is None:
        return None
    if not (isinstance(data, list) and len(data) == 6 and all(type(n) is int for n in data[:4])
            and isinstance(data[4], str) and (data[5] is None or isinstance(data[5], str))):
        raise _NotStorable("span")
    written = data[5]
    if written is None:
        if not isinstance(value, str):
            raise _NotStorable("span")
        written = value
    return Span(data[0], data[1], data[2], data[3], data[4], written)


def encode(node: Any) -> Any:
    """Located data as plain JSON values (_NotStorable for anything else)."""
    if isinstance(node, LocatedDict):
        merged = getattr(node, "merged", {})
        return {"t": "map", "m": _mark_out(node.mark), "e": [
            [key, encode(value), _mark_out(node.key_marks[key]),
             _mark_out(node.value_marks[key]), _span_out(node.value_spans.get(key), value),
             _mark_out(merged[key]) if key in merged else None]
            for key, value in node.items()]}
    if isinstance(node, LocatedList):
        return {"t": "seq", "m": _mark_out(node.mark), "e": [
            [encode(value), _mark_out(mark), _span_out(span, value)]
            for value, mark, span in zip(node, node.item_marks, node.item_spans, strict=True)]}
    if isinstance(node, _SCALARS):
        return node
    raise _NotStorable(type(node).__name__)


def decode(data: Any, depth: int = 0) -> Any:
    """What `encode` made, as located data again (_NotStorable if it is not that)."""
    if depth > 200:
        raise _NotStorable("depth")
    if isinstance(data, _SCALARS):
        return data
    if not isinstance(data, dict) or not isinstance(data.get("e"), list):
        raise _NotStorable("node")
    if data.get("t") == "map":
        mapping = LocatedDict()
        mapping.mark = _mark_in(data.get("m"))
        mapping.key_marks, mapping.value_marks, mapping.value_spans = {}, {}, {}
        mapping.merged = {}
        for entry in data["e"]:
            if not (isinstance(entry, list) and len(entry) == 6 and isinstance(entry[0], str)):
                raise _NotStorable("entry")
            key, value = entry[0], decode(entry[1], depth + 1)
            mapping[key] = value
            mapping.key_marks[key] = _mark_in(entry[2])
            mapping.value_marks[key] = _mark_in(entry[3])
            mapping.value_spans[key] = _span_in(entry[4], value)
            if entry[5] is not None:
                mapping.merged[key] = _mark_in(entry[5])
        return mapping
    if data.get("t") == "seq":
        seq = LocatedList()
        seq.mark = _mark_in(data.get("m"))
        seq.item_marks, seq.item_spans = [], []
        for entry in data["e"]:
            if not (isinstance(entry, list) and len(entry) == 3):
                raise _NotStorable("item")
            value = decode(entry[0], depth + 1)
            seq.append(value)
            seq.item_marks.append(_mark_in(entry[1]))
            seq.item_spans.append(_span_in(entry[2], value))
        return seq
    raise _NotStorable("node")


class ParseStore:
    """The parsed texts of one workspace, loaded from and saved to `path`."""

    def __init__(self, path: Path):
        self.path = path
        self.stamp = stamp([READERS_DIR / name for name in CODE], LIBRARIES)
        entries = (read_stamped(path, self.stamp) or {}).get("parsed")
        self.kept: dict[str, Any] = entries if isinstance(entries, dict) else {}
        self.used: dict[str, Any] = {}
        self.changed = False

    def parse(self, text: str) -> Any:
        key = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        if key in self.kept:
            try:
                tree = decode(self.kept[key])
            except _NotStorable:
                pass
            else:
                if isinstance(tree, LocatedDict | LocatedList):
                    tree.source = text
                self.used[key] = self.kept[key]
                return tree
        from toolkit.readers.yaml_compose import compose

        tree = compose(text)  # YamlProblem propagates: a text that does not parse is not kept
        try:
            encoded = encode(tree)
        except _NotStorable:
            return tree
        # Only what comes back from JSON exactly as it went in is kept (NaN does not).
        if json.loads(json.dumps(encoded)) == encoded:
            self.used[key] = encoded
            self.changed = True
        return tree

    def save(self) -> None:
        if not (self.changed or set(self.kept) - set(self.used)):
            return
        if write_stamped(self.path, self.stamp, {"parsed": self.used}):
            self.kept, self.changed = dict(self.used), False


_open: ParseStore | None = None


def open_store(path: Path) -> None:
    """Take parsed texts from, and keep them in, the store at `path` until `close_store`."""
    global _open
    _open = ParseStore(path)


def close_store() -> None:
    """Save the open store (if it can be written) and parse afresh from now on."""
    global _open
    if _open is not None:
        _open.save()
    _open = None


def parse(text: str) -> Any:
    """One YAML document as located data: from the open store, or parsed."""
    if _open is not None:
        return _open.parse(text)
    from toolkit.readers.yaml_compose import compose

    return compose(text)
