"""The document model: one tree that every writer walks.

Kinds build a `Document` of blocks and inlines (from Markdown). The passes then, once:
number paragraphs, resolve cross-references, turn citations and inline footnotes into
`NoteRef`s pointing at `Note`s, and format every citation. After the passes a document
holds no `Citation`, `CrossRef` or `InlineNote` nodes; writers only walk the result and
raise `UnknownNode` for anything they do not know, so content is never dropped silently.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from toolkit.model.citation_syntax import CitationItem

# ---------------------------------------------------------------- inlines


@dataclass
class Text:
    text: str


@dataclass
class NumberText(Text):
    """Text that is another node's number as a pass computed it: "4.13" of the paragraph
    `anchor` in a cross-reference, "12" of `note` in "(n 12)". Every walker may read it
    as Text; the DOCX writer makes it a field (REF, NOTEREF) whose shown result is this
    text, so Word renumbers it after edits."""

    anchor: str | None = None
    note: int | None = None


@dataclass
class Emph:
    children: list[Inline]


@dataclass
class Strong:
    children: list[Inline]


@dataclass
class Code:
    text: str


@dataclass
class Link:
    url: str
    children: list[Inline]


@dataclass
class LineBreak:
    pass


@dataclass
class Citation:
    """`[see @a, para 3; @b]` before the citation pass."""

    items: list[CitationItem]
    source: str = ""  # where it was written, for diagnostics


@dataclass
class CrossRef:
    """`[@fact:id]`, `[@para:anchor]`, `[@annex:2]` before the reference pass."""

    kind: str  # "fact" | "para" | "annex" | "claim" | "section"
    target: str
    prefix: str = ""
    source: str = ""
    # One of several cross-references in one bracket (`[@fact:a; @fact:b]`): the reference
    # pass prints them as one list ("paras 4.3–4.8 and 4.12", passes/reference_lists.py).
    listed: bool = False


@dataclass
class InlineNote:
    """`^[...]` before the note pass."""

    children: list[Inline]


@dataclass
class NoteRef:
    """The call of a footnote in running text; `note.number` is final after the passes."""

    note: Note


Inline = Text | NumberText | Emph | Strong | Code | Link | LineBreak | Citation | CrossRef \
    | InlineNote | NoteRef


@dataclass
class Note:
    number: int
    children: list[Inline]


# ---------------------------------------------------------------- blocks


@dataclass
class Heading:
    level: int  # 1 = a section of the document
    children: list[Inline]
    anchor: str | None = None
    number: str | None = None  # "2" for a numbered section, set by the numbering pass
    numbered: bool = True


@dataclass
class Paragraph:
    children: list[Inline]
    anchor: str | None = None
    numbered: bool = False  # filings number their paragraphs: "2.4"
    number: str | None = None
    style: str | None = None  # e.g. "lead", "signature": a class/style hint for writers


@dataclass
class ListBlock:
    ordered: bool
    items: list[list[Block]]
    start: int = 1


@dataclass
class BlockQuote:
    children: list[Block]


@dataclass
class Table:
    header: list[list[Inline]]
    rows: list[list[list[Inline]]]
    widths: list[float] | None = None  # relative column widths


@dataclass
class PageBreak:
    pass


Block = Heading | Paragraph | ListBlock | BlockQuote | Table | PageBreak


@dataclass
class Document:
    kind: str
    title: str
    blocks: list[Block]
    subject: str = ""
    author: str = ""
    language: str = "en"
    case_id: str = ""
    cover: dict[str, str] = field(default_factory=dict)  # fields for the frame's cover
    notes: list[Note] = field(default_factory=list)  # in order, numbered 1..n
    public: bool = False
    # A public version: the matcher of the withheld names (toolkit/redaction/forms.py),
    # with which every output is scanned before it is written.
    withheld: object | None = None


class UnknownNode(TypeError):
    """A writer met a node type it does not know: refuse rather than drop content."""

    def __init__(self, node: object, writer: str) -> None:
        super().__init__(f"the {writer} writer does not know {type(node).__name__} nodes")


# ---------------------------------------------------------------- traversal


def inline_children(node: Inline) -> list[Inline] | None:
    return getattr(node, "children", None) if not isinstance(node, NoteRef) else None


def block_inlines(block: Block) -> Iterator[list[Inline]]:
    """Every inline list directly held by a block (not those of nested blocks)."""
    if isinstance(block, Heading | Paragraph):
        yield block.children
    elif isinstance(block, Table):
        yield from block.header
        for row in block.rows:
            yield from row


def child_blocks(block: Block) -> list[Block]:
    if isinstance(block, BlockQuote):
        return block.children
    if isinstance(block, ListBlock):
        return [b for item in block.items for b in item]
    return []


def walk_blocks(blocks: list[Block]) -> Iterator[Block]:
    """Every block in document order, depth first."""
    for block in blocks:
        yield block
        yield from walk_blocks(child_blocks(block))


def plain_text(inlines: list[Inline]) -> str:
    """The text of inlines without formatting (note calls omitted)."""
    out = []
    for node in inlines:
        if isinstance(node, Text | Code):
            out.append(node.text)
        elif isinstance(node, LineBreak):
            out.append("\n")
        elif isinstance(node, NoteRef | InlineNote | Citation | CrossRef):
            continue
        else:
            out.append(plain_text(node.children))
    return "".join(out)


def kept_with_next(blocks: list[Block]) -> set[int]:
    """The ids of the paragraphs that must stay on the page of what follows them: a
    paragraph right before a table at any level ("Table 3.1 sets out ...", a group line of
    the table of authorities), and each line of a signature block but the last (place and
    date, the line to sign, the signatory's name). Both writers keep each with the next
    block (keepNext in Word, break-after: avoid in the PDF)."""
    found: set[int] = set()

    def visit(sequence: list[Block]) -> None:
        for index, block in enumerate(sequence):
            after = sequence[index + 1] if index + 1 < len(sequence) else None
            if isinstance(block, Paragraph) and (
                    isinstance(after, Table) or block.style == "signature" and
                    isinstance(after, Paragraph) and after.style == "signature"):
                found.add(id(block))
            visit(child_blocks(block))

    visit(blocks)
    return found
