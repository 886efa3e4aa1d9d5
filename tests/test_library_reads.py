"""The workspace's store of citation files as read (toolkit/readers/library_reads.py): a
second `covenant check` takes unchanged files from it without parsing them (or importing
bibtexparser), gives the same diagnostics and the same entries, reads afresh whatever
changed (the file, the readers' code), and trusts nothing in the store beyond its
types."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import TODAY, check_in_a_new_process
from toolkit import api
from toolkit.model.errors import Report
from toolkit.readers import library as library_module
from toolkit.readers.library import Library
from toolkit.readers.library_reads import ReadStore
from toolkit.workspace.check import LIBRARY_READS

BIB = """@report{ngo-2021,
  title = {Trials in the Dark},
  author = {{Human Rights Watch}},
  date = {2021-05-04},
  institution = {HRW},
}

@article{broken,
  title = {No closing brace
"""


def _library(folder: Path, store: ReadStore | None):
    report = Report()
    library = Library.from_folder(folder, report, folder.parent, store)
    return library, sorted(str(d) for d in report.items)


def _entries(library: Library) -> dict:
    return {key: (e.item, e.file, e.line, e.column) for key, e in library.entries.items()}


def _citations(tmp_path: Path) -> Path:
    folder = tmp_path / "citations"
    folder.mkdir()
    (folder / "own.bib").write_text(BIB, encoding="utf-8")
    (folder / "views.yaml").write_text("- id: view-1\n  type: legal_case\n  title: A v B\n",
                                       encoding="utf-8")
    return folder


def test_a_stored_read_gives_the_same_entries_and_diagnostics_as_parsing(tmp_path,
                                                                           monkeypatch):
    folder = _citations(tmp_path)
    store_path = tmp_path / "reads.json"
    store = ReadStore(store_path)
    parsed, parsed_report = _library(folder, store)
    store.save()
    assert len(ReadStore(store_path).entries.kept) == 2

    def refuse(*_):
        raise AssertionError("a file was parsed although the store held its reading")

    monkeypatch.setitem(library_module.READERS, ".bib", refuse)
    monkeypatch.setitem(library_module.READERS, ".yaml", refuse)
    stored, stored_report = _library(folder, ReadStore(store_path))
    assert _entries(stored) == _entries(parsed)
    assert stored_report == parsed_report
    assert any("broken" in line or "brace" in line for line in parsed_report)


def test_an_edited_file_is_read_afresh(tmp_path):
    folder = _citations(tmp_path)
    store_path = tmp_path / "reads.json"
    store = ReadStore(store_path)
    _library(folder, store)
    store.save()
    (folder / "views.yaml").write_text("- id: view-1\n  type: legal_case\n  title: C v D\n",
                                       encoding="utf-8")
    store = ReadStore(store_path)
    library, _ = _library(folder, store)
    assert library.get("view-1").item["title"] == "C v D"
    store.save()
    assert len(ReadStore(store_path).entries.kept) == 2  # the old reading is dropped


def test_a_store_made_by_other_readers_is_not_used(tmp_path, monkeypatch):
    folder = _citations(tmp_path)
    store_path = tmp_path / "reads.json"
    store = ReadStore(store_path)
    _library(folder, store)
    store.save()
    assert ReadStore(store_path).entries.kept
    monkeypatch.setattr("toolkit.readers.library_reads.LIBRARIES", ("bibtexparser", "x"))
    assert ReadStore(store_path).entries.kept == {}


def test_a_store_holding_what_it_never_writes_is_read_afresh(tmp_path):
    folder = _citations(tmp_path)
    store_path = tmp_path / "reads.json"
    store = ReadStore(store_path)
    honest, honest_report = _library(folder, store)
    store.save()
    data = json.loads(store_path.read_text(encoding="utf-8"))
    for entry in data["reads"].values():
        entry["raws"] = [["view-1", {"title": "forged"}, "one", 1]]  # a line that is text
        entry["problems"] = [[1, 1, "x", "fatal", "code", False]]  # no such severity
    store_path.write_text(json.dumps(data), encoding="utf-8")
    again, again_report = _library(folder, ReadStore(store_path))
    assert _entries(again) == _entries(honest)
    assert again_report == honest_report


def test_a_store_that_is_not_json_or_cannot_be_written_costs_only_speed(tmp_path):
    folder = _citations(tmp_path)
    store_path = tmp_path / "reads.json"
    store_path.write_text("{not json", encoding="utf-8")
    library, _ = _library(folder, ReadStore(store_path))
    assert "ngo-2021" in library
    blocked = tmp_path / "file" / "reads.json"
    (tmp_path / "file").write_text("a file where the store's folder would be")
    store = ReadStore(blocked)
    _library(folder, store)
    store.save()  # no exception: the check goes on without a store
    assert not blocked.exists()


def test_second_check_of_the_example_does_not_import_the_bibtex_parser(example_workspace):
    first = api.check(api.workspace_of(example_workspace), today=TODAY).report
    assert (example_workspace / LIBRARY_READS).is_file()
    (line,) = check_in_a_new_process(example_workspace,
                                     "print(len(r.items), 'bibtexparser' in sys.modules)")
    assert line.split() == [str(len(first.items)), "False"]
