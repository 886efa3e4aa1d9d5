"""The English Zheksebaev communication to the Human Rights Committee, as native dump,
DOCX and PDF: every part of the OHCHR model form is there in both formats, in order;
the facts run in date order; each complaint gives the standard, then its application,
then working links to the fact paragraphs; the footnotes agree; interim measures and
anonymity appear only when the case asks for them."""

from __future__ import annotations

import re
import shutil
import zipfile
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path

import pytest
import yaml
from lxml import etree
from pypdf import PdfReader

from tests.conftest import REPO, TODAY
from tests.docx_reading import fields, list_numbers
from toolkit.covenant import parse_provision
from toolkit.model.dates import format_date, parse_date
from toolkit.model.document import plain_text
from toolkit.model.errors import Report
from toolkit.readers.claims import load_case
from toolkit.readers.library import Library
from toolkit.workspace.build import build, build_document
from toolkit.workspace.folders import Workspace
from toolkit.writers.docx import bookmark_name

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TITLE = "Communication to the Human Rights Committee"
SUBTITLE = ("submitted under the Optional Protocol to the International Covenant on Civil "
            "and Political Rights")
AUTHORITIES = "Table of authorities"
SECTIONS = [  # (level, heading) in the order of the OHCHR model form
    (1, "Information on the author and the alleged victim"),
    (1, "State party and provisions of the Covenant"),
    (1, "Admissibility"),
    (2, "Exhaustion of domestic remedies"),
    (2, "Other international procedures"),
    (2, "Time of submission"),
    (2, "Competence ratione temporis"),
    (2, "Victim status and substantiation of the claims"),
    (1, "The facts"),
    (1, "The complaint"),
    (1, "Remedies sought"),
    (1, "Annexed documents"),
]
INTERIM = "Request for interim measures"
ANONYMITY = "Request that the author’s identity not be disclosed"


def squash(text: str) -> str:
    """Text compared across formats: no white space, no hyphenation at line ends."""
    text = re.sub(r"[\u2010\u00ad]\s*\n\s*", "", text)
    return re.sub(r"[\s\u00ad\u200b]+", "", text)


def in_order(haystack: str, needles: list[str]) -> None:
    """Every needle is in the squashed haystack, each after the one before."""
    position = 0
    for needle in needles:
        found = haystack.find(squash(needle), position)
        assert found >= 0, f"not found after position {position}: {needle!r}"
        position = found + 1


@dataclass
class Docx:
    blocks: list[tuple[str, str]]  # (paragraph style or "table", text) in body order
    tables: list[list[list[str]]]
    hyperlinks: list[tuple[str, str]]  # (anchor, text)
    bookmarks: dict[str, str]  # bookmark name -> text of its paragraph
    references: list[tuple[str, str]]  # (instruction, cached result) of every REF field
    footnotes: list[str]

    def text(self) -> str:
        return squash("".join(text for _, text in self.blocks))


def read_docx(path: Path) -> Docx:
    """The DOCX as Word shows it: a numbered paragraph's text starts with the number its
    Word list gives it (counted from numbering.xml) and a tab."""
    with zipfile.ZipFile(path) as z:
        body = etree.fromstring(z.read("word/document.xml")).find(f"{W}body")
        notes = etree.fromstring(z.read("word/footnotes.xml"))
        numbers = list_numbers(body, etree.fromstring(z.read("word/numbering.xml")))

    def text_of(element) -> str:  # a tab separates a paragraph's number from its text
        listed = numbers.get(element)
        shown = f"{listed}\t" if listed and element.find(f"{W}pPr/{W}pStyle").get(
            f"{W}val") in ("Heading1", "NumberedParagraph") else ""
        return shown + "".join("\t" if t.tag == f"{W}tab" else t.text or ""
                               for t in element.iter(f"{W}t", f"{W}tab"))

    blocks, tables, bookmarks = [], [], {}
    for child in body:
        if child.tag == f"{W}p":
            style = child.find(f"{W}pPr/{W}pStyle")
            blocks.append((style.get(f"{W}val") if style is not None else "", text_of(child)))
            for mark in child.iter(f"{W}bookmarkStart"):
                bookmarks[mark.get(f"{W}name")] = text_of(child)
        elif child.tag == f"{W}tbl":
            rows = [[text_of(cell) for cell in row.iter(f"{W}tc")]
                    for row in child.iter(f"{W}tr")]
            tables.append(rows)
            blocks.append(("table", " ".join(" ".join(row) for row in rows)))
    hyperlinks = [(link.get(f"{W}anchor"), text_of(link)) for link in body.iter(f"{W}hyperlink")]
    footnotes = [text_of(note) for note in notes.iter(f"{W}footnote")
                 if int(note.get(f"{W}id")) > 0]
    references = [f for f in fields(body) if f[0].startswith("REF ")]
    return Docx(blocks, tables, hyperlinks, bookmarks, references, footnotes)


