"""The PDF writer: the HTML of toolkit.writers.html laid out by WeasyPrint.

- WeasyPrint is imported inside the functions: its import costs most of a second, which
  no other command may pay; weasyprint_loader.py imports it without the subprocesses
  its C-library lookup would spawn.
- It fetches nothing from the network and nothing outside the templates folder: a
  custom URL fetcher serves `file:` URLs inside `templates/` only, and the build fails,
  naming the URL, when the frame asks for anything else.
- It is never trusted with the notes (PITFALLS: WeasyPrint can drop a footnote body at a
  page bottom; weasyprint_fix.py mends the cause found in 70.0): after layout, the note
  bodies and calls actually placed on the pages are counted and a missing one fails the
  build, naming it.
- With SOURCE_DATE_EPOCH set, the same document gives the same bytes: the dates come from
  it (see html.build_date), and the /ID is a hash of the content.
- Every PDF is tagged and carries XMP metadata; PDF/A-2b, PDF/A-3b and PDF/UA-1 are
  WeasyPrint's variants, footnotes are Note structure elements (pdf_archive.py).
"""

from __future__ import annotations

import gc
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from toolkit.model.document import Document
from toolkit.writers.html import render_html

_NOTE_ID = re.compile(r"^fn-(\d+)$")
# What a frame may use, by extension: our own table rather than the mimetypes module,
# which reads the system's /etc/mime.types and friends (a build opens nothing there).
CONTENT_TYPES = {".css": "text/css", ".png": "image/png", ".jpg": "image/jpeg",
                 ".jpeg": "image/jpeg", ".gif": "image/gif", ".svg": "image/svg+xml",
                 ".webp": "image/webp", ".woff": "font/woff", ".woff2": "font/woff2",
                 ".ttf": "font/ttf", ".otf": "font/otf"}


class FetchRefused(PermissionError):
    """The frame asked for a resource outside templates/ or over the network."""


class MissingFootnotes(RuntimeError):
    """WeasyPrint's layout lost a note body or call: the PDF would be wrong."""


def write_pdf(document: Document, frame_dir: Path, variant: str | None = None) -> bytes:
    """The finished document as PDF bytes, laid out in `frame_dir` (templates/<kind>/):
    tagged, with XMP metadata, and as `variant` ("pdf/a-2b", "pdf/a-3b", "pdf/ua-1";
    pdf_archive.py) when one is asked for."""
    from toolkit.writers import pdf_archive, weasyprint_fix, weasyprint_speed
    from toolkit.writers.weasyprint_loader import weasyprint

    chosen = pdf_archive.variant_of(variant)
    weasyprint_fix.apply()
    weasyprint_speed.apply()
    frame_dir = Path(frame_dir).resolve()
    html = render_html(document, frame_dir)
    fetcher = templates_fetcher(frame_dir.parent)
    rendered = weasyprint.HTML(
        string=html, base_url=str(frame_dir) + "/", url_fetcher=fetcher
    ).render()
    if fetcher.refused:
        raise FetchRefused(
            f"{frame_dir / 'frame.html'} or its stylesheet asks for "
            + ", ".join(fetcher.refused)
            + ": the PDF may use only files inside " + str(frame_dir.parent))
    check_footnotes(rendered, len(document.notes))
    del html
    gc.collect()  # the layout's own garbage (cycles of boxes), before the PDF is written
    data = rendered.write_pdf(**pdf_archive.write_options(chosen))
    # the laid-out pages (every box of every page) are no longer needed: let them go
    # before pikepdf reads the PDF back, so that the two never share the peak
    del rendered
    gc.collect()
    return pdf_archive.finish(data, document.language, len(document.notes), chosen)


# ---------------------------------------------------------------- fetching


