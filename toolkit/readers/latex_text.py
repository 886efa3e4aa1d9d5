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

# Unicode superscripts for \textsuperscript{o} ("n\textsuperscript{o}" → "nᵒ"); a dash
# in a script is a minus ("Ga\textsubscript{1\textendash{}x}" → "Ga₁₋ₓ").
_SUPERSCRIPT = dict(zip("0123456789+-–−=()aeinorst", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁻⁼⁽⁾ᵃᵉⁱⁿᵒʳˢᵗ",
                        strict=True))
# Unicode subscripts for \textsubscript{2} and math "$_2$" ("Cu$_2$O" → "Cu₂O").
_SUBSCRIPT = dict(zip("0123456789+-–−=()aehijklmnoprstuvx",
                      "₀₁₂₃₄₅₆₇₈₉₊₋₋₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ", strict=True))


@dataclass
class Segment:
    text: str
    protected: bool = False


# Commands whose argument is the text (formatting a citation cannot carry: citeproc-py
# reads no markup in data but nocase).
CONTENT_MACROS = ("mathrm", "mathit", "mathbf", "mathsf", "text", "textrm", "texttt",
                  "textsc", "textup", "textnormal", "mbox", "hbox", "mkbibemph",
                  "mkbibitalic", "mkbibbold", "NoCaseChange", "nocase", "bibstring",
                  "ensuremath")
# Commands whose argument prints nothing: \noopsort{key} (a sort key, BibTeX's own
# trick), phantoms.
DROPPED_MACROS = ("noopsort", "vphantom", "Vphantom", "hphantom", "phantom", "bibcyr")
# Commands whose last of N arguments is the text: \href{url}{text},
# \discretionary{pre}{post}{unbroken}.
LAST_OF = {"href": 2, "discretionary": 3}
# Commands without argument and their text.
SYMBOL_MACROS = {"-": "", "relax": "", "null": "", "cyrchar": "", ",": "\u2009",
                 "slash": "/", "textbraceleft": "{", "textbraceright": "}", "textbar": "|",
                 "textasciicircum": "^", "textdoublebarpipe": "ǂ",  # tipa's click letter
                 "LaTeX": "LaTeX", "TeX": "TeX", "times": "×", "leq": "≤", "geq": "≥",
                 "mu": "μ", "sc": "", "rm": "", "em": "", "it": "", "bf": "", "sf": "",
                 "tt": "", "upshape": "", "itshape": "", "scshape": "", "normalfont": ""}


@lru_cache(maxsize=1)
def _converter():
    from pylatexenc import latex2text, latexwalker, macrospec

    def scripted(table):
        def convert(node, l2tobj):
            text = l2tobj.nodelist_to_text(node.nodeargd.argnlist[-1:]) if node.nodeargd \
                else ""
            return _scripted(text, table) or text
        return convert

    superscript, subscript = scripted(_SUPERSCRIPT), scripted(_SUBSCRIPT)

    def quoted(node, l2tobj):
        return "“" + (l2tobj.nodelist_to_text(node.nodeargd.argnlist[-1:]) if node.nodeargd
                      else "") + "”"

    def content(node, l2tobj):
        return l2tobj.nodelist_to_text(node.nodeargd.argnlist[-1:]) if node.nodeargd else ""

    def plain_arg(node, l2tobj):
        arg = node.nodeargd.argnlist[-1] if node.nodeargd and node.nodeargd.argnlist else None
        return arg.latex_verbatim()[1:-1] if arg is not None else ""

    def nothing(node, l2tobj):
        return ""

    def accented(mark):  # the accents pylatexenc does not know (_ACCENT_MARKS)
        def convert(node, l2tobj):
            text = content(node, l2tobj)
            if text.startswith("ı"):  # \i, the dotless i that takes an accent: i and mark
                text = "i" + text[1:]
            return unicodedata.normalize("NFC", text[:1] + mark + text[1:]) if text else ""
        return convert

    replace = {"enquote": quoted, "mkbibquote": quoted, "textsuperscript": superscript,
               "mkbibsuperscript": superscript, "textsubscript": subscript,
               "mkbibsubscript": subscript, "url": plain_arg,
               **{name: content for name in CONTENT_MACROS},
               **{name: nothing for name in DROPPED_MACROS},
               **{name: accented(_ACCENT_MARKS[name]) for name in ("ocirc",
                                                                   "textacutemacron")}}
    macros = [macrospec.std_macro(name, False, 1) for name in replace] + [
        macrospec.std_macro(name, False, count) for name, count in LAST_OF.items()]
    db = latexwalker.get_default_latex_context_db().filter_context()
    db.add_context_category("covenant-bibtex", macros=macros, prepend=True)
    text_db = latex2text.get_default_latex_context_db()
    text_db.add_context_category("covenant-bibtex", prepend=True, macros=[
        *[latex2text.MacroTextSpec(name, simplify_repl=function)
          for name, function in replace.items()],
        *[latex2text.MacroTextSpec(name, simplify_repl=content) for name in LAST_OF],
        *[latex2text.MacroTextSpec(name, text) for name, text in SYMBOL_MACROS.items()],
    ])
    # A command nobody knows stays as written, so the reader can report it: dropping it
    # would lose letters ("Buka\\la" is not "Buka").
    text_db.set_unknown_macro_spec(latex2text.MacroTextSpec(
        "", simplify_repl=lambda node, l2tobj: node.latex_verbatim()))
    to_text = latex2text.LatexNodes2Text(latex_context=text_db, math_mode="text",
                                         keep_comments=True, strict_latex_spaces=True)
    return latexwalker, db, to_text


