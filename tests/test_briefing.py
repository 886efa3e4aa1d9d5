"""EU dialogue briefing papers: which cases go in which theme, a case in two themes,
sources shared by cases cited once, redaction across cases, a theme without cases,
diagnostics of briefing files, the CLI, and the example paper in DOCX and PDF."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from lxml import etree
from pypdf import PdfReader

from tests.conftest import REPO, TODAY
from toolkit.cli import cli
from toolkit.covenant import parse_provision
from toolkit.kinds.briefing.model import json_schema
from toolkit.kinds.briefing.narrative import states_sentence, with_date
from toolkit.kinds.briefing.selection import covers
from toolkit.model.dates import parse_date
from toolkit.model.errors import CovenantError
from toolkit.redaction.people import _letters, plan
from toolkit.workspace.build import build
from toolkit.workspace.check import check_workspace
from toolkit.workspace.folders import Workspace

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

LIBRARY = [
    {"id": "shared-report", "type": "report", "title": "Report on prosecutions",
     "author": [{"literal": "Monitor Group"}], "issued": {"date-parts": [[2021]]}},
    {"id": "news-a", "type": "article-newspaper", "title": "Activist detained",
     "container-title": "Daily", "issued": {"date-parts": [[2020, 6, 1]]}},
    {"id": "news-b", "type": "article-newspaper", "title": "Blogger sentenced",
     "container-title": "Weekly", "issued": {"date-parts": [[2021, 3, 2]]}},
    {"id": "gc-34", "type": "report", "title": "General Comment No 34",
     "author": [{"literal": "UN Human Rights Committee"}], "number": "CCPR/C/GC/34",
     "issued": {"date-parts": [[2011, 9, 12]]}},
]


def case_file(ident: str, name: str, claims: list[tuple[str, list[str]]], *,
              sources: tuple[str, ...] = ("@shared-report",), extra_people=(),
              extra_text: str = "", confidentiality: str = "public") -> dict:
    """A small, valid case: arrest, conviction, and claims over those facts."""
    surname = name.split()[-1]
    return {
        "case": {"id": ident, "title": f"{name} v Kazakhstan", "state": "Kazakhstan",
                 "confidentiality": confidentiality},
        "people": [{"id": ident, "name": name, "roles": ["alleged-victim"],
                    "occupation": "blogger"}, *extra_people],
        "proceedings": [{
            "id": "criminal", "court": "Almaty District Court", "defendants": [ident],
            "charges": [{"law": "Criminal Code", "article": "405",
                         "description": "participating in a banned organisation",
                         "facts": ["arrest"]}],
            "judgment": {"date": "2021-03-01", "outcome": "convicted",
                         "sentence": "two years’ restricted freedom",
                         "bans": [{"description": "ban on political activity",
                                   "duration": "three years"}],
                         "sources": list(sources)},
            "appeals": [{"kind": "appeal", "court": "Almaty City Court",
                         "decided": "2021-06-01", "status": "decided",
                         "outcome": "the sentence was upheld", "sources": ["@news-b"]}],
        }],
        "facts": [
            {"id": "arrest", "date": "2020-06-01", "people": [ident], "sources": list(sources),
             "text": f"Police arrested Mr {surname} over posts on Facebook. {extra_text}"},
            {"id": "trial", "date": "2021-02", "people": [ident], "sources": ["@news-a"],
             "text": f"Mr {surname} was refused access to the expert report at trial."},
        ],
        "claims": [{"provision": provision, "facts": facts, "argument": "Argued."}
                   for provision, facts in claims],
    }


def briefing_file(themes: list[dict], ident: str = "eu-test") -> dict:
    return {
        "briefing": {"id": ident, "title": "Key concerns and recommendations", "state":
                     "Kazakhstan", "date": "2022-01"},
        "dialogue": {"name": "EU–Kazakhstan Human Rights Dialogue", "round": 13,
                     "date": "2021-12-02/2021-12-03", "place": "online"},
        "organisations": [{"name": "Org One", "short": "O1", "country": "Belgium"}],
        "introduction": "An introduction [@shared-report].",
        "themes": themes,
    }


def theme(ident: str, provisions: list[str], cases="provisions", **more) -> dict:
    return {"id": ident, "heading": f"Theme {ident}", "provisions": provisions,
            "text": f"The text of theme {ident}.", "cases": cases,
            "recommendations": ["Release everyone;", "Repeal the law."], **more}


@pytest.fixture
def ws(workspace) -> Workspace:
    (workspace / "claims" / "briefings").mkdir()
    (workspace / "citations" / "library.json").write_text(json.dumps(LIBRARY))
    for folder in ("briefing", "styles"):
        import shutil

        shutil.copytree(REPO / "templates" / folder, workspace / "templates" / folder)
    return Workspace(workspace)


def write(ws: Workspace, cases: list[dict], briefing: dict) -> Path:
    for case in cases:
        (ws.claims / f"{case['case']['id']}.yaml").write_text(
            yaml.safe_dump(case, allow_unicode=True, sort_keys=False), encoding="utf-8")
    path = ws.briefings / f"{briefing['briefing']['id']}.yaml"
    path.write_text(yaml.safe_dump(briefing, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    return path


def native(ws: Workspace, path: Path) -> str:
    (output,) = build(ws, [path], "briefing", ["native"], today=TODAY)
    return output.paths[0].read_text(encoding="utf-8")


def section(dump: str, heading: str) -> str:
    """The native dump of one theme section (up to the next top-level heading)."""
    start = dump.index(f'Heading1 "{heading}"')
    following = dump.find("Heading1 ", start + 10)
    return dump[start:following if following > 0 else None]


TWO_CASES = [
    case_file("alpha", "Aliya Alpha", [("19(2)", ["arrest"]), ("14(3)(b)", ["trial"])]),
    case_file("beta", "Berik Beta", [("22(1)", ["arrest"]), ("19(1)", ["arrest"])]),
]


# ---------------------------------------------------------------- theme assignment


def test_a_theme_provision_covers_the_paragraphs_and_letters_under_it():
    p = parse_provision
    assert covers(p("19"), p("19(2)")) and covers(p("19"), p("19(1)"))
    assert covers(p("14(3)"), p("14(3)(b)")) and not covers(p("14(3)"), p("14(1)"))
    assert covers(p("25"), p("25(a)")) and not covers(p("21"), p("22(1)"))
    assert not covers(p("19(2)"), p("19"))


def test_cases_are_assigned_to_themes_by_provision(ws):
    path = write(ws, TWO_CASES, briefing_file([
        theme("expression", ["19"]), theme("association", ["22"]),
        theme("fair-trial", ["14(3)"])]))
    dump = native(ws, path)
    expression = section(dump, "Theme expression")
    assert 'Heading3 "Aliya Alpha"' in expression and 'Heading3 "Berik Beta"' in expression
    association = section(dump, "Theme association")
    assert 'Heading3 "Berik Beta"' in association and "Aliya Alpha" not in association
    fair = section(dump, "Theme fair-trial")
    assert 'Heading3 "Aliya Alpha"' in fair and "Berik Beta" not in fair
    # the narrative tells the facts of the theme's claims: the trial only in fair trial
    assert "refused access to the expert report" in fair
    assert "refused access to the expert report" not in section(dump, "Theme association")


@pytest.mark.parametrize(("status", "sentence", "row"), [
    ("unknown", "Whether an appeal was lodged, and how it ended, is not known.",
     "Convicted (1 March 2021); appeal: not known whether lodged or how it ended"),
    ("pending", "An appeal is pending.", "Convicted (1 March 2021); appeal pending"),
    ("refused", "An appeal was refused.", "Convicted (1 March 2021); appeal refused"),
])
def test_an_appeal_whose_fate_is_not_a_decision_reads_as_english(ws, status, sentence, row):
    """Issue 22: "An appeal was unknown." said nothing a reader could use."""
    case = case_file("alpha", "Aliya Alpha", [("19(2)", ["arrest"])])
    appeal = case["proceedings"][0]["appeals"][0]
    appeal.update(status=status)
    del appeal["decided"], appeal["outcome"]
    dump = native(ws, write(ws, [case], briefing_file([theme("expression", ["19"])])))
    assert sentence in dump and row in dump
    assert "was unknown" not in dump


@pytest.mark.parametrize(("date", "phrase"), [
    ("2027-03", "held online in March 2027."), ("2027-03-09", "held online on 9 March 2027."),
    ("2027", "held online in 2027.")])
def test_the_dialogue_date_takes_in_for_a_month_or_a_year(ws, date, phrase):
    briefing = briefing_file([theme("expression", ["19"])])
    briefing["dialogue"]["date"] = date
    briefing["briefing"]["date"] = "2028-01"
    dump = native(ws, write(ws, TWO_CASES, briefing))
    assert phrase in dump and " on March" not in dump


def test_cases_can_be_listed_by_id_in_order_or_all_taken(ws):
    path = write(ws, TWO_CASES, briefing_file([
        theme("listed", [], cases=["beta", "alpha"]), theme("every", [], cases="all")]))
    dump = native(ws, path)
    listed = section(dump, "Theme listed")
    assert listed.index("Berik Beta") < listed.index("Aliya Alpha")
    assert "Berik Beta" in section(dump, "Theme every")


# ---------------------------------------------------------------- a case in two themes


def test_a_case_in_two_themes_is_told_once_and_pointed_to_after(ws):
    path = write(ws, TWO_CASES, briefing_file([theme("expression", ["19"]),
                                               theme("fair-trial", ["14"])]))
    dump = native(ws, path)
    first, second = section(dump, "Theme expression"), section(dump, "Theme fair-trial")
    assert "police arrested Mr Alpha" in first
    assert "The case of Aliya Alpha, sentenced to two years’ restricted freedom" in second
    assert "set out above, under “Theme expression”" in second
    assert "police arrested Mr Alpha" not in second  # a fact is told once in the paper
    assert "refused access to the expert report" in second  # what is new is told
    # and the table lists each case once
    table = dump[dump.index("Header Name"):]
    assert table.count("Row Aliya Alpha") == 1


# ---------------------------------------------------------------- sources cited once


def test_a_source_cited_by_two_cases_is_one_source_and_notes_run_through_the_paper(ws):
    path = write(ws, TWO_CASES, briefing_file([theme("expression", ["19"])]))
    dump = native(ws, path)
    notes = re.findall(r'^  (\d+) "(.*)"$', dump[dump.index("Notes "):], re.M)
    assert [int(n) for n, _ in notes] == list(range(1, len(notes) + 1))
    full = [n for n, text in notes if "Report on prosecutions" in text]
    assert full == ["1"], notes  # in full once, in the introduction
    later = [text for _, text in notes[1:] if "Monitor Group" in text or text == "ibid."]
    assert later and all("(n 1)" in t or t == "ibid." for t in later)


def test_one_footnote_for_a_run_of_sentences_with_the_same_source(ws):
    cases = [case_file("alpha", "Aliya Alpha", [("19(2)", ["arrest", "trial"])],
                       sources=("@news-a",))]
    path = write(ws, cases, briefing_file([theme("expression", ["19"])]))
    dump = section(native(ws, path), "Theme expression")
    paragraph = next(line for line in dump.splitlines() if "police arrested" in line)
    # the sentence, the arrest and the trial all cite news-a: one call, after the trial;
    # the appeal cites news-b: a call of its own
    told, appeal = paragraph.split("On appeal")
    assert told.count("^") == 1 and appeal.count("^") == 1
    assert re.search(r"expert report at trial\.\^\d+ $", told)


# ---------------------------------------------------------------- redaction


def test_confidential_people_of_every_case_are_redacted_and_public_names_spared(ws):
    witness = {"id": "w", "name": "Aliya Secretova", "roles": ["witness"], "confidential": True}
    cases = [
        case_file("alpha", "Aliya Alpha", [("19(2)", ["arrest"])],
                  extra_people=[witness], extra_text="Aliya Secretova saw it; Ms Secretova "
                  "told the court so."),
        case_file("beta", "Berik Beta", [("19(2)", ["arrest"])],
                  extra_people=[{**witness, "name": "Daniyar Hidden"}],
                  extra_text="Daniyar Hidden filmed it."),
    ]
    path = write(ws, cases, briefing_file([theme("expression", ["19"])]))
    (output,) = build(ws, [path], "briefing", ["native", "docx"], today=TODAY)
    dump = output.paths[0].read_text(encoding="utf-8")
    assert "public=true" in dump
    assert "Secretova" not in dump and "Hidden" not in dump and "Daniyar" not in dump
    assert "Witness A saw it; Witness A told the court so." in dump  # never "Ms Witness A"
    assert "Witness B filmed it." in dump
    assert 'Heading3 "Aliya Alpha"' in dump  # the victim's first name is not a witness's
    with zipfile.ZipFile(output.paths[1]) as docx:
        text = docx.read("word/document.xml").decode() + docx.read("docProps/core.xml").decode()
    assert "Secretova" not in text and "Hidden" not in text


def test_labels_go_on_past_z_and_a_person_in_two_cases_gets_one_label():
    from toolkit.model.case import Person

    assert [_letters(n) for n in (1, 26, 27, 52, 703)] == ["A", "Z", "AA", "AZ", "AAA"]
    people = [Person(id=f"w{i}", name=f"Witness Name{i}", roles=["witness"], confidential=True)
              for i in range(30)]
    people.append(Person(id="again", name="Witness Name3", roles=["witness"], confidential=True))
    labels = [r.label for r in plan(people)]
    assert len(labels) == 30 and labels[-1] == "Witness AD"


def test_a_theme_no_case_matches_is_a_warning_and_has_no_empty_heading(ws):
    path = write(ws, TWO_CASES, briefing_file([theme("expression", ["19"]),
                                               theme("assembly", ["21"])]))
    report = check_workspace(ws, [path], TODAY).report
    warnings = [d for d in report.warnings if d.code == "theme-without-cases"]
    assert len(warnings) == 1
    assert "theme 'assembly' has no cases of concern: no case has a claim under article 21" \
        in warnings[0].message
    assert warnings[0].file == "claims/briefings/eu-test.yaml"
    assert not report.errors
    assembly = section(native(ws, path), "Theme assembly")
    assert "The text of theme assembly." in assembly
    assert "Cases of concern" not in assembly and "Heading3" not in assembly
    assert "Recommendations" in assembly


def test_cases_listed_as_an_empty_list_give_no_warning(ws):
    path = write(ws, TWO_CASES, briefing_file([theme("context", [], cases=[])]))
    report = check_workspace(ws, [path], TODAY).report
    assert not [d for d in report.items if d.code != "unused-source"]


def test_a_confidential_case_is_left_out_with_a_warning(ws):
    cases = [TWO_CASES[0], case_file("gamma", "Gulnara Gamma", [("19(2)", ["arrest"])],
                                     confidentiality="confidential")]
    path = write(ws, cases, briefing_file([theme("expression", ["19"])]))
    report = check_workspace(ws, [path], TODAY).report
    assert any(d.code == "confidential-case" and "'gamma'" in d.message
               for d in report.warnings)
    assert "Gulnara" not in native(ws, path)


def test_a_case_in_another_language_is_chosen_only_by_id(ws):
    russian = case_file("alpha-ru", "Алия Альфа", [("19(2)", ["arrest"])])
    russian["case"]["language"] = "ru"
    path = write(ws, [*TWO_CASES, russian], briefing_file([
        theme("expression", ["19"]), theme("listed", [], cases=["alpha-ru"])]))
    assert "Альфа" not in section(native(ws, path), "Theme expression")
    report = check_workspace(ws, [path], TODAY).report
    warnings = [d for d in report.warnings if d.code != "unused-source"]
    assert [d.code for d in warnings] == ["case-language"]
    assert "written in 'ru' and this briefing in 'en'" in warnings[0].message


@pytest.mark.parametrize("when,code", [
    ("2022-01", None),
    ("2022-01-31", None),
    ("2021-12/2022-01", None),
    ("2021-12/2022-02", "fact-may-be-after-briefing"),
    ("2022", "fact-may-be-after-briefing"),
    ("2022-02-01", "fact-after-briefing"),
    ("2022-02/2022-05", "fact-after-briefing"),
])
def test_a_fact_that_is_or_may_be_later_than_the_paper_is_warned_of_apart(ws, when, code):
    """The paper is dated January 2022: a fact it tells that may end after its last day
    is flagged as maybe later, one that starts after it as later."""
    alpha = case_file("alpha", "Aliya Alpha", [("19(2)", ["arrest", "trial"])])
    alpha["facts"][1]["date"] = when
    path = write(ws, [alpha], briefing_file([theme("expression", ["19"])]))
    report = check_workspace(ws, [path], TODAY).report
    dated = [d for d in report.warnings if d.code.startswith("fact-")]
    assert [d.code for d in dated] == ([code] if code else [])
    if code == "fact-may-be-after-briefing":
        assert "case 'alpha' has facts the paper tells whose date may be later than the " \
            "paper's date (January 2022): trial" in dated[0].message
    if code == "fact-after-briefing":
        assert "may be" not in dated[0].message


@pytest.mark.parametrize("when,code", [("2021-12/2022-02", None),
                                       ("2022-02-01", "fact-after-briefing")])
def test_a_fact_the_paper_leaves_out_is_warned_of_only_when_surely_later(ws, when, code):
    alpha = case_file("alpha", "Aliya Alpha", [("19(2)", ["arrest"])])
    alpha["facts"][1]["date"] = when  # 'trial': no claim relies on it, so it is not told
    path = write(ws, [alpha], briefing_file([theme("expression", ["19"])]))
    assert "Mr Alpha was refused access" not in native(ws, path)
    report = check_workspace(ws, [path], TODAY).report
    assert [d.code for d in report.warnings if d.code.startswith("fact-")] == \
        ([code] if code else [])


# ---------------------------------------------------------------- check diagnostics


def test_briefing_errors_carry_file_line_and_column(ws):
    path = write(ws, TWO_CASES, briefing_file([theme("expression", ["19"])]))
    text = path.read_text(encoding="utf-8")
    text = text.replace("cases: provisions", "cases: [alpha, betta]")
    text = text.replace("- '19'", "- 14(3)(h)").replace("[@shared-report]", "[@no-such]")
    text = text.replace("round: 13", "rond: 13")
    path.write_text(text, encoding="utf-8")
    report = check_workspace(ws, [path], TODAY).report
    messages = {d.message: (d.line, d.column) for d in report.errors}
    lines = text.splitlines()
    unknown = next(m for m in messages if "case id 'betta'" in m)
    assert "did you mean 'beta'?" in unknown
    line, column = messages[unknown]
    assert lines[line - 1][column - 1:].startswith("betta")
    assert any("unknown field 'rond'; did you mean 'round'?" in m for m in messages)
    assert any("article 14(3) has sub-paragraphs (a) to (g); there is no (h)" in m
               for m in messages)
    cite = next(m for m in messages if "'@no-such'" in m)
    line, column = messages[cite]
    assert lines[line - 1][column - 1:].startswith("[@no-such]")
    assert all(d.file == "claims/briefings/eu-test.yaml" for d in report.errors)


def test_a_case_file_in_briefings_is_named_for_what_it_is(ws):
    write(ws, TWO_CASES, briefing_file([theme("expression", ["19"])]))
    (ws.briefings / "stray.yaml").write_text(yaml.safe_dump(TWO_CASES[0]))
    report = check_workspace(ws, [], TODAY).report
    assert any("this is a case file, not a briefing file" in d.message for d in report.errors)


def test_sources_only_a_briefing_cites_are_not_unused(ws):
    path = write(ws, TWO_CASES, briefing_file([theme("expression", ["19"])]))
    text = path.read_text(encoding="utf-8").replace("The text of theme expression.",
                                                    "The text [@gc-34, para 46].")
    path.write_text(text, encoding="utf-8")
    for paths in ([], [ws.claims / "alpha.yaml", ws.claims / "beta.yaml"]):
        unused = [d.message for d in check_workspace(ws, paths, TODAY).report.warnings
                  if d.code == "unused-source"]
        assert not any("gc-34" in m for m in unused), unused


def test_the_published_briefing_schema_is_current():
    published = json.loads((REPO / "docs" / "briefing.schema.json").read_text())
    assert json_schema() == published, \
        "regenerate: python -c 'import json; from toolkit.kinds.briefing.model import " \
        "json_schema; print(json.dumps(json_schema(), indent=2, ensure_ascii=False))' " \
        "> docs/briefing.schema.json"


# ---------------------------------------------------------------- narrative details


@pytest.mark.parametrize(("text", "date", "expected"), [
    ("Police arrested him.", "2020-06-01", "On 1 June 2020, police arrested him."),
    ("Mr Sultanov was arrested.", "2020-10", "In October 2020, Mr Sultanov was arrested."),
    ("Human Rights Watch called for release.", "2021", "In 2021, Human Rights Watch called"
     " for release."),
    ("The Esil District Court banned it.", "2018-03-13",
     "On 13 March 2018, the Esil District Court banned it."),
    ("The case rested on an analysis.", "2021-05-14", "The case rested on an analysis."),
    ("The sentence was later upheld.", "2021-05-14", "The sentence was later upheld."),
    ("On 1 June 2020 he spoke.", "2020-06-01", "On 1 June 2020 he spoke."),
    ("Police arrested him.", "2020-06-01/2020-06-06", "Police arrested him."),
    ("Полиция задержала его.", "2020-06-01", "Полиция задержала его."),
])
def test_a_fact_is_led_by_its_date_only_where_that_reads_well(text, date, expected):
    assert with_date(text, parse_date(date), "en") == expected


def test_the_sentence_is_stated_unless_a_fact_already_tells_it():
    assert states_sentence("The court sentenced him to four years in prison.",
                           "four years' imprisonment")
    assert not states_sentence("He was banned for five years from activism.",
                               "five years' imprisonment")


# ---------------------------------------------------------------- build and CLI


def test_progress_is_reported_once_per_case(ws):
    path = write(ws, TWO_CASES, briefing_file([theme("expression", ["19"]),
                                               theme("trial", ["14"])]))
    seen = []

    def progress(items, total, label):
        seen.append((total, label))
        for item in items:
            seen.append(item.case.id)
            yield item

    build(ws, [path], "briefing", ["native"], today=TODAY, progress=progress)
    assert seen == [(2, "cases of concern"), "alpha", "beta"]


def test_cli_builds_a_briefing_and_refuses_mixed_up_inputs(ws):
    path = write(ws, TWO_CASES, briefing_file([theme("expression", ["19"])]))
    runner = CliRunner()
    result = runner.invoke(cli, ["build", str(path), "--kind", "briefing", "--to", "native",
                                 "--today", "2026-11-22"])
    assert result.exit_code == 0, result.output
    assert (ws.drafts / "eu-test" / "briefing.native.txt").is_file()
    with pytest.raises(CovenantError, match="is not in claims/briefings"):
        build(ws, [ws.claims / "alpha.yaml"], "briefing", ["native"], today=TODAY)
    with pytest.raises(CovenantError, match="is a briefing file; build it with --kind briefing"):
        build(ws, [path], "memo", ["native"], today=TODAY)


def test_an_error_in_a_case_stops_the_briefing_and_keeps_the_previous_draft(ws):
    path = write(ws, TWO_CASES, briefing_file([theme("expression", ["19"])]))
    (output,) = build(ws, [path], "briefing", ["native"], today=TODAY)
    before = output.paths[0].read_bytes()
    alpha = ws.claims / "alpha.yaml"
    alpha.write_text(alpha.read_text().replace("19(2)", "19(4)"))
    with pytest.raises(CovenantError, match="nothing was built") as info:
        build(ws, [path], "briefing", ["native"], today=TODAY)
    assert any(d.file == "claims/alpha.yaml" for d in info.value.report.errors)
    assert output.paths[0].read_bytes() == before


@pytest.fixture(scope="module")
def example(tmp_path_factory):
    import shutil

    root = tmp_path_factory.mktemp("example")
    for folder in ("claims", "citations", "templates"):
        shutil.copytree(REPO / folder, root / folder)
    (root / "drafts").mkdir()
    ws = Workspace(root)
    (output,) = build(ws, [ws.briefings / "eu-kazakhstan-2023.yaml"], "briefing",
                      ["native", "docx", "pdf"], today=TODAY)
    return output, {p.suffix: p for p in output.paths}


def test_the_example_paper_reads_like_the_model(example):
    output, paths = example
    dump = paths[".txt"].read_text(encoding="utf-8")
    assert 'cover.title "Key concerns and recommendations on the protection of fundamental ' \
        'rights in Kazakhstan"' in dump
    assert "14th round of the EU–Kazakhstan Human Rights Dialogue" in dump
    headings = re.findall(r'^  Heading1 "(.*)"$', dump, re.M)
    assert headings[0] == "Introduction" and headings[-1] == "Cases of concern at a glance"
    assert len(headings) == 8
    for case in ("Aset Abishev", "Zhazira Demeuova", "Nurbol Onerkhan", "Abaibek Sultanov",
                 "Aliya Zhakupova", "Askhat Zheksebaev"):
        assert f'Heading3 "{case}"' in dump and f"Row {case} |" in dump
    assert dump.count('Para "The authorities of Kazakhstan should:"') == 6
    assert re.search(r'Para "\*Release Aset Abishev immediately and unconditionally;\*"', dump)
    assert output.notes > 20


def test_the_example_docx_and_pdf_carry_every_footnote(example):
    output, paths = example
    with zipfile.ZipFile(paths[".docx"]) as z:
        notes = etree.fromstring(z.read("word/footnotes.xml"))
    real = [n for n in notes.iter(f"{W}footnote") if int(n.get(f"{W}id")) > 0]
    assert len(real) == output.notes
    pdf = PdfReader(str(paths[".pdf"]))
    text = "\n".join(page.extract_text() for page in pdf.pages)
    assert "Key concerns and recommendations" in text and "Cases of concern at a glance" in text
    assert "Human Rights Watch" in text and "Жуқа" in text


def test_a_judgment_with_only_a_ban_leads_the_case_and_is_named_where_it_is_met_again(ws):
    """A court that imposes only a ban (a journalist barred from journalism) has
    sentenced: the lead sentence names the ban, and a later theme's pointer says so
    instead of pointing to a section that never told the judgment (a docs-only trial,
    the case of Aigul Utepova)."""
    banned = case_file("alpha", "Aliya Alpha", [("19", ["arrest"]), ("14", ["trial"])])
    judgment = banned["proceedings"][0]["judgment"]
    del judgment["sentence"]
    judgment["bans"] = [{"description": "ban on journalism", "duration": "five years"}]
    path = write(ws, [banned], briefing_file([theme("expression", ["19"]),
                                              theme("fair-trial", ["14"])]))
    dump = native(ws, path)
    first, second = section(dump, "Theme expression"), section(dump, "Theme fair-trial")
    assert "Aliya Alpha, a blogger, was sentenced on 1 March 2021 to a ban on journalism " \
           "(five years) under article 405 of the Criminal Code" in first
    assert "the court also imposed" not in first
    assert "The case of Aliya Alpha, sentenced to a ban on journalism (five years), is set " \
           "out above" in second


def test_the_table_takes_the_criminal_conviction_over_a_later_administrative_detention(ws):
    """A person convicted under article 405 and later detained for 15 days for a protest:
    the table of cases gives the conviction's charges and sentence, not the detention's
    (a docs-only trial, Zhakhin: the table printed "—" for his charges)."""
    case = case_file("alpha", "Aliya Alpha", [("19", ["arrest"])])
    case["proceedings"].append({
        "id": "detention", "kind": "administrative", "court": "Specialised Court",
        "defendants": ["alpha"],
        "judgment": {"date": "2022-05-01", "outcome": "found liable",
                     "sentence": "15 days' administrative detention",
                     "sources": ["@shared-report"]}})
    path = write(ws, [case], briefing_file([theme("expression", ["19"])]))
    dump = native(ws, path)
    table = dump[dump.index("Header Name"):]
    assert "Criminal Code art 405: participating in a banned organisation" in table.split("\n")[1]
    assert "two years’ restricted freedom" in table.split("\n")[1]
