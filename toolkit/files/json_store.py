"""Small JSON files that `covenant check` keeps between runs in the workspace's
`.covenant/` folder, so that a second check need not do again what the first one did
(redaction/word_store.py: the word look-ups; readers/library_reads.py: the citation
files as read). What every such file holds to:

- plain data only: read with `json`, and the caller type-checks every value it takes;
  a file that is not what we wrote is ignored, never executed, never trusted;
- in the workspace, beside the claims and sources it was made from, not in a per-user
  cache that would copy confidential material somewhere the lawyer does not look;
- stamped (`stamp`) with the versions of the code and the libraries that made it, so a
  new version of either starts afresh instead of reading answers it would not give;
- written through a temporary file and a rename, so a run that stops half-way leaves
  the old file whole; a file that cannot be written (a read-only workspace) costs only
  speed. No fsync: a file lost in a crash is only made again.

Size: the stamped-file helpers and the kept entries that the stores share."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any


def read_stamped(path: Path, stamp: str) -> dict | None:
    """What `write_stamped` wrote at `path` with this stamp; None for anything else."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):  # RecursionError: nested past the limit
        return None
    if not isinstance(data, dict) or data.get("stamp") != stamp:
        return None
    return data


def write_stamped(path: Path, stamp: str, data: dict) -> bool:
    """Replace the file at `path` with `data` and its stamp; False if it cannot be."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump({**data, "stamp": stamp}, out, ensure_ascii=False, sort_keys=True)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        return False
    return True


def stamp(code: Iterable[Path], distributions: Iterable[str]) -> str:
    """The versions stored answers depend on: the text of the code that made them and
    the installed versions of the libraries it used."""
    from importlib.metadata import PackageNotFoundError, version

    digest = hashlib.sha256()
    for path in sorted(code):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    parts = [digest.hexdigest()[:16]]
    for name in distributions:
        try:
            parts.append(f"{name}={version(name)}")
        except PackageNotFoundError:
            parts.append(f"{name}=none")
    return ";".join(parts)


def text_key(text: str) -> str:
    """The SHA-256 of a text, under which what was made of it is kept."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class KeptEntries:
    """The entries under `section` of the stamped file at `path` (None: keep nothing),
    each kept while a run uses it: a run takes an entry (`raw`, then `use` once the
    caller has type-checked it) or adds one (`put`); `save` writes the entries used, and
    with `prune=False` the unused ones too (a run that did not read every file cannot
    tell which are gone)."""

    def __init__(self, path: Path | None, stamp: str, section: str):
        self.path, self.stamp, self.section = path, stamp, section
        entries = (read_stamped(path, stamp) or {}).get(section) if path else None
        self.kept: dict[str, Any] = {k: v for k, v in entries.items()
                                     if isinstance(k, str)} if isinstance(entries, dict) else {}
        self.used: dict[str, Any] = {}
        self.changed = False

    def raw(self, key: str) -> Any:
        return self.kept.get(key)

    def use(self, key: str) -> None:
        self.used[key] = self.kept[key]

    def put(self, key: str, entry: Any) -> None:
        """Keep `entry` if it comes back from JSON exactly as it goes in (a tuple, a
        non-string key or NaN would come back changed)."""
        if self.path is not None and json.loads(json.dumps(entry)) == entry:
            self.used[key] = entry
            self.changed = True

    def save(self, prune: bool = True) -> None:
        keep = self.used if prune else {**self.kept, **self.used}
        if self.path is None or not (self.changed or set(self.kept) - set(keep)):
            return
        if write_stamped(self.path, self.stamp, {self.section: keep}):
            self.kept, self.changed = dict(keep), False

