"""Markdown (claim text and template wording) to document nodes.

markdown-it-py in CommonMark mode with raw HTML switched off, so `<b>` in a claim is
text, never markup; tables; footnotes `^[...]` and `[^label]`; block attributes
`{#anchor .numbered}` on the line before a paragraph or heading; and a rule of ours for
pandoc citations `[see @a, para 3; @b]` and cross-references `[@fact:id]`. The parser
itself, and what it would drop, are in readers/markdown_survey.py.
"""

from __future__ import annotations

from markdown_it.token import Token

from toolkit.model.citation_syntax import (
    is_crossref_key,
)
from toolkit.model.document import (
    Block,
    BlockQuote,
    Citation,
    Code,
    CrossRef,
    Emph,
    Heading,
    Inline,
    InlineNote,
    LineBreak,
    Link,
    ListBlock,
    PageBreak,
    Paragraph,
    Strong,
    Table,
    Text,
)
from toolkit.readers.markdown_survey import Survey, parser, problems_of


class _Converter:
    def __init__(self, tokens: list[Token], source: str) -> None:
        self.tokens = tokens
        self.source = source
        self.footnotes: dict[int, list[Inline]] = {}
        self._collect_footnotes()

    def _collect_footnotes(self) -> None:
        current: int | None = None
        for token in self.tokens:
            if token.type == "footnote_open":
                current = token.meta["id"]
                self.footnotes[current] = []
            elif token.type == "footnote_close":
                current = None
            elif current is not None and token.type == "inline":
                if self.footnotes[current]:
                    self.footnotes[current].append(Text(" "))
                self.footnotes[current].extend(self.inlines(token.children or []))

    def blocks(self) -> list[Block]:
        blocks, _ = self._blocks(0, None)
        return blocks

    def _blocks(self, pos: int, until: str | None) -> tuple[list[Block], int]:
        out: list[Block] = []
        tokens = self.tokens
        while pos < len(tokens):
            token = tokens[pos]
            kind = token.type
            if until and kind == until:
                return out, pos + 1
            if kind == "footnote_block_open":
                pos = self._skip(pos, "footnote_block_close")
                continue
            if kind in ("paragraph_open", "heading_open"):
                inline = tokens[pos + 1]
                children = self.inlines(inline.children or [])
                attrs = token.attrs or {}
                anchor = attrs.get("id")
                classes = str(attrs.get("class", "")).split()
                if kind == "heading_open":
                    out.append(Heading(int(token.tag[1]), children, anchor=anchor,
                                       numbered="unnumbered" not in classes))
                else:
                    style = next((c for c in classes if c != "numbered"), None)
                    out.append(Paragraph(children, anchor=anchor,
                                         numbered="numbered" in classes, style=style))
                pos += 3
            elif kind in ("bullet_list_open", "ordered_list_open"):
                ordered = kind == "ordered_list_open"
                close = "ordered_list_close" if ordered else "bullet_list_close"
                items, pos = self._list_items(pos + 1, close)
                start = int((token.attrs or {}).get("start", 1))
                out.append(ListBlock(ordered, items, start))
            elif kind == "blockquote_open":
                children, pos = self._blocks(pos + 1, "blockquote_close")
                out.append(BlockQuote(children))
            elif kind == "table_open":
                table, pos = self._table(pos + 1)
                out.append(table)
            elif kind == "hr":
                out.append(PageBreak())
                pos += 1
            elif kind in ("code_block", "fence"):
                out.append(Paragraph([Code(token.content.rstrip("\n"))], style="code"))
                pos += 1
            else:
                pos += 1
        return out, pos

    def _skip(self, pos: int, close: str) -> int:
        while self.tokens[pos].type != close:
            pos += 1
        return pos + 1

    def _list_items(self, pos: int, close: str) -> tuple[list[list[Block]], int]:
        items = []
        while self.tokens[pos].type != close:
            if self.tokens[pos].type == "list_item_open":
                blocks, pos = self._blocks(pos + 1, "list_item_close")
                items.append(blocks)
            else:
                pos += 1
        return items, pos + 1

    def _table(self, pos: int) -> tuple[Table, int]:
        header: list[list[Inline]] = []
        rows: list[list[list[Inline]]] = []
        row: list[list[Inline]] = []
        in_head = False
        while self.tokens[pos].type != "table_close":
            token = self.tokens[pos]
            if token.type == "thead_open":
                in_head = True
            elif token.type == "thead_close":
                in_head = False
            elif token.type == "tr_open":
                row = []
            elif token.type == "tr_close":
                if in_head:
                    header = row
                else:
                    rows.append(row)
            elif token.type == "inline":
                row.append(self.inlines(token.children or []))
            pos += 1
        return Table(header, rows), pos + 1

    def inlines(self, tokens: list[Token]) -> list[Inline]:
        stack: list[list[Inline]] = [[]]
        wrappers: list[tuple[str, str]] = []
        for token in tokens:
            kind = token.type
            if kind == "text":
                stack[-1].append(Text(token.content))
            elif kind == "softbreak":
                stack[-1].append(Text(" "))
            elif kind == "hardbreak":
                stack[-1].append(LineBreak())
            elif kind == "code_inline":
                stack[-1].append(Code(token.content))
            elif kind in ("em_open", "strong_open", "link_open"):
                stack.append([])
                wrappers.append((kind, str((token.attrs or {}).get("href", ""))))
            elif kind in ("em_close", "strong_close", "link_close"):
                children = stack.pop()
                opener, href = wrappers.pop()
                node = {"em_open": Emph, "strong_open": Strong}.get(opener)
                stack[-1].append(node(children) if node else Link(href, children))
            elif kind == "image":
                # Never fetched: an image in claim text is shown as its description.
                stack[-1].append(Text(f"[image: {token.content}]"))
            elif kind == "footnote_ref":
                stack[-1].append(InlineNote(list(self.footnotes.get(token.meta["id"], []))))
            elif kind == "citation":
                stack[-1].extend(self._citation(token))
            elif kind == "html_inline":
                stack[-1].append(Text(token.content))
            else:
                stack[-1].append(Text(token.content))
        while len(stack) > 1:  # unbalanced markers: keep the text
            children = stack.pop()
            stack[-1].extend(children)
        return _merge_text(stack[0])

    def _citation(self, token: Token) -> list[Inline]:
        items = token.meta["items"]
        refs = [i for i in items if is_crossref_key(i.key)]
        if not refs:
            return [Citation(items, self.source)]
        out: list[Inline] = []
        listed = len(refs) == len(items) > 1  # a bracket of cross-references only
        for index, item in enumerate(items):
            if index:
                out.append(Text("; "))
            if is_crossref_key(item.key):
                kind, _, target = item.key.partition(":")
                out.append(CrossRef(kind, target, item.prefix, self.source, listed))
            else:
                out.append(Citation([item], self.source))
        return out


