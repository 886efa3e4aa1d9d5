"""Trial fairness reports: the grade the findings suggest at every boundary of the scale,
the rule that a differing grade needs written reasons, the report's parts, and the
public version, from which every confidential name is gone in every part of the DOCX
and in the PDF's text, strings and metadata."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, TextStringObject

from tests.conftest import REPO, TODAY
from toolkit.kinds.fairness_report.grading import Scale, load_scale, suggest
from toolkit.model.case import Finding
from toolkit.model.errors import CovenantError, Report
from toolkit.readers.claims import load_case
from toolkit.redaction.people import is_confidential
from toolkit.workspace.build import build
from toolkit.workspace.check import check_workspace
from toolkit.workspace.folders import Workspace

SCALE = load_scale(REPO / "templates")
ZHEKSEBAEV_MONITORS = ["Monitor-Placeholder Alpha", "Monitor-Placeholder Bravo",
                       "Monitor-Placeholder Delta"]


def findings(no_effect: int = 0, outcome: int = 0, harm: int = 0) -> list[Finding]:
    effects = ["no-effect"] * no_effect + ["affected-outcome"] * outcome + \
        ["significant-harm"] * harm
    return [Finding(id=f"f{n}", provision="14(1)", text="A finding.", effect=effect)
            for n, effect in enumerate(effects)]


def copy_workspace(root: Path) -> Workspace:
    for folder in ("claims", "citations", "templates"):
        shutil.copytree(REPO / folder, root / folder)
    (root / "drafts").mkdir()
    return Workspace(root)


# ------------------------------------------------------------------ the suggested grade


@pytest.mark.parametrize(("counts", "grade"), [
    ((0, 0, 0), "A"),   # no violation at all
    ((1, 0, 0), "B"),   # A/B: the first violation without effect
    ((2, 0, 0), "B"),   # the last count B allows
    ((3, 0, 0), "C"),   # B/C: a third violation without effect
    ((12, 0, 0), "C"),  # however many, without effect they stay C
    ((0, 1, 0), "D"),   # C/D: one violation that affected the outcome ...
    ((0, 0, 1), "D"),   # ... or one that caused significant harm
    ((2, 1, 0), "D"),   # a serious violation outweighs any number without effect
    ((5, 0, 1), "D"),
    ((0, 9, 9), "D"),   # D/F: the default scale never suggests F
])
def test_the_findings_suggest_a_grade_at_every_boundary_of_the_default_scale(counts, grade):
    assert suggest(findings(*counts), SCALE).grade == grade


def edited_scale(**thresholds) -> Scale:
    data = SCALE.model_dump()
    for grade in data["grades"]:
        if grade["grade"] in thresholds:
            grade["suggested_when"] = thresholds[grade["grade"]]
    return Scale.model_validate(data)


def test_an_editor_who_gives_f_thresholds_gets_f_suggested_at_the_boundary():
    scale = edited_scale(F={"affected-outcome": {"at_least": 2},
                            "significant-harm": {"at_least": 2}})
    assert suggest(findings(outcome=2, harm=1), scale).grade == "D"
    assert suggest(findings(outcome=1, harm=2), scale).grade == "D"
    assert suggest(findings(outcome=2, harm=2), scale).grade == "F"
    assert "two or more violations that affected the outcome" in \
        scale.definition("F").rule


def test_a_scale_with_a_gap_suggests_no_grade():
    scale = edited_scale(C={"no-effect": {"at_least": 5}, "serious": {"at_most": 0}})
    assert suggest(findings(no_effect=4), scale).grade is None


def test_a_broken_scale_file_is_reported_at_its_line(tmp_path):
    folder = tmp_path / "fairness-report"
    folder.mkdir()
    text = (REPO / "templates/fairness-report/grading.yaml").read_text()
    broken = text.replace("any: {at_least: 1, at_most: 2}", "any: {at_least: 3, at_most: 2}")
    (folder / "grading.yaml").write_text(broken)
    with pytest.raises(CovenantError) as info:
        load_scale(tmp_path)
    (error,) = info.value.report.errors
    line = broken.splitlines().index("      any: {at_least: 3, at_most: 2}") + 1
    assert error.line == line and "at_most (2) is below at_least (3)" in error.message


def test_a_scale_must_define_every_grade_once(tmp_path):
    folder = tmp_path / "fairness-report"
    folder.mkdir()
    text = (REPO / "templates/fairness-report/grading.yaml").read_text()
    (folder / "grading.yaml").write_text(text.replace("  - grade: B\n", "  - grade: A\n"))
    with pytest.raises(CovenantError) as info:
        load_scale(tmp_path)
    assert "each of the grades A, B, C, D, F exactly once" in info.value.report.as_text()


# ------------------------------------------------------------------ the justification rule


def set_grade(claim: Path, grade: str, justification: str | None = None) -> int:
    """Change the expert's grade in the case file; return the line of 'grade:'."""
    text = claim.read_text()
    new = f"    grade: {grade}\n"
    if justification:
        new += f"    justification: {justification}\n"
    assert text.count("    grade: D\n") == 1
    text = text.replace("    grade: D\n", new)
    claim.write_text(text)
    return text.splitlines().index(f"    grade: {grade}") + 1


