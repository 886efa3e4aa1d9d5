"""Several paragraphs cited in one bracket print as one reference: consecutive ones as a
range, in each language's running-text words (toolkit/passes/reference_lists.py)."""

from __future__ import annotations

import pytest

from toolkit.model.document import Link, NumberText, Paragraph, Text, walk_blocks
from toolkit.passes import numbering, references
from toolkit.passes.reference_lists import paragraph_list
from toolkit.readers.markdown import parse_markdown


def _plain(inlines) -> str:
    out = []
    for node in inlines:
        if isinstance(node, Text | NumberText):
            out.append(node.text)
        elif isinstance(node, Link):
            out.append(_plain(node.children))
    return "".join(out).replace("\u00a0", " ")


def _numbers(*numbers: str) -> list[tuple[str, str]]:
    return [(f"fact:f{n}", n) for n in numbers]


@pytest.mark.parametrize("language, expected", [
    ("en", "paras 4.3–4.8 and 4.12"),
    ("fr", "paragraphes 4.3 à 4.8 et 4.12"),
    ("es", "párrafos 4.3 a 4.8 y 4.12"),
    ("ru", "пп. 4.3–4.8 и 4.12"),
])
def test_consecutive_paragraphs_make_a_range(language, expected):
    cited = _numbers("4.3", "4.4", "4.5", "4.6", "4.7", "4.8", "4.12")
    assert _plain(paragraph_list(cited, language)) == expected


@pytest.mark.parametrize("numbers, expected", [
    (("4.17", "4.18", "4.19"), "paras 4.17–4.19"),
    (("4.17", "4.18"), "paras 4.17 and 4.18"),  # two stay two
    (("4.20", "4.13", "4.13"), "paras 4.13 and 4.20"),  # in order, each once
    (("4.2", "4.8", "4.20"), "paras 4.2, 4.8 and 4.20"),
    (("4.9", "4.10", "4.11", "5.1"), "paras 4.9–4.11 and 5.1"),  # 4.11 -> 5.1 is no run
    (("4.13",), "para 4.13"),
])
def test_lists_and_ranges(numbers, expected):
    assert _plain(paragraph_list(_numbers(*numbers), "en")) == expected


def test_each_number_stays_a_link_to_its_paragraph():
    links = [n for n in paragraph_list(_numbers("4.3", "4.4", "4.5"), "en")
             if isinstance(n, Link)]
    assert [link.url for link in links] == ["#fact:f4.3", "#fact:f4.5"]
    assert [link.children[0].anchor for link in links] == ["fact:f4.3", "fact:f4.5"]


class _Context:
    def __init__(self, language: str) -> None:
        self.language = language
        self.report = None
        self.annexes: set[str] = set()


def _resolved(markdown: str, language: str = "en") -> str:
    from toolkit.model.document import Document

    document = Document("memo", "t", parse_markdown(markdown), language=language)
    context = _Context(language)
    numbering.run(document, context)
    references.run(document, context)
    return [_plain(b.children) for b in walk_blocks(document.blocks)
            if isinstance(b, Paragraph)][-1]


FACTS = "".join(f"{{#fact:f{n} .numbered}}\nFact {n}.\n\n" for n in range(1, 6))


def test_one_bracket_of_cross_references_is_one_list():
    assert _resolved(FACTS + "See [@fact:f1; @fact:f2; @fact:f3; @fact:f5].") == \
        "See paras 1–3 and 5."


def test_separate_brackets_and_a_single_reference_are_unchanged():
    assert _resolved(FACTS + "See [@fact:f1] and [@fact:f4].") == "See para 1 and para 4."
