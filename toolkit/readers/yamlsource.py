"""Load YAML into plain Python data that remembers where every value came from.

We compose with libyaml and convert the node graph ourselves, because that gives us
line/column marks for every key and value, lets us report duplicate keys (PyYAML
silently keeps the last), and lets us refuse alias bombs before anything expands.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - libyaml missing
    _Loader = yaml.SafeLoader

# A claims file of ordinary size expands to a few thousand nodes. Anything that expands
# beyond this through aliases is refused rather than built ("billion laughs").
MAX_EXPANDED_NODES = 200_000
MAX_DEPTH = 100


@dataclass(frozen=True)
class Mark:
    line: int  # 1-based
    column: int  # 1-based


def _mark(node: yaml.Node, lines: list[str] | None = None) -> Mark:
    if lines is not None and isinstance(node, yaml.ScalarNode) and node.style in ("|", ">"):
        # A block scalar's text starts on the line after its indicator; pointing there
        # lets a diagnostic inside the text add its own line and column offsets.
        index = node.start_mark.line + 1
        text = lines[index] if index < len(lines) else ""
        return Mark(index + 1, len(text) - len(text.lstrip(" ")) + 1)
    return Mark(node.start_mark.line + 1, node.start_mark.column + 1)


class LocatedDict(dict):
    """A mapping that knows where it, each key and each value stand in the file."""

    mark: Mark
    key_marks: dict
    value_marks: dict


class LocatedList(list):
    mark: Mark
    item_marks: list


class YamlProblem(Exception):
    def __init__(self, message: str, mark: Mark) -> None:
        super().__init__(message)
        self.message = message
        self.mark = mark


_SCALAR_CONSTRUCTOR = yaml.SafeLoader("")  # only its scalar constructors are used


def _scalar(node: yaml.ScalarNode) -> Any:
    tag = node.tag
    if tag == "tag:yaml.org,2002:str" or tag == "tag:yaml.org,2002:timestamp":
        # Dates stay text: the claims layer parses them itself and reports
        # impossible ones ("2020-02-30") instead of a constructor traceback.
        return node.value
    if tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool",
               "tag:yaml.org,2002:null"):
        return _SCALAR_CONSTRUCTOR.construct_object(node, deep=True)
    if tag.startswith("tag:yaml.org,2002:"):
        raise YamlProblem(f"YAML type {tag.rsplit(':', 1)[-1]!r} is not allowed here; "
                          "write plain text, numbers, lists and mappings", _mark(node))
    raise YamlProblem(f"custom YAML tag {tag!r} is not allowed; remove it", _mark(node))


def _expanded_size(root: yaml.Node) -> int:
    """Count the nodes the document would have with every alias expanded."""
    memo: dict[int, int] = {}

    def size(node: yaml.Node, depth: int) -> int:
        if depth > MAX_DEPTH:
            raise YamlProblem(f"the document nests deeper than {MAX_DEPTH} levels", _mark(node))
        key = id(node)
        if key in memo:
            return memo[key]
        memo[key] = MAX_EXPANDED_NODES + 1  # a cycle counts as infinite
        if isinstance(node, yaml.MappingNode):
            total = 1 + sum(size(k, depth + 1) + size(v, depth + 1) for k, v in node.value)
        elif isinstance(node, yaml.SequenceNode):
            total = 1 + sum(size(item, depth + 1) for item in node.value)
        else:
            total = 1
        memo[key] = min(total, MAX_EXPANDED_NODES + 1)
        return memo[key]

    return size(root, 0)


def _convert(node: yaml.Node, lines: list[str]) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node)
    if isinstance(node, yaml.SequenceNode):
        seq = LocatedList(_convert(item, lines) for item in node.value)
        seq.mark = _mark(node)
        seq.item_marks = [_mark(item, lines) for item in node.value]
        return seq
    mapping = LocatedDict()
    mapping.mark = _mark(node)
    mapping.key_marks, mapping.value_marks = {}, {}
    merged: list[yaml.MappingNode] = []
    for key_node, value_node in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":
            is_list = isinstance(value_node, yaml.SequenceNode)
            sources = value_node.value if is_list else [value_node]
            merged.extend(s for s in sources if isinstance(s, yaml.MappingNode))
            continue
        if not isinstance(key_node, yaml.ScalarNode):
            raise YamlProblem("a mapping key must be plain text", _mark(key_node))
        key = _scalar(key_node)
        key = key if isinstance(key, str) else str(key).lower() if isinstance(key, bool) \
            else str(key)
        if key in mapping:
            first = mapping.key_marks[key]
            raise YamlProblem(f"duplicate key {key!r} (first at line {first.line}); "
                              "keep one", _mark(key_node))
        mapping[key] = _convert(value_node, lines)
        mapping.key_marks[key] = _mark(key_node)
        mapping.value_marks[key] = _mark(value_node, lines)
    for source in merged:
        inherited = _convert(source, lines)
        for key, value in inherited.items():
            if key not in mapping:
                mapping[key] = value
                mapping.key_marks[key] = inherited.key_marks[key]
                mapping.value_marks[key] = inherited.value_marks[key]
    return mapping


def parse_yaml(text: str) -> Any:
    """Parse one YAML document; raise YamlProblem with a 1-based mark on any problem."""
    try:
        nodes = list(yaml.compose_all(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = Mark(mark.line + 1, mark.column + 1) if mark else Mark(1, 1)
        detail = exc.problem or "invalid YAML"
        if exc.context:
            detail = f"{detail} ({exc.context})"
        raise YamlProblem(f"YAML syntax error: {detail}", where) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(f"YAML syntax error: {exc}", Mark(1, 1)) from None
    nodes = [n for n in nodes if n is not None]
    if not nodes:
        return None
    if len(nodes) > 1:
        raise YamlProblem("the file holds more than one YAML document (---); "
                          "keep one case per file", _mark(nodes[1]))
    if _expanded_size(nodes[0]) > MAX_EXPANDED_NODES:
        raise YamlProblem("the file expands through YAML aliases to more than "
                          f"{MAX_EXPANDED_NODES:,} values; refusing to load it "
                          "(write the repeated parts out, or use fewer aliases)", _mark(nodes[0]))
    return _convert(nodes[0], text.splitlines())


def read_text(path: Path) -> str:
    """Read a file as UTF-8, naming the byte offset of the first bad byte."""
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise YamlProblem(f"the file is not UTF-8 (bad byte at offset {exc.start}); "
                          "save it as UTF-8", Mark(line, 1)) from None


def locate(root: Any, path: tuple, *, key: bool = False) -> Mark:
    """The mark of the value at `path` (or of its key), or of the nearest container."""
    node, best = root, getattr(root, "mark", Mark(1, 1))
    for i, step in enumerate(path):
        last = i == len(path) - 1
        if isinstance(node, LocatedDict) and step in node:
            best = node.key_marks[step] if (last and key) else node.value_marks[step]
            node = node[step]
        elif isinstance(node, LocatedList) and isinstance(step, int) and 0 <= step < len(node):
            best = node.item_marks[step]
            node = node[step]
        else:
            break
    return best
