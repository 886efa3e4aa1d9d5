"""A briefing's input files and what each briefing document draws on.

A briefing is built from a briefing file (claims/briefings/*.yaml) and every valid case
of the workspace: its themes select the cases (selection.py), all of them go into one
tree, so that footnotes run through the paper and each source is formatted once, and
every confidential person of every case it includes is redacted (always: a briefing is
published). The build path is the one every kind takes (toolkit/workspace/build.py);
this module is the briefing's input type in it."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from toolkit.kinds.briefing.selection import cases_in, select_all
from toolkit.kinds.inputs import Planned, Source
from toolkit.model.case import CaseFile, Person
from toolkit.model.errors import CovenantError, Report


def people_of(cases: list[CaseFile]) -> list[Person]:
    """Everyone named in the cases, once per name: a person confidential in any case is
    confidential in the briefing."""
    from toolkit.redaction.people import is_confidential

    seen: dict[str, Person] = {}
    for case in cases:
        for person in case.people:
            key = " ".join(person.name.casefold().split())
            if key not in seen or (is_confidential(person) and not is_confidential(seen[key])):
                seen[key] = person
    return list(seen.values())


class BriefingFiles:
    """One document per briefing file, drawing on every case of the workspace."""

    name = "briefing file"
    errors_message = "the briefing or the case files have errors; nothing was built"

    def owns(self, workspace, path: Path) -> bool:
        return workspace.is_briefing(path)

    def refusal(self, workspace, path: Path) -> str:
        return (f"{workspace.show(path)} is not in {workspace.show(workspace.briefings)}/: "
                "--kind briefing builds briefing files, which live there (case files are "
                "drawn in by the briefing's themes)")

    def default_files(self, workspace) -> list[Path]:
        """Every briefing file, when none is named; an error when there is none."""
        files = workspace.briefing_files()
        if not files:
            raise CovenantError(f"no briefing files in {workspace.show(workspace.briefings)}; "
                                "write one as docs/briefing.md describes")
        return files

    def source(self, loaded, valid: list) -> Source:
        """`loaded`: a checked briefing file; `valid`: the workspace's valid LoadedCases."""
        briefing = loaded.briefing
        cases = [c.case for c in valid]
        selections = select_all(briefing, cases)
        included = cases_in(selections)
        paths = {c.case.case.id: c.path for c in valid}
        # the hashes of the bytes each case was parsed from, not of the files now
        digests = {c.case.case.id: c.digest for c in valid}
        extra = json.dumps({
            "themes": [[s.theme.id, [c.case.id for c in s.cases]] for s in selections],
            "cases": {c.case.id: digests[c.case.id] for c in included}}, sort_keys=True)
        weight = loaded.path.stat().st_size + sum(paths[c.case.id].stat().st_size
                                                  for c in included)
        return Source(briefing.briefing.id, loaded.shown, loaded.path, briefing, cases,
                      people_of(included), digest_extra=extra,
                      weight=weight, public_stem=False, language=briefing.briefing.language,
                      digest=loaded.digest)

    def plan(self, checked, files: list[Path], problems_of: Callable[[Any], Report],
             kind: str) -> list[Planned]:
        """A Planned per checked briefing file; an error in any case file stops them all
        (a theme may draw on it)."""
        case_errors = Report()
        for loaded in checked.cases:
            case_errors.items.extend(problems_of(loaded).errors)
        valid = [c for c in checked.cases if c.case is not None]
        planned = []
        for loaded in checked.briefings:
            problems = Report()
            problems.items.extend(problems_of(loaded).items + case_errors.items)
            if problems.errors or loaded.briefing is None:
                planned.append(Planned(loaded.shown, None, problems, "the briefing was not "
                                       f"built: {len(problems.errors)} error(s) in it or "
                                       "the case files it draws on"))
                continue
            planned.append(Planned(loaded.shown, self.source(loaded, valid), problems))
        return planned

    def build(self, builder: Callable, source: Source, env, progress=None):
        return builder(source.subject, source.cases, env, progress)


BRIEFING_FILES = BriefingFiles()
