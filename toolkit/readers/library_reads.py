"""The citation files as last read, kept in `.covenant/library-reads.json` so that a
second `covenant check` does not parse them again while their text is unchanged.

On the example workspace, parsing the five small library files took ~20 ms of every
check, half of it importing bibtexparser and pylatexenc for one .bib file. What a reader
makes of a text depends only on that text and on the readers' code: an entry is stored
under the SHA-256 of the file's text and its suffix (which chooses the reader), and the
store is stamped with the text of every module in toolkit/readers/ and the versions of the
parsing libraries (toolkit/files/json_store.py), so editing a file, a reader or a
library reads afresh. Stored are the items as read and the problems found, nothing the
file's name or place decides (that is reported anew each run). A large file (a whole
library, indexed and read when cited) is not stored: its reading is already lazy.

Every value taken from the file is type-checked; anything unexpected is read afresh.
Entries not used by a check are dropped when it saves, so the store holds only the
workspace's current files.

Size: one small store."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from toolkit.files import json_store
from toolkit.files.json_store import stamp

READERS_DIR = Path(__file__).resolve().parent
LIBRARIES = ("bibtexparser", "pylatexenc", "PyYAML")
SEVERITIES = ("error", "warning", "note")


@dataclass
class StoredRead:
    """What a reader found in one text: the items, the problems, the flags."""

    raws: list[tuple[object, object, int, int]]  # key, item, line, column
    problems: list[tuple[int, int, str, str, str, bool]]  # line, column, message, ...
    export: bool
    unused_fields: list[str] = field(default_factory=list)


def _is_json_value(value: object, depth: int = 0) -> bool:
    if depth > 20:
        return False
    if value is None or isinstance(value, bool | int | float | str):
        return True
    if isinstance(value, list):
        return all(_is_json_value(v, depth + 1) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _is_json_value(v, depth + 1)
                   for k, v in value.items())
    return False


def _valid_raw(raw: object) -> bool:
    return (isinstance(raw, list) and len(raw) == 4 and _is_json_value(raw[0])
            and _is_json_value(raw[1]) and all(type(n) is int for n in raw[2:]))


def _valid_problem(problem: object) -> bool:
    return (isinstance(problem, list) and len(problem) == 6
            and all(type(n) is int for n in problem[:2])
            and all(isinstance(t, str) for t in problem[2:5])
            and problem[3] in SEVERITIES and isinstance(problem[5], bool))


def _valid(entry: object) -> bool:
    return (isinstance(entry, dict) and isinstance(entry.get("raws"), list)
            and all(_valid_raw(r) for r in entry["raws"])
            and isinstance(entry.get("problems"), list)
            and all(_valid_problem(p) for p in entry["problems"])
            and isinstance(entry.get("export"), bool)
            and isinstance(entry.get("unused_fields"), list)
            and all(isinstance(f, str) for f in entry["unused_fields"]))


def text_key(reader: str, text: str) -> str:
    return f"{reader}:{json_store.text_key(text)}"


class ReadStore:
    """The reads of one workspace, loaded from and saved to `path` (None: keep nothing)."""

    def __init__(self, path: Path | None):
        stamped = stamp(READERS_DIR.glob("*.py"), LIBRARIES) if path else ""
        self.entries = json_store.KeptEntries(path, stamped, "reads")

    def get(self, key: str) -> StoredRead | None:
        entry = self.entries.raw(key)
        if not _valid(entry):
            return None
        self.entries.use(key)
        return StoredRead([tuple(r) for r in entry["raws"]],
                          [tuple(p) for p in entry["problems"]], entry["export"],
                          list(entry["unused_fields"]))

    def put(self, key: str, read: StoredRead) -> None:
        entry = {"raws": [list(r) for r in read.raws],
                 "problems": [list(p) for p in read.problems],
                 "export": read.export, "unused_fields": sorted(read.unused_fields)}
        if _valid(entry):
            self.entries.put(key, entry)

    def save(self) -> None:
        """Write the reads this check used, if any changed or any went out of use."""
        self.entries.save()
