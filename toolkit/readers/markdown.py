"""Markdown (claim text and template wording) to document nodes.

markdown-it-py in CommonMark mode with raw HTML switched off, so `<b>` in a claim is
text, never markup; tables; footnotes `^[...]` and `[^label]`; block attributes
`{#anchor .numbered}` on the line before a paragraph or heading; and a rule of ours for
pandoc citations `[see @a, para 3; @b]` and cross-references `[@fact:id]`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from mdit_py_plugins.attrs import attrs_block_plugin
from mdit_py_plugins.footnote import footnote_plugin

from toolkit.model.bounds import INLINE_NESTING
from toolkit.model.citation_syntax import CITATION_GROUP, CitationSyntaxError, parse_group
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
from toolkit.model.errors import CovenantError

CROSSREF_KINDS = ("fact", "para", "annex", "claim", "section")


def _citation_rule(state: StateInline, silent: bool) -> bool:
    if state.src[state.pos] != "[":
        return False
    match = CITATION_GROUP.match(state.src, state.pos)
    if not match:
        return False
    try:
        items = parse_group(match.group("body"))
    except CitationSyntaxError:
        return False
    if not silent:
        token = state.push("citation", "", 0)
        token.meta = {"items": items}
        token.content = match.group(0)
    state.pos = match.end()
    return True


class MarkdownProblem(CovenantError):
    """Markdown the parser would drop or merge without a word: `start` is the offset in
    the text of the line to change."""

    def __init__(self, message: str, start: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.start = start


# Block containers: markdown-it tokenizes what is inside one only below its maxNesting
# level, so one opened at the last level has lost its content (inline nesting past the
# limit stays as literal text, which loses nothing).
_CONTAINERS = {"blockquote_open", "list_item_open", "footnote_reference_open"}


@dataclass
class Survey:
    """What a parse saw that parse_markdown must not let pass silently: the first line
    where a container's content was dropped (None: nowhere), and each footnote label's
    definition lines."""

    too_deep: int | None = None
    definitions: dict[str, list[int]] = field(default_factory=dict)
    note_in_note: int | None = None  # the line of a footnote inside a footnote
    open_fence: int | None = None  # the line of a code fence never closed
    # the line and depth of the deepest emphasis/link nesting past INLINE_NESTING: the
    # emphasis rule nests without markdown-it's limit, and the tree is walked by recursion
    too_deep_inline: tuple[int, int] | None = None


def _survey(state) -> None:
    """A core rule run before the footnote plugin merges definitions: record in
    env["covenant"] where the nesting limit dropped content, and every definition."""
    survey = state.env.setdefault("covenant", Survey())
    limit = state.md.options["maxNesting"]
    for token in state.tokens:
        line = token.map[0] if token.map else 0
        if token.type in _CONTAINERS and token.level >= limit - 1 and survey.too_deep is None:
            survey.too_deep = line
        if token.type == "footnote_reference_open":
            survey.definitions.setdefault(token.meta["label"], []).append(line)
        if token.type == "fence" and token.map and survey.open_fence is None and \
                not _closes(state.src, token):
            survey.open_fence = line
    for token in state.tokens:
        depth = _inline_depth(token.children or [])
        if depth > INLINE_NESTING.limit and survey.too_deep_inline is None:
            survey.too_deep_inline = (token.map[0] if token.map else 0, depth)
    # An inline note ^[...] is parsed where it stands, so a note written inside it is a
    # footnote_ref among its tokens; no document can print a footnote inside a footnote.
    notes = state.env.get("footnotes", {}).get("list", {})
    for token in state.tokens:
        for child in token.children or []:
            if child.type != "footnote_ref" or survey.note_in_note is not None:
                continue
            inner = notes.get(child.meta.get("id"), {}).get("tokens") or []
            if any(t.type == "footnote_ref" for t in inner):
                survey.note_in_note = token.map[0] if token.map else 0


_OPENS = {"em_open", "strong_open", "link_open"}
_CLOSES = {"em_close", "strong_close", "link_close"}


def _inline_depth(children: list[Token]) -> int:
    depth = deepest = 0
    for child in children:
        if child.type in _OPENS:
            depth += 1
            deepest = max(deepest, depth)
        elif child.type in _CLOSES:
            depth -= 1
    return deepest


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable("table").use(footnote_plugin).use(attrs_block_plugin)
    md.inline.ruler.before("link", "citation", _citation_rule)
    md.core.ruler.before("footnote_tail", "covenant_survey", _survey)
    return md


def _closes(source: str, fence) -> bool:
    """Whether a fence token's last line closes it (an unclosed fence runs to the end of
    the text, swallowing everything after it)."""
    start, end = fence.map
    lines = source.split("\n")
    if end - 1 <= start or end - 1 >= len(lines):
        return False
    closing = lines[end - 1].strip()
    return len(closing) >= len(fence.markup) and set(closing) == {fence.markup[0]}


def _line_start(text: str, line: int) -> int:
    """The offset of 0-based line `line` of `text` (markdown-it counts \n only)."""
    offset = 0
    for _ in range(line):
        found = text.find("\n", offset)
        if found < 0:
            break
        offset = found + 1
    return offset


# Every problem _survey records needs one of these: a block quote (>), a list item (a
# marker opening a line), a fence (``` ~~~), a note or footnote definition (^). Text
# without any is most claim prose, and `covenant check` skips its parse.
_SURVEYED_MARKUP = re.compile(r"[>`~^]|(?m:^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$))")
# Nesting past INLINE_NESTING takes two markers a level (`*a*`, `[a](b)`): fewer cannot.
_NESTING_MARKERS = re.compile(r"[*_\[]")


def _may_nest_too_deeply(text: str) -> bool:
    return len(text) > 2 * INLINE_NESTING.limit and \
        sum(1 for _ in _NESTING_MARKERS.finditer(text)) > 2 * INLINE_NESTING.limit


def markdown_problems(text: str) -> tuple[list[MarkdownProblem], dict[str, int]]:
    """What the parser would drop or merge in `text` (nesting past its limit, a footnote
    label defined twice), and the offset of each footnote label's definition."""
    if not _SURVEYED_MARKUP.search(text.replace("\r", "\n")) and \
            not _may_nest_too_deeply(text):
        return [], {}
    env: dict = {}
    _parser().parse(text, env)
    return _problems(text, env.get("covenant", Survey()))


