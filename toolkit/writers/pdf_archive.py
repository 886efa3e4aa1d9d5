"""PDFs fit to file and to archive: the variants `--pdf-variant` offers, the tag tree
with footnotes as Note structure elements, and XMP metadata in every PDF.

- Every PDF is tagged (WeasyPrint's `pdf_tags`), so a screen reader follows headings,
  lists, tables and notes. WeasyPrint 70 tags a footnote body as a plain Span in the
  footnote area; the hook below makes it a `Note` with a unique `/ID` ("fn-12"), its
  call in the text a `Reference` and its number a `Lbl`. PDF 1.7 (which PDF/UA-1 uses)
  has no key that points from a Reference to its Note (PDF 2.0's /Ref); the call and the
  note are paired by their number and order, as a reader meets them.
- A variant is WeasyPrint's own (`pdf_variant`): PDF/A-2b and PDF/A-3b add the sRGB
  output intent and the pdfaid XMP entries; PDF/UA-1 adds the pdfuaid entry and
  DisplayDocTitle. Fonts are always embedded.
- Afterwards pikepdf writes XMP metadata into every PDF from its document information
  (title, author, subject, dates, producer) plus `dc:language`, keeps the variant's own
  entries, and saves with an /ID computed from the content (byte-identical builds).
- Nothing here is trusted: after writing, the number of Note elements must equal the
  number of notes, and a variant's XMP must name it, or the build fails.

What is and is not verified (no veraPDF on the package registries): see docs/pdf.md.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

from toolkit.model.i18n import language_tag

_NOTE_ID = re.compile(r"^fn-(\d+)$")  # the id of a footnote's span (writers/html.py)
HOOKED_VERSIONS = ("70.0",)  # WeasyPrint versions whose tag tree the note hook knows


@dataclass(frozen=True)
class Variant:
    name: str
    options: dict = field(default_factory=dict)  # WeasyPrint write_pdf options
    xmp: dict = field(default_factory=dict)  # XMP entries the variant must carry


VARIANTS: dict[str, Variant] = {v.name: v for v in [
    Variant("pdf/a-2b", {"pdf_variant": "pdf/a-2b"},
            {"pdfaid:part": "2", "pdfaid:conformance": "B"}),
    Variant("pdf/a-3b", {"pdf_variant": "pdf/a-3b"},
            {"pdfaid:part": "3", "pdfaid:conformance": "B"}),
    Variant("pdf/ua-1", {"pdf_variant": "pdf/ua-1"}, {"pdfuaid:part": "1"}),
]}


class ArchiveError(RuntimeError):
    """The PDF is not what its variant promises: it is not written."""


def variant_of(name: str | None) -> Variant | None:
    if not name:
        return None
    try:
        return VARIANTS[name.lower()]
    except KeyError:
        raise ArchiveError(f"unknown PDF variant {name!r}; choose from "
                           f"{', '.join(VARIANTS)}") from None


def write_options(variant: Variant | None) -> dict:
    """The options for WeasyPrint's write_pdf: tagged always, plus the variant's."""
    tag_notes()
    return {"pdf_identifier": True, "pdf_tags": True, **(variant.options if variant else {})}


def finish(data: bytes, language: str, notes: int, variant: Variant | None) -> bytes:
    """XMP metadata from the document information, `dc:language`; then the checks."""
    import pikepdf

    with pikepdf.open(io.BytesIO(data)) as pdf:
        with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
            meta.load_from_docinfo(pdf.docinfo)
            meta["dc:language"] = [language_tag(language)]
        missing = {key: value for key, value in (variant.xmp if variant else {}).items()
                   if str(meta.get(key, "")) != value}
        found = count_notes(pdf)
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True)
    if missing:
        raise ArchiveError(f"the {variant.name} PDF lacks its XMP entries {missing}")
    if found != notes:
        raise ArchiveError(f"{found} of {notes} footnotes are tagged as Note structure "
                           "elements: the PDF's tag tree would lose notes")
    return out.getvalue()


def count_notes(pdf) -> int:
    """How many Note structure elements the tag tree holds, counting a note split over
    two pages once."""
    root = pdf.Root.get("/StructTreeRoot")
    ids = set()
    for element in walk_structure(root):
        if element.get("/S") == "/Note":
            match = re.match(r"fn-(\d+)", str(element.get("/ID", "")))
            ids.add(match[1] if match else id(element))
    return len(ids)


def walk_structure(node):
    """Every structure element under `node` (a StructTreeRoot or StructElem), depth
    first, in document order."""
    import pikepdf

    if node is None:
        return
    kids = node.get("/K")
    kids = kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []
    for kid in kids:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            yield kid
            yield from walk_structure(kid)


# ---------------------------------------------------------------- the note hook


def tag_notes() -> bool:
    """Wrap WeasyPrint's tag-tree builder once so that footnotes become Note, Reference
    and Lbl elements; False for a WeasyPrint version it was not written against (then
    `finish` fails a build whose notes are not tagged)."""
    import weasyprint
    from weasyprint.pdf import tags

    if weasyprint.__version__ not in HOOKED_VERSIONS:
        return False
    original = tags._build_box_tree
    if getattr(original, "covenant_notes", False):
        return True

    def build_box_tree(box, parent, pdf, page_number, nums, annotations, page_tags):
        for element in original(box, parent, pdf, page_number, nums, annotations,
                                page_tags):
            _retag(box, element, pdf)
            yield element

    build_box_tree.covenant_notes = True
    tags._build_box_tree = build_box_tree  # the recursion looks the name up: it is ours
    return True


def note_box(box) -> tuple[int, str] | None:
    """(note number, element tag) of a laid-out box of a `<span id="fn-N">`: the note's
    body ("span"), its "span::footnote-call" or "span::footnote-marker"; else None."""
    element = getattr(box, "element", None)
    if element is None or not hasattr(element, "get"):
        return None
    match = _NOTE_ID.match(element.get("id") or "")
    return (int(match[1]), box.element_tag or "") if match else None


def _retag(box, element, pdf) -> None:
    import pydyf

    found = note_box(box)
    if found is None:
        return
    number, tag = found
    note_id = f"fn-{number}"
    if tag.endswith("::footnote-call"):
        element["S"] = "/Reference"
    elif tag.endswith("::footnote-marker"):
        element["S"] = "/Lbl"
    elif "::" not in tag:
        # a note split over two pages is two elements: the second gets "fn-12-2"
        seen = pdf.__dict__.setdefault("covenant_note_ids", {})
        count = seen[note_id] = seen.get(note_id, 0) + 1
        element["S"] = "/Note"
        element["ID"] = pydyf.String(note_id if count == 1 else f"{note_id}-{count}")
