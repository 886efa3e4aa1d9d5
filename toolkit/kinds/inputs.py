"""What a document is built from, and how a kind's input files become documents.

A kind's registry entry names its input type. `CASE_FILES` (here): one document per case
file in claims/. The briefing's own type, one document per briefing file drawing on
every case of the workspace, is in toolkit/kinds/briefing/sources.py. The build path
(toolkit/workspace/build.py and batch.py) is the same for both: it asks the input type
for the documents' `Source`s and hands each to the kind's builder through it.

Size: the input types' shared part; the briefing's own is in its room."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from toolkit.model.case import CaseFile
from toolkit.model.errors import Report


@dataclass
class Source:
    """What one document is built from."""

    id: str  # the document's folder: drafts/<id>/
    shown: str  # its input file, as printed
    path: Path | None
    subject: Any  # what the builder is given first: a CaseFile, a BriefingFile
    cases: list[CaseFile] = field(default_factory=list)  # the case files it draws on
    people: list = field(default_factory=list)  # whose names a public version withholds
    annexes: set[str] = field(default_factory=set)  # annex numbers [@annex:N] may cite
    digest_extra: str = ""  # what else its drafts depend on, for the build manifest
    digest: str = ""  # sha256 of the bytes of its input file that were parsed
    weight: int = 0  # its size: a batch builds the largest first
    public_stem: bool = True  # whether a public version is written as <kind>-public
    language: str = "en"  # the document's: a public version's labels are in it


@dataclass
class Planned:
    """A document an input type offers to build, or the errors that stop it."""

    shown: str
    source: Source | None
    problems: Report
    failure: str = ""  # the message when it cannot be built


class CaseFiles:
    """One document per case file (claims/*.yaml, briefings excluded)."""

    name = "case file"
    errors_message = "the case files have errors; nothing was built"

    def owns(self, workspace, path: Path) -> bool:
        return not workspace.is_briefing(path)

    def refusal(self, workspace, path: Path) -> str:
        """Why a file of another type is not built by the kinds of this type."""
        return f"{workspace.show(path)} is a briefing file; build it with --kind briefing"

    def default_files(self, workspace) -> list[Path]:
        """What a build of these kinds reads when none of its files is named: nothing
        more (case files are always named, or the whole of claims/ is given)."""
        return []

    def source(self, case: CaseFile, shown: str = "", path: Path | None = None) -> Source:
        return Source(case.case.id, shown, path, case, [case], list(case.people),
                      annexes={str(a.number) for a in case.annexes},
                      language=case.case.language)

    def plan(self, checked, files: list[Path], problems_of: Callable[[Any], Report],
             kind: str) -> list[Planned]:
        """A Planned per case file named in `files` (others were read for briefings);
        `problems_of(loaded)`: the errors that stop its document."""
        named = {p.resolve() for p in files}
        planned = []
        for loaded in checked.cases:
            if loaded.path.resolve() not in named:
                continue
            problems = problems_of(loaded)
            if problems.errors or loaded.case is None:
                planned.append(Planned(loaded.shown, None, problems, f"the {kind} was not "
                                       f"built: {len(problems.errors)} error(s)"))
                continue
            source = self.source(loaded.case, loaded.shown, loaded.path)
            source.digest = loaded.digest
            source.weight = loaded.path.stat().st_size
            planned.append(Planned(loaded.shown, source, problems))
        return planned

    def build(self, builder: Callable, source: Source, env, progress=None):
        return builder(source.subject, env)


CASE_FILES = CaseFiles()
