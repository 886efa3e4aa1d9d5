"""What a rule sees (`CheckContext`), the mark that makes a function a rule, and the
tolerant helpers rules use to walk a located YAML tree.

Checks read the raw tree rather than the validated model so that cross-reference errors
are reported in the same run as schema errors, even when part of the file is malformed.
"""

from __future__ import annotations

import difflib
import functools
import types
import typing
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import BaseModel

from toolkit.model.case import CaseFile
from toolkit.model.dates import FuzzyDate, parse_date
from toolkit.model.errors import Report
from toolkit.readers.claims import LoadedCase
from toolkit.readers.library import Library
from toolkit.readers.yamlsource import LocatedDict, LocatedList, Mark


@dataclass
class CheckContext:
    loaded: LoadedCase
    library: Library
    report: Report
    today: date
    used_keys: set[str] = field(default_factory=set)

    @property
    def raw(self) -> LocatedDict:
        return self.loaded.raw

    def mark(self, path: tuple, *, key: bool = False) -> Mark:
        return self.loaded.mark(path, key=key)

    def mark_within(self, path: tuple, start: int, end: int) -> Mark:
        return self.loaded.mark_within(path, start, end)

    def error(self, path: tuple, message: str, code: str, mark: Mark | None = None) -> None:
        mark = mark or self.mark(path)
        self.report.error(self.loaded.shown, mark.line, mark.column, message, code)

    def warning(self, path: tuple, message: str, code: str, mark: Mark | None = None) -> None:
        mark = mark or self.mark(path)
        self.report.warning(self.loaded.shown, mark.line, mark.column, message, code)


def entries(node: Any, *path: str | int) -> Iterator[tuple[tuple, LocatedDict]]:
    """Yield (path, mapping) for each mapping in the list at `path` under `node`."""
    target = node
    for step in path:
        if isinstance(target, LocatedDict) and isinstance(step, str):
            target = target.get(step)
        else:
            return
    if isinstance(target, LocatedList):
        for index, item in enumerate(target):
            if isinstance(item, LocatedDict):
                yield (*path, index), item


def text_items(mapping: Any, key: str) -> Iterator[tuple[str | int, str]]:
    """Yield (index, text) for a list of strings at mapping[key] (or the string itself)."""
    value = mapping.get(key) if isinstance(mapping, LocatedDict) else None
    if isinstance(value, LocatedList):
        for index, item in enumerate(value):
            if isinstance(item, str):
                yield index, item


def date_of(mapping: Any, key: str) -> FuzzyDate | None:
    """The parsed date at mapping[key], or None if absent or invalid (the schema says why)."""
    value = mapping.get(key) if isinstance(mapping, LocatedDict) else None
    if isinstance(value, bool) or not isinstance(value, str | int):
        return None
    try:
        return parse_date(value)
    except ValueError:  # DateError, or anything else the value could provoke
        return None


@functools.cache
def _hints(model: type) -> dict[str, Any]:
    """A model's evaluated annotations (with Annotated's extras), once per model: each
    evaluation reads the strings `from __future__ import annotations` left."""
    return typing.get_type_hints(model, include_extras=True)


@functools.cache
def typed_paths(alias: Any, root: Any = CaseFile) -> tuple[tuple[str, ...], ...]:
    """Where the schema (`root`: case files by default) puts fields of type `alias` (e.g.
    model.Markdown), as patterns such as ('facts', '*', 'text') or ('remedies_sought',
    '*'); '*' is any list item. Derived from the model, so a field added to it is covered
    without listing it here."""
    found: list[tuple[str, ...]] = []

    def visit(annotation: Any, path: tuple[str, ...]) -> None:
        if annotation is alias:
            found.append(path)
            return
        origin, args = typing.get_origin(annotation), typing.get_args(annotation)
        if origin is list:
            visit(args[0], (*path, "*"))
        elif origin in (typing.Union, types.UnionType):
            for arg in args:
                visit(arg, path)
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
            hints = _hints(annotation)
            for name in annotation.model_fields:
                visit(hints[name], (*path, name))

    visit(root, ())
    return tuple(found)


def values_at(node: Any, pattern: tuple, path: tuple = ()) -> Iterator[tuple[tuple, Any]]:
    """Yield (path, value) for every value the tree has at a `typed_paths` pattern."""
    if not pattern:
        yield path, node
        return
    step, rest = pattern[0], pattern[1:]
    if step == "*":
        if isinstance(node, LocatedList):
            for index, item in enumerate(node):
                yield from values_at(item, rest, (*path, index))
    elif isinstance(node, LocatedDict) and step in node:
        yield from values_at(node[step], rest, (*path, step))


def suggest(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


CaseCheck = Callable[[CheckContext], None]


def case_check(func: CaseCheck) -> CaseCheck:
    """Mark `func` as a rule every case file is checked by: toolkit/checks/shared.py
    collects the marked functions of the rule modules it names, in their order there."""
    func.case_check = True  # type: ignore[attr-defined]
    return func


def report_duplicate_ids(loaded: list, ident_of: Callable[[Any], str | None], path: tuple,
                         what: str, code: str, report: Report) -> None:
    """An error at each file (a LoadedCase, a LoadedBriefing) whose id an earlier one
    has: their drafts would overwrite each other."""
    seen: dict[str, Any] = {}
    for item in loaded:
        ident = ident_of(item)
        if ident is None:
            continue
        if ident in seen:
            mark = item.mark(path)
            report.error(item.shown, mark.line, mark.column, f"{what} id '{ident}' is also "
                         f"used by {seen[ident].shown}; drafts would overwrite each other",
                         code)
        else:
            seen[ident] = item
