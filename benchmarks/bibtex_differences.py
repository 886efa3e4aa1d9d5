"""Why our BibTeX reader's CSL field differs from pandoc's: the classes of difference
compare_bibtex_pandoc.py counts (docs/citations.md, "Measured on real exports", explains
each one).

Two kinds. A *text class* undoes one cause on the two values (ours, pandoc's): e.g. it
compares letter case away, or moves pandoc's season back out of the month. A field is
explained when one text class, or two in a row, make the values equal. A *source class*
rewrites the entry for pandoc into an equivalent form it reads (`\\vphantom\\{` dropped,
`\\texttimes` written "×"); pandoc is run again on the rewritten entry, and the class
explains a field only if pandoc's new value then agrees with ours (or differs in a text
class). No class accepts a difference it has not undone.

Size: one table of classes; small.
"""

from __future__ import annotations

import json
import re
import unicodedata
from itertools import permutations

from toolkit.readers.latex_text import plain

_MATH = re.compile(r"(?<!\\)\$[^$]+\$")
_SCRIPTS = set("₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ᵃᵉⁱⁿᵒʳˢᵗ")


def read_math(text: str) -> str:
    """TeX math between dollars read as our reader reads it (compare_bibtex_pandoc.py
    reads pandoc's CSL JSON so, which writes math back as "$_2$")."""
    return _MATH.sub(lambda m: plain(m.group(0)), text) if "$" in text else text


# --- text classes: (ours, pandoc) -> (ours, pandoc), on strings, names or dates ---------

def _strings(function):
    """`function` on two texts, or on each part of two lists of names of one shape."""
    def change(ours, pandoc):
        if isinstance(ours, str) and isinstance(pandoc, str):
            return function(ours, pandoc)
        if isinstance(ours, list) and isinstance(pandoc, list) and len(ours) == len(pandoc) \
                and all(a.keys() == b.keys() for a, b in zip(ours, pandoc, strict=True)):
            pairs = [{k: function(a[k], b[k]) for k in a} for a, b in zip(ours, pandoc,
                                                                           strict=True)]
            return [{k: v[0] for k, v in p.items()} for p in pairs], \
                [{k: v[1] for k, v in p.items()} for p in pairs]
        return ours, pandoc
    return change


def _names(function):
    """`function(name, is_ours)` applied to every name of two name lists."""
    def change(ours, pandoc):
        if not (isinstance(ours, list) and isinstance(pandoc, list)):
            return ours, pandoc
        return [function(dict(n), True) for n in ours], [function(dict(n), False)
                                                         for n in pandoc]
    return change


def _dates(function):
    def change(ours, pandoc):
        if isinstance(ours, dict) and (isinstance(pandoc, dict) or pandoc is None):
            return function(ours, pandoc)
        return ours, pandoc
    return change


def _subsequence(short: str, long: str) -> bool:
    letters = iter(long)
    return all(char in letters for char in short)


@_strings
def _dash_dropped(ours, pandoc):
    """pandoc drops \\textendash, \\textemdash (and a brace group after them)."""
    dashes = "–—₋⁻"
    if sum(ours.count(d) for d in dashes) > sum(pandoc.count(d) for d in dashes) and \
            _subsequence(pandoc.replace(" ", ""), ours.replace(" ", "")):
        return pandoc, pandoc
    return ours, pandoc


_QUOTES = re.compile("[‘’“”']")


@_strings
def _quotes(ours, pandoc):
    """pandoc writes a quotation in single quotes (`x') with double quotes."""
    return _QUOTES.sub('"', ours), _QUOTES.sub('"', pandoc)


@_strings
def _lowered_after_script(ours, pandoc):
    """pandoc lowers a capital after a subscript or math: "Cu₂O" → "Cu₂o"."""
    if len(ours) == len(pandoc) and ours.lower() == pandoc.lower() and all(
            ours[i - 1] in _SCRIPTS for i, (a, b) in enumerate(zip(ours, pandoc,
                                                                  strict=True))
            if a != b and i):
        return pandoc, pandoc
    return ours, pandoc


def _bare(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.replace("ı", "i"))
    return "".join(c for c in decomposed if not unicodedata.combining(c) and c not in "¯ˉ")


def _marks(text: str) -> int:
    return sum(1 for c in unicodedata.normalize("NFKD", text) if unicodedata.combining(c))


