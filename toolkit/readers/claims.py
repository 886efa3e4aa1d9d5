"""Read a claims file into a `CaseFile`, turning every schema error into a diagnostic
that names the line, says what is wrong and, for a misspelt field, what was meant."""

from __future__ import annotations

import difflib
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from toolkit.errors import Report
from toolkit.model import CaseFile
from toolkit.readers.yamlsource import LocatedDict, Mark, YamlProblem, locate, parse_yaml, read_text


@dataclass
class LoadedCase:
    path: Path
    shown: str  # the path as printed in diagnostics
    raw: Any  # the located YAML tree (None when the file did not parse)
    case: CaseFile | None  # None when the schema rejected it

    def mark(self, path: tuple, *, key: bool = False) -> Mark:
        return locate(self.raw, path, key=key)


def _unwrap(annotation: Any) -> Any:
    """list[X] / X | None / Annotated[X, ...] -> X"""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (list, typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0]
        else:
            return annotation


def model_at(path: tuple) -> type[BaseModel] | None:
    """The schema model that describes the mapping at `path` in a case file."""
    model: Any = CaseFile
    for step in path:
        if isinstance(step, int):
            continue
        if not (isinstance(model, type) and issubclass(model, BaseModel)):
            return None
        info = model.model_fields.get(step)
        if info is None:
            return None
        model = _unwrap(info.annotation)
    return model if isinstance(model, type) and issubclass(model, BaseModel) else None


_KIND_NAMES = {str: "text", int: "a whole number", float: "a number", bool: "true or false",
               list: "a list", dict: "a mapping", type(None): "empty"}


def _describe(value: Any) -> str:
    for kind, name in _KIND_NAMES.items():
        if type(value) is kind or (kind is dict and isinstance(value, dict)) or \
                (kind is list and isinstance(value, list)):
            return name if kind in (list, dict, type(None)) else f"{name} ({value!r})"
    return repr(value)


_EXPECTED = {"string_type": "text", "int_type": "a whole number", "int_parsing": "a whole number",
             "bool_type": "true or false", "bool_parsing": "true or false", "list_type": "a list",
             "model_type": "a mapping of fields", "dict_type": "a mapping",
             "model_attributes_type": "a mapping of fields", "float_type": "a number"}


def _field_name(loc: tuple) -> str:
    names = [str(s) for s in loc if isinstance(s, str)]
    return names[-1] if names else "the file"


def _where(loc: tuple) -> str:
    """A readable path: facts[3].date"""
    text = ""
    for step in loc:
        text += f"[{step + 1}]" if isinstance(step, int) else (f".{step}" if text else step)
    return text


def _message(error: dict) -> tuple[str, bool]:
    """(message, point at the key rather than the value)"""
    kind, loc, value = error["type"], tuple(error["loc"]), error.get("input")
    name = _field_name(loc)
    if kind == "missing":
        parent = model_at(loc[:-1])
        what = parent.__name__.lower() if parent else "entry"
        return f"missing required field '{loc[-1]}' in this {what} ({_where(loc[:-1]) or 'top'})", \
            False
    if kind == "extra_forbidden":
        parent = model_at(loc[:-1])
        known = list(parent.model_fields) if parent else []
        close = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.6)
        hint = f"; did you mean '{close[0]}'?" if close else \
            (f"; known fields here: {', '.join(known)}" if known else "")
        return f"unknown field '{loc[-1]}'{hint}", True
    if kind in _EXPECTED:
        return f"'{name}' must be {_EXPECTED[kind]}, not {_describe(value)}", False
    if kind == "literal_error":
        allowed = error.get("ctx", {}).get("expected", "")
        options = [o.strip(" '") for o in allowed.replace(" or ", ",").split(",") if o.strip()]
        close = difflib.get_close_matches(str(value), options, n=1, cutoff=0.5)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        return f"'{name}' must be one of {allowed}, not {value!r}{hint}", False
    if kind == "value_error":
        return error["msg"].removeprefix("Value error, "), False
    if kind == "string_pattern_mismatch":
        return f"'{name}' {value!r} may hold only letters, digits, '.', '_', ':' and '-', " \
               "and must start with a letter or digit", False
    if kind == "too_short":
        return f"'{name}' must list at least one item", False
    if kind in ("greater_than_equal", "greater_than"):
        return f"'{name}' {error['msg'].lower()}", False
    return f"'{name}': {error['msg']}", False


def load_case(path: Path, report: Report, shown: str | None = None) -> LoadedCase:
    shown = shown or str(path)
    try:
        raw = parse_yaml(read_text(path))
    except YamlProblem as problem:
        report.error(shown, problem.mark.line, problem.mark.column, problem.message, "yaml")
        return LoadedCase(path, shown, None, None)
    except OSError as exc:
        report.error(shown, 1, 1, f"cannot read the file: {exc.strerror}", "io")
        return LoadedCase(path, shown, None, None)
    if not isinstance(raw, LocatedDict):
        report.error(shown, 1, 1, "a claims file is a YAML mapping with at least 'case:', "
                     "'people:' and 'facts:'; see docs/claims.md", "schema")
        return LoadedCase(path, shown, raw, None)
    try:
        case = CaseFile.model_validate(raw)
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            loc = tuple(error["loc"])
            message, at_key = _message(error)
            mark = locate(raw, loc, key=at_key)
            if error["type"] == "missing":
                mark = locate(raw, loc[:-1])
            report.error(shown, mark.line, mark.column, message, "schema")
        case = None
    return LoadedCase(path, shown, raw, case)
