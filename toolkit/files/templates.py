"""A Jinja loader that reads templates the way every workspace file is read (reading.py):
only regular files, and only inside the templates folder, so that a section, a frame or
an `{% include %}`d file that is a symbolic link to a file elsewhere is refused, naming
the link, instead of being printed into the draft.

Nothing is cached on disk: compiled templates live in the process's memory only (see
toolkit/kinds/sections.py), because Jinja's bytecode cache unpickles code from a folder
(drafts/) that anyone who can write there controls.

Size: one loader class."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

from jinja2 import BaseLoader, Environment, TemplateNotFound
from jinja2.loaders import split_template_path

from toolkit.files.reading import read_bytes
from toolkit.model.errors import CovenantError


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


class ConfinedLoader(BaseLoader):
    """Templates from the folders of `searchpath`, in order; every file read must be a
    regular file inside `root`."""

    def __init__(self, searchpath: Sequence[Path | str], root: Path | str) -> None:
        self.searchpath = [Path(p) for p in searchpath]
        self.root = Path(root)

    def get_source(self, environment: Environment, template: str
                   ) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)  # refuses '..' and absolute names
        for folder in self.searchpath:
            path = folder.joinpath(*pieces)
            if not os.path.lexists(path):
                continue
            stamp = _stamp(path)
            try:
                data = read_bytes(path, self.root)
            except OSError as exc:
                raise CovenantError(f"{path}: cannot read the template: "
                                    f"{exc.strerror or exc}") from None
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError as exc:
                line = data[:exc.start].count(b"\n") + 1
                raise CovenantError(f"{path}:{line}: error: the template is not UTF-8 (bad "
                                    f"byte at offset {exc.start}); save it as UTF-8") from None
            return text, str(path), lambda path=path, stamp=stamp: _stamp(path) == stamp
        raise TemplateNotFound(template)

    def list_templates(self) -> list[str]:
        found = set()
        for folder in self.searchpath:
            if folder.is_dir():
                found.update(p.relative_to(folder).as_posix()
                             for p in folder.rglob("*") if p.is_file())
        return sorted(found)
