"""A whole library exported from Zotero (issue 17): read once, indexed, and only the
entries a case cites parsed into citeproc's form, by `check` and by `build`; its
never-cited sources one note, so that `--strict` stays usable; fields and files beyond
the readers' bounds refused with file, line and the bound. Behaviour only: no test here
depends on a timing (benchmarks/library_scale.py measures them)."""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import REPO, TODAY
from toolkit import api
from toolkit.cli import cli
from toolkit.model.errors import Report
from toolkit.readers.library import Library
from toolkit.workspace.folders import Workspace

_spec = importlib.util.spec_from_file_location("library_scale",
                                               REPO / "benchmarks" / "library_scale.py")
library_scale = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(library_scale)

SIZE = 20_000

# What the short example case (claims/onerkhan.yaml) and the standard wording cite, taken
# from the example library: the hand-kept file beside the export.
HOUSE_KEYS = ("hrw-2021-kazakhstan-extremism", "hrc-gc-25", "hrc-gc-32",
              "nurlanuly-v-kazakhstan", "iccpr", "iccpr-op1", "gelazauskas-v-lithuania")


def _house() -> list[dict]:
    library = Library.from_folder(REPO / "citations", Report(), REPO)
    return [library.get(key).item for key in HOUSE_KEYS]


def _workspace(root: Path, fmt: str | None = None, n: int = SIZE) -> Workspace:
    """One case citing four hand-kept sources, and (with `fmt`) a whole-library export
    of `n` items beside them; the case also cites two of the export's items."""
    for folder in ("claims", "citations", "drafts"):
        (root / folder).mkdir(exist_ok=True)
    shutil.copytree(REPO / "templates", root / "templates")
    (root / "citations" / "house.json").write_text(json.dumps(_house(), indent=1),
                                                    encoding="utf-8")
    case = (REPO / "claims" / "onerkhan.yaml").read_text(encoding="utf-8")
    if fmt is not None:
        library = library_scale.make_library(root / "citations" / f"zotero.{fmt}", n, fmt)
        first, last = _keys(library, fmt)[0], _keys(library, fmt)[-1]
        anchor = "the prosecution had no evidence against him at all"
        assert anchor in case
        case = case.replace(anchor, f"{anchor} [@{first}; @{last}]", 1)
    (root / "claims" / "onerkhan.yaml").write_text(case, encoding="utf-8")
    return Workspace(root)


def _keys(path: Path, fmt: str) -> list[str]:
    if fmt == "json":
        return [item["citation-key"] for item in json.loads(path.read_text("utf-8"))]
    return re.findall(r"^@\w+\{([^,]+),", path.read_text("utf-8"), re.MULTILINE)


@pytest.fixture(scope="module", params=["json", "bib"])
def exported(request, tmp_path_factory):
    root = tmp_path_factory.mktemp(f"ws-{request.param}")
    return _workspace(root, request.param), request.param


def _count_parsing(monkeypatch) -> dict[str, int]:
    """How many items are read into citeproc's form: a CSL item through Zotero's
    conventions (read_item), a BibTeX entry through the parser (read_bibtex)."""
    import toolkit.readers.bibtex as bibtex
    import toolkit.readers.library as library

    calls = {"read_item": 0, "read_bibtex": 0}

    def counted(module, name):
        original = getattr(module, name)

        def wrapper(*args, **kwargs):
            calls[name] += 1
            return original(*args, **kwargs)
        monkeypatch.setattr(module, name, wrapper)

    counted(library, "read_item")
    counted(bibtex, "read_bibtex")  # imported where it is called (check need not load it)
    return calls


def test_check_of_a_20000_item_export_parses_only_the_two_cited_items(exported, monkeypatch):
    workspace, fmt = exported
    calls = _count_parsing(monkeypatch)
    result = api.check(workspace, workspace.case_files(), today=TODAY)
    assert result.report.errors == [] and result.report.warnings == []
    assert len(result.library) == SIZE + len(HOUSE_KEYS)
    # read_item: the hand-kept items, each when loaded, and the two cited export items;
    # read_bibtex: each cited entry of the indexed BibTeX export, by itself
    assert calls == {"read_item": len(HOUSE_KEYS) + 2,
                     "read_bibtex": 2 if fmt == "bib" else 0}


