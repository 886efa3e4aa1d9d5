"""The package layout holds: layers only look down, no module imports itself back through
others, and each document kind is one room that touches no other kind's room.

The imports are read from the source with `ast` (function-level imports included: a lazy
import is still a dependency), so the test sees what a newcomer would see."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "toolkit"

# Top to bottom; a module may import its own layer's packages or any below it.
LAYERS: list[tuple[str, ...]] = [
    ("cli", "__main__"),
    ("api",),
    ("workspace",),
    ("kinds",),
    ("checks", "passes", "redaction"),
    ("writers",),
    ("readers",),
    ("files",),
    ("model", "covenant", ""),  # "": toolkit/__init__.py (the version)
]

# What the kinds share, at toolkit/kinds/*.py; everything else under kinds/ is a room.
KIND_SHARED = {"kinds", "kinds.kind", "kinds.registry", "kinds.inputs", "kinds.sections",
               "kinds.standards", "kinds.languages", "kinds.russian"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def all_modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports_of(path: Path, modules: dict, text: str | None = None) -> set[str]:
    """The toolkit modules `path` imports, as names relative to the package ('' is the
    package itself); `from toolkit.passes import citations` names the submodule."""
    this = module_name(path)
    package = this.split(".") if path.name == "__init__.py" else this.split(".")[:-1]
    found: set[str] = set()
    text = path.read_text(encoding="utf-8") if text is None else text
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = ".".join(["toolkit", *package[:len(package) - node.level + 1]])
                base = f"{base}.{node.module}" if node.module else base
            else:
                base = node.module or ""
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}".removeprefix(
                "toolkit.") in modules else base for alias in node.names]
        else:
            continue
        for target in targets:
            if target == "toolkit" or target.startswith("toolkit."):
                found.add(target.removeprefix("toolkit").removeprefix("."))
    found.discard(this)
    return {name for name in found if name in modules}


def layer_of(module: str) -> int:
    top = module.split(".")[0]
    for index, packages in enumerate(LAYERS):
        if top in packages:
            return index
    raise AssertionError(f"toolkit.{module} is in no layer of tests/test_architecture.py; "
                         "add its package to LAYERS")


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    modules = all_modules()
    return {name: imports_of(path, modules) for name, path in modules.items()}


def test_the_import_reader_sees_lazy_relative_and_submodule_imports():
    modules = {"a": None, "a.b": None, "a.c": None, "d": None, "e": None}
    text = ("from toolkit.a import c\n"
            "from . import b\n"
            "import json\n"
            "def f():\n    from toolkit import d\n    import toolkit.e\n")
    assert imports_of(PACKAGE / "a" / "x.py", modules, text) == {"a.c", "a.b", "d", "e"}


def test_every_module_sits_in_a_layer(graph):
    for module in graph:
        layer_of(module)


def test_layers_only_look_down(graph):
    upward = [f"toolkit.{module} (layer {LAYERS[layer_of(module)]}) imports "
              f"toolkit.{target} (layer {LAYERS[layer_of(target)]}), a layer above it"
              for module, targets in sorted(graph.items()) for target in sorted(targets)
              if layer_of(target) < layer_of(module)]
    assert not upward, "\n".join(upward)


def test_there_is_no_import_cycle(graph):
    cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        path.append(module)
        for target in sorted(graph[module]):
            if state.get(target) == 1:
                cycles.append(path[path.index(target):] + [target])
            elif target not in state:
                visit(target)
        path.pop()
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module)
    assert not cycles, "\n".join(" -> ".join(f"toolkit.{m}" for m in c) for c in cycles)


def test_a_kind_touches_no_other_kinds_room(graph):
    def room(module: str) -> str | None:
        parts = module.split(".")
        return parts[1] if parts[0] == "kinds" and module not in KIND_SHARED else None

    crossings = [f"toolkit.{module} imports toolkit.{target}: the room of "
                 f"'{room(target)}' from the room of '{room(module)}'"
                 for module, targets in sorted(graph.items()) for target in sorted(targets)
                 if room(module) and room(target) and room(module) != room(target)]
    assert not crossings, "\n".join(crossings)


def test_the_shared_kind_modules_import_no_room(graph):
    into_rooms = [f"toolkit.{module} imports toolkit.{target}"
                  for module in sorted(KIND_SHARED & graph.keys())
                  for target in sorted(graph[module])
                  if target.startswith("kinds.") and target not in KIND_SHARED]
    assert not into_rooms, "\n".join(into_rooms)


def test_the_top_of_the_package_holds_only_the_entry_points():
    loose = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert loose == ["__init__.py", "__main__.py", "api.py", "cli.py"]


def test_every_kind_is_a_room_with_its_registry_entry():
    from toolkit.kinds.registry import KINDS

    rooms = {p.parent.name for p in (PACKAGE / "kinds").glob("*/__init__.py")}
    assert rooms == {k.name.replace("-", "_") for k in KINDS.values()}
    for kind in KINDS.values():
        room = kind.name.replace("-", "_")
        assert kind.builder.startswith(f"toolkit.kinds.{room}."), kind.builder
        for rule in kind.rules:
            assert rule.startswith(f"toolkit.kinds.{room}."), rule
            assert callable(kind.load_rules()[kind.rules.index(rule)])


def test_a_module_outside_100_to_500_lines_says_why_in_its_docstring():
    unexplained = []
    for path in sorted(PACKAGE.rglob("*.py")):
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if path.name == "__init__.py" or 100 <= lines <= 500:
            continue  # a package's __init__ is its docstring and, for a room, its entry
        doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
        if not any(line.startswith("Size: ") for line in doc.splitlines()):
            unexplained.append(f"{path.relative_to(PACKAGE)}: {lines} lines")
    assert not unexplained, "add a 'Size: ...' paragraph to the docstring of:\n" + \
        "\n".join(unexplained)
