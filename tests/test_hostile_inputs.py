"""Inputs that used to be dropped without a word, crash with a traceback or hang
(issue 23): each ends in a clear `file:line: error: ...` or a one-line
`covenant: error: ...` with exit status 1 (2 for misuse), and content is never lost
silently."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO, TODAY
from tests.conftest import run_build as build
from tests.test_malformed_corpus import CASES, LIBRARY
from toolkit.files import templates as bounds
from toolkit.workspace.check import check_workspace
from toolkit.workspace.folders import Workspace


def covenant(*args: str, cwd: Path, env: dict | None = None, timeout: int = 120):
    """The real command, as a user runs it: what reaches the terminal, and the status."""
    return subprocess.run([sys.executable, "-m", "toolkit", *args], cwd=cwd,
                          env={**os.environ, **(env or {})}, capture_output=True,
                          text=True, timeout=timeout)


def with_fact_text(ws: Path, old: str, new: str) -> Path:
    case = ws / "claims" / "sultanov.yaml"
    text = case.read_text(encoding="utf-8")
    assert old in text
    case.write_text(text.replace(old, new, 1), encoding="utf-8")
    return case


def built_native(ws: Path, case: Path) -> str:
    """The memo of `case` as native text, which must check and build cleanly."""
    assert errors_of(ws, case) == []
    result = build(ws, str(case), "--to", "native")
    assert result.exit_code == 0, result.output
    return (ws / "drafts" / "sultanov" / "memo.native.txt").read_text(encoding="utf-8")


def errors_of(ws: Path, case: Path) -> list[tuple[int, int, str]]:
    result = check_workspace(Workspace(ws), [case], TODAY)
    return [(d.line, d.column, d.message) for d in result.report.errors]


FACT = "Police arrested Mr Sultanov"  # the start of a fact's text, at column 7
# the line of that text in the shipped example (its comments may grow)
FACT_LINE = next(number for number, line in enumerate(
    (REPO / "claims" / "sultanov.yaml").read_text(encoding="utf-8").splitlines(), start=1)
    if FACT in line)


# ---------------------------------------------------------------- Markdown


def test_a_block_quote_nested_past_the_parsers_limit_is_an_error_at_its_line(ws):
    case = with_fact_text(ws, FACT, "Police\n\n" + "      " + "> " * 21 + "deep[^a]\n\n"
                          "      [^a]: the note that vanished\n\n      arrested Mr Sultanov")
    text = case.read_text(encoding="utf-8")
    (error,) = errors_of(ws, case)
    line = text.splitlines().index("      " + "> " * 21 + "deep[^a]") + 1
    assert error[:2] == (line, 7)
    assert "nests block quotes or lists too deeply" in error[2]


def test_a_block_quote_just_inside_the_limit_is_kept_with_its_note(ws):
    case = with_fact_text(ws, FACT, "Police\n\n" + "      " + "> " * 19 + "deep[^a]\n\n"
                          "      [^a]: the deep note\n\n      arrested Mr Sultanov")
    native = built_native(ws, case)
    assert 'Para "deep^' in native and '"The deep note."' in native


def test_a_footnote_label_defined_in_two_facts_is_an_error_at_the_second(ws):
    case = ws / "claims" / "sultanov.yaml"
    text = case.read_text(encoding="utf-8")
    lines = text.splitlines()
    facts = [i for i, line in enumerate(lines) if line.startswith("    text: |")]
    assert len(facts) >= 2
    for index in facts[:2]:
        lines[index + 1] += " Noted.[^1]\n\n      [^1]: a note of this fact.\n"
    case.write_text("\n".join(lines) + "\n", encoding="utf-8")
    text = case.read_text(encoding="utf-8").splitlines()
    definitions = [i + 1 for i, line in enumerate(text) if "[^1]: a note" in line]

    (error,) = errors_of(ws, case)

    assert error[0] == definitions[1]
    assert error[2].startswith("footnote [^1] is also defined in facts[") and \
        f"(line {definitions[0]})" in error[2]


def test_a_footnote_label_defined_twice_in_one_text_is_an_error(ws):
    case = with_fact_text(ws, FACT, "Police[^n] x[^n]\n\n      [^n]: one\n\n      [^n]: two\n\n"
                          "      arrested Mr Sultanov")
    (error,) = errors_of(ws, case)
    assert "footnote [^n] is defined 2 times" in error[2]


def test_a_footnote_inside_a_footnote_is_an_error_at_the_fact(ws):
    case = with_fact_text(ws, FACT, "Police ^[outer ^[inner] note] arrested Mr Sultanov")
    (error,) = errors_of(ws, case)
    assert error[:2] == (FACT_LINE, 7)
    assert "a footnote is written inside another footnote" in error[2]
    result = build(ws, str(case), "--to", "native,docx")
    assert result.exit_code == 1 and "InlineNote" not in result.output


def test_distinct_labels_in_two_facts_both_keep_their_notes(ws):
    case = ws / "claims" / "sultanov.yaml"
    lines = case.read_text(encoding="utf-8").splitlines()
    facts = [i for i, line in enumerate(lines) if line.startswith("    text: |")]
    for number, index in enumerate(facts[:2]):
        lines[index + 1] += f" Noted.[^n{number}]\n\n      [^n{number}]: note number {number}.\n"
    case.write_text("\n".join(lines) + "\n", encoding="utf-8")
    native = built_native(ws, case)
    assert '"Note number 0."' in native and '"Note number 1."' in native


# ---------------------------------------------------------------- the citation library


def test_a_bibtex_string_doubling_bomb_is_an_error_not_a_memory_error(ws):
    lines = ['@string{a0 = "xx"}'] + [f"@string{{a{i} = a{i - 1} # a{i - 1}}}"
                                      for i in range(1, 40)]
    (ws / "citations" / "bomb.bib").write_text("\n".join(lines) + "\n@book{k, title = a39}\n",
                                               encoding="utf-8")
    result = check_workspace(Workspace(ws), [ws / "claims" / "sultanov.yaml"], TODAY)
    (error,) = result.report.errors
    assert error.file == "citations/bomb.bib"
    assert "expands to more than 100,000 characters" in error.message
    # the boundary: macros that stay small are still read
    (ws / "citations" / "bomb.bib").write_text("\n".join(lines[:10]) + "\n@book{k, title = a9,"
                                               " author = {Doe, J}, year = 2020}\n",
                                               encoding="utf-8")
    result = check_workspace(Workspace(ws), [ws / "claims" / "sultanov.yaml"], TODAY)
    assert result.report.errors == [] and len(result.library.get("k").item["title"]) == 1024


def test_csl_json_nested_100000_deep_is_an_error_at_its_line(ws):
    (ws / "citations" / "deep.json").write_text("[\n" + "[" * 100_000 + "]" * 100_000 + "\n]",
                                                encoding="utf-8")
    result = check_workspace(Workspace(ws), [ws / "claims" / "sultanov.yaml"], TODAY)
    (error,) = result.report.errors
    assert (error.file, error.line) == ("citations/deep.json", 2)
    assert "nested too deeply" in error.message


def test_a_nul_in_a_bibtex_title_does_not_break_citation_cleaning(ws):
    (ws / "citations" / "nul.bib").write_text(
        "@book{nulbook, title = {A \x00 title}, author = {Doe, Jane}, year = {2020}}\n",
        encoding="utf-8")
    case = with_fact_text(ws, FACT, "Police [@nulbook] arrested Mr Sultanov")
    result = build(ws, str(case), "--to", "native")
    assert result.exit_code == 0, result.output
    assert "A title" in (ws / "drafts/sultanov/memo.native.txt").read_text(encoding="utf-8")


# ---------------------------------------------------------------- templates


def _section(ws: Path, text: str) -> Path:
    path = ws / "templates" / "memo" / "sections" / "15-extra.md.j2"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_template_multiplying_text_past_the_limit_is_refused_naming_it(ws):
    section = _section(ws, "{{ 'x' * 10**10 }}\n")
    result = build(ws, str(ws / "claims" / "sultanov.yaml"), "--to", "native")
    assert result.exit_code == 1
    assert f"{section}" in result.stderr and "more than 20,000,000" in result.stderr


@pytest.mark.parametrize("call", ["'x'.center(10**10)", "'x' | center(10**10)",
                                  "lipsum(10**9)"])
def test_a_template_passing_a_huge_number_to_a_function_is_refused(ws, call):
    _section(ws, "{{ " + call + " }}\n")
    result = build(ws, str(ws / "claims" / "sultanov.yaml"), "--to", "native")
    assert result.exit_code == 1
    assert "passes a number over 20,000,000" in result.stderr, result.output


def test_a_template_loop_that_runs_too_long_is_stopped(ws, monkeypatch):
    monkeypatch.setattr(bounds, "RENDER_SECONDS", 1.0)
    section = _section(ws, "{% for i in range(99999) %}{% for j in range(99999) %}"
                       "{% endfor %}{% endfor %}\n")
    result = build(ws, str(ws / "claims" / "sultanov.yaml"), "--to", "native")
    assert result.exit_code == 1
    assert f"{section}: rendering took more than 1 s" in result.stderr


def test_a_template_writing_past_the_output_limit_is_stopped(ws, monkeypatch):
    monkeypatch.setattr(bounds, "MAX_OUTPUT_CHARS", 10_000)
    _section(ws, "{% for i in range(5000) %}{{ i }} words {% endfor %}\n")
    result = build(ws, str(ws / "claims" / "sultanov.yaml"), "--to", "native")
    assert result.exit_code == 1
    assert "writes more than 10,000 characters" in result.stderr
    _section(ws, "{% for i in range(100) %}{{ i }} words {% endfor %}\n")  # under it
    assert build(ws, str(ws / "claims" / "sultanov.yaml"), "--to", "native").exit_code == 0


def test_a_jinja_error_in_style_css_names_the_stylesheet(ws):
    style = ws / "templates" / "memo" / "style.css"
    style.write_text("body { color: {{ nope( }; }\n", encoding="utf-8")
    result = build(ws, str(ws / "claims" / "sultanov.yaml"), "--to", "html")
    assert result.exit_code == 1
    assert f"{style}:1: template error" in result.stderr, result.output


def _zip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_a_zip_bomb_frame_docx_is_refused_before_it_is_inflated(ws):
    frame = ws / "templates" / "memo" / "frame.docx"
    frame.write_bytes(_zip({"word/document.xml": b"<" + b" " * (80 * 2**20)}))
    assert frame.stat().st_size < 2**20
    result = build(ws, str(ws / "claims" / "sultanov.yaml"), "--to", "docx")
    assert result.exit_code == 1
    assert f"{frame}: its 1 parts unpack to 83,886,081 bytes" in result.stderr


def test_a_truncated_frame_docx_says_so(ws):
    frame = ws / "templates" / "memo" / "frame.docx"
    frame.write_bytes(frame.read_bytes()[:3000])
    result = build(ws, str(ws / "claims" / "sultanov.yaml"), "--to", "docx")
    assert result.exit_code == 1
    assert "truncated or damaged" in result.stderr and "Package not found" not in result.stderr


# ---------------------------------------------------------------- the command line


def test_a_misspelt_style_is_a_one_line_error_with_exit_status_2(ws):
    done = covenant("build", "claims/sultanov.yaml", "--to", "native", "--style", "oscolaa",
                    cwd=ws)
    assert done.returncode == 2
    assert done.stderr.startswith("covenant: error: --style: citation style 'oscolaa' not "
                                  "found"), done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("epoch", ["99999999999999999", "-5", "1e9", "soon"])
def test_source_date_epoch_out_of_range_is_a_one_line_error(ws, epoch):
    done = covenant("build", "claims/sultanov.yaml", "--to", "native", cwd=ws,
                    env={"SOURCE_DATE_EPOCH": epoch})
    assert done.returncode == 2
    assert "covenant: error: SOURCE_DATE_EPOCH must be whole seconds" in done.stderr
    assert "Traceback" not in done.stderr


def test_schema_to_an_unwritable_place_is_a_one_line_error(tmp_path):
    (tmp_path / "a-file").write_text("x")
    done = covenant("schema", "-o", str(tmp_path / "a-file" / "schema.json"), cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr.startswith(f"covenant: error: {tmp_path / 'a-file' / 'schema.json'}: "
                                  "cannot write the schema there")
    assert "Traceback" not in done.stderr


def test_init_where_a_folder_cannot_be_made_is_a_one_line_error(tmp_path):
    (tmp_path / "a-file").write_text("x")
    done = covenant("init", str(tmp_path / "a-file" / "workspace"), cwd=tmp_path)
    assert done.returncode == 1
    assert "cannot create the workspace there" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_whole_malformed_corpus_prints_no_traceback(tmp_path):
    """Every corpus file checked and built at once, and one by one for the file that
    once killed the checker: messages only, never a traceback."""
    shutil.copytree(CASES, tmp_path / "claims")
    (tmp_path / "citations").mkdir()
    shutil.copyfile(LIBRARY, tmp_path / "citations" / LIBRARY.name)
    shutil.copytree(REPO / "templates", tmp_path / "templates")
    runs = [("check",), ("check", "--format", "json"),
            ("build", "claims", "--to", "native"),
            ("build", "claims", "--kind", "communication", "--to", "native")]
    for args in runs:
        done = covenant(*args, cwd=tmp_path, timeout=300)
        assert done.returncode == 1, (args, done.stderr[-2000:])
        assert "Traceback" not in done.stdout + done.stderr, (args, done.stderr[-3000:])


# ---------------------------------------------------------------- messages that say where


def _written(ws: Path, text: str) -> Path:
    case = ws / "claims" / "sultanov.yaml"
    case.write_text(text, encoding="utf-8")
    return case


@pytest.mark.parametrize("key", ["null", "~"])
def test_an_empty_key_is_named_as_such_not_a_duplicate_of_none(ws, key):
    original = (ws / "claims" / "sultanov.yaml").read_text(encoding="utf-8")
    case = _written(ws, original.replace("\ncase:", f"\n{key}: 1\ncase:", 1))
    line = case.read_text(encoding="utf-8").splitlines().index(f"{key}: 1") + 1
    assert errors_of(ws, case) == [(line, 1, f"a mapping key may not be empty ({key} is "
                                    "YAML's empty value); write the field's name")]


def test_a_raw_control_character_is_reported_at_its_line_and_column(ws):
    original = (ws / "claims" / "sultanov.yaml").read_text(encoding="utf-8")
    case = _written(ws, original.replace("  title: Abaibek", "  title: A\x01baibek", 1))
    line = next(i for i, text in enumerate(case.read_text(encoding="utf-8").splitlines(), 1)
                if "A\x01baibek" in text)
    (error,) = errors_of(ws, case)
    assert error[:2] == (line, 11) and "control character U+0001" in error[2]


def test_a_large_file_without_aliases_is_not_said_to_expand_through_aliases(ws):
    original = (ws / "claims" / "sultanov.yaml").read_text(encoding="utf-8")
    filler = "".join(f"  - item {i}\n" for i in range(201_000))
    case = _written(ws, original + "padding:\n" + filler)
    (error,) = errors_of(ws, case)
    assert "holds more than 200,000 values" in error[2] and "alias" not in error[2]


def test_a_cross_reference_to_a_missing_fact_is_not_called_a_citation_key(ws):
    case = with_fact_text(ws, FACT, "Police [@fact:nope] and [@fact:arrest-2020-10-30] "
                          "arrested Mr Sultanov")
    (error,) = errors_of(ws, case)
    assert error[:2] == (FACT_LINE, 14)
    assert error[2] == "[@fact:nope] refers to no fact of this case file: fact id 'nope' " \
        "does not exist"


@pytest.mark.parametrize("field, value, expected", [
    # A date given as text, as Zotero writes some, is read as a date (issue 18): no error.
    ("issued", '"2021"', None),
    ("author", '"Human Rights Watch"', "'author' must be a list of names"),
    ("issued", '{"date-parts": [["May"]]}', "'issued' needs 'date-parts'"),
])
def test_a_library_entry_with_a_misshapen_date_or_name_is_caught_by_check(ws, field, value,
                                                                          expected):
    (ws / "citations" / "extra.json").write_text(
        '[{"id": "odd", "type": "report", "title": "Odd", "' + field + '": ' + value + "}]",
        encoding="utf-8")
    result = check_workspace(Workspace(ws), [ws / "claims" / "sultanov.yaml"], TODAY)
    if expected is None:
        assert result.report.errors == []
        return
    (error,) = result.report.errors
    assert error.file == "citations/extra.json" and expected in error.message


@pytest.mark.parametrize("length, refused", [(100, False), (101, True), (300, True)])
def test_a_case_id_too_long_for_a_folder_name_is_an_error_at_its_line(ws, length, refused):
    original = (ws / "claims" / "sultanov.yaml").read_text(encoding="utf-8")
    case = _written(ws, original.replace("\n  id: sultanov\n", f"\n  id: {'x' * length}\n", 1))
    line = case.read_text(encoding="utf-8").splitlines().index(f"  id: {'x' * length}") + 1
    found = [e for e in errors_of(ws, case) if "names the drafts' folder" in e[2]]
    assert found == ([(line, 7, f"the case id is {length} bytes long; it names the drafts' "
                       "folder, so keep it to 100")] if refused else [])


def test_a_code_fence_never_closed_in_a_fact_is_an_error_at_the_fence(ws):
    case = with_fact_text(ws, FACT, "Police\n\n      ```\n      arrested Mr Sultanov")
    line = case.read_text(encoding="utf-8").splitlines().index("      ```") + 1
    (error,) = errors_of(ws, case)
    assert error[:2] == (line, 7) and "is never closed" in error[2]
    closed = with_fact_text(ws, "```\n      arrested Mr Sultanov",
                            "```\n      arrested\n      ```\n\n      Mr Sultanov")
    assert errors_of(ws, closed) == []


def test_markdown_problems_skip_only_text_that_cannot_have_them():
    """`covenant check` parses a text for dropped or merged Markdown only when it has
    block-quote, list, fence or note markup; every text it skips must give no problem
    when parsed in full, and each kind of markup must still be looked at."""
    from toolkit.readers import markdown, markdown_survey

    full = markdown.parser()

    def parsed(text):
        env: dict = {}
        full.parse(text, env)
        problems, labels = markdown_survey.problems_of(text, env.get("covenant",
                                                          markdown_survey.Survey()))
        return [(p.message, p.start) for p in problems], labels

    def skipped_or_not(text):
        problems, labels = markdown_survey.markdown_problems(text)
        return [(p.message, p.start) for p in problems], labels

    plain = ["A plain sentence, with *emphasis*, [a link](https://example.org) and 3.5.",
             "Two lines\nof prose - with a dash, 1990. and + signs",
             "Carriage\rreturns\r\nonly", ""]
    for text in plain:
        assert skipped_or_not(text) == ([], {}) == parsed(text)
    looked_at = ["> " * 120 + "deep", "- " * 120 + "deep", "```\nopen fence",
                 "Note^[outer ^[inner]]", "[^a]: one\n\n[^a]: two", "x\r1. item\r  - " * 60,
                 "\t* item"]
    for text in looked_at:
        assert skipped_or_not(text) == parsed(text)
    assert all(skipped_or_not(t)[0] for t in looked_at[:5])


# ---------------------------------------------------------------- schema messages


def _with_text(ws: Path, name: str, old: str, new: str) -> tuple[Path, int]:
    case = ws / "claims" / name
    text = case.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    case.write_text(text, encoding="utf-8")
    return case, text.splitlines().index(next(line for line in text.splitlines()
                                               if new.strip() in line)) + 1


def test_a_value_outside_true_false_or_unknown_is_one_message_naming_all_three(ws):
    """`exhausted: bool | Literal["unknown"]`: pydantic reports each member of the union;
    a lawyer reads one message with every value allowed, not the schema's type names."""
    case, line = _with_text(ws, "zheksebaev.yaml", "exhausted: unknown", "exhausted: maybe")
    errors = [e for e in errors_of(ws, case) if "exhausted" in e[2]]
    assert errors == [(line, 14, "'exhausted' must be one of true, false or 'unknown', "
                                 "not 'maybe'")]


def test_an_unquoted_placeholder_in_brackets_is_told_to_be_quoted(ws):
    case, line = _with_text(ws, "zheksebaev.yaml", "court: Court of first instance, Almaty",
                            "court: [to be confirmed: court]")
    (error,) = [e for e in errors_of(ws, case) if "'court'" in e[2]]
    assert error[0] == line
    assert "not a list" in error[2] and "put it in quotes" in error[2]
