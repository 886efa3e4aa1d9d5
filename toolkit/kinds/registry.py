"""KINDS: every document kind, found in the rooms toolkit/kinds/<kind>/ (a package whose
`__init__` declares `KIND = Kind(...)`), in the order their entries give.

Size: the discovery alone, apart from kind.py, which every room imports."""

from __future__ import annotations

import importlib
import pkgutil

import toolkit.kinds
from toolkit.kinds.kind import Kind


def discover() -> dict[str, Kind]:
    found: list[Kind] = []
    for info in pkgutil.iter_modules(toolkit.kinds.__path__):
        if not info.ispkg:
            continue
        entry = getattr(importlib.import_module(f"toolkit.kinds.{info.name}"), "KIND", None)
        if not isinstance(entry, Kind):
            raise TypeError(f"toolkit/kinds/{info.name}/__init__.py declares no KIND entry")
        found.append(entry)
    return {kind.name: kind for kind in sorted(found, key=lambda k: (k.order, k.name))}


KINDS: dict[str, Kind] = discover()


def input_types() -> list:
    """The distinct input types of the kinds, in the kinds' order."""
    seen: dict[str, object] = {}
    for kind in KINDS.values():
        seen.setdefault(kind.inputs, None)
    return [Kind("", "", "", inputs=target).load_inputs() for target in seen]
