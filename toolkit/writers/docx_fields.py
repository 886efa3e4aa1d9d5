"""Word fields with their results cached: REF to a numbered paragraph's bookmark,
NOTEREF to a footnote's, and the table of contents.

A field's cached result is the text the passes computed, so the file shows the right
numbers in Word, LibreOffice and any reader before fields are updated, and Word keeps
them right after edits (F9, or on printing).

Size: the field syntax and the bookmark names the body and its fields share; small, and
kept apart so that docx.py stays about the document's blocks.
"""

from __future__ import annotations

from collections.abc import Callable

from docx.oxml.ns import qn
from lxml import etree

_SUB = etree.SubElement
W_FLDCHAR, W_FLDCHARTYPE, W_INSTR = qn("w:fldChar"), qn("w:fldCharType"), qn("w:instrText")
XML_SPACE = qn("xml:space")


def add_field(parent, instruction: str, result: str, make_run: Callable) -> None:
    """A complex field in `parent`: begin, instruction, separate, the cached `result`,
    end. `make_run(parent, text)` appends one run with the formatting the result has
    (each control run gets it too, so Word keeps that look when it updates)."""
    _SUB(make_run(parent, ""), W_FLDCHAR, {W_FLDCHARTYPE: "begin"})
    code = _SUB(make_run(parent, ""), W_INSTR, {XML_SPACE: "preserve"})
    code.text = f" {instruction} "
    _SUB(make_run(parent, ""), W_FLDCHAR, {W_FLDCHARTYPE: "separate"})
    if result:
        make_run(parent, result)
    _SUB(make_run(parent, ""), W_FLDCHAR, {W_FLDCHARTYPE: "end"})


def ref_instruction(bookmark: str) -> str:
    r"""A paragraph's number in full context (\w: "4.13" wherever it is cited, which is
    what the numbering pass prints; \r would drop the "4." inside section 4), as a link
    (\h)."""
    return f"REF {bookmark} \\w \\h"


def noteref_instruction(bookmark: str) -> str:
    """The number of the footnote whose call the bookmark holds, as a link, in the
    surrounding text's look (no \\f: "(n 12)" is not superscript)."""
    return f"NOTEREF {bookmark} \\h"


def note_bookmark(number: int) -> str:
    return f"_Note{number}"  # a leading underscore hides it from Word's bookmark list


def paragraph_bookmark(sequence: int) -> str:
    return f"_Num{sequence}"
