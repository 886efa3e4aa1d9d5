"""The registry of rules every case file is checked by, whatever is built from it: the
functions marked `@case_check` in the rule modules below, in this order.

Size: the registry alone, apart from context.py, so that the rules import their context
without a cycle."""

from __future__ import annotations

from types import ModuleType

from toolkit.checks import (
    bounds,
    confidentiality,
    dates,
    markdown_units,
    monitoring,
    references,
    state,
)
from toolkit.checks.context import CaseCheck, CheckContext
from toolkit.readers.yamlsource import LocatedDict

RULE_MODULES: tuple[ModuleType, ...] = (state, dates, monitoring, confidentiality,
                                        references, markdown_units, bounds)


def _marked(module: ModuleType) -> list[CaseCheck]:
    return [value for value in vars(module).values()
            if callable(value) and getattr(value, "case_check", False)
            and value.__module__ == module.__name__]


SHARED_CHECKS: tuple[CaseCheck, ...] = tuple(
    check for module in RULE_MODULES for check in _marked(module))


def run_case_checks(context: CheckContext) -> None:
    """Every shared rule on one case file, read as located YAML (so that a rule reports
    in the same run as the schema, even where part of the file is malformed)."""
    if not isinstance(context.raw, LocatedDict):
        return
    for check in SHARED_CHECKS:
        check(context)
