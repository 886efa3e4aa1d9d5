"""What each draft was built from, so that an unchanged case is not built again.

`drafts/.covenant-build.json` (in the output folder) records, for every file a build
wrote, a hash of everything that went into it and a hash of the file itself:

- the case file's bytes, as they were parsed (for a briefing: the briefing file's, and
  the id and bytes of every case it includes, with the cases each theme selected);
- the citation library: every file in citations/;
- the templates the kind uses: templates/ without the folders of the *other* kinds
  (templates/<kind>/, templates/base/, templates/styles/ ...), and the CSL style's file;
- the toolkit: its version and its code;
- the options: kind, style, --public, the reference date (drafts print it) and
  SOURCE_DATE_EPOCH.

A draft is up to date when its record names the same input hash and the file on disk is
still the file the build wrote (a draft edited or deleted by hand is built again). The
output format is not an input: each format's file has its own record, so asking for a
new format builds only that one. `covenant build --force` builds regardless.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from toolkit import __version__
from toolkit.files.reading import UnsafeFile, read_bytes
from toolkit.files.writing import write_atomically

MANIFEST = ".covenant-build.json"
FORMAT = 1


def file_digest(path: Path, root: Path | None = None) -> str | None:
    """The sha256 of a regular file (inside `root`, if given), or None if it cannot be
    read (a link out of `root`, a pipe: the build itself then refuses it)."""
    try:
        return hashlib.sha256(read_bytes(path, root)).hexdigest()
    except (OSError, UnsafeFile):
        return None


def _tree_digest(root: Path, skip: set[str] = frozenset()) -> str:
    """Names and bytes of every file under `root` (top-level folders in `skip` left out)."""
    digest = hashlib.sha256()
    if root.is_dir():
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            relative = path.relative_to(root)
            if relative.parts[0] in skip or "__pycache__" in relative.parts:
                continue
            digest.update(str(relative.as_posix()).encode() + b"\0")
            digest.update((file_digest(path, root) or "unreadable").encode())
    return digest.hexdigest()


@lru_cache(maxsize=1)
def toolkit_digest() -> str:
    """The toolkit's version and code: a changed toolkit rebuilds every draft."""
    package = Path(__file__).resolve().parents[1]  # toolkit/
    return hashlib.sha256(f"{__version__}\0{_tree_digest(package)}".encode()).hexdigest()


@dataclass
class Inputs:
    """The parts of an input hash shared by every document of one build."""

    library: str
    templates: dict[str, str] = field(default_factory=dict)  # kind -> digest
    options: str = ""

    @classmethod
    def of(cls, workspace, kinds: list[str], style_path: Path, style: str, public: bool,
           today, writer_options: dict | None = None) -> Inputs:
        from toolkit.kinds.registry import KINDS

        templates = {kind: _tree_digest(workspace.templates, set(KINDS) - {kind})
                     for kind in kinds}
        options = json.dumps({
            "toolkit": toolkit_digest(), "style": style,
            "style-file": file_digest(style_path), "public": public,
            "today": today.isoformat(), "writers": writer_options or {},
            "source-date-epoch": os.environ.get("SOURCE_DATE_EPOCH", ""),
        }, sort_keys=True)
        return cls(_tree_digest(workspace.citations), templates, options)

    def digest(self, kind: str, source: str, extra: str = "") -> str:
        """The input hash of one document of `kind` from the file whose parsed bytes hash
        to `source` (the hash taken when it was read: a file edited since then is stale,
        not recorded as built)."""
        digest = hashlib.sha256()
        for part in (kind, self.options, self.library, self.templates[kind], extra, source):
            digest.update(part.encode() + b"\0")
        return digest.hexdigest()


class Manifest:
    """The records of one output folder; paths are kept relative to it."""

    def __init__(self, out: Path) -> None:
        self.out = Path(out)
        self.path = self.out / MANIFEST
        self.records: dict[str, dict] = {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if isinstance(data, dict) and data.get("format") == FORMAT:
                self.records = dict(data.get("outputs", {}))
        except (OSError, ValueError):
            pass  # no manifest, or an unreadable one: everything is built

    def _key(self, path: Path) -> str:
        try:
            return Path(path).relative_to(self.out).as_posix()
        except ValueError:
            return str(Path(path).resolve())

    def up_to_date(self, path: Path, inputs: str) -> bool:
        record = self.records.get(self._key(path))
        return (record is not None and record.get("inputs") == inputs
                and record.get("output") == file_digest(path))

    def record(self, path: Path, inputs: str, output: str, source: str) -> None:
        """`output`: the sha256 of the bytes written to `path`."""
        self.records[self._key(path)] = {"inputs": inputs, "output": output, "source": source}

    def save(self) -> None:
        # ASCII: a case file whose name is not UTF-8 (a lone surrogate in Python) is
        # written as a \u escape, which reads back as the same name.
        text = json.dumps({"format": FORMAT, "outputs": dict(sorted(self.records.items()))},
                          indent=1, ensure_ascii=True)
        write_atomically(self.path, (text + "\n").encode("utf-8"))
