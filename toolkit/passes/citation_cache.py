"""Formatted citations kept between builds, so that a rebuild after an edit formats only
what is new (citeproc-py is the costliest step of a DOCX build).

One JSON file per (style file, locale, citeproc-py version, engine code) under the build's
cache folder, `drafts/.cache/citations/<digest>.json`: any change to the style, the
locale, citeproc-py or our engine names another file, so an old rendering is never
reused for them. Inside a file, each rendering is keyed by a hash of the library entry it
formats (its CSL data, as citeproc sees it) and the request (position, pinpoint label and
shape, prefix): editing an entry changes its hash, so its renderings are made again.

Concurrent builds (`--jobs`) may save the same file: each save merges what is on disk
with what this build added and replaces the file atomically, so the worst outcome of a
race is a rendering formatted twice, never a wrong or half-written file. A file that
cannot be read is ignored (and replaced at the next save). Delete the folder to clear it.

Size: the cache alone, so that the engine it serves stays readable."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from toolkit.files.reading import read_bytes
from toolkit.files.writing import write_atomically

FOLDER = "citations"
FORMAT = 1  # bump when the layout of the files changes
MAX_CACHE_BYTES = 256 * 2**20


def _engine_digest(engine_code: Path | tuple[Path, ...]) -> str:
    """citeproc-py's version and the code of the engine that calls it (`engine_code`:
    its file, or its files with our fixes to citeproc-py, passed in so that this module
    need not import the engine that uses it)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        citeproc = version("citeproc-py")
    except PackageNotFoundError:  # pragma: no cover - citeproc-py is a dependency
        citeproc = "?"
    files = engine_code if isinstance(engine_code, tuple) else (engine_code,)
    code = b"\0".join(Path(f).read_bytes() for f in files)
    return hashlib.sha256(f"{FORMAT}\0{citeproc}\0".encode() + code).hexdigest()


def entry_digest(item: dict) -> str:
    """A library entry's CSL data, hashed: what citeproc-py formats."""
    data = json.dumps(item, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:24]


class CitationCache:
    """The renderings of one style in one locale, loaded from and saved to `folder`."""

    def __init__(self, folder: Path, style_path: Path, locale: str | None,
                 engine_code: Path | tuple[Path, ...]) -> None:
        digest = hashlib.sha256()
        digest.update(_engine_digest(engine_code).encode())
        digest.update(b"\0" + (locale or "").encode() + b"\0")
        digest.update(Path(style_path).read_bytes())
        self.path = Path(folder) / FOLDER / f"{digest.hexdigest()[:32]}.json"
        self.problem = ""  # why an existing file was ignored ("": it was not)
        self.entries: dict[str, str] = self._read()
        self.added: dict[str, str] = {}
        self.hits = 0

    def _read(self) -> dict[str, str]:
        """The file's renderings; {} if there is none. A file that is not a JSON mapping
        of text to text (damaged, or written by someone else) is ignored and noted in
        `problem`; it is replaced at the next save. Nothing in it is ever executed: the
        renderings are HTML fragments that citation_markup.py reads as text with
        italics and bold only."""
        self.problem = ""
        try:
            raw = read_bytes(self.path, self.path.parent, limit=MAX_CACHE_BYTES)
        except FileNotFoundError:
            return {}
        except OSError as exc:
            self.problem = f"cannot be read ({exc})"
            return {}
        try:
            data = json.loads(raw.decode("utf-8"))
        except (ValueError, RecursionError):
            data = None
        if not (isinstance(data, dict) and all(
                isinstance(k, str) and isinstance(v, str) for k, v in data.items())):
            self.problem = "is not a cache covenant wrote (not a JSON mapping of text)"
            return {}
        return data

    def get(self, key: str) -> str | None:
        found = self.entries.get(key)
        if found is not None:
            self.hits += 1
        return found

    def put(self, key: str, html: str) -> None:
        self.entries[key] = html
        self.added[key] = html

    def save(self) -> None:
        """Merge this build's new renderings into the file (atomically); never fails the
        build: a cache that cannot be written only means formatting again next time."""
        if not self.added:
            return
        try:
            merged = {**self._read(), **self.added}
            text = json.dumps(merged, ensure_ascii=False, separators=(",", ":"))
            write_atomically(self.path, text.encode("utf-8", "surrogatepass"))
        except OSError:
            return
        self.added = {}
