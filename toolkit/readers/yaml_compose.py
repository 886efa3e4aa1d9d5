"""YAML composed with libyaml and converted into located data (readers/located.py).

We compose with libyaml and convert the node graph ourselves, because that gives us
line/column marks for every key and value, lets us report duplicate keys (PyYAML
silently keeps the last), and lets us refuse alias bombs before anything expands.

Plain scalars are typed by the YAML 1.2 rule, not YAML 1.1's: only true/false are
booleans (`state: NO`, `on:` and `date: yes` stay text), and numbers YAML 1.1 reads in
surprising ways (`0123`, `1_000`, `1:20`) stay text too.

Size: the parser and its error messages."""

from __future__ import annotations

import re
from typing import Any

import yaml

from toolkit.readers.located import (
    MAX_DEPTH,
    MAX_EXPANDED_NODES,
    LocatedDict,
    LocatedList,
    Mark,
    Span,
    TooManyValues,
    YamlProblem,
    mark_of_offset,
)

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - libyaml missing
    _Loader = yaml.SafeLoader


def _mark(node: yaml.Node, lines: list[str] | None = None) -> Mark:
    if lines is not None and isinstance(node, yaml.ScalarNode) and node.style in ("|", ">"):
        # A block scalar's text starts on the line after its indicator; pointing there
        # lets a diagnostic inside the text add its own line and column offsets.
        index = node.start_mark.line + 1
        text = lines[index] if index < len(lines) else ""
        return Mark(index + 1, len(text) - len(text.lstrip(" ")) + 1)
    return Mark(node.start_mark.line + 1, node.start_mark.column + 1)


def _span(node: yaml.Node) -> Span | None:
    if not isinstance(node, yaml.ScalarNode):
        return None
    start = node.start_mark
    return Span(start.index, node.end_mark.index, start.line, start.column,
                node.style or "", node.value)


_SCALAR_CONSTRUCTOR = yaml.SafeLoader("")  # only its scalar constructors are used

# The YAML 1.2 core schema's booleans and numbers; what YAML 1.1 types beyond these
# (yes/no/on/off, 0123, 1_000, 1:20, 0b101) is kept as the text that was written.
_BOOL_12 = re.compile(r"true|True|TRUE|false|False|FALSE")
_INT_12 = re.compile(r"[-+]?(?:0|[1-9][0-9]*)|0x[0-9a-fA-F]+")
_FLOAT_12 = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
                       r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)")
_TYPED_12 = {"tag:yaml.org,2002:bool": _BOOL_12, "tag:yaml.org,2002:int": _INT_12,
             "tag:yaml.org,2002:float": _FLOAT_12}


def _refused(node: yaml.Node) -> YamlProblem:
    """The problem with a tag we do not read, on a scalar, list or mapping alike."""
    tag = node.tag
    if tag.startswith("tag:yaml.org,2002:"):
        name = tag.removeprefix("tag:yaml.org,2002:")
        return YamlProblem(f"YAML type {name!r} is not allowed here; write plain text, "
                           "numbers, lists and mappings", _mark(node))
    return YamlProblem(f"custom YAML tag {tag!r} is not allowed; remove it", _mark(node))


def _scalar(node: yaml.ScalarNode) -> Any:
    tag = node.tag
    if tag == "tag:yaml.org,2002:str" or tag == "tag:yaml.org,2002:timestamp":
        # Dates stay text: the claims layer parses them itself and reports
        # impossible ones ("2020-02-30") instead of a constructor traceback.
        return node.value
    if tag in _TYPED_12:
        if not _TYPED_12[tag].fullmatch(node.value):
            return node.value
        return _SCALAR_CONSTRUCTOR.construct_object(node, deep=True)
    if tag == "tag:yaml.org,2002:null":
        return None
    raise _refused(node)


def _check_depth(text: str) -> tuple[bool, int]:
    """Refuse nesting deeper than MAX_DEPTH before anything is composed.

    libyaml's composer recurses once per level, and 100,000 nested brackets overflow the
    C stack and kill the process; its event parser does not recurse, so we count levels
    on the events (the same nodes the composer would build) and stop at the first one
    too deep. Brackets inside quoted text are scalars to the parser, so never counted.

    Newer libyaml (PyYAML 6.0.4) has a limit of its own, 1,000 levels, which its scanner,
    reading a line of brackets ahead, reaches before the parser gives us level 101. Its
    error would point 900 levels past the place to fix, so the count is then taken again
    by PyYAML's pure-Python parser, which has no such limit and does not recurse either."""
    try:
        return _count_depth(text, _Loader)
    except yaml.MarkedYAMLError as exc:
        if _Loader is yaml.SafeLoader or "maximum nesting depth" not in (exc.problem or ""):
            raise
        _count_depth(text, yaml.SafeLoader)
        raise