def test_a_grade_that_differs_from_the_suggestion_without_reasons_stops_the_build(tmp_path):
    ws = copy_workspace(tmp_path)
    claim = ws.claims / "zheksebaev.yaml"
    line = set_grade(claim, "C")
    with pytest.raises(CovenantError) as info:
        build(ws, [claim], "fairness-report", ["native"], today=TODAY)
    (error,) = info.value.report.errors
    assert (error.file, error.line, error.column) == ("claims/zheksebaev.yaml", line, 12)
    assert "grade C differs from the grade the findings suggest, D" in error.message
    assert "monitoring.assessment.justification" in error.message
    assert not list((ws.drafts).rglob("fairness-report*")), "nothing may be written"


def test_the_cli_names_the_case_file_line_of_an_unjustified_grade(tmp_path):
    ws = copy_workspace(tmp_path)
    claim = ws.claims / "zheksebaev.yaml"
    line = set_grade(claim, "F")
    result = subprocess.run(
        [sys.executable, "-m", "toolkit", "build", str(claim), "--kind", "fairness-report",
         "--to", "native", "--today", TODAY.isoformat()],
        capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert result.returncode == 1
    assert f"claims/zheksebaev.yaml:{line}:12: error: the expert's grade F differs" \
        in result.stderr


def test_a_justified_grade_builds_and_the_report_prints_the_reasons(tmp_path):
    ws = copy_workspace(tmp_path)
    claim = ws.claims / "zheksebaev.yaml"
    reasons = "The proceedings were a trial in form only, from the first hearing to the last."
    set_grade(claim, "F", reasons)
    (output,) = build(ws, [claim], "fairness-report", ["native"], today=TODAY)
    text = output.paths[0].read_text()
    assert "would suggest grade D (Violations that affected the outcome" in text
    assert f"The expert gives grade F instead, for these reasons: {reasons}" in text
    assert 'cover.grade "F"' in text and 'cover.grade_name "Standards disregarded"' in text


def test_the_grade_rule_belongs_to_fairness_reports_not_to_every_check(tmp_path):
    ws = copy_workspace(tmp_path)
    claim = ws.claims / "zheksebaev.yaml"
    set_grade(claim, "C")
    assert not check_workspace(ws, [claim], TODAY).report.errors
    build(ws, [claim], "memo", ["native"], today=TODAY)  # other kinds still build
    codes = [d.code for d in check_workspace(ws, [claim], TODAY, "fairness-report")
             .report.errors]
    assert codes == ["grade-unjustified"]


def test_a_case_without_monitoring_cannot_make_a_fairness_report(tmp_path):
    ws = copy_workspace(tmp_path)
    with pytest.raises(CovenantError) as info:
        build(ws, [ws.claims / "sultanov.yaml"], "fairness-report", ["native"], today=TODAY)
    (error,) = info.value.report.errors
    assert error.code == "monitoring-missing" and error.line == \
        (ws.claims / "sultanov.yaml").read_text().splitlines().index("case:") + 1


# ------------------------------------------------------------------ checks for every case


def test_every_case_check_warns_of_a_monitor_who_would_be_named_and_of_bare_findings(
        tmp_path):
    ws = copy_workspace(tmp_path)
    claim = ws.claims / "zheksebaev.yaml"
    text = claim.read_text()
    text = text.replace("    name: Monitor-Placeholder Bravo\n    roles: [trial-monitor]",
                        "    name: Monitor-Placeholder Bravo\n    roles: [other]")
    text = text.replace('      sources: ["@trialwatch-speech-bans", '
                        '"@cfj-zheksebaev-fairness-report"]\n', "")
    text = text.replace("      facts: [judgment-2021, sentence-suspended]\n      text: |\n"
                        "        The ban on social", "      text: |\n        The ban on social")
    claim.write_text(text)
    warnings = {d.code: d for d in check_workspace(ws, [claim], TODAY).report.warnings}
    assert "'monitor-bravo' monitors a session" in warnings["monitor-not-confidential"].message
    assert "finding 'participation' names no fact" in \
        warnings["finding-without-evidence"].message


def test_a_monitoring_session_in_the_future_is_an_error(tmp_path):
    ws = copy_workspace(tmp_path)
    claim = ws.claims / "zheksebaev.yaml"
    claim.write_text(claim.read_text().replace("- date: 2021-09-21", "- date: 2027-01-12"))
    errors = check_workspace(ws, [claim], TODAY).report.errors
    assert [e.code for e in errors] == ["future-date"]
    assert "monitoring session date 12 January 2027 lies in the future" in errors[0].message


# ------------------------------------------------------------------ the Zheksebaev report

# A fictional case in which confidential people stand where names reach furthest: the
# accused in the title (cover, running header, document properties, PDF metadata), a
# witness in a fact and in a footnote, a monitor in the sessions and as the author of a
# cited source (a footnote formatted by citeproc).
FICTIONAL = """\
case:
  id: fictional
  title: The trial of Defendant-Placeholder Theta
  state: Kazakhstan
  confidentiality: confidential
people:
  - id: theta
    name: Defendant-Placeholder Theta
    roles: [alleged-victim]
    confidential: true
  - id: omega
    name: Witness-Placeholder Omega
    roles: [witness]
    confidential: true
  - id: sigma
    name: Monitor-Placeholder Sigma
    roles: [trial-monitor]
  - id: kappa
    name: Expert-Placeholder Kappa
    roles: [expert]
proceedings:
  - id: trial
    court: District Court
    defendants: [theta]
facts:
  - id: arrest
    date: 2021-03-02
    text: |
      Defendant-Placeholder Theta was arrested after a peaceful protest; Witness-Placeholder
      Omega saw the arrest.^[Witness-Placeholder Omega, statement to the monitors about
      Defendant-Placeholder Theta.]
    sources: ["@notes-sigma, p 2"]
    people: [theta, omega]
monitoring:
  programme: Example monitoring programme
  proceeding: trial
  expert: kappa
  sessions:
    - date: 2021-05-04
      mode: in-person
      monitors: [sigma]
      access: Sat in the public seats
      language: Russian
      notes: |
        Witness-Placeholder Omega testified that Defendant-Placeholder Theta had been
        peaceful [@notes-sigma, p 3].
  findings:
    - id: hearing
      provision: 14(1)
      effect: affected-outcome
      facts: [arrest]
      text: The court would not hear Witness-Placeholder Omega in full.
      sources: ["@notes-sigma, p 4"]
  assessment:
    grade: D
    summary: Defendant-Placeholder Theta did not have a fair trial.
"""
NOTES_SOURCE = """\
- id: notes-sigma
  type: manuscript
  author:
    - literal: Monitor-Placeholder Sigma
  title: Trial monitoring notes
  issued: {date-parts: [[2021]]}
"""
FICTIONAL_NAMES = ["Defendant-Placeholder Theta", "Witness-Placeholder Omega",
                   "Monitor-Placeholder Sigma"]


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    """The Zheksebaev and the fictional report, confidential and public, DOCX and PDF:
    built once for the module. {(case, public): {".docx": path, ".pdf": path, ...}}"""
    ws = copy_workspace(tmp_path_factory.mktemp("ws"))
    (ws.claims / "fictional.yaml").write_text(FICTIONAL)
    (ws.citations / "fictional.yaml").write_text(NOTES_SOURCE)
    built = {}
    for case in ("zheksebaev", "fictional"):
        for public in (False, True):
            (output,) = build(ws, [ws.claims / f"{case}.yaml"], "fairness-report",
                              ["docx", "pdf", "native"], today=TODAY, public=public)
            built[case, public] = {p.suffix: p for p in output.paths}
    return built


def native(reports, case="zheksebaev", public=False) -> str:
    return reports[case, public][".txt"].read_text()


def docx_parts(path: Path) -> dict[str, str]:
    """Every XML part of a DOCX as the text a reader could meet: its text nodes run
    together (a name split across runs is found whole) and its attribute values."""
    parts = {}
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.endswith((".xml", ".rels")):
                root = etree.fromstring(z.read(name))
                values = [v for element in root.iter() for v in element.attrib.values()]
                parts[name] = "".join(root.itertext()) + "\n" + "\n".join(values)
    return parts


def pdf_strings(path: Path) -> dict[str, str]:
    """The PDF's page text, its metadata, and every string in every object (outline
    titles, link destinations, annotations)."""
    reader = PdfReader(str(path))
    strings: list[str] = []

    def collect(value, seen: set) -> None:
        if isinstance(value, IndirectObject):
            if value.idnum in seen:
                return
            seen.add(value.idnum)
            value = value.get_object()
        if isinstance(value, DictionaryObject):
            for key, item in value.items():
                strings.append(str(key))
                collect(item, seen)
        elif isinstance(value, ArrayObject):
            for item in value:
                collect(item, seen)
        elif isinstance(value, TextStringObject | str):
            strings.append(str(value))

    collect(reader.trailer, set())
    return {"text": "\n".join(page.extract_text() for page in reader.pages),
            "metadata": "\n".join(f"{k} {v}" for k, v in (reader.metadata or {}).items()),
            "objects": "\n".join(strings)}


def name_patterns(name: str) -> list[re.Pattern]:
    """The name, and each part of it the redaction replaces on its own, as whole words
    (white space between the parts of a name may be a line break in extracted text)."""
    parts = re.findall(r"[^\W\d_][\w'’-]{2,}", name)
    whole = r"\s*".join(re.escape(p) for p in name.split())
    return [re.compile(rf"(?<![\w]){p}(?![\w])", re.IGNORECASE)
            for p in [whole, *(re.escape(x) for x in parts)]]


def leaks(texts: dict[str, str], names: list[str]) -> list[tuple[str, str]]:
    return [(where, pattern.pattern) for where, text in texts.items() for name in names
            for pattern in name_patterns(name) if pattern.search(text)]


def confidential_names(case: str) -> list[str]:
    return ZHEKSEBAEV_MONITORS if case == "zheksebaev" else FICTIONAL_NAMES


@pytest.mark.parametrize("case", ["zheksebaev", "fictional"])
def test_no_confidential_name_is_left_in_any_xml_part_of_the_public_docx(reports, case):
    assert leaks(docx_parts(reports[case, True][".docx"]), confidential_names(case)) == []


@pytest.mark.parametrize("case", ["zheksebaev", "fictional"])
def test_no_confidential_name_is_left_in_the_public_pdf_text_strings_or_metadata(
        reports, case):
    assert leaks(pdf_strings(reports[case, True][".pdf"]), confidential_names(case)) == []


def test_the_confidential_docx_names_them_where_the_public_one_does_not(reports):
    """The search above would find the names: the confidential version has them in the
    body, a table, the footnotes, the running header and the document properties."""
    parts = docx_parts(reports["fictional", False][".docx"])
    header = next(text for name, text in parts.items() if name.startswith("word/header")
                  and "Trial fairness report" in text)
    found = {where: [n for n in FICTIONAL_NAMES if n in text] for where, text in
             [("body", parts["word/document.xml"]), ("notes", parts["word/footnotes.xml"]),
              ("header", header), ("properties", parts["docProps/core.xml"])]}
    assert found == {"body": FICTIONAL_NAMES, "notes": FICTIONAL_NAMES,
                     "header": ["Defendant-Placeholder Theta"],
                     "properties": ["Defendant-Placeholder Theta"]}
    zheksebaev = docx_parts(reports["zheksebaev", False][".docx"])["word/document.xml"]
    assert all(name in zheksebaev for name in ZHEKSEBAEV_MONITORS)


def test_the_confidential_pdf_names_them_in_text_and_metadata(reports):
    strings = pdf_strings(reports["fictional", False][".pdf"])
    flat = re.sub(r"\s+", " ", strings["text"])
    assert all(name in flat for name in FICTIONAL_NAMES)
    assert "Defendant-Placeholder Theta" in strings["metadata"]


def test_the_public_version_shows_role_labels_and_keeps_public_names(reports):
    text = native(reports, public=True)
    assert "Row 24 August 2021 | Monitor 1; Monitor 3 |" in text
    assert "Expert-Placeholder Echo" in text and "Askhat Zheksebaev" in text
    assert 'cover.confidentiality "Illustrative example, not a real report — Public version"' \
        in text
    fictional = native(reports, "fictional", public=True)
    assert "Alleged victim A" in fictional and "Witness A" in fictional


def test_the_monitors_of_the_example_are_confidential_by_role():
    case = load_case(REPO / "claims/zheksebaev.yaml", Report()).case
    monitors = [p for p in case.people if "trial-monitor" in p.roles]
    assert [p.name for p in monitors] == ZHEKSEBAEV_MONITORS
    assert all(is_confidential(p) for p in monitors)
    assert case.monitoring.illustrative


# ------------------------------------------------------------------ the report itself


def test_the_report_has_the_parts_of_a_fairness_report_in_order(reports):
    headings = re.findall(r"^  Heading1 (?:\d+ )?#\S+ \"(.+)\"$", native(reports), re.M)
    # the table of authorities after the contents (toolkit/passes/authorities.py)
    assert headings == ["Table of authorities", "Summary and conclusions", "Background",
                        "Methodology",
                        "The proceedings", "Analysis", "Conclusion and grade",
                        "Annex: the grading scale"]


def test_article_14_is_analysed_guarantee_by_guarantee_then_each_right_claimed(reports):
    text = native(reports)
    analysis = text[text.index('"Analysis"'):text.index('"Conclusion and grade"')]
    assert re.findall(r"Heading2 \"Article (\d+)", analysis) == \
        ["14", "9", "15", "19", "21", "22", "25", "26"]
    assert re.findall(r"Heading3 \"Article (14\S*):", analysis) == ["14(1)", "14(3)(b)"]
    for finding in ("impartiality", "facilities", "retroactivity", "expression", "assembly",
                    "participation", "equality"):
        assert f"#finding-{finding} " in analysis
    # claims without a finding are analysed but do not count towards the grade
    assert analysis.count("does not count towards the grade") == 2


def test_every_session_is_reported_in_date_order_with_who_monitored_it(reports):
    text = native(reports)
    sessions = re.findall(r'Heading3 "(\d+ \w+ 2021)"\n  Para \.lead "([^"]+)"', text)
    assert [date for date, _ in sessions] == ["8 June 2021", "13 July 2021", "24 August 2021",
                                             "21 September 2021"]
    assert sessions[2][1] == ("Monitor-Placeholder Alpha and Monitor-Placeholder Delta "
                              "followed the hearing online. Language of the hearing: Russian.")
    assert "The monitoring data in this report are illustrative." in text


def test_the_example_gives_its_findings_to_no_real_person_and_marks_them(reports):
    """DOMAIN.md §1.5: the example's findings and grade are its own, so its expert is a
    fictional placeholder, and every section built from illustrative data says so: the
    summary, the methodology, the proceedings, each finding, the conclusion, the cover
    and the running title (every page). The conviction, whose date is known only as a
    range, is placed in no illustrative session."""
    case = load_case(REPO / "claims/zheksebaev.yaml", Report()).case
    expert = next(p for p in case.people if p.id == case.monitoring.expert)
    assert expert.name.startswith("Expert-Placeholder")
    assert not any("Farrior" in p.name for p in case.people)
    text = native(reports)
    assert 'title "Trial fairness report (illustrative example) — ' in text
    assert 'cover.confidentiality "Illustrative example, not a real report' in text
    assert 'author "Illustrative example, not a publication of TrialWatch' in text
    sections = re.split(r"\n  Heading1 ", text)
    marked = {s.split('"')[1]: "illustrative" in s.lower() for s in sections[1:]}
    # the table of authorities lists sources: nothing in it is illustrative
    assert marked == {"Table of authorities": False, "Summary and conclusions": True,
                      "Background": False,
                      "Methodology": True, "The proceedings": True, "Analysis": True,
                      "Conclusion and grade": True, "Annex: the grading scale": False}
    assert text.count("**Finding (illustrative).**") == len(case.monitoring.findings)
    assert text.count("**Grade D (illustrative):") == 2
    assert all("convicted" not in (s.notes or "") for s in case.monitoring.sessions)


def test_the_annex_and_the_methodology_say_whose_scale_it_is(reports):
    text = native(reports)
    annex = text[text.index('"Annex: the grading scale"'):]
    owner = SCALE.owner.replace("'", "’")  # printed with the typographic apostrophe
    assert f"This scale is {owner}." in annex
    assert "not the published grading scale of TrialWatch" in SCALE.owner
    methodology = text[text.index('"Methodology"'):text.index('"The proceedings"')]
    assert f"That scale is {owner}." in methodology
    assert "scale reproduced in the annex" not in text


def test_a_scale_without_its_owner_is_refused(tmp_path):
    folder = tmp_path / "fairness-report"
    folder.mkdir()
    text = (REPO / "templates/fairness-report/grading.yaml").read_text()
    start = text.index("owner: >")
    (folder / "grading.yaml").write_text(text[:start] + text[text.index("effects:"):])
    with pytest.raises(CovenantError) as info:
        load_scale(tmp_path)
    assert "owner" in info.value.report.as_text()


def test_the_annex_prints_the_scale_file_in_full(reports):
    text = native(reports)
    annex = text[text.index('"Annex: the grading scale"'):text.index("Notes ")]
    for grade in SCALE.in_order():
        assert f"Row **{grade.grade}** | {grade.name} | {grade.definition}" in annex
        assert f"Row **{grade.grade}** | {grade.rule}" in annex


def test_the_cover_shows_court_dates_and_the_grade_large(reports):
    paths = reports["zheksebaev", False]
    with zipfile.ZipFile(paths[".docx"]) as z:
        body = etree.fromstring(z.read("word/document.xml"))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    sizes = {"".join(run.itertext()): int(run.find(f"{w}rPr/{w}sz").get(f"{w}val"))
             for run in body.iter(f"{w}r") if run.find(f"{w}rPr/{w}sz") is not None}
    assert sizes["D"] >= 120, "the grade is printed at 60 pt or more"
    cover = PdfReader(str(paths[".pdf"])).pages[0].extract_text()
    for wanted in ("Trial fairness report", "Kazakhstan: the trial of Askhat Zheksebaev",
                   "Court of first instance, Almaty",
                   "Sessions monitored: 8 June – 21 September 2021 (illustrative)",
                   "ILLUSTRATIVE EXAMPLE, NOT A REAL REPORT",
                   "GRADE", "Violations that affected the outcome"):
        assert wanted in " ".join(cover.split()), wanted
    assert re.search(r"GRADE\s*D", cover)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_shows_no_confidential_name_in_the_public_docx(reports, tmp_path):
    docx = reports["zheksebaev", True][".docx"]
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(docx)],
                   capture_output=True, timeout=180, check=True)
    text = "\n".join(p.extract_text() for p in PdfReader(str(tmp_path / f"{docx.stem}.pdf"))
                     .pages)
    assert "Monitor 2" in text
    assert leaks({"libreoffice": text}, ZHEKSEBAEV_MONITORS) == []


