"""The registry entry of a document kind: what `check --kind X` and `build --kind X`
run for it. Functions are named as "module:function" strings and loaded when used, so
that listing the kinds (the CLI's --kind choices) imports no builder.

Size: the entry type alone, which every room imports."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


def load(target: str) -> Any:
    """The object a "module:name" string names."""
    module, name = target.split(":")
    return getattr(importlib.import_module(module), name)


@dataclass(frozen=True)
class Kind:
    name: str
    # "module:function": the builder, called by the kind's input type (see inputs.py):
    # function(case, env) for a case document, function(briefing, cases, env, progress)
    # for a briefing.
    builder: str
    description: str
    # "module:function"s: the kind's own rules, function(loaded, report, today, templates),
    # run on each valid case file by `check --kind` and before every build of the kind.
    rules: tuple[str, ...] = ()
    # "module:name" of its input type: which files it is built from (inputs.py).
    inputs: str = "toolkit.kinds.inputs:CASE_FILES"
    always_public: bool = False  # e.g. briefings: confidential people are always redacted
    order: int = 100  # place in listings (the CLI's choices, the docs)

    def load(self) -> Callable:
        """The builder."""
        return load(self.builder)

    def load_rules(self) -> list[Callable]:
        return [load(rule) for rule in self.rules]

    def load_inputs(self):
        """The input type (toolkit.kinds.inputs.InputType)."""
        return load(self.inputs)

    @property
    def module(self) -> str:
        """The builder's module, for preloading in worker processes."""
        return self.builder.split(":")[0]
