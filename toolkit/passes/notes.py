"""Turn citations in running text and inline footnotes `^[...]` into numbered notes.

A citation in running text becomes a footnote of its own; a citation inside a footnote
stays in that footnote. The call goes after adjacent punctuation ("text.¹"), and the
space before a call is dropped.

Size: one module per pass, in the order run_passes names them."""

from __future__ import annotations

from toolkit.model.document import (
    Citation,
    Document,
    Inline,
    InlineNote,
    Note,
    NoteRef,
    Text,
    block_inlines,
    walk_blocks,
)

PUNCTUATION = ".,;:"


def _convert(inlines: list[Inline], notes: list[Note]) -> list[Inline]:
    out: list[Inline] = []
    pending_call: NoteRef | None = None
    pending_at = 0  # where pending_call stands in `out`: found by position, never by a
    # search (nodes compare by value, so `out.index` made thousands of notes quadratic)
    for node in inlines:
        if isinstance(node, Citation) and (joined := _citation_note_before(out)):
            # "[@a] [@b]" side by side: one footnote citing both, not two calls in a row;
            # a source and pinpoint already in that footnote is not repeated.
            citation = joined.children[-1]
            seen = {(i.key.lower(), i.locator) for i in citation.items}
            citation.items = citation.items + [
                i for i in node.items if (i.key.lower(), i.locator) not in seen]
            continue
        if isinstance(node, Citation | InlineNote):
            children = [node] if isinstance(node, Citation) else node.children
            note = Note(len(notes) + 1, children)
            notes.append(note)
            if out and isinstance(out[-1], Text):
                out[-1] = Text(out[-1].text.rstrip(" "))
            ref = NoteRef(note)
            pending_at = len(out)
            out.append(ref)
            pending_call = ref
            continue
        if isinstance(node, Text) and pending_call is not None and node.text[:1] in PUNCTUATION:
            # Move the punctuation before the call: "text[@a]." -> "text.¹"
            run = len(node.text) - len(node.text.lstrip(PUNCTUATION))
            out.insert(pending_at, Text(node.text[:run]))
            node = Text(node.text[run:])
            if not node.text:
                pending_call = None
                continue
        pending_call = None
        if hasattr(node, "children") and not isinstance(node, NoteRef):
            node.children = _convert(node.children, notes)
        out.append(node)
    return _merge(out)


def _citation_note_before(out: list[Inline]) -> Note | None:
    """The note just called before this point, if it holds only citations and nothing
    but white space separates its call from here."""
    tail = out[-1] if out else None
    if isinstance(tail, Text) and not tail.text.strip() and len(out) > 1:
        tail = out[-2]
    if isinstance(tail, NoteRef) and all(isinstance(c, Citation) for c in tail.note.children):
        if isinstance(out[-1], Text):
            out.pop()
        return tail.note
    return None


def _merge(nodes: list[Inline]) -> list[Inline]:
    """Adjacent plain Text runs as one, each run joined once (adding them two at a time
    copied the growing text for every run: quadratic in a long paragraph)."""
    merged: list[Inline] = []
    run: list[str] = []
    for node in nodes:
        if type(node) is Text:
            run.append(node.text)
            continue
        if run:
            _flush(run, merged)
        if not (isinstance(node, Text) and not node.text):
            merged.append(node)
    _flush(run, merged)
    return merged


def _flush(run: list[str], merged: list[Inline]) -> None:
    text = "".join(run)
    run.clear()
    if text:
        merged.append(Text(text))


def run(document: Document, context) -> None:
    notes: list[Note] = []
    for block in walk_blocks(document.blocks):
        for inlines in block_inlines(block):
            inlines[:] = _convert(inlines, notes)
    document.notes = notes
