"""The workspace's store of word facts (toolkit/redaction/word_store.py): a second
`covenant check` answers the name look-ups from it without loading the dictionaries, and
the store is data, never trusted beyond its types, never outside the workspace."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import TODAY
from toolkit import api
from toolkit.redaction import words
from toolkit.redaction.word_store import WordStore
from toolkit.workspace.check import WORD_FACTS


def _forget_in_memory():
    for look_up in (words.is_word, words.declensions, words.reading_of, words._russian,
                    words._english_list):
        look_up.cache_clear()


def _check(ws: Path):
    report = api.check(api.workspace_of(ws), today=TODAY).report
    return sorted(str(d) for d in report.items)


def test_second_check_answers_name_lookups_from_the_store_without_the_dictionaries(
        example_workspace, monkeypatch):
    _forget_in_memory()
    first = _check(example_workspace)
    store = json.loads((example_workspace / WORD_FACTS).read_text(encoding="utf-8"))
    assert store["declensions"]  # the Russian example's monitor was declined
    _forget_in_memory()

    def refuse():
        raise AssertionError("the dictionary was loaded although the store knew the answer")

    monkeypatch.setattr(words, "_russian", refuse)
    monkeypatch.setattr(words, "_english_list", refuse)
    assert _check(example_workspace) == first


def test_a_store_made_with_other_dictionaries_or_rules_is_not_used(tmp_path):
    path = tmp_path / "facts.json"
    made = WordStore(path, "pymorphy3=1.0")
    made.put("is_word", "Мороз", True)
    made.save()
    assert WordStore(path, "pymorphy3=1.0").get("is_word", "Мороз") == (True, True)
    assert WordStore(path, "pymorphy3=2.0").get("is_word", "Мороз") == (False, None)


def test_a_store_holding_other_values_than_it_writes_keeps_only_the_valid_ones(tmp_path):
    path = tmp_path / "facts.json"
    path.write_text(json.dumps({"stamp": "s", "is_word": {"A": "yes", "B": False},
                                "declensions": {"given\tC": ["c", 3], "family\tD": ["d"]},
                                "reading_of": {"E": ["family"], "F": "family"}}))
    store = WordStore(path, "s")
    assert store.get("is_word", "A") == (False, None)
    assert store.get("is_word", "B") == (True, False)
    assert store.get("declensions", "given\tC") == (False, None)
    assert store.get("declensions", "family\tD") == (True, ["d"])
    assert store.get("reading_of", "E") == (False, None)
    assert store.get("reading_of", "F") == (True, "family")


@pytest.mark.parametrize("content", ["", "{not json", "[1, 2]", '{"stamp": "s", "is_word": 7}'])
def test_a_broken_store_is_ignored_and_replaced(tmp_path, content):
    path = tmp_path / "facts.json"
    path.write_text(content)
    store = WordStore(path, "s")
    assert store.get("is_word", "A") == (False, None)
    store.put("is_word", "A", True)
    store.save()
    assert json.loads(path.read_text())["is_word"] == {"A": True}


def test_a_store_that_cannot_be_written_costs_only_speed(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("")
    store = WordStore(blocked / "facts.json", "s")  # its folder is a file
    store.put("is_word", "A", True)
    store.save()  # no exception
    assert store.changed


def test_the_store_is_written_in_the_workspace_and_nowhere_else(example_workspace,
                                                                  tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    _forget_in_memory()
    _check(example_workspace)
    assert (example_workspace / WORD_FACTS).is_file()
    assert list(home.rglob("*")) == []
