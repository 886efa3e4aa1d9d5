"""Documents and PDF readers for tests/test_html_pdf_writers.py."""

from __future__ import annotations

import io
import random
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

from pypdf import PdfReader

from toolkit.model.document import Document, Emph, Heading, Note, NoteRef, Paragraph, Text

REPO = Path(__file__).resolve().parent.parent
FRAME = REPO / "templates" / "memo"
KAZAKH = "қ ң ү ұ ә ө ғ һ і"


class Builder:
    """Notes numbered 1..n in document order, as the passes leave them."""

    def __init__(self) -> None:
        self.notes: list[Note] = []

    def note(self, *children) -> NoteRef:
        note = Note(len(self.notes) + 1, list(children))
        self.notes.append(note)
        return NoteRef(note)

    def document(self, blocks, **fields) -> Document:
        fields.setdefault("cover", {"title": "Test memo", "date": "22 November 2026"})
        return Document(kind="memo", title=fields.pop("title", "Test memo"), blocks=blocks,
                        notes=self.notes, **fields)


def note_text(number: int) -> str:
    # short words: nothing for the hyphenator to split
    return f"Source n{number} at para {number * 3}"


def many_notes_document(count: int = 60) -> Document:
    """Headings, numbered paragraphs with a marker word "callK" before each call."""
    b = Builder()
    blocks = []
    for section in range(1, 5):
        blocks.append(Heading(1, [Text(f"Section {section}")], number=str(section)))
        for i in range(1, count // 4 + 1):
            k = len(b.notes) + 1
            blocks.append(Paragraph(
                [Text("The applicant was held without access to counsel for three days, "
                      "and the court relied on statements made in that period, "
                      f"as the record shows call{k}z"),
                 b.note(Emph([Text("See")]), Text(" " + note_text(k))),
                 Text(". The State party has not contested this account of the facts in "
                      "its observations on admissibility or on the merits.")],
                numbered=True, number=f"{section}.{i}", anchor=f"para-{section}-{i}"))
    blocks.append(Paragraph([Text(f"Kazakh letters: {KAZAKH}; Қазақстан Республикасы.")]))
    return b.document(blocks, title="Sixty notes", author="Legal Team",
                      subject="Fair trial", language="en")


def page_texts(pdf: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(pdf))
    return [normalise(page.extract_text()) for page in reader.pages]


def normalise(text: str) -> str:
    """Undo hyphenation at line ends and fold whitespace, for searching."""
    text = re.sub(r"[\u2010\-\u00ad]\n", "", text)
    return re.sub(r"\s+", " ", text)


def tags_in(html: str) -> set[str]:
    class Collector(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.tags: set[str] = set()

        def handle_starttag(self, tag, attrs):
            self.tags.add(tag)

    collector = Collector()
    collector.feed(html)
    return collector.tags


def copy_frame(tmp_path: Path) -> Path:
    """A templates/memo/ a test may edit: its frame.html is a full copy of the base
    frame (a kind may own its whole frame), beside a copy of templates/base/."""
    templates = tmp_path / "templates"
    shutil.copytree(FRAME, templates / "memo", ignore=shutil.ignore_patterns("sections"))
    shutil.copytree(FRAME.parent / "base", templates / "base")
    (templates / "memo" / "frame.html").write_text(
        (FRAME.parent / "base" / "frame.html").read_text())
    return templates / "memo"


def dropping_document() -> Document:
    """Seven pages, 43 notes, random legal-sounding words: unmended, WeasyPrint 70.0
    drops the body of note 34 (its call is at the foot of page 5)."""
    rng = random.Random(1)
    source = ("the applicant was detained without access to counsel and the court relied "
              "on statements obtained in that period which the State party has not contested")
    words = source.split(" ")
    b = Builder()
    blocks = []
    for i in range(30):
        children = []
        for _ in range(rng.randint(0, 3)):
            children.append(Text(" ".join(rng.choices(words, k=rng.randint(8, 40)))))
            sentence = " ".join(rng.choices(words, k=rng.randint(4, 60)))
            children.append(b.note(Text(sentence.capitalize() + ".")))
        children.append(Text(" end."))
        blocks.append(Paragraph(children, numbered=True, number=str(i + 1)))
    return b.document(blocks)
