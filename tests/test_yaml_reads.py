"""The workspace's store of parsed YAML files (toolkit/readers/yaml_reads.py): a file
taken from it is the same located data the parser makes, mark for mark; a second
`covenant check` takes unchanged case files from it without parsing them (or importing
PyYAML) and gives the same diagnostics; an edited file, a file that does not parse and a
store holding what it never writes are all parsed afresh."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import REPO, TODAY, check_in_a_new_process
from toolkit import api
from toolkit.readers import yaml_compose, yaml_reads
from toolkit.readers.located import LocatedDict, LocatedList, YamlProblem
from toolkit.workspace.check import LIBRARY_READS, PARSED_YAML

# What the parser keeps beyond plain values: anchors and merge keys, block scalars, YAML
# 1.1 words and numbers kept as text, typed scalars, empty values, nested lists.
EDGES = """\
base: &base
  court: Almaty City Court
  level: first_instance
proceeding:
  <<: *base
  id: criminal
  date: 2020-08-02
flags: [true, NO, yes, on, 0123, 1_000, 1:20, 12, -3, 1.5, .inf, null, ~, '']
text: |
  A literal block
    keeps its indentation.
folded: >
  folded text
  over two lines
quoted: "a \\"quoted\\" value: with a colon"
single: 'it''s'
nested:
  - - inner
    - {a: 1, b: [x, y]}
  -
  - last
