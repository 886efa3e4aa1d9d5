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

Size: one small helper that two stores share."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


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
