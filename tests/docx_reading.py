"""Reading a DOCX as Word shows it, for the tests: the numbers a Word list gives its
paragraphs (counted here from numbering.xml, independently of the writer), and the
fields of a paragraph with their cached results."""

from __future__ import annotations

import re
import zipfile
from io import BytesIO
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


def part(source: bytes | Path, name: str):
    data = source.read_bytes() if isinstance(source, Path) else source
    with zipfile.ZipFile(BytesIO(data)) as package:
        return etree.fromstring(package.read(name))


def list_numbers(body, numbering) -> dict:
    """Paragraph element of `body` -> the number Word's list shows on it ("4.13"), for
    every paragraph with its own `w:numPr`: counted per list, a level restarting after
    any higher one, `%N` in the level text standing for level N's count. `numbering`:
    the root of word/numbering.xml."""
    abstracts = {a.get(_w("abstractNumId")): a for a in numbering.findall(_w("abstractNum"))}
    nums = {n.get(_w("numId")): n for n in numbering.findall(_w("num"))}
    counters: dict[str, dict[int, int]] = {}
    shown = {}
    for p in body.iter(_w("p")):
        num_pr = p.find(f"{_w('pPr')}/{_w('numPr')}")
        if num_pr is None:
            continue
        num_id = num_pr.find(_w("numId")).get(_w("val"))
        level = int(num_pr.find(_w("ilvl")).get(_w("val")))
        num = nums[num_id]
        levels = {int(lvl.get(_w("ilvl"))): lvl for lvl in
                  abstracts[num.find(_w("abstractNumId")).get(_w("val"))].findall(_w("lvl"))}
        starts = {k: int(lvl.find(_w("start")).get(_w("val"))) for k, lvl in levels.items()}
        for override in num.findall(_w("lvlOverride")):
            start = override.find(_w("startOverride"))
            if start is not None:
                starts[int(override.get(_w("ilvl")))] = int(start.get(_w("val")))
        count = counters.setdefault(num_id, {})
        count[level] = count.get(level, starts[level] - 1) + 1
        for deeper in [k for k in count if k > level]:
            del count[deeper]
        text = levels[level].find(_w("lvlText")).get(_w("val"))
        values = {k: count.get(k, start) for k, start in starts.items()}
        shown[p] = re.sub(r"%(\d)", lambda m, v=values: str(v[int(m[1]) - 1]), text)
    return shown


def fields(element) -> list[tuple[str, str]]:
    """(instruction, cached result) of every complex field in `element`, in the order
    they end (a field inside another's result, as PAGEREF in a TOC, comes first; its
    result is part of the outer one's)."""
    found, stack = [], []  # stack of [state, instruction, result]
    for node in element.iter(_w("fldChar"), _w("instrText"), _w("t")):
        if node.tag == _w("fldChar"):
            kind = node.get(_w("fldCharType"))
            if kind == "begin":
                stack.append(["code", "", ""])
            elif kind == "separate" and stack:
                stack[-1][0] = "result"
            elif kind == "end" and stack:
                _, instruction, result = stack.pop()
                found.append((" ".join(instruction.split()), result))
                if stack:
                    stack[-1][2] += result
        elif node.tag == _w("instrText") and stack and stack[-1][0] == "code":
            stack[-1][1] += node.text or ""
        elif node.tag == _w("t") and stack and stack[-1][0] == "result":
            stack[-1][2] += node.text or ""
    return found


def bookmarked(body) -> dict[str, object]:
    """Bookmark name -> the paragraph that holds its start."""
    return {mark.get(_w("name")): next(mark.iterancestors(_w("p")))
            for mark in body.iter(_w("bookmarkStart"))}
