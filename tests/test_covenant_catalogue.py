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
])
def test_known_provisions_parse_to_their_canonical_form(ref, canonical):
    assert str(parse_provision(ref)) == canonical


@pytest.mark.parametrize("ref,message", [
    ("14(3)(h)", "article 14(3) has sub-paragraphs (a) to (g); there is no (h)"),
    ("21(1)", "article 21 has a single unnumbered paragraph; write '21'"),
    ("54", "article 54 does not exist"),
    ("19(4)", "article 19 has paragraphs 1 to 3; there is no paragraph 4"),
    ("8(3)(c)(v)", "has items (i) to (iv); there is no (v)"),
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
