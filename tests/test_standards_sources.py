"""The standard wording and its sources (issue 22): each standards entry is pinned to the
article and General Comment paragraph it cites; every General Comment paragraph the
standards data cites exists in the catalogue with its summary, or the file is refused at
that line; `covenant articles` names the text each summary comes from and says which are
still to be re-read; the Russian catalogue summarises no paragraph the English one lacks;
and the examples cite General Comment paragraphs only where the catalogue has them, so
none is silently printed without its summary."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from tests.conftest import REPO
from toolkit.covenant.comments import GENERAL_COMMENTS
from toolkit.covenant.render import _summaries, describe_provision
from toolkit.kinds.standards import claim_view, read_standards, standards_problems
from toolkit.model.citation_syntax import parse_group
from toolkit.model.errors import CovenantError, Report
from toolkit.readers.claims import load_case
from toolkit.readers.yamlsource import parse_yaml

STANDARDS = REPO / "templates" / "communication"

# Each entry's sources: the Covenant's text, and the General Comment paragraph that says
# what the sentence says (none where no General Comment paragraph in the catalogue does:
# articles 15 and 22 have no General Comment; GC 32 is not cited for 14(3)(a), (c), (d)
# or 14(5), whose sentences are the treaty's own terms).
PINNED = {
    "2(3)": ["@iccpr, art 2(3)", "@hrc-gc-31, para 15"],
    "9": ["@iccpr, art 9", "@hrc-gc-35, para 3"],
    "9(1)": ["@iccpr, art 9(1)", "@hrc-gc-35, para 12"],
    "9(3)": ["@iccpr, art 9(3)", "@hrc-gc-35, para 38"],
    "14": ["@iccpr, art 14", "@hrc-gc-32, para 2"],
    "14(1)": ["@iccpr, art 14(1)", "@hrc-gc-32, para 19"],
    "14(2)": ["@iccpr, art 14(2)", "@hrc-gc-32, para 30"],
    "14(3)(a)": ["@iccpr, art 14(3)(a)"],
    "14(3)(b)": ["@iccpr, art 14(3)(b)", "@hrc-gc-32, para 33"],
    "14(3)(c)": ["@iccpr, art 14(3)(c)"],
    "14(3)(d)": ["@iccpr, art 14(3)(d)"],
    "14(3)(e)": ["@iccpr, art 14(3)(e)", "@hrc-gc-32, para 39"],
    "14(5)": ["@iccpr, art 14(5)"],
    "15(1)": ["@iccpr, art 15(1)"],
    "19": ["@iccpr, art 19", "@hrc-gc-34, para 2"],
    "19(1)": ["@iccpr, art 19(1)", "@hrc-gc-34, para 9"],
    "19(2)": ["@iccpr, art 19", "@hrc-gc-34, para 22"],
    "21": ["@iccpr, art 21", "@hrc-gc-37, para 36"],
    "22": ["@iccpr, art 22"],
    "22(1)": ["@iccpr, art 22"],
    "25": ["@iccpr, art 25", "@hrc-gc-25, para 1"],
    "25(a)": ["@iccpr, art 25(a)", "@hrc-gc-25, para 1"],
    "26": ["@iccpr, art 26", "@hrc-gc-18, para 1"],
}


@pytest.mark.parametrize("language", ["en", "ru"])
def test_each_standards_entry_cites_its_pinned_sources(language):
    standards = read_standards(STANDARDS / f"standards.{language}.yaml", REPO / "templates")
    assert {p: list(s.sources) for p, s in standards.items()} == PINNED
    for provision, entry in standards.items():
        assert entry.sentence.endswith(f" [{'; '.join(PINNED[provision])}].")


@pytest.mark.parametrize("language", ["en", "ru"])
def test_every_general_comment_paragraph_the_standards_cite_is_summarised(language):
    data = parse_yaml((STANDARDS / f"standards.{language}.yaml").read_text(encoding="utf-8"))
    assert standards_problems(data) == []
    cited = [(src.split(",")[0][1:], src.split("para ")[1])
             for entry in data.values() for src in entry["sources"] if "para" in src]
    keys = {gc.citation_key: gc for gc in GENERAL_COMMENTS.values() if gc.citation_key}
    for key, para in cited:
        assert keys[key].key_paragraphs[para]


def _standards_file(tmp_path: Path, body: str) -> Path:
    folder = tmp_path / "communication"
    folder.mkdir()
    path = folder / "standards.en.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def test_a_standard_citing_a_paragraph_the_catalogue_lacks_is_refused_at_its_line(tmp_path):
    path = _standards_file(tmp_path, (
        '"21":\n'
        "  text: Article 21 of the Covenant recognises the right of peaceful assembly.\n"
        '  sources: ["@iccpr, art 21", "@hrc-gc-37, para 99"]\n'))
    with pytest.raises(CovenantError) as info:
        read_standards(path, tmp_path, "templates/communication/standards.en.yaml")
    (error,) = info.value.report.errors
    assert (error.file, error.line) == ("templates/communication/standards.en.yaml", 3)
    assert "General Comment No 37, para 99, which the catalogue does not summarise" in \
        error.message


@pytest.mark.parametrize(("body", "message"), [
    ('"21":\n  text: A sentence.\n  sources: ["@hrc-gc-37"]\n',
     "cites General Comment No 37 without a paragraph"),
    ('"21(2)":\n  text: A sentence.\n', "article 21 has a single unnumbered paragraph"),
    ('"21":\n  text: A sentence.\n  source: ["@iccpr, art 21"]\n',
     "an entry holds only 'text:' and 'sources:'"),
    ('"21":\n  - a list\n', "write the entry as a sentence"),
])
def test_a_malformed_standards_entry_is_refused_with_advice(tmp_path, body, message):
    path = _standards_file(tmp_path, body)
    with pytest.raises(CovenantError) as info:
        read_standards(path, tmp_path)
    assert message in info.value.report.as_text()


def test_a_plain_sentence_is_still_a_standard_without_a_citation(tmp_path):
    path = _standards_file(tmp_path, '"21": Article 21 recognises peaceful assembly.\n')
    assert read_standards(path, tmp_path)["21"].sentence == \
        "Article 21 recognises peaceful assembly."


def test_covenant_articles_names_the_source_of_each_summary():
    text = describe_provision("21")
    assert "the text: https://database.girlsrightsplatform.org/en/entity/2rm5gqkud1w" in text
    lines = text.splitlines()
    flag = "(not yet re-read against the text: confirm it there)"

    def flagged(para: str) -> bool:
        at = next(n for n, line in enumerate(lines) if line.startswith(f"  para {para} "))
        return at + 1 < len(lines) and flag in lines[at + 1]

    comment = GENERAL_COMMENTS[37]
    assert [p for p in comment.key_paragraphs if flagged(p)] == \
        [p for p in comment.key_paragraphs if not comment.checked(p)] == []
    # every summary has now been re-read (docs/sources.md); one still listed as unchecked
    # would be flagged under its line
    reread = _summaries(replace(comment, unchecked=frozenset({"71"})))
    at = next(n for n, line in enumerate(reread) if line.startswith("  para 71 "))
    assert flag in reread[at + 1]
    assert not any(flag in line for line in _summaries(comment))


def test_the_summaries_the_review_found_wrong_now_say_what_the_text_says():
    """DOMAIN.md §1.5: GC 37 para 6 concerns where assemblies take place, not their
    preparation; GC 25 para 26 calls association an essential adjunct of article 25, not
    a part of it; GC 18 para 13 states when a difference is not discrimination."""
    assert "prepare" not in GENERAL_COMMENTS[37].key_paragraphs["6"]
    assert "online" in GENERAL_COMMENTS[37].key_paragraphs["6"]
    assert "essential adjunct" in GENERAL_COMMENTS[25].key_paragraphs["26"]
    assert "only if" not in GENERAL_COMMENTS[18].key_paragraphs["13"]
    assert GENERAL_COMMENTS[18].checked("13") and GENERAL_COMMENTS[37].checked("6")


def test_the_summaries_the_re_read_found_wrong_now_say_what_the_text_says():
    """docs/sources.md, the re-read: GC 37 para 15 defines a peaceful assembly (the
    presumption of peacefulness is para 17); GC 34 para 23 names multi-party democracy and
    the duty to protect against attacks; GC 34 para 38 leaves institutions open to
    criticism, not to opposition; GC 31 para 16 lists forms reparation can take where
    appropriate; GC 32 para 26 adds the court's duty of independence and impartiality."""
    gc = {n: GENERAL_COMMENTS[n].key_paragraphs for n in (31, 32, 34, 37)}
    assert "presum" not in gc[37]["15"] and "widespread and serious violence" in gc[37]["15"]
    assert "multi-party democracy" in gc[34]["23"] and "pluralism" not in gc[34]["23"]
    assert "heads of State" in gc[34]["38"] and "institutions must" not in gc[34]["38"]
    assert "where appropriate" in gc[31]["16"]
    assert "independence and impartiality" in gc[32]["26"]
    assert all(GENERAL_COMMENTS[n].unchecked == frozenset() for n in (25, 29, 31, 32, 34, 35, 37))


