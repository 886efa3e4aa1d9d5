"""The Markdown parser (markdown-it, CommonMark, raw HTML off, with our citation rule)
and what it would drop or merge without a word: a container nested past its limit, a
code fence never closed, a footnote label defined twice, a note inside a note. A core
rule run inside the parse (`survey`) records them; `problems_of` turns them into
problems at the line to change. readers/markdown.py converts the parse into nodes.

`covenant check` asks `markdown_problems` of every claim text, and most claim prose has
none of the markup these problems need: such text is not parsed, and markdown-it is
imported only when a text does need the parse (its import is a tenth of check's
start-up).

Size: the parser and its survey, apart from the conversion so that check need not load
markdown-it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from toolkit.model.bounds import INLINE_NESTING
from toolkit.model.citation_syntax import CITATION_GROUP, CitationSyntaxError, parse_group
from toolkit.model.errors import CovenantError

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_inline import StateInline
    from markdown_it.token import Token


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


def survey(state) -> None:
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


# Every problem `survey` records needs one of these: a block quote (>), a list item (a
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
    parser().parse(text, env)
    return problems_of(text, env.get("covenant", Survey()))


def problems_of(text: str, survey: Survey) -> tuple[list[MarkdownProblem], dict[str, int]]:
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


@lru_cache(maxsize=1)
def parser() -> MarkdownIt:
    """markdown-it in CommonMark mode, raw HTML off, with tables, footnotes, block
    attributes, our citation rule and the survey; the one parser check and build share."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.attrs import attrs_block_plugin
    from mdit_py_plugins.footnote import footnote_plugin

    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable("table").use(footnote_plugin).use(attrs_block_plugin)
    md.inline.ruler.before("link", "citation", _citation_rule)
    md.core.ruler.before("footnote_tail", "covenant_survey", survey)
    return md
