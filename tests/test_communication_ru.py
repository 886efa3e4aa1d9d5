"""The communication in Russian (claims/zheksebaev-ru.yaml, `case.language: ru`): Russian
headings, wording, dates, footer and citation terms in native, DOCX and PDF alike, and no
English standard wording left over."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
import yaml
from lxml import etree
from pypdf import PdfReader

from tests.conftest import REPO, TODAY
from toolkit.workspace.build import build
from toolkit.workspace.folders import Workspace

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NOTE_SIZE = 8.5 * 4 / 3  # the PDF's footnote numbers: 8.5pt (style.css), in CSS px

HEADINGS = [  # every section and sub-section of the Zheksebaev communication, in order
    "Сведения об авторе и предполагаемой жертве",
    "Государство-участник и положения Пакта",
    "Приемлемость",
    "Исчерпание внутренних средств правовой защиты",
    "Другие процедуры международного разбирательства",
    "Срок представления сообщения",
    "Компетенция ratione temporis",
    "Статус жертвы и обоснованность требований",
    "Факты",
    "Существо жалобы",
    "Пункт 1 статьи 9: запрет произвольного ареста или содержания под стражей",
    "Пункт 1 статьи 14: равенство перед судами; справедливое и публичное разбирательство "
    "дела независимым и беспристрастным судом",
    "Пункт 3 b) статьи 14: достаточное время и возможности для подготовки защиты; право "
    "сноситься с выбранным им самим защитником",
    "Пункт 1 статьи 15: недопустимость осуждения и более тяжкого наказания без закона, "
    "действовавшего в момент деяния",
    "Пункт 2 статьи 19: свобода выражения мнений",
    "Статья 21: право на мирные собрания",
    "Пункт 1 статьи 22: свобода ассоциации",
    "Пункт a) статьи 25: участие в ведении государственных дел",
    "Статья 26: равенство перед законом и запрещение дискриминации",
    "Испрашиваемые средства правовой защиты",
    "Прилагаемые документы",
]

# What the English templates and the citation machinery say; none of it may appear.
ENGLISH_WORDING = [
    "The facts relied on", "Article 14(3)(b) of the Covenant", "Remedies sought",
    "of the Covenant", "The author", "The communication", "State party", "has therefore "
    "violated", "In its General Comment", "has explained that", "It has also explained",
    "Domestic remedies", "The same matter", "Optional Protocol entered", "Signature",
    "Copies of the following", "counsel for the author", "Information on the author",
    "Admissibility", "The complaint", "Annexed documents", "Time of submission",
]
ENGLISH_APPARATUS = ["ibid", "para ", "paras ", "(n ", " art ", "annex ", "adopted ",
                     "entered into force", "accessed", "Communication No", "Communications No",
                     "UN Doc", "Views adopted", "(joined", "joined;", "not seen", " и Kazakhstan",
                     " и International", "(сн. ", "11.2020", "Там же п", "Там же ст"]
# The only Latin-script words the body may hold: names of services and organisations in
# the case file, and the sub-paragraph letters of provisions ("пункт 3 b)").
# "Kylyshev": how the IPHR/KIBHR briefing spells a co-defendant's name, quoted as its
# source writes it (the fact notes the spelling: issue 22).
# "ratione temporis": Latin in the Committee's Russian Views too («ratione temporis»).
LATIN_ALLOWED = {"Facebook", "Telegram", "YouTube", "TrialWatch", "Clooney", "Foundation",
                 "for", "Justice", "a", "b", "c", "Kylyshev", "ratione", "temporis"}


AUTHORITIES = "Перечень цитируемых источников"  # the table of authorities' title


def without_authorities(text: str) -> str:
    """The text without the table of authorities (toolkit/passes/authorities.py), which
    prints the library's titles as the footnotes do: from its title to section 1."""
    start = text.find(AUTHORITIES)
    if start < 0:
        return text
    return text[:start] + text[text.index(HEADINGS[0], start):]


def squash(text: str) -> str:
    """Text compared across formats: no white space, no soft or line-end hyphens."""
    text = re.sub(r"\u2010\s*\n\s*", "", text)  # WeasyPrint's automatic hyphenation
    return re.sub(r"[\s\u00ad\u200b]+", "", text)


def _workspace(root: Path) -> Workspace:
    for folder in ("claims", "citations", "templates"):
        shutil.copytree(REPO / folder, root / folder)
    (root / "drafts").mkdir()
    return Workspace(root)


