"""Resolve `[@fact:id]`, `[@claim:id]`, `[@para:anchor]`, `[@section:anchor]` and
`[@annex:N]` to the numbers the numbering pass gave, the same in every format; several
paragraphs in one bracket as one list (reference_lists.py).

Size: one module per pass, in the order run_passes names them."""

from __future__ import annotations

from toolkit.model.document import (
    CrossRef,
    Document,
    Inline,
    InlineNote,
    Link,
    NumberText,
    Text,
    block_inlines,
    walk_blocks,
)
from toolkit.model.i18n import word
from toolkit.passes.reference_lists import paragraph_list


def _resolve(ref: CrossRef, context) -> list[Inline] | None:
    """The label as inlines: a link to the numbered paragraph whose number is marked as
    that paragraph's (NumberText, a REF field in Word), or plain text for annexes."""
    if ref.kind == "annex":
        if ref.target in context.annexes:
            return [Text(f"{word(context.language, 'annex')} {ref.target}")]
        return None
    anchor = ref.target if ref.kind in ("para", "section") else f"{ref.kind}:{ref.target}"
    label = context.anchors.get(anchor)
    if not label:
        return None
    name, number = label
    return [Link(f"#{anchor}", [Text(f"{name} "), NumberText(number, anchor=anchor)])]


def _listed_run(inlines: list[Inline], start: int) -> int:
    """The end of the run of listed cross-references (one bracket's) from `start`."""
    end = start + 1
    while end + 1 < len(inlines) and isinstance(inlines[end], Text) \
            and inlines[end].text == "; " and isinstance(inlines[end + 1], CrossRef) \
            and inlines[end + 1].listed:
        end += 2
    return end


def _as_list(refs: list[CrossRef], context) -> list[Inline] | None:
    """The run as one list of paragraphs, when every reference is to a numbered
    paragraph and none has a prefix; None: each is printed on its own."""
    numbers = []
    for ref in refs:
        if ref.prefix or ref.kind in ("annex", "section"):
            return None
        anchor = ref.target if ref.kind == "para" else f"{ref.kind}:{ref.target}"
        label = context.anchors.get(anchor)
        if not label:
            return None
        numbers.append((anchor, label[1]))
    return paragraph_list(numbers, context.language)


def _replace(inlines: list[Inline], context) -> None:
    resolved: list[Inline] = []
    index = 0
    while index < len(inlines):
        node = inlines[index]
        index += 1
        if isinstance(node, CrossRef) and node.listed:
            end = _listed_run(inlines, index - 1)
            listed = _as_list(inlines[index - 1:end:2], context)
            if listed is not None:
                resolved += listed
                index = end
                continue
        if isinstance(node, CrossRef):
            label = _resolve(node, context)
            if label is None:
                _report(node, context)
                label = [Text(f"[{node.kind}:{node.target}?]")]
            resolved += ([Text(node.prefix + " ")] if node.prefix else []) + label
            continue
        if isinstance(node, InlineNote) or hasattr(node, "children"):
            _replace(node.children, context)
        resolved.append(node)
    merged: list[Inline] = []
    for node in resolved:
        if type(node) is Text and merged and type(merged[-1]) is Text:
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
