"""The frame's cover, rendered with Jinja (docxtpl, sandboxed, autoescaped), and the
paragraphs the frame marks for the writer: `{{ body }}` (required) and `{{ toc }}`.

Size: the only part of the DOCX writer that runs Jinja; small, and kept apart so that
the sandbox's one door is easy to review.
"""

from __future__ import annotations

import io
from pathlib import Path

from docx.oxml.ns import qn
from docxtpl import DocxTemplate
from jinja2 import TemplateError
from markupsafe import Markup, escape

from toolkit.files.templates import RENDER_SECONDS, BoundedSandbox, bound_filters, time_limit
from toolkit.model.document import Document
from toolkit.model.errors import CovenantError
from toolkit.writers.docx_package import xml_safe
from toolkit.writers.docx_toc import TOC_MARKER

BODY_MARKER = "COVENANT-BODY-MARKER"
COVER_FIELDS = ("title", "subtitle", "case_title", "date", "confidentiality")


def render_cover(frame: Path, document: Document, data: bytes) -> DocxTemplate:
    """`data`: the frame's bytes, read inside templates/ and bounded (docx_package)."""
    context = {key: _cover_value(value) for key, value in document.cover.items()}
    for key in COVER_FIELDS:
        context.setdefault(key, "")
    context["body"] = BODY_MARKER
    context["toc"] = TOC_MARKER
    template = DocxTemplate(io.BytesIO(data))
    env = BoundedSandbox(autoescape=True)
    bound_filters(env)
    try:
        with time_limit(RENDER_SECONDS, str(frame)):
            template.render(context, jinja_env=env, autoescape=True)
    except MemoryError:
        raise CovenantError(f"{frame}: a Jinja tag in the frame makes more text than fits "
                            "in memory") from None
    except TemplateError as exc:
        where = " ".join(" ".join(getattr(exc, "docx_context", [])).split())
        raise CovenantError(
            f"{frame}: a Jinja tag in the frame is broken ({exc}); near: {where!r}. Retype "
            "the tag in Word in one go (a tag split by spell-check or revisions breaks)"
        ) from exc
    return template


def _cover_value(value: object) -> Markup:
    """A cover value, escaped here rather than by autoescape so that braces and percent
    signs go in as character references: docxtpl turns a rendered `{_{` into `{{`."""
    text = str(escape("" if value is None else xml_safe(str(value))))
    return Markup(text.replace("{", "&#123;").replace("}", "&#125;").replace("%", "&#37;"))


def _text_of(paragraph) -> str:
    return "".join(t.text or "" for t in paragraph.iter(qn("w:t")))


def body_marker(doc, frame: Path):
    found = [p for p in doc.element.body.iter(qn("w:p")) if BODY_MARKER in _text_of(p)]
    whole = [p for p in found if _text_of(p).strip() == BODY_MARKER]
    if len(found) != 1 or len(whole) != 1:
        problem = "none" if not found else f"{len(found)}" if len(whole) == len(found) \
            else "one that holds other text too"
        raise CovenantError(f"{frame}: the frame needs exactly one paragraph whose whole "
                            f"text is {{{{ body }}}}, where the body goes; found {problem}")
    return whole[0]
