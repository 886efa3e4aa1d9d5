"""Find English wording in a Russian draft: the Latin-script words of its DOCX body
(word/document.xml, the document properties) and of its PDF (pypdf's page text and
metadata) once names, citations, quoted material and codes are taken out.

- Citations: the formatted footnotes (word/footnotes.xml) and the entries of the table of
  authorities are removed from the text as whole strings, matched with whitespace and
  hyphens ignored (the PDF breaks and hyphenates lines where it likes).
- Quoted material: «...», “...”, „...“ and '...' quotes, removed with what they hold.
- Codes: UN document symbols (CCPR/C/GC/34), ISO dates, provisions (19(2), 25(a)).
- Names: the people's names and aliases of the case files the draft is built from, the
  explicit lists NAMES and NAME_PHRASES below (organisations and services the Russian
  case files name in Latin script), single letters of sub-paragraphs and grades, and
  the program's own name where it is the memo's author (the Author property, and a
  line of its own on the PDF's cover).

What remains is English wording, to be fixed in the templates or the code, not here."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import yaml
from lxml import etree
from pypdf import PdfReader

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Names the Russian example files write in Latin script: services and a programme.
NAMES = frozenset({"Facebook", "Telegram", "YouTube", "Instagram", "WhatsApp",
                   "TrialWatch"})
# Names of more than one word, taken out whole (so that "for" is never a name alone).
NAME_PHRASES = ("Clooney Foundation for Justice",)
PROGRAM = "Covenant"  # the memo's author: the program, as in the HTML's generator
# Letters of sub-paragraphs ("пункт 3 b) статьи 14") and the grades A to F.
LETTERS = frozenset("abcdefgABCDF")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
QUOTED = re.compile(r"«[^»]*»|“[^”]*”|„[^“”]*[“”]")
CODES = re.compile(r"\b[A-Z]{1,6}(?:/[A-Za-z0-9.\-()]+)+"  # CCPR/C/GC/34, A/HRC/…
                   r"|\b\d{4}-\d{2}(?:-\d{2})?\b"  # ISO dates
                   r"|\b\d+(?:\([0-9a-z]+\))+")  # 19(2), 14(3)(b), 25(a)
_IGNORED = re.compile(r"[\s\u00ad\u2010\u2011\-*\\<>]")


def _squeezed(text: str) -> tuple[str, list[int]]:
    """The text without whitespace, hyphens and markup signs, and where each of its
    characters was."""
    kept = [(i, c) for i, c in enumerate(text) if not _IGNORED.match(c)]
    return "".join(c for _, c in kept), [i for i, _ in kept]


def without(text: str, spans: list[str]) -> str:
    """`text` with every occurrence of each span blanked, matched as `_squeezed`."""
    squeezed, where = _squeezed(text)
    blank = [False] * len(text)
    for span in sorted(set(spans), key=len, reverse=True):
        needle = _squeezed(span)[0]
        start = 0
        while needle and (found := squeezed.find(needle, start)) != -1:
            for k in range(found, found + len(needle)):
                blank[where[k]] = True
            start = found + len(needle)
    return "".join(" " if b else c for c, b in zip(text, blank, strict=True))


def people_names(case_files: list[Path]) -> set[str]:
    """The Latin words of the names and aliases of the people in these case files."""
    words: set[str] = set()
    for path in case_files:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for person in data.get("people", []):
            for name in [person.get("name", ""), *(person.get("aliases") or [])]:
                words |= set(LATIN_WORD.findall(name))
    return words


def _paragraphs(xml: bytes) -> list[str]:
    root = etree.fromstring(xml)
    return ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in root.iter(f"{W}p")]


def citations(docx: Path, native: str) -> list[str]:
    """The formatted citations of a draft: each footnote's text, and each entry of the
    table of authorities (the first cell of its rows in the native dump)."""
    with zipfile.ZipFile(docx) as z:
        notes = [p.strip() for p in _paragraphs(z.read("word/footnotes.xml")) if p.strip()]
    entries, inside = [], False
    for line in native.splitlines():
        if line.startswith("  Heading1"):
            inside = "#authorities" in line
        elif inside and line.startswith("    Row "):
            entries.append(line.removeprefix("    Row ").split(" | ")[0])
    return notes + entries


def native_body(native: str) -> str:
    """The native dump without its notes and the entries of its table of authorities:
    the document's own text and the case file's."""
    lines, inside = [], False
    for line in native.split("\nNotes ")[0].splitlines():
        if line.startswith("  Heading1"):
            inside = "#authorities" in line
        if not (inside and line.startswith("    Row ")):
            lines.append(line)
    return "\n".join(lines)


def docx_texts(docx: Path) -> list[str]:
    """The body's paragraphs and the document properties."""
    with zipfile.ZipFile(docx) as z:
        texts = _paragraphs(z.read("word/document.xml"))
        core = etree.fromstring(z.read("docProps/core.xml"))
    # Title, subject, author, keywords, description: not the dates or the language tag;
    # nor an author that is the program's own name (the memo's, like the HTML generator).
    wanted = {"title", "subject", "creator", "keywords", "description"}
    return texts + [e.text for e in core.iter() if isinstance(e.tag, str)
                    and etree.QName(e).localname in wanted and e.text
                    and e.text.strip() != PROGRAM]


def pdf_texts(pdf: Path) -> list[str]:
    """Every page's text, and the title, subject and author."""
    reader = PdfReader(pdf)
    meta = reader.metadata or {}
    pages = ["\n".join(line for line in page.extract_text().splitlines()
                       if line.strip() != PROGRAM) for page in reader.pages]
    return pages + [str(meta.get(k, "")) for k in ("/Title", "/Subject", "/Author")
                    if str(meta.get(k, "")).strip() != PROGRAM]


def latin_words(texts: list[str], cited: list[str], names: set[str]) -> set[str]:
    """The Latin-script words of `texts` outside citations, quotes, codes and names."""
    found: set[str] = set()
    for text in texts:
        text = without(text, [*cited, *NAME_PHRASES])
        text = CODES.sub(" ", QUOTED.sub(" ", text))
        found |= set(LATIN_WORD.findall(text))
    return found - NAMES - LETTERS - names
