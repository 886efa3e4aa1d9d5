"""Read a claims file into a `CaseFile`, turning every schema error into a diagnostic
that names the line, says what is wrong and, for a misspelt field, what was meant."""

from __future__ import annotations

import difflib
import hashlib
import re
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from toolkit.files.reading import UnsafeFile, read_bytes
from toolkit.model.case import ID_PATTERN, LANGUAGE_PATTERN, CaseFile
from toolkit.model.errors import Report
from toolkit.readers.yamlsource import (
    LocatedDict,
    Mark,
    Span,
    YamlProblem,
    decode_text,
    locate,
    locate_within,
    parse_yaml,
    span_at,
)


@dataclass
class LoadedCase:
    path: Path
    shown: str  # the path as printed in diagnostics
    raw: Any  # the located YAML tree (None when the file did not parse)
    case: CaseFile | None  # None when the schema rejected it
    digest: str = ""  # sha256 of the bytes that were parsed (what the manifest records)

    def mark(self, path: tuple, *, key: bool = False) -> Mark:
        return locate(self.raw, path, key=key)

    def mark_within(self, path: tuple, start: int, end: int) -> Mark:
        """The mark of characters start:end of the text at `path`, as written in the file."""
        return locate_within(self.raw, path, start, end)


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


def model_at(path: tuple, root: type[BaseModel] = CaseFile) -> type[BaseModel] | None:
    """The schema model that describes the mapping at `path` in a case file (or in a
    file of another schema, `root`)."""
    model: Any = root
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

# What each part of a case is called in messages ("missing required field 'id' in this
# case"); a model not listed here is named by its class name split into words.
READABLE_NAMES = {"CaseFile": "file", "CaseInfo": "case", "DomesticRemedies":
                  "domestic-remedies section", "InterimMeasures": "interim-measures section",
                  "Representation": "representation section", "Monitoring": "monitoring section",
                  "BriefingFile": "file", "BriefingInfo": "briefing section",
                  "Dialogue": "dialogue section"}

# A pattern mismatch says what the field must look like, not the regular expression.
_PATTERN_MESSAGES = {
    ID_PATTERN: "'{name}' {value!r} may hold only letters, digits, '.', '_', ':' and '-', "
                "and must start with a letter or digit",
    LANGUAGE_PATTERN: "'{name}' must be an ISO 639-1 code in lower case, such as 'en', 'ru' "
                      "or 'kk', not {value!r}",
}
# Why a number has a lower bound, per (model, field).
_BOUND_REASONS = {("Annex", "number"): "annex numbers start at 1"}


def readable_name(model: type[BaseModel] | None) -> str:
    """'monitoring session' for MonitoringSession; 'entry' when the model is unknown."""
    if model is None:
        return "entry"
    name = model.__name__
    return READABLE_NAMES.get(name) or re.sub(r"(?<!^)(?=[A-Z])", " ", name).lower()


def _field_name(loc: tuple) -> str:
    names = [str(s) for s in loc if isinstance(s, str)]
    return names[-1] if names else "the file"


def _where(loc: tuple) -> str:
    """A readable path: facts[3].date"""
    text = ""
    for step in loc:
        text += f"[{step + 1}]" if isinstance(step, int) else (f".{step}" if text else step)
    return text


def _read_as(value: Any, span: Span | None) -> str | None:
    """For a number or true/false where text belongs: what YAML did and how to avoid it."""
    if span is None or span.style or not isinstance(value, bool | int | float):
        return None
    kind = "a true/false value" if isinstance(value, bool) else "a number"
    return f"YAML reads {span.written} as {kind}, so write it in quotes: \"{span.written}\""


def _message(error: dict, raw: Any = None,
             root: type[BaseModel] = CaseFile) -> tuple[str, bool]:
    """(message, point at the key rather than the value); `root`: the file's schema"""
    kind, loc, value = error["type"], tuple(error["loc"]), error.get("input")
    name = _field_name(loc)
    ctx = error.get("ctx", {})
    if kind == "missing":
        what = readable_name(model_at(loc[:-1], root))
        return f"missing required field '{loc[-1]}' in this {what} ({_where(loc[:-1]) or 'top'})", \
            False
    if kind == "extra_forbidden":
        parent = model_at(loc[:-1], root)
        known = list(parent.model_fields) if parent else []
        close = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.6)
        hint = f"; did you mean '{close[0]}'?" if close else \
            (f"; known fields here: {', '.join(known)}" if known else "")
        return f"unknown field '{loc[-1]}'{hint}", True
    if kind == "string_type" and (read_as := _read_as(value, span_at(raw, loc))):
        return f"'{name}' must be text; {read_as}", False
    if kind == "string_type" and isinstance(value, list):
        return (f"'{name}' must be text, not a list; YAML reads a value in [brackets] as a "
                "list, so to write text in brackets (a placeholder such as \"[to be "
                "confirmed: court]\") put it in quotes"), False
    if kind in _EXPECTED:
        return f"'{name}' must be {_EXPECTED[kind]}, not {_describe(value)}", False
    if kind == "literal_error":
        allowed = ctx.get("expected", "")
        options = [o.strip(" '") for o in allowed.replace(" or ", ",").split(",") if o.strip()]
        close = difflib.get_close_matches(str(value), options, n=1, cutoff=0.5)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        return f"'{name}' must be one of {allowed}, not {value!r}{hint}", False
    if kind == "value_error":
        return error["msg"].removeprefix("Value error, "), False
    if kind == "string_pattern_mismatch":
        template = _PATTERN_MESSAGES.get(ctx.get("pattern"),
                                         "'{name}' {value!r} does not have the expected form")
        return template.format(name=name, value=value), False
    if kind == "too_short":
        return f"'{name}' must list at least one item", False
    if kind in ("greater_than_equal", "greater_than"):
        bound = f"{ctx['ge']} or more" if "ge" in ctx else f"more than {ctx.get('gt')}"
        parent = model_at(loc[:-1], root)
        reason = _BOUND_REASONS.get((parent.__name__ if parent else "", loc[-1]))
        return f"'{name}' must be {bound}, not {value!r}{'; ' + reason if reason else ''}", \
            False
    return f"'{name}': {error['msg']}", False