@dataclass
class Native:
    lines: list[str]

    def paragraphs(self) -> list[tuple[str, str, str]]:
        """(number, anchor, text) of every numbered paragraph, in order."""
        found = []
        for line in self.lines:
            match = re.match(r'  Para (\d+\.\d+)(?: #(\S+))? "(.*)"$', line)
            if match:
                found.append((match[1], match[2] or "", match[3]))
        return found

    def headings(self) -> list[tuple[int, str]]:
        found = []
        for line in self.lines:
            match = re.match(r'  Heading(\d)(?: \d+)? "(.*)"$', line)
            if match:
                found.append((int(match[1]), match[2]))
        return found


@dataclass
class Communication:
    case: object  # toolkit.model.CaseFile
    document: object  # toolkit.document.Document
    native: Native
    docx: Docx
    pdf: PdfReader
    pdf_pages: list[str]

    @property
    def pdf_text(self) -> str:
        return squash("".join(self.pdf_pages))


def _workspace(root: Path) -> Workspace:
    for folder in ("claims", "citations", "templates"):
        shutil.copytree(REPO / folder, root / folder)
    (root / "drafts").mkdir()
    return Workspace(root)


def _build(ws: Workspace, claim: Path, formats: list[str]) -> dict[str, Path]:
    (output,) = build(ws, [claim], "communication", formats, today=TODAY)
    return {p.suffix: p for p in output.paths}


@pytest.fixture(scope="module")
def communication(tmp_path_factory) -> Communication:
    ws = _workspace(tmp_path_factory.mktemp("ws"))
    claim = ws.claims / "zheksebaev.yaml"
    paths = _build(ws, claim, ["native", "docx", "pdf"])
    report = Report()
    case = load_case(claim, report).case
    document, _ = build_document(case, "communication", ws, Library.from_folder(
        ws.citations, report), "covenant-oscola", report, TODAY)
    assert not report.errors
    pdf = PdfReader(str(paths[".pdf"]))
    return Communication(case, document,
                         Native(paths[".txt"].read_text(encoding="utf-8").splitlines()),
                         read_docx(paths[".docx"]), pdf,
                         [page.extract_text() for page in pdf.pages])


@pytest.fixture(scope="module")
def with_requests(tmp_path_factory) -> tuple[Native, Docx]:
    """The same case asking for interim measures and for anonymity."""
    ws = _workspace(tmp_path_factory.mktemp("requests"))
    claim = ws.claims / "zheksebaev.yaml"
    data = yaml.safe_load(claim.read_text(encoding="utf-8"))
    data["interim_measures"] = {
        "requested": True,
        "measures": "to refrain from enforcing the ban on social and political activity",
        "reason": "Enforcing the ban would silence the author for the whole proceedings."}
    data["anonymity_requested"] = True
    claim.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True),
                     encoding="utf-8")
    paths = _build(ws, claim, ["native", "docx"])
    return (Native(paths[".txt"].read_text(encoding="utf-8").splitlines()),
            read_docx(paths[".docx"]))