def templates_fetcher(templates_dir: Path):
    """A WeasyPrint URL fetcher serving only `file:` URLs inside `templates_dir`.

    Every other URL (http, https, ftp, data, a file outside the folder) raises
    FetchRefused and is recorded in `.refused`; WeasyPrint reports it and goes on, and
    write_pdf then fails with the list."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    root = Path(templates_dir).resolve()

    class TemplatesFetcher(URLFetcher):
        def __init__(self) -> None:
            super().__init__(allowed_protocols=("file",), allow_redirects=False)
            self.refused: list[str] = []
            self.served: list[str] = []

        def fetch(self, url, headers=None):
            try:
                path = local_path(url, root)
            except FetchRefused:
                self.refused.append(url)
                raise
            self.served.append(url)
            content_type = CONTENT_TYPES.get(path.suffix.lower(), "application/octet-stream")
            return URLFetcherResponse(
                url, path.read_bytes(), headers={"Content-Type": content_type})

    return TemplatesFetcher()


def local_path(url: str, root: Path) -> Path:
    """The file inside `root` that a `file:` URL names; FetchRefused for anything else."""
    parts = urlsplit(url)
    if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
        raise FetchRefused(f"refused to fetch {url}: only files inside {root} may be used")
    path = Path(unquote(parts.path)).resolve()
    if not path.is_relative_to(root) or not path.is_file():
        raise FetchRefused(f"refused to fetch {url}: not a file inside {root}")
    return path


# ---------------------------------------------------------------- footnotes


@dataclass
class FootnotePlacement:
    """Where each note's call and body landed (note number -> page numbers, 1-based), and
    the numbers WeasyPrint printed for its call and its marker (note number -> text)."""

    calls: dict[int, list[int]] = field(default_factory=dict)
    bodies: dict[int, list[int]] = field(default_factory=dict)
    call_text: dict[int, str] = field(default_factory=dict)
    marker_text: dict[int, str] = field(default_factory=dict)


def footnote_placement(rendered) -> FootnotePlacement:
    """Walk the laid-out pages of a weasyprint Document for footnote calls and bodies.

    WeasyPrint 70 gives every page box the children (root, footnote area, margin boxes);
    the footnote area (a FootnoteAreaBox) holds the note bodies placed on that page, each
    the box of a `<span class="footnote" id="fn-N">` starting with its `::footnote-marker`;
    the calls are `::footnote-call` pseudo-boxes in the page's flow."""
    from weasyprint.formatting_structure.boxes import FootnoteAreaBox, TextBox

    from toolkit.writers.pdf_archive import note_box

    found = FootnotePlacement()
    for page_number, page in enumerate(rendered.pages, start=1):
        texts: dict[tuple[str, int], str] = {}
        for area in page._page_box.children:
            in_notes = isinstance(area, FootnoteAreaBox)
            for box in area.descendants():
                found_note = note_box(box)
                if found_note is None:
                    continue
                number, tag = found_note
                if in_notes and "::" not in tag:
                    kind, pages = "body", found.bodies
                elif in_notes and tag.endswith("::footnote-marker"):
                    kind, pages = "marker", None
                elif not in_notes and tag.endswith("::footnote-call"):
                    kind, pages = "call", found.calls
                else:
                    continue
                if pages is not None and page_number not in pages.setdefault(number, []):
                    pages[number].append(page_number)
                if kind != "body" and isinstance(box, TextBox):
                    texts[kind, number] = texts.get((kind, number), "") + box.text
        for (kind, number), text in texts.items():
            target = found.call_text if kind == "call" else found.marker_text
            target.setdefault(number, text)
    return found


def check_footnotes(rendered, expected: int) -> FootnotePlacement:
    """Fail unless notes 1..expected each have a call and a body on some page, and the
    numbers WeasyPrint printed for them (its `footnote` counter) are the model's."""
    found = footnote_placement(rendered)
    wanted = set(range(1, expected + 1))
    no_body = sorted(wanted - set(found.bodies))
    no_call = sorted(wanted - set(found.calls))
    extra = sorted((set(found.bodies) | set(found.calls)) - wanted)
    misnumbered = sorted(
        number for texts in (found.call_text, found.marker_text)
        for number, text in texts.items()
        if (digits := re.search(r"\d+", text)) and int(digits[0]) != number)
    problems = []
    if no_body:
        problems.append(f"the text of note(s) {_numbers(no_body)} appears on no page")
    if no_call:
        problems.append(f"the call of note(s) {_numbers(no_call)} appears on no page")
    if extra:
        problems.append(f"note(s) {_numbers(extra)} are not in the document")
    if misnumbered:
        problems.append(f"note(s) {_numbers(sorted(set(misnumbered)))} were printed "
                        "with another number")
    if problems:
        raise MissingFootnotes(
            f"WeasyPrint placed {len(found.bodies)} of {expected} footnotes: "
            + "; ".join(problems) + ". The PDF was not written.")
    return found


def _numbers(numbers: list[int]) -> str:
    return ", ".join(str(n) for n in numbers)