def _text(nodes, to_text) -> str:
    return to_text.nodelist_to_text(nodes) if nodes else ""


def segments(value: str) -> list[Segment]:
    """A LaTeX field value as Unicode segments; brace groups protect case."""
    out: list[Segment] = []
    if "$" in value:
        value = _math(value)
    for text, protected in _groups(value):
        if "~" in text:  # a tie, before the commands: "\\textasciitilde" is "~"
            text = _ties(text)
        if "\\" in text or "$" in text:
            converted = _latex(text)
        else:
            converted = text.replace("{", "").replace("}", "")
        converted = _typography(converted)
        if converted:
            out.append(Segment(converted, protected))
    merged: list[Segment] = []
    for segment in out:  # neighbours of one kind read as one
        if merged and merged[-1].protected == segment.protected:
            merged[-1].text += segment.text
        else:
            merged.append(segment)
    return merged


_URL = re.compile(r"(\\(?:url|href)\s*\{[^{}]*\})")


def _ties(text: str) -> str:
    """A "~" is a no-break space, except escaped or in a URL ("\\url{x.org/~ann}")."""
    return "".join(part if i % 2 else re.sub(r"(?<!\\)~", "\u00a0", part)
                   for i, part in enumerate(_URL.split(text)))


def _groups(value: str) -> list[tuple[str, bool]]:
    """Split a value at its depth-0 brace groups: (text, protected). A group that
    begins with a command ("{\\"o}") is a special character: it stays in the text."""
    parts, depth, start, pos, group = [], 0, 0, 0, False
    while pos < len(value):
        char = value[pos]
        if char == "\\":
            command = _COMMAND.match(value, pos)
            pos = command.end() if command else pos + 2
            name = command.group(0)[1:].strip() if command else ""
            if command and depth == 0 and value.startswith("{", pos) and (
                    not _is_symbol(name) or value.startswith("{}", pos)):
                # a command's argument: "\\v{S}", not "\\_{"; a symbol takes none:
                # "Metal\\textendash{{Organic}}", "400\\textdegree{{C}}" protect
                for _ in range(LAST_OF.get(name, 1)):
                    if value.startswith("{", pos):
                        pos = _skip_group(value, pos)
            continue
        if char == "{":
            if depth == 0:
                group = not value.startswith("{\\", pos) or bool(re.match(
                    r"\{\\(?:emph|textit|textbf|textsc|mkbib\w+)\b", value[pos:]))
                if group:
                    parts.append((value[start:pos], False))
                    start = pos + 1
            depth += 1
        elif char == "}" and depth > 0:
            depth -= 1
            if depth == 0 and group:
                parts.append((value[start:pos], True))
                start, group = pos + 1, False
        pos += 1
    parts.append((value[start:], False))
    return [(text, protected) for text, protected in parts if text]


# `\ocirc` is the ring accent MathSciNet's BibTeX defines in every export's @preamble
# (`\def\ocirc#1{...\accent"17 #1...}`: "Franc{\ocirc{u}}" is "Franců");
# `\textacutemacron` is tipa's acute-macron accent.
_ACCENT_MARKS = {"textcommabelow": "\u0326", "ocirc": "\u030a", "textacutemacron": "\u1dc7",
                 "'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303",
                 "=": "\u0304", ".": "\u0307", "c": "\u0327", "v": "\u030c", "u": "\u0306",
                 "H": "\u030b", "k": "\u0328", "r": "\u030a"}
