"""Resolve `[@fact:id]`, `[@claim:id]`, `[@para:anchor]`, `[@section:anchor]` and
`[@annex:N]` to the numbers the numbering pass gave, the same in every format."""

from __future__ import annotations

from toolkit.document import (
    CrossRef,
    Document,
    Inline,
    InlineNote,
    Text,
    block_inlines,
    walk_blocks,
)
from toolkit.i18n import word


def _resolve(ref: CrossRef, context) -> str | None:
    if ref.kind == "annex":
        if ref.target in context.annexes:
            return f"{word(context.language, 'annex')} {ref.target}"
        return None
    anchor = ref.target if ref.kind in ("para", "section") else f"{ref.kind}:{ref.target}"
    return context.anchors.get(anchor)


def _replace(inlines: list[Inline], context) -> None:
    for index, node in enumerate(inlines):
        if isinstance(node, CrossRef):
            label = _resolve(node, context)
            if label is None:
                _report(node, context)
                label = f"[{node.kind}:{node.target}?]"
            inlines[index] = Text(f"{node.prefix} {label}" if node.prefix else label)
        elif isinstance(node, InlineNote) or hasattr(node, "children"):
            _replace(node.children, context)
    # merge neighbouring texts again
    merged: list[Inline] = []
    for node in inlines:
        if isinstance(node, Text) and merged and isinstance(merged[-1], Text):
            merged[-1] = Text(merged[-1].text + node.text)
        else:
            merged.append(node)
    inlines[:] = merged


def _report(ref: CrossRef, context) -> None:
    file, _, line = ref.source.rpartition(":")
    if not line.isdigit():
        file, line = ref.source or "<template>", "1"
    known = ", ".join(sorted(context.annexes)) if ref.kind == "annex" else None
    hint = f" (annexes: {known})" if known else ""
    context.report.error(file, int(line), 1, f"cross-reference [@{ref.kind}:{ref.target}] "
                         f"points to nothing that is numbered in this document{hint}",
                         "unknown-crossref")


def run(document: Document, context) -> None:
    for block in walk_blocks(document.blocks):
        for inlines in block_inlines(block):
            _replace(inlines, context)
