"""BibTeX field values (LaTeX) to Unicode text, keeping what braces protect.

pylatexenc turns accents, symbols and text commands into Unicode ("Oxenl{\\o}we" →
"Oxenløwe", "\\textendash" → "–", "\\ldots" → "…"). What it cannot know is BibTeX's own
rule for braces: a brace group inside a value protects its letters' case ("{EU} law"),
except a group that begins with a command, which is one "special character" ("D{\\"o}rner").
So a value becomes a list of `Segment`s, each protected or not; `sentence_case` changes
only unprotected words, and `to_csl` writes protected text that a style could change as
CSL's `<span class="nocase">` (which citeproc-py honours), as pandoc does.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Unicode superscripts for \textsuperscript{o} ("n\textsuperscript{o}" → "nᵒ").
_SUPERSCRIPT = dict(zip("0123456789+-=()aeinorst", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ᵃᵉⁱⁿᵒʳˢᵗ", strict=True))


@dataclass
class Segment:
    text: str
    protected: bool = False


@lru_cache(maxsize=1)
def _converter():
    from pylatexenc import latex2text, latexwalker, macrospec

    def superscript(node, l2t):
        text = l2t.nodelist_to_text(node.nodeargd.argnlist[-1:]) if node.nodeargd else ""
        if text and all(c in _SUPERSCRIPT for c in text):
            return "".join(_SUPERSCRIPT[c] for c in text)
        return text

    def quoted(node, l2t):
        return "“" + (l2t.nodelist_to_text(node.nodeargd.argnlist[-1:]) if node.nodeargd
                      else "") + "”"

    def plain_arg(node, l2t):
        arg = node.nodeargd.argnlist[-1] if node.nodeargd and node.nodeargd.argnlist else None
        return arg.latex_verbatim()[1:-1] if arg is not None else ""

    macros = [macrospec.std_macro(name, False, 1) for name in (
        "enquote", "mkbibquote", "textsuperscript", "mkbibsuperscript", "url", "href",
        "mkbibemph", "mkbibitalic", "mkbibbold", "NoCaseChange", "nocase", "bibstring")]
    db = latexwalker.get_default_latex_context_db().filter_context()
    db.add_context_category("covenant-bibtex", macros=macros, prepend=True)
    text_db = latex2text.get_default_latex_context_db()
    text_db.add_context_category("covenant-bibtex", prepend=True, macros=[
        latex2text.MacroTextSpec("enquote", simplify_repl=quoted),
        latex2text.MacroTextSpec("mkbibquote", simplify_repl=quoted),
        latex2text.MacroTextSpec("textsuperscript", simplify_repl=superscript),
        latex2text.MacroTextSpec("mkbibsuperscript", simplify_repl=superscript),
        latex2text.MacroTextSpec("url", simplify_repl=plain_arg),
        latex2text.MacroTextSpec("-", ""),  # a discretionary hyphen
        latex2text.MacroTextSpec("relax", ""),
    ])
    to_text = latex2text.LatexNodes2Text(latex_context=text_db, math_mode="text",
                                         keep_comments=True, strict_latex_spaces=True)
    return latexwalker, db, to_text


def _text(nodes, to_text) -> str:
    return to_text.nodelist_to_text(nodes) if nodes else ""


def segments(value: str) -> list[Segment]:
    """A LaTeX field value as Unicode segments; brace groups protect case."""
    latexwalker, db, to_text = _converter()
    if "\\" not in value and "{" not in value and "$" not in value and "~" not in value \
            and "-" not in value and "`" not in value and "'" not in value:
        return [Segment(_spaces(value))] if value.strip() else []
    walker = latexwalker.LatexWalker(value, latex_context=db, tolerant_parsing=True)
    nodes, _, _ = walker.get_latex_nodes()
    out: list[Segment] = []
    plain: list = []

    def flush():
        if plain:
            out.append(Segment(_text(plain, to_text)))
            plain.clear()

    for node in nodes:
        if node.isNodeType(latexwalker.LatexGroupNode) and node.delimiters == ("{", "}") \
                and not _special_character(node, latexwalker):
            flush()
            out.append(Segment(_text(node.nodelist, to_text), protected=True))
        else:
            plain.append(node)
    flush()
    for segment in out:
        segment.text = _spaces(segment.text)
    return [s for s in out if s.text]


def _special_character(group, latexwalker) -> bool:
    """BibTeX: "{\\"o}", "{\\o}", "{\\&}": a group starting with a command is one
    character, not case protection."""
    first = next((n for n in group.nodelist
                  if not (n.isNodeType(latexwalker.LatexCharsNode) and not n.chars.strip())),
                 None)
    return first is not None and first.isNodeType(latexwalker.LatexMacroNode) and \
        first.macroname not in ("emph", "textit", "textbf", "mkbibemph", "textsc")


def _spaces(text: str) -> str:
    text = unicodedata.normalize("NFC", text.replace("\u00ad", ""))
    return re.sub(r"[ \t\r\n]+", " ", text)


def plain(value: str) -> str:
    """The Unicode text of a value, braces dropped."""
    return "".join(s.text for s in segments(value)).strip()


def leftover_latex(text: str) -> bool:
    """True when converted text still holds LaTeX a reader would see ("\\textendash")."""
    return bool(re.search(r"\\[A-Za-z]+|\\[`'^\"~=.]|[{}]", text))


# --- case -----------------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_][\w’'-]*", re.UNICODE)


def sentence_case(parts: list[Segment]) -> list[Segment]:
    """Title Case to sentence case, as pandoc reads an English BibTeX title: a word
    written with a capital and then only small letters ("Value") is lowered, unless it
    begins the title or a sentence (after ":", ".", "?", "!"); protected text, words in
    capitals ("EU"), with inner capitals ("iPhone") or after a number ("3D") are left
    alone. Unlike pandoc, a small letter after a colon is not raised: as BibTeX's own
    sentence case, we only lower ("Kazakhstan: at least 135" stays as written)."""
    out, start = [], True
    for part in parts:
        if part.protected:
            out.append(part)
            if part.text.strip():
                start = part.text.rstrip()[-1] in _ENDS
            continue
        text, pieces, last = part.text, [], 0
        for match in _WORD.finditer(text):
            gap = text[last:match.start()]
            start = start or any(c in _ENDS for c in gap)
            word = match.group(0)
            if not start:
                word = _lower_capitalised(word, text, match)
            pieces += [gap, word]
            start, last = False, match.end()
        tail = text[last:]
        start = start or any(c in _ENDS for c in tail)
        out.append(Segment("".join(pieces) + tail))
    return out


_ENDS = ":.?!"


def _lower_capitalised(word: str, text: str, match: re.Match) -> str:
    if match.end() < len(text) and text[match.end()].isdigit():
        return word
    if match.start() > 0 and (text[match.start() - 1].isdigit() or text[match.start() - 1]
                              in "-–/"):
        return word
    pieces = word.split("-")
    lowered = [p[0].lower() + p[1:] if p[:1].isupper() and p[1:].islower() else p
               for p in pieces]
    if any(p[:1].isupper() and not p[1:].islower() and len(p) > 1 for p in pieces):
        return word  # "McDonald", "NATO-led": not Title Case
    return "-".join(lowered)


def to_csl(parts: list[Segment]) -> str:
    """CSL text: protected text that holds a small-letter word is wrapped in a nocase
    span (a style's text-case could change it); other protected text needs no span."""
    out = []
    for part in parts:
        if part.protected and any(w[0].islower() for w in _WORD.findall(part.text)):
            out.append(f'<span class="nocase">{part.text}</span>')
        else:
            out.append(part.text)
    return "".join(out).strip()
