"""What the word look-ups (words.py) answered for this workspace's name parts, kept on
disk so that `covenant check` need not load the Russian dictionary and the English
frequency list again when the names have not changed.

Loading pymorphy3's dictionary costs about 95 ms and the frequency list about 20 ms: half
of `check`'s own work on the example workspace. The answers are a few hundred small
facts ("Петрова" is not a word; its forms are ...), so they are kept as JSON in
`.covenant/word-facts.json` in the workspace:

- plain data only: read with `json`, every value type-checked, anything else ignored
  (a file that is not what we wrote is thrown away, never executed, never trusted);
- in the workspace, beside the claims that hold the same names, not in a per-user cache
  that would copy a confidential name somewhere the lawyer does not look;
- stamped with the versions of the dictionaries and of the rules that made the answers
  (`stamp`), so a new dictionary, a new threshold or new paradigms start afresh;
- written only when something new was learnt, through a temporary file and a rename, so
  a check that stops half-way leaves the old file whole.

Size: one small store."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

TABLES = ("is_word", "declensions", "reading_of")


def _valid(table: str, value: object) -> bool:
    if table == "is_word":
        return isinstance(value, bool)
    if table == "declensions":
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    return value is None or isinstance(value, str)


class WordStore:
    """The answers of one workspace, loaded from and saved to `path`."""

    def __init__(self, path: Path | None, stamp: str):
        self.path, self.stamp = path, stamp
        self.tables: dict[str, dict[str, object]] = {t: {} for t in TABLES}
        self.changed = False
        if path is not None:
            self._load()

    def _load(self) -> None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if not isinstance(data, dict) or data.get("stamp") != self.stamp:
            return
        for table in TABLES:
            entries = data.get(table)
            if isinstance(entries, dict):
                self.tables[table] = {k: v for k, v in entries.items()
                                      if isinstance(k, str) and _valid(table, v)}

    def get(self, table: str, key: str) -> tuple[bool, object]:
        entries = self.tables[table]
        return (True, entries[key]) if key in entries else (False, None)

    def put(self, table: str, key: str, value: object) -> None:
        self.tables[table][key] = value
        self.changed = self.path is not None

    def save(self) -> None:
        """Write the answers if something new was learnt; a store that cannot be written
        (a read-only workspace) costs only speed."""
        if not self.changed:
            return
        data = {"stamp": self.stamp, **self.tables}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, temporary = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(data, out, ensure_ascii=False, sort_keys=True)
            os.replace(temporary, self.path)
        except OSError:
            return
        self.changed = False


def stamp(rules_file: Path, distributions: tuple[str, ...]) -> str:
    """The versions the answers depend on: the dictionaries' and the rules' own text."""
    from importlib.metadata import PackageNotFoundError, version

    parts = [hashlib.sha256(rules_file.read_bytes()).hexdigest()[:16]]
    for name in distributions:
        try:
            parts.append(f"{name}={version(name)}")
        except PackageNotFoundError:
            parts.append(f"{name}=none")
    return ";".join(parts)
