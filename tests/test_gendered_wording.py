"""The standard wording refers to a single author as the person's `gender` says where the
language marks it (new-case trial of December 2026: a woman author read "il est
personnellement touché", «автор затронут …, а его требования», "on their own behalf")."""

from __future__ import annotations

import pytest
import yaml

from tests.conftest import TODAY
from toolkit.workspace.build import build
from toolkit.workspace.folders import Workspace


def _communication(example_workspace, language: str, gender: str | None) -> str:
    ws = Workspace(example_workspace)
    source = "zheksebaev-ru.yaml" if language == "ru" else "zheksebaev.yaml"
    case = yaml.safe_load((ws.claims / source).read_text(encoding="utf-8"))
    case["case"]["language"] = language
    case["case"]["id"] = f"gendered-{language}"
    for person in case["people"]:
        if "author" in person["roles"] and gender:
            person["gender"] = gender
    path = ws.claims / f"gendered-{language}.yaml"
    path.write_text(yaml.safe_dump(case, allow_unicode=True), encoding="utf-8")
    (output,) = build(ws, [path], "communication", ["native"], today=TODAY)
    return output.paths[0].read_text(encoding="utf-8").replace("\u00a0", " ")


@pytest.mark.parametrize(("language", "gender", "expected"), [
    ("en", "female", "on her own behalf"),
    ("en", "male", "on his own behalf"),
    ("en", None, "on their own behalf"),
    ("fr", "female", "elle est personnellement touchée"),
    ("fr", None, "il est personnellement touché"),
    ("ru", "female", "автор непосредственно затронута обжалуемыми мерами, а ее требования"),
    ("ru", None, "автор непосредственно затронут обжалуемыми мерами, а его требования"),
])
def test_the_wording_follows_the_authors_gender(example_workspace, language, gender,
                                                expected):
    assert expected in _communication(example_workspace, language, gender)
