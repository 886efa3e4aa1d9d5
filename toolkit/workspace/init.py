"""`covenant init`: a new workspace with the default templates, the citation library and
one example case, copied from the toolkit's own workspace (this repository)."""

from __future__ import annotations

import shutil
from pathlib import Path

from toolkit.model.errors import CovenantError

SOURCE = Path(__file__).resolve().parents[2]  # the repository: toolkit/workspace/init.py
EXAMPLE_CASE = "zheksebaev.yaml"


def create_workspace(directory: Path) -> list[Path]:
    if directory.exists() and any(directory.iterdir()):
        raise CovenantError(f"{directory} exists and is not empty; choose a new folder")
    if not (SOURCE / "claims" / EXAMPLE_CASE).is_file():
        raise CovenantError(f"the default workspace files are missing from {SOURCE}; "
                            "install Covenant from its repository (pip install -e .)")
    created: list[Path] = []
    (directory / "claims" / "briefings").mkdir(parents=True)
    (directory / "drafts").mkdir()
    (directory / "drafts" / ".gitkeep").touch()
    created.append(Path(shutil.copy2(SOURCE / "claims" / EXAMPLE_CASE, directory / "claims")))
    for folder in ("citations", "templates"):
        shutil.copytree(SOURCE / folder, directory / folder,
                        ignore=shutil.ignore_patterns("__pycache__", ".*"))
        created.extend(p for p in (directory / folder).rglob("*") if p.is_file())
    return created
