"""The citation library: every CSL-JSON, CSL-YAML and BibTeX file in `citations/`, read
together. A key defined twice (ignoring case, as citeproc-py lower-cases keys) is an
error that names both places. Every problem of a file is reported at its line, and a
bad entry never drops the others: BibTeX through toolkit/readers/bibtex.py, CSL-JSON as
Zotero and Better BibTeX export it through toolkit/readers/zotero_extra.py.

Size: the three formats' readers, the lazy entries of indexed files and the library that
joins them, one pass each; the scanners and the checks of one item are modules of their
own (bibtex_index.py, csl_json.py, csl_yaml_index.py, csl_items.py)."""

from __future__ import annotations

import gc
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from toolkit.files.reading import UnsafeFile, relative_name
from toolkit.model.errors import Report, Severity
from toolkit.readers.bibtex_index import (
    INDEX_ABOVE,
    INDEX_EXPORT_ABOVE,
    BibIndex,
    count_entries,
    index_bibtex,
)
from toolkit.readers.csl_items import CSL_TYPES, check_item  # noqa: F401 (CSL_TYPES)
from toolkit.readers.csl_json import depth_line, id_places, json_items
from toolkit.readers.csl_yaml_index import index_csl_yaml, item_at, many_items
from toolkit.readers.library_reads import ReadStore, StoredRead, text_key
from toolkit.readers.located import MAX_EXPANDED_NODES, TooManyValues
from toolkit.readers.yamlsource import (
    LocatedDict,
    LocatedList,
    YamlProblem,
    parse_yaml,
    read_text,
)
from toolkit.readers.zotero_extra import from_zotero, quick_key, read_item

if TYPE_CHECKING:
    from toolkit.readers.bibtex import BibResult