# ------------------------------------------------------------ the form, in both formats


def test_cover_names_the_committee_and_the_optional_protocol(communication):
    c = communication
    assert c.document.cover["title"] == TITLE
    assert c.document.cover["subtitle"] == SUBTITLE
    assert ("Title", TITLE) in c.docx.blocks
    assert ("Subtitle", SUBTITLE) in c.docx.blocks
    in_order(squash(c.pdf_pages[0]), [TITLE, SUBTITLE, "Askhat Zheksebaev v Kazakhstan"])


def test_every_section_is_present_in_order_in_both_formats(communication):
    c = communication
    headings = [h for h in c.native.headings() if not h[1].startswith("Article ")]
    assert (2, "Competence *ratione temporis*") in headings  # Latin in italics
    # (headings with an anchor, the authorities', are not read)
    assert [(level, text.replace("*", "")) for level, text in headings] == SECTIONS
    docx_headings = [(int(style[-1]), re.sub(r"^\d+\t", "", text))
                     for style, text in c.docx.blocks if style.startswith("Heading")
                     and not re.sub(r"^\d+\t", "", text).startswith("Article ")]
    # the table of authorities first (toolkit/passes/authorities.py), then the form's order
    assert docx_headings == [(1, AUTHORITIES), *SECTIONS]
    in_order(c.pdf_text, [heading for _, heading in SECTIONS])
    assert [item.title for item in c.pdf.outline if not isinstance(item, list)] == \
        [AUTHORITIES] + [f"{n} {heading}" for n, heading in
         enumerate((h for level, h in SECTIONS if level == 1), start=1)]


def test_author_and_alleged_victim(communication):
    c = communication
    wanted = ["Author. Askhat Zheksebaev, a national of Kazakhstan",
              "The author submits the communication on their own behalf, as the alleged "
              "victim of the violations set out below."]
    in_order(c.docx.text(), wanted)
    in_order(c.pdf_text, wanted)


def test_state_party_with_the_date_the_optional_protocol_entered_into_force(communication):
    c = communication
    wanted = ["The communication is directed against Kazakhstan.",
              "the Optional Protocol entered into force for it on 30 September 2009."]
    in_order(c.docx.text(), wanted)
    in_order(c.pdf_text, wanted)


def test_provisions_invoked_are_listed_with_their_short_titles(communication):
    c = communication
    provisions = sorted({parse_provision(ref) for claim in c.case.claims
                         for ref in (claim.provision, *claim.read_with)},
                        key=lambda p: p.sort_key)
    assert len(provisions) >= 5
    items = [f"Article {p}: {p.title}" for p in provisions]
    assert [text for style, text in c.docx.blocks if style == "ListBullet"] == items
    in_order(c.pdf_text, ["State party and provisions of the Covenant", *items, "Admissibility"])


def test_exhaustion_table_lists_each_domestic_step(communication):
    c = communication
    proceeding = c.case.proceedings[0]
    table = next(t for t in c.docx.tables if t[0][0] == "Step")  # after the authorities'
    assert table[0] == ["Step", "Court", "Date", "Outcome"]
    # The example's sources name neither the court that gave judgment (judgment.court:
    # unknown) nor the one that decided the appeal (decided_by: unknown), nor say whether
    # a cassation appeal was lodged (exhausted: unknown).
    assert [row[:2] for row in table[1:]] == [
        ["judgment", f"{proceeding.court} ([to be confirmed: the court that decided])"],
        *[[a.kind, f"{a.court} (brought there; [to be confirmed: the court that decided])"]
          for a in proceeding.appeals]]
    assert table[1][2] == format_date(parse_date(proceeding.judgment.date))
    in_order(c.pdf_text, ["Exhaustion of domestic remedies", "Step Court Date Outcome",
                          "judgment", "Almaty City Court", "The last decision on an ordinary "
                          "remedy is the decision on appeal, given between",
                          "by [to be confirmed: the court that decided].",
                          "[To be confirmed: that no further ordinary remedy is available"])
    assert "have therefore been exhausted" not in c.pdf_text