@_strings
def _accents(ours, pandoc):
    """The same letters, accents composed differently ("ï" / "ı̈") or dropped by pandoc
    (never by us: ours keeps at least as many accents)."""
    if _marks(ours) < _marks(pandoc):
        return ours, pandoc
    return _bare(ours), _bare(pandoc)


@_strings
def _case_only(ours, pandoc):
    """Only letter case differs: the two sentence-case heuristics disagree."""
    return ours.lower(), pandoc.lower()


@_strings
def _literal_dollars(ours, pandoc):
    """`\\$\\_2\\$` is the text "$_2$" (Zotero held the dollars as text): pandoc's CSL
    JSON writes it just as it writes math, so the comparison read pandoc's as math.
    Only for an entry that escapes a "$" (`explain`'s `source`)."""
    return read_math(ours), pandoc


@_names
def _particle_joined(name, is_ours):
    """Where a particle ends: "{van Dam}", "al-Hakim", "boven d’Eert". We keep a braced
    family name whole and split at the last space; pandoc splits particles off any
    family name and after a hyphen or apostrophe. Joined, the two agree."""
    particle = name.pop("non-dropping-particle", None)
    if particle:
        glue = "" if particle[-1] in "-’'" else " "
        name["family"] = particle + glue + name.get("family", "")
    return name


@_names
def _capital_particle(name, is_ours):
    """pandoc takes a capitalised word that begins with an accented letter
    ("{\\v C}opič Pucihar", "{\\AA}ke Persson") for a particle; BibTeX does not."""
    particle = name.get("dropping-particle", "")
    if not is_ours and particle[:1].isupper():
        name["family"] = name.pop("dropping-particle") + " " + name.get("family", "")
    return name


@_names
def _trailing_particle(name, is_ours):
    """"Oliveira, Maria Manuel Lobo Pinto de": BibTeX keeps the "de" after the given
    names in the given names; pandoc makes it a dropping particle."""
    particle = name.get("dropping-particle", "")
    if not is_ours and particle.islower():
        name["given"] = (name.get("given", "") + " " + name.pop("dropping-particle")).strip()
    return name


@_names
def _initials(name, is_ours):
    """Initials spaced otherwise: we space "J.G." (as pandoc does), but not "Y.G̃." whose
    letter has an accent; pandoc spaces initials inside a family name ("Cullis A. G.")."""
    return {k: re.sub(r"(?<=\.) (?=\w)", "", v) for k, v in name.items()}


def _bce(parts):
    return [[p[0] + 1 if p and p[0] < 0 else p[0], *p[1:]] if p else p for p in parts]


@_dates
def _astronomical_year(ours, pandoc):
    """A year before 1: pandoc reads EDTF's "-0333" as astronomical (334 BC, CSL -334);
    we write the year as given (-333), as Better BibTeX's own CSL JSON export does."""
    if pandoc and pandoc.get("parts"):
        pandoc = {**pandoc, "parts": _bce(pandoc["parts"])}
    return ours, pandoc


@_dates
def _season_month(ours, pandoc):
    """A season ("2017-22"): we write CSL's `season`, pandoc a month 21-24."""
    if not pandoc or not pandoc.get("parts") or not ours.get("season"):
        return ours, pandoc
    parts, seasons = [], []
    for part in pandoc["parts"]:
        if len(part) == 2 and 21 <= part[1] <= 24:
            seasons.append(part[1] - 20)
            part = part[:1]
        parts.append(part)
    return ours, {**pandoc, "parts": parts, "season": seasons[0] if seasons else None}


def _empty(date) -> bool:
    return date is None or (not date.get("literal") and not any(
        n for p in date.get("parts") or [] for n in p))


@_dates
def _year_range(ours, pandoc):
    """A range of years ("1829--1830", "1829/1830"): pandoc leaves the date empty."""
    parts = ours.get("parts") or []
    if len(parts) == 2 and all(len(p) == 1 for p in parts) and parts[0][0] < parts[1][0] \
            and _empty(pandoc):
        return ours, ours
    return ours, pandoc


@_dates
def _literal_date(ours, pandoc):
    """A year that is no date ("Forthcoming", "1875 [2004]", "Autumn 2001"): we keep it
    as a literal date, pandoc leaves the date empty."""
    if ours.get("literal") and not ours.get("parts") and _empty(pandoc):
        return ours, ours
    return ours, pandoc


