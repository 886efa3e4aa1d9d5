"""The HTML writer: the finished Document as the HTML page the PDF is made from.

The body is built here, escaping every piece of text; the editor-owned frame
(`templates/<kind>/frame.html`, with `style.css` included into a <style> element) is
rendered in a sandboxed Jinja environment with autoescaping, and `body` is the only value
it receives marked safe. Nothing emitted here fetches anything: no <img>, <link>,
<script>, <iframe> or <object>, and links only for http, https and mailto URLs and for
`#anchor` cross-references.

Footnotes are `<span class="footnote" id="fn-N">` at the call site; WeasyPrint floats them
to the foot of the page and numbers them with its own `footnote` counter, in the order of
the HTML. So the writer checks that the notes it meets are numbered 1..n in that order,
one call each, all of `document.notes`: WeasyPrint's numbers are then the model's.
"""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime
from html import escape
from pathlib import Path

from jinja2 import StrictUndefined, TemplateError

from toolkit.files.reading import read_bytes
from toolkit.files.templates import (
    BoundedSandbox,
    ConfinedLoader,
    bound_filters,
    render_bounded,
)
from toolkit.model.document import (
    BlockQuote,
    Code,
    Document,
    Emph,
    Heading,
    LineBreak,
    Link,
    ListBlock,
    NoteRef,
    PageBreak,
    Paragraph,
    Strong,
    Table,
    Text,
    UnknownNode,
    kept_with_next,
    plain_text,
)
from toolkit.model.errors import CovenantError
from toolkit.model.i18n import language_tag, word

FRAME = "frame.html"
STYLE = "style.css"
COVER_FIELDS = ("title", "subtitle", "case_title", "date", "confidentiality")
_LINK_RE = re.compile(r"^(?:(?:https?|mailto):|#)[^\x00-\x20\x7f]+$", re.IGNORECASE)
_CLASS_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")


class NoteNumberingError(ValueError):
    """The notes met in the body are not `document.notes`, numbered 1..n, called once."""


def write_html(document: Document, frame_dir: Path) -> bytes:
    """The HTML preview (the very HTML the PDF is made from), as UTF-8."""
    return render_html(document, frame_dir).encode("utf-8")


