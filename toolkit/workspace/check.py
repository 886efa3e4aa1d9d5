"""`covenant check` as a function: load the library and the cases, run every check,
return all diagnostics together. Nothing is written but what the name look-ups learnt
(`.covenant/word-facts.json`, redaction/word_store.py), the citation files as read
(`.covenant/library-reads.json`, readers/library_reads.py) and the case and briefing
files as parsed (`.covenant/parsed-yaml.json`, readers/yaml_reads.py), to start faster
next time.

Size: `covenant check` as one function; the rules are in checks/ and the rooms."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from toolkit.checks.context import CheckContext, report_duplicate_ids
from toolkit.checks.shared import run_case_checks
from toolkit.kinds.kind import Kind
from toolkit.kinds.languages import language_error, section_languages
from toolkit.kinds.registry import KINDS
from toolkit.model.citation_syntax import CROSSREF_KINDS, find_citations, is_crossref_key
from toolkit.model.errors import Report
from toolkit.readers import yaml_reads
from toolkit.readers.claims import LoadedCase, load_case
from toolkit.readers.library import Library
from toolkit.readers.library_reads import ReadStore
from toolkit.redaction import words
from toolkit.workspace.folders import Workspace

WORD_FACTS = Path(".covenant") / "word-facts.json"
LIBRARY_READS = Path(".covenant") / "library-reads.json"
PARSED_YAML = Path(".covenant") / "parsed-yaml.json"


@dataclass
class CheckResult:
    report: Report
    cases: list[LoadedCase]
    library: Library
    briefings: list = field(default_factory=list)  # toolkit.kinds.briefing.check.LoadedBriefing
    every_case: bool = False  # every case file of the workspace was read


def check_workspace(workspace: Workspace, paths: list[Path] | None = None,
                    today: date | None = None, kind: str | None = None,
                    style: Path | None = None, *, stores: bool = False) -> CheckResult:
    """Every diagnostic of the workspace's files (`paths`: those only, default all).

    `stores`: answer from, and keep in, the workspace's stores in .covenant/ (the word
    facts, the citation files as read, the YAML files as parsed), which only
    `covenant check` does. What they hold is type-checked but not proven to be what the
    files say; a build, whose drafts are filed, reads and looks up everything afresh."""
    if not stores:
        words.close_store()
        return _check(workspace, paths, today, kind, style, ReadStore(None))
    words.open_store(workspace.root / WORD_FACTS)
    yaml_reads.open_store(workspace.root / PARSED_YAML)
    result = None
    try:
        result = _check(workspace, paths, today, kind, style,
                        ReadStore(workspace.root / LIBRARY_READS))
        words.save_store()
        return result
    finally:
        yaml_reads.close_store(prune=bool(result and result.every_case))
        words.close_store()


def _check(workspace: Workspace, paths: list[Path] | None, today: date | None,
           kind: str | None, style: Path | None, reads: ReadStore) -> CheckResult:
    report = Report()
    today = today or date.today()
    library = Library.from_folder(workspace.citations, report, workspace.root, reads)
    reads.save()
    files = workspace.expand(list(paths or []))
    # Briefing files (claims/briefings/) draw on every case of the workspace.
    briefing_paths = [p for p in files if workspace.is_briefing(p)] if paths else \
        workspace.briefing_files()
    if briefing_paths:
        files = [p for p in files if not workspace.is_briefing(p)]
        named = {p.resolve() for p in files}
        files += [p for p in workspace.case_files() if p.resolve() not in named]
    cases, used = [], set()
    for path in files:
        loaded = load_case(path, report, workspace.show(path), workspace.claims)
        cases.append(loaded)
        context = CheckContext(loaded, library, report, today)
        run_case_checks(context)
        used |= context.used_keys
        check_for_kind(kind, loaded, report, today, workspace)
    report_duplicate_ids(cases, lambda c: c.case.case.id if c.case else None, ("case", "id"),
                         "case", "duplicate-case-id", report)
    from toolkit.kinds.briefing.check import check_briefings

    briefings, briefing_keys = check_briefings(workspace, briefing_paths, cases, library,
                                               report, today)
    used |= briefing_keys
    used |= _template_citations(workspace, library, report)
    library.resolve(used, report)  # the cited entries of large (indexed) BibTeX files
    if style is not None:  # what each cited source needs for a complete footnote
        from toolkit.checks.source_fields import check_source_fields

        check_source_fields([e for e in library.entries.values() if e.key.lower() in used],
                            style, report)
    all_cases = {p.resolve() for p in workspace.case_files()}
    every_case = bool(all_cases) and all_cases <= {p.resolve() for p in files}
    if every_case:
        # Unused sources mean something only when every case has been read.
        held = Counter(e.file for e in library.entries.values() if e.file in library.exports)
        report_unused_sources([e for e in library.entries.values()
                               if e.key.lower() not in used], report, held)
    return CheckResult(report, cases, library, briefings, every_case)


def _template_citations(workspace: Workspace, library: Library, report: Report) -> set[str]:
    """The keys the standard wording cites ([@key] in templates/**/*.md.j2): not unused,
    and, when missing from the library, a warning — a draft printing that sentence would
    fail to build."""
    used: set[str] = _state_source_keys(workspace)
    for path in sorted(workspace.templates.rglob("*.md.j2")):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # the build reports an unreadable template with its name
        for found in find_citations(text):
            for item in found.items:
                if is_crossref_key(item.key) or item.key in CROSSREF_KINDS \
                        or "{" in item.key:
                    continue  # [@fact:{{ id }}] and the like: cross-references
                used.add(item.key.lower())
                if item.key not in library:
                    line = text.count("\n", 0, found.start) + 1
                    report.warning(workspace.show(path), line, 1, f"the standard wording "
                                   f"cites '@{item.key}', which is not in the citation "
                                   "library: a draft that prints this sentence cannot be "
                                   "built; add the source to citations/",
                                   "template-citation")
    return used


def _state_source_keys(workspace: Workspace) -> set[str]:
    """The keys templates/communication/state-sources.yaml cites for the State-party
    paragraph (not unused)."""
    import re

    path = workspace.templates / "communication" / "state-sources.yaml"
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return set()
    return {k.lower() for k in re.findall(r"@([\w:.#$%&+?<>~/-]+)", text)}


UNUSED_LISTED = 10  # more never-cited sources than this in the hand-kept files: one note


def report_unused_sources(unused: list, report: Report,
                          exports: Mapping[str, int] | None = None) -> None:
    """Never-cited sources. In a file a reference manager wrote (`exports`: its shown
    name and how many sources it holds) they are expected, a whole library being
    exported: one note for the file. In the hand-kept files, up to UNUSED_LISTED are
    warnings, each at its line (a mistyped key?); more are one note. The notes list
    each source with --verbose, and --strict fails on none of them."""
    exports = exports or {}
    exported = Counter(e.file for e in unused if e.file in exports)
    for file, count in sorted(exported.items()):
        report.note(file, 1, 1, f"{count:,} of the {exports[file]:,} sources of this "
                    "reference-manager export are never cited by any case; list them with "
                    "--verbose", "unused-source")
    own = [e for e in unused if e.file not in exports]
    listed = [e for e in unused if e.file in exports]
    if len(own) <= UNUSED_LISTED:
        for entry in own:
            report.warning(entry.file, entry.line, entry.column,
                           f"source '{entry.key}' is never cited by any case", "unused-source")
    else:
        files = sorted({e.file for e in own})
        report.note(files[0], 1, 1, f"{len(own):,} sources of the citation library are "
                    f"never cited by any case (in {', '.join(files)}); list them with "
                    "--verbose", "unused-source")
        listed = unused
    for entry in listed:
        report.note(entry.file, entry.line, entry.column,
                    f"source '{entry.key}' is never cited by any case", "unused-source",
                    detail=True)


def check_for_kind(kind: str | None, loaded: LoadedCase, report: Report, today: date,
                   workspace: Workspace) -> None:
    """The rules that belong to one document kind, as its registry entry names them
    (communication: admissibility; fairness-report: the grade), on a case file that
    passed the schema. The same function runs for `check --kind` and `build --kind`."""
    if kind is None or loaded.case is None:
        return
    if not _written_in(kind, loaded, report, workspace):
        return
    for rule in KINDS[kind].load_rules():
        rule(loaded, report, today, workspace.templates)


def _written_in(kind: str, loaded: LoadedCase, report: Report, workspace: Workspace) -> bool:
    """Whether the kind has templates in the case file's language; if not, an error at
    case.language naming those it has (never English wording in another language)."""
    if KINDS[kind].inputs != Kind("", "", "").inputs:
        return True  # a briefing is written in its own file's language, not its cases'
    language = loaded.case.case.language
    languages = section_languages(workspace.templates / kind / "sections")
    if not languages or language in languages:
        return True
    mark = loaded.mark(("case", "language"))
    report.error(loaded.shown, mark.line, mark.column,
                 language_error(kind, language, languages,
                                Path("templates") / kind / "sections"), "kind-language")
    return False
