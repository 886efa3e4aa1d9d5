import pytest

from toolkit.covenant import ARTICLES, ProvisionError, parse_provision, state_status
from toolkit.covenant.catalogue import all_provisions
from toolkit.covenant.comments import GENERAL_COMMENTS


def test_the_covenant_has_fifty_three_articles():
    assert sorted(ARTICLES) == list(range(1, 54))


@pytest.mark.parametrize("ref,canonical", [
    ("14(3)(b)", "14(3)(b)"), ("art 19(2)", "19(2)"), ("Article 21", "21"), ("25(a)", "25(a)"),
    ("2(3)", "2(3)"), ("9", "9"), ("15(1)", "15(1)"), ("22", "22"), ("26", "26"),
    ("8(3)(c)(iv)", "8(3)(c)(iv)"), ("14 (3) (G)", "14(3)(g)"), (14, "14"),
    ("42(7)(a)", "42(7)(a)"), ("42(7)(d)", "42(7)(d)"), ("42(1)(b)", "42(1)(b)"),
])
def test_known_provisions_parse_to_their_canonical_form(ref, canonical):
    assert str(parse_provision(ref)) == canonical


@pytest.mark.parametrize("ref,message", [
    ("14(3)(h)", "article 14(3) has sub-paragraphs (a) to (g); there is no (h)"),
    ("21(1)", "article 21 has a single unnumbered paragraph; write '21'"),
    ("54", "article 54 does not exist"),
    ("19(4)", "article 19 has paragraphs 1 to 3; there is no paragraph 4"),
    ("8(3)(c)(v)", "has items (i) to (iv); there is no (v)"),
    ("42(7)(e)", "article 42(7) has sub-paragraphs (a) to (d); there is no (e)"),
    ("14(1)(a)", "article 14(1) has no sub-paragraphs"),
    ("14(a)", "name the paragraph first"),
    ("fair trial", "is not a covenant provision"),
])
def test_unknown_provisions_are_rejected_with_advice(ref, message):
    with pytest.raises(ProvisionError) as info:
        parse_provision(ref)
    assert message in str(info.value)


def test_every_listed_provision_parses_back_to_itself():
    provisions = all_provisions()
    assert len(provisions) > 150
    for provision in provisions:
        assert parse_provision(str(provision)) == provision


# Every lettered sub-paragraph of the Covenant's text (999 UNTS 171), and the romans of
# 8(3)(c): the catalogue must know each of them and no other.
LETTERED = {
    (2, 3): "abc", (8, 3): "abc", (10, 2): "ab", (14, 3): "abcdefg", (19, 3): "ab",
    (25, 0): "abc", (39, 2): "ab", (40, 1): "ab", (41, 1): "abcdefgh", (42, 1): "ab",
    (42, 7): "abcd", (52, 0): "ab",
}


def test_the_catalogue_has_every_sub_paragraph_of_the_treaty_text_and_no_other():
    found = {(a.number, para): letters for a in ARTICLES.values()
             for para, letters in a.subparagraphs.items()}
    assert found == LETTERED
    assert {(a.number, key): n for a in ARTICLES.values() for key, n in a.items.items()} == \
        {(8, (3, "c")): 4}


def test_general_comment_33_on_the_optional_protocol_is_in_the_catalogue():
    comment = GENERAL_COMMENTS[33]
    assert (comment.year, comment.symbol) == (2008, "CCPR/C/GC/33")
    assert comment.key_paragraphs and comment.read_at
    assert all(comment.checked(p) for p in comment.key_paragraphs)


def test_titles_are_specific_where_we_have_them():
    assert parse_provision("14(3)(b)").title.startswith("Adequate time and facilities")
    assert parse_provision("19(2)").title == "Freedom of expression"
    assert parse_provision("21").title == "Right of peaceful assembly"


def test_core_articles_name_their_general_comment():
    for article, comment in {14: 32, 19: 34, 21: 37, 25: 25, 9: 35, 2: 31, 26: 18}.items():
        assert ARTICLES[article].general_comment == comment
        assert ARTICLES[article].comment is GENERAL_COMMENTS[comment]


def test_kazakhstan_optional_protocol_in_force_date_has_a_source():
    status = state_status("Kazakhstan")
    assert status is state_status("kz")
    assert status.protocol_in_force.isoformat() == "2009-09-30"
    assert "CCPR/C/131/D/2452/2014" in status.source