"""


def _same(a, b, where="root") -> None:
    """Values, marks and spans equal all the way down (what `==` on dicts ignores)."""
    assert type(a) is type(b), where
    if isinstance(a, LocatedDict):
        assert list(a) == list(b), where
        assert a.mark == b.mark and a.key_marks == b.key_marks, where
        assert a.value_marks == b.value_marks and a.value_spans == b.value_spans, where
        assert a.merged == b.merged, where
        for key in a:
            _same(a[key], b[key], f"{where}.{key}")
    elif isinstance(a, LocatedList):
        assert len(a) == len(b), where
        assert a.mark == b.mark and a.item_marks == b.item_marks, where
        assert a.item_spans == b.item_spans, where
        for index, (x, y) in enumerate(zip(a, b, strict=True)):
            _same(x, y, f"{where}[{index}]")
    else:
        assert a == b, where


def _texts() -> list[tuple[str, str]]:
    files = sorted(REPO.glob("claims/*.yaml")) + sorted(REPO.glob("claims/briefings/*.yaml"))
    return [("edges", EDGES)] + [(p.name, p.read_text(encoding="utf-8")) for p in files]


@pytest.mark.parametrize(("name", "text"), _texts(), ids=lambda v: v if len(v) < 40 else "")
def test_a_stored_file_is_the_parsed_file_mark_for_mark(name, text, tmp_path):
    parsed = yaml_compose.compose(text)
    store = yaml_reads.ParseStore(tmp_path / "parsed.json")
    _same(store.parse(text), parsed)  # parsed, then stored
    store.save()
    again = yaml_reads.ParseStore(tmp_path / "parsed.json")
    stored = again.parse(text)
    assert again.entries.changed is False  # taken from the store, not parsed
    _same(stored, parsed)
    assert stored.source == text


def test_merge_keys_and_yaml_words_survive_the_store(tmp_path):
    store = yaml_reads.ParseStore(tmp_path / "parsed.json")
    store.parse(EDGES)
    store.save()
    tree = yaml_reads.ParseStore(tmp_path / "parsed.json").parse(EDGES)
    assert tree["proceeding"]["court"] == "Almaty City Court"
    assert "court" in tree["proceeding"].merged  # the merge key that supplied it
    assert tree["flags"][:9] == [True, "NO", "yes", "on", "0123", "1_000", "1:20", 12, -3]
    assert tree["flags"][11:] == [None, None, ""]
    assert tree["flags"].item_spans[1].written == "NO"
    assert tree["flags"].item_spans[7].written == "12"  # a number keeps what was written


def test_a_file_that_does_not_parse_is_not_stored_and_fails_each_time(tmp_path):
    store = yaml_reads.ParseStore(tmp_path / "parsed.json")
    broken = "case:\n  id: x\n   title: misaligned\n"
    for _ in range(2):
        with pytest.raises(YamlProblem):
            store.parse(broken)
    store.save()
    assert not (tmp_path / "parsed.json").exists()


def test_an_edited_file_is_parsed_afresh_and_the_old_text_dropped(tmp_path):
    path = tmp_path / "parsed.json"
    store = yaml_reads.ParseStore(path)
    store.parse("a: 1\n")
    store.save()
    store = yaml_reads.ParseStore(path)
    assert store.parse("a: 2\n") == {"a": 2}
    store.save()
    assert len(yaml_reads.ParseStore(path).entries.kept) == 1


def test_a_store_holding_what_it_never_writes_is_parsed_afresh(tmp_path):
    path = tmp_path / "parsed.json"
    store = yaml_reads.ParseStore(path)
    honest = store.parse(EDGES)
    store.save()
    data = json.loads(path.read_text(encoding="utf-8"))
    for entry in data["parsed"].values():
        entry["e"][0][2] = "one"  # a key's line that is text
    path.write_text(json.dumps(data), encoding="utf-8")
    forged = yaml_reads.ParseStore(path)
    _same(forged.parse(EDGES), honest)
    assert forged.entries.changed  # parsed again, and the good reading replaces the forged one


def test_a_store_made_by_another_parser_version_is_not_used(tmp_path, monkeypatch):
    path = tmp_path / "parsed.json"
    store = yaml_reads.ParseStore(path)
    store.parse("a: 1\n")
    store.save()
    assert yaml_reads.ParseStore(path).entries.kept
    monkeypatch.setattr(yaml_reads, "LIBRARIES", ("PyYAML", "x"))
    assert yaml_reads.ParseStore(path).entries.kept == {}


def test_no_store_is_open_outside_a_check(example_workspace):
    api.check(api.workspace_of(example_workspace), today=TODAY)
    assert (example_workspace / PARSED_YAML).is_file()
    assert yaml_reads._open is None  # a build after a check parses afresh


def test_second_check_of_the_example_parses_nothing_and_reports_the_same(example_workspace):
    first = api.check(api.workspace_of(example_workspace), today=TODAY).report
    items, imported = check_in_a_new_process(
        example_workspace, "print('|'.join(map(str, r.items))); print('yaml' in sys.modules)")
    assert items == "|".join(map(str, first.items))
    assert imported == "False"


def _forge(path: Path, old: str, new: str) -> None:
    """Rewrite a store as a forger would: well-typed, but saying what the files do not."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_build_never_rests_on_the_stores(example_workspace):
    """The stores are type-checked, not proven to be the files' reading: a draft, which
    is filed, is built from the files themselves even when a forged store says otherwise
    (a case title and a source's title changed in .covenant/)."""
    api.check(api.workspace_of(example_workspace), today=TODAY)
    _forge(example_workspace / PARSED_YAML, "Askhat Zheksebaev v Kazakhstan", "FORGED v X")
    _forge(example_workspace / LIBRARY_READS, "Five-year prison sentence", "FORGED report")
    (output,) = api.build(api.workspace_of(example_workspace),
                          [example_workspace / "claims" / "zheksebaev.yaml"], ["memo"],
                          ["native"], today=TODAY).built
    text = output.paths[0].read_text(encoding="utf-8")
    assert "FORGED" not in text
    assert "Askhat Zheksebaev v Kazakhstan" in text and "Five-year prison sentence" in text


def test_a_check_of_one_file_keeps_the_other_files_parsed(example_workspace):
    workspace = api.workspace_of(example_workspace)
    api.check(workspace, today=TODAY)
    whole = len(yaml_reads.ParseStore(example_workspace / PARSED_YAML).entries.kept)
    api.check(workspace, [example_workspace / "claims" / "sultanov.yaml"], today=TODAY)
    assert len(yaml_reads.ParseStore(example_workspace / PARSED_YAML).entries.kept) == whole
    (example_workspace / "claims" / "sultanov.yaml").unlink()
    api.check(workspace, today=TODAY)  # a whole check drops the file that is gone
    assert len(yaml_reads.ParseStore(example_workspace / PARSED_YAML).entries.kept) == whole - 1


def test_a_store_nested_past_the_recursion_limit_is_ignored(example_workspace):
    first = api.check(api.workspace_of(example_workspace), today=TODAY).report
    (example_workspace / PARSED_YAML).write_text("[" * 100_000 + "]" * 100_000)
    again = api.check(api.workspace_of(example_workspace), today=TODAY).report
    assert list(map(str, again.items)) == list(map(str, first.items))