def test_other_international_procedures_statement(communication):
    # The example's sources say nothing of other procedures: the draft asks, never states.
    wanted = ["Other international procedures", "[To be confirmed: whether the same matter "
              "has been submitted to another procedure of international investigation or "
              "settlement (article 5(2)(a) of the Optional Protocol), and, if so, its "
              "outcome.]"]
    in_order(communication.docx.text(), wanted)
    in_order(communication.pdf_text, wanted)


def test_time_of_submission_names_the_filing_date_and_no_window_when_in_time(communication):
    """The appeal's decision is known only as a range whose five-year window lies wholly
    after the filing date: in time whatever its day, so no window is printed; the last
    decision is not called the exhaustion of remedies while exhaustion is unknown."""
    c = communication
    filed = format_date(parse_date(c.case.filing.date))
    wanted = ["Time of submission", f"The communication is submitted on {filed}, within five "
              "years of the last domestic decision", "rule 99(c)"]
    in_order(c.docx.text(), wanted)
    in_order(c.pdf_text, wanted)
    assert "That period ends" not in c.pdf_text
    assert "exhaustion of domestic remedies, and so" not in c.pdf_text


def test_facts_are_numbered_in_date_order(communication):
    c = communication
    facts = [(number, anchor) for number, anchor, _ in c.native.paragraphs()
             if anchor.startswith("fact:")]
    assert sorted(anchor for _, anchor in facts) == sorted(f"fact:{f.id}" for f in c.case.facts)
    assert [number for number, _ in facts] == [f"4.{n}" for n in range(1, len(facts) + 1)]
    dates = {f"fact:{f.id}": parse_date(f.date) for f in c.case.facts}
    starts = [(dates[anchor].start, dates[anchor].end) for _, anchor in facts]
    assert starts == sorted(starts)
    assert len(set(starts)) > 10  # the order is tested on many different dates


def test_a_fact_led_by_its_date_begins_with_a_capital(communication):
    # "**on or about 30 June 2020.** The decision …" began a paragraph in lower case
    leads = [text for _, anchor, text in communication.native.paragraphs()
             if anchor.startswith("fact:") and text.startswith("**")]
    assert any(lead.startswith("**On or about 30 June 2020.**") for lead in leads)
    assert all(lead[2:3].isupper() or lead[2:3].isdigit() for lead in leads), leads


def test_each_complaint_gives_the_standard_then_the_application_then_the_facts(communication):
    c = communication
    paragraphs = c.native.paragraphs()
    numbers = {anchor: number for number, anchor, _ in paragraphs if anchor}
    for claim in c.case.claims:
        provision = parse_provision(claim.provision)
        (at,) = [i for i, (_, anchor, _) in enumerate(paragraphs)
                 if anchor == f"claim:{claim.id}"]
        standard, facts = paragraphs[at - 1][2], paragraphs[at + 1][2]
        assert standard.startswith(f"Article {provision} of the Covenant "), standard
        # Every number links to its fact; consecutive ones make a range ("4.3–4.8").
        refs = re.findall(r"\[(?:para )?(\d+\.\d+)\]\(#(fact:[^)]+)\)", facts)
        assert all(numbers[anchor] == number for number, anchor in refs), refs
        plain = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", facts)
        covered = set()
        for first, last in re.findall(r"(\d+\.\d+)(?:\u2013(\d+\.\d+))?", plain):
            section, start = first.split(".")
            end = last.split(".")[1] if last else start
            covered |= {f"{section}.{n}" for n in range(int(start), int(end) + 1)}
        assert covered == {numbers[f"fact:{f}"] for f in claim.facts}, plain
        assert plain.startswith("The facts on which this claim rests are set out in para")
        assert facts.endswith(f"The author therefore submits that the State party has "
                              f"violated article {provision} of the Covenant.")
    headings = [h for level, h in c.native.headings() if h.startswith("Article ")]
    assert headings == [f"Article {p}: {p.title}" for p in sorted(
        {parse_provision(claim.provision) for claim in c.case.claims}, key=lambda p: p.sort_key)]