def _session_case(ws, session_date: str, appeals: list | None = None):
    import yaml

    path = ws / "claims" / "zheksebaev.yaml"
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    proceeding = next(p for p in case["proceedings"]
                      if p["id"] == case["monitoring"]["proceeding"])
    proceeding["judgment"]["date"] = "2021-10"
    if appeals is not None:
        proceeding["appeals"] = appeals
    case["monitoring"]["sessions"][0]["date"] = session_date
    path.write_text(yaml.safe_dump(case, allow_unicode=True), encoding="utf-8")
    from toolkit import api
    from toolkit.workspace.folders import Workspace

    report = api.check(Workspace(ws), [path], today=TODAY).report
    return [w for w in report.warnings if w.code == "session-after-judgment"]


@pytest.mark.parametrize(("session", "appeals", "warned"), [
    ("2021-10-31", [], False),  # the judgment's last possible day: may be the trial
    ("2021-11-01", [], True),  # surely after a judgment of October 2021, no remedy
    ("2022-03-15", [{"kind": "appeal", "court": "Appeal court", "status": "decided",
                     "decided": "2022-03-15"}], False),  # the appeal's hearing day
    ("2022-03-16", [{"kind": "appeal", "court": "Appeal court", "status": "decided",
                     "decided": "2022-03-15"}], True),  # after the appeal too
    ("2022-03-16", [{"kind": "cassation", "court": "Supreme Court", "status": "pending"}],
     False),
])
def test_a_session_after_the_judgment_needs_a_remedy_it_belongs_to(example_workspace, session,
                                                                   appeals, warned):
    assert bool(_session_case(example_workspace, session, appeals)) is warned

