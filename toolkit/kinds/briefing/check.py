"""Read and check briefing files (claims/briefings/*.yaml) like case files: every problem
with its file:line:column, all at once.

The schema is checked by pydantic (messages as for case files); then, on the located YAML
tree so that they show in the same run: theme ids are unique, every case id a theme lists
exists in the workspace, every citation key in the Markdown text exists in the library,
and — once the file is valid — each theme has cases to show (a theme no case matches is a
warning: its section would have no cases of concern), confidential cases are named when a
selector leaves them out, and facts dated after the paper, or told in it with a range that
may end after it, are pointed out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from toolkit.checks.context import (
    CheckContext,
    entries,
    report_duplicate_ids,
    suggest,
    typed_paths,
    values_at,
)
from toolkit.checks.references import _markdown_citations
from toolkit.kinds.briefing.model import BriefingFile
from toolkit.kinds.briefing.narrative import choose_facts
from toolkit.kinds.briefing.selection import select
from toolkit.kinds.languages import language_error, section_languages
from toolkit.model.case import Markdown
from toolkit.model.dates import format_date, parse_date
from toolkit.model.errors import Report
from toolkit.readers.claims import LoadedCase, read_located, validate_located
from toolkit.readers.library import Library
from toolkit.readers.yamlsource import (
    LocatedDict,
    LocatedList,
    Mark,
    locate,
    locate_within,
)


@dataclass
class LoadedBriefing:
    path: Path
    shown: str
    raw: Any
    briefing: BriefingFile | None
    digest: str = ""  # sha256 of the bytes that were parsed

    def mark(self, path: tuple, *, key: bool = False) -> Mark:
        return locate(self.raw, path, key=key)

    def mark_within(self, path: tuple, start: int, end: int) -> Mark:
        return locate_within(self.raw, path, start, end)


def load_briefing(path: Path, report: Report, shown: str | None = None,
                  root: Path | None = None) -> LoadedBriefing:
    """`root`: the folder the briefing file must stay inside (the workspace's claims/)."""
    shown = shown or str(path)
    ok, raw, digest = read_located(path, report, shown, root)
    if not ok:
        return LoadedBriefing(path, shown, None, None, digest)
    if not isinstance(raw, LocatedDict):
        report.error(shown, 1, 1, "a briefing file is a YAML mapping with at least "
                     "'briefing:', 'dialogue:', 'organisations:', 'introduction:' and "
                     "'themes:'; see docs/briefing.md", "schema")
        return LoadedBriefing(path, shown, raw, None, digest)
    if "case" in raw and "briefing" not in raw:
        report.error(shown, 1, 1, "this is a case file, not a briefing file: case files "
                     "go in claims/, briefing files (see docs/briefing.md) in "
                     "claims/briefings/", "schema")
        return LoadedBriefing(path, shown, raw, None, digest)
    briefing = validate_located(BriefingFile, raw, report, shown, root=BriefingFile)
    return LoadedBriefing(path, shown, raw, briefing, digest)


def _case_ids(cases: list[LoadedCase]) -> set[str] | None:
    """The case ids of the workspace; None if a case file's id cannot be read (its own
    diagnostics say why, and a reference to it would be reported as missing)."""
    ids = set()
    for loaded in cases:
        if loaded.case is not None:
            ids.add(loaded.case.case.id)
            continue
        info = loaded.raw.get("case") if isinstance(loaded.raw, LocatedDict) else None
        ident = info.get("id") if isinstance(info, LocatedDict) else None
        if not isinstance(ident, str):
            return None
        ids.add(ident)
    return ids


def check_briefing(loaded: LoadedBriefing, cases: list[LoadedCase], library: Library,
                   report: Report, today: date,
                   languages: list[str] | None = None) -> set[str]:
    """Report every problem of one briefing file; return the citation keys it uses.
    `languages`: those the briefing has templates in (None: not checked)."""
    if not isinstance(loaded.raw, LocatedDict):
        return set()
    ctx = CheckContext(loaded, library, report, today)  # type: ignore[arg-type]
    if loaded.briefing is not None and languages and \
            loaded.briefing.briefing.language not in languages:
        ctx.error(("briefing", "language"), language_error(
            "briefing", loaded.briefing.briefing.language, languages,
            Path("templates/briefing/sections"), "briefing.language", "briefing file"),
            "kind-language")
    for pattern in typed_paths(Markdown, BriefingFile):
        for path, text in values_at(loaded.raw, pattern):
            _markdown_citations(ctx, text, path)
    _theme_ids(ctx)
    _listed_cases(ctx, _case_ids(cases))
    if loaded.briefing is not None:
        valid = [c.case for c in cases if c.case is not None]
        _selections(ctx, loaded.briefing, valid)
    return ctx.used_keys


def _theme_ids(ctx: CheckContext) -> None:
    seen: dict[str, Mark] = {}
    for path, theme in entries(ctx.raw, "themes"):
        ident = theme.get("id")
        if not isinstance(ident, str):
            continue
        if ident in seen:
            ctx.error((*path, "id"), f"duplicate theme id '{ident}' (first at line "
                      f"{seen[ident].line}); theme ids must be unique", "duplicate-id")
        else:
            seen[ident] = ctx.mark((*path, "id"))


def _listed_cases(ctx: CheckContext, known: set[str] | None) -> None:
    for path, theme in entries(ctx.raw, "themes"):
        listed = theme.get("cases")
        if isinstance(listed, str) and listed == "provisions" or "cases" not in theme:
            provisions = theme.get("provisions")
            if not (isinstance(provisions, LocatedList) and provisions):
                ctx.error((*path, "cases") if "cases" in theme else (*path, "id"),
                          "this theme selects its cases by provision but lists no "
                          "provisions; add provisions: ['19'] (for example) or list the "
                          "cases: [case-id, ...]", "theme-without-provisions")
        if not isinstance(listed, LocatedList) or known is None:
            continue
        seen: set[str] = set()
        for index, ident in enumerate(listed):
            if not isinstance(ident, str):
                continue
            where = (*path, "cases", index)
            if ident not in known:
                ctx.error(where, f"case id '{ident}' does not exist in this workspace"
                          f"{suggest(ident, sorted(known))}; case ids are the 'id' under "
                          "'case:' in claims/*.yaml", "unknown-case")
            elif ident in seen:
                ctx.warning(where, f"case '{ident}' is listed twice in this theme",
                            "duplicate-case")
            seen.add(ident)


def _selections(ctx: CheckContext, briefing: BriefingFile, cases) -> None:
    paper = parse_date(briefing.briefing.date)
    # case id -> facts surely after the paper, and facts the paper tells whose range may
    # end after it (one it leaves out cannot make the paper speak too early)
    late: dict[str, list[str]] = {}
    maybe_late: dict[str, list[str]] = {}
    told: dict[str, set[str]] = {}
    for index, theme in enumerate(briefing.themes):
        path = ("themes", index)
        selection = select(theme, cases, briefing.briefing.language)
        if selection.left_out:
            names = ", ".join(f"'{c.case.id}'" for c in selection.left_out)
            ctx.warning((*path, "cases") if "cases" in ctx.raw["themes"][index]
                        else (*path, "id"),
                        f"theme '{theme.id}' leaves out {names}: a briefing is public and "
                        "these case files are marked confidential; set confidentiality: "
                        "public in a case file once every fact in it is public",
                        "confidential-case")
        if isinstance(theme.cases, list):
            for case in selection.cases:
                at = theme.cases.index(case.case.id)
                if case.case.confidentiality == "confidential":
                    ctx.warning((*path, "cases", at), f"case '{case.case.id}' is marked "
                                "confidential but a briefing is public; set "
                                "confidentiality: public in the case file once every "
                                "fact in it is public", "confidential-case")
                language = briefing.briefing.language
                if case.case.language != language and language != "en":
                    # A paper in another language than English holds no English wording:
                    # its cases are told in its language or not at all (docs/briefing.md).
                    ctx.error((*path, "cases", at), f"case '{case.case.id}' is written in "
                              f"'{case.case.language}' and this briefing in '{language}': "
                              f"a briefing in '{language}' tells only cases written in "
                              f"'{language}'; list the case's translation (a case file with "
                              f"language: {language}) or write one", "case-language")
                elif case.case.language != language:
                    ctx.warning((*path, "cases", at), f"case '{case.case.id}' is written in "
                                f"'{case.case.language}' and this briefing in "
                                f"'{language}': its facts will be quoted "
                                "in that language", "case-language")
        if not selection.cases and not (isinstance(theme.cases, list) and not theme.cases):
            if isinstance(theme.cases, list):
                why = "none of the cases it lists can be shown"
            elif theme.cases == "all":
                why = "the workspace has no case that can be shown"
            else:
                why = (f"no case has a claim under article "
                       f"{', '.join(theme.provisions)}")
            if selection.other_language:
                why += (f" in '{briefing.briefing.language}' (cases in other languages are "
                        "not chosen)")
            ctx.warning((*path, "heading"), f"theme '{theme.id}' has no cases of concern: "
                        f"{why}; its section will show its text and recommendations only "
                        "(list cases: [case-id, ...] or change the provisions)",
                        "theme-without-cases")
        for case in selection.cases:
            shown = told.setdefault(case.case.id, set())
            chosen, _ = choose_facts(case, theme.provisions, briefing.narrative_facts, shown)
            shown |= {f.id for f in chosen}
            for fact in case.facts:
                when = parse_date(fact.date)
                found = late if when.start > paper.end else \
                    maybe_late if when.end > paper.end and fact.id in shown else None
                if found is not None and fact.id not in found.setdefault(case.case.id, []):
                    found[case.case.id].append(fact.id)
    for ident, facts in late.items():
        ctx.warning(("briefing", "date"), f"case '{ident}' has facts dated after this "
                    f"paper ({format_date(paper)}): {', '.join(facts)}; date the paper "
                    "later or check those facts", "fact-after-briefing")
    for ident, facts in maybe_late.items():
        ctx.warning(("briefing", "date"), f"case '{ident}' has facts the paper tells whose "
                    f"date may be later than the paper's date ({format_date(paper)}): "
                    f"{', '.join(facts)}; date the paper later or narrow those facts' dates",
                    "fact-may-be-after-briefing")


def check_briefings(workspace, paths: list[Path], cases: list[LoadedCase], library: Library,
                    report: Report, today: date) -> tuple[list[LoadedBriefing], set[str]]:
    """Check the briefing files `paths` against the cases; return them with the citation
    keys they use, and those of the workspace's other briefings (read quietly: a source
    only a briefing cites is not unused)."""
    loaded, used = [], set()
    languages = section_languages(workspace.templates / "briefing" / "sections")
    for path in paths:
        briefing = load_briefing(path, report, workspace.show(path), workspace.claims)
        loaded.append(briefing)
        used |= check_briefing(briefing, cases, library, report, today, languages)
    checked = {p.resolve() for p in paths}
    for path in workspace.briefing_files():
        if path.resolve() not in checked:
            quiet = Report()
            briefing = load_briefing(path, quiet, root=workspace.claims)
            used |= check_briefing(briefing, cases, library, quiet, today)
    report_duplicate_ids(loaded, lambda b: b.briefing.briefing.id if b.briefing else None,
                         ("briefing", "id"), "briefing", "duplicate-briefing-id", report)
    return loaded, used