@_dates
def _unspecified_digits(ours, pandoc):
    """An unspecified month or day ("1999-uu", "1999-01-uu"): we keep the known parts,
    pandoc makes a range from 0 to 99."""
    parts = (pandoc or {}).get("parts") or []
    if len(parts) == 2 and parts[0][-1:] == [0] and parts[1][-1:] == [99]:
        known = [n for n in parts[0] if n]
        if (ours.get("parts") or [None])[0] == known and len(ours["parts"]) == 1:
            return ours, ours
    return ours, pandoc


@_strings
def _soft_hyphen(ours, pandoc):
    """A soft hyphen (U+00AD, "Know\u00adledge"): we drop it, pandoc keeps it."""
    return ours, pandoc.replace("\u00ad", "")


@_dates
def _open_start(ours, pandoc):
    """A range open at the start ("/2006"): CSL has no open start, so we keep the end;
    pandoc writes [0] as the start."""
    parts = (pandoc or {}).get("parts") or []
    if len(parts) == 2 and parts[0] == [0]:
        return ours, {**pandoc, "parts": parts[1:]}
    return ours, pandoc


def _standard(ours, pandoc):
    """`@standard`: CSL 1.0.2's type "standard" for us, "legislation" for pandoc."""
    return (pandoc, pandoc) if (ours, pandoc) == ("standard", "legislation") else (ours,
                                                                                 pandoc)


def _empty_title(ours, pandoc):
    """`title = {}`: pandoc writes an empty title, we none."""
    return (pandoc, pandoc) if ours is None and pandoc == "" else (ours, pandoc)


ESCAPED_DOLLARS = "escaped dollars: text, not math"
TEXT_CLASSES = [
    ("pandoc drops \\textendash/\\textemdash", _dash_dropped),
    ("quotation marks", _quotes),
    ("pandoc lowers a capital after a subscript", _lowered_after_script),
    ("accents composed differently", _accents),
    ("letter case only (sentence-case heuristics)", _case_only),
    (ESCAPED_DOLLARS, _literal_dollars),
    ("where a particle ends ({van Dam}, al-Hakim)", _particle_joined),
    ("pandoc takes an accented capital for a particle", _capital_particle),
    ("a particle after the given names", _trailing_particle),
    ("initials spaced otherwise", _initials),
    ("year before 1: astronomical for pandoc", _astronomical_year),
    ("season: CSL season for us, month 21-24 for pandoc", _season_month),
    ("a range of years pandoc leaves empty", _year_range),
    ("a literal date pandoc leaves empty", _literal_date),
    ("unspecified month or day (1999-uu)", _unspecified_digits),
    ("soft hyphen: we drop it", _soft_hyphen),
    ("a range open at the start", _open_start),
    ("@standard: standard for us, legislation for pandoc", _standard),
    ("an empty field: pandoc writes it empty, we drop it", _empty_title),
]


def _same(ours, pandoc) -> bool:
    return json.dumps(ours, sort_keys=True) == json.dumps(pandoc, sort_keys=True)


def explain(ours, pandoc, source: str = "\\$") -> list[str] | None:
    """The text classes (one, or two in a row) that make the two values equal; `source`:
    the entry's text (escaped dollars are a cause only where it escapes one)."""
    classes = [c for c in TEXT_CLASSES if c[0] != ESCAPED_DOLLARS or "\\$" in source]
    for name, change in classes:
        if _same(*change(ours, pandoc)):
            return [name]
    for (first, one), (second, two) in permutations(classes, 2):
        if _same(*two(*one(ours, pandoc))):
            return [first, second]
    return None


# --- source classes: the entry rewritten for pandoc -----------------------------------

def _group_end(text: str, pos: int) -> int:
    """The end of the brace group at `pos`, counting braces that are not escaped."""
    depth = 0
    while pos < len(text):
        if text[pos] == "\\":
            pos += 2
            continue
        depth += {"{": 1, "}": -1}.get(text[pos], 0)
        pos += 1
        if depth == 0:
            break
    return pos


_PHANTOM = re.compile(r"\\[vh]?phantom\s*")


def _phantom(entry: str, context: dict) -> str | None:
    """pandoc drops \\vphantom but prints its argument ("\\vphantom\\{" is "{")."""
    if not _PHANTOM.search(entry):
        return None
    out, pos = [], 0
    for match in _PHANTOM.finditer(entry):
        if match.start() < pos:
            continue
        out.append(entry[pos:match.start()])
        end = match.end()
        if entry.startswith("{", end):
            end = _group_end(entry, end)
        elif entry.startswith("\\", end):
            command = re.match(r"\\(?:[A-Za-z]+|.)", entry[end:])
            end += command.end()
        else:
            end += 1
        pos = end
    return "".join(out) + entry[pos:]


