"""Several provisions named at once, grouped by article as the Committee's Views write
them in French, Spanish and Russian (toolkit/kinds/communication/provision_lists.py)."""

from __future__ import annotations

import pytest

from toolkit.covenant import parse_provision
from toolkit.kinds.communication.provision_lists import provision_list

EXAMPLE = ["9(1)", "14(1)", "14(3)(b)", "15(1)", "19(2)", "21", "22(1)", "25(a)", "26"]


def _list(refs: list[str], language: str, case: str = "nom") -> str:
    text = provision_list([parse_provision(r) for r in refs], language, case)
    return text.replace("\u00a0", " ")


@pytest.mark.parametrize("language, case, expected", [
    ("fr", "nom", "articles 9 (par. 1), 14 (par. 1 et 3 b)), 15 (par. 1), 19 (par. 2), 21, "
                  "22 (par. 1), 25 a) et 26"),
    ("es", "nom", "artículos 9, párrafo 1; 14, párrafos 1 y 3 b); 15, párrafo 1; 19, "
                  "párrafo 2; 21; 22, párrafo 1; 25 a) y 26"),
    ("ru", "acc", "пункт 1 статьи 9, пункты 1 и 3 b) статьи 14, пункт 1 статьи 15, пункт 2 "
                  "статьи 19, статью 21, пункт 1 статьи 22, пункт a) статьи 25 и статью 26"),
])
def test_the_examples_provisions_grouped_by_article(language, case, expected):
    assert _list(EXAMPLE, language, case) == expected


@pytest.mark.parametrize("language, expected", [
    ("fr", "article 19 (par. 2)"), ("es", "artículo 19, párrafo 2"),
    ("ru", "пункт 2 статьи 19"),
])
def test_one_provision_is_singular(language, expected):
    assert _list(["19(2)"], language) == expected


def test_two_paragraphs_of_one_article_only():
    assert _list(["14(1)", "14(3)(b)"], "fr") == "article 14 (par. 1 et 3 b))"
    assert _list(["14(1)", "14(3)(b)"], "es") == "artículo 14, párrafos 1 y 3 b)"
    assert _list(["14(1)", "14(3)(b)"], "ru", "gen") == "пунктов 1 и 3 b) статьи 14"


def test_english_has_no_grouped_form():
    assert provision_list([parse_provision("9(1)")], "en") is None
