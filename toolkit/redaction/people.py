"""Who is withheld from a public version, and the label that stands for each of them.

Trial monitors are confidential unless their own entry says `confidential: false`;
anyone else when their entry says `confidential: true` (a YAML merge key cannot say it
for them: toolkit/checks/confidentiality.py refuses one in a person's entry).

Labels are numbered by role in the order of `people`, in the document's language
("Monitor 1", "Witness A"; "Наблюдатель 1", "Свидетель А"; "Observateur 1", "Témoin A").
A label the person's entry sets (`label:`) is used as written."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from toolkit.model.case import Person

# role -> (word, numbering) per language; numbering "number" gives 1, 2 ...; "letter" A, B.
LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "en": {"trial-monitor": ("Monitor", "number"), "witness": ("Witness", "letter"),
           "expert": ("Expert", "number"), "counsel": ("Counsel", "number"),
           "alleged-victim": ("Alleged victim", "letter"), "author": ("Author", "letter"),
           "": ("Person", "letter")},
    "ru": {"trial-monitor": ("Наблюдатель", "number"), "witness": ("Свидетель", "letter"),
           "expert": ("Эксперт", "number"), "counsel": ("Защитник", "number"),
           "alleged-victim": ("Предполагаемая жертва", "letter"),
           "author": ("Автор", "letter"), "": ("Лицо", "letter")},
    "fr": {"trial-monitor": ("Observateur", "number"), "witness": ("Témoin", "letter"),
           "expert": ("Expert", "number"), "counsel": ("Conseil", "number"),
           "alleged-victim": ("Victime présumée", "letter"), "author": ("Auteur", "letter"),
           "": ("Personne", "letter")},
    "es": {"trial-monitor": ("Observador", "number"), "witness": ("Testigo", "letter"),
           "expert": ("Perito", "number"), "counsel": ("Abogado", "number"),
           "alleged-victim": ("Presunta víctima", "letter"), "author": ("Autor", "letter"),
           "": ("Persona", "letter")},
}
# The letters that label a language's people, in order (Russian skips Ё Й Ъ Ы Ь).
ALPHABETS = {"ru": "АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЩЭЮЯ"}
LATIN = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def is_confidential(person: Person) -> bool:
    if person.confidential is not None:
        return person.confidential
    return "trial-monitor" in person.roles


@dataclass(frozen=True)
class Replacement:
    """One withheld person: the names to find, the label that replaces them, and the
    label's form for identifiers and link addresses (`slug`)."""

    name: str
    label: str
    aliases: tuple[str, ...] = ()  # other spellings of the same name
    slug: str = "withheld"

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


def _letters(n: int, alphabet: str = LATIN) -> str:
    """1 -> A, 26 -> Z, 27 -> AA: labels for any number of people."""
    text = ""
    while n > 0:
        n, rest = divmod(n - 1, len(alphabet))
        text = alphabet[rest] + text
    return text


def slug(label: str, fallback: str) -> str:
    """'Witness A' -> 'witness-a': the label as it may stand in an id or an address
    (ASCII; a label without Latin letters takes `fallback`, the English one's slug)."""
    ascii_ = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode()
    text = re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")
    return text if len(text) >= len(re.sub(r"\W", "", label)) else fallback


def _numbered(word: str, style: str, n: int, language: str) -> str:
    return f"{word} {n if style == 'number' else _letters(n, ALPHABETS.get(language, LATIN))}"


def plan(people: list[Person], language: str = "en") -> list[Replacement]:
    """A stable label for each confidential person: 'Monitor 1', 'Witness A' ...
    (one label per name: a person listed twice, as in several cases, keeps the first)."""
    words = LABELS.get(language.split("-")[0], LABELS["en"])
    counters: Counter[str] = Counter()
    plan_: list[Replacement] = []
    planned: set[str] = set()
    for person in people:
        if not is_confidential(person):
            continue
        name = " ".join(person.name.casefold().split())
        if name in planned:
            continue
        planned.add(name)
        role = next((r for r in person.roles if r in words), "")
        counters[role] += 1
        n = counters[role]
        english = _numbered(*LABELS["en"][role], n, "en")
        label = person.label or _numbered(*words[role], n, language)
        plan_.append(Replacement(person.name, label, tuple(person.aliases),
                                 slug(label, slug(english, f"withheld-{len(plan_) + 1}"))))
    return plan_
