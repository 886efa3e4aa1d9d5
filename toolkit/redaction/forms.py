"""The forms in which a text can name a withheld person, and the matcher that finds them.

A name is matched as a name, never as a substring: text is cut into runs of letters
(so "Ones" is not "One", nor "Monitorovaland" "Monitorova"), and a form is a sequence of
runs, each a set of spellings (a Russian part's declensions), joined by at most three
characters of space, apostrophe ("O'Brien", "O’Brien"), hyphen, full stop or underscore
("dana_monitorova" in an address). Before matching, a text is normalised (NFKC: composed
accents, ligatures) and soft hyphens and zero-width characters are dropped; in Markdown,
emphasis and code markers too, so "Mon*itor*ova" is still a name.

The forms of one person (`person_forms`), from the name and from each alias alike:

| form | example | matched |
| --- | --- | --- |
| the name as written | Dana Monitorova | any case |
| given and family name, either order | Monitorova Dana | any case |
| title + family name (+ given) | Ms Monitorova, г-жа Петрова, Mme Monitorova | any case |
| initial + family name | D. Monitorova | any case |
| the parts run together | danamonitorova, OBrien | any case |
| one part alone, each piece of a hyphenated family name too | Monitorova, Quorrin | any case |

A form all of whose name parts are ordinary words (words.py) matches only when each
part is capitalised as a name; a part that is an ordinary word, or part of the name of a
public person in the same document (`spare`), is never matched alone (`ambiguous`
lists them, and toolkit/checks/confidentiality.py warns where a case file uses one).
Cyrillic parts match in every declension (words.declensions). A title takes its place
in the match, so the label replaces "Ms Monitorova" whole: never "Ms Witness A"."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from toolkit.redaction import words
from toolkit.redaction.people import Replacement

RUN = re.compile(r"[^\W\d_]+")
JOINER = re.compile(r"[\s'’ʼ‘`′\-‐‑–._]{1,3}")
# Dropped before matching: soft hyphen, zero-width space/joiners, word joiner, BOM.
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff\u180e"
MARKDOWN_MARKS = "*_`~"
TITLES: frozenset[tuple[str, ...]] = frozenset(tuple(t.split()) for t in (
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "m", "mme", "mlle", "sr", "sra",
    "srta", "herr", "frau", "г н", "г на", "г ну", "г ном", "г не", "г жа", "г жи",
    "г же", "г жу", "г жой", "господин", "господина", "господину", "господином",
    "господине", "госпожа", "госпожи", "госпоже", "госпожу", "госпожой"))


@dataclass(frozen=True)
class Form:
    """One way of writing a withheld name: runs of letters, each a set of spellings."""

    runs: tuple[frozenset[str], ...]
    who: Replacement
    shown: str  # the form as a person would write it, for messages
    exact_case: bool = False  # every name part an ordinary word: capitalised only
    titled: bool = False  # only after a title or an initial (Ms May, G. May)
    initials: frozenset[str] = frozenset()  # of the given names, folded


@dataclass
class Match:
    start: int
    end: int
    form: Form


@dataclass
class _Part:
    text: str
    kind: str  # given | family | patronymic
    runs: tuple[frozenset[str], ...] = ()
    word: bool = False


def _parts(name: str) -> list[_Part]:
    """The parts of a name as written: the last is the family name unless the
    dictionary reads the parts otherwise (Russian order: Петрова Анна Сергеевна)."""
    texts = name.split()
    kinds = [words.reading_of(t) for t in texts]
    if "family" not in kinds:
        kinds = [k or ("family" if i == len(texts) - 1 else "given")
                 for i, k in enumerate(kinds)]
    parts = []
    for text, kind in zip(texts, kinds, strict=True):
        kind = kind or "given"
        pieces = RUN.findall(text)
        runs = tuple(words.declensions(p, "family" if kind == "family" else "given")
                     for p in pieces)
        parts.append(_Part(text, kind, runs, all(words.is_word(p) for p in pieces)))
    return parts


def _pieces(part: _Part) -> list[_Part]:
    """The pieces of a hyphenated part (Vesterlund-Quorrin), or none."""
    texts = [p for p in re.split(r"[-‐‑–]", part.text) if RUN.search(p)]
    if len(texts) < 2:
        return []
    pieces, at = [], 0
    for text in texts:
        n = len(RUN.findall(text))
        pieces.append(_Part(text, part.kind, part.runs[at:at + n],
                            all(words.is_word(r) for r in RUN.findall(text))))
        at += n
    return pieces


def person_forms(who: Replacement, spare: frozenset[str] = frozenset()
                 ) -> tuple[list[Form], list[str]]:
    """Every form of one withheld person, and the parts that are not withheld alone
    (ordinary words, or shared with a public person's name)."""
    forms: dict[tuple, Form] = {}
    ambiguous: list[str] = []

    initials = frozenset(words.fold(p[0]) for name in who.names for p in name.split()[:-1]
                         if p[0].isalpha())

    def add(parts: list[_Part], titled: bool = False) -> None:
        runs = tuple(r for p in parts for r in p.runs)
        if runs:
            shown = ("Ms " if titled else "") + " ".join(p.text for p in parts)
            forms.setdefault(runs, Form(runs, who, shown, all(p.word for p in parts),
                                        titled, initials))

    def add_run(text: str, exact: bool = False) -> None:
        runs = (frozenset({words.fold(text)}),)
        forms.setdefault(runs, Form(runs, who, text, exact, initials=initials))

    for name in who.names:
        parts = _parts(name)
        if not parts:
            continue
        family = [p for p in parts if p.kind == "family"] or parts[-1:]
        given = [p for p in parts if p.kind == "given"]
        add(parts)
        if given:
            add([given[0], *family])
            add([*family, given[0]])
            add([*family, *given])
            concatenated = "".join(RUN.findall("".join(p.text for p in [given[0], *family])))
            if len(concatenated) >= 6:
                add_run(concatenated)
        for part in parts:
            if len(part.runs) > 1:  # O'Brien as OBrien, Vesterlund-Quorrin run together
                add_run("".join(RUN.findall(part.text)), part.word)
            alone = [(part.text, part.runs, part.word)]
            for piece in _pieces(part) if part.kind == "family" else ():
                # each piece of a hyphenated family name (Vesterlund-Quorrin)
                alone.append((piece.text, piece.runs, piece.word))
                if len(piece.runs) > 1:
                    add_run("".join(RUN.findall(piece.text)), piece.word)
            for text, runs, word in alone:
                if len(runs) == 1 and len(text) < 2:
                    continue
                if word or any(words.fold(p) in spare for p in RUN.findall(text)):
                    if len(parts) > 1:  # withheld in fuller forms only
                        ambiguous.append(text)
                        continue
                    forms.setdefault(runs, Form(runs, who, text, exact_case=True))
                    continue
                forms.setdefault(runs, Form(runs, who, text, initials=initials))
        # A family name that is not withheld alone still is after a title or an initial.
        for surname in [family] + [[piece] for part in family for piece in _pieces(part)]:
            add(surname, titled=True)
    return list(forms.values()), list(dict.fromkeys(ambiguous))


@dataclass
class View:
    """A text as the matcher reads it (`text`) and where each of its characters came
    from in the original (`starts`, `ends`)."""

    text: str
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)