@pytest.fixture(scope="module")
def russian(tmp_path_factory):
    ws = _workspace(tmp_path_factory.mktemp("ws"))
    (output,) = build(ws, [ws.claims / "zheksebaev-ru.yaml"], "communication",
                      ["native", "docx", "pdf"], today=TODAY)
    paths = {p.suffix: p for p in output.paths}
    with zipfile.ZipFile(paths[".docx"]) as z:
        parts = {name: z.read(name) for name in z.namelist() if name.startswith("word/")}
    reader = PdfReader(str(paths[".pdf"]))
    return {"native": paths[".txt"].read_text(encoding="utf-8").replace("\u00a0", " "),
            "docx": parts,
            "pdf": reader, "pdf_pages": [page.extract_text() for page in reader.pages]}


def _xml_text(data: bytes) -> str:
    return "".join(t.text or "" for t in etree.fromstring(data).iter(f"{W}t"))


def _docx_paragraphs(data: bytes) -> list[str]:
    return ["".join(t.text or "" for t in p.iter(f"{W}t"))
            for p in etree.fromstring(data).iter(f"{W}p")]


def _docx_notes(parts: dict) -> list[str]:
    notes = etree.fromstring(parts["word/footnotes.xml"])
    return ["".join(t.text or "" for t in note.iter(f"{W}t")).strip().replace("\u00a0", " ")
            for note in notes.iter(f"{W}footnote") if int(note.get(f"{W}id")) > 0]


def _pdf_note_numbers(reader: PdfReader) -> list[int]:
    """The numbers in front of the notes at the foot of each page (8.5pt digits)."""
    numbers: list[int] = []

    def visit(text, cm, tm, font, size):
        scale = abs(tm[0]) if tm and tm[0] else 1
        if text.strip().isdigit() and abs(size * scale - NOTE_SIZE) < 0.3:
            numbers.append(int(text.strip()))

    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    return numbers


def test_the_russian_communication_builds_to_native_docx_and_pdf(russian):
    assert russian["native"].startswith("Document kind=communication language=ru")
    assert "word/document.xml" in russian["docx"]
    assert len(russian["pdf"].pages) >= 8


def test_every_heading_is_russian_in_docx_and_pdf(russian):
    native_headings = re.findall(r'^  Heading\d (?:\S+ )?"(.*)"$', russian["native"], re.M)
    assert "Компетенция *ratione temporis*" in native_headings  # Latin in italics
    assert [h.replace("\u00a0", " ").replace("*", "") for h in native_headings] == \
        [AUTHORITIES, *HEADINGS]
    docx = {squash(p) for p in _docx_paragraphs(russian["docx"]["word/document.xml"])}
    pdf = squash("\n".join(russian["pdf_pages"]))
    for heading in HEADINGS:
        assert any(p.endswith(squash(heading)) for p in docx), heading  # after its number
        assert squash(heading) in pdf, heading


def test_dates_are_russian_on_the_cover_in_the_text_and_at_the_signature(russian):
    body = _xml_text(russian["docx"]["word/document.xml"])
    pdf = " ".join(russian["pdf_pages"])
    # "г." is bound to its year by a no-break space so it never starts a line
    body, pdf = body.replace("\u00a0", " "), pdf.replace("\u00a0", " ")
    for text in (body, pdf):
        assert "20 ноября 2026 г." in text  # the cover and the signature
        assert "30 сентября 2009 г." in text
        assert "November" not in text
    assert "Алматы, 20 ноября 2026 г." in body
    assert "13 марта 2018 г." in body and "Около 30 июня 2020 г." in body


def test_the_footer_reads_page_n_of_m_in_russian(russian):
    footers = [_xml_text(data) for name, data in russian["docx"].items()
               if re.fullmatch(r"word/footer\d+\.xml", name)]
    assert any(text.startswith("Стр. ") and " из " in text for text in footers)
    assert not any("Page" in text for text in footers)
    pages = russian["pdf_pages"]
    for number, text in enumerate(pages[1:], start=2):  # the cover has no footer
        assert f"Стр. {number} из {len(pages)}" in text
        assert f"page {number} of" not in text


