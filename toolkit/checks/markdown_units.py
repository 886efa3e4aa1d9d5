"""Markdown that the parser would drop or merge without a word, reported at the line of
the case file to change (issue 23): a block quote or list nested past markdown-it's
limit (it drops what is deeper), a footnote label defined twice in one text, and a label
defined in two texts of one case file (a section is parsed as one Markdown text, so the
second definition would replace the first in both places).

The build parses each section again and refuses the same problems
(readers.markdown.parse_markdown), naming the template, for Markdown that comes from
the templates themselves.

Size: one rule."""

from __future__ import annotations

from toolkit.checks.context import CheckContext, case_check, typed_paths, values_at
from toolkit.model.case import Markdown
from toolkit.readers.markdown_survey import markdown_problems


def _where(path: tuple) -> str:
    text = ""
    for step in path:
        text += f"[{step + 1}]" if isinstance(step, int) else (f".{step}" if text else step)
    return text


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end


@case_check
def markdown_within_limits(ctx: CheckContext) -> None:
    labels: dict[str, tuple[tuple, int]] = {}  # label -> (path, line) of its first text
    for pattern in typed_paths(Markdown):
        for path, text in values_at(ctx.raw, pattern):
            if not isinstance(text, str) or not text.strip():
                continue
            problems, defined = markdown_problems(text)
            for problem in problems:
                mark = ctx.mark_within(path, problem.start, _line_end(text, problem.start))
                ctx.error(path, problem.message, "markdown-dropped", mark)
            for label, start in defined.items():
                mark = ctx.mark_within(path, start, _line_end(text, start))
                if label in labels:
                    first, line = labels[label]
                    ctx.error(path, f"footnote [^{label}] is also defined in "
                              f"{_where(first)} (line {line}); the texts of one case are "
                              "printed together, so one definition would replace the "
                              "other: give this note another label", "footnote-label-reused",
                              mark)
                else:
                    labels[label] = (path, mark.line)