def _fact_references(c: Communication) -> list[tuple[str, str]]:
    """(fact anchor, paragraph number) of every cross-reference in the native dump's body
    (after the table of authorities): "para 4.13", and each number of "paras 4.3–4.8 and
    4.12"."""
    lines = c.native.lines
    body = lines.index(next(line for line in lines if SECTIONS[0][1] in line))
    return [(anchor, number) for line in lines[body:] for number, anchor in
            re.findall(r"\[(?:para )?(\d+\.\d+)\]\(#(fact:[^)]+)\)", line)]


def test_pdf_cross_references_are_links_to_the_fact_paragraphs(communication):
    c = communication
    references = _fact_references(c)
    assert len(references) >= 20
    links = []
    body = next(i for i, page in enumerate(c.pdf_pages) if SECTIONS[0][1] in page)
    for page_number, page in enumerate(c.pdf.pages):
        if page_number < body:  # the table of authorities links its paragraphs too
            continue
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") == "/Link" and "/Dest" in annotation:
                links.append((str(annotation["/Dest"]), page_number))
    # A link broken over two lines is two annotations: compare the runs of one target.
    runs = [dest for dest, _ in groupby(dest for dest, _ in links)]
    assert runs == [anchor for anchor, _ in groupby(anchor for anchor, _ in references)]
    destinations = c.pdf.named_destinations
    numbers = dict(references)
    for dest, page_number in links:
        target = c.pdf.get_destination_page_number(destinations[dest])
        assert target <= page_number, dest  # facts come before the complaint
        assert re.search(rf"(?m)^{re.escape(numbers[dest])} ", c.pdf_pages[target]), dest
        assert squash(numbers[dest]) in squash(c.pdf_pages[page_number]), dest


def test_docx_cross_references_are_ref_fields_showing_the_numbered_paragraph(communication):
    """Each "para 4.13", and each number of "paras 4.3–4.8", is a REF field to the fact
    paragraph's bookmark, whose cached result is the number that paragraph's Word list
    shows: Word keeps it right after edits, and shows it right before any update."""
    c = communication
    references = _fact_references(c)
    # the table of authorities' paragraph numbers come first, REF fields as well
    table = sum(1 for line in c.native.lines[:c.native.lines.index(
        next(line for line in c.native.lines if SECTIONS[0][1] in line))]
        for _ in re.findall(r"\]\(#", line))
    assert len(c.docx.references) - table == len(references) >= 20
    assert not [a for a, _ in c.docx.hyperlinks if a and a.startswith("_fact")]
    for (instruction, shown), (anchor, number) in zip(c.docx.references[table:],
                                                      references, strict=True):
        name, *switches = instruction.split()[1:]
        assert switches == ["\\w", "\\h"] and name == bookmark_name(anchor), instruction
        assert shown == number
        assert c.docx.bookmarks[name].split("\t")[0] == number, anchor
    assert c.docx.text().count(squash("para")) >= len(c.case.claims)


def test_remedies_sought(communication):
    c = communication
    remedies = [" ".join(r.split()[:6]) for r in c.case.remedies_sought]
    assert [text for style, text in c.docx.blocks if style == "ListNumber"][0].startswith(
        remedies[0])
    wanted = ["Remedies sought", "The author asks the Committee to find that the State party "
              "has violated articles", *remedies]
    in_order(c.docx.text(), wanted)
    in_order(c.pdf_text, wanted)


def test_annexes_table(communication):
    c = communication
    table = c.docx.tables[-1]
    assert table[0] == ["No", "Document", "Language", "Date"]
    names = {"ru": "Russian", "en": "English"}  # a language by its name, never its code
    assert [row[:3] for row in table[1:]] == [[str(a.number), a.title, names[a.language]]
                                              for a in c.case.annexes]
    in_order(c.pdf_text, ["Annexed documents", "No Document", *[a.title for a in c.case.annexes]])


