"""Make the web addresses and DOIs printed in the notes and the text into live links.

A style prints a source's URL as text ("<https://cfj.org/...>"), and a DOI as
"https://doi.org/10.1000/x", "doi:10.1000/x" or a bare "10.1000/x". After the citations
pass this pass cuts each such stretch of a `Text` out into a `Link` whose only child is
the very same text: what is printed does not change, and every writer makes the link
its own way (a `w:hyperlink` with an external relationship in the DOCX, `<a href>` and
so a URI link annotation in the PDF).

Claim and library text is data: only http and https addresses become links, a DOI only
ever points at https://doi.org/, and the target is percent-encoded (no space, quote,
angle bracket or control character survives into it). Nothing is fetched.

Size: one module per pass, in the order run_passes names them."""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit, urlunsplit

from toolkit.model.document import (
    Document,
    Emph,
    Inline,
    Link,
    Strong,
    Text,
    block_inlines,
    walk_blocks,
)

DOI_RESOLVER = "https://doi.org/"
# What a URL may not contain as printed: white space, quotes and angle brackets (the
# house style's "<...>"), and controls.
_URL = r"https?://[^\s<>\"\x00-\x1f\x7f]+"
# A DOI: "10." a registrant code, "/", a suffix; after "doi:" / "DOI " or on its own.
_DOI = r"(?:\b(?:doi|DOI):\s?)?(?<![\w/.])10\.\d{4,9}/[^\s<>\"\x00-\x1f\x7f]+"
_FOUND = re.compile(rf"(?P<url>{_URL})|(?P<doi>{_DOI})", re.IGNORECASE)
# Punctuation that ends a sentence or encloses an address rather than belonging to it.
_TRAILING = ".,;:!?'\"’”»)]}"
_CLOSERS = {")": "(", "]": "[", "}": "{"}
# Characters kept as they are in a link target (RFC 3986 reserved and unreserved, "%").
_SAFE = "/:?#[]@!$&'()*+,;=-._~%"


def _trim(text: str) -> str:
    """Drop trailing punctuation, but keep a closing bracket the address itself opened
    ("https://en.wikipedia.org/wiki/Law_(disambiguation)")."""
    while text and text[-1] in _TRAILING:
        last = text[-1]
        if last in _CLOSERS and text.count(_CLOSERS[last]) >= text.count(last):
            break
        text = text[:-1]
    return text


def link_target(found: str) -> str | None:
    """The link target of a printed address or DOI, or None if it cannot be one."""
    doi = re.search(r"10\.\d{4,9}/\S+$", found) if not re.match(r"https?://", found, re.I) \
        else None
    target = DOI_RESOLVER + doi[0] if doi else found
    parts = urlsplit(target)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    try:  # a host in another script is written as IDNA (punycode), the rest %-encoded
        host = parts.netloc.encode("idna").decode("ascii") if not parts.netloc.isascii() \
            else parts.netloc
    except UnicodeError:
        return None
    rest = quote(urlunsplit(("", "", parts.path, parts.query, parts.fragment)), safe=_SAFE)
    return f"{parts.scheme}://{host}{rest}"


def linked(text: str) -> list[Inline]:
    """`text` as Text and Link nodes; the same characters, in the same order."""
    out: list[Inline] = []
    position = 0
    for match in _FOUND.finditer(text):
        found = _trim(match[0])
        target = link_target(found) if found else None
        if target is None:
            continue
        start = match.start()
        if start > position:
            out.append(Text(text[position:start]))
        out.append(Link(target, [Text(found)]))
        position = start + len(found)
    if position < len(text):
        out.append(Text(text[position:]))
    return out


def link_inlines(inlines: list[Inline]) -> list[Inline]:
    """Addresses found in plain Text (not in a link, code or a computed number) as
    links, looking into italics and bold."""
    out: list[Inline] = []
    for node in inlines:
        if type(node) is Text and ("://" in node.text or "10." in node.text):
            out.extend(linked(node.text))
        else:
            if isinstance(node, Emph | Strong):
                node.children = link_inlines(node.children)
            out.append(node)
    return out


def run(document: Document, context) -> None:
    for note in document.notes:
        note.children = link_inlines(note.children)
    for block in walk_blocks(document.blocks):
        for inlines in block_inlines(block):
            inlines[:] = link_inlines(inlines)
