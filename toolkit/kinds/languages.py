"""The languages a kind is written in: one per folder templates/<kind>/sections/<language>/,
and English for templates directly in sections/. Used by `covenant check` (an error at
case.language before any build) and by the section renderer; it imports nothing heavy, so
that checking stays quick to start.

Size: two small functions, kept apart from sections.py, which loads Jinja."""

from __future__ import annotations

import re
from pathlib import Path

_LANGUAGE_FOLDER = re.compile(r"[a-z]{2,3}")


def section_languages(folder: Path) -> list[str]:
    """'en' if `folder` holds section templates itself, and the name of each subfolder
    named like a language code that holds some ('ru', 'fr'); not 'partials'."""
    if not folder.is_dir():
        return []
    found = {"en"} if any(folder.glob("*.md.j2")) else set()
    found |= {sub.name for sub in folder.iterdir() if sub.is_dir()
              and _LANGUAGE_FOLDER.fullmatch(sub.name) and any(sub.glob("*.md.j2"))}
    return sorted(found)


def language_error(kind: str, language: str, languages: list[str], folder: Path,
                   field: str = "case.language", written: str = "case file") -> str:
    """`field`, `written`: where the language is set ('briefing.language', 'briefing
    file')."""
    have = ", ".join(f"'{x}'" for x in languages) or "none"
    return (f"the {kind} has no templates in '{language}' ({field}); it can be "
            f"written in {have}. Write the {written} in one of those, build another "
            f"kind, or add the templates in {folder / language}/")