@pytest.mark.parametrize("public", [False, True])
def test_a_build_with_a_20000_item_export_parses_only_what_it_cites(exported, monkeypatch,
                                                                    public):
    workspace, fmt = exported
    import toolkit.redaction.redact as redact

    calls = _count_parsing(monkeypatch)
    redacted = []
    made = redact._RedactedEntry.__init__

    def counted(self, entry, version):
        redacted.append(entry.key)
        made(self, entry, version)
    monkeypatch.setattr(redact._RedactedEntry, "__init__", counted)
    result = api.build(workspace, workspace.case_files(), ["memo"], ["native"], today=TODAY,
                       public=public, force=True)
    assert result.failed == []
    text = next(iter(result.built)).paths[0].read_text(encoding="utf-8")
    assert calls == {"read_item": len(HOUSE_KEYS) + 2,
                     "read_bibtex": 2 if fmt == "bib" else 0}
    cited = [*_keys(workspace.citations / f"zotero.{fmt}", fmt)[::SIZE - 1]]
    if public:  # the entries the memo cites, each redacted once; none of the others
        assert len(redacted) == len(set(redacted)) and set(cited) <= set(redacted)
        assert len(redacted) <= len(HOUSE_KEYS) + 2
    else:
        assert redacted == []
    library = Library.from_folder(workspace.citations, Report(), workspace.root)
    library.resolve(cited, Report())
    for key in cited:  # both printed (a BibTeX title's braces are nocase spans)
        assert re.sub(r"<[^>]+>", "", library.get(key).item["title"])[:20] in text


def test_the_never_cited_sources_of_an_export_are_one_note_and_strict_passes(exported):
    workspace, fmt = exported
    report = api.check(workspace, workspace.case_files(), today=TODAY).report
    shown = [d for d in report.sorted(verbose=False) if d.code == "unused-source"]
    assert len(shown) == 1 and shown[0].severity.value == "note"
    assert shown[0].file == f"citations/zotero.{fmt}"
    assert f"{SIZE - 2:,} of the {SIZE:,} sources of this reference-manager export" in \
        shown[0].message
    listed = [d for d in report.sorted(verbose=True) if d.code == "unused-source"]
    assert len(listed) == 1 + SIZE - 2  # --verbose names each
    done = CliRunner().invoke(cli, ["check", "--strict", "--today", TODAY.isoformat(),
                                    "--workspace", str(workspace.root)])
    assert done.exit_code == 0, done.output
    assert done.output.count("never cited") == 1


def test_an_export_does_not_swallow_the_warnings_of_the_hand_kept_files(tmp_path):
    workspace = _workspace(tmp_path, "json", n=3_000)
    (workspace.citations / "more.yaml").write_text(
        "- id: forgotten\n  type: report\n  title: Never cited\n", encoding="utf-8")
    report = api.check(workspace, workspace.case_files(), today=TODAY).report
    (warning,) = [w for w in report.warnings if w.code == "unused-source"]
    assert warning.file == "citations/more.yaml" and "'forgotten'" in warning.message


def test_a_small_zotero_export_is_an_export_too(tmp_path):
    workspace = _workspace(tmp_path)
    items = [{"id": n, "type": "report", "title": f"Report {n}"} for n in range(3)]
    (workspace.citations / "zotero.json").write_text(json.dumps(items), encoding="utf-8")
    report = api.check(workspace, workspace.case_files(), today=TODAY).report
    assert [w for w in report.warnings if w.code == "unused-source"] == []
    (note,) = [d for d in report.sorted(verbose=False) if d.code == "unused-source"]
    assert "3 of the 3 sources" in note.message


def test_a_small_hand_kept_library_keeps_a_warning_for_each_never_cited_source(tmp_path):
    workspace = _workspace(tmp_path)
    (workspace.citations / "more.yaml").write_text("".join(
        f"- id: spare{n}\n  type: report\n  title: Spare {n}\n" for n in range(3)),
        encoding="utf-8")
    report = api.check(workspace, workspace.case_files(), today=TODAY).report
    assert [w.line for w in report.warnings if w.code == "unused-source"] == [1, 4, 7]


def test_a_broken_entry_far_down_a_large_bibtex_export_is_reported_at_its_line(tmp_path):
    path = library_scale.make_library(tmp_path / "zotero.bib", 5_000, "bib")
    text = path.read_text(encoding="utf-8")
    key = _keys(path, "bib")[4_990]
    start = text.index(f"{{{key},")
    broken = text[:start] + text[start:].replace("title = {{", "title = {{{", 1)
    path.write_text(broken, encoding="utf-8")
    report = Report()
    library = Library.load([path], report)
    line = broken[:start].count("\n") + 1
    assert [(e.line, key in e.message) for e in report.errors] == [(line, True)]
    assert key not in library and _keys(path, "bib")[4_991] in library