def test_the_russian_catalogue_summarises_only_paragraphs_the_catalogue_has():
    data = parse_yaml((STANDARDS / "catalogue.ru.yaml").read_text(encoding="utf-8"))
    for number, paragraphs in data["general_comments"].items():
        assert set(map(str, paragraphs)) <= set(GENERAL_COMMENTS[int(number)].key_paragraphs), \
            number


@pytest.mark.parametrize("case", ["zheksebaev", "zheksebaev-ru", "sultanov", "onerkhan",
                                  "abishev", "zhakupova", "demeuova"])
def test_the_examples_cite_general_comment_paragraphs_the_catalogue_summarises(case):
    """A claim authority naming a paragraph without a summary would be printed as a bare
    citation among the other authorities; in the examples every one has its summary, and
    no claim is footnoted to an NGO report as its legal authority."""
    loaded = load_case(REPO / "claims" / f"{case}.yaml", Report()).case
    gc_keys = {gc.citation_key for gc in GENERAL_COMMENTS.values() if gc.citation_key}
    views = {item["id"] for item in json.loads((REPO / "citations/hrc-views.json").read_text())}
    for claim in loaded.claims:
        view = claim_view(claim)
        assert not [a for a in view.other_authorities
                    if any(i.key in gc_keys for i in parse_group(a))], claim.id
        keys = {i.key for a in claim.authorities for i in parse_group(a)}
        assert keys <= gc_keys | views | {"iccpr", "iccpr-op1"}, (claim.id, keys)