_SYMBOLS = {"&": "&", "%": "%", "$": "$", "_": "_", "#": "#", "o": "ø", "O": "Ø", "aa": "å",
            "AA": "Å", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "ss": "ß", "l": "ł",
            "L": "Ł", "i": "ı", "textendash": "–", "textemdash": "—", "ldots": "…",
            "dots": "…", "textquoteright": "’", "textquoteleft": "‘", "S": "§"}
_ACCENT = re.compile(r"\\([`'^\"~=.]|[cvuHkr](?=[\s{])"
                     r"|(?:textcommabelow|ocirc|textacutemacron)(?=[\s{]))"
                     r"\s*(?:\{\s*([A-Za-z]|\\i)\s*\}|([A-Za-z]))")
# The tie accent over two letters: "Tret'{\\t{ia}}kov" → "Tret’i͡akov".
_TIE = re.compile(r"\\t\s*\{\s*([A-Za-z])([A-Za-z])\s*\}")
_SYMBOL = re.compile(r"\\(?:([&%$_#])|([A-Za-z]+)(?:\{\}|\s+|(?![A-Za-z])))")


# Commands that take an argument: letters ("\\textit") or an accent ("\\'", "\\~").
_COMMAND = re.compile(r"\\(?:[A-Za-z]+|[`'^\"~=.])\s*")


@lru_cache(maxsize=1024)
def _is_symbol(name: str) -> bool:
    """A command that takes no argument and stands for a character ("\\textdegree" °)."""
    if name in _SYMBOLS or name in SYMBOL_MACROS:
        return True
    from pylatexenc import latex2text

    _, db, _ = _converter()
    spec = latex2text.get_default_latex_context_db().get_macro_spec(name)
    return db.get_macro_spec(name) is None and spec is not None and \
        isinstance(spec.simplify_repl, str) and "%" not in spec.simplify_repl


def _skip_group(value: str, pos: int) -> int:
    depth = 0
    while pos < len(value):
        if value[pos] == "\\":
            pos += 2
            continue
        depth += {"{": 1, "}": -1}.get(value[pos], 0)
        pos += 1
        if depth == 0:
            break
    return pos


def _scripted(text: str, table: dict) -> str | None:
    """`text` in Unicode super- or subscript letters, or None if one has none."""
    if text and all(c in table for c in text):
        return "".join(table[c] for c in text)
    return None


_MATH = re.compile(r"(?<!\\)\$([^$]+)\$")
_SCRIPT = re.compile(r"([_^])(?:\{([^{}]*)\}|([^{}\\\s]))")


def _math(text: str) -> str:
    """Inline math as a title holds it ("Cu$_2$O", "$\\gamma$-LiAlO", "$10\\,\\mathrm{K}$"):
    sub- and superscripts that Unicode has become those letters; the dollars go, the
    commands inside are read with the text ("γ", "K")."""
    def inside(match: re.Match) -> str:
        def script(found: re.Match) -> str:
            body = found.group(2) if found.group(2) is not None else found.group(3)
            table = _SUBSCRIPT if found.group(1) == "_" else _SUPERSCRIPT
            return _scripted(body, table) or found.group(0)
        return "{" + _SCRIPT.sub(script, match.group(1)) + "}"
    return _MATH.sub(inside, text)


def _latex(text: str) -> str:
    """Common accents and symbols directly; the rest through pylatexenc."""
    def accent(match: re.Match) -> str:
        letter = match.group(2) or match.group(3)
        letter = "i" if letter == "\\i" else letter
        return unicodedata.normalize("NFC", letter + _ACCENT_MARKS[match.group(1)])

    text = _TIE.sub("\\1\u0361\\2", text) if "\\t" in text else text
    quick = _ACCENT.sub(accent, text)
    quick = _SYMBOL.sub(lambda m: _SYMBOLS.get(m.group(1) or m.group(2), m.group(0)), quick)
    if "\\" not in quick and "$" not in quick:
        return quick.replace("{", "").replace("}", "")  # every command is resolved
    return _pylatexenc(text)


@lru_cache(maxsize=4096)
def _pylatexenc(text: str) -> str:
    latexwalker, db, to_text = _converter()
    try:
        walker = latexwalker.LatexWalker(text, latex_context=db, tolerant_parsing=True)
        nodes, _, _ = walker.get_latex_nodes()
        return _text(nodes, to_text)
    except Exception:  # noqa: BLE001 - never lose an entry to odd LaTeX; the reader
        return text    # reports what is left (bibtex.py, leftover_latex)