def test_a_json_syntax_error_far_down_a_large_export_is_reported_at_its_line(tmp_path):
    path = library_scale.make_library(tmp_path / "zotero.json", 5_000, "json")
    text = path.read_text(encoding="utf-8")
    at = text.rindex('"title"')
    path.write_text(text[:at] + '"title" "missing colon"' + text[at + 8:], encoding="utf-8")
    report = Report()
    Library.load([path], report)
    (error,) = report.errors
    assert error.line == text[:at].count("\n") + 1 and "JSON syntax error" in error.message


def test_a_cited_item_far_down_a_large_export_is_checked_at_its_line(tmp_path):
    items = json.loads((library_scale.make_library(tmp_path / "z.json", 3_000, "json"))
                       .read_text(encoding="utf-8"))
    items[-1]["type"] = "reprot"
    path = tmp_path / "z.json"
    text = json.dumps(items, indent="\t", ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
    report = Report()
    library = Library.load([path], report)
    assert report.errors == []  # not cited: not read
    key = items[-1]["citation-key"]
    library.resolve([key], report)
    (error,) = report.errors
    assert error.line == text[:text.index(f'"id": "{items[-1]["id"]}"')].count("\n") + 1
    assert "did you mean 'report'?" in error.message


def test_a_bibtex_field_beyond_the_bound_names_file_line_field_and_bound(tmp_path):
    from toolkit.readers.bibtex import MAX_VALUE_CHARS

    text = ("@report{small,\n  title = {Small},\n  date = {2020}\n}\n\n"
            "@report{huge,\n  title = {Huge},\n  date = {2021},\n"
            f"  abstract = {{{'word ' * (MAX_VALUE_CHARS // 5 + 1)}}}\n}}\n")
    (tmp_path / "citations").mkdir()
    (tmp_path / "citations" / "lib.bib").write_text(text, encoding="utf-8")
    report = Report()
    library = Library.from_folder(tmp_path / "citations", report, tmp_path)
    (error,) = report.errors
    assert (error.file, error.line) == ("citations/lib.bib", 9)
    assert "'huge'" in error.message and "'abstract'" in error.message
    assert f"more than the {MAX_VALUE_CHARS:,} a field may have" in error.message
    assert library.get("huge").item["title"] == "Huge"  # the entry is kept, the field not


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_a_csl_field_beyond_the_bound_names_file_line_and_bound(tmp_path, fmt):
    from toolkit.readers.csl_items import MAX_FIELD_CHARS

    huge = "word " * (MAX_FIELD_CHARS // 5 + 1)
    if fmt == "json":
        text = json.dumps([{"id": "small", "type": "report", "title": "S"},
                           {"id": "huge", "type": "report", "title": huge}], indent=1)
        line = text[:text.index('"id": "huge"')].count("\n") + 1  # the item's id
    else:
        text = f"- id: small\n  type: report\n  title: S\n- id: huge\n  type: report\n" \
               f"  title: {huge}\n"
        line = 4
    (tmp_path / f"lib.{fmt}").write_text(text, encoding="utf-8")
    report = Report()
    Library.load([tmp_path / f"lib.{fmt}"], report)
    (error,) = report.errors
    assert error.line == line and "citation 'huge': the field 'title'" in error.message
    assert f"more than the {MAX_FIELD_CHARS:,} a field may have" in error.message


def test_a_large_csl_yaml_export_is_indexed_and_a_cited_item_reads_as_a_full_read(
        tmp_path, monkeypatch):
    import toolkit.readers.library as library_module

    path = library_scale.make_library(tmp_path / "lib.yaml", 3_000, "yaml")
    report = Report()
    indexed = Library.load([path], report)
    assert report.errors == []
    assert all(entry._raw is None for entry in indexed.entries.values())  # places only
    monkeypatch.setattr(library_module, "INDEX_ABOVE", 10**9)  # read it whole
    whole = Library.load([path], Report())
    assert set(indexed.entries) == set(whole.entries)
    keys = [e.key for e in whole.entries.values()]
    indexed.resolve([keys[0], keys[1_500], keys[-1]], report)
    for key in (keys[0], keys[1_500], keys[-1]):
        mine, theirs = indexed.get(key), whole.get(key)
        assert (mine.item, mine.line, mine.column) == (theirs.item, theirs.line, theirs.column)
    assert report.errors == []


def test_a_syntax_error_in_an_indexed_csl_yaml_item_is_reported_at_its_line_when_cited(
        tmp_path):
    path = library_scale.make_library(tmp_path / "lib.yaml", 3_000, "yaml")
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    at = max(i for i, line in enumerate(lines) if line.startswith("  title: "))
    lines[at] = '  title: "an unclosed quote\n'
    path.write_text("".join(lines), encoding="utf-8")
    report = Report()
    library = Library.load([path], report)
    assert report.errors == []  # not cited: not read
    key = [e.key for e in library.entries.values()][-1]
    library.resolve([key], report)
    (error,) = report.errors
    assert error.file == str(path) and "YAML syntax error" in error.message
    assert at + 1 <= error.line <= len(lines)


def test_a_csl_yaml_file_not_in_the_plain_shape_is_read_whole_within_the_bound(tmp_path):
    from toolkit.readers.located import MAX_EXPANDED_NODES

    path = library_scale.make_library(tmp_path / "lib.yaml", 6_000, "yaml")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("type: report", "type: &kind report", 1), encoding="utf-8")
    report = Report()
    Library.load([path], report)  # an anchor: the index is unsure, the file read whole
    (error,) = report.errors
    assert f"a CSL-YAML file holds at most {MAX_EXPANDED_NODES:,} values" in error.message
    assert "CSL JSON or BibTeX" in error.message and error.line > 1


def test_a_mistyped_key_in_a_large_library_is_offered_the_closest_key(tmp_path):
    from toolkit.checks.close_keys import suggest_key

    path = library_scale.make_library(tmp_path / "z.json", 5_000, "json")
    report = Report()
    library = Library.load([path], report)
    key = _keys(path, "json")[2_345]
    assert suggest_key(key[:3] + key[4:], library) == f"; did you mean '{key}'?"
    assert suggest_key("zzzzqqqq", library) == ""


def test_make_library_is_seeded_and_writes_realistic_fields(tmp_path):
    first = library_scale.make_library(tmp_path / "a.bib", 200, "bib").read_text("utf-8")
    again = library_scale.make_library(tmp_path / "b.bib", 200, "bib").read_text("utf-8")
    assert first == again
    for field in ("urldate = ", "langid = ", "abstract = ", "keywords = ", "file = ",
                  "@article{", "@report{", "@book{", "@online{", "@jurisdiction{"):
        assert field in first


def test_a_large_json_export_keeps_its_text_not_its_items_and_reads_a_cited_one_whole(
        tmp_path):
    import pickle

    path = library_scale.make_library(tmp_path / "zotero.json", 3_000, "json")
    report = Report()
    library = Library.load([path], report)
    entries = list(library.entries.values())
    assert all(entry._raw is None for entry in entries)  # a place in the text only
    # what a build sends each worker process: about the file, not 3,000 dictionaries
    assert len(pickle.dumps(library)) < 1.5 * path.stat().st_size
    items = json.loads(path.read_text(encoding="utf-8"))
    (tmp_path / "one.json").write_text(json.dumps([items[2_999]]), encoding="utf-8")
    alone = Library.load([tmp_path / "one.json"], Report())
    key = items[2_999]["citation-key"]
    library.resolve([key], report)
    assert library.get(key).item == alone.get(key).item


@pytest.mark.parametrize("exported", [True, False])
def test_a_bibtex_export_of_a_few_hundred_entries_is_indexed_a_hand_kept_file_read_whole(
        tmp_path, exported):
    from toolkit.readers.bibtex_index import INDEX_EXPORT_ABOVE

    odd = {7: r"\oops{x}"}  # LaTeX no reader knows: a warning at the title's line
    entries = [f"@report{{r{n},\n  title = {{Report {odd.get(n, n)}}},\n  date = {{2020}},\n"
               + ("  file = {/home/u/Zotero/storage/r.pdf},\n" if exported else "") + "}\n"
               for n in range(INDEX_EXPORT_ABOVE + 1)]
    path = tmp_path / "lib.bib"
    path.write_text("\n".join(entries), encoding="utf-8")
    report = Report()
    library = Library.load([path], report)
    assert len(library) == INDEX_EXPORT_ABOVE + 1
    if exported:  # r7's field problem waits for a citation of r7
        assert report.errors == [] and report.warnings == []
        library.resolve(["r7"], report)
    per_entry = 6 if exported else 5
    assert [d.line for d in report.errors + report.warnings] == [per_entry * 7 + 2]


def test_a_csl_yaml_file_of_2000_items_with_names_is_read_whole():
    from toolkit.readers.csl_yaml_index import many_items

    item = "- id: k{n}\n  type: book\n  title: T\n  author:\n  - family: A\n  - family: B\n"
    text = "".join(item.format(n=n) for n in range(2_000))
    assert not many_items(text, 2_000) and many_items(text + item.format(n="x"), 2_000)
    indented = "references:\n" + "".join("  " + line + "\n" for line in text.splitlines())
    assert not many_items(indented, 2_000)