def _problems(text: str, survey: Survey) -> tuple[list[MarkdownProblem], dict[str, int]]:
    problems = []
    if survey.too_deep is not None:
        problems.append(MarkdownProblem(
            "the text nests block quotes or lists too deeply for the Markdown parser, "
            "which would drop what is inside the deepest ones; flatten it",
            _line_start(text, survey.too_deep)))
    if survey.open_fence is not None:
        problems.append(MarkdownProblem(
            "a code block opened here (``` or ~~~) is never closed, so it swallows all the "
            "text after it; close it with the same fence on a line of its own",
            _line_start(text, survey.open_fence)))
    if survey.too_deep_inline is not None:
        line, depth = survey.too_deep_inline
        problems.append(MarkdownProblem(
            INLINE_NESTING.message(depth, "this text") + " (unpair some * or _ markers)",
            _line_start(text, line)))
    if survey.note_in_note is not None:
        problems.append(MarkdownProblem(
            "a footnote is written inside another footnote (^[... ^[...] ...]); a note "
            "cannot have notes of its own: put its text in the outer note, or in "
            "parentheses", _line_start(text, survey.note_in_note)))
    for label, lines in survey.definitions.items():
        if len(lines) > 1:
            problems.append(MarkdownProblem(
                f"footnote [^{label}] is defined {len(lines)} times; every use would show "
                "the last definition: give each note its own label", _line_start(
                    text, lines[1])))
    return problems, {label: _line_start(text, lines[0])
                      for label, lines in survey.definitions.items()}


def is_crossref_key(key: str) -> bool:
    kind, _, target = key.partition(":")
    return bool(target) and kind in CROSSREF_KINDS


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
    MarkdownProblem (the first of `markdown_problems`) rather than drop content."""
    env: dict = {}
    tokens = _parser().parse(text, env)
    problems, _ = _problems(text, env.get("covenant", Survey()))
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
