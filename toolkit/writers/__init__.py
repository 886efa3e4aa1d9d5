"""Writers, chosen by name with `--to`. Each turns a finished Document into bytes.

The registry names modules lazily so that choosing a writer imports only that writer's
libraries (python-docx, WeasyPrint), never the others, and `covenant check` none."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from toolkit.model.document import Document


@dataclass(frozen=True)
class Writer:
    name: str
    extension: str
    target: str  # "module:function", function(document, frame_dir, **options) -> bytes
    description: str

    def load(self) -> Callable[..., bytes]:
        module, function = self.target.split(":")
        return getattr(importlib.import_module(module), function)

    def write(self, document: Document, frame_dir: Path, **options) -> bytes:
        """`options`: this writer's own (the PDF's `variant`), from the command line."""
        return self.load()(document, frame_dir, **options)


WRITERS: dict[str, Writer] = {w.name: w for w in [
    Writer("docx", "docx", "toolkit.writers.docx:write_docx",
           "Word document with real footnotes, built into templates/<kind>/frame.docx"),
    Writer("pdf", "pdf", "toolkit.writers.pdf:write_pdf",
           "PDF with page-bottom footnotes (WeasyPrint), from frame.html and style.css"),
    Writer("html", "html", "toolkit.writers.html:write_html",
           "the HTML the PDF is made from, for a browser preview"),
    Writer("native", "native.txt", "toolkit.writers.native:write_native",
           "a stable text dump of the finished document tree, for diffs and golden tests"),
]}