def _count_depth(text: str, loader: type) -> tuple[bool, int]:
    """Whether the document uses an alias (only then can it expand past what is written,
    or nest deeper through an alias than its text does), and the nodes written."""
    depth = written = 0
    aliased = False
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.NodeEvent):
            if isinstance(event, yaml.AliasEvent):
                aliased = True
            else:
                written += 1
                if written > MAX_EXPANDED_NODES:  # refused before it is composed
                    mark = event.start_mark
                    raise TooManyValues(f"the file holds more than {MAX_EXPANDED_NODES:,} "
                                        "values, far more than a case needs; split it, or "
                                        "check that it is the right file",
                                        Mark(mark.line + 1, mark.column + 1))
            if depth > MAX_DEPTH:
                mark = event.start_mark
                raise YamlProblem(f"the document nests deeper than {MAX_DEPTH} levels",
                                  Mark(mark.line + 1, mark.column + 1))
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return aliased, written


def _expanded_size(root: yaml.Node) -> tuple[int, int]:
    """(The nodes the document would have with every alias expanded, the nodes written),
    refusing one that aliases nest deeper than MAX_DEPTH (each node's height is
    remembered with its size, so a node reached again through an alias is measured at its
    new depth too)."""
    memo: dict[int, tuple[int, int]] = {}  # id(node) -> (expanded size, height)

    def too_deep(node: yaml.Node) -> YamlProblem:
        return YamlProblem(f"the document nests deeper than {MAX_DEPTH} levels", _mark(node))

    def measure(node: yaml.Node, depth: int) -> tuple[int, int]:
        if depth > MAX_DEPTH:
            raise too_deep(node)
        key = id(node)
        if key in memo:
            if depth + memo[key][1] > MAX_DEPTH:
                raise too_deep(node)
            return memo[key]
        memo[key] = (MAX_EXPANDED_NODES + 1, 0)  # a cycle counts as infinite
        if isinstance(node, yaml.MappingNode):
            children = [child for pair in node.value for child in pair]
        elif isinstance(node, yaml.SequenceNode):
            children = node.value
        else:
            children = []
        measured = [measure(child, depth + 1) for child in children]
        total = 1 + sum(size for size, _ in measured)
        height = 1 + max((h for _, h in measured), default=-1)
        memo[key] = (min(total, MAX_EXPANDED_NODES + 1), height)
        return memo[key]

    return measure(root, 0)[0], len(memo)


def _convert(node: yaml.Node, lines: list[str]) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node)
    if isinstance(node, yaml.SequenceNode):
        if node.tag != "tag:yaml.org,2002:seq":
            raise _refused(node)
        seq = LocatedList(_convert(item, lines) for item in node.value)
        seq.mark = _mark(node)
        seq.item_marks = [_mark(item, lines) for item in node.value]
        seq.item_spans = [_span(item) for item in node.value]
        return seq
    if node.tag != "tag:yaml.org,2002:map":
        raise _refused(node)
    mapping = LocatedDict()
    mapping.mark = _mark(node)
    mapping.key_marks, mapping.value_marks, mapping.value_spans = {}, {}, {}
    mapping.merged = {}
    merged: list[tuple[yaml.MappingNode, Mark]] = []
    for key_node, value_node in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":
            is_list = isinstance(value_node, yaml.SequenceNode)
            sources = value_node.value if is_list else [value_node]
            merged.extend((s, _mark(key_node)) for s in sources
                          if isinstance(s, yaml.MappingNode))
            continue
        if not isinstance(key_node, yaml.ScalarNode):
            raise YamlProblem("a mapping key must be plain text", _mark(key_node))
        key = _scalar(key_node)
        if key is None:
            raise YamlProblem(f"a mapping key may not be empty ({key_node.value or 'nothing'} "
                              "is YAML's empty value); write the field's name",
                              _mark(key_node))
        key = key if isinstance(key, str) else str(key).lower() if isinstance(key, bool) \
            else str(key)
        if key in mapping:
            first = mapping.key_marks[key]
            raise YamlProblem(f"duplicate key {key!r} (first at line {first.line}); "
                              "keep one", _mark(key_node))
        mapping[key] = _convert(value_node, lines)
        mapping.key_marks[key] = _mark(key_node)
        mapping.value_marks[key] = _mark(value_node, lines)
        mapping.value_spans[key] = _span(value_node)
    for source, merge_mark in merged:
        inherited = _convert(source, lines)
        for key, value in inherited.items():
            if key not in mapping:
                mapping.merged[key] = merge_mark
                mapping[key] = value
                mapping.key_marks[key] = inherited.key_marks[key]
                mapping.value_marks[key] = inherited.value_marks[key]
                mapping.value_spans[key] = inherited.value_spans[key]
    return mapping


# libyaml's words for common mistakes -> what is wrong and what to do.
_BACKSLASH = ("in double quotes '\\' starts an escape such as \\n; write \\\\ for a "
              "backslash, or use single quotes")
