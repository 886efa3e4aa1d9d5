import time

import pytest

from toolkit.readers.yamlsource import (
    LocatedDict,
    LocatedList,
    Mark,
    YamlProblem,
    locate,
    parse_yaml,
)


def test_every_key_and_value_remembers_its_line_and_column():
    data = parse_yaml("case:\n  id: x\nfacts:\n  - id: f1\n    date: 2020-05-19\n")
    assert isinstance(data, LocatedDict)
    assert data.key_marks["facts"] == Mark(3, 1)
    assert isinstance(data["facts"], LocatedList)
    assert locate(data, ("facts", 0, "date")) == Mark(5, 11)
    assert locate(data, ("facts", 0, "date"), key=True) == Mark(5, 5)


def test_dates_stay_text_so_impossible_ones_can_be_reported():
    data = parse_yaml("a: 2020-02-30\nb: 2020-05-19\n")
    assert data == {"a": "2020-02-30", "b": "2020-05-19"}


def test_scalars_keep_their_yaml_types():
    assert parse_yaml("a: 3\nb: true\nc: ~\nd: '3'\n") == {"a": 3, "b": True, "c": None, "d": "3"}


def test_locate_falls_back_to_the_nearest_container_for_a_missing_field():
    data = parse_yaml("case:\n  title: x\n")
    assert locate(data, ("case", "id")) == Mark(2, 3)


def test_a_block_scalar_points_at_its_first_line_of_text():
    data = parse_yaml("text: |\n  first\n  second\n")
    assert locate(data, ("text",)) == Mark(2, 3)


def test_duplicate_keys_are_refused_naming_the_first():
    with pytest.raises(YamlProblem) as info:
        parse_yaml("a: 1\nb: 2\na: 3\n")
    assert info.value.mark == Mark(3, 1)
    assert "duplicate key 'a' (first at line 1)" in info.value.message


def test_syntax_errors_carry_a_one_based_position():
    with pytest.raises(YamlProblem) as info:
        parse_yaml("a: [1, 2\nb: 3\n")
    assert info.value.message.startswith("YAML syntax error")
    assert info.value.mark.line >= 1


def test_alias_bomb_is_refused_quickly_without_expanding():
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        refs = ",".join(f"*a{i - 1}" for _ in range(10))
        lines.append(f"a{i}: &a{i} [{refs}]")
    started = time.perf_counter()
    with pytest.raises(YamlProblem) as info:
        parse_yaml("\n".join(lines) + "\n")
    assert "aliases" in info.value.message
    assert time.perf_counter() - started < 5  # generous: the point is it does not hang


def test_modest_aliases_and_merge_keys_are_accepted():
    data = parse_yaml("base: &b {x: 1, y: 2}\nother:\n  <<: *b\n  y: 3\n")
    assert data["other"] == {"x": 1, "y": 3}


def test_more_than_one_document_is_refused():
    with pytest.raises(YamlProblem) as info:
        parse_yaml("a: 1\n---\nb: 2\n")
    assert "more than one YAML document" in info.value.message


def test_custom_tags_are_refused():
    with pytest.raises(YamlProblem) as info:
        parse_yaml("a: !!python/object:os.system ls\n")
    assert "not allowed" in info.value.message


@pytest.mark.parametrize("text, line, column", [
    ("facts:\n  - id: f1\n\t  text: x\n", 3, 1),
    ("facts:\n  - id: f1\n  \ttext: x\n", 3, 3),
])
def test_a_tab_in_the_indentation_is_named_as_a_tab_where_it_is(text, line, column):
    with pytest.raises(YamlProblem) as info:
        parse_yaml(text)
    assert "a tab character" in info.value.message
    assert "spaces" in info.value.message
    assert (info.value.mark.line, info.value.mark.column) == (line, column)


def test_a_tab_inside_a_value_is_no_error():
    assert parse_yaml("a: one\ttwo\n") == {"a": "one\ttwo"}


@pytest.mark.parametrize("text, line", [
    ("facts:\n  - id: f1\n    text: x\n   - id: f2\n", 4),
    ("case:\n  title: T\n state: KZ\n", 3),
])
def test_a_misaligned_line_is_called_an_indentation_problem(text, line):
    with pytest.raises(YamlProblem) as info:
        parse_yaml(text)
    assert "indentation does not match" in info.value.message, info.value.message
    assert info.value.mark.line == line


# --- places inside long scalars (toolkit/readers/yaml_offsets.py) ----------------------------

LONG_SCALARS = (
    "a:\n  - 'it''s a ''quoted'' text with words'\n  - \"double quoted words here\"\n"
    "  - plain words on a line\n  - \"an \\\"escaped\\\" word\"\n"
    "b: |\n  first line\n\n  third   line words\n    indented more\n  last\n"
    "c: >\n  folded text\n  over lines\n")


def test_a_place_inside_a_scalar_is_the_same_by_arithmetic_as_by_searching(monkeypatch):
    import re

    import toolkit.readers.yamlsource as yamlsource
    from toolkit.readers.yamlsource import locate_within

    root = parse_yaml(LONG_SCALARS)
    paths = [("a", 0), ("a", 1), ("a", 2), ("a", 3), ("b",), ("c",)]
    found = {}
    for searching in (False, True):
        if searching:
            monkeypatch.setattr(yamlsource, "place", lambda *args: None)
        for path in paths:
            value = yamlsource._value_at(root, path)
            for word in re.finditer(r"\S+", value):
                mark = locate_within(root, path, word.start(), word.end())
                found.setdefault((path, word.start()), []).append(mark)
    assert all(fast == slow for fast, slow in found.values()), found
    assert found[(("b",), len("first line\n\n"))][0] == Mark(9, 3)  # "third"


def test_a_diagnostic_far_into_a_one_line_scalar_is_at_its_column():
    from toolkit.readers.yamlsource import locate_within

    filler = "word " * 200_000
    root = parse_yaml(f"case:\n  summary: {filler}[@missing] end\n")
    start = len(filler)
    assert locate_within(root, ("case", "summary"), start, start + 10) == \
        Mark(2, 12 + start)


@pytest.mark.parametrize("before", ["", "# é ¶ 日 😀\n", "# Жексебаев\n"])
def test_a_control_character_is_placed_at_its_column_after_non_ascii_text(before):
    """libyaml reports a refused character's offset in bytes of UTF-8: after a
    non-ASCII comment the column was one too far for each extra byte."""
    with pytest.raises(YamlProblem) as raised:
        parse_yaml(before + "title: A\x01b\n")
    assert (raised.value.mark.line, raised.value.mark.column) == (before.count("\n") + 1, 9)
