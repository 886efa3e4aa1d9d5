"""Render a kind's section templates (Markdown + Jinja) in a sandbox.

Templates are the editors' standard wording. They render in Jinja's immutable sandbox
with undefined names as errors. Case text reaches the templates as data: Jinja never
evaluates what a value contains, so `{{ ... }}` in a claim stays text; values that are
not Markdown (names, courts) go through the `md` filter so that `*` or `[` in them
stays literal."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache, partial
from pathlib import Path

from jinja2 import StrictUndefined, TemplateError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from toolkit.covenant import parse_provision
from toolkit.files.templates import (
    BoundedImmutableSandbox,
    ConfinedLoader,
    bound_filters,
    render_bounded,
)
from toolkit.kinds.languages import language_error, section_languages
from toolkit.model.case import CaseFile
from toolkit.model.dates import format_date, format_when, parse_date
from toolkit.model.document import Block
from toolkit.model.errors import CovenantError
from toolkit.readers.library import Library
from toolkit.readers.markdown import parse_markdown
from toolkit.readers.markdown_survey import MarkdownProblem

_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}<>#|!^~])")


def escape_markdown(value) -> str:
    """Plain text made safe to put inside Markdown."""
    text = "" if value is None else str(value)
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return re.sub(r"^(\s*)(\d+)\.", r"\1\2\\.", text, flags=re.M)


def cite_list(sources: list[str]) -> str:
    """['@a, para 2', '@b'] -> '[@a, para 2; @b]'"""
    cleaned = [s.strip().removeprefix("[").removesuffix("]") for s in sources]
    return f"[{'; '.join(cleaned)}]" if cleaned else ""


def _cite_forms(text: str) -> set[str]:
    """Every cite written in `text`'s brackets, as "@key,locator" without spaces."""
    found = set()
    for group in re.findall(r"\[([^\[\]]*@[^\[\]]*)\]", text or ""):
        for cite in group.split(";"):
            at = cite.find("@")
            if at >= 0:
                found.add("".join(cite[at:].split()).casefold())
    return found


def uncited_in(sources: list[str], text: str) -> list[str]:
    """The sources not already cited, with the same pinpoint, in `text`: a claim's
    authorities after its argument, without repeating (and so misplacing) what the
    argument cites sentence by sentence."""
    written = _cite_forms(text)
    return [s for s in sources
            if "".join(s.strip().removeprefix("[").removesuffix("]").split()).casefold()
            not in written]


def when_date(value, language: str = "en") -> str:
    if value in (None, ""):
        return ""
    if isinstance(value, date):
        value = value.isoformat()
    return format_when(parse_date(value), language)


def tidy_markdown(text: str) -> str:
    """Give block attributes and headings the blank line before them that Markdown needs
    and that Jinja's whitespace control easily swallows."""
    text = re.sub(r"([^\n])\n(?=\{[#.][^\n]*\}[ \t]*\n)", r"\1\n\n", text)
    return re.sub(r"([^\n])\n(?=#{1,6} )", r"\1\n\n", text)


def long_date(value, language: str = "en") -> str:
    if value in (None, ""):
        return ""
    if isinstance(value, date):
        value = value.isoformat()
    return format_date(parse_date(value), language)


# Russian month words by their stem, so that "Апрель 2021 г." is found in "в апреле 2021
# года" and "23 ноября 2021 г." in "23 ноября 2021 года" (the lead would repeat it)
_RU_MONTH_STEMS = ("январ", "феврал", "март", "апрел", "ма[йяе]", "июн", "июл", "август",
                   "сентябр", "октябр", "ноябр", "декабр")


def date_told(fact, language: str = "en") -> bool:
    """Whether a fact's text already states its date, so that the paragraph is not led by
    it in bold as well ("**April 2021.** In April 2021 …")."""
    when = long_date(fact.date, language).replace("\u00a0", " ")
    text = " ".join(fact.text.split()).replace("\u00a0", " ")
    if when and when in text:
        return True
    if language.split("-")[0] != "ru" or not when:
        return False
    parts = []
    for word in re.sub(r"\s*гг?\.$", "", when).split():
        stem = next((s for s in _RU_MONTH_STEMS if re.match(s, word, re.I)), None)
        parts.append(rf"{stem}\w*" if stem else re.escape(word))
    return re.search(r"(?<!\w)" + r"\s+".join(parts) + r"(?!\d)", text, re.I) is not None