def test_docs_sources_lists_every_example_fact_and_every_standards_entry():
    """docs/sources.md is the audit's record: a fact or a standards entry added without
    its row there fails here."""
    text = (REPO / "docs" / "sources.md").read_text(encoding="utf-8")
    for case in ("zheksebaev", "zheksebaev-ru", "sultanov", "onerkhan", "abishev",
                 "zhakupova", "demeuova"):
        loaded = load_case(REPO / "claims" / f"{case}.yaml", Report()).case
        missing = [f.id for f in loaded.facts if f"`{f.id}`" not in text]
        assert not missing, (case, missing)
    rows = {line.split("|")[1].strip() for line in text.splitlines()
            if line.startswith("| ") and line.count("|") == 4}
    assert set(PINNED) <= rows


def test_a_claim_point_the_standard_already_cites_is_not_said_twice():
    """The standard for article 19(1) cites General Comment 34, para 9; a claim relying
    on para 9 and para 11 keeps only para 11's point (a docs-only trial's draft said 'admits
    no exception or restriction' twice, with two footnotes to para 9)."""
    from toolkit.kinds.standards import without_the_standards_own
    from toolkit.model.case import Claim

    claim = Claim.model_validate({"id": "opinion", "provision": "19(1)", "facts": ["f"],
                                  "argument": "A.", "authorities": ["@hrc-gc-34, paras 9, 11"]})
    sentence = ("Article 19(1) of the Covenant protects the right to hold opinions "
                "[@iccpr, art 19(1); @hrc-gc-34, para 9].")
    view = claim_view(claim)
    assert [p.paragraph for p in view.points] == ["9", "11"]
    assert [p.paragraph for p in without_the_standards_own(view, sentence).points] == ["11"]
