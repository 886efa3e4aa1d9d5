"""Behaviour at sizes far beyond a typical case (issue 17): the code paths made linear
keep their output, whatever the size. No timings: benchmarks/scale.py measures those."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO, TODAY, run_build
from toolkit.model.bounds import INLINE_NESTING, PARAGRAPH_CHARACTERS, WORD_CHARACTERS
from toolkit.model.document import Document, Emph, NoteRef, Paragraph, Text
from toolkit.passes import notes
from toolkit.readers.markdown import parse_markdown
from toolkit.workspace.check import check_workspace
from toolkit.workspace.folders import Workspace
from toolkit.writers.native import inline_text
from toolkit.writers.weasyprint_speed import WaitingFootnotes


def _notes_pass(markdown: str) -> Document:
    document = Document("memo", "Test", parse_markdown(markdown, "claims/t.yaml:1"))
    notes.run(document, None)  # the notes pass reads nothing from its context
    return document


def test_a_fact_with_3000_notes_keeps_every_number_text_and_call_in_place():
    count = 3000
    text = " ".join(f"Sentence {i} [@src-{i}, para {i}]." if i % 2
                    else f"Sentence {i}.^[Remark {i}.]" for i in range(count))
    document = _notes_pass(text + "\n")
    assert [n.number for n in document.notes] == list(range(1, count + 1))
    for i, note in enumerate(document.notes):
        if i % 2:
            assert note.children[0].items[0].key == f"src-{i}"
        else:
            assert inline_text(note.children) == f"Remark {i}."
    (paragraph,) = document.blocks
    # Each call follows its sentence's full stop, which moved before it: "Sentence 1.¹"
    expected = []
    for i in range(count):
        expected.append(Text(("" if i == 0 else " ") + f"Sentence {i}."))
        expected.append(NoteRef(document.notes[i]))
    assert len(paragraph.children) == len(expected)
    for got, want in zip(paragraph.children, expected, strict=True):
        assert type(got) is type(want)
        if isinstance(want, Text):
            assert got.text == want.text
        else:
            assert got.note is want.note


def test_thousands_of_markers_the_parser_leaves_as_text_keep_every_character():
    markers = "*_" * 5000
    blocks = parse_markdown("Before " + markers + "word" + markers[::-1] + " after.\n")
    (paragraph,) = blocks
    assert isinstance(paragraph, Paragraph)
    shown = "".join(_plain(node) for node in paragraph.children)
    assert shown.replace("*", "").replace("_", "") == "Before word after."
    # adjacent text is one run: no two Text nodes side by side
    for left, right in zip(paragraph.children, paragraph.children[1:], strict=False):
        assert not (type(left) is Text and type(right) is Text)


def _plain(node) -> str:
    if isinstance(node, Text):
        return node.text
    if isinstance(node, Emph):
        return "".join(_plain(c) for c in node.children)
    return "".join(_plain(c) for c in getattr(node, "children", []))


class _Box:  # like WeasyPrint's boxes: compared by identity
    pass


def test_the_waiting_footnotes_answer_in_exactly_as_a_list_does():
    rng = random.Random(3)
    boxes = [_Box() for _ in range(40)]
    plain, waiting = [], WaitingFootnotes()
    for _ in range(3000):
        box = rng.choice(boxes)
        operation = rng.choice(["append", "remove", "insert", "pop", "extend", "setitem",
                                "delitem", "clear", "copy"])
        if operation == "append":
            plain.append(box)
            waiting.append(box)
        elif operation == "remove" and box in plain:
            plain.remove(box)
            waiting.remove(box)
        elif operation == "insert":
            plain.insert(3, box)
            waiting.insert(3, box)
        elif operation == "pop" and plain:
            assert plain.pop(0) is waiting.pop(0)
        elif operation == "extend":
            plain.extend(boxes[:2])
            waiting.extend(boxes[:2])
        elif operation == "setitem" and plain:
            plain[0] = box
            waiting[0] = box
        elif operation == "delitem" and len(plain) > 2:
            del plain[1:2]
            del waiting[1:2]
        elif operation == "clear" and rng.random() < 0.05:
            plain.clear()
            waiting.clear()
        elif operation == "copy":
            waiting = WaitingFootnotes(waiting.copy())
        assert list(waiting) == plain
        assert [b in waiting for b in boxes] == [b in plain for b in boxes]
        assert None not in waiting
    with pytest.raises(ValueError):
        WaitingFootnotes().remove(boxes[0])


# ---------------------------------------------------------------- bounds

SULTANOV_FACT = ("Police arrested Mr Sultanov and took him to Taldikorgan to be questioned. "
                 "He asked\n      for a State-appointed lawyer, but the investigator ignored "
                 "the request. He was\n      given neither the search warrant nor any other "
                 "case document.")
# the fact's line in the shipped example (its comments may grow)
FACT_LINE = next(number for number, line in enumerate(
    (REPO / "claims" / "sultanov.yaml").read_text(encoding="utf-8").splitlines(), start=1)
    if "Police arrested Mr Sultanov" in line)


def _fact_of(ws: Path, text: str) -> Path:
    """claims/sultanov.yaml with its fact (at FACT_LINE) replaced by `text` (one line per
    paragraph, as a block scalar)."""
    case = ws / "claims" / "sultanov.yaml"
    source = case.read_text(encoding="utf-8")
    assert SULTANOV_FACT in source
    case.write_text(source.replace(SULTANOV_FACT, text.replace("\n", "\n      "), 1),
                    encoding="utf-8")
    return case


def _bound_errors(ws: Path, case: Path) -> list:
    result = check_workspace(Workspace(ws), [case], TODAY)
    return [d for d in result.report.errors if d.code == PARAGRAPH_CHARACTERS.code]


def _words(count: int) -> str:
    """Exactly `count` characters of prose."""
    text = ("Свидетель показал, что участники вели себя мирно. " * (count // 40 + 1))
    text = text[:count - 1]
    return (text[:-1] + "a" if text.endswith(" ") else text) + "."


def test_a_paragraph_exactly_at_the_bound_passes_and_one_character_more_fails(ws):
    limit = PARAGRAPH_CHARACTERS.limit
    text = _words(limit)
    assert len(text) == limit and len(_words(limit + 1)) == limit + 1
    assert _bound_errors(ws, _fact_of(ws, text)) == []
    shutil.copy(REPO / "claims" / "sultanov.yaml", ws / "claims" / "sultanov.yaml")
    (error,) = _bound_errors(ws, _fact_of(ws, "x" + text))
    assert (error.file, error.line, error.column) == ("claims/sultanov.yaml", FACT_LINE, 7)
    assert f"{limit + 1:,} characters" in error.message
    assert "facts[" in error.message and "blank lines" in error.message


def test_the_bound_is_per_paragraph_and_names_the_line_of_the_long_one(ws):
    limit = PARAGRAPH_CHARACTERS.limit
    text = _words(limit) + "\n\n" + _words(limit)  # each at the bound: the text passes
    assert _bound_errors(ws, _fact_of(ws, text)) == []
    shutil.copy(REPO / "claims" / "sultanov.yaml", ws / "claims" / "sultanov.yaml")
    (error,) = _bound_errors(ws, _fact_of(ws, "Short.\n\n" + _words(limit + 1)))
    assert error.line == FACT_LINE + 2  # the second paragraph, after the blank line


def test_a_case_past_a_bound_is_not_built(ws):
    case = _fact_of(ws, _words(PARAGRAPH_CHARACTERS.limit + 1))
    result = run_build(ws, str(case), "--to", "native")
    assert result.exit_code == 1
    assert PARAGRAPH_CHARACTERS.code in result.output or "characters" in result.output
    assert not (ws / "drafts" / "sultanov" / "memo.native.txt").exists()


def _nested(levels: int) -> str:
    """Emphasis `levels` deep: *w0 _w1 *w2 … x … w2* w1_ w0*"""
    marks = ["*" if i % 2 == 0 else "_" for i in range(levels)]
    return ("".join(f"{m}w{i} " for i, m in enumerate(marks)) + "x"
            + "".join(f" w{i}{m}" for i, m in reversed(list(enumerate(marks)))))


def test_emphasis_nested_exactly_to_the_bound_builds_and_one_level_more_fails(ws):
    limit = INLINE_NESTING.limit
    case = _fact_of(ws, _nested(limit))
    errors = check_workspace(Workspace(ws), [case], TODAY).report.errors
    assert [e for e in errors if "inside one another" in e.message] == []
    result = run_build(ws, str(case), "--to", "native,docx")
    assert result.exit_code == 0, result.output
    shutil.copy(REPO / "claims" / "sultanov.yaml", ws / "claims" / "sultanov.yaml")
    case = _fact_of(ws, _nested(limit + 1))
    errors = check_workspace(Workspace(ws), [case], TODAY).report.errors
    (error,) = [e for e in errors if "inside one another" in e.message]
    assert (error.file, error.line) == ("claims/sultanov.yaml", FACT_LINE)
    assert f"{limit + 1} levels" in error.message


def test_thousands_of_nested_levels_are_an_error_not_a_crash(ws):
    case = _fact_of(ws, _nested(5000))
    result = run_build(ws, str(case), "--to", "native")
    assert result.exit_code == 1
    assert "inside one another" in result.output and "Recursion" not in result.output


def test_a_word_exactly_at_the_bound_passes_and_one_character_more_fails(ws):
    limit = WORD_CHARACTERS.limit
    word = "з" * limit
    link = f"[the record](https://example.org/{'a' * 3000})"  # a destination is not laid out
    case = _fact_of(ws, f"He wrote {word} and {link}.")
    errors = check_workspace(Workspace(ws), [case], TODAY).report.errors
    assert [e for e in errors if e.code == WORD_CHARACTERS.code] == []
    shutil.copy(REPO / "claims" / "sultanov.yaml", ws / "claims" / "sultanov.yaml")
    case = _fact_of(ws, f"He wrote\n{word}з and then\nleft.")
    errors = check_workspace(Workspace(ws), [case], TODAY).report.errors
    (error,) = [e for e in errors if e.code == WORD_CHARACTERS.code]
    assert (error.file, error.line) == ("claims/sultanov.yaml", FACT_LINE + 1)
    assert f"{limit + 1:,} characters without a space" in error.message


def test_ten_thousand_emphasis_markers_without_a_space_are_refused_at_once(ws):
    markers = "*_" * 5000
    case = _fact_of(ws, f"Before {markers}word{markers[::-1]} after.")
    errors = check_workspace(Workspace(ws), [case], TODAY).report.errors
    assert [e.line for e in errors if e.code == WORD_CHARACTERS.code] == [FACT_LINE]


def test_the_kept_page_references_follow_every_page_added():
    import pydyf

    from toolkit.writers import weasyprint_speed

    if not weasyprint_speed.apply():
        pytest.skip(f"written for WeasyPrint {weasyprint_speed.CHECKED_VERSIONS}")
    original = pydyf.PDF.page_references.fget.original
    pdf = pydyf.PDF()
    for _ in range(3):
        pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
        assert pdf.page_references == original(pdf)
        assert pdf.page_references is pdf.page_references  # kept, not built again
    assert len(pdf.page_references) == 3