@dataclass
class LibraryEntry:
    key: str
    item: dict
    file: str
    line: int
    column: int
    extra: list[str] = field(default_factory=list)  # Zotero "Extra" lines kept out

    @property
    def place(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass
class _Raw:
    key: object
    item: object
    line: int
    column: int
    span: tuple[int, int] | None = None  # where a JSON item stands in its file's text


@dataclass
class _Problem:
    line: int
    column: int
    message: str
    severity: str = "error"  # "error", "warning" or "note"
    code: str = "citation-syntax"
    detail: bool = False


@dataclass
class _Read:
    raws: list[_Raw]
    problems: list[_Problem] = field(default_factory=list)
    index: BibIndex | None = None  # a large BibTeX file: entries read when cited
    export: bool = False  # written by a reference manager (Zotero, Better BibTeX, JabRef…)
    unused_fields: set[str] = field(default_factory=set)  # BibTeX fields CSL has not
    text: str | None = None  # a CSL-JSON list's text, which its items' spans point into
    lazy: bool = False  # a whole library exported: items read when cited
    form: str = "json"  # how the spans of `text` are read: "json" or "yaml"


class LazyEntry(LibraryEntry):
    """An entry of an indexed BibTeX file: parsed and mapped to CSL when first used
    (Library.resolve reports its problems; a build's check has resolved it before)."""

    def __init__(self, key: str, file: str, line: int, index: BibIndex, span) -> None:
        self._item, self._index, self._span = None, index, span
        super().__init__(key, None, file, line, 1)

    @property
    def item(self) -> dict:
        if self._item is None:
            entries = self._index.entry(self._span).entries
            self._item = dict(entries[0].item, id=self.key) if entries else \
                {"id": self.key, "type": "document", "title": self.key}
        return self._item

    @item.setter
    def item(self, value) -> None:
        self._item = value


class LazyItem(LibraryEntry):
    """An item of a large CSL-JSON/YAML file, read (Zotero's Extra, dates) and checked
    when it is cited (Library.resolve). An item of an indexed file keeps only its place
    in the file's text, which all its items share: a worker process of a build is sent
    one string, not a hundred thousand dictionaries."""

    def __init__(self, key: str, file: str, line: int, column: int, raw: dict | None,
                 text: str | None = None, span: tuple[int, int] = (0, 0),
                 form: str = "json") -> None:
        self._item, self._raw, self._text, self._span = None, raw, text, span
        self._form = form
        super().__init__(key, None, file, line, column)

    @property
    def raw(self):
        """The item as written (YamlProblem: a CSL-YAML item's syntax, not yet read)."""
        if self._raw is not None:
            return self._raw
        if self._form == "yaml":
            return _plain(item_at(self._text, self._span))
        return json.loads(self._text[self._span[0]:self._span[1]])

    @property
    def item(self) -> dict:
        if self._item is None:
            try:
                raw = self.raw
            except YamlProblem:  # reported by Library.resolve, which check calls
                raw = {"type": "document", "title": self.key}
            self._item = dict(read_item(raw).item, id=self.key)
        return self._item

    @item.setter
    def item(self, value) -> None:
        self._item = value


def _read_csl_json(path: Path, text: str) -> _Read:
    """Every item with its line. A file of more than INDEX_ABOVE items (ids counted in
    the text) is a whole library exported: its items are decoded one by one to find
    their keys and kept only as their place in the text, to be decoded again when cited
    (LazyItem), so that no more than one is held at a time."""
    places = id_places(text)
    lazy = len(places) > INDEX_ABOVE
    raws, next_place, export = [], 0, False
    try:
        for item, span in _json_list(text):
            key = item.get("id") if isinstance(item, dict) else None
            line = column = 1
            if isinstance(key, str | int) and not isinstance(key, bool):
                for index in range(next_place, min(next_place + 100, len(places))):
                    if places[index][0] == key:
                        _, line, column = places[index]
                        next_place = index + 1
                        break
            export = export or (isinstance(item, dict) and from_zotero(item))
            quick = quick_key(item) if lazy and span and isinstance(item, dict) else None
            if isinstance(quick, str) and quick.strip() and not quick.startswith("@"):
                raws.append(_Raw(quick.strip(), None, line, column, span))
            else:  # read whole (its errors reported as in any file)
                raws.append(_Raw(key, item, line, column, span))
    except json.JSONDecodeError as exc:
        raise YamlProblem(f"JSON syntax error: {exc.msg}", _mark(exc.lineno, exc.colno)) from None
    except RecursionError:
        depth = depth_line(text)
        raise YamlProblem("JSON nested too deeply (thousands of brackets); a CSL-JSON "
                          "file is a list of flat items", _mark(depth, 1)) from None
    return _Read(raws, export=export, text=text if lazy else None, lazy=lazy)


def _json_list(text: str):
    """(item, its span in the text) for each item; the span None where the file is not
    a plain list (an object holding 'items' or 'references', or one item)."""
    listed = json_items(text)
    if listed is not None:
        return listed
    data = json.loads(text)
    if isinstance(data, dict):
        data = data.get("items", data.get("references", [data]))
    if not isinstance(data, list):
        raise YamlProblem("a CSL-JSON file holds a list of items", _mark(1, 1))
    return ((item, None) for item in data)


def _from_zotero(raws: list[_Raw]) -> bool:
    return any(isinstance(raw.item, dict) and from_zotero(raw.item) for raw in raws)


_CITATION_KEY = re.compile(r"^[ \t]*(?:- )?citation-key:", re.MULTILINE)


def _read_csl_yaml(path: Path, text: str) -> _Read:
    above = INDEX_EXPORT_ABOVE if _CITATION_KEY.search(text) else INDEX_ABOVE  # Better BibTeX
    spans = index_csl_yaml(text) if many_items(text, above) else None
    if spans is not None:  # a whole library exported: items parsed when cited
        return _Read([_Raw(s.key, None, s.line, s.column, (s.start, s.end)) for s in spans],
                     export=any(s.exported for s in spans), text=text, lazy=True,
                     form="yaml")
    try:
        data = parse_yaml(text)
    except TooManyValues as problem:  # about 5,000 items: YAML is read whole, slowly
        raise YamlProblem(f"a CSL-YAML file holds at most {MAX_EXPANDED_NODES:,} values "
                          "(about 5,000 items as Better BibTeX exports them) and this one "
                          "holds more; export a library this large as CSL JSON or BibTeX, "
                          "which covenant indexes and reads in a second or two",
                          problem.mark) from None
    if isinstance(data, LocatedDict) and "references" in data:
        data = data["references"]
    if data is None:
        return _Read([])
    if not isinstance(data, LocatedList):
        mark = getattr(data, "mark", _mark(1, 1))
        raise YamlProblem("a CSL-YAML file holds a list of items (or 'references:' with one)",
                          mark)
    raws = []
    for item, mark in zip(data, data.item_marks, strict=True):
        key = item.get("id") if isinstance(item, dict) else None
        if isinstance(item, LocatedDict) and "id" in item:
            mark = item.value_marks["id"]
        raws.append(_Raw(key, _plain(item), mark.line, mark.column))
    return _Read(raws, export=_from_zotero(raws))


# Fields of reference managers' own bookkeeping: never part of a citation. They are
# listed with --verbose; any other field the mapping does not use is a warning.
BOOKKEEPING = re.compile(r"^(file|files|date-added|date-modified|timestamp|owner|groups|"
                         r"rating|read|readstatus|printed|priority|ranking|qualityassured|"
                         r"local-url|uri|bdsk-url-\d+|bdsk-file-\d+|mendeley-.*|"
                         r"creationdate|modificationdate|citation-key|sortkey|sorttitle|"
                         r"sortname|sortyear|presort|indextitle|indexsorttitle|label|"
                         r"shorthand|keywords|comment|comments|copyright|abstract|"
                         r"langidopts|_.*)$")
# The fields that only a reference manager writes: a file with one is an export.
EXPORT_FIELDS = re.compile(r"^(file|files|date-added|date-modified|timestamp|owner|groups|"
                           r"readstatus|qualityassured|local-url|bdsk-url-\d+|bdsk-file-\d+|"
                           r"mendeley-.*|creationdate|modificationdate)$")


def _read_bibtex(path: Path, text: str) -> _Read:
    from toolkit.readers.bibtex import read_bibtex  # with bibtexparser: only for a .bib read

    entries = count_entries(text)
    if entries > INDEX_ABOVE or entries > INDEX_EXPORT_ABOVE and _exported_bibtex(text):
        index = index_bibtex(text)
        read = _Read([], [_Problem(p.line, p.column, p.message) for p in index.problems],
                     index, export=True)
        read.problems.append(_Problem(1, 1, f"{len(index.spans):,} entries indexed; an "
                                      "entry's fields are read and checked when a case "
                                      "cites it", "note", "citation-index", detail=True))
        return read
    read = _bib_read(read_bibtex(text))
    read.export = "jabref-meta" in text or any(EXPORT_FIELDS.match(name)
                                               for name in read.unused_fields)
    return read


_EXPORT_FIELD = re.compile(r"^[ \t]*(?:file|timestamp|date-added|date-modified|owner|"
                           r"creationdate|modificationdate|mendeley-tags|bdsk-url-1)"
                           r"[ \t]*=", re.MULTILINE | re.IGNORECASE)


def _exported_bibtex(text: str) -> bool:
    """Whether a reference manager wrote this BibTeX, before it is parsed."""
    return "jabref-meta" in text or _EXPORT_FIELD.search(text) is not None


def _bib_read(result: BibResult) -> _Read:
    read = _Read([_Raw(e.key, e.item, e.line, e.column) for e in result.entries])
    read.unused_fields = set(result.unused)
    for problem in result.problems:
        read.problems.append(_Problem(problem.line, problem.column, problem.message,
                                      "error" if problem.error else "warning",
                                      "citation-syntax" if problem.error else
                                      "citation-field"))
    kept = {"bookkeeping": [], "other": []}
    for name, count in sorted(result.unused.items(), key=lambda kv: (-kv[1], kv[0])):
        kept["bookkeeping" if BOOKKEEPING.match(name) else "other"].append(
            f"{name} ({count})")
    if kept["other"]:
        first = min(result.unused_first[n.split(" ")[0]] for n in kept["other"])
        read.problems.append(_Problem(first, 1, "fields no citation uses, left out: " +
                                      ", ".join(kept["other"]) + " (entries in brackets)",
                                      "warning", "citation-unused-field"))
    if kept["bookkeeping"]:
        read.problems.append(_Problem(1, 1, "reference-manager fields left out: " +
                                      ", ".join(kept["bookkeeping"]), "note",
                                      "citation-unused-field", detail=True))
    return read


READERS: dict[str, Callable[[Path, str], _Read]] = {
    ".json": _read_csl_json,
    ".yaml": _read_csl_yaml,
    ".yml": _read_csl_yaml,
    ".bib": _read_bibtex,
}


def _read(reader: Callable[[Path, str], _Read], path: Path, text: str,
          store: ReadStore | None) -> _Read:
    """`reader`'s reading of `text`, from `store` when it holds it (and into it)."""
    if store is None:
        return reader(path, text)
    key = text_key(path.suffix.lower(), text)
    stored = store.get(key)
    if stored is not None:
        return _Read([_Raw(*raw) for raw in stored.raws],
                     [_Problem(*problem) for problem in stored.problems],
                     export=stored.export, unused_fields=set(stored.unused_fields))
    read = reader(path, text)
    if read.index is None and not read.lazy and read.text is None \
            and len(read.raws) <= INDEX_ABOVE:
        store.put(key, StoredRead(
            [(r.key, r.item, r.line, r.column) for r in read.raws],
            [(p.line, p.column, p.message, p.severity, p.code, p.detail)
             for p in read.problems], read.export, sorted(read.unused_fields)))
    return read


def _report(read: _Read, shown: str, report: Report) -> None:
    for problem in read.problems:
        if problem.severity == "note":
            report.note(shown, problem.line, problem.column, problem.message,
                        problem.code, problem.detail)
        else:
            report.add(shown, problem.line, problem.column, Severity(problem.severity),
                       problem.message, problem.code)


def _mark(line: int, column: int):
    from toolkit.readers.yamlsource import Mark

    return Mark(line, column)


def _plain(value):
    """Drop position bookkeeping: citeproc wants ordinary dicts and lists."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


class Library:
    def __init__(self) -> None:
        self.entries: dict[str, LibraryEntry] = {}
        self.files: list[Path] = []
        self._resolved: set[str] = set()
        self._extra: dict[str, list] = {}  # file -> Zotero Extra lines kept out
        # Files a reference manager wrote (a whole library exported, most of it never
        # cited): shown name, as the entries' `file`.
        self.exports: set[str] = set()

    def __contains__(self, key: str) -> bool:
        return key.lower() in self.entries

    def get(self, key: str) -> LibraryEntry | None:
        return self.entries.get(key.lower())

    def __len__(self) -> int:
        return len(self.entries)

    @classmethod
    def load(cls, paths: Iterable[Path], report: Report, root: Path | None = None,
             inside: Path | None = None, store: ReadStore | None = None) -> Library:
        """`root`: the workspace (paths are shown relative to it); `inside`: the folder
        every file must stay inside (a link out of it is an error, not read); `store`:
        the files' texts as last read (library_reads.py)."""
        library = cls()
        collecting = gc.isenabled()
        gc.disable()  # a large library is 100,000s of objects and no cycles: collecting
        try:          # them again and again as they are made doubled the time to read it
            for path in sorted(paths):
                library._load_file(path, report, _display(path, root), inside, store)
        finally:
            if collecting:
                gc.enable()
        return library

    @classmethod
    def from_folder(cls, folder: Path, report: Report, root: Path | None = None,
                    store: ReadStore | None = None) -> Library:
        """Every library file under `folder` (citations/), which none may leave."""
        files = [p for p in folder.rglob("*") if p.suffix.lower() in READERS
                 and (p.is_file() or p.is_symlink())] if folder.is_dir() else []
        return cls.load(files, report, root, inside=folder, store=store)

    def _load_file(self, path: Path, report: Report, shown: str,
                   inside: Path | None = None, store: ReadStore | None = None) -> None:
        reader = READERS.get(path.suffix.lower())
        if reader is None:
            return
        self.files.append(path)
        try:
            read = _read(reader, path, read_text(path, inside), store)
        except YamlProblem as problem:
            report.error(shown, problem.mark.line, problem.mark.column, problem.message,
                         "citation-syntax")
            return
        except UnsafeFile as exc:
            report.error(shown, 1, 1, f"the file {exc.reason}", "unsafe-file")
            return
        except OSError as exc:
            report.error(shown, 1, 1, f"cannot read the file: {exc.strerror or exc}", "io")
            return
        _report(read, shown, report)
        if read.export or read.index or len(read.raws) > INDEX_ABOVE:
            self.exports.add(shown)
        if read.lazy or len(read.raws) > INDEX_ABOVE:  # a whole library: read what is cited
            report.note(shown, 1, 1, f"{len(read.raws):,} items indexed; an item is read "
                        "and checked when a case cites it", "citation-index", detail=True)
            for raw in read.raws:
                self._add_lazy(raw, shown, report, read)
            return
        for raw in read.raws:
            self._add(raw, shown, report)
        self._report_extra(shown, report)
        for span in read.index.spans if read.index else []:
            self._enter(LazyEntry(span.key, shown, span.line, read.index, span), report)

    def _report_extra(self, shown: str, report: Report, most: int = 10) -> None:
        """Zotero's Extra lines kept out of the items (--verbose): each item's, or for
        more than `most` items one line (a whole library exported)."""
        found = self._extra.pop(shown, [])
        if len(found) > most:
            line, column, key, _ = found[0]
            report.note(shown, line, column, f"{len(found):,} items carry Zotero Extra "
                        f"lines, which are not printed (the first: {key!r})",
                        "citation-extra", detail=True)
            return
        for line, column, key, leftover in found:
            report.note(shown, line, column, f"citation {key!r}: Zotero's Extra lines "
                        f"{leftover!r} are not printed", "citation-extra", detail=True)

    def resolve(self, keys: Iterable[str], report: Report) -> None:
        """Read the entries of indexed files that `keys` cite, and report what is wrong
        with them at their lines (call it once the cited keys are known)."""
        for key in keys:
            entry = self.entries.get(key.lower())
            if not isinstance(entry, LazyEntry | LazyItem) or key.lower() in self._resolved:
                continue
            self._resolved.add(key.lower())
            if isinstance(entry, LazyItem):
                try:
                    raw = entry.raw
                except YamlProblem as problem:  # an indexed CSL-YAML item, first read
                    report.error(entry.file, entry.line + problem.mark.line - 1,
                                 problem.mark.column, problem.message, "citation-syntax")
                    continue
                if not isinstance(raw, dict):
                    report.error(entry.file, entry.line, entry.column, "a citation entry "
                                 "must be a mapping of CSL fields", "citation-entry")
                    continue
                extracted = read_item(raw)
                entry.item = dict(extracted.item, id=entry.key)
                if extracted.leftover:
                    self._extra.setdefault(entry.file, []).append(
                        (entry.line, entry.column, entry.key, extracted.leftover))
                    self._report_extra(entry.file, report)
                check_item(entry.key, extracted.item, entry.file, entry.line,
                           entry.column, report)
                continue
            read = _bib_read(entry._index.entry(entry._span))
            _report(read, entry.file, report)
            for raw in read.raws:
                extracted = read_item(raw.item)
                entry.item = dict(extracted.item, id=entry.key)
                check_item(entry.key, extracted.item, entry.file, raw.line,
                           raw.column, report)

    def _add_lazy(self, raw: _Raw, shown: str, report: Report, read: _Read) -> None:
        if raw.item is None:  # an item of an indexed file: its key and place
            self._enter(LazyItem(raw.key, shown, raw.line, raw.column, None, read.text,
                                 raw.span, read.form), report)
            return
        key = quick_key(raw.item) if isinstance(raw.item, dict) else None
        if isinstance(key, str) and key.strip() and not key.startswith("@"):
            self._enter(LazyItem(key.strip(), shown, raw.line, raw.column, raw.item), report)
        else:
            self._add(raw, shown, report)  # its error, as for any file

    def _add(self, raw: _Raw, shown: str, report: Report) -> None:
        if not isinstance(raw.item, dict):
            report.error(shown, raw.line, raw.column, "a citation entry must be a mapping "
                         "of CSL fields", "citation-entry")
            return
        extracted = read_item(raw.item)
        raw = _Raw(extracted.key, extracted.item, raw.line, raw.column)
        if not isinstance(raw.key, str) or not raw.key.strip():
            found = "" if raw.key is None else f" (its 'id' is {raw.key!r})"
            report.error(shown, raw.line, raw.column, f"citation entry without an 'id'{found}"
                         "; give it the key you cite it by ('id' or 'citation-key')",
                         "citation-entry")
            return
        key = raw.key.strip()
        if key.startswith("@"):
            report.error(shown, raw.line, raw.column, f"citation key {key!r} starts with '@'; "
                         "write the key without it (the '@' belongs in the citation)",
                         "citation-entry")
            return
        entry = LibraryEntry(key, dict(raw.item, id=key), shown, raw.line, raw.column,
                             extracted.leftover)
        if extracted.leftover:
            self._extra.setdefault(shown, []).append((raw.line, raw.column, key,
                                                      extracted.leftover))
        if self._enter(entry, report):
            check_item(key, raw.item, shown, raw.line, raw.column, report)

    def _enter(self, entry: LibraryEntry, report: Report) -> bool:
        """Add `entry` unless its key is taken (an error naming both places)."""
        key = entry.key
        if (previous := self.entries.get(key.lower())) is not None:
            same = "" if previous.key == key else f" (as {previous.key!r}; keys ignore case)"
            report.error(entry.file, entry.line, entry.column, f"citation key {key!r} is "
                         f"defined twice: here and at {previous.place}{same}; rename or "
                         "remove one", "duplicate-citation-key")
            return False
        self.entries[key.lower()] = entry
        return True


def _display(path: Path, root: Path | None) -> str:
    shown = relative_name(path, root) if root is not None else None
    return str(path) if shown is None else shown
