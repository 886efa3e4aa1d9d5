"""A large CSL-YAML file (Better BibTeX's "Better CSL YAML" export of a whole library) read
as an index: each item's key, line and stretch of the text, found with regular
expressions; an item is parsed when a case cites it. YAML is parsed at about 0.5 ms an
item in Python, so 20,000 items took 13 s to read whole.

Only the plain shape exporters write is indexed: a list of block mappings, at the top of
the file or under `references:`, each item giving its `id` (and `citation-key`) at the
item's own indentation. Anything else — anchors or aliases, flow-style items, tabs in
the indentation, a second document, other keys after the list, an item whose key the
expressions cannot read (a numeric Zotero id, whose key may be in Extra) — and the file
is parsed whole, as a small file is (within toolkit/readers/yamlsource.py's bounds).

What the index leaves for the item's first citation: its YAML syntax and its fields,
reported then at their lines (as for an indexed BibTeX file).

Size: one scanner and the parse of one item; small."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from toolkit.readers.yamlsource import parse_yaml

_ITEM = re.compile(r"^( *)- ", re.MULTILINE)
# What makes the plain shape unsure, each searched for by itself (one alternation of
# them all took 0.85 s on 10 MB): a tab in the indentation, a flow-style item, an
# anchor or alias, a second document, text after the end of the document.
_UNSURE = (re.compile(r"\n *\t"), re.compile(r"\n *- *[{\[]"), re.compile(r"\n---"),
           re.compile(r"\n\.\.\.[ \t]*\S"))
_ANCHOR = re.compile(r"[&*][\w-]")


def _unsure(text: str, start: int) -> bool:
    if any(pattern.search(text, start) for pattern in _UNSURE):
        return True
    return any(text[m.start() - 1] in " \t\n:[{,-" for m in _ANCHOR.finditer(text, start))
_PREFIX_LINE = re.compile(r"^(?:[ \t]*(?:#.*)?|---[ \t]*|references:[ \t]*(?:#.*)?)$")


@dataclass
class ItemSpan:
    key: str
    line: int  # 1-based, the item's first line
    column: int  # of its key's value
    start: int
    end: int
    exported: bool  # it gives a citation-key (Better BibTeX)


def many_items(text: str, above: int) -> bool:
    """Whether the list holds more than `above` items: lines "- " at the top, or, for a
    list under `references:` written indented, "  - " (names nested in the items are
    indented further)."""
    top = sum(1 for _ in re.finditer(r"^- ", text, re.MULTILINE))
    return (top or sum(1 for _ in re.finditer(r"^  - ", text, re.MULTILINE))) > above


def index_csl_yaml(text: str) -> list[ItemSpan] | None:
    """The items of a CSL-YAML list in the plain shape exporters write, or None."""
    first = _ITEM.search(text)
    if first is None or _unsure(text, max(first.start() - 1, 0)):
        return None
    indent = first.group(1)
    prefix = text[:first.start()].splitlines()
    if not all(_PREFIX_LINE.match(line) for line in prefix) or \
            (indent and not any(line.startswith("references:") for line in prefix)):
        return None
    if re.search(r"^(?! |- |#|\.\.\.|$)" if not indent else r"^(?! |#|\.\.\.|$)",
                 text[first.start():], re.MULTILINE):
        return None  # another top-level key after the list: not the plain shape
    starts = [m.start() for m in re.finditer(rf"^{indent}- ", text, re.MULTILINE)]
    field = re.compile(rf"^{indent}(?:- |  )(id|citation-key):[ \t]+(.*?)[ \t]*$",
                       re.MULTILINE)
    found: dict[str, list] = {"id": [None] * len(starts), "citation-key": [None] * len(starts)}
    for match in field.finditer(text, first.start()):
        found[match.group(1)][bisect_right(starts, match.start()) - 1] = match
    spans, line, counted = [], 1, 0
    for number, start in enumerate(starts):
        ident, cited = found["id"][number], found["citation-key"][number]
        key = _scalar((cited or ident).group(2)) if cited or ident else None
        if not isinstance(key, str) or not key.strip() or key.startswith("@") or \
                (cited is None and not _is_key(key)):
            return None
        place = ident or cited  # reported where a full read reports it: at the id
        line += text.count("\n", counted, start)
        counted = start
        end = starts[number + 1] if number + 1 < len(starts) else len(text)
        column = place.start(2) - text.rfind("\n", 0, place.start(2))
        spans.append(ItemSpan(key.strip(), line + text.count("\n", start, place.start()),
                              column, start, end, cited is not None))
    return spans


def _is_key(key: str) -> bool:
    """An id that is the key it is cited by (not a Zotero number or item URI)."""
    return not key.isdigit() and "zotero.org/" not in key


def _scalar(written: str):
    if written.startswith(("'", '"')):
        import yaml  # a quoted id of an indexed file; PyYAML is not needed otherwise

        try:
            return yaml.safe_load(written)
        except yaml.YAMLError:
            return None
    return written.split(" #")[0].rstrip()


def item_at(text: str, span: tuple[int, int]):
    """The item written at `text[start:end]`, parsed with its lines (YamlProblem: its
    syntax, with a line counted from the item's first line)."""
    data = parse_yaml(text[span[0]:span[1]])
    return data[0] if isinstance(data, list) and len(data) == 1 else data
