"""The text of a CSL-JSON file: its items with the span of each, the line of each item's
id, and where brackets nest too deep, each found in one pass (looking each item's id up
from the start of the text made a large library quadratic).

Size: three scanners of one format; small."""

from __future__ import annotations

import json
import re

_SPACE = re.compile(r"[ \t\n\r]*")


def json_items(text: str):
    """(item, its span in `text`) for each item of a JSON list, decoded one at a time
    with the errors and positions json.loads gives; None if the text is not a list."""
    position = _SPACE.match(text).end()
    return _items(text, position + 1) if text.startswith("[", position) else None


def _items(text: str, position: int):
    decoder = json.JSONDecoder()
    position = _SPACE.match(text, position).end()
    if text.startswith("]", position):
        position += 1
    else:
        while True:
            item, end = decoder.raw_decode(text, position)
            yield item, (position, end)
            position = _SPACE.match(text, end).end()
            if text.startswith(",", position):
                position = _SPACE.match(text, position + 1).end()
            elif text.startswith("]", position):
                position += 1
                break
            else:
                raise json.JSONDecodeError("Expecting ',' delimiter", text, position)
    if _SPACE.match(text, position).end() != len(text):
        raise json.JSONDecodeError("Extra data", text, _SPACE.match(text, position).end())


_ID = re.compile(r'"id"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+)')


def id_places(text: str) -> list[tuple[object, int, int]]:
    """(id, line, column) of every `"id": value` in the text, in order: one pass over
    the text (looking each item's id up from the start made a large library quadratic)."""
    places, line, counted = [], 1, 0
    for found in _ID.finditer(text):
        line += text.count("\n", counted, found.start())
        counted = found.start()
        raw = found.group(1)
        if raw[0] != '"':
            value = int(raw)
        elif "\\" not in raw:
            value = raw[1:-1]
        else:
            try:
                value = json.loads(raw)
            except json.JSONDecodeError:
                continue
        places.append((value, line, found.start() - text.rfind("\n", 0, found.start())))
    return places


def depth_line(text: str, limit: int = 100) -> int:
    """The line where brackets outside strings first nest `limit` deep (1 if never)."""
    depth, in_string, escaped, line = 0, False, False, 1
    for char in text:
        if char == "\n":
            line += 1
        if in_string:
            escaped = not escaped and char == "\\"
            if char == '"' and not escaped:
                in_string = False
            continue
        if char == '"':
            in_string, escaped = True, False
        elif char in "[{":
            depth += 1
            if depth >= limit:
                return line
        elif char in "]}":
            depth -= 1
    return 1
