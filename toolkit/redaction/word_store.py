"""What the word look-ups (words.py) answered for this workspace's name parts, kept on
disk so that `covenant check` need not load the Russian dictionary and the English
frequency list again when the names have not changed.

Loading pymorphy3's dictionary costs about 95 ms and the frequency list about 20 ms: half
of `check`'s own work on the example workspace. The answers are a few hundred small
facts ("Петрова" is not a word; its forms are ...), kept in
`.covenant/word-facts.json` in the workspace as toolkit/files/json_store.py keeps its
files (plain, type-checked data; stamped with the dictionaries' versions and the rules'
text; replaced whole), and written only when something new was learnt.

Size: one small store."""

from __future__ import annotations

from pathlib import Path

from toolkit.files.json_store import read_stamped, write_stamped

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
        data = read_stamped(self.path, self.stamp) or {}
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
        """Write the answers if something new was learnt."""
        if self.changed and write_stamped(self.path, self.stamp, self.tables):
            self.changed = False