# The tags pydantic puts after a field's name for each member of a union that failed:
# `exhausted: bool | Literal["unknown"]` gives one error under 'bool' and one under
# "literal['unknown']"; read together, they are one message with every value allowed.
_UNION_MEMBERS = {"bool": ["true", "false"]}
_LITERAL_MEMBER = re.compile(r"^literal\[(.*)\]$")


def _one_per_union(errors: list[dict]) -> list[dict]:
    """The errors, with those of one union of true/false and fixed words (the only unions
    of plain values the schema has) as one literal error naming every allowed value."""
    grouped: dict[tuple, list[dict]] = {}
    for error in errors:
        loc = tuple(error["loc"])
        tag = loc[-1] if loc else None
        if isinstance(tag, str) and (tag in _UNION_MEMBERS or _LITERAL_MEMBER.match(tag)):
            grouped.setdefault(loc[:-1], []).append(error)
    out, done = [], set()
    for error in errors:
        loc = tuple(error["loc"])
        members = grouped.get(loc[:-1])
        if not members or len(members) < 2 or error not in members:
            out.append(error)
            continue
        if loc[:-1] in done:
            continue
        done.add(loc[:-1])
        allowed: list[str] = []
        for member in members:
            tag = member["loc"][-1]
            literal = _LITERAL_MEMBER.match(tag)
            allowed += _UNION_MEMBERS.get(tag) or [o.strip() for o in
                                                   literal.group(1).split(",")]
        listed = ", ".join(allowed[:-1]) + f" or {allowed[-1]}"
        out.append({"type": "literal_error", "loc": loc[:-1], "input": error.get("input"),
                    "ctx": {"expected": listed}, "msg": f"must be {listed}"})
    return out


def read_located(path: Path, report: Report, shown: str,
                 root: Path | None = None) -> tuple[bool, Any, str]:
    """Parse a YAML file into a located tree; report syntax and read errors (with `root`,
    a file outside that folder or not a regular file is one). Returns (parsed, the tree,
    the sha256 of the bytes read: "" when none were); (False, None, ...) when the file
    could not be parsed. The file is read once, so the hash is of what was parsed even if
    the file changes while a build goes on."""
    digest = ""
    try:
        data = read_bytes(path, root)
        digest = hashlib.sha256(data).hexdigest()
        return True, parse_yaml(decode_text(data), stored=True), digest
    except YamlProblem as problem:
        report.error(shown, problem.mark.line, problem.mark.column, problem.message, "yaml")
    except UnsafeFile as exc:
        report.error(shown, 1, 1, f"the file {exc.reason}", "unsafe-file")
    except OSError as exc:
        report.error(shown, 1, 1, f"cannot read the file: {exc.strerror}", "io")
    return False, None, digest


def validate_located(model: type[BaseModel], raw: LocatedDict, report: Report, shown: str,
                     root: type[BaseModel] | None = None):
    """Validate a located tree against a schema model; report every error at its place.
    Returns the model, or None if the schema rejected the tree."""
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        for error in _one_per_union(exc.errors(include_url=False)):
            loc = tuple(error["loc"])
            message, at_key = _message(error, raw, root) if root else _message(error, raw)
            where = loc[:-1] if error["type"] == "missing" else loc
            mark = locate(raw, where, key=at_key and error["type"] != "missing")
            report.error(shown, mark.line, mark.column, message, "schema")
        return None


def load_case(path: Path, report: Report, shown: str | None = None,
              root: Path | None = None) -> LoadedCase:
    """`root`: the folder the case file must stay inside (the workspace's claims/)."""
    shown = shown or str(path)
    ok, raw, digest = read_located(path, report, shown, root)
    if not ok:
        return LoadedCase(path, shown, None, None, digest)
    if not isinstance(raw, LocatedDict):
        report.error(shown, 1, 1, "a claims file is a YAML mapping with at least 'case:', "
                     "'people:' and 'facts:'; see docs/claims.md", "schema")
        return LoadedCase(path, shown, raw, None, digest)
    return LoadedCase(path, shown, raw, validate_located(CaseFile, raw, report, shown),
                      digest)