def _merge_text(nodes: list[Inline]) -> list[Inline]:
    """Adjacent Text runs as one, joined once (adding them two at a time copied the
    growing text for every run: quadratic in markers the parser leaves as text)."""
    merged: list[Inline] = []
    run: list[str] = []
    for node in nodes:
        if isinstance(node, Text):
            run.append(node.text)
            continue
        if run:
            merged.append(Text("".join(run)))
            run.clear()
        merged.append(node)
    if run:
        merged.append(Text("".join(run)))
    return merged


def parse_markdown(text: str, source: str = "") -> list[Block]:
    """Markdown blocks as document nodes; `source` names where the text came from.
    MarkdownProblem (the first of markdown_survey's problems) rather than drop content."""
    env: dict = {}
    tokens = parser().parse(text, env)
    problems, _ = problems_of(text, env.get("covenant", Survey()))
    if problems:
        raise problems[0]
    return _Converter(tokens, source).blocks()


def parse_inline(text: str, source: str = "") -> list[Inline]:
    """A single line of Markdown as inlines (for headings and table cells built in code)."""
    blocks = parse_markdown(text, source)
    out: list[Inline] = []
    for block in blocks:
        if isinstance(block, Paragraph | Heading):
            if out:
                out.append(Text(" "))
            out.extend(block.children)
    return out
