"""What each kind of source needs for a complete footnote in the chosen style: `covenant
check` warns about a library entry that lacks it (a web page without its address or the
day it was read, a report without its publisher), at the entry's line.

The rules follow OSCOLA 4th edition, as the house style prints it. A rule applies only if
the chosen style prints that variable at all (the style file names it), so a published
style that prints no access date is not asked for one. Registry: NEEDS, by CSL type.

Size: one registry and the loop that applies it; the rules of other checks are elsewhere."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from toolkit.model.errors import Report


@dataclass(frozen=True)
class Need:
    variables: tuple[str, ...]  # any one of them will do
    what: str  # what is missing, as the warning says it
    unless: tuple[str, ...] = ()  # not needed when the entry has one of these

    def met(self, item: dict) -> bool:
        return any(item.get(v) for v in self.variables + self.unless)


_WEB = (Need(("URL",), "its address (URL)"),
        Need(("accessed",), "the day it was read (accessed)"))
NEEDS: dict[str, tuple[Need, ...]] = {
    "webpage": _WEB,
    "post-weblog": _WEB,
    "post": _WEB,
    "report": (Need(("publisher",), "its publisher", unless=("number",)),
               Need(("issued",), "its date")),
    "article-newspaper": (Need(("container-title",), "the newspaper"),
                          Need(("issued",), "its date")),
    "article-magazine": (Need(("container-title",), "the magazine"),
                         Need(("issued",), "its date")),
    "legal_case": (Need(("issued",), "the date it was adopted"),
                   Need(("number", "collection-number"), "its communication number or "
                        "document symbol")),
    "treaty": (Need(("issued",), "the date it was adopted"),
               Need(("volume",), "its treaty-series volume (e.g. 999 UNTS 171)")),
    "book": (Need(("publisher",), "its publisher"), Need(("issued",), "its year")),
}


def printed_variables(style: Path) -> set[str]:
    """The variables a CSL style prints anywhere (its `variable="..."` attributes)."""
    text = Path(style).read_text(encoding="utf-8")
    return {v for found in re.findall(r'\bvariable="([^"]+)"', text) for v in found.split()}


def check_source_fields(entries, style: Path, report: Report) -> None:
    """One warning per entry that lacks what its type needs in `style`."""
    printed = printed_variables(style)
    name = Path(style).stem
    for entry in entries:
        kind = str(entry.item.get("type", ""))
        missing = [need.what for need in NEEDS.get(kind, ())
                   if set(need.variables) & printed and not need.met(entry.item)]
        if missing:
            report.warning(entry.file, entry.line, entry.column,
                           f"source '{entry.key}' ({kind}) lacks {' and '.join(missing)}: "
                           f"its footnote in the style '{name}' will be incomplete",
                           "incomplete-source")
