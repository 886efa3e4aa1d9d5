"""BibTeX name lists to CSL names: "First von Last", "von Last, First", "von Last, Jr,
First", a braced "{Human Rights Watch}" as one literal name, and Better BibTeX's
extended syntax ("family=Doe, given=John, prefix=van den, useprefix=true").

The split is made on the LaTeX source, at brace depth 0, as BibTeX does; each part is
then turned into Unicode (toolkit/readers/latex_text.py), so "Oxenl{\\o}we" is one word
"Oxenløwe" and "{\\AA}kerman" one word "Åkerman". A particle ("von", "de la") is CSL's
dropping particle, or the non-dropping one when `useprefix=true` (Better BibTeX), as
pandoc maps them.

Size: the name grammar alone, small but with its own rules."""

from __future__ import annotations

import re

from toolkit.readers.latex_text import plain

_EXTENDED_KEYS = {"family", "given", "prefix", "suffix", "useprefix", "juniorcomma",
                  "family-i", "given-i", "prefix-i", "suffix-i"}


def split_depth0(value: str, separator: re.Pattern) -> list[str]:
    """Split `value` where `separator` matches outside braces."""
    parts, depth, last, pos = [], 0, 0, 0
    while pos < len(value):
        char = value[pos]
        if char == "\\":
            pos += 2
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth = max(depth - 1, 0)
        elif depth == 0 and (match := separator.match(value, pos)):
            parts.append(value[last:pos])
            last = pos = match.end()
            continue
        pos += 1
    parts.append(value[last:])
    return parts


_AND = re.compile(r"\s+and\s+", re.IGNORECASE)
_COMMA = re.compile(r",")
_SPACE = re.compile(r"[\s~]+")


def parse_names(value: str, useprefix: bool = False) -> list[dict]:
    names = []
    for raw in split_depth0(value.strip(), _AND):
        raw = raw.strip()
        if not raw:
            continue
        if raw.lower() == "others":
            names.append({"literal": "others"})
            continue
        name = _extended(raw, useprefix) if _is_extended(raw) else _bibtex(raw, useprefix)
        if name:
            names.append(name)
    return names


def _is_extended(raw: str) -> bool:
    fields = split_depth0(raw, _COMMA)
    return all("=" in f and f.split("=", 1)[0].strip().lower() in _EXTENDED_KEYS
               for f in fields)


def _extended(raw: str, useprefix: bool) -> dict:
    parts = {}
    for field in split_depth0(raw, _COMMA):
        key, _, value = field.partition("=")
        value = value.strip()
        if value.startswith('"') and value.endswith('"'):
            value = value[1:-1]
        parts[key.strip().lower()] = value
    use = parts.get("useprefix", str(useprefix)).strip().lower() == "true"
    name = {}
    if "family" in parts:
        name["family"] = plain(parts["family"])
    if "given" in parts:
        name["given"] = _spaced_initials(plain(parts["given"]))
    if parts.get("prefix"):
        name["non-dropping-particle" if use else "dropping-particle"] = plain(parts["prefix"])
    if parts.get("suffix"):
        name["suffix"] = plain(parts["suffix"])
    return name


def _words(text: str) -> list[str]:
    return [w for w in split_depth0(text.strip(), _SPACE) if w]


def _is_lower(word: str) -> bool:
    """BibTeX's "von" test: the first letter at brace depth 0 (or of a special
    character "{\\'e}") is small."""
    if word.startswith("{") and not word.startswith("{\\"):
        return False
    letters = [c for c in plain(word) if c.isalpha()]
    return bool(letters) and letters[0].islower()


def _bibtex(raw: str, useprefix: bool) -> dict:
    if raw.startswith("{") and raw.endswith("}") and len(split_depth0(raw, _SPACE)) == 1 \
            and not raw.startswith("{\\"):
        return {"literal": plain(raw)}
    commas = [p.strip() for p in split_depth0(raw, _COMMA)]
    if len(commas) == 1:
        words = _words(commas[0])
        if len(words) == 1:
            return {"family": plain(words[0])}
        # First von Last: "von" runs from the first to the last small word before Last.
        small = [i for i, w in enumerate(words[:-1]) if _is_lower(w)]
        if small:
            first, von, last = words[:small[0]], words[small[0]:small[-1] + 1], \
                words[small[-1] + 1:]
        else:
            first, von, last = words[:-1], [], words[-1:]
        suffix = ""
    else:
        head = _words(commas[0])
        von_end = 0
        while von_end < len(head) - 1 and _is_lower(head[von_end]):
            von_end += 1
        von, last = head[:von_end], head[von_end:]
        if len(commas) == 2:
            suffix, first = "", _words(commas[1])
        else:
            suffix, first = commas[1], _words(", ".join(commas[2:]))
    family = plain(" ".join(last))
    if not von and len(last) == 1 and last[0].startswith("{") and not useprefix:
        # "{van Vugt}, Lambert": Zotero's family name "van Vugt" kept whole by Better
        # BibTeX; as citeproc-js and pandoc read a CSL family name, its leading small
        # words are the particle ("van" + "Vugt"), so it sorts and prints as CSL means.
        von_words, family = _leading_particle(family)
        if von_words:
            useprefix = True
            von = [von_words]
    name = {"family": family} if family else {}
    if first:
        name["given"] = _spaced_initials(plain(" ".join(first)))
    if von:
        name["non-dropping-particle" if useprefix else "dropping-particle"] = \
            plain(" ".join(von))
    if suffix:
        name["suffix"] = plain(suffix)
    return name


# A particle's words are small letters, with dots ("v.d."), an apostrophe after ("d’",
# joined to the name) or before ("’t"): "van der", "d’", "op ’t", not "d’Albuquerque".
_PARTICLE = re.compile(r"^((?:(?:['’][a-z]+|[a-z][a-z.]*['’]?)(?:\s+|(?<=['’])))+)"
                       r"(?=[A-Z\u00c0-\u024f])")


def _leading_particle(family: str) -> tuple[str, str]:
    """("van der", "Wiel") from "van der Wiel"; ("", family) when it has no particle."""
    match = _PARTICLE.match(family)
    if not match or not family[match.end():].strip() or not family[match.end()].isupper():
        return "", family
    return match.group(1).strip(), family[match.end():].strip()


def _spaced_initials(given: str) -> str:
    """"J.G." → "J. G." (pandoc does the same, so both spellings print alike); as pandoc,
    not before a letter with an accent ("Y.G̃.")."""
    def space(match: re.Match) -> str:
        initials = match.group(1).isupper() and match.group(2).isupper()
        return match.group(0) + " " if initials else match.group(0)

    return re.sub(r"\b([^\W\d_])\.(?=([^\W\d_])(?![\w\u0300-\u036f]))", space, given)