def render_html(document: Document, frame_dir: Path) -> str:
    """Render the body into the frame of `frame_dir` (templates/<kind>/)."""
    frame_dir = Path(frame_dir)
    templates = frame_dir.parent
    if not os.path.lexists(frame_dir / FRAME):
        raise FileNotFoundError(f"{frame_dir / FRAME}: the HTML frame is missing")
    for style in (frame_dir / STYLE, templates / "base" / STYLE):
        if os.path.lexists(style) and \
                b"</style" in read_bytes(style, templates).lower():
            raise ValueError(f"{style}: a stylesheet may not contain '</style'")
    writer = _BodyWriter(document)
    body = writer.body()
    env = BoundedSandbox(
        # The kind's folder first, then templates/ itself, for "base/frame.html" and
        # "base/style.css", which every kind's frame extends and includes; only files
        # inside templates/ are read.
        loader=ConfinedLoader([frame_dir, templates], templates),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    bound_filters(env)
    cover = {key: str(value) for key, value in document.cover.items()}
    for key in COVER_FIELDS:
        cover.setdefault(key, "")
    context = dict(
        document={
            "title": str(document.title),
            "subject": str(document.subject),
            "author": str(document.author),
            "language": language_tag(str(document.language)),
            "created": build_date(),
        },
        cover=cover,
        body=body,
        # the table of contents a frame may show (the fairness report's and the
        # briefing's do, as their Word frames do): headings of levels 1 and 2
        contents=writer.contents,
        contents_title=word(document.language, "contents"),
    )
    try:
        return render_bounded(env.get_template(FRAME), context, str(frame_dir / FRAME))
    except TemplateError as exc:
        where = getattr(exc, "filename", None) or str(frame_dir / FRAME)
        raise CovenantError(f"{where}:{getattr(exc, 'lineno', None) or 1}: template "
                            f"error: {exc}") from None
    except RecursionError:
        raise CovenantError(f"{frame_dir / FRAME}: the frame includes or extends itself "
                            "without end") from None


def build_date() -> str:
    """The W3C date-time of this build: SOURCE_DATE_EPOCH when set (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            moment = datetime.fromtimestamp(int(epoch), tz=UTC)
        except (ValueError, OverflowError, OSError) as error:
            raise ValueError(
                f"SOURCE_DATE_EPOCH must be whole seconds since 1970, not {epoch!r}"
            ) from error
    else:
        moment = datetime.now(tz=UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def render_body(document: Document) -> str:
    """The escaped HTML of the document's blocks, footnotes at their call sites."""
    return _BodyWriter(document).body()


def is_link_url(url: str) -> bool:
    """Whether a URL may become a link: http, https or mailto, or `#anchor` (a
    cross-reference inside the document), without spaces or control characters."""
    return bool(_LINK_RE.match(url))


def _attr(name: str, value: str | None) -> str:
    return "" if value is None else f' {name}="{escape(value)}"'


class _BodyWriter:
    def __init__(self, document: Document) -> None:
        self.document = document
        self.called = 0  # notes called so far, in HTML order
        self.in_note = False
        self.keep_with_next: set[int] = set()  # paragraphs right before a table
        self.contents: list[dict[str, str]] = []  # {id, number, text, level}

    def body(self) -> str:
        out: list[str] = []
        self.keep_with_next = kept_with_next(self.document.blocks)
        for block in self.document.blocks:
            self.block(block, out)
        if self.called != len(self.document.notes):
            missing = [n.number for n in self.document.notes[self.called:]]
            raise NoteNumberingError(
                f"{len(self.document.notes)} notes but {self.called} note calls in the text: "
                f"notes {missing} are never called")
        return "\n".join(out)

    # ------------------------------------------------------------ blocks

    def block(self, block: object, out: list[str]) -> None:
        if isinstance(block, Heading):
            level = min(max(block.level, 1), 6)
            number = block.number if block.number else None
            text = plain_text(block.children).strip()
            label = f"{number} {text}" if number else text
            target = block.anchor
            if level <= 2:  # an id for the contents' link when it has no anchor
                target = target or f"h-{len(self.contents) + 1}"
                self.contents.append({"id": target, "number": number or "", "text": text,
                                      "level": str(level)})
            out.append(
                f"<h{level}{_attr('id', target)}{_attr('data-label', label)}>"
                f"{self._number(number)}{self.inlines(block.children)}</h{level}>")
        elif isinstance(block, Paragraph):
            classes = []
            if block.number:
                classes.append("numbered")
            if block.style:
                if not _CLASS_RE.match(block.style):
                    raise ValueError(f"paragraph style hint {block.style!r} is not a class name")
                classes.append(block.style)
            if id(block) in self.keep_with_next:
                classes.append("keep-with-next")
            out.append(
                f"<p{_attr('id', block.anchor)}{_attr('class', ' '.join(classes) or None)}>"
                f"{self._number(block.number)}{self.inlines(block.children)}</p>")
        elif isinstance(block, ListBlock):
            tag = "ol" if block.ordered else "ul"
            start = _attr("start", str(block.start)) if block.ordered and block.start != 1 else ""
            out.append(f"<{tag}{start}>")
            for item in block.items:
                inner: list[str] = []
                for child in item:
                    self.block(child, inner)
                out.append("<li>" + "\n".join(inner) + "</li>")
            out.append(f"</{tag}>")
        elif isinstance(block, BlockQuote):
            inner = []
            for child in block.children:
                self.block(child, inner)
            out.append("<blockquote>\n" + "\n".join(inner) + "\n</blockquote>")
        elif isinstance(block, Table):
            out.append(self.table(block))
        elif isinstance(block, PageBreak):
            out.append('<div class="page-break"></div>')
        else:
            raise UnknownNode(block, "html")

    @staticmethod
    def _number(number: str | None) -> str:
        # the space inside the span keeps "2.1 Text" apart in copied and extracted text
        return f'<span class="num">{escape(number)} </span>' if number else ""

    def table(self, table: Table) -> str:
        out = ["<table>"]
        if table.widths:
            total = sum(table.widths) or 1.0
            out.append("<colgroup>" + "".join(
                f'<col style="width: {100 * float(w) / total:.2f}%">' for w in table.widths
            ) + "</colgroup>")
        if table.header:
            out.append("<thead><tr>" + "".join(
                f"<th>{self.inlines(cell)}</th>" for cell in table.header) + "</tr></thead>")
        out.append("<tbody>")
        for row in table.rows:
            out.append("<tr>" + "".join(f"<td>{self.inlines(cell)}</td>" for cell in row)
                       + "</tr>")
        out.append("</tbody></table>")
        return "\n".join(out)

    # ------------------------------------------------------------ inlines

    def inlines(self, nodes: list) -> str:
        return "".join(self.inline(node) for node in nodes)

    def inline(self, node: object) -> str:
        if isinstance(node, Text):
            return escape(node.text)
        if isinstance(node, Emph):
            return f"<em>{self.inlines(node.children)}</em>"
        if isinstance(node, Strong):
            return f"<strong>{self.inlines(node.children)}</strong>"
        if isinstance(node, Code):
            return f"<code>{escape(node.text)}</code>"
        if isinstance(node, LineBreak):
            return "<br>"
        if isinstance(node, Link):
            return self.link(node)
        if isinstance(node, NoteRef):
            return self.note_ref(node)
        raise UnknownNode(node, "html")

    def link(self, node: Link) -> str:
        inner = self.inlines(node.children)
        if is_link_url(node.url):
            return f'<a href="{escape(node.url)}">{inner}</a>'
        # any other scheme (file:, javascript:, data:, relative paths) is shown, not linked
        if plain_text(node.children).strip() == node.url.strip():
            return f'<span class="link-refused">{inner}</span>'
        return f'<span class="link-refused">{inner} ({escape(node.url)})</span>'

    def note_ref(self, ref: NoteRef) -> str:
        if self.in_note:
            raise NoteNumberingError(f"note {ref.note.number} is called from inside a note")
        notes = self.document.notes
        expected = self.called + 1
        if (ref.note.number != expected or len(notes) < expected
                or notes[expected - 1] is not ref.note):
            raise NoteNumberingError(
                f"note call number {expected} in the text refers to note {ref.note.number}: "
                f"notes must be numbered 1..n in document order, each called once, "
                f"and be document.notes")
        self.called = expected
        self.in_note = True
        try:
            text = self.inlines(ref.note.children)
        finally:
            self.in_note = False
        # U+2060 WORD JOINER: WeasyPrint may otherwise start a line with the call, away
        # from the word it belongs to ("... protest." / "16 The case ...").
        return f'\u2060<span class="footnote" id="fn-{expected}">{text}</span>'
