"""`covenant init` (issue 22): the new workspace holds the English and the Russian example,
the example briefing and the cases it draws on, and the JSON Schemas the examples'
modelines point to; every modeline resolves inside the workspace; every example validates
against the published schema with a JSON Schema validator (YAML read as editors read it,
YAML 1.2: dates stay text); every kind builds in both languages out of the box; and no
shipped file names a folder of the development machine."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import TODAY
from toolkit.model.case import CaseFile
from toolkit.readers.yamlsource import parse_yaml
from toolkit.workspace.build import build
from toolkit.workspace.check import check_workspace
from toolkit.workspace.folders import Workspace, create_workspace

MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$", re.M)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Workspace:
    root = tmp_path_factory.mktemp("init") / "new"
    create_workspace(root)
    return Workspace(root)


def examples(ws: Workspace) -> list[Path]:
    return [*ws.case_files(), *ws.briefing_files()]


def test_init_ships_both_examples_the_briefing_its_cases_and_the_schemas(workspace):
    names = {p.relative_to(workspace.root).as_posix() for p in examples(workspace)}
    assert {"claims/zheksebaev.yaml", "claims/zheksebaev-ru.yaml",
            "claims/briefings/eu-kazakhstan-2023.yaml"} <= names
    briefing = parse_yaml((workspace.briefings / "eu-kazakhstan-2023.yaml").read_text())
    drawn = {case for theme in briefing["themes"] for case in theme.get("cases", [])}
    assert drawn and {f"claims/{case}.yaml" for case in drawn} <= names
    for schema in ("claims.schema.json", "briefing.schema.json"):
        assert (workspace.root / "docs" / schema).is_file()


def test_the_new_workspace_checks_clean_even_in_strict_mode(workspace):
    report = check_workspace(workspace, workspace.case_files(), TODAY).report
    assert not report.items, report.as_text()


def test_every_modeline_resolves_to_a_valid_schema_inside_the_workspace(workspace):
    for example in examples(workspace):
        (target,) = MODELINE.findall(example.read_text(encoding="utf-8"))
        schema = (example.parent / target).resolve()
        assert schema.is_file(), f"{example.name}: {target} does not resolve"
        assert schema.is_relative_to(workspace.root.resolve())
        jsonschema.Draft202012Validator.check_schema(json.loads(schema.read_text()))


def _as_an_editor_reads_it(path: Path):
    return json.loads(json.dumps(parse_yaml(path.read_text(encoding="utf-8"))))


def test_every_example_validates_against_the_schema_its_modeline_names(workspace):
    for example in examples(workspace):
        (target,) = MODELINE.findall(example.read_text(encoding="utf-8"))
        schema = json.loads((example.parent / target).read_text())
        errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in
                  jsonschema.Draft202012Validator(schema).iter_errors(
                      _as_an_editor_reads_it(example))]
        assert not errors, (example.name, errors)


def test_the_schema_accepts_a_bare_year_and_a_bare_article_as_check_does(workspace):
    """`date: 2021` and `provision: 21` are YAML integers, which `covenant check`
    accepts; the published schema must accept them too (it once said "string")."""
    schema = json.loads((workspace.root / "docs" / "claims.schema.json").read_text())
    case = _as_an_editor_reads_it(workspace.claims / "zheksebaev.yaml")
    case["facts"][0]["date"] = 2018
    case["claims"][0]["provision"] = 21
    assert not list(jsonschema.Draft202012Validator(schema).iter_errors(case))
    CaseFile.model_validate(case)  # and the model accepts the same file
    case["facts"][0]["date"] = 20.5
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(case))


@pytest.mark.parametrize(("kind", "files"), [
    ("memo", ["zheksebaev.yaml", "zheksebaev-ru.yaml"]),
    ("communication", ["zheksebaev.yaml", "zheksebaev-ru.yaml"]),
    ("fairness-report", ["zheksebaev.yaml"]),
    ("briefing", ["briefings/eu-kazakhstan-2023.yaml"]),
])
def test_every_kind_builds_out_of_the_box(workspace, kind, files):
    """Each kind from the examples that carry its data: the memo and the communication
    in English and Russian, the fairness report (its monitoring data is in the English
    example) and the briefing; every format."""
    outputs = build(workspace, [workspace.claims / f for f in files], kind,
                    ["native", "docx", "pdf"], today=TODAY)
    assert len(outputs) == len(files)
    languages = set()
    for output in outputs:
        assert sorted(p.suffix for p in output.paths) == [".docx", ".pdf", ".txt"]
        native = next(p for p in output.paths if p.suffix == ".txt").read_text()
        languages.add(re.search(r"language=(\w+)", native).group(1))
    assert languages == ({"en", "ru"} if len(files) == 2 else {"en"})


# What a user's machine does not have: the development machine's folders and notes.
DEVELOPMENT_PATHS = re.compile(r"/work/|\.\./shared|DOMAIN\.md|shared/seeds|PITFALLS\.md")


def test_no_shipped_file_names_a_folder_of_the_development_machine(workspace):
    found = [f"{path.relative_to(workspace.root)}: {match.group(0)}"
             for path in workspace.root.rglob("*") if path.is_file()
             and path.suffix in {".yaml", ".yml", ".bib", ".json", ".md", ".j2", ".html",
                                 ".css", ".csl"}
             for match in DEVELOPMENT_PATHS.finditer(path.read_text(encoding="utf-8"))]
    assert not found


def test_init_copies_only_the_shipped_examples_never_a_draft_left_in_the_repository(
        tmp_path, monkeypatch):
    """A confidential case drafted in the installed repository's claims/, or a source
    added to its citations/, stays there: `init` copies the named examples only."""
    import shutil

    from toolkit.workspace import folders

    source = tmp_path / "installed"
    for name in (*folders.SHIPPED, *folders.SCHEMAS):
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(folders.SOURCE / name, source / name)
    shutil.copytree(folders.SOURCE / "templates", source / "templates")
    (source / "claims" / "confidential-client.yaml").write_text("title: a real client\n")
    (source / "citations" / "client-sources.yaml").write_text("- id: secret\n")
    monkeypatch.setattr(folders, "SOURCE", source)
    created = create_workspace(tmp_path / "new")
    names = {p.relative_to(tmp_path / "new").as_posix() for p in created}
    assert set(folders.SHIPPED) <= names
    assert not any("confidential" in n or "client-sources" in n for n in names)
    assert not (tmp_path / "new" / "claims" / "confidential-client.yaml").exists()


def test_the_shipped_list_names_every_example_and_library_file_git_tracks():
    import subprocess

    from toolkit.workspace import folders

    listed = subprocess.run(["git", "ls-files", "claims", "citations"], cwd=folders.SOURCE,
                            capture_output=True, text=True)
    if listed.returncode != 0:
        pytest.skip("not a git checkout")
    assert sorted(listed.stdout.split()) == sorted(folders.SHIPPED)


def test_init_names_a_command_the_shell_can_run(tmp_path):
    """With the virtual environment not activated, `covenant` is not on PATH: the next
    step init prints gives the path it was run by."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    covenant = Path(sys.executable).with_name("covenant")
    done = subprocess.run([str(covenant), "init", str(tmp_path / "ws")], capture_output=True,
                          text=True, env={**os.environ, "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    assert f"&& {covenant.resolve()} check" in done.stdout
