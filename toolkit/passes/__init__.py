"""The passes run once over a Document, in this order, so that every writer gets the
same numbers, cross-references and formatted footnotes."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # `covenant check` imports passes.style_lookup without these
    from toolkit.model.document import Document
    from toolkit.model.errors import Report
    from toolkit.readers.library import Library


@dataclass
class PassContext:
    library: Library
    style: Path
    report: Report
    language: str = "en"
    annexes: set[str] = field(default_factory=set)
    stats: dict[str, float] = field(default_factory=dict)
    # Where formatted citations are kept between builds (toolkit/passes/citation_cache.py);
    # None: formatted afresh, kept for this document only.
    cache_dir: Path | None = None
    # The table of authorities' settings (passes/authorities.py: templates/<kind>/
    # authorities.yaml); None: no table.
    authorities: object | None = None
    # Set by the citations pass: (note number, key) of every citation, and its engine.
    cited: list[tuple[int, str]] = field(default_factory=list)
    citation_engine: object | None = None


def run_passes(document: Document, context: PassContext) -> Document:
    import time

    from toolkit.passes import (
        authorities,
        citations,
        links,
        notes,
        numbering,
        references,
        typography,
    )

    for name, module in (("numbering", numbering), ("references", references),
                         ("notes", notes), ("citations", citations),
                         ("authorities", authorities), ("links", links),
                         ("typography", typography)):
        started = time.perf_counter()
        module.run(document, context)
        context.stats[name] = time.perf_counter() - started
    return document