_COMMAND = re.compile(r"\\([A-Za-z]+(?![A-Za-z])|[;:,])(?:\{\}|[ \t]+)?")


def _symbols(entry: str, context: dict) -> str | None:
    """Commands pandoc does not know and prints nothing for (found by asking pandoc:
    `context["dropped"]`), written as the character they stand for ("\\texttimes" "×")."""
    dropped = context.get("dropped", {})
    if not any(m.group(1) in dropped for m in _COMMAND.finditer(entry)):
        return None
    def write(match: re.Match) -> str:
        if match.group(1) not in dropped:
            return match.group(0)
        after_command = re.search(r"\\[A-Za-z]+$", entry[:match.start()])
        return ("{}" if after_command else "") + dropped[match.group(1)]

    return _COMMAND.sub(write, entry)


def _capital_and(entry: str, context: dict) -> str | None:
    """BibTeX splits names at "and" in any case ("Rashba, E. I. And Gurgenishvili");
    pandoc only at a small "and"."""
    names = re.compile(r"(?im)^(\s*(?:author|editor)\s*=\s*)(.*)$")
    capital = re.compile(r"(?<=\s)(?!and\s)(?i:and)(?=\s)")
    if not any(capital.search(m.group(2)) for m in names.finditer(entry)):
        return None
    return names.sub(lambda m: m.group(1) + capital.sub("and", m.group(2)), entry)


def _duplicate(entry: str, context: dict) -> str | None:
    """A key defined twice: pandoc keeps the last entry, we the first (and report the
    second); pandoc reading the first alone."""
    return entry if context.get("duplicate") else None


CHAPTER_LIKE = ("inbook", "incollection", "inproceedings", "inreference", "bookinbook",
                "suppbook", "suppcollection", "article")


def _booktitle(entry: str, context: dict) -> str | None:
    """pandoc reads `booktitle` only in a chapter-like entry; we keep it as the container
    of any entry (a TV episode's series, a JabRef @book's booktitle)."""
    head = re.match(r"\s*@(\w+)", entry)
    if not head or head.group(1).lower() in CHAPTER_LIKE or \
            not re.search(r"(?im)^\s*booktitle\s*=", entry):
        return None
    return entry[:head.start(1)] + "incollection" + entry[head.end(1):]


_MONTH = re.compile(r"(?im)^(\s*month\s*=\s*)\{([A-Za-z]{3})[a-z]*\.?\}")


def _month_word(entry: str, context: dict) -> str | None:
    """A month written out in braces ("{October}"): pandoc reads only numbers and the
    macros (oct)."""
    if not _MONTH.search(entry):
        return None
    return _MONTH.sub(lambda m: m.group(1) + m.group(2).lower(), entry)


def _issue(entry: str, context: dict) -> str | None:
    """BibLaTeX's `issue` ("Spring", "S1"): pandoc drops it, we read it as CSL's issue
    (as pandoc reads an article's `number`)."""
    if not re.search(r"(?im)^\s*issue\s*=", entry) or re.search(r"(?im)^\s*number\s*=",
                                                                entry):
        return None
    return re.sub(r"(?im)^(\s*)issue(\s*=)", r"\1number\2", entry)


_OPEN = re.compile(r"(?im)^(\s*date\s*=\s*\{[^}/]*)(/\.\.|/unknown|/open)\}|"
                   r"^(\s*date\s*=\s*\{)(\.\.|unknown)/")


def _open_range(entry: str, context: dict) -> str | None:
    """An open end written ".." (EDTF 2019) or "unknown"/"open" (its draft): pandoc reads
    only an empty end ("2004/")."""
    if not _OPEN.search(entry):
        return None
    return _OPEN.sub(lambda m: m.group(1) + "/}" if m.group(1) else m.group(3) + "/", entry)


SOURCE_CLASSES = [
    ("pandoc prints \\vphantom's argument", _phantom),
    ("pandoc drops a symbol command it does not know", _symbols),
    ("names joined by a capital 'And'", _capital_and),
    ("duplicate key: pandoc keeps the last entry", _duplicate),
    ("pandoc reads booktitle only in a chapter", _booktitle),
    ("month written out in braces", _month_word),
    ("pandoc drops biblatex's issue", _issue),
    ("an open end written '..' or 'unknown'", _open_range),
]