_PLAIN_WORDS = {
    "mapping values are not allowed in this context":
        "unexpected ':' here; check the indentation of this line and the one above, "
        "or quote a value that contains ': '",
    "found unknown escape character": _BACKSLASH,
    "did not find expected hexdecimal number": _BACKSLASH,
}
# What PyYAML says of a line indented more or less than its neighbours.
_MISALIGNED = ("did not find expected '-' indicator", "did not find expected key",
               "expected <block end>, but found")
# A line a lawyer means as a new field or list item: what an unclosed quote swallows.
_KEY_LINE = re.compile(r"^[ ]*(?:-[ ]+)?[A-Za-z_][\w-]*:(?:[ ]|$)|^[ ]*-[ ]")


def _quote_swallowing(text: str, problem: yaml.Mark) -> yaml.Mark | None:
    """The opening of a quoted text that runs past its line, swallowing lines that read
    as fields, and is closed on the line of the syntax error by a quote meant to open
    another text: the quote the lawyer forgot to close."""
    culprit = None
    try:
        for token in yaml.scan(text, Loader=_Loader):
            if token.start_mark.index >= problem.index:
                break
            if isinstance(token, yaml.ScalarToken) and token.style in ('"', "'") \
                    and token.end_mark.line > token.start_mark.line:
                culprit = token
    except yaml.YAMLError:
        pass
    if culprit is None or culprit.end_mark.line != problem.line:
        return None
    swallowed = text.split("\n")[culprit.start_mark.line + 1:culprit.end_mark.line + 1]
    return culprit.start_mark if any(_KEY_LINE.match(line) for line in swallowed) else None


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str) -> YamlProblem:
    problem, context = exc.problem or "invalid YAML", exc.context
    opened = exc.context_mark if context == "while scanning a quoted scalar" else None
    if opened is not None and problem in ("found unexpected end of stream",
                                          "found unexpected document indicator"):
        return YamlProblem("YAML syntax error: the quote opened here is never closed; "
                           "add the closing quote", Mark(opened.line + 1, opened.column + 1))
    if exc.problem_mark is not None and (opened := _quote_swallowing(text, exc.problem_mark)):
        return YamlProblem("YAML syntax error: the quote opened here is not closed on this "
                           "line; add the closing quote", Mark(opened.line + 1, opened.column + 1))
    mark = exc.problem_mark or exc.context_mark
    where = Mark(mark.line + 1, mark.column + 1) if mark else Mark(1, 1)
    lines = text.split("\n")
    line = lines[mark.line][:mark.column + 1] if mark and mark.line < len(lines) else ""
    if "\t" in line:
        tab = line.index("\t")
        return YamlProblem("YAML syntax error: a tab character; YAML indents with spaces "
                           "only: replace the tab with spaces", Mark(where.line, tab + 1))
    if problem.startswith(_MISALIGNED):
        return YamlProblem("YAML syntax error: this line's indentation does not match the "
                           "lines around it; the fields of one item, and the items of one "
                           "list, start in the same column: check its spaces and those of "
                           "the line above", where)
    if problem in _PLAIN_WORDS:
        return YamlProblem(f"YAML syntax error: {_PLAIN_WORDS[problem]}", where)
    detail = f"{problem} ({context})" if context else problem
    return YamlProblem(f"YAML syntax error: {detail}", where)


def compose(text: str) -> Any:
    """Parse one YAML document; raise YamlProblem with a 1-based mark on any problem."""
    try:
        aliased, written = _check_depth(text)
        nodes = list(yaml.compose_all(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        raise _syntax_problem(exc, text) from None
    except yaml.reader.ReaderError as exc:  # a character YAML forbids, at an offset
        raise YamlProblem(f"the file holds the control character U+{exc.character:04X}, "
                          "which YAML does not allow; delete it (or write it as an escape "
                          "in double quotes)",
                          mark_of_offset(text, _character_offset(text, exc))) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(f"YAML syntax error: {exc}", Mark(1, 1)) from None
    nodes = [n for n in nodes if n is not None]
    if not nodes:
        return None
    if len(nodes) > 1:
        raise YamlProblem("the file holds more than one YAML document (---); "
                          "keep one case per file", _mark(nodes[1]))
    expanded, written = _expanded_size(nodes[0]) if aliased else (written, written)
    if expanded > MAX_EXPANDED_NODES:
        raise YamlProblem("the file expands through YAML aliases to more than "
                          f"{MAX_EXPANDED_NODES:,} values; refusing to load it "
                          "(write the repeated parts out, or use fewer aliases)", _mark(nodes[0]))
    data = _convert(nodes[0], text.splitlines())
    if isinstance(data, LocatedDict | LocatedList):
        data.source = text
    return data


def _character_offset(text: str, exc: yaml.reader.ReaderError) -> int:
    """The character offset of the character a reader refused: libyaml counts bytes of
    UTF-8, PyYAML's own reader characters (they differ after any non-ASCII text)."""
    from_bytes = len(text.encode("utf-8")[:exc.position].decode("utf-8", errors="ignore"))
    for offset in (from_bytes, exc.position):
        if 0 <= offset < len(text) and ord(text[offset]) == exc.character:
            return offset
    return from_bytes
