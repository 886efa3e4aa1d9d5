"""Diagnostics: every problem found in a workspace, with the place a person has to fix.

Size: the diagnostics types alone, which every stage imports."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"  # information: never fails a check, not even with --strict


@dataclass(frozen=True, order=True)
class Diagnostic:
    file: str
    line: int
    column: int
    severity: Severity
    message: str
    code: str = field(default="", compare=False)
    # Shown only with --verbose (the items behind a summary note, e.g. each unused source).
    detail: bool = field(default=False, compare=False)

    def format(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.severity.value}: {self.message}"

    def to_dict(self) -> dict:
        data = asdict(self)
        data["severity"] = self.severity.value
        data.pop("detail")
        return data


class Report:
    """Collects diagnostics so that all problems are shown at once, not one per run."""

    def __init__(self) -> None:
        self.items: list[Diagnostic] = []

    def add(self, file: str, line: int, column: int, severity: Severity, message: str,
            code: str = "") -> None:
        self.items.append(Diagnostic(str(file), line, column, severity, message, code))

    def error(self, file, line, column, message, code=""):
        self.add(file, line, column, Severity.ERROR, message, code)

    def warning(self, file, line, column, message, code=""):
        self.add(file, line, column, Severity.WARNING, message, code)

    def note(self, file, line, column, message, code="", detail=False):
        self.items.append(Diagnostic(str(file), line, column, Severity.NOTE, message, code,
                                     detail))

    def extend(self, other: Report) -> None:
        self.items.extend(other.items)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity is Severity.WARNING]

    @property
    def notes(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity is Severity.NOTE]

    def sorted(self, verbose: bool = True) -> list[Diagnostic]:
        return sorted({d for d in self.items if verbose or not d.detail})

    def as_text(self, verbose: bool = False) -> str:
        return "\n".join(d.format() for d in self.sorted(verbose))

    def as_json(self, verbose: bool = False) -> str:
        return json.dumps([d.to_dict() for d in self.sorted(verbose)], ensure_ascii=False,
                          indent=2)


class CovenantError(Exception):
    """A failure the user can act on; the CLI prints it without a traceback."""

    def __init__(self, message: str, report: Report | None = None) -> None:
        super().__init__(message)
        self.report = report