def test_notes_use_russian_terms_and_docx_and_pdf_carry_the_same_notes(russian):
    notes = _docx_notes(russian["docx"])
    assert len(notes) >= 30
    assert len(notes) == int(re.search(r"^Notes (\d+)$", russian["native"], re.M).group(1))
    assert _pdf_note_numbers(russian["pdf"]) == list(range(1, len(notes) + 1))
    pdf = squash("\n".join(russian["pdf_pages"]))
    position = 0
    for number, note in enumerate(notes, start=1):
        found = pdf.find(squash(note), position)
        assert found >= 0, f"note {number} is not in the PDF after note {number - 1}: {note}"
        position = found
    # GOST R 7.0.5-2008: «Там же.» with its full stop, a pinpoint after it a new element
    assert sum(note.startswith("Там же.") for note in notes) >= 10
    assert "Там же." in notes and "Там же. П. 2." in notes
    assert any(re.search(r"\bп\. \d", note) for note in notes)
    assert any(re.search(r"^Там же\. Пп\. \d", note) for note in notes)
    # a repeated citation: the short title (GOST section 8), no "(сн. 3)"
    assert "Пакт. П. 1 ст. 15." in notes
    assert "Human Rights Watch. Указ. соч." in notes
    assert any("(принят 16 декабря 1966 г., вступил в силу 23 марта 1976 г.)" in note
               for note in notes)
    # the UN's Russian usage for the Committee's Views
    assert any(re.search(r"\(сообщение № \d+/\d{4}\), Соображения, принятые \d+ [а-я]+ "
                         r"\d{4} г\., документ ООН CCPR/C/", note) for note in notes)
    assert any("(сообщения № 2257/2013, 2334/2014)" in note for note in notes)
    # GOST lists several authors with commas, without a Russian "и" between English names
    assert any("International Partnership for Human Rights, Kazakhstan International Bureau"
               in note for note in notes)
    assert any("ср. " in note for note in notes) and any(n.startswith("См. ") for n in notes)
    for note in notes:
        for word in ENGLISH_APPARATUS:
            assert word not in note, (word, note)


def test_no_english_standard_wording_leaks(russian):
    body = without_authorities(_xml_text(russian["docx"]["word/document.xml"]))
    pdf = without_authorities(" ".join(russian["pdf_pages"]))
    for text in (body, without_authorities(russian["native"]), pdf):
        for phrase in ENGLISH_WORDING:
            assert phrase not in text, phrase
    assert set(re.findall(r"[A-Za-z]+", body)) <= LATIN_ALLOWED


def test_an_english_communication_keeps_the_english_footer(tmp_path):
    ws = _workspace(tmp_path)
    (output,) = build(ws, [ws.claims / "zheksebaev.yaml"], "communication", ["docx"],
                      today=TODAY)
    with zipfile.ZipFile(output.paths[0]) as z:
        footers = [_xml_text(z.read(n)) for n in z.namelist()
                   if re.fullmatch(r"word/footer\d+\.xml", n)]
    assert any(text.startswith("Page ") and " of " in text for text in footers)


