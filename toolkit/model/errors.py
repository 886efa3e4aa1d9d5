"""Diagnostics: every problem found in a workspace, with the place a person has to fix.

Size: the diagnostics types alone, which every stage imports."""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from enum import StrEnum

# What must never reach a terminal raw from untrusted text (file names, field names,
# values): C0 and C1 controls (ESC starts the sequences that set a window title, clear
# the screen or, OSC 52, write the clipboard), DEL, the bidirectional overrides that
# reorder what is shown, line and paragraph separators, and lone surrogates (the bytes
# of a file name that is not UTF-8).
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069"
                          "\u2028\u2029\ud800-\udfff]")

_UNPRINTABLE_IN_JSON = re.compile("[\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069"
                                  "\u2028\u2029\ud800-\udfff]")


def _escape(match: re.Match) -> str:
    char = match.group(0)
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a non-UTF-8 file name (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """`text` with every control character written as an escape (\\x1b, \\u202e), so
    that printing it cannot drive the terminal; ordinary text is unchanged."""
    return _UNPRINTABLE.sub(_escape, str(text))


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
        """file:line:column: severity: message, control characters escaped."""
        return printable(f"{self.file}:{self.line}:{self.column}: {self.severity.value}: "
                         f"{self.message}")

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
        """The diagnostics as JSON; the characters `printable` escapes are written as
        \\u escapes (the same strings to a JSON reader, harmless on a terminal)."""
        text = json.dumps([d.to_dict() for d in self.sorted(verbose)], ensure_ascii=False,
                          indent=2)
        # json.dumps already escapes C0 controls inside strings; what remains raw is only
        # its own layout (newlines, spaces), which is left alone.
        return _UNPRINTABLE_IN_JSON.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


class CovenantError(Exception):
    """A failure the user can act on; the CLI prints it without a traceback and exits
    with `exit_code` (1: problems found or build failed; 2: misuse, e.g. a bad option)."""

    exit_code = 1

    def __init__(self, message: str, report: Report | None = None) -> None:
        super().__init__(message)
        self.report = report


class MisuseError(CovenantError):
    """An option or setting that cannot work (exit status 2, as click's usage errors)."""

    exit_code = 2
