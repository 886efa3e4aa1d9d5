"""The output scan: every byte stream of a public build is read for every form of every
withheld name before anything is written. One hit stops the build, naming the file, the
part and the form found; nothing is written, so the previous drafts stay.

What is read, by format (`READERS`, keyed by the file's extension):

- DOCX: every part of the package: its text (runs joined within a paragraph, so a name
  split across runs is whole) and every attribute value (bookmarks, hyperlink targets in
  the .rels parts, document properties);
- PDF: each page's text (poppler's pdftotext, or pypdf; a word hyphenated at a line end
  is joined), and, read with pypdf, the document
  information, the XMP packet, the outline, every link target and named destination;
- HTML: the text and every attribute value (ids, link addresses, metadata);
- native: the dump as it is.

The matcher is the redaction's own (forms.py), so the scan looks for exactly the forms
the redaction withholds, after the same normalisation (NFKC, soft hyphens and zero-width
characters dropped)."""

from __future__ import annotations

import html
import io
import re
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

from toolkit.model.errors import CovenantError
from toolkit.redaction.forms import Matcher

Streams = Iterator[tuple[str, str]]  # (part, text)

_TAG = re.compile(r"<[^>]*>")
_ATTRIBUTE = re.compile(r"""\s[\w:.-]+\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_DOCX_BREAK = re.compile(r"</w:p>|<w:br\b[^>]*/>|<w:tab\b[^>]*/>|</a:p>")
_LINE_END_HYPHEN = re.compile(r"(?<=[^\W\d_])[-\u00ad]\n(?=[^\W\d_])")


class LeakFound(CovenantError):
    """A withheld name in a built output."""


def _attributes(markup: str) -> str:
    return "\n".join(html.unescape(a or b) for a, b in _ATTRIBUTE.findall(markup))


def _markup_text(markup: str, breaks: re.Pattern | None = None) -> str:
    if breaks is not None:
        markup = breaks.sub("\n", markup)
    return html.unescape(_TAG.sub("", markup))


def docx_streams(data: bytes) -> Streams:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            if name.startswith("word/fonts/") and name.endswith(".odttf"):
                # An embedded font is a copy of a system font file (docx_fonts.py), no
                # case data: its glyph names ("sigma", "omega") are not names of people.
                continue
            raw = package.read(name)
            if not (name.endswith((".xml", ".rels")) or name == "[Content_Types].xml"):
                yield name, raw.decode("latin-1")  # images, fonts: their bytes as text
                continue
            markup = raw.decode("utf-8", "replace")
            yield name, _markup_text(markup, _DOCX_BREAK)
            yield f"{name} (attributes)", _attributes(markup)


def html_streams(data: bytes) -> Streams:
    markup = data.decode("utf-8", "replace")
    yield "text", _markup_text(markup)
    yield "attributes", _attributes(markup)


def native_streams(data: bytes) -> Streams:
    yield "dump", data.decode("utf-8", "replace")


def _outline(items, reader) -> Iterator[str]:
    for item in items:
        if isinstance(item, list):
            yield from _outline(item, reader)
        else:
            yield str(getattr(item, "title", "") or "")


def _page_texts(data: bytes, reader) -> list[str]:
    """Each page's text: poppler's pdftotext where installed (scripts/setup-system.sh
    installs it), as it reads a page in about 10 ms where pypdf takes about 200 ms
    (measured on a 17-page report: 0.16 s against 3.6 s); pypdf otherwise."""
    import shutil
    import subprocess

    tool = shutil.which("pdftotext")
    if tool:
        done = subprocess.run([tool, "-q", "-enc", "UTF-8", "-", "-"], input=data,
                              capture_output=True, check=False)
        if done.returncode == 0:
            return done.stdout.decode("utf-8", "replace").split("\f")[:len(reader.pages)]
    return [page.extract_text() or "" for page in reader.pages]


def pdf_streams(data: bytes) -> Streams:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    for number, text in enumerate(_page_texts(data, reader), 1):
        yield f"page {number}", _LINE_END_HYPHEN.sub("", text)
    for number, page in enumerate(reader.pages, 1):
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A") or {}
            if "/URI" in action:
                yield f"page {number} link", str(action["/URI"])
            if "/D" in action:
                yield f"page {number} link", str(action["/D"])
    yield "document information", "\n".join(str(v) for v in (reader.metadata or {}).values())
    metadata = reader.trailer["/Root"].get("/Metadata")
    if metadata is not None:
        yield "XMP metadata", metadata.get_object().get_data().decode("utf-8", "replace")
    yield "outline", "\n".join(_outline(reader.outline, reader))
    yield "named destinations", "\n".join(reader.named_destinations)


READERS: dict[str, Callable[[bytes], Streams]] = {
    ".docx": docx_streams, ".pdf": pdf_streams, ".html": html_streams,
    ".txt": native_streams,
}


def leaks(path: Path, data: bytes, matcher: Matcher) -> list[tuple[str, str, str]]:
    """(part, form found as written, label) for every withheld name in one output."""
    reader = READERS.get("".join(path.suffixes[-1:]))
    if reader is None:
        raise CovenantError(f"{path.name}: the output scan cannot read this format, so a "
                            "public version of it cannot be verified")
    found = []
    for part, text in reader(data):
        found += [(part, text[m.start:m.end], m.form.who.label) for m in matcher.find(text)]
    return found


def verify(rendered: dict[Path, bytes], matcher: Matcher) -> None:
    """Raise LeakFound, naming every hit, if any output holds a withheld name."""
    if not matcher:
        return
    hits = [(path, *hit) for path, data in rendered.items()
            for hit in leaks(path, data, matcher)]
    if hits:
        shown = "; ".join(f"{path.name}: {part}: {found!r} (withheld as {label})"
                          for path, part, found, label in hits[:10])
        more = f" and {len(hits) - 10} more" if len(hits) > 10 else ""
        raise LeakFound(f"the public version still names a withheld person, so nothing was "
                        f"written: {shown}{more}; name the person in the case file as "
                        "written in 'people' (or add the spelling to their 'aliases'), "
                        "and check the citation library's entries")
