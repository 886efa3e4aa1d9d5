"""A stable, diff-friendly text dump of the finished tree: for golden tests and for
seeing exactly what both writers receive."""

from __future__ import annotations

import json
from pathlib import Path

from toolkit.model.document import (
    BlockQuote,
    Code,
    Document,
    Emph,
    Heading,
    Inline,
    LineBreak,
    Link,
    ListBlock,
    NoteRef,
    PageBreak,
    Paragraph,
    Strong,
    Table,
    Text,
    UnknownNode,
)


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def inline_text(inlines: list[Inline]) -> str:
    """Inlines as one line: *emph*, **strong**, `code`, [text](url), ^N for note calls."""
    out = []
    for node in inlines:
        if isinstance(node, Text):
            out.append(node.text)
        elif isinstance(node, Emph):
            out.append(f"*{inline_text(node.children)}*")
        elif isinstance(node, Strong):
            out.append(f"**{inline_text(node.children)}**")
        elif isinstance(node, Code):
            out.append(f"`{node.text}`")
        elif isinstance(node, Link):
            shown = inline_text(node.children)
            # a printed URL made live is shown once, as the reader sees it
            out.append(shown if shown == node.url else f"[{shown}]({node.url})")
        elif isinstance(node, LineBreak):
            out.append("\\n")
        elif isinstance(node, NoteRef):
            out.append(f"^{node.note.number}")
        else:
            raise UnknownNode(node, "native")
    return "".join(out)


def _blocks(blocks, depth: int, lines: list[str]) -> None:
    pad = "  " * depth
    for block in blocks:
        if isinstance(block, Heading):
            number = f" {block.number}" if block.number else ""
            anchor = f" #{block.anchor}" if block.anchor else ""
            lines.append(f"{pad}Heading{block.level}{number}{anchor} "
                         f"{_q(inline_text(block.children))}")
        elif isinstance(block, Paragraph):
            number = f" {block.number}" if block.number else ""
            anchor = f" #{block.anchor}" if block.anchor else ""
            style = f" .{block.style}" if block.style else ""
            lines.append(f"{pad}Para{number}{anchor}{style} {_q(inline_text(block.children))}")
        elif isinstance(block, ListBlock):
            lines.append(f"{pad}{'OrderedList' if block.ordered else 'BulletList'}")
            for item in block.items:
                lines.append(f"{pad}  Item")
                _blocks(item, depth + 2, lines)
        elif isinstance(block, BlockQuote):
            lines.append(f"{pad}BlockQuote")
            _blocks(block.children, depth + 1, lines)
        elif isinstance(block, Table):
            lines.append(f"{pad}Table")
            lines.append(f"{pad}  Header " + " | ".join(inline_text(c) for c in block.header))
            for row in block.rows:
                lines.append(f"{pad}  Row " + " | ".join(inline_text(c) for c in row))
        elif isinstance(block, PageBreak):
            lines.append(f"{pad}PageBreak")
        else:
            raise UnknownNode(block, "native")


def render_native(document: Document) -> str:
    lines = [f"Document kind={document.kind} language={document.language} "
             f"public={str(document.public).lower()}",
             f"  title {_q(document.title)}", f"  subject {_q(document.subject)}",
             f"  author {_q(document.author)}"]
    for key in sorted(document.cover):
        lines.append(f"  cover.{key} {_q(document.cover[key])}")
    lines.append("Body")
    _blocks(document.blocks, 1, lines)
    lines.append(f"Notes {len(document.notes)}")
    for note in document.notes:
        lines.append(f"  {note.number} {_q(inline_text(note.children))}")
    return "\n".join(lines) + "\n"


def write_native(document: Document, frame_dir: Path) -> bytes:
    return render_native(document).encode("utf-8")