def _needs_view(text: str, dropped: str) -> bool:
    return any(c in text for c in dropped) or not unicodedata.is_normalized("NFKC", text)


def normalise(text: str, markdown: bool = False) -> View | None:
    """The view of `text` to match in, or None when it is the text itself."""
    dropped = INVISIBLE + (MARKDOWN_MARKS if markdown else "")
    if not _needs_view(text, dropped):
        return None
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i = 0
    while i < len(text):
        j = i + 1
        while j < len(text) and unicodedata.combining(text[j]):
            j += 1
        cluster = text[i:j]
        if cluster[0] in dropped:
            cluster = cluster[1:]
        for char in unicodedata.normalize("NFKC", cluster):
            out.append(char)
            starts.append(i)
            ends.append(j)
        i = j
    return View("".join(out), starts, ends)


class Matcher:
    """Finds every form of every withheld person in a text, longest form first, in one
    pass over its runs of letters (a dictionary look-up per run, whatever the number of
    people)."""

    def __init__(self, replacements: Iterable[Replacement], spare: Iterable[str] = ()) -> None:
        spare = frozenset(words.fold(s) for s in spare)
        self.replacements = list(replacements)
        self.forms: list[Form] = []
        self.ambiguous: dict[str, list[str]] = {}
        for who in self.replacements:
            forms, ambiguous = person_forms(who, spare)
            self.forms += forms
            if ambiguous:
                self.ambiguous[who.name] = ambiguous
        self.index: dict[str, list[Form]] = {}
        for form in self.forms:
            for spelling in form.runs[0]:
                self.index.setdefault(spelling, []).append(form)
        for candidates in self.index.values():
            candidates.sort(key=lambda f: -len(f.runs))

    def __bool__(self) -> bool:
        return bool(self.forms)

    def find(self, text: str, markdown: bool = False) -> list[Match]:
        """Every withheld name in `text`, as spans of the original text."""
        if not self.forms or not text:
            return []
        view = normalise(text, markdown)
        seen = view.text if view else text
        runs = [(m.start(), m.end(), words.fold(m.group())) for m in RUN.finditer(seen)]
        found: list[Match] = []
        i = 0
        while i < len(runs):
            length, form = self._longest(seen, runs, i)
            if form is None:
                i += 1
                continue
            before = self._title_before(seen, runs, i, form)
            start, end = runs[i - before][0], runs[i + length - 1][1]
            if view:
                start, end = view.starts[start], view.ends[end - 1]
            found.append(Match(start, end, form))
            i += length
        return found

    @staticmethod
    def _title_before(seen: str, runs: list, i: int, form: Form) -> int:
        """How many runs before run `i` make a title ("Ms", "г-жа") or one of the
        person's initials, which the match then takes in."""
        def joined(k: int) -> bool:
            return bool(JOINER.fullmatch(seen, runs[k][1], runs[k + 1][0]))

        if i >= 2 and (runs[i - 2][2], runs[i - 1][2]) in TITLES and joined(i - 2) and \
                joined(i - 1):
            return 2
        if i >= 1 and joined(i - 1) and ((runs[i - 1][2],) in TITLES or
                                         runs[i - 1][2] in form.initials):
            return 1
        return 0

    def _longest(self, seen: str, runs: list, i: int) -> tuple[int, Form | None]:
        for form in self.index.get(runs[i][2], ()):
            n = len(form.runs)
            if i + n > len(runs) or form.titled and not self._title_before(seen, runs, i, form):
                continue
            if all(runs[i + k][2] in form.runs[k] and
                   JOINER.fullmatch(seen, runs[i + k - 1][1], runs[i + k][0])
                   for k in range(1, n)) and \
                    (not form.exact_case or all(seen[runs[i + k][0]].isupper()
                                                for k in range(n))):
                return n, form
        return 0, None

    def forms_of(self, name: str) -> list[Form]:
        return [f for f in self.forms if f.who.name == name]
