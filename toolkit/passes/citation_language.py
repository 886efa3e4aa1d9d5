"""A language's citation rules that a CSL locale block cannot express, for the house style.

CSL chooses words by locale (the "ru" block of covenant-oscola.csl gives "п.", «Там же.»,
"сообщение №") but cannot choose structure by locale nor words by a variable's value. So,
for house styles only (an id beginning with `covenant-`), each language has rules here:

- `genres`: what a Committee decision is called before its date, by the entry's `genre`
  ("Views" -> "Views adopted"; in Russian "Соображения, принятые", the UN's Russian usage);
- `cross_reference`: whether a repeated citation refers to the note of the first one,
  "(n 12)" (OSCOLA). GOST R 7.0.5-2008 (section 8) repeats the author or short title
  and, for an authored work, "Указ. соч." instead: no note number;
- `name_delimiter`: several authors printed as one list with this delimiter (GOST lists
  authors with commas, with no conjunction: a Russian "и" between English names read
  "… Human Rights и Kazakhstan International Bureau …");
- without a cross-reference, a case is named in full in a repeated citation ("Narymbaev v
  Kazakhstan", not "Narymbaev");
- an entry in the document's language with an `original-title` (a law of Kazakhstan,
  its official Russian title) is cited by that title, its English translation set aside;
- `year_word`: the locale's dates end with it ("25 октября 2018 г."); a year without its
  day and month is written alone, "(Human Rights Watch, 2021)", as GOST gives a year of
  publication;
- `pinpoint_labels`: the pinpoint labels that, after «Там же.» or a short form, open a new
  element of the reference and so take a full stop before and a capital ("Там же. П. 2.",
  GOST R 7.0.5-2008, examples of repeated references).

A language without rules here gets English's. KEEPS_ITS_STOP lists the abbreviations whose
full stop stays when a citation's closing stop is dropped before "; " (GOST's
"Указ. соч.; …")."""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class LanguageRules:
    code: str  # the language, as an entry's `language` gives it ("ru", "ru-RU")
    genres: dict[str, str]  # lower-case genre -> words printed before the date
    cross_reference: bool = True
    name_delimiter: str | None = None
    pinpoint_labels: tuple[str, ...] = field(default_factory=tuple)
    year_word: str = ""  # after a full date only ("23 ноября 2021 г."; a year alone: "2021")


RULES = {
    "en": LanguageRules("en", genres={
        "views": "Views adopted", "decision": "Decision adopted",
        "decision on admissibility": "Decision on admissibility adopted",
        "inadmissibility decision": "Decision adopted",
    }),
    "ru": LanguageRules(
        "ru",
        genres={
            "views": "Соображения, принятые", "decision": "Решение, принятое",
            "decision on admissibility": "Решение о приемлемости, принятое",
            "inadmissibility decision": "Решение, принятое",
        },
        cross_reference=False,
        name_delimiter=", ",
        pinpoint_labels=("пп.", "п.", "с.", "ст.", "гл.", "разд.", "т.", "прил.", "строка",
                         "строки", "правило", "правила"),
        year_word="г.",
    ),
    # The words of the Committee's Views in French and Spanish before their date:
    # "Constatations adoptées par le Comité", "Dictamen aprobado por el Comité".
    "fr": LanguageRules("fr", genres={
        "views": "constatations adoptées le", "decision": "décision adoptée le",
        "decision on admissibility": "décision concernant la recevabilité adoptée le",
        "inadmissibility decision": "décision adoptée le",
    }),
    "es": LanguageRules("es", genres={
        "views": "dictamen aprobado el", "decision": "decisión adoptada el",
        "decision on admissibility": "decisión sobre la admisibilidad adoptada el",
        "inadmissibility decision": "decisión adoptada el",
    }),
}


KEEPS_ITS_STOP = ("Указ. соч.", "указ. соч.", "et al.")


def rules_for(locale: str | None) -> LanguageRules:
    return RULES.get((locale or "en").split("-")[0].lower(), RULES["en"])


def _name_text(name: dict) -> str:
    if "literal" in name:
        return str(name["literal"])
    parts = [name.get("given"), name.get("non-dropping-particle") or
             name.get("dropping-particle"), name.get("family"), name.get("suffix")]
    return " ".join(str(p) for p in parts if p)


def adapt_item(item: dict, rules: LanguageRules) -> dict:
    """The entry as the house style should see it in this language."""
    adapted = dict(item)
    language = str(item.get("language", "")).split("-")[0].lower()
    if item.get("type") == "legal_case" and not rules.cross_reference:
        adapted.pop("title-short", None)  # without "(n 3)", "Narymbaev" alone says too little
    if item.get("original-title") and language == rules.code:
        adapted["title"] = adapted.pop("original-title")
        adapted.pop("title-short", None)  # the English short title would not do
    genre = str(item.get("genre", "")).strip()
    if item.get("type") == "legal_case" and genre.lower() in rules.genres:
        adapted["genre"] = rules.genres[genre.lower()]
    if rules.name_delimiter:
        for variable in ("author", "editor"):
            names = item.get(variable)
            if isinstance(names, list) and len(names) > 1 and \
                    all(isinstance(n, dict) for n in names):
                adapted[variable] = [{"literal": rules.name_delimiter.join(
                    _name_text(n) for n in names)}]
    return adapted


def year_alone(html: str, rules: LanguageRules) -> str:
    """ "(Human Rights Watch, 2021 г.)" -> "(Human Rights Watch, 2021)"; a year after its
    month keeps the word ("23 ноября 2021 г.")."""
    if not rules.year_word:
        return html
    word = re.escape(rules.year_word)

    def keep_after_month(match: re.Match) -> str:
        before = html[:match.start()]
        return match.group(0) if re.search(r"[^\W\d_]{3,} $", before) else match["year"]

    return re.sub(r"(?P<year>\b\d{4}) " + word, keep_after_month, html)


def adapt_fragment(html: str, rules: LanguageRules) -> str:
    """A repeated citation's first pinpoint as a new element: "Там же. п. 2" ->
    "Там же. П. 2", "<i>Zhagiparov</i> п. 5" -> "<i>Zhagiparov</i>. П. 5"."""
    if not rules.pinpoint_labels:
        return html
    labels = "|".join(re.escape(label) for label in rules.pinpoint_labels)
    pattern = re.compile(r"(?P<before>[^\s>])(?P<tags>(?:</[a-z]+>)*) (?P<label>"
                         + labels + r")(?= )")

    def new_element(match: re.Match) -> str:
        stop = "" if match["before"] == "." else "."
        label = match["label"]
        return f"{match['before']}{match['tags']}{stop} {label[0].upper()}{label[1:]}"

    return pattern.sub(new_element, html, count=1)
