"""Number top-level sections 1, 2, 3 and their numbered paragraphs 1.1, 1.2, 2.1 ...;
record every anchor with the word and number a cross-reference to it prints.

Size: one module per pass, in the order run_passes names them."""

from __future__ import annotations

from toolkit.model.document import Document, Heading, Paragraph, walk_blocks
from toolkit.model.i18n import word


def run(document: Document, context) -> None:
    section, paragraph = 0, 0
    anchors: dict[str, tuple[str, str] | None] = {}  # anchor: ("para", "4.13")
    for block in walk_blocks(document.blocks):
        if isinstance(block, Heading):
            if block.level == 1 and block.numbered:
                section += 1
                paragraph = 0
                block.number = str(section)
            if block.anchor:
                anchors[block.anchor] = ((word(context.language, "section"), block.number)
                                         if block.number else None)
        elif isinstance(block, Paragraph):
            if block.numbered:
                paragraph += 1
                block.number = f"{section}.{paragraph}" if section else str(paragraph)
            if block.anchor:
                anchors[block.anchor] = ((word(context.language, "para"), block.number)
                                         if block.number else None)
    context.anchors = anchors
