"""A workspace is a folder with claims/, citations/, templates/ and drafts/: finding it,
the files in it, and creating a new one (`covenant init`). Reading and writing its files
safely is toolkit/files/."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from toolkit.files.reading import relative_name
from toolkit.model.errors import CovenantError

SOURCE = Path(__file__).resolve().parents[2]  # this repository: the default workspace
EXAMPLE_CASE = "zheksebaev.yaml"
# What `covenant init` gives a new workspace besides citations/ and templates/: every
# example case (the English and the Russian Zheksebaev communication, and the short
# cases the example briefing draws on), the example briefing, and the JSON Schemas that
# the examples' `$schema` modelines name (../docs/claims.schema.json from claims/,
# ../../docs/briefing.schema.json from claims/briefings/).
SCHEMAS = ("docs/claims.schema.json", "docs/briefing.schema.json")
# The shipped examples and library, named one by one: a lawyer who drafts a real case in
# this repository's claims/ or adds sources to its citations/ must not see them copied
# into every workspace `init` makes (tests/test_init_workspace.py keeps this list equal
# to the files git tracks there).
SHIPPED = (
    "claims/abishev.yaml", "claims/demeuova.yaml", "claims/mamay.yaml",
    "claims/mamay-ru.yaml", "claims/onerkhan.yaml", "claims/sultanov.yaml",
    "claims/zhakupova.yaml", "claims/zheksebaev.yaml", "claims/zheksebaev-ru.yaml",
    "claims/briefings/eu-kazakhstan-2023.yaml",
    "citations/hrc-views.json", "citations/other-sources.yaml", "citations/seeds.bib",
    "citations/state-party-sources.yaml", "citations/un-documents.yaml",
)
CASE_SUFFIXES = (".yaml", ".yml")
BRIEFINGS = "briefings"


@dataclass(frozen=True)
class Workspace:
    root: Path

    @property
    def claims(self) -> Path:
        return self.root / "claims"

    @property
    def briefings(self) -> Path:
        return self.claims / BRIEFINGS

    @property
    def citations(self) -> Path:
        return self.root / "citations"

    @property
    def templates(self) -> Path:
        return self.root / "templates"

    @property
    def drafts(self) -> Path:
        return self.root / "drafts"

    @classmethod
    def find(cls, start: Path | None = None) -> Workspace:
        """The nearest folder at or above `start` that holds claims/ and citations/."""
        here = (start or Path.cwd()).resolve()
        if here.is_file():
            here = here.parent
        for folder in (here, *here.parents):
            if (folder / "claims").is_dir() and (folder / "citations").is_dir():
                return cls(folder)
        raise CovenantError(f"{start or Path.cwd()} is not inside a Covenant workspace (a "
                            "folder with claims/ and citations/); create one with "
                            "'covenant init DIR' or pass --workspace")

    def case_files(self) -> list[Path]:
        """Every case file in claims/, briefings excluded."""
        if not self.claims.is_dir():
            return []
        return sorted(p for p in self.claims.iterdir()
                      if p.is_file() and p.suffix in CASE_SUFFIXES)

    def briefing_files(self) -> list[Path]:
        """Every briefing file in claims/briefings/."""
        if not self.briefings.is_dir():
            return []
        return sorted(p for p in self.briefings.iterdir()
                      if p.is_file() and p.suffix in CASE_SUFFIXES)

    def is_briefing(self, path: Path) -> bool:
        """A briefing file is one in claims/briefings/ (or any folder named briefings)."""
        parent = path.resolve().parent
        return parent == self.briefings.resolve() or parent.name == BRIEFINGS

    def show(self, path: Path) -> str:
        """A path as printed in diagnostics: relative to the workspace when inside it (a
        link by its own name, not its target's)."""
        shown = relative_name(path, self.root)
        return str(path) if shown is None else shown

    def expand(self, paths: list[Path]) -> list[Path]:
        """Files and folders on the command line -> case files (citations are always read)."""
        if not paths:
            return self.case_files()
        found: list[Path] = []
        for path in paths:
            if path.is_dir():
                if path.resolve() == self.citations.resolve():
                    continue
                found.extend(sorted(p for p in path.iterdir()
                                    if p.is_file() and p.suffix in CASE_SUFFIXES))
            elif path.exists():
                if path.resolve().parent != self.citations.resolve():
                    found.append(path)
            else:
                raise CovenantError(f"{path}: no such file or folder")
        return found


def create_workspace(directory: Path) -> list[Path]:
    """`covenant init`: a new workspace in `directory` with the default templates, the
    citation library, the example cases and briefing, and the JSON Schemas their
    modelines point to, copied from this repository."""
    try:
        return _copy_defaults(directory)
    except OSError as exc:
        where = exc.filename or directory
        raise CovenantError(f"{where}: cannot create the workspace there "
                            f"({exc.strerror or exc}); choose a folder you can write to") \
            from None


def _copy_defaults(directory: Path) -> list[Path]:
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise CovenantError(f"{directory} exists and is not an empty folder; choose a new "
                            "folder")
    if not (SOURCE / "claims" / EXAMPLE_CASE).is_file():
        raise CovenantError(f"the default workspace files are missing from {SOURCE}; "
                            "install Covenant from its repository (pip install -e .)")
    created: list[Path] = []
    (directory / "claims" / BRIEFINGS).mkdir(parents=True)
    (directory / "drafts").mkdir()
    (directory / "drafts" / ".gitkeep").touch()
    (directory / "docs").mkdir()
    (directory / "citations").mkdir()
    for name in (*SHIPPED, *SCHEMAS):
        created.append(Path(shutil.copy2(SOURCE / name, directory / name)))
    shutil.copytree(SOURCE / "templates", directory / "templates",
                    ignore=shutil.ignore_patterns("__pycache__", ".*"))
    created.extend(p for p in (directory / "templates").rglob("*") if p.is_file())
    return created