def test_every_branch_of_the_russian_templates_is_russian(tmp_path):
    """Counsel, representation, a pending appeal, another procedure, interim measures,
    anonymity, a claim read with article 2(3), a General Comment paragraph without a
    Russian summary and a late filing: each prints its Russian wording."""
    ws = _workspace(tmp_path)
    catalogue = ws.templates / "communication" / "catalogue.ru.yaml"
    text = catalogue.read_text(encoding="utf-8")
    catalogue.write_text(re.sub(r'(?m)^    "2": статья 14 .*\n', "", text), encoding="utf-8")
    case = yaml.safe_load((ws.claims / "zheksebaev-ru.yaml").read_text(encoding="utf-8"))
    case["case"]["id"] = "variant-ru"
    victim = case["people"][0]
    victim["roles"] = ["alleged-victim"]
    case["people"] += [
        {"id": "mother", "name": "Гульнара Жексебаева", "roles": ["author", "family-member"]},
        {"id": "lawyer", "name": "Айгерим Сарсенова", "roles": ["counsel"],
         "address": "ул. Абая, 10, Алматы"}]
    case["proceedings"][0]["appeals"].append(
        {"kind": "cassation", "court": "Верховный суд Республики Казахстан",
         "filed": "2023-01", "status": "pending"})
    case["domestic_remedies"] = {"exhausted": False, "explanation":
                                 "Кассационная жалоба не является эффективным средством."}
    liberty = next(c for c in case["claims"] if c["id"] == "liberty")
    liberty["read_with"] = ["2(3)"]
    liberty["authorities"].append("@hrc-gc-32, para 2")
    case["international_procedures"] = [
        {"body": "Рабочая группа по произвольным задержаниям", "status": "concluded",
         "concluded": "2021-12-01", "same_matter": False}]
    case["interim_measures"] = {"requested": True}
    case["representation"] = {"author": "mother", "victim": "zheksebaev",
                              "authorization": "signed", "annex": 5}
    case["anonymity_requested"] = True
    case["annexes"].append({"number": 5, "title": "Доверенность", "language": "kk"})
    case["filing"] = {"date": "2026-11-24", "place": "Алматы", "signatory": "lawyer",
                      "delay_justification": "Автор находился за пределами страны."}
    (ws.claims / "variant-ru.yaml").write_text(yaml.safe_dump(case, allow_unicode=True),
                                               encoding="utf-8")
    (output,) = build(ws, [ws.claims / "variant-ru.yaml"], "communication", ["native"],
                      today=TODAY)
    native = output.paths[0].read_text(encoding="utf-8").replace("\u00a0", " ")
    body = without_authorities(native.split("\nNotes ")[0])
    for expected in (
            "Автор представляет сообщение от имени предполагаемой жертвы (Асхат Жексебаев) "
            "на основании письменной доверенности (приложение 5).",
            "Интересы автора представляет Айгерим Сарсенова",
            "(см. раздел 8 ниже)",
            "Кассационная жалоба (Верховный суд Республики Казахстан) до сих пор не "
            "рассмотрена.",
            "Рабочая группа по произвольным задержаниям, специальная процедура Совета по "
            "правам человека: рассмотрение завершено 1 декабря 2021 г. Поскольку",
            "во взаимосвязи с пунктом 3 статьи 2 Пакта",
            "См. также замечание общего порядка № 32, п. 2",
            '"Просьба о временных мерах"', '"Просьба не раскрывать личность автора"',
            "| Доверенность | казахский; [подлежит уточнению: перевод] |",
            "Айгерим Сарсенова, представитель автора"):
        assert expected in body, expected
    for phrase in ENGLISH_WORDING:
        assert phrase not in body, phrase
    # A late filing (an exact decision date, remedies exhausted) takes the other branch.
    late = yaml.safe_load((ws.claims / "zheksebaev-ru.yaml").read_text(encoding="utf-8"))
    late["case"]["id"] = "late-ru"
    late["proceedings"][0]["appeals"][0]["decided"] = "2021-11-23"
    late["domestic_remedies"] = {"exhausted": True}
    late["filing"] = {"date": "2026-11-24", "delay_justification": "Автор был в заключении."}
    (ws.claims / "late-ru.yaml").write_text(yaml.safe_dump(late, allow_unicode=True),
                                            encoding="utf-8")
    (late_output,) = build(ws, [ws.claims / "late-ru.yaml"], "communication", ["native"],
                           today=TODAY)
    late_text = late_output.paths[0].read_text(encoding="utf-8").replace("\u00a0", " ")
    assert "то есть по истечении пяти лет после вынесения последнего внутреннего решения; " \
           "этот срок истек 23 ноября 2026 г. Само по себе" in late_text
    assert "Автор был в заключении." in late_text
    # anchors and note calls
    words = re.sub(r"#?(?:(?:fact|claim):[\w.-]+|para-[\d.]+|authorities)|\^\d+", "", body)
    latin = set(re.findall(r"[A-Za-z][A-Za-z_]*", words))
    assert latin - {"Document", "kind", "communication", "language", "ru", "public",
                    "false", "title", "subject", "author", "cover", "case_title",
                    "confidentiality", "date", "of_label", "page_label", "subtitle", "Body",
                    "Heading", "Para", "BulletList", "Item", "Table", "Header", "Row",
                    "OrderedList", "signature"} <= LATIN_ALLOWED


@pytest.mark.parametrize(("language", "expected", "title"), [
    ("ru", ["Там же. Ст. 19.", "Там же. Ст. 19–20.", "Пакт. Прил. 2."],
     "Международный пакт о гражданских и политических правах ("),
    ("en", ["ibid art 19.", "ibid arts 19–20.", "ICCPR (n 1) annex 2."],
     "International Covenant on Civil and Political Rights ("),
])
def test_our_own_pinpoint_labels_follow_the_documents_language(language, expected, title):
    from toolkit.model.document import Document, plain_text
    from toolkit.model.errors import Report
    from toolkit.passes import PassContext, run_passes
    from toolkit.readers.library import Library
    from toolkit.readers.markdown import parse_markdown

    report = Report()
    library = Library.from_folder(REPO / "citations", report)
    text = ("A [@iccpr]. B [@iccpr, art 19]. C [@iccpr, art 19-20]. D [@hrc-gc-32]. "
            "E [@iccpr, annex 2].")
    document = Document("communication", "t", parse_markdown(text, "t.md:1"),
                        language=language)
    run_passes(document, PassContext(library, REPO / "templates/styles/covenant-oscola.csl",
                                     report, language=language))
    notes = [plain_text(note.children).replace("\u00a0", " ") for note in document.notes]
    assert notes[0].startswith(title)  # the Covenant's title in the document's language
    assert [notes[1], notes[2], notes[4]] == expected  # ibid stays in lower case


@pytest.mark.parametrize("wording", [
    "искать, получать и распространять всякого рода информацию и идеи",  # art 19(2)
    "сноситься с выбранным им самим защитником",  # art 14(3)(b)
    "через посредство свободно выбранных представителей",  # art 25(a)
])
def test_the_covenant_is_quoted_in_its_official_russian_words(russian, wording):
    """Where the standard quotes the Covenant, it uses the Covenant's official Russian
    text (General Assembly resolution 2200 A (XXI)), not a paraphrase of the English."""
    assert wording in russian["native"]
