import pytest

from toolkit.model.citation_syntax import (
    CitationSyntaxError,
    find_citations,
    parse_group,
    unknown_label,
)


@pytest.mark.parametrize("text,label,locator", [
    ("@k, para 12", "paragraph", "12"),
    ("@k, paras 3-4", "paragraph", "3–4"),
    ("@k, paras 3–4", "paragraph", "3–4"),
    ("@k, p 7", "page", "7"),
    ("@k, pp. 7-9", "page", "7–9"),
    ("@k, art 14", "article", "14"),
    ("@k, art 5(2)(b)", "article", "5(2)(b)"),
    ("@k, section 3", "section", "3"),
    ("@k, § 3", "section", "3"),
    ("@k, para 13.3", "paragraph", "13.3"),
    ("@k, 12", "page", "12"),
])
def test_locators_accept_the_forms_lawyers_type(text, label, locator):
    (item,) = parse_group(text)
    assert (item.key, item.locator_label, item.locator) == ("k", label, locator)


def test_a_group_keeps_prefixes_and_several_items_in_order():
    items = parse_group("[see @a, paras 3–4; @b, p 7]")
    assert [(i.prefix, i.key, i.locator) for i in items] == [("see", "a", "3–4"), ("", "b", "7")]


def test_text_after_the_locator_is_kept_as_suffix():
    (item,) = parse_group("@k, para 4, emphasis added")
    assert item.suffix == "emphasis added"


def test_a_source_without_a_key_is_an_error():
    with pytest.raises(CitationSyntaxError):
        parse_group("Human Rights Watch report, p 3")


def test_citations_are_found_in_markdown_but_links_and_emails_are_not():
    text = "A [@a, para 2] b [a link](http://x) c [write to me@example.org] d [see @b; @c]."
    found = find_citations(text)
    assert [[i.key for i in f.items] for f in found] == [["a"], ["b", "c"]]
    assert text[found[0].start:found[0].end] == "[@a, para 2]"


@pytest.mark.parametrize("text,label", [
    ("@k, paragrph 3", "paragrph"),
    ("@k, Pgae. 3–4", "Pgae"),
    ("@k, table 2", "table"),
    ("@k, at iv", "at"),
    ("@k, para 3", None),
    ("@k, Paras 3, 6", None),
    ("@k, 12", None),
    ("@k, para 4, emphasis added", None),
    ("@k, emphasis added", None),
    ("@k, citing Mill", None),
    ("@k", None),
])
def test_a_pinpoint_starting_with_a_word_that_is_no_label_is_found(text, label):
    (item,) = parse_group(text)
    assert unknown_label(item) == label


def test_a_pinpoint_with_an_unknown_label_is_kept_as_written():
    (item,) = parse_group("@k, paragrph 3")
    assert (item.locator_label, item.locator, item.suffix) == (None, None, "paragrph 3")