_TYPOGRAPHY = [("---", "—"), ("--", "–"), ("``", "“"), ("''", "”"), ("`", "‘"),
               ("'", "’")]


def _typography(text: str) -> str:
    """What LaTeX (and pandoc's reader) make of plain characters: dashes, quotes, a tie."""
    for old, new in _TYPOGRAPHY:
        if old in text:
            text = text.replace(old, new)
    return _spaces(text)


def _spaces(text: str) -> str:
    text = unicodedata.normalize("NFC", text.replace("\u00ad", ""))
    return re.sub(r"[ \t\r\n]+", " ", text)


def plain(value: str) -> str:
    """The Unicode text of a value, braces dropped."""
    return "".join(s.text for s in segments(value)).strip()


def leftover_latex(text: str) -> bool:
    """True when converted text still holds a LaTeX command a reader would see
    ("\\textendash"); braces are not counted ("Ni\\{111\\}" is "Ni{111}")."""
    return bool(re.search(r"\\[A-Za-z]+|\\[`'^\"~=.]", text))


# --- case -----------------------------------------------------------------------------

# A word: letters and digits, with inner apostrophes ("don't"); "_" and "." separate words.
_WORD = re.compile(r"[^\W_](?:[^\W_]|['’](?=[^\W_]))*", re.UNICODE)
# Ends a sentence when followed by a space ("Link.Springer.Com", "U.S." do not).
_SENTENCE_END = re.compile(r"[:.?!]\s")
_TAIL_END = re.compile(r"[:.?!]\s*$")


def sentence_case(parts: list[Segment]) -> list[Segment]:
    """Title Case to sentence case, as pandoc reads an English BibTeX title: a word
    written with a capital and then only small letters ("Value") is lowered, unless it
    begins the title or a sentence (after ":", ".", "?", "!"); protected text, words in
    capitals ("EU"), with inner capitals ("iPhone") or after a number ("3D") are left
    alone. As pandoc does, the first word of the title and of each sentence (after ": ",
    ". ", "? ", "! ") begins with a capital ("Kazakhstan: At least 135")."""
    out, start = [], True
    for index, part in enumerate(parts):
        if part.protected:
            out.append(part)
            if part.text.strip():
                start = part.text.rstrip()[-1] in _ENDS
            continue
        text, pieces, last = part.text, [], 0
        for match in _WORD.finditer(text):
            gap = text[last:match.start()]
            start = start or bool(_SENTENCE_END.search(gap))
            word = match.group(0)
            if not start:
                before = text[match.start() - 1] if match.start() else \
                    (out[-1].text[-1:] if out else "")
                after = text[match.end()] if match.end() < len(text) else \
                    (parts[index + 1].text[:1] if index + 1 < len(parts) else "")
                word = _lower_capitalised(word, before, after)
            elif word.islower():
                word = word[0].upper() + word[1:]
            pieces += [gap, word]
            start, last = False, match.end()
        tail = text[last:]
        start = start or bool(_TAIL_END.search(tail))
        out.append(Segment("".join(pieces) + tail))
    return out


_ENDS = ":.?!"
_SCRIPT_LETTERS = set(_SUBSCRIPT.values()) | set(_SUPERSCRIPT.values())


def _lower_capitalised(word: str, before: str, after: str) -> str:
    """`word` lowered if it is Title Case; `before`/`after`: the characters around it."""
    if after.isdigit() or before.isdigit() or any(c.isdigit() for c in word) or \
            before in _SCRIPT_LETTERS:
        return word  # "3D", "Cu₂O", "Kirmse2011", "Al₁₋ₓN"
    letters = word.replace("’", "").replace("'", "")
    if letters[:1].isupper() and (letters[1:].islower() or len(letters) == 1):
        return word[0].lower() + word[1:]
    return word  # "EU", "McDonald", "iPhone": not Title Case


def to_csl(parts: list[Segment]) -> str:
    """CSL text: protected text that holds a small-letter word is wrapped in a nocase
    span (a style's text-case could change it); other protected text needs no span."""
    out = []
    for part in parts:
        if part.protected and any(w[0].islower() and w[0] not in _SCRIPT_LETTERS
                                  for w in _WORD.findall(part.text)):
            out.append(f'<span class="nocase">{part.text}</span>')
        else:
            out.append(part.text)
    return "".join(out).strip()
