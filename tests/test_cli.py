"""The command line: exit codes, output formats, help, and what `check` must not do."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from tests.conftest import KNOWN_INCOMPLETE, REPO
from toolkit.cli import cli

GOOD_CASE = """\
case:
  id: small
  title: Small v Kazakhstan
  state: Kazakhstan
people:
  - id: v
    name: A Person
    roles: [alleged-victim]
facts:
  - id: f1
    date: 2020-05-19
    text: Something happened [@src, para 2].
claims:
  - provision: 19(2)
    facts: [f1]
    argument: It violated the Covenant.
"""
LIBRARY = "- id: src\n  type: report\n  title: A report\n"


def _run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture
def small(workspace):
    (workspace / "claims" / "small.yaml").write_text(GOOD_CASE)
    (workspace / "citations" / "lib.yaml").write_text(LIBRARY)
    return workspace


def test_check_of_a_clean_workspace_exits_zero(small):
    result = _run("check", "--workspace", str(small))
    assert result.exit_code == 0, result.output
    assert "0 error(s), 0 warning(s)" in result.output


def test_check_exits_one_and_prints_file_line_column_on_an_error(small):
    (small / "claims" / "small.yaml").write_text(GOOD_CASE.replace("19(2)", "14(3)(h)"))
    result = _run("check", "--workspace", str(small))
    assert result.exit_code == 1
    assert ("claims/small.yaml:14:16: error: unknown covenant provision: article 14(3) has "
            "sub-paragraphs (a) to (g); there is no (h)") in result.output


@pytest.mark.parametrize("kind", [None, "fairness-report", "communication"])
def test_a_misspelt_state_is_an_error_whatever_is_built(example_workspace, kind):
    """A report titled "Kazakstan: the trial of ..." is as wrong as a communication."""
    case = example_workspace / "claims" / "zheksebaev.yaml"
    text = case.read_text(encoding="utf-8")
    case.write_text(text.replace("state: Kazakhstan", "state: Kazakstan", 1), encoding="utf-8")
    line_number = text[:text.index("state: Kazakhstan")].count("\n") + 1
    result = _run("check", "--workspace", str(example_workspace), str(case),
                  *(["--kind", kind] if kind else []))
    assert result.exit_code == 1, result.output
    (line,) = [x for x in result.output.splitlines() if "Kazakstan" in x]
    assert line.startswith(f"claims/zheksebaev.yaml:{line_number}:"), line
    assert "is not a State the catalogue knows" in line and "did you mean Kazakhstan" in line


def test_strict_turns_warnings_into_failure(small):
    (small / "citations" / "lib.yaml").write_text(LIBRARY + "- id: unused\n  type: report\n"
                                                  "  title: Never cited\n")
    assert _run("check", "--workspace", str(small)).exit_code == 0
    result = _run("check", "--strict", "--workspace", str(small))
    assert result.exit_code == 1
    assert "warning: source 'unused' is never cited by any case" in result.output


def test_json_format_lists_diagnostics_for_tools(small):
    (small / "claims" / "small.yaml").write_text(GOOD_CASE.replace("date: 2020-05-19",
                                                                   "date: 2020-02-30"))
    result = CliRunner().invoke(cli, ["check", "--format", "json", "--workspace", str(small)])
    data = json.loads(result.stdout)
    assert data == [{"file": "claims/small.yaml", "line": 11, "column": 11,
                     "severity": "error", "code": "schema",
                     "message": "'2020-02-30': February 2020 has 29 days, so day 30 cannot be"}]


def test_check_outside_a_workspace_says_how_to_make_one(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = subprocess.run([sys.executable, "-m", "toolkit", "check"], capture_output=True,
                            text=True)
    assert result.returncode == 1
    assert "covenant init DIR" in result.stderr


def test_check_accepts_a_single_file_and_finds_the_workspace_from_it(small):
    result = _run("check", str(small / "claims" / "small.yaml"))
    assert result.exit_code == 0, result.output


def test_misuse_exits_two():
    result = CliRunner().invoke(cli, ["check", "--format", "xml"])
    assert result.exit_code == 2


@pytest.mark.parametrize("command", ["check", "schema", "articles", "init"])
def test_every_subcommand_has_help(command):
    result = _run(command, "--help")
    assert result.exit_code == 0
    assert len(result.output.splitlines()) < 30


def test_schema_is_valid_json_schema_and_matches_the_published_copy():
    from jsonschema import Draft202012Validator

    result = _run("schema")
    schema = json.loads(result.output)
    Draft202012Validator.check_schema(schema)
    published = json.loads((REPO / "docs" / "claims.schema.json").read_text())
    assert schema == published, "run: covenant schema -o docs/claims.schema.json"


def test_articles_shows_one_provision_with_its_general_comment():
    result = _run("articles", "19(2)")
    assert "Article 19(2): Freedom of expression" in result.output
    assert "General Comment No 34" in result.output


def test_articles_rejects_an_unknown_provision():
    result = subprocess.run([sys.executable, "-m", "toolkit", "articles", "14(3)(h)"],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "there is no (h)" in result.stderr


def test_init_creates_a_workspace_whose_example_checks_clean(tmp_path):
    target = tmp_path / "new"
    assert _run("init", str(target)).exit_code == 0
    for folder in ("claims", "citations", "templates", "drafts"):
        assert (target / folder).is_dir()
    assert (target / "claims" / "zheksebaev.yaml").is_file()
    result = _run("check", "--workspace", str(target), "--today", "2026-11-22")
    assert "0 error(s)" in result.output, result.output


def test_init_refuses_a_folder_that_is_not_empty(tmp_path):
    (tmp_path / "keep.txt").write_text("mine")
    result = subprocess.run([sys.executable, "-m", "toolkit", "init", str(tmp_path)],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert (tmp_path / "keep.txt").read_text() == "mine"


def test_help_and_check_import_neither_weasyprint_nor_python_docx(small):
    probe = ("import sys; from toolkit.cli import main; sys.argv = {argv!r}\n"
             "try:\n    main()\nexcept SystemExit:\n    pass\n"
             "heavy = [m for m in ('weasyprint', 'docx', 'docxtpl', 'citeproc') "
             "if m in sys.modules]\nprint('HEAVY', heavy)")
    for argv in (["covenant", "--help"], ["covenant", "check", "-w", str(small)]):
        out = subprocess.run([sys.executable, "-c", probe.format(argv=argv)],
                             capture_output=True, text=True).stdout
        assert "HEAVY []" in out, out


# Two web pages of the example library give no day they were read (OSCOLA's "accessed"):
# `check` says so, rightly; nobody has re-read them to give one. Remove each from this
# list when its entry gains an `accessed` date.


def test_the_repository_examples_check_clean_even_in_strict_mode():
    result = subprocess.run([sys.executable, "-m", "toolkit", "check", "--today",
                             "2026-11-22"], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    warnings = [line for line in result.stdout.splitlines() if ": warning: " in line]
    unexpected = [w for w in warnings if not any(k in w for k in KNOWN_INCOMPLETE)]
    assert not unexpected, "\n".join(unexpected)
    assert len(warnings) == len(KNOWN_INCOMPLETE), result.stdout


def test_check_warns_about_a_source_lacking_what_its_type_needs(small):
    (small / "citations" / "lib.yaml").write_text(LIBRARY + "- id: page\n  type: webpage\n"
                                                  "  title: A page\n")
    (small / "claims" / "small.yaml").write_text(GOOD_CASE.replace("[@", "[@page] [@", 1))
    result = _run("check", "--workspace", str(small), "--style", "oscola")
    assert "source 'page' (webpage) lacks its address (URL) and the day it was read " \
           "(accessed): its footnote in the style 'oscola' will be incomplete" in result.output
    assert "lacks" not in _run("check", "--workspace", str(small)).output  # no house style here


def test_a_type_need_applies_only_if_the_style_prints_that_variable(tmp_path):
    from toolkit.checks.source_fields import check_source_fields
    from toolkit.model.errors import Report
    from toolkit.readers.library import LibraryEntry

    style = tmp_path / "plain.csl"
    style.write_text('<style><citation><layout><text variable="title"/>'
                     '<text variable="URL"/></layout></citation></style>')
    report = Report()
    entry = LibraryEntry("page", {"type": "webpage", "title": "A page"}, "lib.yaml", 3, 1)
    check_source_fields([entry], style, report)
    (found,) = report.warnings
    assert "lacks its address (URL):" in found.message and "accessed" not in found.message


def test_the_readme_documents_every_command_and_kind():
    from toolkit.kinds.registry import KINDS

    readme = (REPO / "README.md").read_text()
    for name in cli.commands:
        assert f"covenant {name}" in readme, f"README.md does not mention 'covenant {name}'"
    for kind in KINDS:
        assert f"`{kind}`" in readme, f"README.md does not list the kind '{kind}'"


@pytest.mark.parametrize("given, kept", [(None, "__all__"), ("my-plugin", "my-plugin")])
def test_the_command_skips_pydantic_plugin_discovery_unless_the_user_sets_it(
        monkeypatch, given, kept):
    import os
    import sys

    from toolkit import cli as cli_module

    if given is None:
        monkeypatch.delenv("PYDANTIC_DISABLE_PLUGINS", raising=False)
    else:
        monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", given)
    monkeypatch.setattr(sys, "argv", ["covenant", "--help"])
    cli_module.main()  # --help returns without exiting (standalone_mode=False)
    assert os.environ["PYDANTIC_DISABLE_PLUGINS"] == kept