def test_place_date_and_signature_close_the_communication(communication):
    c = communication
    filed = format_date(parse_date(c.case.filing.date))
    block = [f"{c.case.filing.place}, {filed}", "Signature: ______________________________",
             "Askhat Zheksebaev, author"]
    assert [text for _, text in c.docx.blocks[-3:]] == block
    assert c.docx.blocks[-4][0] == "table"  # straight after the annexes
    in_order(c.pdf_text, ["Annexed documents", *block])
    assert squash(c.pdf_pages[-1]).find(squash(block[-1])) >= 0


# ------------------------------------------------------------ footnotes and numbering


def test_at_least_thirty_footnotes_the_same_in_docx_and_pdf(communication):
    c = communication
    notes = c.document.notes
    assert len(notes) >= 30
    assert len(c.docx.footnotes) == len(notes)
    assert f"Notes {len(notes)}" in c.native.lines
    for note, text in zip(notes, c.docx.footnotes, strict=True):
        assert squash(text) == squash(plain_text(note.children)), note.number
    # the PDF: each note's number and text, in order (an extra note would shift the
    # numbers), and after the last one only the page footer
    bodies = [squash(f"{note.number} {plain_text(note.children)}") for note in notes]
    in_order(c.pdf_text, bodies)
    rest = c.pdf_text[c.pdf_text.rindex(bodies[-1]) + len(bodies[-1]):]
    assert re.fullmatch(r"Communicationto.*Page(\d+)of\1", rest), rest


def test_paragraphs_are_numbered_1_1_to_7_1_in_both_formats(communication):
    c = communication
    numbers = [number for number, _, _ in c.native.paragraphs()]
    assert numbers[0] == "1.1" and numbers[-1] == "7.1"
    assert {n.split(".")[0] for n in numbers} == {str(s) for s in range(1, 8)}
    for section in range(1, 8):
        in_section = [int(n.split(".")[1]) for n in numbers if n.startswith(f"{section}.")]
        assert in_section == list(range(1, len(in_section) + 1)), section
    docx_numbers = [text.split("\t")[0] for style, text in c.docx.blocks
                    if style == "NumberedParagraph"]
    assert docx_numbers == numbers
    lines = "\n".join(c.pdf_pages)
    pdf_numbers = re.findall(r"(?m)^(\d+\.\d+) ", lines)
    assert [n for n in pdf_numbers if n in numbers] == numbers


# ------------------------------------------------------------ requests, only when asked


def test_no_interim_measures_or_anonymity_sections_unless_requested(communication):
    c = communication
    assert not c.case.anonymity_requested
    assert not (c.case.interim_measures and c.case.interim_measures.requested)
    for text in (INTERIM, ANONYMITY, "not to disclose"):
        assert squash(text) not in c.docx.text()
        assert squash(text) not in c.pdf_text
        assert not any(text in line for line in c.native.lines)


def test_interim_measures_and_anonymity_sections_when_requested(with_requests):
    native, docx = with_requests
    headings = [h for level, h in native.headings() if level == 1]
    assert headings[headings.index("Remedies sought") + 1:] == [INTERIM, ANONYMITY,
                                                                "Annexed documents"]
    assert [re.sub(r"^\d+\t", "", t) for s, t in docx.blocks if s == "Heading1"][-3:] == \
        [INTERIM, ANONYMITY, "Annexed documents"]
    in_order(docx.text(), [
        "The author asks the Committee not to disclose their identity",  # section 1
        INTERIM, "Special Rapporteur on new communications and interim measures",
        "to refrain from enforcing the ban on social and political activity",
        "Enforcing the ban would silence the author for the whole proceedings.",
        ANONYMITY, "refer to them by initials"])
    numbers = [number for number, _, _ in native.paragraphs()]
    assert numbers[-1] == "9.1"