# Jinja's options for section templates. "{#anchor .numbered}" is Markdown
# block-attribute syntax, so Jinja comments are spelt {## ... ##} in our templates.
_OPTIONS = dict(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True,
                trim_blocks=True, lstrip_blocks=True,
                comment_start_string="{##", comment_end_string="##}")


@lru_cache(maxsize=64)
def _environment(folder: str, root: str, language: str) -> ImmutableSandboxedEnvironment:
    """One sandboxed environment per section folder and language, kept for the life of
    the process: each template is compiled once per process (a batch of 40 cases
    compiles it once), and never cached on disk (a bytecode cache in drafts/ would run
    whatever code someone wrote there). The loader notices an edited template."""
    env = BoundedImmutableSandbox(loader=ConfinedLoader([folder], root), **_OPTIONS)
    env.filters.update(md=escape_markdown, cites=cite_list, uncited_in=uncited_in,
                       date=partial(long_date, language=language),
                       when=partial(when_date, language=language),
                       told=partial(date_told, language=language))
    bound_filters(env)
    env.globals.update(provision=parse_provision)
    return env


@dataclass
class KindEnv:
    templates: Path  # the workspace's templates/ folder
    library: Library
    today: str = ""
    today_date: date | None = None
    extra: dict = field(default_factory=dict)

    @staticmethod
    def format_date(value, language: str = "en") -> str:
        return long_date(value, language)

    def environment(self, kind: str, language: str = "en",
                    folder: Path | None = None) -> ImmutableSandboxedEnvironment:
        folder = folder or self.templates / kind / "sections"
        return _environment(str(folder), str(self.templates), language)

    def languages(self, kind: str) -> list[str]:
        """The languages the kind has section templates in: one per folder
        sections/<language>/, and English for templates directly in sections/."""
        return section_languages(self.templates / kind / "sections")

    def render_sections(self, kind: str, context: dict, language: str = "en") -> list[Block]:
        """Render sections/<language>/ if the kind has one, else, for English,
        sections/. A language the kind has no templates in is an error naming those
        it has: a document is never drafted in another language's wording."""
        folder = self.templates / kind / "sections"
        if (folder / language).is_dir():
            folder = folder / language
        elif language != "en" and folder.is_dir():
            raise CovenantError(language_error(kind, language, section_languages(folder),
                                               folder))
        env = self.environment(kind, language, folder)
        names = sorted(p.name for p in folder.glob("*.md.j2")) if folder.is_dir() else []
        if not names:
            raise CovenantError(f"no section templates in {folder}; restore the default "
                                "templates with 'covenant init' in a new folder and copy them")
        blocks: list[Block] = []
        for name in names:
            try:
                text = render_bounded(env.get_template(name), context, str(folder / name))
            except TemplateError as exc:
                line = getattr(exc, "lineno", None) or 1
                where = getattr(exc, "filename", None) or str(folder / name)
                raise CovenantError(f"{where}:{line}: template error: {exc}") from None
            except RecursionError:
                raise CovenantError(f"{folder / name}: the template includes or calls "
                                    "itself without end") from None
            text = tidy_markdown(text)
            try:
                blocks.extend(parse_markdown(text, f"{folder / name}:1"))
            except MarkdownProblem as problem:
                line = text.count("\n", 0, problem.start) + 1
                raise CovenantError(f"{folder / name}: {problem.message} (line {line} of "
                                    "the Markdown it renders; if that line comes from a "
                                    "case file, `covenant check` names it)") from None
        return blocks


# What several kinds list from a case file.


def facts_in_order(case: CaseFile) -> list:
    return sorted(case.facts, key=lambda f: parse_date(f.date).sort_key())


def claims_in_order(case: CaseFile) -> list:
    return sorted(case.claims, key=lambda c: parse_provision(c.provision).sort_key)


def victims(case: CaseFile) -> list:
    return [p for p in case.people if "alleged-victim" in p.roles]
